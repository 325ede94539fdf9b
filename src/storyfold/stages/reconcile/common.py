"""What the parts of reconciliation share: the corpus they read (:class:`Inputs`), content-derived
ids, evidence spans, when a statement was made, and whether two statements far apart in time are
an update rather than a contradiction."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyfold.ids import content_id
from storyfold.records import Article, ClaimMention, CommitmentMention, ConflictKind, Evidence, PartialDate, Relation
from storyfold.stages.copies.lineage import Lineages, build_lineages, independent_sources, outlet_key

__all__ = ["UPDATE_DAYS", "Inputs", "conflict_kind", "content_hash", "day_of", "evidence_of"]

UPDATE_DAYS = 45  # two sides at least this many days apart are an update, not a contradiction


def content_hash(*parts: object) -> str:
    """The id of a reconciled record (claim, commitment, conflict): see :func:`storyfold.ids.content_id`."""
    return content_id(*parts, sep="\x1f", algorithm="sha1", length=12)


def evidence_of(m: ClaimMention | CommitmentMention) -> Evidence:
    return Evidence(article_id=m.article_id, start=m.start, end=m.end, text=m.text)


def day_of(time: PartialDate | None) -> dt.date | None:
    """The day a date places a mention at: the first day of its calendar date (a year, month or day;
    none for a decade, a century, a reference or a recurrence)."""
    placed = time.calendar_date() if time is not None else None
    return placed.start if placed is not None else None


@dataclass(slots=True)
class Inputs:
    """The corpus as reconciliation reads it: ``event_dates`` gives an article's event date,
    ``aliases`` maps a name to its entity's canonical name."""

    articles: Mapping[str, Article]
    relations: Sequence[Relation]
    event_dates: Mapping[str, dt.date]
    aliases: Mapping[str, str]
    lineages: Lineages = field(init=False)
    outlets: dict[str, str | None] = field(init=False)

    def __post_init__(self) -> None:
        self.lineages = build_lineages(self.relations, self.articles.values())
        self.outlets = {aid: outlet_key(a.outlet, a.url) for aid, a in self.articles.items()}

    def sources(self, article_ids: Iterable[str]) -> int:
        """Independent sources among ``article_ids``: lineages, an outlet counted once."""
        return independent_sources(article_ids, self.lineages, self.outlets)

    def when(self, article_id: str, time: PartialDate | None) -> dt.date | None:
        """When a statement of ``article_id`` that gives ``time`` was made: the article's event
        date, else ``time``, else the article's publication date."""
        if article_id in self.event_dates:
            return self.event_dates[article_id]
        found = day_of(time)
        if found is not None:
            return found
        art = self.articles.get(article_id)
        return art.published if art is not None else None


def conflict_kind(a: dt.date | None, b: dt.date | None) -> ConflictKind:
    """``update`` when both sides are dated and ``UPDATE_DAYS`` or more apart, else ``contradiction``."""
    if a is not None and b is not None and abs((a - b).days) >= UPDATE_DAYS:
        return ConflictKind.UPDATE
    return ConflictKind.CONTRADICTION
