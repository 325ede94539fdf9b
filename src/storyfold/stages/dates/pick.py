"""Which occurrence a year-less date names: the year of a month or day (:func:`pick_year`) and the
day of a weekday (:func:`pick_day`) said relative to an anchor, in the direction the sentence's tense
gives."""

from __future__ import annotations

import calendar
import datetime as dt

from storyfold.stages.dates.values import shift_month

__all__ = ["ENDPOINT_SIGNALS", "NEAR_DAYS", "pick_day", "pick_year"]

NEAR_DAYS = 60  # a date without its year within two months of the anchor is its nearest occurrence, whatever the tense
# Signals before a date that ends a span ("until March 6", "by August"): the verb's tense does not place it.
ENDPOINT_SIGNALS = frozenset({"until", "till", "through", "by"})


def pick_year(month: int, anchor: dt.date, tense: str | None, rel: str | None, day: int | None = None,
              signal: str | None = None) -> int:
    """The year of ``month`` (and ``day``; ``None`` for the whole month) said in a sentence of
    ``tense`` relative to ``anchor``. After "until", "through" or "by" the date ends a span that the
    verb's tense does not place, so it is the nearest occurrence; after "since" it is past."""
    y = anchor.year
    key = (month, day or 1)
    now = (anchor.month, anchor.day)
    if rel == "last" and day is None and shift_month(y, anchor.month, -1)[1] == month:
        return y - 1  # "last February" said in March: a year back (the month just past is "last month")
    if rel in ("last", "past"):
        return y if key < now and month != anchor.month else y - 1
    if rel in ("next", "coming"):
        return y if key > now and month != anchor.month else y + 1
    if rel == "this":
        return y
    if signal in ENDPOINT_SIGNALS:
        tense = None
    elif signal == "since":
        return y if key <= now else y - 1
    if tense in ("past", "future") and day is not None:
        # A calendar date said without its year lies near the anchor: the tense picks the side only
        # when the nearest occurrence is not within two months of it.
        near = min((dt.date(yy, month, min(day, calendar.monthrange(yy, month)[1])) for yy in (y - 1, y, y + 1)),
                   key=lambda c: abs((c - anchor).days))
        if abs((near - anchor).days) <= NEAR_DAYS:
            return near.year
    if tense == "past":
        return y if key <= now else y - 1
    if tense == "future":
        return y if key >= now else y + 1
    if day is not None:  # a full date without tense: the nearest occurrence
        cands = [dt.date(yy, month, min(day, calendar.monthrange(yy, month)[1])) for yy in (y - 1, y, y + 1)]
        return min(cands, key=lambda c: abs((c - anchor).days)).year
    # a month without tense: the nearest occurrence, this year's on a tie
    return min((y, y - 1, y + 1), key=lambda yy: abs((yy - y) * 12 + month - anchor.month))


def pick_day(target_wd: int, anchor: dt.date, tense: str | None, rel: str | None) -> dt.date:
    """The date of weekday ``target_wd`` relative to ``anchor``: past tense the latest on or before
    it, future the first on or after it, neither the nearest (ties go to the past)."""
    back = (anchor.weekday() - target_wd) % 7
    fwd = (target_wd - anchor.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target_wd)
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)
