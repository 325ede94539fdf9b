"""Dates, durations and amounts as people write them, for every display (web pages, reports, the
timeline of the brief): ``2025-W11-WE`` reads "weekend of 15–16 March 2025", ``P10Y`` "10 years",
an amount with its period "$4.5 billion over 10 years".

Each function takes what the export holds (TIMEX3 strings as :class:`~storyfold.records.PartialDate`
writes them, ISO 8601 durations) and gives back text; a value it cannot read is returned as it is,
so that nothing shown is lost. Month names, intervals and plural units come from Babel's CLDR data
(British English: day before month, as "15–16 March 2025").
"""

from __future__ import annotations

import datetime as dt
import re

from babel.dates import format_date, format_interval
from babel.lists import format_list
from babel.units import format_unit

from storyfold.records import PartialDate, Precision

__all__ = ["LOCALE", "human_amount", "human_date", "human_duration", "human_span", "ordinal"]

LOCALE = "en_GB"

_DURATION = re.compile(
    r"P(?:(?P<year>\d+(?:\.\d+)?)Y)?(?:(?P<month>\d+(?:\.\d+)?)M)?(?:(?P<week>\d+(?:\.\d+)?)W)?"
    r"(?:(?P<day>\d+(?:\.\d+)?)D)?(?:T(?:(?P<hour>\d+(?:\.\d+)?)H)?(?:(?P<minute>\d+(?:\.\d+)?)M)?"
    r"(?:(?P<second>\d+(?:\.\d+)?)S)?)?"
)
# TIMEX3 duration units beyond ISO 8601's: decades, centuries, quarters, weekends
_TIMEX_UNITS = re.compile(r"P(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|CE|Q|WE)")
_UNSPECIFIED = re.compile(r"P(?P<time>T)?X(?P<unit>DE|CE|WE|[YMWDQHS])")  # "PXY": years, how many unsaid
_TIMEX_UNIT_WORDS = {"DE": ("decade", "decades"), "CE": ("century", "centuries"), "Q": ("quarter", "quarters"),
                     "WE": ("weekend", "weekends"), "Y": ("year", "years"), "W": ("week", "weeks"),
                     "D": ("day", "days"), "H": ("hour", "hours"), "S": ("second", "seconds")}
_WEEKLY = re.compile(r"XXXX-WXX-(?P<day>[1-7])")
_YEARLY = re.compile(r"XXXX-(?P<slot>0[1-9]|1[0-2]|SP|SU|FA|WI)")  # "every July", "every summer"
_REFERENCE = {"PAST_REF": "in the past", "PRESENT_REF": "now", "FUTURE_REF": "in the future"}
_SEASON = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PART = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night"}
_QUARTER = {1: "first", 2: "second", 3: "third", 4: "fourth"}


def ordinal(n: int) -> str:
    """``n`` with its English ordinal suffix: 1st, 2nd, 3rd, 11th, 21st."""
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _day(d: dt.date) -> str:
    return format_date(d, "d MMMM y", locale=LOCALE)


def _days(first: dt.date, last: dt.date) -> str:
    """A run of days: "15–16 March 2025", "30 March – 5 April 2025", "30 December 2024 – 5 January 2025"."""
    if first == last:
        return _day(first)
    if first.year != last.year:
        return f"{_day(first)} – {_day(last)}"
    within = re.sub(r"[\u2009\u202f\u00a0]", " ", format_interval(first, last, "MMMMd", locale=LOCALE))
    if first.month == last.month:  # CLDR spaces the dash here; a run of days in one month is written closed up
        within = re.sub(r"\s*–\s*", "–", within)
    return f"{within} {first.year}"


def human_date(value: str | PartialDate | None, *, empty: str = "") -> str:
    """A TIMEX3 date as a reader writes it: "17 March 2025", "weekend of 15–16 March 2025",
    "week of 10–16 March 2025", "March 2025", "first quarter of 2025", "summer 2025", "the 2020s",
    "every Monday"; a duration in words ("10 years"). ``empty`` for no value; text that is no date is
    returned unchanged."""
    if value is None or value == "":
        return empty
    if isinstance(value, PartialDate) and value.timex is not None:
        value = value.timex  # a reference or a recurrence: read from its TIMEX3 value
    if isinstance(value, PartialDate):
        date = value
    else:
        text = str(value)
        if text in _REFERENCE:
            return _REFERENCE[text]
        if m := _WEEKLY.fullmatch(text):
            return "every " + format_date(dt.date(2024, 1, int(m["day"])), "EEEE", locale=LOCALE)
        if m := _YEARLY.fullmatch(text):
            slot = m["slot"]
            return "every " + (_SEASON[slot] if slot in _SEASON else format_date(dt.date(2024, int(slot), 1), "MMMM",
                                                                                  locale=LOCALE))
        if text != "P" and (_DURATION.fullmatch(text) or _TIMEX_UNITS.fullmatch(text) or _UNSPECIFIED.fullmatch(text)):
            return human_duration(text)  # a duration stands for itself: "10 years"
        try:
            date = PartialDate.parse(text)
        except ValueError:
            return _moment(text)
    p = date.precision
    if date.timex is not None:  # a reference or a recurrence that none of the forms above reads
        return date.timex
    first, last, year = date.start, date.end, date.year
    assert first is not None and last is not None and year is not None
    if p is Precision.TIME:
        when = f"{date.hour:02d}:{date.minute:02d}" + (" UTC" if date.utc else "") if date.part is None else (
            _PART[str(date.part)])
        return f"{_day(first)}, {when}"
    if p is Precision.DAY:
        return _day(first)
    if p is Precision.WEEK:
        return ("weekend of " if date.weekend else "week of ") + _days(first, last)
    if p is Precision.MONTH:
        return format_date(first, "MMMM y", locale=LOCALE)
    if p is Precision.QUARTER:
        return f"{_QUARTER[date.quarter or 1]} quarter of {year}"
    if p is Precision.SEASON:
        return f"{_SEASON[str(date.season)]} {year}"
    if p is Precision.DECADE:
        return f"the {year}s"
    if p is Precision.CENTURY:
        return f"the {ordinal(year // 100 + 1)} century"
    return str(year)


def _moment(text: str) -> str:
    """An ISO timestamp (a fold's time) as "2 December 2026, 12:40 UTC"; other text unchanged."""
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return text
    if when.tzinfo is not None:
        when = when.astimezone(dt.timezone.utc)
    return f"{_day(when.date())}, {when:%H:%M}" + (" UTC" if when.tzinfo is not None else "")


def human_span(first: str | None, last: str | None, *, empty: str = "") -> str:
    """From one date to another: "17 March – 20 August 2025"; one date when both are the same or one
    is missing; days of the same month closed up ("19–20 August 2025")."""
    if not first or not last or first == last:
        return human_date(first or last, empty=empty)
    try:
        a, b = PartialDate.parse(first), PartialDate.parse(last)
    except ValueError:
        return f"{human_date(first)} – {human_date(last)}"
    if a.precision is Precision.DAY and b.precision is Precision.DAY and a.start and b.start and a.start <= b.start:
        return _days(a.start, b.start)
    return f"{human_date(a)} – {human_date(b)}"


def _number(text: str) -> float | int:
    x = float(text)
    return int(x) if x.is_integer() else x


def human_duration(value: str | None) -> str:
    """An ISO 8601 (or TIMEX3) duration in words: "P10Y" "10 years", "P1Y6M" "1 year and 6 months",
    "PT2H" "2 hours", "P2DE" "2 decades"; a value that is no duration is returned unchanged."""
    if not value:
        return ""
    if m := _UNSPECIFIED.fullmatch(value):
        unit = "minute" if m["unit"] == "M" and m["time"] else "month" if m["unit"] == "M" else None
        return f"{unit}s" if unit else _TIMEX_UNIT_WORDS[m["unit"]][1]
    if m := _TIMEX_UNITS.fullmatch(value):
        n = _number(m["n"])
        one, many = _TIMEX_UNIT_WORDS[m["unit"]]
        return f"{n} {one if n == 1 else many}"
    m = _DURATION.fullmatch(value)
    if m is None or value in ("P", "PT") or value.endswith("T"):
        return value
    parts = [format_unit(_number(n), f"duration-{unit}", length="long", locale=LOCALE)
             for unit, n in m.groupdict().items() if n is not None]
    return format_list(parts, locale=LOCALE) if parts else value


def human_amount(amount: str | None, period: str | None = None) -> str:
    """An amount with the period it is spread over: "$4.5 billion over 10 years"; either alone when
    the other is missing ("over 10 years" for a period alone)."""
    over = f"over {human_duration(period)}" if period else ""
    return " ".join(x for x in ((amount or "").strip(), over) if x)
