"""The reference times an article names, read in text order (:class:`Reference`), and the values of
the anaphoric expressions resolved against them ("the quarter", "the year-earlier period", "that
year")."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from storyfold.records import PartialDate, Precision
from storyfold.stages.dates.grammar import MONTHS, PARTS
from storyfold.stages.dates.values import (
    Anchor,
    Value,
    ordinal_of,
    shift_month,
    value_day,
    value_month,
    value_quarter,
    value_quarter_shifted,
    value_time,
    value_unresolved,
    value_year,
)

__all__ = ["ANAPHORIC", "NARRATED", "NARRATIVE_FAR", "Reference", "era_shift", "is_narrative", "narrative_shift",
           "resolve_anaphoric"]


@dataclass(slots=True)
class Reference:
    """What an article has named so far, read in text order: the reference times its anaphoric
    expressions resolve against (as HeidelTime does for narratives) instead of the publication date.

    ``quarter``: the (year, quarter) the article last named, the period an earnings report is about,
    so "the quarter", "the latest quarter" and "a year earlier" (that quarter a year before) resolve
    to it. ``part_year``: since that quarter the text has turned to a longer part of its year ("for
    the nine months", "in the first six months"), so a year-ago comparison ("a year earlier", "the
    1988 period", "year-ago") is that year's, not the quarter's: TIMEX3 has no value for nine months
    of a year. ``date``: the last calendar day, month or year named, for "that year", "later that month".
    ``narrative``: the text tells of another time than its own (:func:`is_narrative`), so an
    expression said without its year ("June 10", "early October", "the summer") lies near the date
    the narrative has reached (:meth:`narrated`), not near the publication date. ``before_era``: the
    date last named is a year before the common era ("490 BC"; that year, 490), which no calendar
    date holds, so a year-less expression after it in a narrative is of that year as TIMEX2 writes it
    ("September": ``BC0480-09``), or without a value, rather than of the publication year."""

    quarter: tuple[int, int] | None = None
    date: PartialDate | None = None
    part_year: bool = False
    narrative: bool = False
    before_era: int | None = None

    def narrated(self) -> Anchor | None:
        """The anchor of a year-less expression in a narrative: the day last named, or the middle of
        the month or year last named; ``None`` outside a narrative or before any date is named."""
        d = self.date
        if not self.narrative or d is None or d.year is None:
            return None
        if d.precision is Precision.DAY and d.start is not None:
            return Anchor(d.start)
        if d.precision is Precision.MONTH and d.month is not None:
            return Anchor(dt.date(d.year, d.month, 15))
        return Anchor(dt.date(d.year, 7, 2))  # a day said in a year named lies in that year


# A text is a narrative (of another time than its own) when it names at least NARRATIVE_MIN explicit
# years and NARRATIVE_SHARE of them lie more than NARRATIVE_FAR years before its anchor.
NARRATIVE_FAR = 10
NARRATIVE_SHARE = 0.75
NARRATIVE_MIN = 5
# Rules whose year, when the text does not say it, a narrative gives (see Reference.narrated); "relunit"
# too in its anaphoric forms ("the previous year"), see dates._narrated_form.
NARRATED = frozenset({"m", "mdy", "dmy", "season", "holiday", "weekof", "weekofmonth", "dayshift"})


def narrative_shift(date: PartialDate, k: int, unit: str) -> Value | None:
    """``date`` moved by ``k`` units ("twelve days later" from the day last named), at the precision
    of the unit; ``None`` where ``date`` is coarser than the unit (days from a year)."""
    unit = unit.rstrip("s").replace("centurie", "century")
    assert date.year is not None
    if unit in ("year", "decade", "century"):
        return value_year(date.year + k * {"year": 1, "decade": 10, "century": 100}[unit])
    if unit == "month" and date.month is not None and date.precision in (Precision.MONTH, Precision.DAY):
        yy, mm = shift_month(date.year, date.month, k)
        return value_month(yy, mm)
    if unit in ("day", "night") and date.precision is Precision.DAY and date.start is not None:
        return value_day(date.start + dt.timedelta(days=k))
    return None


def era_shift(ref: Reference, n: float | None, unit: str, later: bool) -> Value | None:
    """In a narrative that has reached a year before the common era (``ref.before_era``), that year
    moved by ``n`` years or decades, counted down as time goes on ("just 14 years later" after 445 BC:
    ``BC0431``; "a decade earlier" after 490 BC: ``BC0500``); ``None`` elsewhere, for a vague count,
    another unit, or past the first year of the era."""
    unit = unit.rstrip("s")
    if (not ref.narrative or ref.date is not None or not ref.before_era or n is None or not float(n).is_integer()
            or unit not in ("year", "decade")):
        return None
    y = ref.before_era - int(n) * (10 if unit == "decade" else 1) * (1 if later else -1)
    return Value(f"BC{y:04d}", Precision.YEAR, relative=True) if y >= 1 else None


def is_narrative(years: Iterable[int | None], anchor: Anchor | None) -> bool:
    """Whether a text whose explicit dates fall in ``years`` tells of another time than its anchor's:
    it names at least NARRATIVE_MIN years, and most of them lie more than NARRATIVE_FAR years before it."""
    if anchor is None:
        return False
    named = [y for y in years if y is not None]
    far = sum(1 for y in named if anchor.date.year - y > NARRATIVE_FAR)
    return len(named) >= NARRATIVE_MIN and far >= NARRATIVE_SHARE * len(named)


# Rules whose value depends on the Reference (resolved in text order, after the spans are chosen).
ANAPHORIC = frozenset({"ago", "yy", "yearago", "sameperiod", "latest", "thequarter", "yearq", "that", "fullyear", "theday",
                       "theord"})


def resolve_anaphoric(rule: str, g: Mapping[str, str | None], anchor: Anchor | None, ref: Reference
                       ) -> Value | None:
    """The reporting period and its relatives ("the quarter", "the year-earlier period", "this year's
    third quarter"), and "that year": against ``ref``, else against the anchor where that means
    something, else dropped."""
    unit = (g.get("unit") or "").lower()
    if rule in ("yearago", "sameperiod"):
        if g.get("q") and anchor is not None:
            return value_quarter(anchor.date.year - 1, ordinal_of(g["q"] or ""))
        if ref.quarter is not None and ref.part_year and unit != "quarter":
            return value_year(ref.quarter[0] - 1)
        if ref.quarter is not None:
            return value_quarter_shifted(*ref.quarter, -4)
        if anchor is None:
            return value_unresolved()
        return value_year(anchor.date.year - 1)
    if rule == "latest":
        if ref.quarter is not None:
            return value_quarter_shifted(*ref.quarter, 0)
        if anchor is None or anchor.year_only or unit != "quarter":
            return None if unit != "quarter" else value_unresolved()
        d = anchor.date
        return value_quarter_shifted(d.year, (d.month - 1) // 3 + 1, -1)
    if rule == "thequarter":
        return value_quarter_shifted(*ref.quarter, 0) if ref.quarter is not None else None
    if rule == "yearq":
        if g.get("y"):
            y, relative = int(g["y"] or 0), False
        elif anchor is None:
            return value_unresolved()
        else:
            y, relative = anchor.date.year + {"last": -1, "next": 1}.get((g.get("rel") or "").lower(), 0), True
        if g.get("q"):
            return value_quarter(y, ordinal_of(g["q"] or ""), relative=relative)
        if ref.quarter is not None and not (ref.part_year and unit == "period"):
            return value_quarter(y, ref.quarter[1], relative=relative)
        return value_year(y, relative=relative) if unit == "period" else None
    if rule == "fullyear":  # "for the full year": the year of the period reported on
        if ref.quarter is not None:
            return value_year(ref.quarter[0])
        return value_unresolved() if anchor is None else value_year(anchor.date.year)
    if rule == "theday":  # only in a narrative, after a day it named
        d = ref.date
        if not ref.narrative or d is None or d.precision is not Precision.DAY or d.start is None:
            return None
        step = {"next": 1, "following": 1, "after": 1, "previous": -1, "before": -1}.get(
            (g.get("which") or g.get("dir") or "").lower(), 0)
        if g.get("part"):
            return value_time(d.start + dt.timedelta(days=step), PARTS[(g.get("part") or "").lower()])
        return value_day(d.start + dt.timedelta(days=step))
    if rule == "theord":  # "On the 5th": of the month last named
        if ref.date is None or ref.date.month is None or ref.date.precision not in (Precision.DAY, Precision.MONTH):
            return None
        day = int(g.get("d") or 0)
        if not 1 <= day <= calendar.monthrange(ref.date.year, ref.date.month)[1]:
            return None
        return value_day(dt.date(ref.date.year, ref.date.month, day))
    if rule == "that":
        if ref.date is None:
            return None
        el = (g.get("el") or "").lower()
        mod = {"earlier": "START", "later": "END"}.get(el)
        if unit == "year" and g.get("mon"):  # "July of that year"
            return value_month(ref.date.year, MONTHS[(g.get("mon") or "").lower()])
        if unit == "month" and g.get("d") and ref.date.month is not None:  # "the 28th of that month"
            day = int(g.get("d") or 0)
            if not 1 <= day <= calendar.monthrange(ref.date.year, ref.date.month)[1]:
                return None
            return value_day(dt.date(ref.date.year, ref.date.month, day))
        if unit == "year":
            return value_year(ref.date.year, mod)
        if unit == "month" and ref.date.month is not None:
            return value_month(ref.date.year, ref.date.month, mod)
        if unit == "day" and ref.date.precision is Precision.DAY and ref.date.start is not None:
            return value_day(ref.date.start)
        return None
    return None
