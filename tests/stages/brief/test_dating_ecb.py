"""Brief sentence dates on real ECB+ dev stories (skipped without the shared data): the day the
sentence's own clause names, a background fact at its main clause's year, a year inside a
subordinate clause never."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyfold.config import Settings, load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, Event, PartialDate
from storyfold.stages.brief.dating import EventWindow, lead_day, sentence_date
from storyfold.stages.cluster.identity import happened_of
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.estimate import estimate_published
from storyfold.stages.dates.stage import DatesStage
from storyfold.text.nlp import load_spacy
from storyfold.text.sentences import sentence_spans

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def ecb(shared: Path) -> dict[str, str]:
    rows = (json.loads(line) for line in (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8"))
    return {r["doc_id"]: "\n".join(r["sentences"]) for r in rows}


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(load_settings().spacy_model, ("ner",))


def _date(text: str, needle: str, nlp) -> str:
    estimate = estimate_published(text)
    assert estimate is not None  # the dateline
    mentions = find_dates(text, estimate.date)
    at = text.index(needle)
    start, end = next((s, e) for s, e in sentence_spans(text) if s <= at < e)
    return str(sentence_date(text, start, end, mentions, EventWindow(None, [estimate.date]), nlp))


@pytest.mark.parametrize(("doc_id", "needle", "date"), [
    # "Published : April 10 , 2007": "... fired last week ... walked into his former office with a
    # shotgun on Monday": the day, not the week
    ("18_9ecbplus", "walked into his former office", "2007-04-09"),
    # "Updated : November 11 , 2011": "At 9 . 25 a . m . on Thursday , navy personnel ..."
    ("12_1ecbplus", "navy personnel aboard warship INS Sukanya spotted", "2011-11-10"),
    # a background fact: "... and in 1995 , she became the first physician under 40 ..."
    ("34_11ecbplus", "she became the first physician under 40", "1995"),
])
def test_ecb_sentence_dates(ecb: dict[str, str], nlp, doc_id: str, needle: str, date: str) -> None:
    if doc_id not in ecb or needle not in ecb[doc_id]:
        pytest.skip(f"{doc_id} is not in this copy of ECB+")
    assert _date(ecb[doc_id], needle, nlp) == date


def test_a_sentence_without_a_date_takes_the_day_its_own_article_names(ecb: dict[str, str]) -> None:
    """A report dated "May 3rd , 2013 2 : 00pm EDT" whose lead tells of Lindsay Lohan "checking in on
    Thursday": its headline, with no date of its own, is dated by the happening its lead names (2
    May), not by the dateline nor by the event day another report of the event gives."""
    doc_id = "1_15ecbplus"
    if doc_id not in ecb:
        pytest.skip(f"{doc_id} is not in this copy of ECB+")
    text = ecb[doc_id]
    mentions = DatesStage().process(Article(id="a", source="s", text=text), {}, Context(settings=Settings()))["dates"]
    spans = sentence_spans(text)
    own = lead_day(spans, mentions)
    assert str(own) == "2013-05-02"
    start, end = spans[0]  # "Lindsay Lohan Check Into Betty Ford After Fleeing Other Rehab Facility"
    event = Event(id="e", story_id="s", title="", article_ids=("a", "b"), happened=PartialDate.parse("2013-05-01"))
    window = EventWindow(event, [dt.date(2013, 5, 3)])
    assert str(sentence_date(text, start, end, mentions, window, None, own)) == "2013-05-02"
    assert str(sentence_date(text, start, end, mentions, window, None, None)) == "2013-05-01"  # the event's
    # a lead naming no date but the dateline: the cluster stage falls back to the dateline's day
    # (a report is most often of the day it is dated), the brief's own day does not
    undated = [m for m in mentions if m.function is not None or m.start >= spans[2][1]]
    lead_end = spans[2][1]
    found = happened_of(undated, lead_end)
    assert found is not None and str(found[1]) == "2013-05-03"
    assert happened_of(undated, lead_end, dateline=False) is None and lead_day(spans, undated) is None


def _annotated(ecb: dict[str, str], doc_id: str) -> tuple[str, list, list[tuple[int, int]]]:
    if doc_id not in ecb:
        pytest.skip(f"{doc_id} is not in this copy of ECB+")
    text = ecb[doc_id]
    mentions = DatesStage().process(Article(id="a", source="s", text=text), {}, Context(settings=Settings()))["dates"]
    return text, mentions, sentence_spans(text)


def test_a_dateline_line_is_not_a_sentence_of_the_lead(ecb: dict[str, str]) -> None:
    """"Woman Killed in Queens Hit - Run , Driver Charged" / a sub-headline / "Saturday , Sep 14 , 2013"
    / "Police say a 59 - year - old woman died after being struck ... Friday night": the dateline
    line does not count as one of the lead's sentences, so the lead still reaches the first sentence
    of the report and its day (13 September), which dates the headline."""
    text, mentions, spans = _annotated(ecb, "21_7ecbplus")
    own = lead_day(spans, mentions)
    assert own is not None and own.start == dt.date(2013, 9, 13)
    window = EventWindow(None, [dt.date(2013, 9, 14)])
    start, end = spans[0]
    assert str(sentence_date(text, start, end, mentions, window, None, own)) == "2013-09-13"
    # counting the dateline line as a lead sentence, the lead would end before "Friday night"
    assert happened_of(mentions, spans[2][1], dateline=False) is None


def test_a_dateless_sentence_takes_the_day_of_the_sentences_before_it(ecb: dict[str, str]) -> None:
    """"On Friday , 36 - year - old Duncan Raite died after slipping ... The New Zealand - born
    Australian was planning to do some ski touring . He ’ d been dropped off by helicopter and was
    walking to a hut when he fell .": the last sentence names no day; the narrative's day (Friday, 13
    September 2013, the report being dated the 15th) is its date, not the lead's ("said Monday") nor
    the event's (the weekend of two climbers' deaths); read two sentences back at most."""
    text, mentions, spans = _annotated(ecb, "23_4ecbplus")
    i = next(i for i, (s, _) in enumerate(spans) if text[s:].startswith("He ’ d been dropped off"))
    start, end = spans[i]
    window = EventWindow(Event(id="e", story_id="s", title="", article_ids=("a",),
                               happened=PartialDate.parse("2013-W37-WE")), [dt.date(2013, 9, 15)])
    before = spans[:i][::-1]
    assert str(sentence_date(text, start, end, mentions, window, None, None, before)) == "2013-09-13"
    assert str(sentence_date(text, start, end, mentions, window, None, None, before[:1])) == "2013-W37-WE"  # one back only
    assert str(sentence_date(text, start, end, mentions, window, None, None)) == "2013-W37-WE"
