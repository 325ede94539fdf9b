"""The day a holiday of :data:`~storyfold.stages.dates.grammar.HOLIDAYS` falls on in a year."""

from __future__ import annotations

import calendar
import datetime as dt

from storyfold.stages.dates.grammar import HOLIDAY_WEEKDAYS, HOLIDAYS

__all__ = ["easter", "holiday_date"]


def easter(year: int) -> dt.date:
    """Easter Sunday of ``year`` in the Gregorian calendar (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * leap) // 433
    month = (h + leap - 7 * m + 90) // 25
    return dt.date(year, month, (h + leap - 7 * m + 33 * month + 19) % 32)


def holiday_date(name: str, year: int) -> dt.date:
    """The day holiday ``name`` (a key of :data:`~storyfold.stages.dates.grammar.HOLIDAYS`) falls on in ``year``."""
    kind, a, b = HOLIDAYS[name]
    if kind == "fixed":
        return dt.date(year, a, b)
    if kind == "easter":
        return easter(year) + dt.timedelta(days=a)
    if kind == "election":  # the Tuesday after the first Monday
        first = dt.date(year, a, 1)
        return first + dt.timedelta(days=(0 - first.weekday()) % 7 + 1)
    wd = HOLIDAY_WEEKDAYS[name]
    if kind == "last":
        last = dt.date(year, a, calendar.monthrange(year, a)[1])
        return last - dt.timedelta(days=(last.weekday() - wd) % 7)
    first = dt.date(year, a, 1)
    return first + dt.timedelta(days=(wd - first.weekday()) % 7 + 7 * (b - 1))
