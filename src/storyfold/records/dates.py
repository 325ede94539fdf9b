"""Dates: how precise a temporal expression is, the partial dates records carry, the expressions
found in an article, and the publication date estimated for an article whose metadata has none."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from enum import StrEnum

from storyfold.records.articles import Evidence

__all__ = ["CREATION_TIME", "DateMention", "DayPart", "PartialDate", "Precision", "PublishedEstimate", "Season", "date_order"]


class Precision(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    RANGE = "range"
    DURATION = "duration"
    SET = "set"
    UNRESOLVED = "unresolved"


class Season(StrEnum):
    """A season, as TIMEX3 writes it after the year ("2025-SU")."""

    SPRING = "SP"
    SUMMER = "SU"
    AUTUMN = "FA"
    WINTER = "WI"


class DayPart(StrEnum):
    """A part of a day, as TIMEX3 writes it after the day ("2025-03-20TMO")."""

    MORNING = "MO"
    AFTERNOON = "AF"
    EVENING = "EV"
    NIGHT = "NI"


_SEASON_MONTH = {Season.SPRING: 3, Season.SUMMER: 6, Season.AUTUMN: 9, Season.WINTER: 12}
_REFERENCES = ("PAST_REF", "PRESENT_REF", "FUTURE_REF")
_RECURRENCE = re.compile(
    r"XXXX-WXX-[1-7]|XXXX-(?:0[1-9]|1[0-2]|SP|SU|FA|WI)|PT?(?:X|\d+(?:\.\d+)?(?:e[+-]\d+)?)(?:WE|DE|CE|[YMWDQH])"
)
_FORM = re.compile(
    r"(?P<year>\d{4})(?:"
    r"-(?P<month>\d{2})(?:-(?P<day>\d{2})(?:T(?:(?P<hour>\d{2}):(?P<minute>\d{2})(?P<utc>Z)?|(?P<part>MO|AF|EV|NI)))?)?"
    r"|-W(?P<week>\d{2})(?P<weekend>-WE)?|-Q(?P<quarter>[1-4])|-(?P<season>SP|SU|FA|WI))?"
    r"|(?P<decade>\d{3})|(?P<century>\d{2})"
)
# The fields each precision sets (beyond ``year``; ``timex`` alone for a reference or a recurrence).
_FIELDS: dict[Precision, frozenset[str]] = {
    Precision.CENTURY: frozenset(),
    Precision.DECADE: frozenset(),
    Precision.YEAR: frozenset(),
    Precision.QUARTER: frozenset({"quarter"}),
    Precision.SEASON: frozenset({"season"}),
    Precision.MONTH: frozenset({"month"}),
    Precision.WEEK: frozenset({"week", "weekend"}),
    Precision.DAY: frozenset({"month", "day"}),
    Precision.TIME: frozenset({"month", "day", "hour", "minute", "part", "utc"}),
}
_OPTIONAL = ("month", "day", "week", "weekend", "quarter", "season", "hour", "minute", "part", "utc")
# How fine each kind of calendar date is, coarsest first (a weekend is finer than its week).
_DETAIL = {Precision.CENTURY: 0, Precision.DECADE: 1, Precision.YEAR: 2, Precision.QUARTER: 3, Precision.SEASON: 4,
           Precision.MONTH: 5, Precision.WEEK: 6, Precision.DAY: 8, Precision.TIME: 9}


@dataclass(frozen=True, slots=True, kw_only=True, repr=False)
class PartialDate:
    """A date known to some precision, written as TIMEX3 writes it: a century ``20``, a decade
    ``202``, a year ``2025``, a quarter ``2025-Q1``, a season ``2025-SU``, a month ``2025-03``, an
    ISO week ``2025-W11`` or its weekend ``2025-W11-WE``, a day ``2025-03-17``, a time of day
    ``2025-03-17T14:00`` (``2025-03-17T14:00Z`` in UTC) or a part of one ``2025-03-17TMO``; or, with no place in the calendar, a
    reference (``PAST_REF``, ``PRESENT_REF``, ``FUTURE_REF``: precision ``range``) or a recurrence
    (``P1W``, ``XXXX-WXX-1``, ``XXXX-07``: precision ``set``), kept as ``timex``.

    :meth:`parse` reads exactly the strings :meth:`isoformat` writes, so a record's date is stored
    and exported as the same string. ``year`` is the ISO week-numbering year for a week, and the
    first year of a decade (2020) or century (2000). Dates order by :attr:`sort_key`: by first day,
    a coarser date before a finer one starting the same day ("2025" < "2025-01" < "2025-01-01").
    """

    precision: Precision
    year: int | None = None
    month: int | None = None
    day: int | None = None
    week: int | None = None
    weekend: bool = False
    quarter: int | None = None
    season: Season | None = None
    hour: int | None = None
    minute: int | None = None
    part: DayPart | None = None
    utc: bool = False
    timex: str | None = None

    def __post_init__(self) -> None:
        p = self.precision
        given = {name for name in _OPTIONAL if getattr(self, name) is not None and getattr(self, name) is not False}
        if p in (Precision.RANGE, Precision.SET):
            ok = self.timex is not None and self.year is None and not given and (
                self.timex in _REFERENCES if p is Precision.RANGE else _RECURRENCE.fullmatch(self.timex) is not None)
            if not ok:
                raise ValueError(f"a {p} date is a TIMEX3 value alone, not {self._fields()}")
            return
        allowed = _FIELDS.get(p)
        if allowed is None:
            raise ValueError(f"a partial date has no precision {p!r} (durations and unresolved values are not dates)")
        required = allowed - {"weekend", "hour", "minute", "part", "utc"}
        if self.timex is not None or self.year is None or not required <= given <= allowed:
            raise ValueError(f"a {p} date sets year and {', '.join(sorted(required)) or 'nothing else'}, "
                             f"not {self._fields()}")
        lowest = 0 if p in (Precision.DECADE, Precision.CENTURY) else 1
        if not lowest <= self.year <= 9999 or (p is Precision.DECADE and self.year % 10) or (
                p is Precision.CENTURY and self.year % 100):
            raise ValueError(f"year {self.year} does not start a {p}")
        if p is Precision.TIME and (self.part is None) == (self.hour is None or self.minute is None):
            raise ValueError("a time of day is an hour and a minute, or a part of the day")
        if self.utc and self.hour is None:
            raise ValueError("only a clock time is said in UTC")
        if p is Precision.TIME and self.hour is not None and not (0 <= self.hour < 24 and 0 <= self.minute < 60):
            raise ValueError(f"no time {self.hour:02d}:{self.minute:02d}")
        if p is Precision.MONTH and not 1 <= self.month <= 12:  # type: ignore[operator]
            raise ValueError(f"no month {self.month}")
        if p is Precision.QUARTER and not 1 <= self.quarter <= 4:  # type: ignore[operator]
            raise ValueError(f"no quarter {self.quarter}")
        try:
            first, last = self.start, self.end
        except (OverflowError, ValueError) as e:  # a day or a week the calendar lacks
            raise ValueError(f"no {p} {self._fields()}: {e}") from e
        assert first is not None and last is not None

    def _fields(self) -> str:
        return ", ".join(f"{name}={getattr(self, name)!r}" for name in ("year", *_OPTIONAL, "timex")
                         if getattr(self, name) is not None and getattr(self, name) is not False)

    # ---------------------------------------------------------------------------------- reading

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """The date ``text`` writes (any form :meth:`isoformat` writes); ``ValueError`` otherwise."""
        if text in _REFERENCES:
            return cls(precision=Precision.RANGE, timex=text)
        if _RECURRENCE.fullmatch(text):
            return cls(precision=Precision.SET, timex=text)
        m = _FORM.fullmatch(text)
        if m is None:
            raise ValueError(f"{text!r} is not a TIMEX3 date (2025, 2025-03, 2025-03-17, 2025-W11, ...)")
        g = {k: v for k, v in m.groupdict().items() if v is not None}
        num = {k: int(v) for k, v in g.items() if v.isdigit()}
        if "decade" in g:
            return cls(precision=Precision.DECADE, year=num["decade"] * 10)
        if "century" in g:
            return cls(precision=Precision.CENTURY, year=num["century"] * 100)
        year = num["year"]
        if "week" in g:
            return cls(precision=Precision.WEEK, year=year, week=num["week"], weekend="weekend" in g)
        if "quarter" in g:
            return cls(precision=Precision.QUARTER, year=year, quarter=num["quarter"])
        if "season" in g:
            return cls(precision=Precision.SEASON, year=year, season=Season(g["season"]))
        if "month" not in g:
            return cls(precision=Precision.YEAR, year=year)
        if "day" not in g:
            return cls(precision=Precision.MONTH, year=year, month=num["month"])
        if "hour" not in g and "part" not in g:
            return cls(precision=Precision.DAY, year=year, month=num["month"], day=num["day"])
        return cls(precision=Precision.TIME, year=year, month=num["month"], day=num["day"], hour=num.get("hour"),
                   minute=num.get("minute"), part=DayPart(g["part"]) if "part" in g else None, utc="utc" in g)

    @classmethod
    def from_date(cls, day: dt.date) -> PartialDate:
        """The day ``day``."""
        return cls(precision=Precision.DAY, year=day.year, month=day.month, day=day.day)

    # ---------------------------------------------------------------------------------- writing

    def isoformat(self) -> str:
        """The date as TIMEX3 writes it; :meth:`parse` reads it back."""
        p, y = self.precision, self.year
        if self.timex is not None:
            return self.timex
        assert y is not None
        if p is Precision.CENTURY:
            return f"{y // 100:02d}"
        if p is Precision.DECADE:
            return f"{y // 10:03d}"
        if p is Precision.YEAR:
            return f"{y:04d}"
        if p is Precision.QUARTER:
            return f"{y:04d}-Q{self.quarter}"
        if p is Precision.SEASON:
            return f"{y:04d}-{self.season}"
        if p is Precision.WEEK:
            return f"{y:04d}-W{self.week:02d}" + ("-WE" if self.weekend else "")
        if p is Precision.MONTH:
            return f"{y:04d}-{self.month:02d}"
        day = f"{y:04d}-{self.month:02d}-{self.day:02d}"
        if p is Precision.DAY:
            return day
        if self.part is not None:
            return f"{day}T{self.part}"
        return f"{day}T{self.hour:02d}:{self.minute:02d}" + ("Z" if self.utc else "")

    def __str__(self) -> str:
        return self.isoformat()

    def __repr__(self) -> str:
        return f"PartialDate.parse({self.isoformat()!r})"

    # ---------------------------------------------------------------------------------- calendar

    @property
    def start(self) -> dt.date | None:
        """The first day the date covers (``None`` for a reference or a recurrence)."""
        p, y = self.precision, self.year
        if y is None:
            return None
        if p in (Precision.DAY, Precision.TIME):
            return dt.date(y, self.month, self.day)  # type: ignore[arg-type]
        if p is Precision.WEEK:
            return dt.date.fromisocalendar(y, self.week, 6 if self.weekend else 1)  # type: ignore[arg-type]
        if p is Precision.MONTH:
            return dt.date(y, self.month, 1)  # type: ignore[arg-type]
        if p is Precision.QUARTER:
            return dt.date(y, 3 * self.quarter - 2, 1)  # type: ignore[operator]
        if p is Precision.SEASON:
            return dt.date(y, _SEASON_MONTH[self.season], 1)  # type: ignore[index]
        return dt.date(max(1, y), 1, 1)

    @property
    def end(self) -> dt.date | None:
        """The last day the date covers (``None`` for a reference or a recurrence)."""
        p, y, first = self.precision, self.year, self.start
        if y is None or first is None:
            return None
        if p in (Precision.DAY, Precision.TIME):
            return first
        if p is Precision.WEEK:
            return first + dt.timedelta(days=1 if self.weekend else 6)
        months = {Precision.MONTH: 1, Precision.QUARTER: 3, Precision.SEASON: 3}.get(p)
        if months is not None:
            n = first.year * 12 + first.month - 1 + months - 1
            ly, lm = n // 12, n % 12 + 1
            return dt.date(ly, lm, calendar.monthrange(ly, lm)[1])
        span = {Precision.YEAR: 1, Precision.DECADE: 10, Precision.CENTURY: 100}[p]
        return dt.date(y + span - 1, 12, 31)

    @property
    def detail(self) -> int:
        """How fine the date is: 0 for a century, then decade, year, quarter, season, month, week,
        weekend, day, up to 9 for a time of day; -1 for a reference or a recurrence."""
        if self.timex is not None:
            return -1
        return _DETAIL[self.precision] + (1 if self.weekend else 0)

    @property
    def sort_key(self) -> tuple[dt.date, int, str]:
        """The order of dates: by first day, then coarser first, then as written (references and
        recurrences after every calendar date)."""
        return (self.start or dt.date.max, self.detail, self.isoformat())

    def __lt__(self, other: object) -> bool:
        return self.sort_key < other.sort_key if isinstance(other, PartialDate) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.sort_key <= other.sort_key if isinstance(other, PartialDate) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.sort_key > other.sort_key if isinstance(other, PartialDate) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.sort_key >= other.sort_key if isinstance(other, PartialDate) else NotImplemented

    def calendar_date(self) -> PartialDate | None:
        """The date as a year, a month or a day: a week or a weekend as its first day, a time as
        its day, a quarter or a season as its year; ``None`` for a decade, a century, a reference
        or a recurrence."""
        p = self.precision
        if p in (Precision.YEAR, Precision.MONTH, Precision.DAY):
            return self
        if p in (Precision.QUARTER, Precision.SEASON):
            return PartialDate(precision=Precision.YEAR, year=self.year)
        if p in (Precision.WEEK, Precision.TIME):
            return PartialDate.from_date(self.start)  # type: ignore[arg-type]
        return None

    def within(self, other: PartialDate) -> bool:
        """Whether this date is ``other`` or a part of it that TIMEX3 writes by extending its form: a
        decade of a century, a year of a decade, a quarter, season, month or week of a year, a day of
        a month, a time of a day, a weekend of a week. (A day is not within its week, nor a month
        within its quarter: TIMEX3 does not write them so.)"""
        mine, theirs = self._path(), other._path()
        return mine[: len(theirs)] == theirs

    def _path(self) -> tuple[object, ...]:
        """The date's components, coarsest first, as its written form extends them."""
        if self.timex is not None:
            return (self.timex,)
        p, y = self.precision, self.year
        assert y is not None
        path: tuple[object, ...] = (y // 100,)
        if p is Precision.CENTURY:
            return path
        path += (y // 10,)
        if p is Precision.DECADE:
            return path
        path += (y,)
        if p is Precision.QUARTER:
            return (*path, "Q", self.quarter)
        if p is Precision.SEASON:
            return (*path, "S", self.season)
        if p is Precision.WEEK:
            return (*path, "W", self.week, *(("WE",) if self.weekend else ()))
        if p is not Precision.YEAR:
            path += ("M", self.month)
        if p in (Precision.DAY, Precision.TIME):
            path += (self.day,)
        if p is Precision.TIME:
            path += (self.part if self.part is not None else (self.hour, self.minute),)
            path += ("Z",) if self.utc else ()  # "T16:00Z" extends "T16:00" as its form does
        return path


def date_order(date: PartialDate | None) -> tuple[dt.date, int, str]:
    """A sort key for an optional date: :attr:`PartialDate.sort_key`, and no date after every date."""
    return date.sort_key if date is not None else (dt.date.max, 99, "")


CREATION_TIME = "CREATION_TIME"  # DateMention.function of a dateline (TIMEX3 functionInDocument)


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A temporal expression. ``value`` is TIMEX3-like (``2025-03-20``, ``2025-03``, ``P10Y``);
    ``None`` when the expression is relative and no anchor date is known.

    ``mod`` is the TIMEX3 modifier (START, MID, END, APPROX), ``signal`` the preposition before the
    expression ("since", "on", "by"), ``earliest``/``latest`` the first and last day the value
    covers, ``anchor_estimated`` whether the anchor was an estimated publication date, and
    ``function`` the TIMEX3 ``functionInDocument``: ``CREATION_TIME`` for the article's dateline
    (the date it was written or published, not a date of what it reports), else ``None``.
    A year before the common era is written as TIMEX2 and TIMEX3 write it (``BC0490``); no
    :class:`PartialDate` holds it, so its ``earliest``/``latest`` and :attr:`date` are ``None``."""

    text: str
    value: str | None
    precision: Precision
    article_id: str
    start: int
    end: int
    type: str = "DATE"
    relative: bool = False
    mod: str | None = None
    signal: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor_estimated: bool = False
    function: str | None = None

    @property
    def date(self) -> PartialDate | None:
        """The value as a :class:`PartialDate` (a calendar date, a reference or a recurrence);
        ``None`` for a duration, an unresolved value or a year before the common era."""
        if self.value is None or self.type == "DURATION" or self.value.startswith("BC"):
            return None
        return PartialDate.parse(self.value)


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedEstimate:
    """A publication date inferred from an article's text when its metadata has none.

    ``date`` is the first day of the estimated period (the export's ``published``), ``precision``
    says how much of it is known (``day`` or ``year``), ``earliest``/``latest`` bound it, and
    ``basis`` says which text supports it."""

    article_id: str
    date: dt.date
    precision: Precision
    earliest: dt.date
    latest: dt.date
    basis: str
    evidence: tuple[Evidence, ...] = ()
