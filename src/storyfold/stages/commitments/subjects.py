"""Who acts in an act of the parse: the verb's subject, a passive's agent, a governor's subject
(an infinitive under a controlling verb, a gerund of means, the infinitive of a noun of resolving:
"reached an agreement to allot", a participle beside its clause: "…, asking for $1.8 trillion"; the
speaker's, for a conjunct the parse hung on a quotation), the noun a relative clause qualifies (the
person a "who" stands for; none where the clause qualifies a recipient), or the proper noun right
before a main verb the parse left without one; and the acting noun phrase's span. Read by
:mod:`storyfold.stages.commitments.clauses`."""

from __future__ import annotations

from typing import Any

from storyfold.records import CommitmentStatus
from storyfold.stages.commitments.status import ADOPT, DECLINE, PLAN, REFUSE, WILLING, chain, head_lemma
from storyfold.stages.commitments.tokens import base_form, on_recipient
from storyfold.stages.commitments.tokens import span as _span
from storyfold.text import wordnet
from storyfold.text.lexicon import REPORTING, TO_CONTENT

__all__ = ["CONTROLS", "antecedent", "quoted", "FINITE_DEPS", "GOVERNS_GERUND", "RESOLVED", "lost_subject", "means", "on_people",
           "resolved", "resolver", "subject_of", "subject_span"]

S = CommitmentStatus

# Where the act's verb may stand: a finite clause or a predicate under one; a gerund or infinitive
# under a noun ("the idea of deploying forces", "deploying troops … could be premature") states no act.
FINITE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "conj", "advcl", "relcl", "parataxis"})
GOVERNS_GERUND = WILLING | PLAN | frozenset({"commit", "agree", "begin", "start", "continue", "keep"})
# A verb whose subject also acts in the infinitive it governs, however far the parse puts it.
CONTROLS = GOVERNS_GERUND | WILLING | DECLINE | REFUSE | frozenset({"decide", "vow", "pledge", "promise"})


def subject_of(verb: Any) -> tuple[Any | None, bool]:
    """The acting noun: the verb's subject, a passive's agent, else a governor's subject; for
    "receive", who it came from ("Ukraine received 20 tanks from Poland"), else the name on a sum or gift
    received ("a MacArthur Foundation grant")."""
    if verb.lemma_ == "receive":
        source = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"), None)
        pobj = next((g for g in source.children if g.dep_ == "pobj"), None) if source is not None else None
        if pobj is None:  # the giver named on what is received: "receiving a $500 , 000 MacArthur Foundation grant";
            # on a thing that is no property handed over, the name is its maker ("received the Pfizer vaccine")
            obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ == "NOUN"), None)
            pobj = next((c for c in obj.children if c.dep_ in ("compound", "nmod") and c.pos_ == "PROPN"), None) \
                if obj is not None and wordnet.sense_is_a(obj.lemma_.lower(), 2, "possession.n.02") else None
        return (pobj, False) if pobj is not None and pobj.pos_ == "PROPN" else (None, False)
    given = _given_to(verb)
    if given is not None:  # "the Chargers were awarded the NFL's … Award": the name on what is given
        name = next((c for c in given.children if c.dep_ in ("poss", "compound", "nmod") and c.pos_ == "PROPN"), None)
        return name, False
    if resolved(verb) is not None:  # "the Budget Committee had reached an agreement to allot …"
        return subject_of(resolver(verb).head)
    if verb.dep_ == "conj" and verb.head.dep_ == "ccomp" and quoted(verb.head) and not quoted(verb):
        return subject_of(verb.head.head)  # 'said of the bill "this is only the beginning," and pledged to …'

    # one who is given ("Ross, who ended up being paid $3 million") is no giver
    passive = any(c.dep_ == "auxpass" for c in verb.children)
    governors = chain(verb)
    for k, tok in enumerate(governors[1:] if verb.lemma_ == "go" else governors):  # money that goes is no actor
        raised = _raised(tok, governors[k - 1]) if k and verb.lemma_ != "go" else None
        if raised is not None:
            return raised, raised.pos_ == "PRON"
        for c in tok.children:
            if c.dep_ == "agent":
                pobj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if pobj is not None:
                    return pobj, pobj.pos_ == "PRON"
        subj = next((c for c in tok.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None and tok.dep_ == "relcl" and subj.tag_ in ("WDT", "WP") and on_recipient(tok):
            return None, False  # "attributed to a NATO Trust Fund that provides …": what the recipient does
        if subj is not None and tok.dep_ == "relcl" and not passive and (subj.lower_ == "who" or (
                subj.tag_ == "WDT" and _named_organisation(antecedent(tok)))):
            if _describes(tok):  # what the one qualified does as a rule ("a consultant … who provides
                # anti-racism training"): no act; a "which" stands for the last actor, as any pronoun
                return (None, False) if subj.lower_ == "who" else (subj, subj.pos_ == "PRON")
            return antecedent(tok), False  # "LaRue, …, the … aide who delivered …": the person qualified
        if subj is not None and _helped(tok, subj):
            return None, False  # "a deal to help Australia deploy …": the one helped acts in what the helper enables
        if subj is not None and subj.lower_ in ("we", "i") and quoted(subj):
            return _speaker(subj)  # '"… we are now donating three shots …"': the one who says it
        if subj is not None and (teller := _teller(subj, tok)) is not None:
            return teller, False  # "The European Commission said it would send …": the one who says it
        if subj is not None:
            return subj, subj.pos_ == "PRON"
        if tok.dep_ in ("relcl", "acl") and tok.head.pos_ in ("NOUN", "PROPN") and not (
                tok.dep_ == "acl" and any(c.dep_ == "nsubjpass" for c in tok.children)):  # a clause of its own
            if on_recipient(tok):
                return None, False  # what the recipient does
            return tok.head, False
    if means(verb):  # "The Senate … sent a message … by passing a bill": the governing verb's subject
        return subject_of(verb.head.head)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.head.pos_ in ("VERB", "AUX") and not any(
            c.dep_ in ("mark", "nsubj", "nsubjpass", "expl") for c in verb.children) \
            and head_lemma(verb.head) not in REPORTING:
        # a participle beside its clause ("Biden will present …, asking for …"), not one beside a
        # report, which comments on what was said ("…, the White House said, likely setting up …")
        return subject_of(verb.head)
    root = verb.sent.root  # "Ireland committed … to direct its funds": the governing verb's subject
    if root.i != verb.i and head_lemma(root) in CONTROLS and any(c.dep_ == "aux" and c.lower_ == "to"
                                                              for c in verb.children):
        subj = next((c for c in root.children if c.dep_ in ("nsubj", "csubj")), None)
        if subj is not None:
            return subj, subj.pos_ == "PRON"
    return lost_subject(chain(verb)[-1])


def _given_to(verb: Any) -> Any | None:
    """What a passive whose subject is the one given to gives, its direct object ("the Chargers were
    awarded the NFL's Winston - Shell Award"), where it names no agent; else None."""
    kids = list(verb.children)
    if not any(c.dep_ == "auxpass" for c in kids) or not any(c.dep_ == "nsubjpass" for c in kids) or any(
            c.dep_ == "agent" for c in kids):
        return None
    return next((c for c in kids if c.dep_ == "dobj"), None)


def _raised(tok: Any, inner: Any) -> Any | None:
    """The passive subject of a governor whose to-infinitive the act is, where the governor is no
    verb asking it of them ("A bipartisan group of senators is expected to introduce a $908 billion
    coronavirus relief bill": the senators; not "was urged to send", the lexicon's TO_CONTENT)."""
    if inner.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in inner.children) or \
            head_lemma(tok) in TO_CONTENT or not any(c.dep_ == "auxpass" for c in tok.children):
        return None
    return next((c for c in tok.children if c.dep_ == "nsubjpass"), None)


_OPEN, _CLOSE = frozenset("“«‘"), frozenset("”»’")


def _speaker(we: Any) -> tuple[Any | None, bool]:
    """Who a first-person subject inside a quotation stands for: the subject, outside the quotation,
    of the verb of saying the quoted clause depends on ('"We will send …," the minister said');
    none where the sentence names no speaker (the quotation's speaker is another sentence's)."""
    tok = we.head
    while tok.head.i != tok.i and head_lemma(tok) not in REPORTING:
        tok = tok.head
    said = next((c for c in tok.children if c.dep_ == "nsubj" and not quoted(c)), None) \
        if head_lemma(tok) in REPORTING else None
    return (said, said.pos_ == "PRON") if said is not None else (None, False)


def _teller(it: Any, tok: Any) -> Any | None:
    """The body an "it" or a "they" subject of a reported clause stands for: the named subject of
    the verb of saying it depends on, where that is no person and agrees in number ("The World
    Bank announced that it will give …", "Democrats said they would back …"); else None."""
    if it.lower_ not in ("it", "they") or tok.dep_ != "ccomp" or head_lemma(tok.head) not in REPORTING:
        return None
    if tok.lemma_ == "be" and not any(c.dep_ == "acomp" and c.lemma_ in WILLING for c in tok.children):
        return None  # an "it" that stands for what follows ("said it was premature to rule out …")
    said = next((c for c in tok.head.children if c.dep_ == "nsubj"), None)
    if said is None or said.pos_ == "PRON" or said.ent_type_ == "PERSON" or quoted(said):
        return None
    plural = said.tag_ in ("NNS", "NNPS")
    return said if (it.lower_ == "they") == plural or (it.lower_ == "they" and said.ent_type_ in ("ORG", "NORP")) else None


def quoted(tok: Any) -> bool:
    """Whether ``tok`` stands inside a quotation opened before it in its sentence (a conjunct the
    parse hung on the quoted clause's verb, after the quotation closes, belongs to the speaker's)."""
    depth = 0
    for t in tok.doc[tok.sent.start : tok.i]:
        if t.text in _OPEN:
            depth += 1
        elif t.text in _CLOSE:
            depth = max(0, depth - 1)
        elif t.text == '"':
            depth = 1 - min(depth, 1)
    return depth > 0


def _named_organisation(noun: Any) -> bool:
    """Whether ``noun`` heads the name of an organisation ("the MacArthur Foundation, which last year
    awarded her …": WordNet's organisation in either of the head's two most frequent senses), not a
    programme, a fund or a law through which another gives ("the USAI (…), which provides …")."""
    return noun.pos_ == "PROPN" and noun.lower_.isalpha() and wordnet.sense_is_a(noun.lower_, 2, "organization.n.01")


# Verbs that enable another to act, taking a bare infinitive with its own subject ("to help
# Australia deploy nuclear-powered submarines", "let Ukraine buy"): that subject is the one helped.
_ENABLE = frozenset({"help", "assist", "enable", "let", "allow"})


def _helped(verb: Any, subj: Any) -> bool:
    """Whether ``subj`` is the one a verb of enabling (:data:`_ENABLE`) helps to do ``verb``, its
    bare infinitive ("help Australia deploy"): the act is the helper's, if any, not the helped's."""
    return verb.dep_ in ("ccomp", "xcomp") and verb.tag_ == "VB" and verb.head.lemma_ in _ENABLE \
        and subj.dep_ == "nsubj" and subj.head.i == verb.i and not any(c.dep_ == "aux" for c in verb.children)


def _describes(verb: Any) -> bool:
    """Whether ``verb`` is a bare present, which says what its subject does as a rule (", which
    provides legal advice to the executive branch"), not an act."""
    return verb.tag_ in ("VBZ", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)


def antecedent(clause: Any) -> Any:
    """The person a relative clause led by "who" qualifies: the noun it hangs on, or, where that is
    a common noun set beside a name ("Frederick Cheney LaRue, 75, the shadowy … aide and 'bagman'
    who delivered …"), the name."""
    noun = clause.head
    while noun.pos_ != "PROPN" and noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head
    return noun


def lost_subject(top: Any) -> tuple[Any | None, bool]:
    """The subject of a finite main verb that the parse left without one, having attached it to a
    phrase before ("According to …, Vadym Prystaiko, UK, is about to transfer 2 vessels": "UK" read as
    an apposition): the proper noun right before the verb, past punctuation; else none."""
    if top.dep_ != "ROOT" or top.tag_ not in ("VBZ", "VBD", "VBP", "MD") or any(
            c.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") for c in top.children):
        return None, False
    i = top.i - 1
    while i >= top.sent.start and top.doc[i].is_punct:
        i -= 1
    prev = top.doc[i] if i >= top.sent.start else None
    return (prev, False) if prev is not None and prev.pos_ == "PROPN" and i < top.i - 1 else (None, False)


# Nouns of resolving to act (WordNet): an infinitive under one of them, the object of a verb, is the
# act that verb's subject resolved on ("reached an agreement to allot $3.5 trillion", "made the
# decision to send", "announced plans to deliver", "made a pledge to give"). Not an idea or an
# intention ("the idea to send troops").
RESOLVED = {"agreement.n.01": None, "decision.n.01": None, "plan.n.01": S.WILLING, "proposal.n.01": S.WILLING,
             "offer.n.02": S.WILLING, "promise.n.01": S.PLEDGED, "pledge.n.01": S.PLEDGED}


def resolved(verb: Any) -> CommitmentStatus | None | bool:
    """Whether ``verb`` is the infinitive of a noun of resolving (:data:`RESOLVED`) that a verb takes
    as its object: the status the noun gives (a plan or an offer: willing, unless the governor adopts
    it; a promise: pledged), ``False`` where the governor's own status stands, None where it is no such act."""
    verb = _first_conjunct(verb)  # "its plan to purchase and donate 500 million doses": both
    noun = verb.head
    if verb.dep_ != "acl" or noun.pos_ != "NOUN" or noun.dep_ != "dobj" or not any(
            c.dep_ == "aux" and c.lower_ == "to" for c in verb.children) or any(
            c.dep_ == "poss" and c.pos_ != "PRON" for c in noun.children):  # not "criticized Biden's decision to send"
        return None
    head = base_form(noun)
    for anchor, status in RESOLVED.items():
        if head.isalpha() and wordnet.sense_is_a(head, 2, anchor):
            return False if status is None or head_lemma(noun.head) in ADOPT else status
    return None


def _first_conjunct(verb: Any) -> Any:
    while verb.dep_ == "conj" and verb.head.i != verb.i and verb.head.pos_ in ("VERB", "AUX"):
        verb = verb.head
    return verb


def resolver(verb: Any) -> Any:
    """The noun of resolving whose infinitive ``verb`` is (or is coordinated with), where
    :func:`resolved` is not None: its head is the verb that takes it."""
    return _first_conjunct(verb).head


def means(verb: Any) -> bool:
    """Whether ``verb`` is a gerund of means under a finite verb ("sent its strongest message yet …
    by passing a bill", "passed legislation … by investing more than $200 billion"): the act of
    that verb's subject."""
    return verb.dep_ == "pcomp" and verb.head.lower_ == "by" and verb.head.head.pos_ in ("VERB", "AUX") \
        and verb.head.head.dep_ in FINITE_DEPS


def subject_span(verb: Any, subj: Any) -> tuple[int, int]:
    """The acting noun phrase with its appositions ("X, Lithuanian defence minister"), without the
    act's own relative clause."""
    who = next((t for tok in chain(verb) if tok.dep_ == "relcl" for t in tok.children
                if t.dep_ == "nsubj" and t.lower_ == "who"), None)
    if who is not None and who.i != subj.i:  # the name a "who" stands for, without what is said of it
        first = subj.i
        while first - 1 >= subj.sent.start and verb.doc[first - 1].head.i == subj.i \
                and verb.doc[first - 1].dep_ in ("compound", "flat", "det", "amod"):
            first -= 1
        return _span(verb.doc[first : subj.i + 1])
    own_clause = {t.i for tok in chain(verb) if tok.dep_ in ("relcl", "acl") and tok.head.i == subj.i
                  for t in tok.subtree}
    kept = {t.i for t in subj.subtree} - own_clause - {t.i for p in subj.subtree if _venue(p) for t in p.subtree}
    first = last = subj.i
    while first - 1 in kept:
        first -= 1
    while last + 1 in kept:
        last += 1
    return _span(verb.doc[first : last + 1])


# Prepositions of where something happens: a place after one of these that qualifies a gathering or
# a participle is where the act is done ("Donors at a conference in Brussels", "Leaders meeting in
# Paris"), not who does it ("Officials in Tokyo" keep their place).
_AT = frozenset({"in", "at", "near", "outside", "inside"})


def _venue(prep: Any) -> bool:
    """Whether ``prep`` opens where the act is done, inside the acting noun phrase: a preposition of
    place (:data:`_AT`) before a proper noun, qualifying a gathering (WordNet's first sense under gathering.n.01 or
    social_event.n.01: "a conference in Brussels", "the summit in Geneva") or a participle qualifying
    the acting noun ("leaders meeting in Paris")."""
    if prep.dep_ != "prep" or prep.lower_ not in _AT or not any(c.dep_ == "pobj" and c.pos_ == "PROPN" for c in prep.children):
        return False
    head = prep.head
    if head.dep_ == "acl" and head.pos_ == "VERB":
        return True
    return head.pos_ == "NOUN" and head.lower_.isalpha() and wordnet.is_a(head.lower_, "gathering.n.01", "social_event.n.01")


def on_people(subj: Any) -> tuple[tuple[tuple[int, int], tuple[int, int], bool], ...]:
    """The proper nouns and adjectives inside the acting noun phrase that qualify a noun of people
    ("Star U.S. gymnasts", "10 U.S. senators", "U.S. District Judge Robert Pitman"), each with the
    span of the noun it qualifies and whether that is known to be people: a common noun or a title
    whose most frequent WordNet sense is a person or people (true), or a name (false: whether it
    names a person is the entities stage's to say). A country named there says whose those people
    are, not that the country acts."""
    out = []
    for t in subj.subtree:
        head = t.head
        if t.dep_ not in ("compound", "amod", "nmod") or t.i >= head.i or t.pos_ not in ("PROPN", "ADJ") \
                or head.pos_ not in ("NOUN", "PROPN"):
            continue
        known = head.lower_.isalpha() and wordnet.people(base_form(head))
        if known or head.pos_ == "PROPN":
            out.append((_span([t]), _span([head]), known))
    return tuple(out)

