"""A brief sentence is dated by the event it reports: the day its own clause names when that lies
within its event, else its main clause's time, never an incidental date inside it (a year in a
subordinate clause, a later plan)."""

from __future__ import annotations

import datetime as dt

import pytest
from seed_inputs import seed_articles, seed_slots

from storyfold.config import load_settings
from storyfold.records import Event, PartialDate
from storyfold.stages.brief.dating import EventWindow, sentence_date
from storyfold.text.nlp import load_spacy
from storyfold.text.sentences import sentence_spans


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(load_settings().spacy_model, ("ner",))


def _sentence(aid: str, needle: str) -> tuple[int, int]:
    text = seed_articles()[aid].text
    at = text.index(needle)
    return next((s, e) for s, e in sentence_spans(text) if s <= at < e)


AUGUST = Event(id="ev-aug", story_id="s", title="", article_ids=("002", "003", "004"),
               date=PartialDate.parse("2025-08-19"), date_end=PartialDate.parse("2025-08-20"),
               happened=PartialDate.parse("2025-08-19"))
MARCH = Event(id="ev-mar", story_id="s", title="", article_ids=("000", "001"), date=PartialDate.parse("2025-03-17"),
              happened=PartialDate.parse("2025-03-20"))


def _date(aid: str, needle: str, window: EventWindow, parse=None) -> str:
    start, end = _sentence(aid, needle)
    return str(sentence_date(seed_articles()[aid].text, start, end, seed_slots(aid)[0], window, parse))


def test_said_on_tuesday_is_that_tuesday(nlp) -> None:
    window = EventWindow(AUGUST, [dt.date(2025, 8, 19), dt.date(2025, 8, 20)])
    assert _date("002", "said on Tuesday", window, nlp) == "2025-08-19"


def test_a_year_in_a_subordinate_clause_does_not_date_the_sentence(nlp) -> None:
    # "... was scuttled when Russia invaded Ukraine in 2022 and ...": the year belongs to the when-clause
    window = EventWindow(AUGUST, [dt.date(2025, 8, 19)])
    assert _date("002", "invaded Ukraine in 2022", window, nlp) == "2025-08-19"


def test_the_main_clauses_time_dates_a_background_sentence(nlp) -> None:
    # "Last year, Japan and Ukraine established a 10-year security pact ..." (published 2025-08-20)
    window = EventWindow(AUGUST, [dt.date(2025, 8, 20)])
    assert _date("003", "Last year, Japan and Ukraine", window, nlp) == "2024"
    assert _date("003", "Last year, Japan and Ukraine", window) == "2025-08-19"  # without a parse: the event's


def test_a_planned_day_after_every_report_is_not_the_events_day() -> None:
    # 001 (17 March) announces military chiefs "meeting in London on Thursday" (20 March)
    window = EventWindow(MARCH, [dt.date(2025, 3, 17)])
    assert str(window.day) == "2025-03-17"
    assert _date("001", "on Thursday", window) == "2025-03-17"


def test_a_year_is_not_an_events_day() -> None:
    coarse = Event(id="e", story_id="s", title="", article_ids=("a",), date=PartialDate.parse("2013-08-02"),
                   happened=PartialDate.parse("2014"))
    assert str(EventWindow(coarse, [dt.date(2013, 8, 2)]).day) == "2013-08-02"


def test_without_an_event_the_publication_day_dates_it() -> None:
    window = EventWindow(None, [dt.date(2025, 8, 20)])
    assert str(sentence_date("x" * 10, 0, 10, (), window)) == "2025-08-20"
    assert sentence_date("x" * 10, 0, 10, (), EventWindow(None, [])) is None
