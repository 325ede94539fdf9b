"""Quantities on the seed figures, vague amounts, ranges, and property tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.stages.quantities import find_quantities

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _seed(prefix: str) -> str:
    return next(SEEDS.glob(f"{prefix}_*.txt")).read_text(encoding="utf-8")


def _at(text: str, phrase: str):
    at = text.index(phrase)
    found = [q for q in find_quantities(text, "a") if at <= q.start < at + len(phrase)]
    assert found, f"no quantity in {phrase!r}"
    return found[0]


def test_seed_001_figures() -> None:
    text = _seed("001")
    q = _at(text, "around 300,000 troops including reserves")
    assert (q.value, q.qualifier, q.counts, q.entity, q.scope) == (300000, "around", "troops", "Japan",
                                                                   "including reserves")
    q = _at(text, "more than 10,000")
    assert (q.value, q.qualifier, q.text) == (10000, "more than", "more than 10,000")
    q = _at(text, "1,340 kilometres of border")
    assert (q.value, q.unit, q.counts, q.entity) == (1340, "km", "border", "Finland")
    q = _at(text, "around 30 countries")
    assert (q.value, q.qualifier, q.counts) == (30, "around", "countries")


def test_seed_002_figures() -> None:
    text = _seed("002")
    q = _at(text, "$4.5 billion")
    assert (q.value, q.unit, q.counts, q.entity, q.period) == (4.5e9, "USD", "defense assistance", "Japan", "P10Y")
    q = _at(text, "several hundred troops")
    assert (q.value, q.qualifier, q.counts) == (100, "several hundred", "troops")
    q = _at(text, "about ten countries")
    assert (q.value, q.qualifier, q.counts) == (10, "about", "countries")
    q = _at(text, "15 peacekeeping missions")
    assert (q.value, q.counts, q.entity) == (15, "peacekeeping missions", "Japan")
    assert _at(text, "30 countries").counts == "countries"
    q = _at(text, "the next ten years")
    assert (q.value, q.unit) == (10, "year")


def test_seed_003_and_004_figures() -> None:
    text = _seed("003")
    q = _at(text, "30-nation")
    assert (q.value, q.counts, q.entity) == (30, "nation", "Tokyo")
    q = _at(text, "hundreds of British")
    assert (q.value, q.qualifier, q.counts, q.text) == (100, "hundreds", "troops", "hundreds")
    assert _at(text, "approximately ten").counts == "nations"
    assert (_at(text, "10-year").value, _at(text, "10-year").unit) == (10, "year")
    text = _seed("004")
    assert [(q.value, q.counts) for q in find_quantities(text) if q.text == "30"] == [(30, "countries")] * 2


def test_years_and_urls_are_not_quantities() -> None:
    text = _seed("001") + "\n" + _seed("002")
    values = {q.value for q in find_quantities(text)}
    assert not values & {2022, 2024, 3586960, 3585333}


@pytest.mark.parametrize(
    ("sentence", "value", "value_max", "unit", "qualifier"),
    [
        ("Prices rose 15-20% last year.", 15, 20, "percent", None),
        ("It cost between $12 million and $20 million.", 12e6, 20e6, "USD", "between"),
        ("Dozens of people were hurt.", 12, None, None, "dozens"),
        ("Tens of thousands of people marched.", 1e4, None, None, "tens of thousands"),
        ("A few hundred soldiers stayed.", 100, None, None, "a few hundred"),
        ("The firm spent 9.9 billion yuan.", 9.9e9, None, "CNY", None),
        ("Turnout was up to 60 percent.", 60, None, "percent", "up to"),
        ("Two ships left port.", 2, None, None, None),
    ],
)
def test_forms(sentence: str, value: float, value_max: float | None, unit: str | None, qualifier: str | None) -> None:
    q = find_quantities(sentence)[0]
    assert (q.value, q.value_max, q.unit, q.qualifier) == (value, value_max, unit, qualifier)


def test_vague_amounts_are_ordered() -> None:
    words = ["a couple of", "dozens of", "several hundred", "thousands of", "tens of thousands of",
             "hundreds of thousands of", "millions of"]
    values = [find_quantities(f"There were {w} people.")[0].value for w in words]
    assert values == sorted(values) and len(set(values)) == len(values)


_TOKENS = st.sampled_from(
    ["around", "300,000", "troops", "including", "reserves", "$", "4.5", "billion", "more", "than", "10,000",
     "several", "hundred", "from", "about", "ten", "countries", "1,340", "kilometres", "-", "30-nation", "%",
     "15", "to", "20", "per", "cent", "in", "2024", "June", "Japan", "has", ",", ".", "dozens", "of", "one"]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=40))
def test_grammar_tokens_never_crash_and_spans_index_the_text(tokens: list[str]) -> None:
    text = " ".join(tokens)
    for q in find_quantities(text):
        assert 0 <= q.start < q.end <= len(text) and text[q.start : q.end] == q.text
        assert q.text == q.text.strip()
        assert q.value is not None and (q.value_max is None or q.value_max >= q.value)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=300))
def test_random_text_never_crashes(text: str) -> None:
    for q in find_quantities(text):
        assert text[q.start : q.end] == q.text
