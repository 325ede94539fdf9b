"""Dates on the real seeds (with and without their manifest), the estimator, and property tests."""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.records import CREATION_TIME, Article, PartialDate, Precision
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.estimate import dateline, estimate_published
from storyfold.stages.dates.resolve import Anchor
from storyfold.stages.dates.stage import DatesStage

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _seed(prefix: str) -> tuple[str, dt.date | None]:
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["file"].startswith(prefix):
            text = (SEEDS / row["file"]).read_text(encoding="utf-8")
            return text, dt.date.fromisoformat(row["published"]) if row["published"] else None
    raise AssertionError(prefix)


def _value(text: str, anchor: dt.date | None, phrase: str, after: str = "") -> tuple[str | None, str]:
    """The value and precision of the date mention inside the first occurrence of ``phrase``
    (searched after ``after``)."""
    at = text.index(phrase, text.index(after) if after else 0)
    for d in find_dates(text, anchor):
        if at <= d.start and d.end <= at + len(phrase):
            return d.value, d.precision
    raise AssertionError(f"no date found in {phrase!r}")


def test_seed_001_march_week() -> None:
    text, published = _seed("001")
    assert published == dt.date(2025, 3, 17)
    assert _value(text, published, "in northwest London on Thursday")[0] == "2025-03-20"  # "will meet ... on Thursday"
    assert _value(text, published, "meeting in London on Thursday")[0] == "2025-03-20"
    weekend = next(d for d in find_dates(text, published) if d.text == "the weekend")
    assert (weekend.value, weekend.earliest, weekend.latest) == ("2025-W11-WE", dt.date(2025, 3, 15), dt.date(2025, 3, 16))
    assert weekend.signal == "at"
    assert _value(text, published, "on Saturday")[0] == "2025-03-15"
    assert _value(text, published, "on Sunday")[0] == "2025-03-16"
    assert _value(text, published, "In January") == ("2025-01", Precision.MONTH)
    assert _value(text, published, "In April") == ("2025-04", Precision.MONTH)
    assert _value(text, published, "On Tuesday Healey")[0] == "2025-03-18"  # "will meet": the next Tuesday
    assert _value(text, published, "this week") == ("2025-W12", Precision.WEEK)


def test_seed_002_said_on_tuesday_is_the_same_day() -> None:
    text, published = _seed("002")
    assert published == dt.date(2025, 8, 19)  # a Tuesday
    assert _value(text, published, "said on Tuesday")[0] == "2025-08-19"
    assert _value(text, published, "on Monday")[0] == "2025-08-18"
    assert _value(text, published, "June 2024") == ("2024-06", Precision.MONTH)
    assert _value(text, published, "in 2022") == ("2022", Precision.YEAR)
    assert _value(text, published, "the next ten years") == ("P10Y", Precision.DURATION)
    assert _value(text, published, "decades-old") == ("PXDE", Precision.DURATION)


def test_seed_003_last_year_and_since_march() -> None:
    text, published = _seed("003")
    assert _value(text, published, "Last year") == ("2024", Precision.YEAR)
    since = next(d for d in find_dates(text, published) if d.text == "March")
    assert (since.value, since.signal) == ("2025-03", "since")
    assert _value(text, published, "on Monday")[0] == "2025-08-18"
    assert _value(text, published, "on Tuesday")[0] == "2025-08-19"
    assert _value(text, published, "10-year") == ("P10Y", Precision.DURATION)


def test_seed_004_early_2025() -> None:
    text, published = _seed("004")
    early = next(d for d in find_dates(text, published) if d.text == "early 2025")
    assert (early.value, early.mod, early.signal) == ("2025", "START", "since")
    assert _value(text, published, "on Monday")[0] == "2025-08-18"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_without_the_manifest_nothing_is_invented(prefix: str) -> None:
    text, _ = _seed(prefix)
    assert estimate_published(text) is None
    for d in find_dates(text, None):
        if d.relative:
            assert d.value is None or d.type == "DURATION" or d.value.endswith("_REF"), d
            if d.value is None:
                assert d.precision is Precision.UNRESOLVED and d.text == text[d.start : d.end]
        elif d.precision not in (Precision.DURATION, Precision.SET):
            assert d.value is not None and d.value[:4] in text  # absolute: its year is written in the text


def test_003_last_year_alone_gives_no_year() -> None:
    text, _ = _seed("003")
    last = next(d for d in find_dates(text, None) if d.text == "Last year")
    assert last.value is None and last.precision is Precision.UNRESOLVED
    assert all(d.value is None or not d.value[:4].isdigit() for d in find_dates(text, None))


def test_estimate_from_last_year_beside_an_absolute_date() -> None:
    # 002's pact sentence, told the way 003 tells it ("Last year"): publication is in 2025.
    text, _ = _seed("002")
    sentence = "Last year, in June 2024, Japan agreed to provide $4.5 billion in defense assistance."
    est = estimate_published(sentence + "\n" + text)
    assert est is not None and est.precision is Precision.YEAR
    assert (est.earliest, est.latest) == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert est.date == dt.date(2025, 1, 1)
    last = next(d for d in find_dates(sentence, Anchor(est.date, year_only=True, estimated=True)) if d.text == "Last year")
    assert (last.value, last.anchor_estimated) == ("2024", True)
    # a year-only anchor resolves nothing finer than a year
    assert next(d for d in find_dates(text, Anchor(est.date, year_only=True)) if d.text == "Monday").value is None


def test_estimate_is_clipped_by_future_dates_and_dropped_when_they_contradict_it() -> None:
    text = "Last year, in June 2024, the pact was signed. The next summit will be held in March 2025."
    est = estimate_published(text)
    assert est is not None and (est.earliest, est.latest) == (dt.date(2025, 1, 1), dt.date(2025, 3, 31))
    # a future-tense date before the year the pair gives: the text contradicts itself, no estimate
    assert estimate_published(text.replace("March 2025", "March 2024")) is None


def test_dateline_on_meantime_matches_its_dct(shared: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
    from dates import read_meantime  # eval/dates.py

    docs = [d for p in sorted((shared / "data" / "meantime-en" / "intra_cross-doc_annotation").glob("*/*.xml"))[:30]
            if (d := read_meantime(p)) is not None]
    assert docs
    hits = 0
    for doc in docs:
        est = estimate_published(doc.text)
        if est is not None:
            assert est.date == doc.dct, doc.name
            hits += 1
    assert hits >= len(docs) * 0.8


@pytest.mark.parametrize(("doc_id", "day"), [
    ("23_5ecbplus", dt.date(2013, 9, 16)),  # "16 September 2013 Last updated at 12 : 42 GMT"
    ("12_5ecbplus", dt.date(2011, 11, 11)),  # "Last updated on : November 11 , 2011 19 : 04 IST"
    ("32_3ecbplus", dt.date(2013, 6, 12)),  # "Published at 12 : 45 , Wednesday , 12 June 2013"
    ("18_1ecbplus", dt.date(2007, 4, 10)),  # "POSTED : 1052 GMT ( 1852 HKT ) , April 10 , 2007"
])
def test_dateline_with_a_clock_time_dates_the_report(shared: Path, doc_id: str, day: dt.date) -> None:
    rows = (json.loads(line) for line in (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8"))
    text = next(("\n".join(r["sentences"]) for r in rows if r["doc_id"] == doc_id), None)
    if text is None:
        pytest.skip(f"{doc_id} is not in this copy of ECB+")
    est = estimate_published(text)
    assert est is not None and est.date == day and est.basis.startswith("dateline")
    marked = [m for m in DatesStage().process(Article(id="a", source="s", text=text), {}, Context(settings=Settings()))["dates"]
              if m.function == CREATION_TIME]  # the date, and the weekday or clock time on its line
    assert (day, est.evidence[0].start) in {(m.earliest, m.start) for m in marked}
    line_end = text.index("\n", est.evidence[0].end)
    assert all(m.end <= line_end for m in marked)


def test_a_sentence_or_a_headline_holding_a_date_is_no_dateline() -> None:
    for first in ("Parliament votes on the budget on 3 March 2014", "Talks ended on Monday, 3 March 2014, in Geneva."):
        text = f"{first}\nThe ministers met again a week later."
        assert dateline(text, find_dates(text, None)) is None
    text = "Ministers meet in Geneva\nUpdated: 3 March 2014 | 9:12 GMT\nThe ministers met on Monday."
    found = dateline(text, find_dates(text, None))
    assert found is not None and found.text == "3 March 2014"


def test_tempeval_value_f1_beats_heideltime(shared: Path) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval"))
    from dates import _run, read_tml, storyfold_spans

    docs = [read_tml(p) for p in sorted((shared / "data" / "tempeval3-platinum" / "te3-platinum").glob("*.tml"))]
    scores, _, _ = _run(docs, storyfold_spans)
    assert scores["value_f1"] > 0.776 and scores["relaxed_f1"] > 0.89


@pytest.mark.parametrize(
    ("sentence", "published", "value"),
    [
        ("The minister said on Tuesday that talks would go on.", dt.date(2025, 8, 19), "2025-08-19"),  # same day
        ("The minister said on Tuesday that talks would go on.", dt.date(2025, 8, 20), "2025-08-19"),
        ("The minister will speak on Tuesday.", dt.date(2025, 8, 20), "2025-08-26"),
        ("The talks ended last Tuesday.", dt.date(2025, 8, 19), "2025-08-12"),
        ("The ship arrived in December.", dt.date(2025, 3, 17), "2024-12"),
        ("The ship will arrive in January.", dt.date(2025, 3, 17), "2026-01"),
        ("Sales fell two years ago.", dt.date(2025, 3, 17), "2023"),
        ("It happened yesterday.", dt.date(2025, 3, 1), "2025-02-28"),
        ("They met on 3 March 2025.", None, "2025-03-03"),
        ("Results came out in the third quarter of 2024.", None, "2024-Q3"),
    ],
)
def test_resolution_rules(sentence: str, published: dt.date | None, value: str) -> None:
    assert [d.value for d in find_dates(sentence, published)] == [value]


_WORDS = st.sampled_from(
    ["on", "Tuesday", "last", "year", "in", "April", "since", "March", "early", "2025", "the", "weekend", "10-year",
     "next", "ten", "years", "ago", "May", "3", "June", "2024", ",", ".", "\n", "will", "said", "decades-old",
     "this", "week", "earlier", "Q3", "8", "pm", "every", "day", "mid-", "1990s", "$", "hundreds", "of", "troops"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_WORDS, max_size=40), st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))))
def test_grammar_words_never_crash_and_spans_index_the_text(words: list[str], published: dt.date | None) -> None:
    text = " ".join(words)
    for d in find_dates(text, published):
        assert 0 <= d.start < d.end <= len(text) and text[d.start : d.end] == d.text
        assert d.text == d.text.strip()
        assert (d.value is None) == (d.precision is Precision.UNRESOLVED)
        if d.earliest is not None:
            assert d.latest is not None and d.earliest <= d.latest


_DATE_WORDS = st.sampled_from(
    ["on", "Tuesday", "Saturday", "morning", "last", "next", "this", "year", "week", "weekend", "month", "quarter",
     "decade", "century", "in", "April", "summer", "winter", "spring", "2025", "2024", "May", "3", "June", "the",
     "first", "second", "Q3", "1990s", "21st", "8", "pm", "14:00", "GMT", "noon", "tonight", "yesterday", "today",
     "every", "each", "Monday", "day", "weekly", "twice", "a", "recently", "now", "two", "years", "ago", "since",
     "will", "said", "early", "mid-", "late", "of", "2025-03-17", ",", "."]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_DATE_WORDS, max_size=30), st.one_of(st.none(), st.dates(dt.date(1950, 1, 1), dt.date(2090, 12, 31))))
def test_every_date_value_the_grammar_gives_is_a_partial_date(words: list[str], published: dt.date | None) -> None:
    """What the claims, commitments and timeline stages take from a mention (any value but a
    duration) parses to a :class:`PartialDate` that writes it back, with the mention's precision
    and days."""
    for d in find_dates(" ".join(words), published):
        if d.value is None or d.type == "DURATION":
            continue
        date = PartialDate.parse(d.value)
        assert date.isoformat() == d.value and date.precision is d.precision
        if d.earliest is not None:
            assert (date.start, date.end) == (d.earliest, d.latest)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    for d in find_dates(text, dt.date(2025, 3, 17)):
        assert text[d.start : d.end] == d.text
    estimate_published(text)


def test_a_date_without_its_year_close_to_the_anchor_is_the_nearest_occurrence() -> None:
    # a past-tense sentence naming a deadline a week ahead: the tense does not send it a year back
    text = "The judge ruled that the boy must be returned to his father by Jan. 14, lawyers said."
    assert _value(text, dt.date(2000, 1, 6), "Jan. 14")[0] == "2000-01-14"
    # further from the anchor the tense still decides
    text = "Investigators said they had searched for him since the Oct. 23 shooting."
    assert _value(text, dt.date(1999, 5, 6), "Oct. 23")[0] == "1998-10-23"


def test_modal_verbs_point_a_relative_date_forward() -> None:
    text = "He said the delegation would arrive on Thursday."
    assert _value(text, dt.date(2000, 4, 5), "Thursday")[0] == "2000-04-06"


def test_ages_are_not_durations() -> None:
    text = "The 6-year-old boy stayed with relatives for two weeks."
    assert [d.text for d in find_dates(text, dt.date(2000, 1, 6))] == ["two weeks"]


def _values(text: str, published: dt.date | None) -> list[tuple[str, str | None]]:
    return [(d.text, d.value) for d in find_dates(text, published)]


def test_an_earnings_report_resolves_its_anaphoric_periods_against_the_quarter_it_names() -> None:
    text = ("Acme Corp. said third-quarter net income rose 12% to $40 million from $35.7 million a year earlier. "
            "Revenue in the latest quarter climbed to $1.2 billion from $1.1 billion in the year-earlier quarter. "
            "The company also booked a charge during the quarter. In the 1988 period, it had a gain.")
    assert _values(text, dt.date(1989, 10, 26)) == [
        ("third-quarter", "1989-Q3"), ("a year earlier", "1988-Q3"), ("the latest quarter", "1989-Q3"),
        ("the year-earlier quarter", "1988-Q3"), ("the quarter", "1989-Q3"), ("the 1988 period", "1988-Q3")]


def test_without_a_named_quarter_a_year_ago_is_the_year_before_and_the_quarter_is_no_date() -> None:
    text = "Wages were 3.8 percent higher than a year ago, and the quarter-point rise in rates did not stop that."
    assert _values(text, dt.date(1998, 2, 6)) == [("a year ago", "1997")]
    assert _values("The quarter was terrible.", dt.date(1998, 2, 6)) == []


def test_a_later_comparison_quarter_does_not_replace_the_reporting_period() -> None:
    text = ("Profit rose in the third quarter. The 1988 second quarter included a charge. "
            "Sales rose in the quarter, and next year's first quarter will be weaker.")
    got = _values(text, dt.date(1989, 10, 26))
    assert ("the quarter", "1989-Q3") in got and ("next year's first quarter", "1990-Q1") in got
    assert ("The 1988 second quarter", "1988-Q2") in got


def test_possessive_years_and_the_same_period_last_year() -> None:
    text = ("Net sales for this year's third quarter were $14 million, against $21 million for the "
            "corresponding period last year.")
    assert _values(text, dt.date(1989, 11, 1)) == [
        ("this year's third quarter", "1989-Q3"), ("the corresponding period last year", "1988-Q3")]


def test_a_past_quarter_named_early_in_the_year_is_last_years() -> None:
    text = "The company announced an 18 percent drop in profits for the fourth quarter."
    assert _values(text, dt.date(1998, 1, 26)) == [("the fourth quarter", "1997-Q4")]
    # a quarter about to begin stays this year's, whatever the tense
    text = "Ford said it closed ten plants during the fourth quarter."
    assert _values(text, dt.date(2006, 8, 19)) == [("the fourth quarter", "2006-Q4")]


def test_that_year_is_the_year_last_named() -> None:
    text = "He fled to Florida in June 1998 and returned to Cuba later that year."
    assert _values(text, dt.date(2000, 1, 28)) == [("June 1998", "1998-06"), ("later that year", "1998")]
    assert _values("That year was hard.", dt.date(2000, 1, 28)) == []


def test_earlier_than_is_a_comparison_not_a_date() -> None:
    text = "The flu season started about a month earlier than usual; sales fell about two years ago."
    assert _values(text, dt.date(2013, 3, 22)) == [("about a month", "P1M"), ("about two years ago", "2011")]


def test_durations_keep_their_determiner_and_a_year_before_a_unit_is_no_count() -> None:
    text = "For the nine months, net rose; a six year process ended."
    assert _values(text, dt.date(1989, 10, 26)) == [("the nine months", "P9M"), ("six year", "P6Y")]


def test_a_date_ending_a_span_is_the_nearest_occurrence_whatever_the_tense() -> None:
    # "until" / "through" / "by" end a span the past-tense verb opened: the date is ahead of it
    text = "The judge ordered that the boy remain in Miami until March 6."
    assert _values(text, dt.date(2000, 1, 15)) == [("March 6", "2000-03-06")]
    text = "The bank extended the company loans through January."
    assert _values(text, dt.date(1989, 10, 30)) == [("January", "1990-01")]
    # "since" points back even in the present perfect
    text = "Investigators have been searching for him since March 20."
    assert _values(text, dt.date(1999, 3, 10)) == [("March 20", "1998-03-20")]


def test_a_month_without_a_tense_is_the_nearest_occurrence() -> None:
    text = "Delegates can take part in planning for the summit in April."
    assert _values(text, dt.date(1998, 12, 5)) == [("April", "1999-04")]
    assert _values(text, dt.date(1998, 6, 5)) == [("April", "1998-04")]


def test_years_in_words_as_broadcast_transcripts_write_them() -> None:
    published = dt.date(1998, 1, 15)
    assert _values("In nineteen ninety-one he was convicted.", published) == [("nineteen ninety-one", "1991")]
    assert _values("His promise to halve it by the year two thousand was dropped.", published) == [
        ("the year two thousand", "2000")]
    assert _values("Prices fell to the level we saw in the winter of nineteen ninety-four.", published) == [
        ("the winter of nineteen ninety-four", "1994-WI")]
    # a count is no year
    assert _values("About two thousand people and nineteen hundred troops came.", published) == []


def test_a_clock_time_with_its_day_is_on_that_day() -> None:
    published = dt.date(2000, 4, 3)  # a Monday
    assert _values("The agency gave the family until 9 a.m. Tuesday to sign.", published) == [
        ("9 a.m. Tuesday", "2000-04-04T09:00")]
    assert _values("The father will leave at 4 a.m. EDT Thursday.", published) == [
        ("4 a.m. EDT Thursday", "2000-04-06T04:00")]
    assert _values("It extended its offer until 5 p.m. EST April 9.", published) == [
        ("5 p.m. EST April 9", "2000-04-09T17:00")]
    assert _values("The rally began at 8 pm.", published) == [("8 pm", "2000-04-03T20:00")]


def test_holidays_fall_on_their_day_of_the_year_the_tense_picks() -> None:
    published = dt.date(2000, 1, 7)
    assert _values("Fishermen rescued the sailor Thanksgiving Day off the coast.", published) == [
        ("Thanksgiving Day", "1999-11-25")]
    assert _values("The sailor was rescued last Thanksgiving.", published) == [("last Thanksgiving", "1999-11-25")]
    assert _values("The vote is a theme from now to Election Day.", dt.date(1998, 10, 26)) == [
        ("now", "PRESENT_REF"), ("Election Day", "1998-11-03")]
    assert _values("Protesters prayed on Easter Sunday.", dt.date(2000, 4, 25)) == [("Easter Sunday", "2000-04-23")]
    assert _values("Christmas 1998 was quiet.", published) == [("Christmas 1998", "1998-12-25")]
    # a bare name is a date only after a signal, "last"/"next" or with its year
    assert _values("Christmas shopping rose.", published) == []


def test_an_accounting_year_ended_on_a_day_is_a_duration() -> None:
    text = "For the year ended Aug. 31, the company earned $2.7 million."
    assert _values(text, dt.date(1989, 10, 30)) == [("the year", "P1Y"), ("Aug. 31", "1989-08-31")]
    assert _values("Profit will fall in the fiscal year ending June 30, 1990.", dt.date(1989, 11, 2)) == [
        ("the fiscal year", "P1Y"), ("June 30, 1990", "1990-06-30")]


def test_a_24_hour_time_with_its_zone_and_day_is_on_that_day() -> None:
    text = "The qualifier has been postponed until 15:00 GMT Saturday due to heavy snow."
    assert _values(text, dt.date(2013, 3, 22)) == [("15:00 GMT Saturday", "2013-03-23T15:00")]


def test_a_year_before_a_noun_ending_in_s_is_a_year_unless_the_noun_is_a_plural() -> None:
    published = dt.date(2013, 3, 22)
    assert _values("He pointed to a 2009 analysis by the budget office.", published) == [("2009", "2009")]
    assert _values("Its 1988 sales rose.", published) == [("1988", "1988")]
    assert _values("About 2000 soldiers crossed the river.", published) == []


def test_the_second_year_of_a_short_span_is_a_year() -> None:
    published = dt.date(2013, 3, 22)
    assert _values("He took part in the expedition of 1957-58, which crossed Antarctica.", published) == [
        ("1957", "1957"), ("58", "1958")]
    assert _values("The 1999-00 season ended.", published) == [("1999", "1999"), ("00", "2000")]
    assert _values("The score was 1990-45.", published) == [("1990", "1990")]  # not a span of years


def test_months_and_quarters_of_a_named_year_and_short_decades() -> None:
    published = dt.date(2009, 5, 15)
    assert _values("In the first quarter of last year, GM lost less.", published) == [
        ("the first quarter of last year", "2008-Q1")]
    assert _values("Dealers not renewed after October of next year will be paid.", published) == [
        ("October of next year", "2010-10")]
    assert _values("It rid Detroit of the boxy cars of the 70s and 80s.", published) == [
        ("the 70s", "197"), ("80s", "198")]
    assert _values("Sales followed the trend of the '80s.", published) == [("the '80s", "198")]
    assert _values("Most of the patients were in their 80s.", published) == []  # an age


def test_the_first_count_of_a_range_of_durations_is_a_duration_of_its_own() -> None:
    published = dt.date(2009, 6, 4)
    assert _values("He said the process would take between 60 and 90 days.", published) == [
        ("60", "P60D"), ("90 days", "P90D")]
    assert _values("Shipments resume within two to three weeks.", published) == [("two", "P2W"), ("three weeks", "P3W")]
    assert _values("She scored 3 and 4 points in 5 days.", published) == [("5 days", "P5D")]


def test_the_full_year_is_the_year_of_the_period_reported_on() -> None:
    text = "GM lost $4.8 billion in the fourth quarter of 2005 and $8.6 billion for the entire year."
    assert _values(text, dt.date(2006, 1, 27)) == [("the fourth quarter of 2005", "2005-Q4"), ("the entire year", "2005")]
    assert _values("It forecast higher earnings for the full year.", dt.date(1989, 10, 30)) == [
        ("the full year", "1989")]


def test_a_clock_time_with_an_ordinal_date() -> None:
    assert _values("At a press conference at 16:15 UTC, June 1st, he spoke.", dt.date(2009, 6, 4)) == [
        ("16:15 UTC, June 1st", "2009-06-01T16:15Z")]


def test_year_end_and_a_season_after_over_or_into() -> None:
    published = dt.date(1989, 10, 26)
    assert _values("GM plans to cut 6,000 jobs by year end.", published) == [("year end", "1989")]
    assert _values("Year-end results rose.", published) == []
    assert _values("Demand stayed strong well into the summer.", published) == [("the summer", "1989-SU")]
    assert _values("Over the summer, rivals cut prices.", published) == [("the summer", "1989-SU")]


def test_a_plural_weekday_is_a_set() -> None:
    assert _values("The market is closed on Sundays.", dt.date(2025, 3, 17)) == [("Sundays", "XXXX-WXX-7")]


def test_a_day_said_in_the_past_tense_within_two_months_ahead_is_the_coming_one() -> None:
    # a dividend declared in October, payable in December: the past-tense verb does not send it back a year
    text = "The board approved a special dividend of 20 cents, to be paid Dec. 15 to holders on the books Nov. 17."
    assert _values(text, dt.date(1989, 10, 26)) == [("Dec. 15", "1989-12-15"), ("Nov. 17", "1989-11-17")]


def test_the_preposition_before_a_vague_duration_is_its_signal_not_part_of_it() -> None:
    got = find_dates("Police and protesters clashed in recent days.", dt.date(1998, 3, 8))
    assert [(d.text, d.value, d.signal) for d in got] == [("recent days", "PXD", "in")]


def test_a_vague_duration_after_a_preposition_is_a_duration_with_its_signal() -> None:
    # TimeML extents: "within weeks" is the duration "weeks" with the signal "within"
    text = ("More forces are expected to be committed to the gulf within weeks. The business is growing for "
            "the first time in years. In the years that followed, the guerrillas won; over the years many "
            "more patients died. The empire ruled for hundreds of years.")
    got = [(d.text, d.value, d.signal) for d in find_dates(text, dt.date(1990, 8, 15))]
    assert got == [("weeks", "PXW", "within"), ("years", "PXY", "in"), ("the years", "PXY", "in"),
                   ("the years", "PXY", "over")]
    # "in the days of the empire" names an era, not a stretch of days
    assert find_dates("In the days of the empire, it was so.", dt.date(1990, 8, 15)) == []


def test_the_week_of_a_day_is_that_days_week() -> None:
    text = "The case may finally be resolved in a court hearing the week of March 6, Manuel Gonzalez said."
    assert _values(text, dt.date(2000, 2, 24)) == [("the week of March 6", "2000-W10")]
    # Easter week: the week that ends on Easter Sunday (ISO weeks begin on Monday)
    text = "Earlier Sunday, protesters prayed for divine help as Easter week began."
    assert ("Easter week", "2000-W16") in _values(text, dt.date(2000, 4, 17))
    assert _values("They met the week of March 6, 1999.", None) == [("the week of March 6, 1999", "1999-W09")]


def test_every_month_or_season_is_a_set() -> None:
    text = "Portadown is where Orangemen march each July; every summer the parade brings trouble."
    got = [(d.text, d.value, d.type) for d in find_dates(text, dt.date(1998, 3, 22))]
    assert got == [("each July", "XXXX-07", "SET"), ("every summer", "XXXX-SU", "SET")]
    assert all(PartialDate.parse(v) for _, v, _ in got)


def test_a_clock_time_said_in_utc_carries_the_iso_zone() -> None:
    text = "Obama will speak at 16:00 UTC today; GM files at 12:00 UTC Monday. The match kicks off at 15:00 GMT."
    assert _values(text, dt.date(2009, 6, 1)) == [
        ("16:00 UTC", "2009-06-01T16:00Z"), ("today", "2009-06-01"), ("12:00 UTC Monday", "2009-06-01T12:00Z"),
        ("15:00 GMT", "2009-06-01T15:00")]
    assert PartialDate.parse("2009-06-01T16:00Z").utc
