"""dates@7: the tense a date is read in, from TBAQ-cleaned's dev half (AP reports of 1999 and 2000 in
its AQUAINT part; the sentences are quoted as the corpus has them, its '' quotes included)."""

from __future__ import annotations

import datetime as dt

from storyfold.stages.dates.dates import find_dates


def _values(text: str, published: dt.date) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


def test_a_date_inside_a_quotation_takes_the_tense_quoted() -> None:
    text = "''This courageous father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said."
    got = _values(text, dt.date(2000, 4, 5))  # a Wednesday
    assert got["4 a.m. EDT Thursday"] == "2000-04-06T04:00"  # was the Thursday before, from "said"


def test_could_is_no_future() -> None:
    text = "Neither he nor Elian's four grandparents could be located Wednesday in their hometown of Cardenas"
    assert _values(text, dt.date(2000, 1, 6))["Wednesday"] == "2000-01-05"  # was the coming one, 2000-01-12


def test_a_present_perfect_is_a_past() -> None:
    text = "Investigators have been searching for Kopp since shortly after the Oct. 23 slaying."
    assert _values(text, dt.date(1999, 5, 6))["Oct. 23"] == "1998-10-23"  # was the coming one, 1999-10-23
