"""Speech events read from a dependency parse: a reporting verb, its speaker and what was said.

A speech event is a token whose lemma is a reporting verb of :mod:`storyfold.text.lexicon`
(``say``, ``tell``, ``announce``, ``warn``, ``deny`` ...; cognition verbs such as ``believe`` too),
used as a verb, with

* the **speaker**: its subject (``nsubj``); the agent of a passive ("was told by X"); for a
  relative clause ("officials who said", "a ruling that said") the noun it hangs on; for a
  participle or a conjoined verb without a subject of its own ("..., saying", "and warned") the
  subject of the verb it hangs on;
* the **content**: its clausal complement (``ccomp``; an ``xcomp`` for "urged X to ..."), the
  object of "warn of/about", or the second object of "call X 'Y'". In "X, the ministry said."
  the parser makes the reported clause the complement of "said", so inverted attributions need
  no rule of their own.

"according to X" (and "per X") is read the same way: X is the speaker, the clause the phrase
hangs on (without the phrase) the content.

Headline forms that no verb's complement gives (a verbless headline, a colon attribution) are
read by :mod:`storyfold.text.speech_headlines`.

Offsets are character offsets into the parsed text, so a caller can cache events by that text.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from storyfold.text import wordnet
from storyfold.text.lexicon import (
    CLAUSE_VERBS,
    NAMING,
    OBJECT_NOT_CONTENT,
    REPORTING,
    SPEECH_NOUNS,
    TO_CONTENT,
    VERBS,
    WORDNET_VERBS,
)
from storyfold.text.phrases import char_span, contiguous, noun_phrase
from storyfold.text.speech_headlines import colon_attribution, verbless_headline

__all__ = ["SpeechSpan", "speech_of_doc"]


class SpeechSpan(NamedTuple):
    """One speech event, offsets relative to the parsed text; ``speaker_*`` is -1 when the verb
    has no speaker in the sentence ("it was announced that ...")."""

    cue_start: int
    cue_end: int
    lemma: str
    speaker_start: int
    speaker_end: int
    content_start: int
    content_end: int


_LEMMAS = REPORTING
# every inflected form of the lexicon's lemmas, to the lemma: the parse is run without the
# lemmatizer, and a set lookup on the form is all a verb costs here
_FORMS = {form: lemma for lemma in _LEMMAS for form in (lemma, *VERBS[lemma])}
# WordNet's verbs of communication and cognition, read as verbs (never as auxiliaries: "will")
# where the lexicon's own forms do not claim the word; a phrasal verb ("point out") under its
# verb's form and its particle
_WORDNET_FORMS = {(form, lemma.partition(" ")[2]): lemma for lemma, forms in WORDNET_VERBS.items()
                  for form in (lemma.partition(" ")[0], *forms) if form not in _FORMS}
_NOUNS = {form for noun, plural in SPEECH_NOUNS.items() for form in (noun, plural)}
_SUBJECTS = ("nsubj", "csubj")
_CONTENT = ("ccomp", "parataxis")
_PRONOUN_RELATIVES = {"who", "which", "that"}


def speech_of_doc(doc: Any) -> tuple[SpeechSpan, ...]:
    """The speech events of one parsed text (a spaCy ``Doc``)."""
    out: list[SpeechSpan] = []
    for tok in doc:
        lemma = _lemma_of(tok)
        if lemma is not None and tok.dep_ not in ("amod", "compound"):
            event = _verb_event(tok, lemma)
        elif tok.lower_ in _NOUNS and tok.pos_ == "NOUN" and tok.dep_ != "compound":
            event = _noun_event(tok)
        elif tok.lower_ == "according" and any(c.lower_ == "to" for c in tok.children):
            event = _according(tok, next(c for c in tok.children if c.lower_ == "to"))
        elif tok.lower_ == "per" and tok.dep_ == "prep" and tok.i > 0 and doc[tok.i - 1].text == ",":
            event = _according(tok, tok)
        else:
            continue
        if event is not None:
            out.append(event)
    for sent in doc.sents:
        event = verbless_headline(sent)
        if event is not None:
            out.append(SpeechSpan(*event))
    out.extend(SpeechSpan(*e) for e in map(colon_attribution, (t for t in doc if t.text == ":")) if e is not None)
    return tuple(out)


def _lemma_of(tok: Any) -> str | None:
    """The reporting verb ``tok`` is a form of, when the parse reads it as a verb."""
    if tok.pos_ not in ("VERB", "AUX") and not (
            tok.pos_ == "PROPN" and tok.lower_ in _FORMS and any(c.dep_ == "nsubj" for c in tok.children)):
        return None  # a title-case verb the tagger read as a name has a subject ("Intelligence Warned of ...")
    lemma = _FORMS.get(tok.lower_)
    if lemma is None and tok.pos_ == "VERB":
        # a particle makes another verb: "picking up its efforts" is not "picking"
        prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), "")
        lemma = _WORDNET_FORMS.get((tok.lower_, prt))
    return lemma


def _verb_event(verb: Any, lemma: str) -> SpeechSpan | None:
    inverted = _inverted(verb, lemma) or _elided(verb, lemma)
    if inverted is not None:
        return inverted
    content = _content(verb, lemma)
    if content is None:
        return _fronted(verb, lemma) or _conjoined_after(verb, lemma)
    speaker = _speaker(verb) or _noun_before(verb)
    c_start, c_end = content
    s_start, s_end = speaker if speaker is not None else (-1, -1)
    return SpeechSpan(verb.idx, verb.idx + len(verb.text), lemma, s_start, s_end, c_start, c_end)


def _inverted(verb: Any, lemma: str) -> SpeechSpan | None:
    """"Supply chains at risk of collapse, warn business leaders": a headline's inverted
    attribution that the parser reads with the statement as the subject and the speaker as the
    object. The statement ends with the comma right before the verb; the speaker is the noun
    phrase right after it, ending the sentence."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ in _SUBJECTS or c.dep_ == "dep"), None)
    after = next((c for c in verb.children if c.dep_ in ("dobj", "nsubj", "attr", "npadvmod") and c.i > verb.i), None)
    if subj is None or after is None or subj.i > verb.i or verb.i == 0 or doc[verb.i - 1].text != ",":
        return None
    said = list(subj.subtree)
    if max(t.i for t in said) != verb.i - 2 or after.pos_ not in ("NOUN", "PROPN"):
        return None
    who = list(after.subtree)
    rest = [t for t in doc[max(t.i for t in who) + 1 : verb.sent.end] if not t.is_punct]
    if rest:
        return None
    c_start, c_end = char_span(said)
    s_start, s_end = char_span(who)
    return SpeechSpan(verb.idx, verb.idx + len(verb.text), lemma, s_start, s_end, c_start, c_end)


def _elided(verb: Any, lemma: str) -> SpeechSpan | None:
    """"Pelosi strikes confident tone on infrastructure, says she 'never' brings bill to floor":
    a headline's second predicate, whose subject is the first's, which the parser reads as a verb
    with no subject and two complements, one either side. What was said is the one after it; the
    speaker is the subject of the one before."""
    kids = list(verb.children)
    if any(c.dep_ in _SUBJECTS for c in kids) or verb.i == 0 or verb.doc[verb.i - 1].text != ",":
        return None
    before = next((c for c in kids if c.dep_ == "ccomp" and c.i < verb.i), None)
    after = next((c for c in kids if c.dep_ == "ccomp" and c.i > verb.i), None)
    subj = next((c for c in before.children if c.dep_ in _SUBJECTS), None) if before is not None else None
    if after is None or subj is None:
        return None
    s_start, s_end = noun_phrase(subj)
    c_start, c_end = _clause_span(verb, after)
    return SpeechSpan(verb.idx, verb.idx + len(verb.text), lemma, s_start, s_end, c_start, c_end)


def _content(verb: Any, lemma: str) -> tuple[int, int] | None:
    """The character span of what ``verb`` reports."""
    kids = list(verb.children)
    comp = next((c for c in kids if c.dep_ in _CONTENT), None)
    if lemma in CLAUSE_VERBS:  # "the court ruled that ...": read only with the clause
        return _clause_span(verb, comp) if comp is not None and comp.dep_ == "ccomp" else None
    if comp is None:
        comp = next((c for c in kids if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if comp is None:  # "told an officer the night before that he was ...": a clause the parser made adverbial
        comp = next((c for c in kids if c.dep_ == "advcl" and c.i > verb.i
                     and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)), None)
    if comp is None and lemma in TO_CONTENT:  # "called on the platform to ban them", "urged X to ..."
        comp = next((c for c in kids if c.dep_ in ("advcl", "xcomp") and c.i > verb.i
                     and c.pos_ in ("VERB", "AUX", "PROPN")  # a title-case verb read as a name: "to Scale Back"
                     and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)), None)
    if comp is None:  # "warned of the collapse", "boasted about taking ...", "called for a re-run"
        preps = ("of", "about", "for") if lemma in TO_CONTENT else ("of", "about")
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in preps and c.i > verb.i), None)
        if prep is not None:
            obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
            comp = obj
    if comp is None:  # "called the deal a disaster": the second object
        comp = next((c for c in kids if c.dep_ == "oprd"), None)
    if comp is None and lemma in NAMING:  # "calls Texas voting bill 'wrong and un-American'"
        quoted = _quoted_after_object(verb)
        if quoted is not None:
            return quoted
    if comp is None and lemma not in OBJECT_NOT_CONTENT:  # "the ministry denied the report"
        comp = next((c for c in kids if c.dep_ == "dobj"), None)
    if comp is None:
        aside = _parenthetical(verb)
        # "apologized Monday for her comments", "commented on the plan"
        comp = _topic(verb) if aside is None and lemma not in TO_CONTENT else None
        if comp is None:
            return aside
    return _clause_span(verb, comp)


_TOPIC_PREPS = ("for", "on", "over", "against")


def _topic(verb: Any) -> Any | None:
    """What a speech act with no complement is about: the object of its "for", "on", "over" or
    "against" phrase ("apologized Monday for her comments", "commented on the plan", "protested
    against the ruling"), when the verb has a subject and the object is no time ("on Monday",
    "for years": WordNet's most frequent sense of its head is a time period or unit)."""
    if not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    for prep in (c for c in verb.children if c.dep_ == "prep" and c.lower_ in _TOPIC_PREPS and c.i > verb.i):
        obj = next((c for c in prep.children if c.dep_ in ("pobj", "pcomp")), None)
        if obj is not None and obj.pos_ in ("NOUN", "PROPN", "VERB") and not wordnet.is_a(
                obj.lower_, "time_period.n.01", "time_unit.n.01"):
            return obj
    return None


def _fronted(verb: Any, lemma: str) -> SpeechSpan | None:
    """"The measures ... will be exhausted next month, Ms. Yellen said in a letter.": the
    statement before the comma that opens "SUBJECT VERB", which the parser hung on the verb in
    pieces (a second subject, an adverbial clause) rather than as its complement. Read only when
    the verb's subject stands right after the comma, everything before it hangs on the verb, and
    that is a quotation or a clause with a subject of its own that does not open as an adverbial."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or lemma in CLAUSE_VERBS:
        return None
    doc, sent = verb.doc, verb.sent
    subj = max((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), key=lambda c: c.i, default=None)
    if subj is None:
        return None
    s_start, s_end = noun_phrase(subj)
    first = min(t.i for t in subj.subtree if t.idx >= s_start)
    comma = first - 1
    while comma > sent.start and doc[comma].text in "”’\"'":
        comma -= 1
    between = [t for t in doc[subj.i + 1 : verb.i] if t.idx >= s_end]
    if comma <= sent.start + 2 or doc[comma].text != "," or any(t.dep_ != "aux" for t in between):
        return None
    said = [t for t in doc[sent.start : comma] if not t.is_space]
    under = {t.i for t in verb.subtree}
    if not all(t.i in under for t in said) or sum(t.is_alpha for t in said) < 3:
        return None
    # a statement: a quotation, or a clause with a subject that does not open as an adverbial
    # ("In a Fox News interview on Monday, Rutte listed ..." reports nothing)
    quoted = said[0].text in "“\"‘'"
    if not quoted and (said[0].pos_ in ("ADP", "SCONJ", "ADV") or not any(t.dep_ in ("nsubj", "nsubjpass", "csubj")
                                                                          for t in said)):
        return None
    c_start, c_end = char_span(said)
    return SpeechSpan(verb.idx, verb.idx + len(verb.text), lemma, s_start, s_end, c_start, c_end)


def _conjoined_after(verb: Any, lemma: str) -> SpeechSpan | None:
    """"Evacuees Won't Be Charged for Flights From Kabul, State Dept Says Amid Confusion": a
    statement before ", SUBJECT VERB" that the parser read as a clause the reporting verb is
    conjoined to. Read when the verb's subject stands right after the comma, the verb reports
    nothing else, and the clause before the comma has a subject of its own."""
    if verb.dep_ != "conj" or verb.head.i > verb.i or lemma in CLAUSE_VERBS:
        return None
    doc, head = verb.doc, verb.head
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and head.i < c.i < verb.i), None)
    if subj is None:
        return None
    s_start, s_end = noun_phrase(subj)
    first = min(t.i for t in subj.subtree if t.idx >= s_start)
    if doc[first - 1].text != "," or not any(c.dep_ in ("nsubj", "nsubjpass", "csubj") for c in head.children):
        return None
    own = {t.i for t in verb.subtree}
    said = [t for t in head.subtree if t.i not in own and t.i < first - 1 and not t.is_space]
    if sum(t.is_alpha for t in said) < 3:
        return None
    c_start, c_end = char_span(said)
    return SpeechSpan(verb.idx, verb.idx + len(verb.text), lemma, s_start, s_end, c_start, c_end)


def _parenthetical(verb: Any) -> tuple[int, int] | None:
    """"Both, they said, were involved in ...": a reporting verb with a subject and nothing to
    report, set off by commas inside the clause the parser hangs it on (``parataxis``), reports
    that clause (the words around it)."""
    if verb.dep_ != "parataxis" or not any(c.dep_ in _SUBJECTS for c in verb.children):
        return None
    doc, own = verb.doc, {t.i for t in verb.subtree}
    first = min(own)
    if first == 0 or doc[first - 1].text != "," and doc[first].text != ",":
        return None
    if verb.i + 1 < len(doc) and doc[verb.i + 1].text != "," and max(own) + 1 < len(doc) \
            and doc[max(own)].text != "," and doc[max(own) + 1].text != ",":
        return None
    head = verb.head.head if verb.head.dep_ in ("aux", "auxpass") else verb.head
    skip = own | _own_events(head)
    return char_span([t for t in head.subtree if t.i not in skip])


def _quoted_after_object(verb: Any) -> tuple[int, int] | None:
    """A naming verb's second object the parser hung inside the first ("calls Texas voting bill
    'wrong and un-American'", the adjectives read as the bill's): the quotation that closes the
    object, after its head noun."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return None
    toks = [t for t in verb.subtree if t.i > obj.i]
    opening = next((t for t in toks if t.text in "“‘\"'" and t.is_punct and t.i == obj.i + 1), None)
    if opening is None:
        return None
    closing = next((t for t in toks if t.i > opening.i and t.text in "”’\"'" and t.is_punct), None)
    if closing is None or closing.i - opening.i < 2:
        return None
    return char_span(list(verb.doc[opening.i : closing.i + 1]))


def _clause_span(verb: Any, comp: Any) -> tuple[int, int]:
    """The span of what ``verb`` says, headed by ``comp``."""
    kids = list(verb.children)
    # "stressed that for the mission to be effective, the US must provide ...": the parser splits
    # one reported clause into two complements after the verb; the content is both
    comps = [comp] + [c for c in kids if c.dep_ in _CONTENT and c.i > comp.i > verb.i]
    toks = []
    for c in comps:
        own = _own_events(c)
        toks += [t for t in c.subtree if t.i not in own]
    if len(comps) > 1:  # the comma between them hangs on the verb
        ids = {t.i for t in toks}
        toks += [t for t in verb.doc[min(ids) : max(ids)] if t.i not in ids and t.is_punct]
    toks = [t for t in toks if not (t.dep_ == "mark" and t.head.i == comp.i and t.lower_ in ("that", "whether"))]
    if any(c.dep_ == "auxpass" for c in kids):  # the passive's speaker is not what was said
        agent = {t.i for c in comp.children if c.dep_ == "prep" and c.lower_ == "by" for t in c.subtree}
        toks = [t for t in toks if t.i not in agent]
    return char_span(contiguous(comp, toks))


def _own_events(comp: Any) -> set[int]:
    """Tokens under ``comp`` that are speech events of their own, not part of what it says: a
    participle or a conjoined reporting verb the parser hung on the reported clause ("said the
    U.S. is on pace, warning of ...", "said it is seeing ... and says it is ..."; one of WordNet's
    verbs only with a clause of its own), and an
    "according to" phrase; each with the comma or conjunction before it."""
    out: set[int] = set()
    for t in comp.subtree:
        if t.i == comp.i or t.i in out:
            continue
        lemma = _lemma_of(t)
        # WordNet's verbs only when they report a clause: "said it would sign a deal" says it all
        reports = lemma is not None and (lemma in REPORTING or any(c.dep_ == "ccomp" for c in t.children))
        nested = (t.dep_ in ("advcl", "conj") and t.head.i == comp.i and reports and (t.tag_ == "VBG" or t.dep_ == "conj")
                  and not any(c.dep_ in _SUBJECTS for c in t.children))
        if nested or t.lower_ == "according" and any(c.lower_ == "to" for c in t.children):
            ids = {x.i for x in t.subtree}
            first = min(ids)
            doc = t.doc
            while first - 1 > comp.i - 1 and (doc[first - 1].is_punct or doc[first - 1].dep_ == "cc") and \
                    doc[first - 1].i not in out and doc[first - 1].head.i in (comp.i, t.i):
                first -= 1
                ids.add(first)
            out |= ids
    return out


def _speaker(verb: Any) -> tuple[int, int] | None:
    if verb.tag_ == "VBN" and verb.dep_ in ("advcl", "acl") and not any(c.dep_ == "aux" for c in verb.children):
        return None  # "Asked what ..., X said": X was asked, the asker is not said
    v = verb
    for _ in range(4):
        subj = next((c for c in v.children if c.dep_ in _SUBJECTS), None)
        if subj is not None:
            if subj.lower_ in _PRONOUN_RELATIVES and v.dep_ == "relcl":
                return noun_phrase(_predicated(v.head))
            return noun_phrase(subj)
        agent = next((c for c in v.children if c.dep_ == "agent"), None)
        if agent is None and any(c.dep_ == "auxpass" for c in v.children):
            # the parser hangs a passive's "by" phrase as a plain preposition, on the verb or on
            # its second object: "comments that were labeled "disturbing" by critics"
            agent = next((c for k in (v, *(c for c in v.children if c.dep_ == "oprd")) for c in k.children
                          if c.dep_ == "prep" and c.lower_ == "by"), None)
        if agent is not None:
            obj = next((c for c in agent.children if c.dep_ == "pobj"), None)
            return noun_phrase(obj) if obj is not None else None
        if any(c.dep_ in ("nsubjpass", "auxpass") for c in v.children):
            return None  # "is expected to", "was told": the speaker is not said
        if v.dep_ == "relcl" or (v.dep_ == "acl" and v.tag_ == "VBG"):
            return noun_phrase(_predicated(v.head))
        if v.dep_ in ("conj", "advcl", "xcomp") and v.head.i != v.i:
            v = v.head
            # "X said Y was Z, warning ...": a participle the parser hung on the reported clause
            # is the reporting verb's
            if v.dep_ == "ccomp" and _lemma_of(v.head) is not None:
                v = v.head
            continue
        return None
    return None


def _predicated(noun: Any) -> Any:
    """The subject a predicate noun is said of: "Joe Biden has become the first US president to
    issue a statement": the president who issues it is Joe Biden."""
    if noun.dep_ != "attr":
        return noun
    return next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < noun.i), noun)


def _noun_before(verb: Any) -> tuple[int, int] | None:
    """A finite, active reporting verb the parser gave no subject (it hung the subject elsewhere:
    "..., the International Chamber of Shipping and other transport groups warned that"): the
    noun phrase right before it, nothing but its auxiliaries between."""
    if verb.tag_ not in ("VBD", "VBZ", "VBP") or any(c.dep_ in _SUBJECTS or c.dep_ in ("nsubjpass", "auxpass", "expl")
                                                     for c in verb.children):
        return None
    i = verb.i - 1
    while i >= verb.sent.start and verb.doc[i].dep_ == "aux" and verb.doc[i].head.i == verb.i:
        i -= 1
    chunk = next((c for c in verb.doc.noun_chunks if c.end - 1 == i and c.start >= verb.sent.start), None)
    if chunk is None or chunk.root.pos_ not in ("NOUN", "PROPN"):
        return None
    return char_span(list(chunk))


def _noun_event(noun: Any) -> SpeechSpan | None:
    """A speech noun with its speaker: the possessor ("Boeing's claims", "his speech"), the
    object of "by" or "from" ("a statement from the ministry"), or, for "in a statement, X
    said", the speaker of the verb the phrase hangs on. What was said: the noun's clause
    ("claims that ..."), its "of", "about" or "on" object, the clause an "in" phrase hangs on, else
    the noun phrase itself."""
    kids = list(noun.children)
    lemma = next((n for n, plural in SPEECH_NOUNS.items() if noun.lower_ in (n, plural)), noun.lower_)
    poss = next((c for c in kids if c.dep_ == "poss"), None)
    agent = next((g for c in kids if c.dep_ == "prep" and c.lower_ in ("by", "from")
                  for g in c.children if g.dep_ == "pobj"), None)
    governing = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "in" else None
    speaker, content = None, None
    if poss is not None:
        speaker = char_span([t for t in poss.subtree if t.dep_ != "case"])
    elif agent is not None:
        speaker = noun_phrase(agent)
    elif governing is not None and governing.pos_ in ("VERB", "AUX") and noun.head.dep_ == "prep":
        speaker = _speaker(governing)
    if speaker is None:
        return None
    comp = next((c for c in kids if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX")), None)
    if comp is None:
        comp = next((g for c in kids if c.dep_ == "prep" and c.lower_ in ("of", "about", "on")
                     for g in c.children if g.dep_ in ("pobj", "pcomp")), None)
    if comp is not None:
        toks = [t for t in comp.subtree
                if not (t.dep_ == "mark" and t.head.i == comp.i and t.lower_ in ("that", "whether"))]
        content = char_span(toks)
    elif governing is not None and poss is None and agent is None:
        phrase = {t.i for t in noun.head.subtree}
        content = char_span([t for t in governing.subtree if t.i not in phrase])
    else:
        skip = {t.i for c in kids if c.dep_ in ("poss", "det", "prep", "punct", "relcl", "acl") for t in c.subtree}
        content = char_span([t for t in noun.subtree if t.i not in skip])
    return SpeechSpan(noun.idx, noun.idx + len(noun.text), lemma, *speaker, *content)


def _according(cue: Any, to: Any) -> SpeechSpan | None:
    """"according to X" / ", per X": X speaks; the clause the phrase hangs on is the content."""
    obj = next((c for c in to.children if c.dep_ == "pobj"), None)
    if obj is None:
        return None
    clause = cue.head
    while clause.dep_ not in ("ROOT", "ccomp", "conj", "advcl", "relcl") and clause.head.i != clause.i:
        clause = clause.head
    phrase = set(t.i for t in cue.subtree)
    # "A, and B, according to X": a phrase after the last of the coordinated clauses covers them all
    while clause.dep_ == "conj" and min(phrase) > max(t.i for t in clause.subtree if t.i not in phrase and not t.is_punct):
        clause = clause.head
    toks = [t for t in clause.subtree if t.i not in phrase]
    if not toks:
        return None
    # the clause's words on the side of the phrase where its head stands ("X, according to Y, Z")
    head = clause if clause.i not in phrase else toks[0]
    side = [t for t in toks if (t.i < min(phrase)) == (head.i < min(phrase))]
    # "That figure — the lowest since 1967, according to X — is based on ...": the aside
    side = _aside(cue.doc, min(phrase), max(phrase)) or side
    s_start, s_end = noun_phrase(obj)
    c_start, c_end = char_span(side)
    end = cue.idx + len(cue.text) if to is cue else to.idx + len(to.text)
    return SpeechSpan(cue.idx, end, "according to", s_start, s_end, c_start, c_end)


_ASIDE = {"—": "—", "–": "–", "(": ")"}


def _aside(doc: Any, first: int, last: int) -> list[Any]:
    """The words before an "according to" phrase that closes an aside set off by dashes or
    brackets, back to the aside's opening mark; none when the phrase closes no aside."""
    if last + 1 >= len(doc) or doc[last + 1].text not in _ASIDE.values():
        return []
    start = doc[first].sent.start
    for j in range(first - 1, start, -1):
        if doc[j].text in _ASIDE and _ASIDE[doc[j].text] == doc[last + 1].text:
            return [t for t in doc[j + 1 : first] if not t.is_space]
        if doc[j].text in _ASIDE.values():
            return []
    return []
