"""Commitment clauses from the dependency parse: the governing verb of a giving or deciding act,
its status (from the verb's modality, tense, negation and the predicate it depends on), who acts
(the subject, or the agent of a passive), what is given (the object as the sentence words it) and
to whom.

One :class:`Clause` per verb whose lemma is an act of giving, deciding or imposing
(:data:`ACTS`; "support / help / assist / equip" only with what they give "with", "go" only for
money, "receive" from its source) and that has an object or a subject, or that confirms or carries
out a noun of giving ("confirmed the delivery of"), that asks for money paid out ("asking for $1.8
trillion in new spending": put forward) or that changes an amount to a stated sum ("reduced the
payment to $300"); one per coordinated object when two or more state amounts of their own; and one per verbless note headed by a noun of giving, an amount or a
kind of aid; and one per undertaking (:data:`UNDERTAKE`: "pledged to hold more hearings", "offered to
add 50 billion USD"), unless what it governs gives something itself (that act is read on its own
verb) or lies in someone else's conjecture ("I don't think Trump will give …"). Its status is read by
:mod:`storyfold.stages.commitments.status`.

The parse is of one paragraph at a time, the claims stage's own where it ran (its Docs, by
paragraph text), and the reading is cached by the paragraph's text, so an article seen again, or a
paragraph copied across outlets, is read once per process.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, NamedTuple

from storyfold.records import CommitmentCategory, CommitmentStatus
from storyfold.stages.commitments.category import category_of, names_a_category, names_aid
from storyfold.stages.commitments.complements import (
    adoptable,
    another_s_condition,
    asked_of_another,
    complement,
    conjectured,
    counterfactual,
    nothing_given,
    polar_question,
    resolution_status,
)
from storyfold.stages.commitments.headlines import sentence_cased
from storyfold.stages.commitments.objects import (
    CHANGE,
    ENACTED,
    HANDED,
    MONEY_WORDS,
    NOT_ITEM,
    SIGNS,
    WAIVE,
    WITH,
    agreed_on,
    changes_to,
    given_from,
    is_money,
    level_span,
    object_of,
    owed,
    owned_proposal,
    presents,
    priced_conjuncts,
    recipient_of,
    requested,
)
from storyfold.stages.commitments.status import (
    DELIVER,
    PROPOSAL,
    chain,
    finite,
    head_lemma,
    put_forward,
    status_of,
)
from storyfold.stages.commitments.subjects import (
    FINITE_DEPS,
    GOVERNS_GERUND,
    means,
    on_people,
    resolved,
    resolver,
    subject_of,
    subject_span,
)
from storyfold.stages.commitments.tokens import antecedent, given_by, holds_word, item_span, marked_clauses, split_off
from storyfold.stages.commitments.tokens import lemma as _lemma
from storyfold.stages.commitments.tokens import span as _span
from storyfold.stages.commitments.tokens import subtree as _subtree
from storyfold.text import wordnet
from storyfold.text.cache import TextCache, cached_map
from storyfold.text.folded import Folded
from storyfold.text.lexicon import COMMISSIVE

__all__ = ["ACTS", "CANDIDATE", "Clause", "clauses_of_paragraphs"]

S = CommitmentStatus

# Verb lemmas that commit, give or impose something (the delivery verbs among them).
ACTS = DELIVER | frozenset({
    "approve", "allocate", "pledge", "commit", "announce", "decide", "promise", "earmark", "adopt", "authorize",
    "authorise", "sign", "grant", "offer", "vow", "unveil", "launch", "impose", "extend", "finance", "fund", "lend",
    "loan", "contribute", "donate", "give", "provide", "purchase", "buy", "release", "mobilize", "mobilise",
    "prepare", "dedicate", "assign", "channel", "raise", "set", "make", "agree", "increase", "scale", "direct",
    "gift", "award", "allot", "pay", "receive", *{"support", "help", "assist", "equip"}, "go", "issue", "rule",
    "undertake", "propose", "pass", "vote", "spend", "invest", "introduce", "forgive", "cancel",
})
# Verbs that commit their subject to doing something ("pledged to hold more hearings", "offered to
# add 50 billion USD", "committed to 24/7 work hours"): where what they govern is no act of giving,
# that undertaking is the act (the commissive speech acts of the reporting verbs, and the verbs that
# bind or offer).
UNDERTAKE = COMMISSIVE | frozenset({"commit", "agree", "offer", "undertake"})
# "pay" gives money ("pay 5 million USD") or pays for a thing ("pay for 100 tanks"), not tribute;
# "spend" and "invest" pay out money ("5 billion USD … will be spent to support Ukraine's
# economy"), not time or effort.
_MONEY_VERBS = frozenset({"pay", "spend", "invest"})
_SPEND = frozenset({"spend", "invest"})
# "pass" enacts what a legislature adopts ("The Senate passed sweeping legislation … by investing
# more than $200 billion"): a law, a bill, a resolution, a budget (WordNet's nouns under these, in
# either of the two most frequent senses), not a ball or a test.
_ENACT = frozenset({"pass", "introduce"})  # "introduced a $908 billion relief bill" (put forward: status)
_PUT = (*PROPOSAL, "agreement.n.01")  # what is introduced besides a law: a proposal, a deal

# "issue" gives money or credit ("100 million euros will be issued as guarantee", "issued bonds"), not a statement.
_ISSUE = frozenset({"issue"})
# A sentence whose head is one of these nouns (or an amount of money) names an act without a verb,
# the way aid notes are written: "Transfer of 40 BMP-1 IFVs from Greece to Ukraine", "300 million
# USD in security assistance".
NOMINAL = frozenset({"transfer", "delivery", "donation", "drawdown", "shipment", "supply", "provision", "allocation",
                     "contribution", "grant", "loan", "package", "pledge", "dispatch", "purchase", "dispatchment",
                     "assistance", "aid"})
# What a noun of giving holds ("The aid package consists of 6 fire engines", "This delivery includes
# medical equipment"): an act where the article states none before it, else a part of that act.
_CONTAIN = frozenset({"include", "consist", "comprise", "contain"})
# What a noun of giving is worth, stated as its predicate ("In total, the aid therefore amounts to
# 262 million HUF", "Denmark's package is worth …", "The aid totals …", "is valued at …"): the
# measured aid is an act of its own (the whole of what came before, as the tracker codes a total)
# where no act before it waits for its value.
_MEASURE = frozenset({"amount", "total", "value", "cost", "equal"})
# Clauses that describe something else, not the act: a donor named inside them is not the act's.
_ASIDE = frozenset({"relcl", "acl", "advcl"})
# A cheap test before parsing: a sentence without one of these stems holds no act.
CANDIDATE = Folded(
    r"\b(?:approv|propos|allocat|pledg|commit|announc|decid|promis|earmark|adopt|authori[sz]|sign|grant|offer|vow|unveil"
    r"|launch|impos|extend|financ|fund|lend|lent|loan|contribut|donat|giv|gave|provid|purchas|buy|bought|releas"
    r"|mobili[sz]|prepar|dedicat|assign|channel|rais|set|deliver|send|sent|ship|transfer|dispatch|hand|disburs"
    r"|arriv|suppl|deploy|airlift|distribut|receiv|agree|mak|made|increas|scal|direct|transfer|deliver|donat|drawdown|shipment"
    r"|package|assistance|aid|million|billion|gift|award|allot|pay|paid|support|help|assist|equip|issu|rul|undert|pass|vot|spen[dt]|invest"
    r"|introduc|forgiv|cancel)\w*"
)
# Verbs that confirm or carry out what their object, a noun of giving (NOMINAL), names.
_CARRY_OUT = frozenset({"confirm", "report", "complete", "finalize", "finalise", "begin", "start", "organize",
                        "organise", "arrange", "order", "initiate", "conclude", "carry", "make", "perform", "execute"})
_DEMAND = frozenset({"must", "should", "ought", "need"})  # what others ask of an actor, not what it commits
# "make" and "set" commit only with these particles or objects ("make available", "set aside").
_LIGHT = {"make": ("available",), "set": ("aside", "up"), "raise": ("fund", "funds", "money"), "agree": ("to", "on"),
          "scale": ("up",), "rule": ("out",)}
_SUBJ = ("nsubj", "nsubjpass", "csubj")


class Clause(NamedTuple):
    """One act read from the parse; offsets relative to the sentence."""

    verb: tuple[int, int]
    lemma: str
    status: CommitmentStatus
    cue: tuple[int, int]  # the words the status was read from
    subject: tuple[int, int] | None  # the acting noun phrase (subject, or agent of a passive)
    subject_head: tuple[int, int] | None
    subject_pronoun: bool
    item: tuple[int, int] | None
    item_head: str | None  # lemma of the object's head noun (what the commitment is, for merging)
    recipient: tuple[int, int] | None
    scope: tuple[tuple[int, int], ...]  # the clause's own token spans (not those of coordinated acts)
    nominal: bool = False  # a verbless note ("Delivery of medical supplies to Ukraine"): the actor may be unnamed
    agentless: bool = False  # a passive without its agent: the actor is a country the clause names, if any
    aside: tuple[tuple[int, int], ...] = ()  # verbless or agentless: its relative and adverbial clauses (no donor of theirs
    # acts); else the adverbial clauses a conjunction opens (no sum of theirs is the act's: marked_clauses)
    contents: bool = False  # what a noun of giving holds ("The package includes …"): an act only where none came before
    measure: bool = False  # what a noun of giving is worth ("In total, the aid amounts to …"): an act unless an act before it lacks an amount
    undertaking: bool = False  # a pledge to do something, not to give something ("vowed to reverse the rules")
    level: tuple[int, int] | None = None  # the sum a change in the clause goes to ("lower … to $1 trillion")
    # names qualifying people inside the subject ("Star U.S. gymnasts"): (name, noun qualified, known people)
    on_people: tuple[tuple[tuple[int, int], tuple[int, int], bool], ...] = ()
    item_at: tuple[int, int] | None = None  # the head of what is given
    errand: bool = False  # sent or directed with a task ("dispatching Sen. Capito … to lead talks"): a person there is no thing given


def _undertaken(verb: Any) -> Any | None:
    """What an undertaking verb (:data:`UNDERTAKE`) without an object commits its subject to do: the
    verb it governs when that gives nothing itself (an act of giving is read on its own verb), or
    what "commit to" names ("committed to 24/7 work hours", "committed to freeing …")."""
    if verb.lemma_ not in UNDERTAKE:
        return None
    done = next((c for c in verb.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if done is not None:
        return None if _gives(done) or done.lemma_ in ACTS else done
    if verb.lemma_ == "commit" and not any(c.dep_ == "auxpass" for c in verb.children):
        to = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ == "to"), None)
        done = next((g for g in to.children if g.dep_ in ("pobj", "pcomp")), None) if to is not None else None
        if done is not None and not (done.pos_ == "VERB" and (_gives(done) or done.lemma_ in ACTS)):
            return done
    return None


def _scope(verb: Any, without: frozenset[int] | set[int] = frozenset()) -> tuple[tuple[int, int], ...]:
    """The verb's clause without its coordinated verbs and their dependents (another act), nor the
    tokens ``without`` (another coordinated object's)."""
    toks = [verb]
    stack = list(verb.children)
    while stack:
        t = stack.pop()
        if t.i in without:
            stack.extend(c for c in t.children if c.i not in without)
            continue
        if t.dep_ == "conj" and t.pos_ in ("VERB", "AUX") and t.head.i == verb.i:
            continue
        if t.dep_ in ("ccomp", "xcomp", "advcl", "relcl") and _gives(t):  # another act, read on its own
            continue
        toks.append(t)
        stack.extend(t.children)
    toks.sort(key=lambda t: t.i)
    spans: list[list[int]] = []
    for t in toks:
        if spans and t.i == spans[-1][1] + 1:
            spans[-1][1] = t.i
        else:
            spans.append([t.i, t.i])
    doc = verb.doc
    return tuple(_span(doc[a : b + 1]) for a, b in spans)


def _asides(head: Any) -> tuple[tuple[int, int], ...]:
    """The relative and adverbial clauses under ``head`` (not ``head`` itself)."""
    return tuple(_span(sorted(t.subtree, key=lambda x: x.i)) for t in head.subtree if t.i != head.i and t.dep_ in _ASIDE)


def _nominal(sent: Any, lemmatizer: Any | None) -> Clause | None:
    root = sent.root
    if root.pos_ not in ("NOUN", "PROPN", "NUM", "SYM"):
        return None
    lemma = _lemma(root, lemmatizer).lower()
    money = lemma in MONEY_WORDS or root.text in SIGNS or any(
        c.lower_ in MONEY_WORDS or c.text in SIGNS for c in root.children)
    if split_off(sent) or (lemma not in NOMINAL and not money and not names_aid(root, ACTS)):
        return None
    actor = None
    for c in root.subtree:
        if c.dep_ == "prep" and c.lower_ in ("from", "by") and c.head.i == root.i:
            actor = next((g for g in c.children if g.dep_ == "pobj"), None)
    toks = [t for t in _subtree(root, NOT_ITEM) if t.dep_ != "punct"]
    rec = recipient_of(root, root)
    return Clause(
        verb=_span([root]), lemma=lemma, status=S.COMMITTED, cue=_span([root]),
        subject=_span([actor]) if actor is not None else None, subject_head=_span([actor]) if actor is not None else None,
        subject_pronoun=False, item=item_span(toks) if toks else None, item_head=lemma,
        recipient=_span([rec]) if rec is not None else None, scope=((sent.start_char, sent.end_char),), nominal=True,
        aside=_asides(root),
    )


def _gives(verb: Any) -> bool:
    """Whether ``verb`` is an act read on its own ("to help Ukraine" without "with" gives nothing named)."""
    return verb.lemma_ in ACTS and not (verb.lemma_ in WITH | {"go"} and object_of(verb) is None)


def _holds_aid(verb: Any, lemmatizer: Any | None) -> bool | None:
    """Whether ``verb`` says what a noun of giving holds: its subject (or its governor's, "amounts
    to … and includes") is headed by one ("The aid package consists of", "This delivery includes");
    None where a proposal or a plan holds money ("Biden's budget will include $5 trillion": put forward)."""
    subj = next((c for tok in chain(verb) for c in tok.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    head, obj = _lemma(subj, lemmatizer).lower(), object_of(verb)
    return True if head in NOMINAL else None if obj is not None and is_money(obj) and wordnet.sense_is_a(head, 2, *PROPOSAL) else False


def _measured(verb: Any, lemmatizer: Any | None) -> Any | None:
    """The noun of giving whose worth ``verb`` states ("the aid amounts to 262 million HUF", "the
    package is worth 1.7 billion DKK", "is valued at"), with the money in the verb's own clause;
    else None."""
    worth = verb.lemma_ == "be" and any(c.dep_ == "acomp" and c.lower_ == "worth" for c in verb.children)
    if verb.lemma_ not in _MEASURE and not worth:
        return None
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or (_lemma(subj, lemmatizer).lower() not in NOMINAL and not owned_proposal(subj, lemmatizer)):
        return None
    said = [t for t in verb.subtree if not (subj.left_edge.i <= t.i <= subj.right_edge.i)]
    return subj if any(is_money(t) for t in said if t.pos_ in ("NOUN", "PROPN", "NUM", "SYM")) else None


def _measure(verb: Any, subj: Any) -> Clause:
    """The act a statement of worth stands for: the measured noun of giving is what is given (its
    subject, which names the actor or stands for the last one)."""
    status, cue = status_of(verb)
    toks = [t for t in _subtree(subj, NOT_ITEM) if t.dep_ != "punct"]
    while toks and toks[0].dep_ in ("det", "predet", "poss", "case") and toks[0].i != subj.i:
        toks = toks[1:]
    if status in (S.COMMITTED, S.PLEDGED) and subj.lemma_.lower() not in NOMINAL:  # a proposal's worth: put forward
        status = S.WILLING
    return Clause(
        verb=_span([verb]), lemma=verb.lemma_, status=status, cue=_span([cue]) if cue is not None else _span([verb]),
        subject=subject_span(verb, subj), subject_head=_span([subj]), subject_pronoun=False,
        item=item_span(toks) if toks else None, item_head=subj.lemma_.lower(), recipient=None, scope=_scope(verb),
        measure=True,
    )


def _carries_out(verb: Any, lemmatizer: Any | None) -> bool:
    """Whether ``verb`` confirms or carries out a noun of giving, its object ("confirmed the
    delivery of tanks", "made a donation of 5 million EUR", "completed the transfer of")."""
    if verb.lemma_ not in _CARRY_OUT:
        return False
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    return obj is not None and _lemma(obj, lemmatizer).lower() in NOMINAL


def _reads(sent: Any, verbs: Sequence[Any], lemmatizer: Any | None) -> Iterator[Clause]:
    """The acts of one parsed sentence; ``verbs``: its verbs (lemmas set), in order."""
    nominal = _nominal(sent, lemmatizer)
    if nominal is not None:
        yield nominal
    changing = any(v.lemma_ in CHANGE for v in verbs)  # a verb changing an amount: its level is read
    for verb in verbs:
        measured = _measured(verb, lemmatizer) if verb.dep_ == "ROOT" or (  # or a clause of its own after another
            verb.dep_ == "conj" and any(c.dep_ == "nsubj" for c in verb.children)) else None
        if measured is not None:
            yield _measure(verb, measured)
            continue
        carried = _carries_out(verb, lemmatizer)
        agreed = agreed_on(verb, lemmatizer)  # "reached a deal on a $900 billion relief package"
        held = _holds_aid(verb, lemmatizer) if verb.lemma_ in _CONTAIN else False
        contents = held is not False  # held None: what a proposal holds, put forward
        presented = not carried and not contents and presents(verb, lemmatizer, ACTS)
        asked = requested(verb) if verb.pos_ == "VERB" else None  # "asking for $1.8 trillion": put forward
        changed = changes_to(verb) is not None  # "reduced the payment to $300": the level it sets
        if verb.pos_ not in ("VERB", "AUX") or (verb.lemma_ not in ACTS and not carried and not contents
                                                and not presented and asked is None and not changed
                                                and agreed is None):
            continue
        light = _LIGHT.get(verb.lemma_)
        if light and not carried and not changed and not holds_word(verb, light) and not (verb.lemma_ == "agree" and object_of(verb)):
            continue
        if verb.lemma_ in ("announce", "decide", "agree") and any(
                c.dep_ in ("ccomp", "xcomp") and _gives(c) for c in verb.children):
            continue  # the announced or agreed act is read on its own verb
        resolved_to, qualified = resolved(verb), given_by(verb, ACTS)  # qualified: "the 50 tanks sent by Germany"
        if verb.dep_ not in FINITE_DEPS and not finite(verb) and not (
                verb.dep_ == "pcomp" and head_lemma(verb.head.head) in GOVERNS_GERUND) and not means(verb) \
                and resolved_to is None and not qualified:
            continue
        if verb.dep_ == "advcl" and verb.tag_ == "VBG" and verb.lemma_ not in COMMISSIVE and _gives(verb.head) and not any(
                c.dep_ in ("mark", "nsubj", "aux") for c in verb.children):
            continue  # "will release the data …, setting up a scramble": what the act brings about
        if any(c.dep_ == "aux" and c.lower_ in _DEMAND for c in verb.children) or (
                verb.dep_ == "xcomp" and verb.head.lemma_ in _DEMAND):
            continue
        if conjectured(verb) or counterfactual(verb) or another_s_condition(verb) or asked_of_another(verb, ACTS) \
                or polar_question(verb):
            continue
        obj = antecedent(agreed if agreed is not None else object_of(verb) if asked is None else asked)
        obj = verb.head if obj is None and qualified else obj
        if obj is not None and _lemma(obj, lemmatizer) is not None and nothing_given(verb, obj, HANDED):
            continue  # "sent a message", "received 2 million refugees", "made the pledge": nothing is given
        done = complement(obj) if obj is not None else None
        if done is not None and (_gives(done) or any(_gives(c) for c in done.children if c.dep_ == "conj")):
            continue  # "announced its plan to purchase and donate 500 million doses": read on the inner verb
        if verb.lemma_ in _MONEY_VERBS and obj is not None and (obj.dep_ == "dobj" or verb.lemma_ != "pay") \
                and not is_money(obj):
            continue  # "pay tribute"
        if verb.lemma_ in _SPEND and verb.tag_ == "VBG" and not any(c.dep_ == "aux" for c in verb.children):
            continue  # a means or a purpose, not an act ("legislation to boost … by investing $250 billion")
        if verb.lemma_ in _ENACT and (obj is None or not wordnet.sense_is_a(
                _lemma(obj, lemmatizer).lower(), 2, *ENACTED, *(_PUT if verb.lemma_ == "introduce" else ()))):
            continue  # "passed the ball"
        if verb.lemma_ in WAIVE and not owed(obj, lemmatizer):
            continue  # "cancelled the meeting"
        if verb.lemma_ in _ISSUE and (obj is None or not (is_money(obj) or category_of(
                " ".join(t.text for t in _subtree(obj, NOT_ITEM)), "", False) is CommitmentCategory.FINANCIAL)):
            continue  # "issued a statement"
        subj, pronoun = subject_of(verb)
        # a note's participle read as its verb ("23 million EUR directed to Ukraine, …"): the money is
        # what is given, as in a passive without its agent
        note = subj is not None and obj is None and verb.dep_ == "ROOT" and verb.tag_ in ("VBD", "VBN") \
            and is_money(subj) and not any(c.dep_ in ("aux", "auxpass") for c in verb.children)
        if note:
            obj, subj = subj, None
        # a passive without its agent ("500 million CAD were dedicated to Ukraine in the Canadian
        # budget"): the actor may be named elsewhere in the clause
        # (or with a subject only its governor has, which may name no actor: "Source 2 specifies that …")
        agentless = obj is not None and (note or (obj.dep_ == "nsubjpass" and not any(
            c.dep_ == "agent" for c in verb.children)))
        undertaken = _undertaken(verb) if obj is None else None
        if undertaken is not None and subj is not None:
            yield _undertaking(verb, undertaken, subj, pronoun, level_span(verb) if changing else None)
            continue
        if done is not None and subj is not None:  # "announced his decision to end …": what is resolved on
            yield _undertaking(verb, done, subj, pronoun, None, resolution_status(verb, obj, status_of(verb)[0]))
            continue
        if obj is None or (subj is None and not agentless):
            continue
        if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("that", "this") and not any(
                is_money(t) for t in verb.sent if t.pos_ in ("NOUN", "PROPN", "NUM", "SYM")):
            continue  # "That will provide enough shots to fully vaccinate …": what an act before brings about
        if verb.lemma_ == "adopt" and not adoptable(obj, NOMINAL):
            continue  # "adopting a more aggressive political posture"
        status, cue = status_of(verb) if resolved_to is None else status_of(resolver(verb).head)
        if isinstance(resolved_to, CommitmentStatus) and status in (S.COMMITTED, S.PLEDGED):
            status, cue = resolved_to, resolver(verb)  # "announced plans to deliver": willing; "a pledge to give": pledged
        subj_span = subject_span(verb, subj) if subj is not None else None
        subj_head = _span([subj]) if subj is not None else None
        rec = recipient_of(verb, obj)
        # objects coordinated with amounts of their own ("50 million CAD in humanitarian assistance and
        # 20 million CAD in development aid") are one act each, each clause without the others' words
        parts = priced_conjuncts(obj)
        for part in parts or [obj]:
            others = {t.i for p in parts if p is not part for t in _subtree(p, NOT_ITEM)}
            toks = _subtree(part, NOT_ITEM)
            while toks and toks[0].dep_ in ("det", "predet", "poss", "case") and toks[0].i != part.i:
                toks = toks[1:]
            head = _lemma(part, lemmatizer).lower()
            yield Clause(
                verb=_span([verb]), lemma=verb.lemma_, status=S.WILLING if put_forward(status, verb, head) or (
                    (asked is not None or held is None) and status in (S.COMMITTED, S.PLEDGED)) else status,
                cue=_span([cue]) if cue is not None else _span([verb]), subject=subj_span, subject_head=subj_head,
                subject_pronoun=pronoun, item=item_span(toks), item_head=head,
                recipient=_span([rec]) if rec is not None else None, scope=_scope(verb, others), agentless=agentless,
                aside=_asides(verb) if agentless else marked_clauses(verb), contents=contents,
                level=level_span(verb) if changing else None,
                on_people=on_people(subj) if subj is not None else (), item_at=_span([part]),
                errand=verb.lemma_ in DELIVER | {"direct"} and any(t.dep_ in ("xcomp", "advcl") and any(
                    g.dep_ == "aux" and g.lower_ == "to" for g in t.children) for t in verb.children),
            )


def _undertaking(verb: Any, done: Any, subj: Any, pronoun: bool, level: tuple[int, int] | None,
                 given: CommitmentStatus | None = None) -> Clause:
    """The act of pledging to do ``done``: the item is what is to be done, as the sentence words it
    (``given``: the status a noun of resolving sets)."""
    status, cue = status_of(verb)
    status = given or status
    if status is S.COMMITTED and verb.lemma_ == "offer":  # an offer binds once it is taken up
        status = S.WILLING
    toks = [t for t in _subtree(done, NOT_ITEM) if t.dep_ != "punct" and not (given and t.dep_ == "aux" and t.head.i == done.i)]
    return Clause(
        verb=_span([verb]), lemma=verb.lemma_, status=status, cue=_span([cue]) if cue is not None else _span([verb]),
        subject=subject_span(verb, subj), subject_head=_span([subj]), subject_pronoun=pronoun, item=item_span(toks), item_head=done.lemma_.lower(),
        recipient=None, scope=_scope(verb), undertaking=True, level=level,
    )


# The parts of speech whose lemmas are read for every token; a noun's is read where it heads an
# object or a verbless note, an adjective over an act is compared by its form.
_PREDICATES = ("VERB", "AUX")


def _acts_of_doc(doc: Any, lemmatizer: Any | None) -> tuple[Clause, ...]:
    """The acts of a parsed paragraph. A Doc parsed with the lemmatizer switched off (the claims
    stage's) gets the lemmas the reading compares, set as that component would set them."""
    ids = {doc.vocab.strings[p] for p in _PREDICATES}
    verbs = [doc[i] for i, p in enumerate(doc.to_array("POS").tolist()) if p in ids]
    for tok in verbs:
        _lemma(tok, lemmatizer)
    out: list[Clause] = []
    at = 0
    for sent in doc.sents:
        own = []
        while at < len(verbs) and verbs[at].i < sent.end:
            own.append(verbs[at])
            at += 1
        read = list(_reads(sent, own, lemmatizer))
        taken = [span for c in read for span in (c.item, c.verb) if span]
        for given, giver in given_from(sent, NOMINAL, taken):  # "$122 billion … funds from Congress"
            prep = giver.head
            toks = [t for t in _subtree(given, NOT_ITEM) if t.dep_ != "punct" and not (
                prep.left_edge.i <= t.i <= prep.right_edge.i)]
            read.append(Clause(verb=_span([given]), lemma=given.lemma_, status=S.COMMITTED, cue=_span([given]),
                               subject=_span(giver.doc[giver.left_edge.i : giver.i + 1]), subject_head=_span([giver]),
                               subject_pronoun=False,
                               item=item_span(toks), item_head=_lemma(given, lemmatizer).lower(), recipient=None,
                               scope=(_span(toks),)))
        out.extend(read)
    return tuple(out)


def clauses_of_paragraphs(nlp: Any, texts: Sequence[str], cache: TextCache[tuple[Clause, ...]] | None = None,
                          docs: TextCache[Any] | None = None) -> list[tuple[Clause, ...]]:
    """The acts of each paragraph (offsets relative to it). A paragraph held in ``docs`` (the
    claims stage's parse, by paragraph text) is read from that Doc; the others are parsed with
    ``nlp``; a paragraph without a candidate stem or a word of the category lexicon is not read."""
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in nlp.pipe_names else None

    def read(todo: list[str]) -> Iterator[tuple[Clause, ...]]:
        wanted = [CANDIDATE.first(t, low := t.lower()) is not None or names_a_category(t, low) for t in todo]
        cased = [sentence_cased(t, lemmatizer) if w else None for t, w in zip(todo, wanted, strict=True)]
        given = [docs.get(t) if docs is not None and w and c is None else None
                 for t, w, c in zip(todo, wanted, cased, strict=True)]  # a title-case headline: its copy's parse
        parsed = iter(nlp.pipe([c or t for t, w, d, c in zip(todo, wanted, given, cased, strict=True) if w and d is None],
                               batch_size=64))
        for w, d in zip(wanted, given, strict=True):
            yield _acts_of_doc(next(parsed) if d is None else d, lemmatizer) if w else ()

    return cached_map(list(texts), read, cache)
