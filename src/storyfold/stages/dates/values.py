"""TIMEX3-like values: the :class:`Anchor` relative expressions resolve against, and the value of a
day, week, month, season, quarter, year, decade, time of day or duration with its precision and the
first and last day it covers (what :mod:`~storyfold.stages.dates.resolve` and
:mod:`~storyfold.stages.dates.reference` build)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass

from storyfold.records import DayPart, PartialDate, Precision, Season
from storyfold.stages.dates.grammar import SMALL_NUMBERS, UNITS, VAGUE_CODES, VAGUE_NUMBERS
from storyfold.text.numbers import parse_number

__all__ = [
    "Anchor", "Value", "YEAR_STEP", "count_of", "ordinal_of", "value_dated", "value_day", "value_decade",
    "value_duration", "value_month", "value_quarter", "value_quarter_shifted", "value_season", "value_time",
    "shift_month", "value_unresolved", "value_week", "value_weekend", "value_year", "week_slots", "word_year",
]


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions resolve against. ``year_only``: only its year is known
    (an estimate), so only year-relative expressions ("last year") resolve."""

    date: dt.date
    year_only: bool = False
    estimated: bool = False


YEAR_STEP = {"last": -1, "this": 0, "next": 1}
_ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4}


@dataclass(slots=True)
class Value:
    value: str | None
    precision: Precision
    type: str = "DATE"
    mod: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    relative: bool = False


def shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    """The (year, month) ``k`` months after month ``m`` of year ``y``."""
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def value_unresolved() -> Value:
    return Value(None, Precision.UNRESOLVED, relative=True)


def value_dated(date: PartialDate, mod: str | None = None, relative: bool = True, type: str = "DATE") -> Value:
    """A calendar date's value: as :class:`PartialDate` writes it, with the first and last day it covers."""
    return Value(date.isoformat(), date.precision, type=type, mod=mod, earliest=date.start, latest=date.end,
                  relative=relative)


def value_day(d: dt.date, relative: bool = True) -> Value:
    return value_dated(PartialDate.from_date(d), relative=relative)


def value_month(y: int, m: int, mod: str | None = None, relative: bool = True) -> Value:
    return value_dated(PartialDate(precision=Precision.MONTH, year=y, month=m), mod, relative)


def value_year(y: int, mod: str | None = None, relative: bool = True) -> Value:
    return value_dated(PartialDate(precision=Precision.YEAR, year=y), mod, relative)


def value_week(d: dt.date) -> Value:
    iso = d.isocalendar()
    return value_dated(PartialDate(precision=Precision.WEEK, year=iso.year, week=iso.week))


def value_weekend(saturday: dt.date) -> Value:
    iso = saturday.isocalendar()
    return value_dated(PartialDate(precision=Precision.WEEK, year=iso.year, week=iso.week, weekend=True))


def value_season(y: int, code: str, mod: str | None = None, relative: bool = True) -> Value:
    return value_dated(PartialDate(precision=Precision.SEASON, year=y, season=Season(code)), mod, relative)


def value_quarter(y: int, q: int, relative: bool = True) -> Value:
    return value_dated(PartialDate(precision=Precision.QUARTER, year=y, quarter=q), relative=relative)


def value_decade(first_year: int, mod: str | None = None, relative: bool = False) -> Value:
    return value_dated(PartialDate(precision=Precision.DECADE, year=first_year), mod, relative)


def value_time(d: dt.date, part: str | None = None, hour: int | None = None, minute: int | None = None,
          utc: bool = False) -> Value:
    """A time of day ``d`` (a part of the day, "MO", or an hour and minute, ``utc`` when said in UTC),
    relative to the anchor."""
    date = PartialDate(precision=Precision.TIME, year=d.year, month=d.month, day=d.day, hour=hour, minute=minute,
                       part=DayPart(part) if part else None, utc=utc)
    return value_dated(date, type="TIME")


def count_of(text: str) -> float | None:
    """A duration's count: a number, "a"/"an" (1), or ``None`` for a vague one ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    for half in (" and a half", " 1/2", "\u00bd"):  # "two and a half", "5 1/2", "5\u00bd"
        if t.endswith(half) and t != half:
            base = count_of(t[: -len(half)])
            return None if base is None else base + 0.5
    if t in SMALL_NUMBERS:
        return SMALL_NUMBERS[t]
    if t in VAGUE_NUMBERS:
        return None
    return parse_number(t)


def value_duration(n: float | None, unit: str, mod: str | None = None) -> Value:
    unit = unit.lower().rstrip("s").replace("centurie", "century").replace("centuri", "century")
    code, mult, is_time = UNITS.get(unit, ("D", 1, False))
    if n is None:
        qty, code = "X", VAGUE_CODES.get(unit, code)
    else:
        v = n * mult
        qty = str(int(v)) if float(v).is_integer() else f"{v:g}"
        if code == "H" and not float(v).is_integer() and float(v * 60).is_integer():
            qty, code = f"{int(v)}H{int(round((v - int(v)) * 60))}", "M"  # "5 1/2 hours": PT5H30M, as ISO 8601 writes it
    return Value(f"PT{qty}{code}" if is_time else f"P{qty}{code}", Precision.DURATION, type="DURATION", mod=mod)


def ordinal_of(word: str) -> int:
    digits = re.sub(r"\D", "", word)
    return int(digits) if digits else _ORDINALS[word.lower()]


def value_quarter_shifted(y: int, q: int, shift: int, relative: bool = True) -> Value:
    n = y * 4 + (q - 1) + shift
    return value_quarter(n // 4, n % 4 + 1, relative=relative)


def week_slots(d: dt.date) -> dict[str, object]:
    w = value_week(d)
    return {"value": w.value, "precision": w.precision, "earliest": w.earliest, "latest": w.latest, "relative": True}


def word_year(g: Mapping[str, str | None], m: re.Match[str]) -> Value | None:
    """A year in words: a century word and two digits ("nineteen ninety-one"), or "two thousand"
    and what follows; "two thousand" alone is a year only after "the year" or ending a clause
    ("by two thousand."), not a count ("two thousand people")."""
    words = re.sub(r"[\s-]+", " ", (g["wy"] or "").lower()).replace(" and ", " ").split()
    if words[:2] == ["two", "thousand"]:
        rest = words[2:]
        if not g.get("the") and not (rest or re.match(r"\s*(?:[,.;:)]|$)", m.string[m.end():])):
            return None
        year = 2000 + (int(parse_number(" ".join(rest)) or 0) if rest else 0)
    else:
        century = {"eighteen": 18, "nineteen": 19, "twenty": 20}[words[0]]
        rest = [w for w in words[1:] if w not in ("oh", "o")]
        n = parse_number(" ".join(rest))
        if n is None:
            return None
        year = century * 100 + int(n)
    return value_year(year, relative=False)
