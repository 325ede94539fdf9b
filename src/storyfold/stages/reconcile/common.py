"""What the parts of reconciliation share: the corpus they read (:class:`Inputs`), content-derived
ids, evidence spans, when a statement was made, and whether two statements far apart in time are
an update rather than a contradiction."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from storyfold.ids import content_id
from storyfold.records import Article, ClaimMention, CommitmentMention, ConflictKind, Evidence, Relation
from storyfold.stages.copies.lineage import Lineages, build_lineages, independent_sources, outlet_key

__all__ = ["UPDATE_DAYS", "Inputs", "conflict_kind", "content_hash", "evidence_of", "parse_time"]

UPDATE_DAYS = 45  # two sides at least this many days apart are an update, not a contradiction


def content_hash(*parts: object) -> str:
    """The id of a reconciled record (claim, commitment, conflict): see :func:`storyfold.ids.content_id`."""
    return content_id(*parts, sep="\x1f", algorithm="sha1", length=12)


def evidence_of(m: ClaimMention | CommitmentMention) -> Evidence:
    return Evidence(article_id=m.article_id, start=m.start, end=m.end, text=m.text)


def parse_time(value: str | None) -> dt.date | None:
    if not value:
        return None
    w = re.match(r"(\d{4})-W(\d{2})", value)
    if w:
        return dt.date.fromisocalendar(int(w.group(1)), int(w.group(2)), 1)
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value)
    if not m or not (m.group(2) or "01").isdigit():
        return None
    return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))


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

    def when(self, article_id: str, time: str | None) -> dt.date | None:
        """When a statement of ``article_id`` that gives ``time`` was made: the article's event
        date, else ``time``, else the article's publication date."""
        if article_id in self.event_dates:
            return self.event_dates[article_id]
        found = parse_time(time)
        if found is not None:
            return found
        art = self.articles.get(article_id)
        return art.published if art is not None else None


def conflict_kind(a: dt.date | None, b: dt.date | None) -> ConflictKind:
    """``update`` when both sides are dated and ``UPDATE_DAYS`` or more apart, else ``contradiction``."""
    if a is not None and b is not None and abs((a - b).days) >= UPDATE_DAYS:
        return ConflictKind.UPDATE
    return ConflictKind.CONTRADICTION
