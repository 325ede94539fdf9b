"""The status of an act from its clause: the governing verb's modality, tense and negation and the
predicate it depends on.

* a negated verb (or one whose subject is "no …" / "neither …"), or one under "refuse" / "reject"
  -> ``ruled out``; under "decline" -> ``declined``;
* under "ready" / "willing" / "prepared" / "open" -> ``willing``; under "consider" / "weigh" /
  "discuss" / "study" / "explore" / "mull" -> ``considering``;
* a clause led by "if" / "unless" / "provided" -> ``conditional``;
* "rule out" -> ``ruled out``; "not rule out" -> ``considering`` (kept open); a negated verb of
  saying other than a promise's ("had not announced plans to") -> ``considering``; a negated verb of
  standing against or holding back ("wouldn't object to passing", "did not hesitate to send") -> ``willing``;
* a modal "might" / "could" / "may" / "would" -> ``considering`` (but "would" in what a past verb of
  saying reports is the reported "will": "said it would send" -> ``pledged``); "will" / "shall" / "going to" /
  "is to", under "plan" / "intend" / "promise" / "pledge" / "vow" / "aim" / "expect", or "pledge" /
  "promise" / "vow" itself -> ``pledged``;
* past or perfect delivery ("has sent", "delivered", "handed over", "arrived") -> ``fulfilled``;
* "propose" itself, with none of the above -> ``willing`` (a proposal binds once accepted);
* otherwise (approved, allocated, announced, donated, sends) -> ``committed``.

Then what is put forward (:func:`put_forward`): "propose" with "will" ("will propose $5 trillion"),
or an act whose object is a proposal, a plan, an offer, a request or a tentative framework
(WordNet's nouns under :data:`PROPOSAL`, in either of a word's two most frequent senses: "unveiled
a $3.5 trillion blueprint", "released his $6 trillion budget", "announced a tentative framework")
by a verb that does not adopt it ("approved a budget" stays ``committed``), or any act put to a
legislature ("unveil … in his first joint speech to Congress") -> ``willing``: a proposal binds
once it is accepted, and "will" only says when it is made.
"""

from __future__ import annotations

import re
from typing import Any

from storyfold.records import CommitmentStatus
from storyfold.text import wordnet
from storyfold.text.lexicon import ASSERTIVE, COMMISSIVE, SPEECH

__all__ = ["ADOPT", "CONDITION_MARKS", "DECLINE", "DELIVER", "PLAN", "PROPOSAL", "REFUSE", "UNSAID", "WILL", "WILLING", "chain", "finite", "head_lemma",
           "conditions_of", "put_forward", "status_of"]

S = CommitmentStatus

# Delivery verbs, and the verbs of giving that hand over what they give (VerbNet give-13.1,
# contribute-13.2: "he gave about $6,000", "Norway has donated 14 vehicles"): a past or perfect
# form is a fulfilment.
DELIVER = frozenset({"deliver", "send", "ship", "transfer", "dispatch", "hand", "disburse", "supply", "contribute",
                      "deploy", "airlift", "distribute", "give", "donate", "gift", "pay", "lend", "loan"})

WILLING = frozenset({"ready", "willing", "prepared", "open", "eager"})
_CONSIDER = frozenset({"consider", "weigh", "discuss", "study", "explore", "mull", "examine", "evaluate", "debate"})
PLAN = frozenset({"plan", "intend", "promise", "pledge", "vow", "aim", "expect", "want", "seek", "hope"})
_PROMISE = frozenset({"pledge", "promise", "vow"})
REFUSE = frozenset({"refuse", "reject"})
DECLINE = frozenset({"decline", "hesitate"})
# Verbs of standing against or holding back: negated, they leave the act welcome ("wouldn't object to
# passing the bill", "did not hesitate to send", "can't wait to launch")
_AGAINST = frozenset({"object", "oppose", "resist", "mind", "hesitate", "wait"})
# Verbs of saying other than a promise's: negated, they leave the act undecided, not ruled out
# ("had not announced plans to form that committee", "did not say whether it would send troops")
UNSAID = SPEECH - COMMISSIVE
_DOUBT = frozenset({"might", "could", "may", "would", "can"})
WILL = frozenset({"will", "shall", "'ll", "wo"})
CONDITION_MARKS = frozenset({"if", "unless", "provided", "providing"})  # what opens a condition
# A proposal binds only once it is accepted ("Senate Republicans proposed a $568 billion
# infrastructure plan"): the proposer is willing.
_PROPOSE = frozenset({"propose", "introduce"})  # introducing a bill puts it forward
# What is put forward, not yet bound (WordNet noun synsets): a proposal, a plan or programme, an
# offer (the thing offered), a request, a tentative framework (a hypothesis, "a theory").
PROPOSAL = ("proposal.n.01", "plan.n.01", "offer.n.02", "petition.n.01", "hypothesis.n.02")
# Verbs that adopt what is put forward: what they take binds ("approved a roughly $3.5 trillion budget").
ADOPT = frozenset({"approve", "adopt", "authorize", "authorise", "sign", "agree", "pass", "enact", "ratify",
                    "endorse", "accept", "vote"})


def chain(verb: Any) -> list[Any]:
    """The verb and the predicates it depends on through xcomp / ccomp / conj (its governors)."""
    out = [verb]
    tok = verb
    while tok.dep_ in ("xcomp", "ccomp", "acomp", "conj", "advcl") and tok.head.i != tok.i and len(out) < 4:
        if tok.dep_ == "advcl" and not any(c.lower_ == "to" for c in tok.children):
            break
        tok = tok.head
        out.append(tok)
    return out


def head_lemma(tok: Any) -> str:
    """The lemma of a predicate over an act: a verb's (set on every verb), an adjective's form
    ("ready", "willing": the predicates compared are base forms)."""
    return tok.lemma_ or tok.lower_


def _rules_out(tok: Any) -> bool:
    """Whether ``tok`` is "rule out" ("ruled out a meeting", "ruled out sending troops")."""
    return tok.lemma_ == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in tok.children)


def _reported_past(tok: Any) -> bool:
    """Whether ``tok`` heads what a past-tense verb of saying reports ("the White House said it
    would send …", "Kraft said … the company would provide …"): a "would" there is the reported
    "will" (the sequence of tenses)."""
    head = tok
    while head.dep_ == "conj" and head.head.i != head.i:
        head = head.head
    while head.dep_ == "advcl" and head.head.i != head.i:  # "… closed until notice and the company would …"
        head = head.head
    return head.dep_ == "ccomp" and head.head.tag_ == "VBD" and head_lemma(head.head) in ASSERTIVE


def _condition(kids: list[Any]) -> Any | None:
    """The "if", "unless" or "provided" that opens a clause the act depends on ("will send two
    frigates if NATO asks", "would provide more unless Congress objects"), not an "even if"."""
    return next((m for c in kids if c.dep_ == "advcl" for m in c.children if m.dep_ == "mark" and m.lower_ in CONDITION_MARKS
                 and not (m.i > 0 and m.doc[m.i - 1].lower_ in ("even", "as"))), None)


def conditions_of(sent: str, status: CommitmentStatus, cue: tuple[int, int]) -> tuple[str, ...]:
    """The condition a conditional act's cue opens, as the sentence words it, up to the clause's end
    ("if NATO asks it to"); none for other acts or a cue that opens no clause."""
    if status is not S.CONDITIONAL or sent[cue[0] : cue[1]].lower() not in CONDITION_MARKS:
        return ()
    words = re.match(r"[^,;:()\u2014\u2013\"“”]+", sent[cue[0] :])
    text = words.group().strip().rstrip(".!?") if words else ""
    return (text,) if len(text) > cue[1] - cue[0] else ()


def status_of(verb: Any) -> tuple[CommitmentStatus, Any]:
    """The status of the act ``verb`` states, and the token it was read from."""
    governors = chain(verb)
    own = [verb, *(c for c in verb.children if c.dep_ in ("aux", "auxpass", "neg"))]
    opened = _left_open(governors)
    if opened is not None:
        return S.CONSIDERING, opened
    for at, tok in enumerate(governors):
        kids = list(tok.children)
        lemma = head_lemma(tok)
        # a conjunct shares its head's auxiliaries, negation and "if" only where it has neither a
        # subject nor an auxiliary nor a tense of its own ("will not send tanks and deliver jets");
        # a finite one shares nothing ("called for an inquiry and pledged to give 1 billion doses":
        # "pledged" decides, "called" does not), and no head's verb governs its conjunct's act
        shared = at > 0 and governors[at - 1].dep_ == "conj"
        if shared and _own_clause(governors[at - 1]):
            break
        neg = next((c for c in kids if c.dep_ == "neg"), None) or _none_acting(kids)
        if neg is not None:
            if not shared and (_rules_out(tok) or lemma in UNSAID):
                return S.CONSIDERING, neg  # "did not rule out sending troops", "had not announced plans to"
            if not shared and lemma in _AGAINST and tok.i != verb.i:
                return S.WILLING, neg
            return S.RULED_OUT, neg
        if not shared and ((lemma in REFUSE and tok.i != verb.i) or _rules_out(tok)):
            return S.RULED_OUT, tok
        if not shared and lemma in DECLINE and tok.i != verb.i:
            return S.DECLINED, tok
        if not shared and lemma in WILLING and tok.i != verb.i:
            copula_neg = next((c for c in tok.head.children if c.dep_ == "neg"), None) if tok.dep_ == "acomp" else None
            return (S.DECLINED, copula_neg) if copula_neg is not None else (S.WILLING, tok)  # "is not ready to send"
        if not shared and lemma in _CONSIDER and tok.i != verb.i:
            return S.CONSIDERING, tok
        mark = next((c for c in kids if c.dep_ == "mark" and c.lower_ in CONDITION_MARKS), None) or _condition(kids)
        if mark is not None:
            return S.CONDITIONAL, mark
        aux = [c for c in kids if c.dep_ in ("aux", "auxpass")]
        doubt = next((c for c in aux if c.lower_ in _DOUBT), None)
        if doubt is not None and doubt.lower_ == "would" and _reported_past(tok):
            return S.PLEDGED, doubt  # "said it would send": the future of a past report, not a doubt
        if doubt is not None:
            return S.CONSIDERING, doubt
        will = next((c for c in aux if c.lower_ in WILL or c.lemma_ == "will"), None)
        if will is not None or (tok.lemma_ == "go" and any(c.lower_ == "to" for c in kids)):
            return S.PLEDGED, will if will is not None else tok
        if not shared and lemma in PLAN and tok.i != verb.i:
            return S.PLEDGED, tok
        if not shared and tok.lemma_ == "be" and tok.i != verb.i and tok.i < verb.i:  # "Germany is to deliver 50 tanks"
            return S.PLEDGED, tok
    if verb.lemma_ in _PROMISE:  # "pledged 500 million EUR", "promised tanks"
        return S.PLEDGED, verb
    to = next((c for c in verb.children if c.dep_ == "aux" and c.lower_ == "to"), None)
    if verb.lemma_ in DELIVER and verb.lemma_ != "supply" and to is None and (  # "drones to be sent": still to come
            verb.tag_ in ("VBD", "VBN") or any(c.dep_ == "aux" and (c.lemma_ == "have" or c.lower_ == "did")
                                               for c in verb.children)):  # "did send": the past with "do"
        return S.FULFILLED, own[0]
    if verb.lemma_ == "receive" and (verb.tag_ in ("VBD", "VBN") or any(c.lemma_ == "have" and c.dep_ == "aux" for c in verb.children)
                                     or (verb.tag_ == "VBG" and verb.dep_ == "advcl" and verb.head.tag_ == "VBD")):
        return S.FULFILLED, verb  # what was received was given ("…, receiving a $500 , 000 … grant in 2008")
    if verb.lemma_ in _PROPOSE:
        return S.WILLING, verb
    if verb.dep_ == "ROOT" and to is not None:  # a headline's future: "DeVos to cancel $150M in student loans"
        return S.PLEDGED, to
    return S.COMMITTED, verb


def _left_open(governors: list[Any]) -> Any | None:
    """What leaves an act an open question from above its own clause, whatever the act's own
    auxiliaries say: a complement led by "whether" ("has not decided whether it will send troops",
    "will decide whether to send troops"), or a complement of a negated verb of saying other than a
    promise's ("has not announced that it will send tanks", "did not say it plans to send"): the
    token read (the "whether", the negation), else None. A conjunct with a clause of its own shares
    nothing of its head's."""
    for at in range(1, len(governors)):
        below, tok = governors[at - 1], governors[at]
        if below.dep_ == "conj" and _own_clause(below):
            return None
        if below.dep_ not in ("ccomp", "xcomp"):
            continue
        whether = next((c for c in below.children if c.dep_ == "mark" and c.lower_ == "whether"), None)
        if whether is not None:
            return whether
        neg = next((c for c in tok.children if c.dep_ == "neg"), None)
        if neg is not None and below.dep_ == "ccomp" and head_lemma(tok) in UNSAID:
            return neg
    return None


def _none_acting(kids: list[Any]) -> Any | None:
    """The negative determiner of a verb's subject ("No Republicans voted for the legislation",
    "neither country sent troops"): none of them acts, as with a negated verb."""
    subj = next((c for c in kids if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None:
        return None
    return next((c for c in subj.children if c.dep_ == "det" and c.lower_ in ("no", "neither")), None)


def _own_clause(conjunct: Any) -> bool:
    """Whether a coordinated verb heads a clause of its own: a subject, an auxiliary or a tense."""
    return conjunct.tag_ in ("VBD", "VBZ", "VBP") or any(
        c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in conjunct.children)


def put_forward(status: CommitmentStatus, verb: Any, head: str | None) -> bool:
    """Whether the act ``verb`` (of status ``status``, its object headed by the noun lemma ``head``)
    only puts something forward: "propose" ("will propose $5 trillion"), or a proposal, a plan, an
    offer, a request or a framework (:data:`PROPOSAL`, either of the noun's two most frequent
    senses) that a verb other than one of adopting or promising presents ("unveiled a blueprint")."""
    if status not in (S.COMMITTED, S.PLEDGED, S.FULFILLED):  # "sent Congress a spending request"
        return False
    if verb.lemma_ in _PROPOSE:
        return True
    if verb.lemma_ in ADOPT | _PROMISE:
        return False
    if _before_legislature(verb):
        return True
    return bool(head) and head.isalpha() and wordnet.sense_is_a(head.lower(), 2, *PROPOSAL)


def _before_legislature(verb: Any) -> bool:
    """Whether the act is put to a legislature ("present his package to Congress", "unveil … in his
    first joint speech to Congress"; WordNet's legislature, the noun's most frequent sense): what a
    legislature must still pass is proposed to it, not yet given. Not a legislature named deeper
    in what is given ("delivered the response to Biden's address to Congress")."""
    # "to" on the verb, or on the noun of a phrase of the verb's ("in his speech to")
    heads = [verb, *(g for c in verb.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj")]
    return any(t.dep_ == "pobj" and t.pos_ in ("PROPN", "NOUN") and wordnet.is_a(t.lower_, "legislature.n.01")
               for h in heads for to in h.children if to.dep_ == "prep" and to.lower_ == "to" for t in to.children)


def finite(verb: Any) -> bool:
    """Whether ``verb`` heads a finite clause whatever the parse's label for it: it has a modal or
    "will" of its own ("… specifies that 100 million euros will be issued", "specifies" read as a noun)."""
    return any(c.dep_ == "aux" and (c.tag_ == "MD" or c.lower_ in WILL) for c in verb.children)
