"""What a reader is shown: the timeline's dated entries and the cited brief's sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyfold.records.articles import Evidence
from storyfold.records.dates import PartialDate, Precision

__all__ = ["BriefSentence", "TimelineEntry"]


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    """A dated event of a story; ``precision`` says how much of ``date`` is known (that of ``date``)."""

    date: PartialDate
    text: str
    article_ids: tuple[str, ...]
    story_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    precision: Precision | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSentence:
    """A sentence of the cited brief. ``date`` is the date the sentence is placed at (the record's
    time as a year, month or day, else the earliest cited publication date), ``kind`` what it was built from (claim,
    commitment, conflict, update, quote) and ``commitment_ids`` the commitments it rests on."""

    text: str
    article_ids: tuple[str, ...]
    story_id: str | None = None
    claim_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=())
    date: PartialDate | None = None
    kind: str = ""
    commitment_ids: tuple[str, ...] = ()
