"""Dates: how precise a temporal expression is, the expressions found in an article, and the
publication date estimated for an article whose metadata has none."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from storyfold.records.articles import Evidence

__all__ = ["DateMention", "Precision", "PublishedEstimate"]


class Precision(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    RANGE = "range"
    DURATION = "duration"
    SET = "set"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A temporal expression. ``value`` is TIMEX3-like (``2025-03-20``, ``2025-03``, ``P10Y``);
    ``None`` when the expression is relative and no anchor date is known.

    ``mod`` is the TIMEX3 modifier (START, MID, END, APPROX), ``signal`` the preposition before the
    expression ("since", "on", "by"), ``earliest``/``latest`` the first and last day the value
    covers, and ``anchor_estimated`` whether the anchor was an estimated publication date."""

    text: str
    value: str | None
    precision: Precision
    article_id: str
    start: int
    end: int
    type: str = "DATE"
    relative: bool = False
    mod: str | None = None
    signal: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor_estimated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedEstimate:
    """A publication date inferred from an article's text when its metadata has none.

    ``date`` is the first day of the estimated period (the export's ``published``), ``precision``
    says how much of it is known (``day`` or ``year``), ``earliest``/``latest`` bound it, and
    ``basis`` says which text supports it."""

    article_id: str
    date: dt.date
    precision: Precision
    earliest: dt.date
    latest: dt.date
    basis: str
    evidence: tuple[Evidence, ...] = ()
