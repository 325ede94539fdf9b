"""Dates, durations and amounts as people write them."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.present.humanize import human_amount, human_date, human_duration, human_span, ordinal
from storyfold.records import PartialDate


@pytest.mark.parametrize(("value", "shown"), [
    ("2025-03-17", "17 March 2025"),
    ("2025-W11-WE", "weekend of 15–16 March 2025"),
    ("2025-W12", "week of 17–23 March 2025"),
    ("2025-W01", "week of 30 December 2024 – 5 January 2025"),  # an ISO week across a new year
    ("2025-W14", "week of 31 March – 6 April 2025"),
    ("2025-03", "March 2025"),
    ("2025-Q1", "first quarter of 2025"),
    ("2025-SU", "summer 2025"),
    ("2025", "2025"),
    ("202", "the 2020s"),
    ("20", "the 21st century"),
    ("2025-03-20TMO", "20 March 2025, morning"),
    ("2025-03-20T14:05", "20 March 2025, 14:05"),
    ("2025-03-20T14:05Z", "20 March 2025, 14:05 UTC"),
    ("PRESENT_REF", "now"),
    ("XXXX-WXX-1", "every Monday"),
    ("XXXX-07", "every July"),
    ("XXXX-SU", "every summer"),
    ("P10Y", "10 years"),  # a duration mention
    ("PXY", "years"),
    ("PXDE", "decades"),
    ("PT2H", "2 hours"),
    ("not a date", "not a date"),  # shown as it is, never lost
])
def test_human_date(value: str, shown: str) -> None:
    assert human_date(value) == shown


def test_human_date_of_nothing_is_the_empty_text() -> None:
    assert human_date(None) == "" and human_date("", empty="undated") == "undated"


@pytest.mark.parametrize(("value", "shown"), [
    ("P10Y", "10 years"), ("P1Y", "1 year"), ("P1Y6M", "1 year and 6 months"), ("P2W", "2 weeks"),
    ("PT2H30M", "2 hours and 30 minutes"), ("P3DE", "3 decades"), ("P1.5Y", "1.5 years"), ("P", "P"), ("soon", "soon"),
])
def test_human_duration(value: str, shown: str) -> None:
    assert human_duration(value) == shown


def test_human_amount() -> None:
    assert human_amount("$4.5 billion", "P10Y") == "$4.5 billion over 10 years"
    assert human_amount("$4.5 billion", None) == "$4.5 billion"
    assert human_amount(None, "P6M") == "over 6 months"
    assert human_amount(None, None) == ""


@pytest.mark.parametrize(("first", "last", "shown"), [
    ("2025-03-17", "2025-08-20", "17 March – 20 August 2025"),
    ("2025-08-19", "2025-08-20", "19–20 August 2025"),
    ("2024-12-30", "2025-01-02", "30 December 2024 – 2 January 2025"),
    ("2025-03-17", "2025-03-17", "17 March 2025"),
    ("2025-03-17", None, "17 March 2025"),
    ("2025-03", "2025-08-20", "March 2025 – 20 August 2025"),
])
def test_human_span(first: str, last: str | None, shown: str) -> None:
    assert human_span(first, last) == shown


def test_ordinal() -> None:
    assert [ordinal(n) for n in (1, 2, 3, 4, 11, 12, 13, 21, 22, 101, 111)] == [
        "1st", "2nd", "3rd", "4th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"]


@given(st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)))
def test_every_day_reads_without_its_code(day: dt.date) -> None:
    shown = human_date(PartialDate.from_date(day).isoformat())
    assert shown.endswith(str(day.year)) and "-" not in shown and str(day.day) in shown


@given(st.integers(min_value=1, max_value=9998), st.integers(min_value=1, max_value=52), st.booleans())
def test_every_week_reads_without_its_code(year: int, week: int, weekend: bool) -> None:
    date = PartialDate.parse(f"{year:04d}-W{week:02d}" + ("-WE" if weekend else ""))
    shown = human_date(date)
    assert shown.startswith("weekend of " if weekend else "week of ") and "W" not in shown


@pytest.mark.parametrize("timex", ["PXY", "PXM", "PTXM", "PXWE", "PXH", "P3Q", "P2WE", "PT5M", "XXXX-WXX-7", "FUTURE_REF"])
def test_every_recurrence_and_reference_the_dates_stage_writes_reads(timex: str) -> None:
    date = PartialDate.parse(timex)  # a valid TIMEX3 value of the records
    shown = human_date(timex)
    assert shown and not shown.startswith(("P", "X")) and not shown.endswith("_REF") and human_date(date) == shown
