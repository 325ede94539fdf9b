"""Input documents, cleaned articles, rejected inputs, and the evidence span every extracted record
carries."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

__all__ = ["Article", "Document", "Evidence", "Reject", "Removal", "StageFailure"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A span removed by the cleaner, kept so a user can audit what was dropped and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input document as a reader produced it, before cleaning.

    ``source`` names where it came from (a path, ``path:line`` for JSONL, a URL or a WARC record)
    so that every message about it can name it. Exactly one of ``text`` and ``html`` is set.
    """

    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_estimated: bool = False
    author: str | None = None
    external_id: str | None = None
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the unit every later stage works on."""

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_estimated: bool = False
    author: str | None = None
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reject:
    """An input that could not be turned into an article, with the reason; with ``kind``
    ``"warning"``, an input that was kept without one unusable field."""

    source: str
    reason: str
    line: int | None = None
    kind: str = "reject"  # "reject" or "warning"


@dataclass(frozen=True, slots=True, kw_only=True)
class StageFailure:
    """A corpus stage failed on the partition (``story st-...`` or ``article <id>``) holding
    ``article_id``: that article's records are missing from the stage's output until a fold
    succeeds on it."""

    stage: str  # versioned label, "reconcile@2"
    article_id: str
    partition: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A character span of one article's cleaned text that supports an extracted item."""

    article_id: str
    start: int
    end: int
    text: str = ""
