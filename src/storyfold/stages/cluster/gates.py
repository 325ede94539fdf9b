"""Which articles may share an event: the date window and the who/where/when of its members.

Each gate is an items x groups (or items x items) boolean matrix over indices into the story's
articles; ``published`` holds every article's publication date (``None``: undated, never blocks).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

import numpy as np

__all__ = ["date_gate", "identity_gate", "pair_gate"]


def date_gate(idx: Sequence[int], groups: Sequence[Sequence[int]], published: Sequence[dt.date | None],
              days: int) -> np.ndarray:
    """items x groups: may item join group (its members), given publication dates: only when it
    lies within ``days`` of every dated member, so no event spans more than ``days``."""
    lo = np.full(len(groups), np.iinfo(np.int64).min // 2, dtype=np.int64)
    hi = np.full(len(groups), np.iinfo(np.int64).max // 2, dtype=np.int64)
    for g, members in enumerate(groups):
        dated = [d.toordinal() for d in (published[i] for i in members) if d]
        if dated:
            lo[g], hi[g] = max(dated) - days, min(dated) + days
    item = np.array([published[i].toordinal() if published[i] else -1 for i in idx], dtype=np.int64)  # type: ignore[union-attr]
    inside = (lo[None, :] <= item[:, None]) & (item[:, None] <= hi[None, :])
    return inside | (item < 0)[:, None]


def identity_gate(idx: Sequence[int], groups: Sequence[Sequence[int]], apart: np.ndarray,
                  lrow: Mapping[int, int]) -> np.ndarray:
    """items x groups: may item join group, given who/where/when (``apart``: the story's pairs that
    conflict, rows ``lrow``): only when it conflicts with fewer than half of the group's members
    (the event's who/where/when is what most members say)."""
    rows = [lrow[i] for i in idx]
    out = np.ones((len(idx), len(groups)), dtype=bool)
    for g, members in enumerate(groups):
        out[:, g] = apart[np.ix_(rows, [lrow[i] for i in members])].mean(axis=1) < 0.5
    return out


def pair_gate(idx: Sequence[int], published: Sequence[dt.date | None], days: int) -> np.ndarray:
    """items x items: may two items share a cluster, given publication dates (at most ``days`` apart)."""
    ordinal = np.array([published[i].toordinal() if published[i] else -1 for i in idx])  # type: ignore[union-attr]
    dated = ordinal >= 0
    far = np.abs(ordinal[:, None] - ordinal[None, :]) > days
    return ~(far & dated[:, None] & dated[None, :])
