"""What the story page draws rather than lists: the commitments matrix (actor by kind of
commitment, each cell the latest status with its history) and the events-over-time strip (laid out
here, drawn by the page as server-side SVG). Pure functions of the export, through a
:class:`~storyfold.present.doc_index.DocIndex`.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from babel.dates import format_date

from storyfold.present.doc_index import DocIndex
from storyfold.present.humanize import LOCALE, human_date, human_span
from storyfold.present.models import (
    CitedText,
    CommitmentCell,
    CommitmentMatrix,
    Strip,
    StripEvent,
    StripMark,
    StripTick,
)
from storyfold.records import PartialDate

__all__ = ["STRIP_HEIGHT", "STRIP_WIDTH", "commitment_matrix", "event_strip"]

STRIP_WIDTH = 900.0
STRIP_MARGIN = 24.0
LANE = 26.0  # height of one row of event bars
STRIP_TOP = 34.0  # room for the article marks above the bars
STRIP_HEIGHT = 140.0  # at least
MONTH_TICKS = 12  # at most this many month ticks; years beyond


def _day(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return PartialDate.parse(value).start
    except ValueError:
        return None


def _when(c: Mapping[str, Any], ix: DocIndex, aid: str) -> str | None:
    """When a report of a commitment was made: its article's publication date, else the commitment's time."""
    return ix.articles.get(aid, {}).get("published") or c.get("time")


def commitment_matrix(ix: DocIndex, commitments: Sequence[Mapping[str, Any]]) -> CommitmentMatrix | None:
    """Actor by kind of the story's ``commitments``; ``None`` when there are none. A cell holds every
    commitment of that actor and kind; its status is the latest one's (by time, then by its last
    report), and its history lists each report, oldest first, with the status and the source."""
    rows = [c for c in commitments if c.get("actor") and c.get("kind")]
    if not rows:
        return None
    category_of: dict[str, str] = {}
    for c in rows:
        category_of.setdefault(str(c["kind"]), str(c.get("category") or "other"))
    kinds = sorted(category_of, key=lambda k: (category_of[k] == "other", category_of[k], k == "other", k))
    actors = sorted({str(c["actor"]) for c in rows})
    by_cell: dict[tuple[str, str], list[Mapping[str, Any]]] = defaultdict(list)
    for c in rows:
        by_cell[(str(c["actor"]), str(c["kind"]))].append(c)

    def latest(c: Mapping[str, Any]) -> tuple[Any, ...]:
        reported = max((_when(c, ix, a) or "" for a in c.get("article_ids", ())), default="")
        return (_day(c.get("time")) or dt.date.max, reported, c["id"])

    cells: list[list[CommitmentCell]] = []
    for actor in actors:
        line = []
        for kind in kinds:
            found = sorted(by_cell.get((actor, kind), ()), key=latest)
            history: list[tuple[Any, CitedText]] = []
            for c in found:
                for aid in c.get("article_ids", ()):
                    when = _when(c, ix, aid)
                    what = " ".join(x for x in (str(c.get("status") or ""), c.get("amount") or "") if x)
                    cites = ix.citations([aid], [e for e in c.get("evidence", ()) if e.get("article_id") == aid])
                    text = f"{what} ({human_date(when, empty='undated')}, {ix.label(aid)})"
                    history.append(((_day(when) or dt.date.max, aid, c["id"]),
                                    CitedText(text=text, date=when, citations=cites)))
            history.sort(key=lambda h: h[0])
            line.append(CommitmentCell(status=str(found[-1].get("status") or "") if found else "",
                                       history=[h for _, h in history], commitment_ids=[c["id"] for c in found]))
        cells.append(line)
    categories: list[dict[str, Any]] = []
    for k in kinds:
        if categories and categories[-1]["name"] == category_of[k]:
            categories[-1]["span"] += 1
        else:
            categories.append({"name": category_of[k], "span": 1})
    statuses = sorted({cell.status for line in cells for cell in line if cell.status})
    return CommitmentMatrix(actors=actors, columns=[{"kind": k, "category": category_of[k]} for k in kinds],
                            categories=categories, cells=cells, statuses=statuses)


def _ticks(first: dt.date, last: dt.date, x: Any) -> list[StripTick]:
    """Month ticks (the year on the first and on each January), or year ticks for a longer story."""
    months = (last.year - first.year) * 12 + last.month - first.month
    if months > MONTH_TICKS:
        step = max(1, (last.year - first.year) // 10)
        return [StripTick(x=x(dt.date(y, 1, 1)), label=str(y)) for y in range(first.year + 1, last.year + 1, step)]
    out: list[StripTick] = []
    y, m = first.year, first.month
    while (y, m) <= (last.year, last.month):
        day = dt.date(y, m, 1)
        if day >= first:
            out.append(StripTick(x=x(day), label=format_date(day, "MMM y" if m == 1 or not out else "MMM",
                                                             locale=LOCALE)))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def event_strip(ix: DocIndex, story_id: str, width: float = STRIP_WIDTH) -> Strip | None:
    """The story's events on a time axis, one bar per event from its first to its last day (bars
    that would overlap take the next lane), and a mark per dated article above them; ``None`` when
    no event has a date."""
    events = [e for e in ix.list("events") if e.get("story_id") == story_id]
    dated = [(e, _day(e.get("date")), _day(e.get("date_end")) or _day(e.get("date"))) for e in events]
    dated = [(e, a, max(a, b)) for e, a, b in dated if a is not None and b is not None]
    if not dated:
        return None
    articles = [(aid, _day(ix.articles[aid].get("published"))) for aid in ix.story_articles(story_id)]
    days = [d for _, a, b in dated for d in (a, b)] + [d for _, d in articles if d is not None]
    first, last = min(days), max(days)
    span = max(1, (last - first).days)
    inner = width - 2 * STRIP_MARGIN

    def x(day: dt.date) -> float:
        return round(STRIP_MARGIN + inner * (day - first).days / span, 1)

    lanes: list[float] = []  # the right end of the last bar in each lane
    bars = []
    for e, a, b in sorted(dated, key=lambda t: (t[1], t[2], t[0]["id"])):
        left, right = x(a), max(x(b), x(a) + 6.0)
        lane = next((i for i, end in enumerate(lanes) if end + 4 <= left), len(lanes))
        if lane == len(lanes):
            lanes.append(right)
        else:
            lanes[lane] = right
        bars.append(StripEvent(id=e["id"], title=e.get("title") or "", dates=human_span(e.get("date"), e.get("date_end")),
                               x=left, width=round(right - left, 1), y=STRIP_TOP + lane * LANE,
                               articles=len(e.get("article_ids") or ())))
    marks = []
    stacked: dict[float, int] = defaultdict(int)
    for aid, day in sorted((t for t in articles if t[1] is not None), key=lambda t: (t[1], t[0])):
        assert day is not None
        at = x(day)
        marks.append(StripMark(article_id=aid, label=ix.label(aid), date=human_date(day.isoformat()), x=at,
                               y=STRIP_TOP - 10 - 7 * min(stacked[at], 3)))
        stacked[at] += 1
    height = max(STRIP_HEIGHT, STRIP_TOP + len(lanes) * LANE + 40)
    return Strip(width=width, height=height, ticks=_ticks(first, last, x), events=bars, articles=marks,
                 undated=len(events) - len(dated))
