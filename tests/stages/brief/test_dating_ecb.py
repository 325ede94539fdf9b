"""Brief sentence dates on real ECB+ dev stories (skipped without the shared data): the day the
sentence's own clause names, a background fact at its main clause's year, a year inside a
subordinate clause never."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyfold.config import load_settings
from storyfold.stages.brief.dating import EventWindow, sentence_date
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.estimate import estimate_published
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
