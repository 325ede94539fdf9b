"""An act said twice in one sentence, kept once: the same sum for the same actor and sub-kind, the
same thing given worded with and without its verb, or the same act read by the sub-kind rules and
by the parse (the rules' mention, corrected by the parse's reading). Read by
:mod:`storyfold.stages.commitments.commitments` on the mentions of one article."""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from storyfold.records import CommitmentCategory, CommitmentKind, CommitmentMention, CommitmentStatus
from storyfold.text import wordnet

__all__ = ["Reading", "one_act_per_sum", "with_reading"]

_ARTICLES = frozenset({"a", "an", "the"})
_GENERIC = frozenset({CommitmentKind.EQUIPMENT, CommitmentKind.OTHER})  # sub-kinds that name no kind of support
# Statuses of an act not yet given that a condition on its verb makes conditional.
_FIRM = frozenset({CommitmentStatus.COMMITTED, CommitmentStatus.PLEDGED, CommitmentStatus.WILLING})
# The categories a rules' mention has from its money alone.
_BARE = (CommitmentCategory.FINANCIAL, CommitmentCategory.OTHER)


def one_act_per_sum(found: list[CommitmentMention]) -> list[CommitmentMention]:
    """A mention with no amount beside one of the same actor, sub-kind and sentence that states its
    sum is that act said twice ("Italy will provide 150 million EUR in weapons"): the one with the
    sum stays; and one whose item is another's with its verb is that act worded twice."""
    summed = {(m.start, m.actor, m.kind) for m in found if m.amount}
    found = [m for m in found if m.amount or (m.start, m.actor, m.kind) not in summed]
    # an undertaking whose words end on what another act of the actor in the sentence gives, with
    # the same status, is that act worded with its verb ("ruled out sending troops": "troops"); the
    # row kept takes the sub-kind the verb's wording named ("sending troops": ground troops) where
    # its own names none (equipment, other)
    kept, kinds = [], {}
    for m in found:
        twin = next((o for o in found if m.item and o is not m and o.item and (o.start, o.actor, o.status) == (
            m.start, m.actor, m.status) and _with_verb(m.item, o.item) and m.amount in (None, o.amount)), None)
        if twin is None:
            kept.append(m)
        elif m.kind not in _GENERIC:
            kinds.setdefault(id(twin), m.kind)
    return [replace(m, kind=kinds[id(m)]) if id(m) in kinds and m.kind in _GENERIC else m for m in kept]


def _with_verb(item: str, other: str) -> bool:
    """Whether ``item`` is ``other`` after a verb ("sending troops", "to send troops", with an
    article: "sending a company of troops"), not after a count or a qualifier ("45 vehicles",
    "armoured vehicles")."""
    words = item.removesuffix(other).split() if item.endswith(" " + other) else []
    if words and words[-1].lower() in _ARTICLES:
        words.pop()
    verb = words[-1] if len(words) == 1 or (len(words) == 2 and words[0] == "to") else ""
    return wordnet.verb_first(verb) and not verb.endswith(("ed", "en"))  # "armoured" qualifies


class Reading(NamedTuple):
    """What the parse read of an act the sub-kind rules gave first (sentence, actor, sub-kind, amount)."""

    category: CommitmentCategory
    conditions: tuple[str, ...]
    status: CommitmentStatus
    cue: str
    scope: tuple[tuple[int, int], ...]  # the act's own clause, in the sentence


def with_reading(m: CommitmentMention, got: Reading) -> CommitmentMention:
    """A rules' mention corrected by the parse's reading of the same act: the parse's category where
    the rules had only the money to go by ("… 100 million USD. The funds are for humanitarian
    purposes."); the condition on its verb where the rules read the act as firm ("will give $5
    million if the UN asks for it"); else its status where the rules' cue lies outside the act's own
    clause ("was not ready to send ground troops but would finance air defence": pledged)."""
    if m.category in _BARE and got.category not in _BARE:
        m = replace(m, category=got.category)
    if m.status in _FIRM and not m.conditions and got.conditions:
        return replace(m, status=CommitmentStatus.CONDITIONAL, conditions=got.conditions)
    if got.status is not m.status and m.cue in m.text and not any(x <= m.text.find(m.cue) < y for x, y in got.scope):
        return replace(m, status=got.status, cue=got.cue)
    return m
