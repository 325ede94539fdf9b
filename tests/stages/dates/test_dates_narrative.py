"""dates@5: the narrative reference time and years before 1800 and before the common era, read off
the dev half of WikiWars (the quoted sentences are from its Wikipedia articles, CC BY-SA 3.0: "World
War II", "French Revolution", "Greco-Persian Wars"; the leads naming years are written for the test)."""

from __future__ import annotations

import datetime as dt

import pytest

from storyfold.records import PartialDate, Precision
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.reference import is_narrative
from storyfold.stages.dates.values import Anchor

DOWNLOADED = dt.date(2009, 12, 19)  # WikiWars' document time: the day the pages were downloaded
# A history: it names five years, all long before its document time.
LEAD = "The war began in 1939 and lasted through 1941, 1942 and 1943 until 1945. "


def _values(text: str, published: dt.date | None = DOWNLOADED) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}


def test_a_year_less_day_in_a_narrative_lies_in_the_year_it_has_reached() -> None:
    text = LEAD + ("In 1940 the Germans turned west. On June 10, Italy invaded, declaring war on both France "
                   "and the United Kingdom; twelve days later France surrendered.")
    got = _values(text)
    assert got["June 10"] == "1940-06-10"
    assert got["twelve days later"] == "1940-06-22"  # from the day the narrative reached


def test_the_same_day_in_news_keeps_the_publication_year() -> None:
    got = _values("On June 10, Italy invaded, declaring war on both France and the United Kingdom.")
    assert got["June 10"] == "2009-06-10"
    assert _values("Two days later the talks resumed.", DOWNLOADED) == {"Two days": "P2D"}


def test_a_narrative_moves_on_to_the_next_year_nearest_the_date_last_named() -> None:
    text = LEAD + "On December 7, 1941, Japan attacked British and American holdings. In January, Japan advanced."
    assert _values(text)["January"] == "1942-01"


def test_a_future_in_the_past_is_narrated_but_a_future_told_now_is_not() -> None:
    text = LEAD + ("In 1793 the King was executed. Marie Antoinette would follow him to the guillotine on "
                   "16 October. A book of memoirs is due to be published in May.")
    got = _values(text)
    assert got["16 October"] == "1793-10-16"
    assert got["May"] == "2010-05"  # "is due to": told from the writer's present


def test_deictic_expressions_in_a_narrative_keep_the_publication_date() -> None:
    text = LEAD + "In 1940 France fell. Its last veteran died last June."
    assert _values(text)["last June"] == "2009-06"


def test_an_anaphoric_year_in_a_narrative_counts_from_the_year_named() -> None:
    text = LEAD + "In 1941 the invasion began; the pact had been signed the previous year."
    assert _values(text)["the previous year"] == "1940"


@pytest.mark.parametrize(("text", "expected"), [
    ("On the last occasion that the Estates-General had met, in 1614, each estate held one vote.", "1614"),
    ('Mignet argued that the "constitution of 1791" was the work of the middle class.', "1791"),
    ("By late 1789, the Assembly had found a new way.", "1789"),
])
def test_a_year_before_1800_is_a_year_where_a_signal_or_a_modifier_says_so(text: str, expected: str) -> None:
    assert expected in _values(text).values()


def test_a_number_before_1800_without_a_signal_is_no_year() -> None:
    assert _values("The army counted 1614 men and 1500 horses.") == {}


@pytest.mark.parametrize(("text", "figure"), [
    ("A cross-sectional survey of 1709 schoolchildren - aged 8-10 years, from 88 schools - was carried out.", "1709"),  # GUM news dev
    ("The garrison of 1500 men held the fort.", "1500"),
])
def test_a_signal_does_not_make_a_year_of_a_number_before_1800_that_counts_an_irregular_plural(text: str, figure: str) -> None:
    assert not any(figure in found for found in _values(text))


def test_a_year_before_the_common_era_is_written_as_timex_writes_it_and_holds_no_calendar_day() -> None:
    found = {d.text: d for d in find_dates("First invasion of Greece (492-490 BC)", DOWNLOADED)}
    bc = found["490 BC"]
    assert (bc.value, bc.precision, bc.earliest, bc.latest, bc.date) == ("BC0490", Precision.YEAR, None, None, None)
    got = {d.text: (d.value, d.mod) for d in find_dates("It was founded ca. 55 BCE and taken in AD 1066.", DOWNLOADED)}
    assert got == {"ca. 55 BCE": ("BC0055", "APPROX"), "AD 1066": ("1066", None)}


def test_a_mention_reads_its_value_as_a_partial_date() -> None:
    (d,) = find_dates("The Estates-General met in May 1789.", DOWNLOADED)
    assert d.date == PartialDate.parse("1789-05")


def test_a_narrative_names_most_of_its_years_long_before_its_anchor() -> None:
    anchor = Anchor(DOWNLOADED)
    assert is_narrative([1939, 1940, 1941, 1944, 1945], anchor)
    assert is_narrative([-490, -480, -479, -431, 2004], anchor)
    assert not is_narrative([1953, 1984, 2005, 2009, 2012], anchor)  # a news obituary
    assert not is_narrative([1939, 1940, 1941], anchor)  # too few to tell
    assert not is_narrative([1939, 1940, 1941, 1944, 1945], None)


def test_the_next_day_in_a_narrative_is_the_day_after_the_one_last_named_and_nothing_in_news() -> None:
    text = LEAD + "On 11 July 1789 Necker was dismissed. The next day, crowds gathered; that same day troops moved."
    got = _values(text)
    assert (got["The next day"], got["that same day"]) == ("1789-07-12", "1789-07-11")
    assert "The next day" not in _values("On Tuesday the deal was signed. The next day, shares rose.", DOWNLOADED)


def test_a_yearless_date_after_a_year_before_the_common_era_is_of_that_year_not_the_publication_year() -> None:
    text = (LEAD + "In 490 BC a Persian force landed at Marathon. On 12 September the Athenians attacked. "
            "In 1788 a museum of the war opened; on 3 May it closed.")
    found = _values(text)
    assert found["12 September"] == "BC0490-09-12"  # dates@6; dates@5 gave it no value
    day = next(d for d in find_dates(text, DOWNLOADED) if d.text == "12 September")
    assert (day.earliest, day.latest, day.date) == (None, None, None)  # no calendar day holds it
    assert found["3 May"] == "1788-05-03"  # a calendar year named again gives the narrative its year back
