"""Records: partial dates (parse and write back, order, containment, calendar bounds), the modality
order, and the codec's round trip of both."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold import codec
from storyfold.records import (
    BriefSentence,
    ClaimMention,
    DayPart,
    Event,
    Modality,
    PartialDate,
    Precision,
    Season,
    TimelineEntry,
    date_order,
)

P = Precision
_DAYS = st.dates(dt.date(1, 1, 1), dt.date(9998, 12, 31))
_YEARS = st.integers(1, 9998)


def _on(precision: Precision, **fields: object) -> PartialDate:
    return PartialDate(precision=precision, **fields)  # type: ignore[arg-type]


def _week(day: dt.date, weekend: bool) -> PartialDate:
    iso = day.isocalendar()
    return _on(P.WEEK, year=iso.year, week=iso.week, weekend=weekend)


def _time(day: dt.date, clock: tuple[int, int] | None, part: DayPart, utc: bool = False) -> PartialDate:
    hour, minute = clock if clock else (None, None)
    return _on(P.TIME, year=day.year, month=day.month, day=day.day, hour=hour, minute=minute,
               part=None if clock else part, utc=utc and clock is not None)


_CALENDAR = st.one_of(
    st.builds(lambda c: _on(P.CENTURY, year=c * 100), st.integers(0, 99)),
    st.builds(lambda d: _on(P.DECADE, year=d * 10), st.integers(0, 999)),
    st.builds(lambda y: _on(P.YEAR, year=y), _YEARS),
    st.builds(lambda y, q: _on(P.QUARTER, year=y, quarter=q), _YEARS, st.integers(1, 4)),
    st.builds(lambda y, s: _on(P.SEASON, year=y, season=s), _YEARS, st.sampled_from(Season)),
    st.builds(lambda y, m: _on(P.MONTH, year=y, month=m), _YEARS, st.integers(1, 12)),
    st.builds(_week, _DAYS, st.booleans()),
    st.builds(PartialDate.from_date, _DAYS),
    st.builds(_time, _DAYS, st.one_of(st.none(), st.tuples(st.integers(0, 23), st.integers(0, 59))),
              st.sampled_from(DayPart), st.booleans()),
)
_NOT_CALENDAR = st.one_of(
    st.builds(lambda r: _on(P.RANGE, timex=r), st.sampled_from(["PAST_REF", "PRESENT_REF", "FUTURE_REF"])),
    st.builds(lambda w: _on(P.SET, timex=f"XXXX-WXX-{w}"), st.integers(1, 7)),
    st.builds(lambda m: _on(P.SET, timex=f"XXXX-{m}"),
              st.one_of(st.integers(1, 12).map(lambda n: f"{n:02d}"), st.sampled_from(["SP", "SU", "FA", "WI"]))),
    st.builds(lambda t, n, c: _on(P.SET, timex=f"P{t}{n}{c}"), st.sampled_from(["", "T"]),
              st.one_of(st.just("X"), st.integers(0, 999).map(str), st.just("1.5")),
              st.sampled_from(["Y", "M", "W", "D", "Q", "H", "WE", "DE", "CE"])),
)
_DATES = st.one_of(_CALENDAR, _NOT_CALENDAR)
# the forms the brief places records at, and whose string order the stages sorted by before
_YMD = st.one_of(st.builds(lambda y: _on(P.YEAR, year=y), _YEARS),
                 st.builds(lambda y, m: _on(P.MONTH, year=y, month=m), _YEARS, st.integers(1, 12)),
                 st.builds(PartialDate.from_date, _DAYS))


@settings(max_examples=500, deadline=None)
@given(_DATES)
def test_a_date_written_and_parsed_back_is_the_same_date(date: PartialDate) -> None:
    text = date.isoformat()
    assert str(date) == text
    assert PartialDate.parse(text) == date
    assert PartialDate.parse(text).isoformat() == text
    assert codec.from_dict(codec.to_dict(date), PartialDate) == date


@pytest.mark.parametrize(
    ("text", "precision", "start", "end"),
    [
        ("20", P.CENTURY, dt.date(2000, 1, 1), dt.date(2099, 12, 31)),
        ("202", P.DECADE, dt.date(2020, 1, 1), dt.date(2029, 12, 31)),
        ("2025", P.YEAR, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        ("2025-Q2", P.QUARTER, dt.date(2025, 4, 1), dt.date(2025, 6, 30)),
        ("2025-WI", P.SEASON, dt.date(2025, 12, 1), dt.date(2026, 2, 28)),
        ("2024-02", P.MONTH, dt.date(2024, 2, 1), dt.date(2024, 2, 29)),
        ("2025-W01", P.WEEK, dt.date(2024, 12, 30), dt.date(2025, 1, 5)),
        ("2025-W11-WE", P.WEEK, dt.date(2025, 3, 15), dt.date(2025, 3, 16)),
        ("2025-03-17", P.DAY, dt.date(2025, 3, 17), dt.date(2025, 3, 17)),
        ("2025-03-17T14:05", P.TIME, dt.date(2025, 3, 17), dt.date(2025, 3, 17)),
        ("2025-03-17TEV", P.TIME, dt.date(2025, 3, 17), dt.date(2025, 3, 17)),
        ("2009-06-01T16:00Z", P.TIME, dt.date(2009, 6, 1), dt.date(2009, 6, 1)),
        ("PAST_REF", P.RANGE, None, None),
        ("P1W", P.SET, None, None),
        ("XXXX-WXX-1", P.SET, None, None),
        ("XXXX-07", P.SET, None, None),
        ("XXXX-SU", P.SET, None, None),
    ],
)
def test_every_form_parses_to_its_precision_and_days(text: str, precision: Precision, start: dt.date | None,
                                                     end: dt.date | None) -> None:
    date = PartialDate.parse(text)
    assert (date.precision, date.start, date.end, str(date)) == (precision, start, end, text)


@pytest.mark.parametrize("text", ["", "2025-3", "2025-13", "2025-02-30", "2025-W53", "2025-Q5", "2025-XX", "2",
                                  "2025-03-17T24:00", "2025-03-17TXX", "2025-03-17TMOZ", "XXXX-13", "P10Y1", "NOW", " 2025",
                                  "2025-03-17/2025-03-18"])
def test_what_is_not_a_partial_date_is_refused(text: str) -> None:
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_fields_that_do_not_fit_the_precision_are_refused() -> None:
    for bad in ({"precision": P.YEAR, "year": 2025, "month": 3}, {"precision": P.MONTH, "year": 2025},
                {"precision": P.DURATION, "timex": "P1Y"}, {"precision": P.DECADE, "year": 2025},
                {"precision": P.TIME, "year": 2025, "month": 3, "day": 1, "hour": 9},
                {"precision": P.TIME, "year": 2025, "month": 3, "day": 1, "part": DayPart("MO"), "utc": True}):
        with pytest.raises(ValueError):
            PartialDate(**bad)  # type: ignore[arg-type]


@settings(max_examples=500, deadline=None)
@given(_CALENDAR)
def test_a_calendar_date_covers_its_days_and_places_at_its_first(date: PartialDate) -> None:
    assert date.start is not None and date.end is not None and date.start <= date.end
    placed = date.calendar_date()
    if date.precision in (P.DECADE, P.CENTURY):
        assert placed is None
    else:
        assert placed is not None and placed.precision in (P.YEAR, P.MONTH, P.DAY)
        assert placed.start <= date.start <= date.end  # type: ignore[operator]
        if date.precision in (P.WEEK, P.TIME, P.DAY, P.MONTH, P.YEAR):
            assert placed.start == date.start


@given(_NOT_CALENDAR)
def test_a_reference_or_a_recurrence_has_no_days(date: PartialDate) -> None:
    assert (date.start, date.end, date.calendar_date(), date.detail) == (None, None, None, -1)


@settings(max_examples=500, deadline=None)
@given(_YMD, _YMD)
def test_years_months_and_days_order_as_their_strings_do(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) == (str(a) < str(b)) and (a == b) == (str(a) == str(b))
    assert (date_order(a) < date_order(b)) == (a < b)


@settings(max_examples=500, deadline=None)
@given(_DATES, _DATES)
def test_within_is_the_extension_of_the_written_form(a: PartialDate, b: PartialDate) -> None:
    if a.timex is None and b.timex is None:
        assert a.within(b) == str(a).startswith(str(b))
    else:
        assert a.within(b) == (a == b)
    # an ISO week belongs to its week-numbering year and a winter runs into the next year; the rest
    # lies inside what it is within
    if a.within(b) and a.start is not None and (a.precision not in (P.WEEK, P.SEASON) or b.precision is P.WEEK):
        assert b.start <= a.start and a.end <= b.end  # type: ignore[operator]


@settings(max_examples=300, deadline=None)
@given(_DATES, _DATES)
def test_order_is_by_first_day_then_coarser_first(a: PartialDate, b: PartialDate) -> None:
    assert (a < b) == (a.sort_key < b.sort_key) and (a <= b) == (not b < a)
    if a.start is not None and b.start is not None and a.start != b.start:
        assert (a < b) == (a.start < b.start)
    if a.start is not None and a.start == b.start and a.detail < b.detail:
        assert a < b
    assert date_order(a) < date_order(None)


def test_coarser_dates_come_first_on_the_same_day() -> None:
    dates = [PartialDate.parse(s) for s in ("2025-01-01", "2025", "PAST_REF", "2025-01", "2024-W52", "2025-Q1",
                                            "2025-W01", "202")]
    assert [str(d) for d in sorted(dates)] == ["202", "2024-W52", "2025-W01", "2025", "2025-Q1", "2025-01",
                                                "2025-01-01", "PAST_REF"]


def test_records_store_their_dates_as_the_strings() -> None:
    event = Event(id="e", story_id="s", title="t", article_ids=("a",), date=PartialDate.parse("2025-08-19"),
                  date_end=PartialDate.parse("2025-08-20"))
    entry = TimelineEntry(date=PartialDate.parse("2025-W11-WE"), text="x", article_ids=("a",), precision=P.WEEK)
    brief = BriefSentence(text="x", article_ids=("a",), date=PartialDate.parse("2024-06"))
    mention = ClaimMention(article_id="a", start=0, end=4, text="text", time=PartialDate.parse("2025-SU"))
    assert codec.to_dict(event)["date"] == "2025-08-19" and codec.to_dict(event)["date_end"] == "2025-08-20"
    assert codec.to_dict(entry)["date"] == "2025-W11-WE" and codec.to_dict(brief)["date"] == "2024-06"
    assert '"time":"2025-SU"' in codec.dumps(mention)
    for record in (event, entry, brief, mention):
        assert codec.loads(codec.dumps(record), type(record)) == record
    assert codec.from_dict({**codec.to_dict(event), "date": None, "date_end": None}, Event).date is None


def test_modality_order_is_the_declared_order() -> None:
    assert [m.caution for m in Modality] == [0, 1, 2, 3]
    assert max(Modality, key=lambda m: m.caution) is Modality.CONDITIONAL
    assert [str(m) for m in Modality] == ["asserted", "attributed", "hedged", "conditional"]


def test_modality_is_exported_as_its_string_and_read_back_as_the_enum() -> None:
    m = ClaimMention(article_id="a", start=0, end=4, text="text", modality=Modality.HEDGED)
    data = codec.to_dict(m)
    assert data["modality"] == "hedged"
    back = codec.from_dict(data, ClaimMention)
    assert back == m and back.modality is Modality.HEDGED
