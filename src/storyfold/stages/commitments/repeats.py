"""An act said twice in one sentence, kept once: the same sum for the same actor and sub-kind, or
the same thing given worded with and without its verb. Read by
:mod:`storyfold.stages.commitments.commitments` on the mentions of one article."""

from __future__ import annotations

from dataclasses import replace

from storyfold.records import CommitmentKind, CommitmentMention
from storyfold.text import wordnet

__all__ = ["one_act_per_sum"]

_ARTICLES = frozenset({"a", "an", "the"})
_GENERIC = frozenset({CommitmentKind.EQUIPMENT, CommitmentKind.OTHER})  # sub-kinds that name no kind of support


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
