"""The date of an event none of whose articles has a publication date: the day its reports' date
mentions name most, among the days two independent reports name (or the event's one report does);
a day only one report of many names is background ("hijacked on September 15, 2008"), not the
event's day. The ECB+ case runs the dates stage on the real documents where ``../shared`` holds them."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from types import SimpleNamespace

import pytest

from storyfold.records import Article, PartialDate
from storyfold.stages.cluster.cluster import _date_range
from storyfold.stages.cluster.identity import mentioned_days
from storyfold.stages.dates.dates import find_dates


def _docs(*ids: str, published: dt.date | None = None) -> list[SimpleNamespace]:
    return [SimpleNamespace(id=i, published=published) for i in ids]


def test_a_day_one_report_of_many_names_dates_no_event() -> None:
    docs = _docs("a", "b", "c")
    mentioned = {"a": Counter({"2008-09-15": 3})}
    assert _date_range([0, 1, 2], docs, mentioned, {}) == (None, None)


def test_the_day_two_reports_name_is_the_event_day_not_a_more_mentioned_background_day() -> None:
    docs = _docs("a", "b", "c")
    mentioned = {"a": Counter({"2008-12-13": 1, "2008-09-15": 4}), "b": Counter({"2008-12-13": 1})}
    day = PartialDate.parse("2008-12-13")
    assert _date_range([0, 1, 2], docs, mentioned, {}) == (day, day)


def test_a_copy_does_not_corroborate_its_source() -> None:
    docs = _docs("a", "a-copy", "b")
    mentioned = {"a": Counter({"2008-09-15": 1}), "a-copy": Counter({"2008-09-15": 1})}
    assert _date_range([0, 1, 2], docs, mentioned, {1: 0}) == (None, None)
    day = PartialDate.parse("2008-09-15")
    assert _date_range([0, 1, 2], docs, mentioned, {}) == (day, day)  # two independent reports


def test_an_event_of_one_report_and_its_copies_takes_the_day_it_names_most() -> None:
    mentioned = {"a": Counter({"2008-09-15": 1, "2008-12-13": 2})}
    day = PartialDate.parse("2008-12-13")
    assert _date_range([0], _docs("a"), mentioned, {}) == (day, day)
    assert _date_range([0, 1], _docs("a", "a-copy"), mentioned, {1: 0}) == (day, day)


def test_publication_dates_come_first() -> None:
    docs = _docs("a", "b", published=dt.date(2014, 3, 1))
    mentioned = {"a": Counter({"2008-09-15": 1}), "b": Counter({"2008-09-15": 1})}
    day = PartialDate.from_date(dt.date(2014, 3, 1))
    assert _date_range([0, 1], docs, mentioned, {}) == (day, day)


def test_ecb_pirates_reports_background_hijacking_day_is_not_the_capture_day(shared: Path) -> None:
    """ECB+ 12_12ecb tells of the Indian navy's capture of pirates (December 2008; no dateline) and
    names, once, the day another ship was hijacked ("September 15, 2008"); 12_7ecb names no day."""
    ecb = shared / "data" / "ecbplus" / "texts.jsonl"
    if not ecb.is_file():
        pytest.skip("needs ../shared/data/ecbplus")
    rows = {r["doc_id"]: r for r in map(json.loads, ecb.read_text(encoding="utf-8").splitlines())
            if r["doc_id"] in ("12_12ecb", "12_7ecb")}
    arts = [Article(id=d, source=d, text=" ".join(rows[d]["sentences"])) for d in ("12_12ecb", "12_7ecb")]
    mentioned = mentioned_days({a.id: tuple(find_dates(a.text, None, a.id)) for a in arts})
    assert mentioned["12_12ecb"]["2008-09-15"] >= 1
    assert _date_range([0, 1], _docs("12_12ecb", "12_7ecb"), mentioned, {}) == (None, None)
