"""Which clause of a parsed sentence an expression belongs to (spaCy's English dependency labels).

A date inside a sentence dates the sentence's main clause only when its words reach the root
without entering a clause below it: "In 1995, she became the first ..." is 1995, while in "the
fighting was the most intense since it took over the strip in 2007" the year dates the taking
over, and in "since their 2014 war" it names a war. The brief dates its sentences by the first
kind (:func:`main_clause`); the timeline tells what the other kinds date (:func:`clause_holding`,
:func:`names_a_thing`).
"""

from __future__ import annotations

from typing import Any

__all__ = ["SUBORDINATE", "clause_holding", "main_clause", "names_a_thing"]

# dependency labels that open a clause below the main one
SUBORDINATE = frozenset({"relcl", "acl", "advcl", "ccomp", "xcomp", "csubj", "csubjpass", "appos", "parataxis"})
# the clauses below the main one that a date there dates on their own (not an infinitive, a reported
# statement or an aside, whose subject or speaker is the main clause's)
_NARROWED = SUBORDINATE - {"xcomp", "ccomp", "parataxis"}
# a clause that hangs on a noun: what it dates is told with that noun ("the pact, signed in 2024")
_ON_A_NOUN = frozenset({"relcl", "acl", "appos"})
# a word that modifies a noun: a date in that place names the thing ("their 2014 war", "the 2012 shooting")
_MODIFIER = frozenset({"nummod", "compound", "amod", "poss", "nmod"})
_LEADING = frozenset({"mark", "cc", "punct", "advmod"})  # "since", "and", a comma, "when" before a clause's words


def _head_of(doc: Any, start: int, end: int) -> Any | None:
    """The word of the expression at ``start:end`` (character offsets into ``doc``) whose head lies
    outside it (or is itself)."""
    words = [t for t in doc if start <= t.idx < end]
    if not words:
        return None
    return next((w for w in words if not start <= w.head.idx < end or w.head.i == w.i), words[0])


def main_clause(doc: Any, start: int, end: int) -> bool:
    """Whether the expression at ``start:end`` of the parsed sentence ``doc`` (offsets into it) is a
    time of the sentence's main clause: the head of its words reaches the root without entering a
    relative, adverbial, complement or appositive clause."""
    t = _head_of(doc, start, end)
    for _ in range(len(doc) if t is not None else 0):  # the root's head is itself
        if t.head.i == t.i:
            return True
        if t.dep_ in SUBORDINATE:
            return False
        t = t.head
    return False


def names_a_thing(doc: Any, start: int, end: int) -> bool:
    """Whether the date at ``start:end`` of ``doc`` names or measures against a thing rather than
    timing a clause: it modifies a noun ("their 2014 war", "the Sept. 11, 2001, attacks"), closes a
    name ("the Emergency Powers Act of 1945"), or starts the period a noun or a superlative is
    measured over ("the fastest pace since 2008", "the highest since April 1982", "the worst since
    the end of the apartheid regime in 1994"). A dated happening is no such thing ("Trump's attack
    on January 3, 2020, killed ...", "scheduled a meeting on Oct. 26")."""
    t = _head_of(doc, start, end)
    if t is None:
        return False
    if t.dep_ in _MODIFIER and t.head.pos_ in ("NOUN", "PROPN") and not start <= t.head.idx < end:
        return True
    for _ in range(len(doc)):
        if t.dep_ != "pobj" or t.head.dep_ != "prep":
            return False
        prep, held_by = t.head, t.head.head
        if prep.lower_ == "since" and (held_by.pos_ in ("NOUN", "PROPN") or held_by.tag_ == "JJS"):
            return True
        if prep.lower_ == "of" and held_by.pos_ == "PROPN":
            return True
        if held_by.pos_ not in ("NOUN", "PROPN"):
            return False
        t = held_by  # "the end of the regime in 1994": on through the noun phrase
    return False


def _own_time(verb: Any) -> bool:
    """Whether a clause below the main one tells a happening of its own: a relative clause or an
    apposition, a clause with its own subject ("since it took over ..."), a passive participle on a
    noun ("restrictions issued by the governor in 2020"); not a participle or infinitive that times
    the main clause's own act ("will reopen borders, starting in early November", "The changes, to
    take effect in November, will allow ...")."""
    if verb.dep_ in ("relcl", "appos"):
        return True
    if any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children):
        return True
    return verb.dep_ == "acl" and verb.tag_ == "VBN"


def clause_holding(doc: Any, start: int, end: int, longest: int) -> tuple[int, int] | None:
    """What a date of ``doc`` dates when it lies below the sentence's main clause, as character
    offsets into it: the adverbial, relative or reduced clause that holds it ("since it took over
    the strip in 2007": "it took over the strip in 2007"), told with the noun a relative or reduced
    clause hangs on when the whole stays within ``longest`` characters ("the pact, signed in 2024").
    An infinitive, a reported statement or an aside belongs to the clause above it ("plans to visit
    in 2024", "Fauci says the U.S. won't emerge until next spring": who says it stays), and so does a
    participle without a subject of its own ("starting in early November"). ``None``
    when the date belongs to the main clause."""
    t = _head_of(doc, start, end)
    if t is None:
        return None
    for _ in range(len(doc)):
        if t.head.i == t.i:
            return None  # the main clause
        if t.dep_ in _NARROWED and _own_time(t):
            break
        t = t.head
    else:
        return None
    words = list(t.head.subtree) if t.dep_ in _ON_A_NOUN else list(t.subtree)
    if t.dep_ in _ON_A_NOUN and words[-1].idx + len(words[-1]) - words[0].idx > longest:
        words = list(t.subtree)
    while words and words[0].dep_ in _LEADING and words[0].head.i == t.i and words[0].i != t.i:
        words = words[1:]
    while words and (words[-1].is_punct or words[-1].dep_ == "cc"):  # "... in 2022 and" (the next conjunct hangs above)
        words = words[:-1]
    if not words:
        return None
    return words[0].idx, words[-1].idx + len(words[-1])
