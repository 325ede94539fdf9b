"""dates@7: what moves the date a narrative has reached, and ranges of days across months, read off
the dev half of WikiWars (the quoted sentences are from its Wikipedia articles, CC BY-SA 3.0: "World
War I", "Korean War", "Greco-Persian Wars"; the leads naming years are written for the test)."""

from __future__ import annotations

import datetime as dt

from wikiwars_text import DOWNLOADED, lead, values

from storyfold.stages.dates.dates import find_dates


def test_a_season_named_with_its_year_moves_the_narrative_to_that_year() -> None:
    text = lead(1914, 1915, 1916, 1917, 1918) + (
        "Russia was defeated at Tannenberg and the Masurian Lakes in August and September 1914. By the spring of "
        "1915, the Russians had retreated into Galicia, and in May the Central Powers achieved a remarkable "
        "breakthrough on Poland's southern frontiers. On 5 August they captured Warsaw.")
    got = values(text)
    assert got["May"] == "1915-05"  # it was 1914-05, near September 1914
    assert got["5 August"] == "1915-08-05"


def test_a_day_joined_to_a_day_with_its_year_takes_that_year() -> None:
    text = lead(1950, 1951, 1952, 1953, 1954) + (
        "The principal battles of the stalemate include the Battle of Bloody Ridge (18 August - 15 September "
        "1951), the Battle of Old Baldy (26 June - 4 August 1952) and the Battle of Hill Eerie (21 March - 21 "
        "June 1952).")
    got = values(text)
    assert got["26 June"] == "1952-06-26"  # was 1951-06-26, near the year last named
    assert got["21 March"] == "1952-03-21"
    assert got["18 August"] == "1951-08-18"



def test_a_units_end_is_the_end_of_the_unit_the_text_is_in() -> None:
    said = ("On 15 May 1951, the Chinese in the east attacked the ROK Army and the US X Corps, and initially were "
            "successful, yet were halted by 20 May. At month's end, the US Eighth Army counterattacked and regained "
            "\"Line Kansas\", just north of the 38th parallel.")
    got = {d.text: (d.value, d.mod) for d in find_dates(lead(1950, 1951, 1952, 1953, 1954) + said, DOWNLOADED)}
    assert got["month's end"] == ("1951-05", "END")  # the month the narrative has reached
    got = {d.text: (d.value, d.mod) for d in find_dates("At month's end, the US Eighth Army counterattacked.",
                                                        dt.date(1951, 5, 31))}
    assert got["month's end"] == ("1951-05", "END")  # outside a narrative, the month of the publication date


def test_decades_and_centuries_before_the_common_era() -> None:
    text = ("Throughout the 470s BC, the Delian League campaigned in Thrace and the Aegean. Towards the end of the "
            "460s BC, the Athenians took the ambitious decision to support a revolt. Even during the 4th century BC "
            "the idea of the treaty was controversial.")
    got = {d.text: (d.value, d.mod, d.date) for d in find_dates(text, DOWNLOADED)}
    assert got["the 470s BC"] == ("BC047", None, None)  # was no date: "470s" is no decade after 1800
    assert got["the end of the 460s BC"] == ("BC046", "END", None)
    assert got["the 4th century BC"] == ("BC03", None, None)  # was "03", the fourth century of the common era


def test_years_later_after_a_year_before_the_common_era_count_down() -> None:
    text = ("The Ionian revolt lasted from 499 BC to 493 BC; Marathon was fought in 490 BC, Thermopylae in 480 BC, "
            "Plataea in 479 BC. In Greece, the First Peloponnesian War between the power-blocs of Athens and Sparta, "
            "which had continued on/off since 460 BC, finally ended in 445 BC, with the agreement of a thirty year "
            "truce. However, the growing enmity between Sparta and Athens would lead, just 14 years later, into the "
            "outbreak of the Second Peloponnesian War.")
    assert values(text)["14 years later"] == "BC0431"  # was the duration "14 years"
