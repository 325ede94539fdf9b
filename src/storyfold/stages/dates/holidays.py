"""The day a holiday of :data:`~storyfold.stages.dates.grammar.HOLIDAYS` falls on in a year (Easter
Sunday from ``dateutil.easter``, the Gregorian computus)."""

from __future__ import annotations

import calendar
import datetime as dt

from dateutil.easter import easter

from storyfold.stages.dates.grammar import HOLIDAY_WEEKDAYS, HOLIDAYS

__all__ = ["holiday_date"]


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
