"""The date of a brief sentence: the date of the event it reports, never an incidental one.

Of the resolved date mentions inside the sentence (``DateMention`` records of the dates stage):

1. the most precise day, week or month that lies within its event -- from ``BEFORE`` days before the
   event's first day (or the happening its leads name, or the first report) to ``AFTER`` days after
   the last report: "said on Tuesday" is that Tuesday;
2. else the most precise date of the sentence's **main clause** (read from the dependency parse: the
   expression's head reaches the root without entering a relative, adverbial, complement or
   appositive clause) that comes before the last report: "In 1995, she became the first ..." is
   1995, while "when Russia invaded Ukraine in 2022" or "the pact, signed in 2024," only mention a
   year, and "will host in 2014" is a plan;
3. else the narrative's day: the most precise day, week or month within the event of one of the
   :data:`CARRY` sentences before it, nearest first, a dateline's excepted ("On Friday, X died. ...
   He had been walking to a hut when he fell." is that Friday);
4. else the day of the happening the sentence's own article names in its lead (its first resolved
   date but the dateline, when that is a day or a week within the event and not after every report
   of it): two reports of one event may tell of two days, each its own;
5. else the event's day: the happening its leads name when that is a day or a week and not after
   every report of it (a plan is not yet news), else the event's first day, else the first report.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from storyfold.records import CREATION_TIME, DateMention, Event, PartialDate, Precision
from storyfold.stages.cluster.identity import IdentityModel, happened_of, lead_end
from storyfold.text.clauses import main_clause

__all__ = ["AFTER", "BEFORE", "CARRY", "EventWindow", "lead_day", "sentence_date"]

BEFORE = 31
AFTER = 1
CARRY = 2  # sentences before a dateless one whose event-day date it takes
_PLACING = {Precision.DAY, Precision.TIME, Precision.WEEK, Precision.MONTH}
_MAIN = _PLACING | {Precision.SEASON, Precision.QUARTER, Precision.YEAR}
_DETAIL = {Precision.YEAR: 2, Precision.QUARTER: 3, Precision.SEASON: 4, Precision.MONTH: 5, Precision.WEEK: 6,
           Precision.DAY: 8, Precision.TIME: 9}
_LEAD = IdentityModel().lead_sentences  # the sentences of an article's lead, as the cluster stage reads it


class EventWindow:
    """The days a sentence's own date may fall on to be the date of its event, and the event's day."""

    def __init__(self, event: Event | None, published: Sequence[dt.date]) -> None:
        marks = (event.happened, event.date) if event is not None else ()
        ends = (event.date_end, event.date) if event is not None else ()
        firsts = [d.start for d in marks if d is not None and d.start is not None]
        lasts = [d.end for d in ends if d is not None and d.end is not None]
        lo, hi = [*firsts, *published], [*lasts, *published]
        self.lo = min(lo) - dt.timedelta(days=BEFORE) if lo else None
        self.hi = max(hi) + dt.timedelta(days=AFTER) if hi else None
        self.day: PartialDate | None = None
        self.last = last = max(published) if published else None
        if event is not None:
            # the happening its leads name when it is a day or a week and not after every report of
            # it (a plan, not news), else the event's first day
            for day in (event.happened, event.date):
                if day is None or day.start is None or (last is not None and day.start > last):
                    continue
                if day is event.date or _DETAIL.get(day.precision, 0) >= _DETAIL[Precision.WEEK]:
                    self.day = day
                    break
        if self.day is None and published:
            self.day = PartialDate.from_date(min(published))

    def holds(self, day: dt.date) -> bool:
        return self.lo is not None and self.hi is not None and self.lo <= day <= self.hi

    def happening(self, day: PartialDate | None) -> PartialDate | None:
        """``day`` (an article's happening) when it can date the event's sentences: a day or a week
        within the event, not after every report of it."""
        if day is None or day.start is None or _DETAIL.get(day.precision, 0) < _DETAIL[Precision.WEEK]:
            return None
        if not self.holds(day.start) or (self.last is not None and day.start > self.last):
            return None
        return PartialDate.from_date(day.start) if day.precision is Precision.TIME else day


def lead_day(spans: Sequence[tuple[int, int]], mentions: Sequence[DateMention]) -> PartialDate | None:
    """The day of the happening an article's lead names, read as the cluster stage reads it
    (:func:`~storyfold.stages.cluster.identity.happened_of`: the lead's first resolved date but a
    dateline's), without the cluster stage's fallback to the dateline: a sentence with no date of its
    own is then dated by its event. ``spans`` are the article's sentences."""
    found = happened_of(mentions, lead_end(spans, _LEAD, 0, mentions), dateline=False)
    return found[1] if found else None


def sentence_date(text: str, start: int, end: int, mentions: Sequence[DateMention], window: EventWindow,
                  parse: Callable[[str], Any] | None = None, own: PartialDate | None = None,
                  before: Sequence[tuple[int, int]] = ()) -> PartialDate | None:
    """The date of the sentence at ``text[start:end]`` of an article whose date mentions are
    ``mentions``; ``parse`` (a spaCy pipeline) tells a main clause's time from an incidental one;
    ``own`` is the day of the happening the article's lead names (``happened_of``), if any;
    ``before`` are the spans of the sentences before it, nearest first (at most :data:`CARRY` are read)."""
    inside = [m for m in mentions if start <= m.start and m.end <= end and m.value is not None
              and m.earliest is not None]
    main: list[DateMention] = []
    near: list[DateMention] = []
    doc = parse(text[start:end]) if parse is not None and inside else None
    for m in inside:
        if m.precision in _PLACING and window.holds(m.earliest):  # type: ignore[arg-type]
            near.append(m)
        elif (doc is not None and m.precision in _MAIN and window.hi is not None
              and m.earliest < window.hi and main_clause(doc, m.start - start, m.end - start)):  # type: ignore[operator]
            main.append(m)  # what the sentence reports happened then (not a plan: before the reports)
    for found in (near, main):
        if found:
            return _date_of(found)
    for s, e in before[:CARRY]:  # the narrative's reference time: "On Friday, X died. He had been walking..."
        carried = [m for m in mentions if s <= m.start and m.end <= e and m.function != CREATION_TIME
                   and m.value is not None and m.earliest is not None and m.precision in _PLACING
                   and window.holds(m.earliest)]
        if carried:
            return _date_of(carried)
    return window.happening(own) or window.day


def _date_of(found: Sequence[DateMention]) -> PartialDate:
    m = min(found, key=lambda m: (-_DETAIL[m.precision], m.start))  # the most precise, then the first
    value = PartialDate.parse(m.value)  # type: ignore[arg-type]
    return PartialDate.from_date(m.earliest) if value.precision is Precision.TIME else value  # type: ignore[arg-type]
