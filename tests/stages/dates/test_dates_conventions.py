"""dates@4: rules of English temporal expressions and TimeML conventions read off the dev half of
TBAQ-cleaned (sentences after its AP, NYT and WSJ files)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.records import PartialDate, Precision
from storyfold.stages.dates.dates import find_dates


def _values(text: str, published: dt.date | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


def test_a_half_written_as_a_fraction_counts_and_half_an_hour_is_thirty_minutes() -> None:
    text = "She spent about 5 1/2 hours in Nairobi, and two and a half years in Kenya."
    assert _values(text, dt.date(1998, 8, 17)) == [("about 5 1/2 hours", "PT5H30M"),
                                                    ("two and a half years", "P2.5Y")]
    assert _values("The trip took 3\u00bd hours.", None) == [("3\u00bd hours", "PT3H30M")]


def test_trading_and_business_days_are_days() -> None:
    text = "Eight trading days after Oct. 12, the index was still down; the bank has five business days to reply."
    got = _values(text, dt.date(1989, 10, 30))
    assert ("Eight trading days", "P8D") in got and ("five business days", "P5D") in got


def test_an_age_said_in_years_old_is_no_duration() -> None:
    text = "The Foreign Office said Howes, 37 years old when he was kidnapped, had been held for two years."
    assert _values(text, dt.date(1998, 2, 19)) == [("two years", "P2Y")]


def test_last_with_the_month_just_past_is_a_year_back() -> None:
    # said on March 1: the February just ended would be "last month"
    text = "Seventy-three soldiers were killed when two military helicopters crashed last February."
    assert _values(text, dt.date(1998, 3, 1)) == [("last February", "1997-02")]
    # an earlier month of this year stays in it
    assert _values("The two presidents signed the treaty last May.", dt.date(1998, 10, 27)) == [("last May", "1998-05")]


def test_a_year_before_is_or_was_is_the_subject_not_a_count() -> None:
    text = 'Anheuser noted that "beer industry sales volume in 1989 is following the trend," and 1990 was no better.'
    assert [v for _, v in _values(text, dt.date(1989, 10, 26))] == ["1989", "1990"]
    assert _values("Sales volume is 1989 is following the trend.", dt.date(1989, 10, 26)) == [("1989", "1989")]


def test_a_possessive_weekday_names_a_past_day_whatever_the_verb() -> None:
    # "would" points forward, but the ruling it is about was given on Wednesday
    text = "The boy's relatives in Miami said they would look for ways to get around Wednesday's ruling."
    assert _values(text, dt.date(2000, 1, 7)) == [("Wednesday", "2000-01-05")]
    text = "The price represents a 24% conversion premium over Thursday's closing price."
    assert _values(text, dt.date(1989, 10, 30)) == [("Thursday", "1989-10-26")]
    # "next" still points forward
    assert _values("He will attend next Thursday's meeting.", dt.date(1989, 10, 30)) == [
        ("next Thursday", "1989-11-02")]


def test_a_weekday_with_a_plural_part_of_day_is_a_set() -> None:
    text = "It said two new flights would leave Bombay on Tuesday nights from March 30."
    got = [(d.text, d.value, d.type) for d in find_dates(text, dt.date(1998, 2, 13))]
    assert got[0] == ("Tuesday nights", "XXXX-WXX-2", "SET")


def test_after_the_nine_months_a_year_ago_comparison_is_the_year_not_the_quarter() -> None:
    text = ("Travelers posted third-quarter earnings of $94.2 million, up from $85 million a year ago. "
            "In the first nine months, net was $306 million, compared with a loss of $195 million in the "
            "1988 period. The year-ago results included a charge. "
            "In the fourth quarter, sales fell from a year earlier.")
    assert _values(text, dt.date(1989, 11, 2)) == [
        ("third-quarter", "1989-Q3"), ("a year ago", "1988-Q3"), ("the first nine months", "P9M"),
        ("the 1988 period", "1988"), ("year-ago", "1988"), ("the fourth quarter", "1989-Q4"),
        ("a year earlier", "1988-Q4")]


def test_a_clock_time_told_in_the_past_is_on_the_day_last_named() -> None:
    text = ("Boeing's newest commercial aircraft made its first test flight Tuesday in Everett, Washington "
            "at 18:00 UTC.")
    assert _values(text, dt.date(2009, 12, 16)) == [("Tuesday", "2009-12-15"), ("18:00 UTC", "2009-12-15T18:00Z")]
    # in the future, or with no day named before it, a clock time stays on the publication day
    assert _values("The plane will land at 18:00 UTC.", dt.date(2009, 12, 16)) == [
        ("18:00 UTC", "2009-12-16T18:00Z")]
    assert _values("The plane landed at 6 p.m.", dt.date(2009, 12, 16)) == [("6 p.m.", "2009-12-16T18:00")]


def test_recent_before_what_it_dates_is_past_ref() -> None:
    text = "Crane holds 14.6%, according to a recent SEC filing; the offer was triggered by the recent sale."
    assert _values(text, dt.date(1989, 10, 30)) == [("recent", "PAST_REF"), ("recent", "PAST_REF")]
    # seed 000: "its recent appointment of a full-time ambassador"
    assert _values("It is evident through its recent appointment of an ambassador.", None) == [("recent", "PAST_REF")]
    # the latest of a series, and a vague duration of its own, are something else
    assert _values("The antenna of their most recent iPhone model failed.", dt.date(2010, 7, 1)) == []
    assert _values("It has grown in recent years.", dt.date(2010, 7, 1)) == [("recent years", "PXY")]


def test_the_day_before_or_after_a_day_named_is_its_neighbour() -> None:
    text = "The day before last Tuesday's federal court hearing, Manuel went to Lazaro's house."
    assert _values(text, dt.date(2000, 2, 24)) == [("The day before last Tuesday", "2000-02-21")]
    assert _values("They met the day after March 6, 1999.", None) == [("the day after March 6, 1999", "1999-03-07")]
    assert _values("They met the day after Tuesday.", None)[0][1] is None  # no anchor: nothing invented


_WORDS = st.sampled_from(
    ["the", "day", "before", "after", "last", "Tuesday", "Tuesday's", "nights", "March", "6", "1999", ",", ".",
     "5", "1/2", "\u00bd", "hours", "37", "years", "old", "8-month-old", "trading", "days", "recent", "most",
     "sale", "nine", "months", "third", "quarter", "a", "year", "earlier", "1988", "period", "is", "at", "10",
     "p.m.", "18:00", "UTC", "was", "will", "February", "in", "first"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))))
def test_the_dates4_rules_never_crash_and_give_partial_dates(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for d in find_dates(text, published):
        assert text[d.start : d.end] == d.text and d.text == d.text.strip()
        assert (d.value is None) == (d.precision is Precision.UNRESOLVED)
        if d.value is not None and d.type != "DURATION":
            date = PartialDate.parse(d.value)
            assert date.isoformat() == d.value and date.precision is d.precision
            if d.earliest is not None:
                assert (date.start, date.end) == (d.earliest, d.latest)


def test_now_in_a_compound_adjective_is_no_temporal_expression() -> None:
    text = "He spoke last week against the now-cancelled deal to lease tankers, and now he is silent."
    assert _values(text, dt.date(2004, 1, 10)) == [("last week", "2004-W01"), ("now", "PRESENT_REF")]


def test_this_quarter_in_a_report_on_a_named_quarter_is_that_quarter() -> None:
    text = ("The company posted a loss of $8.1 million for the third quarter ended Sept. 30. "
            "This quarter's loss includes pretax charges of $4.9 million.")
    got = _values(text, dt.date(1989, 11, 1))
    assert ("This quarter", "1989-Q3") in got
    # a forecast is about the quarter under way
    assert ("this quarter", "1989-Q4") in _values(
        "The company reported a third-quarter loss. It will break even this quarter.", dt.date(1989, 11, 1))
