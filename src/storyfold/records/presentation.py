"""What a reader is shown: the timeline's dated entries and the cited brief's sentences."""

from __future__ import annotations

from dataclasses import dataclass, field

from storyfold.records.articles import Evidence
from storyfold.records.dates import PartialDate, Precision

__all__ = ["BriefDigest", "BriefSection", "BriefSentence", "TimelineEntry"]


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
    date of the event it reports: the day its clause names when that lies within its event, else the event's day),
    ``kind`` what it was built from (sentence, claim, commitment, conflict, update, status, quote),
    ``commitment_ids`` the commitments it rests on, ``event_id`` the event whose section tells it
    (``None`` for the story's lead) and ``section`` its part of the brief: ``lead``, ``event`` (one of
    an event's central sentences) or ``change`` (what changed from the previous event)."""

    text: str
    article_ids: tuple[str, ...]
    story_id: str | None = None
    claim_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=())
    date: PartialDate | None = None
    kind: str = ""
    commitment_ids: tuple[str, ...] = ()
    event_id: str | None = None
    section: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSection:
    """A part of a story's brief told event by event: the story's ``lead`` (``event_id`` None) or
    one ``event`` in date order, with its date range (``date`` to ``date_end``), its central
    sentences and what changed from the previous event (``changes``)."""

    story_id: str | None
    role: str
    event_id: str | None = None
    title: str = ""
    date: PartialDate | None = None
    date_end: PartialDate | None = None
    sentences: tuple[BriefSentence, ...] = ()
    changes: tuple[BriefSentence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefDigest:
    """The digest of everything the brief stage read to tell one story (``story_id`` None: the
    corpus told as one story). A later fold keeps the story's stored brief while the digest of its
    inputs is the same. Internal (kind ``brief_digests``), not exported."""

    story_id: str | None
    digest: str
