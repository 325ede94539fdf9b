"""The worth a later sentence states of a commitment that states none ("… the 20 Bushmasters have a
value of 49 million AUD"): read by :mod:`storyfold.stages.commitments.commitments`."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace

from storyfold.records import CommitmentCategory, CommitmentMention, Quantity
from storyfold.stages.commitments.clauses import Clause

__all__ = ["valued_later"]

C = CommitmentCategory

# A sentence that states what something is worth ("have a value of 49 million AUD", "Total cost is
# 92 million EUR", "this equals approximately 30.6 million EUR per country", "quantifies this package
# to about 7.4 million EUR", "estimated at").
_VALUE = re.compile(r"(?i)\b(?:values?|valued|worth|costs?|costing|equals?|equalling|amount(?:s|ing)?\s+to"
                    r"|quantif(?:y|ies|ied)|estimated\s+at|priced\s+at)\b")


def valued_later(
    text: str, clauses: Sequence[tuple[int, int, tuple[Clause, ...]]], money: Sequence[Quantity],
    found: list[CommitmentMention], taken: set[tuple] | None,
) -> list[CommitmentMention]:
    """A sentence's one commitment that states no amount takes the money of the following
    sentences of its paragraph that say what something is worth (the last of them: a later figure
    refines an earlier one), up to the next sentence with a commitment; its span grows to cover
    them. A sentence with two commitments (but one act of states its subject coordinates: the first
    state's), or one with an amount, lends none."""
    starts = {m.start for m in found} | {key[0] for key in (taken or ())}
    by_sentence: dict[int, list[int]] = {}
    for i, m in enumerate(found):
        by_sentence.setdefault(m.start, []).append(i)
    out = list(found)
    for k, (a, b, _acts) in enumerate(clauses):
        own = by_sentence.get(a, [])
        acts = {(found[i].kind, found[i].item, found[i].status) for i in own}  # coordinated states' rows: one act
        if len(acts) != 1 or found[own[0]].amount is not None or (
                taken and any(t[0] == a and len(t) == 4 and t[3] for t in taken)):
            continue
        value, end = None, b
        for a2, b2, acts2 in clauses[k + 1 : k + 3]:
            if "\n" in text[end:a2] or a2 in starts:
                break
            if _VALUE.search(text[a2:b2]) or any(c.measure for c in acts2):  # "The package totals …"
                inside = [q for q in money if a2 <= q.start and q.end <= b2]
                if inside:
                    value, end = inside[-1], b2
        if value is not None:
            m = found[own[0]]
            out[own[0]] = replace(m, end=end, text=text[m.start : end], amount=value.text, period=value.period,
                                  category=m.category if m.category is not C.OTHER else C.FINANCIAL)
    return out
