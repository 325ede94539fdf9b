"""eval/date_errors.py on TempEval-3 platinum (in the shared data folder; skipped without it): its
classes of error add up to the scorer's figures, and known pairs fall in the class they should."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "eval"))

import date_errors  # noqa: E402  (eval/date_errors.py)
import dates  # noqa: E402  (eval/dates.py)


@pytest.fixture
def platinum(shared: Path) -> list[dates.Doc]:
    files = sorted((shared / "data" / "tempeval3-platinum" / "te3-platinum").glob("*.tml"))
    if not files:
        pytest.skip("no TempEval-3 platinum in the shared data folder")
    return [dates.read_tml(p) for p in files]


def test_right_values_are_the_scorers_and_every_miss_and_spurious_one_is_counted(platinum: list[dates.Doc]) -> None:
    errors, n_gold, n_sys, right = date_errors.classify(platinum)
    pairs = [(d.timex, dates.storyfold_spans(d)) for d in platinum]
    figures = dates.score(pairs)
    assert (n_gold, n_sys) == (figures["gold"], figures["system"])
    assert 2 * right / (n_gold + n_sys) == pytest.approx(figures["value_f1"])
    matched_gold = sum(1 for gold, system in pairs for g in gold if any(dates._overlap(g, s) for s in system))
    assert len(errors["missed"]) >= n_gold - matched_gold  # a gold span overlapping no system one is missed
    unmatched = sum(1 for gold, system in pairs for s in system if not any(dates._overlap(g, s) for g in gold))
    assert len(errors["spurious"]) == unmatched


def test_pairs_fall_in_their_class(platinum: list[dates.Doc]) -> None:
    doc = next(d for d in platinum if d.name == "nyt_20130321_china_pollution")
    gold = next(g for g in doc.timex if g.text == "the next decade")  # gold P10Y
    system = next(s for s in dates.storyfold_spans(doc) if dates._overlap(gold, s))
    assert date_errors.error_class(gold, system) == ("duration vs point" if system.value != gold.value else None)
    assert date_errors.error_class(gold, None) == "missed"
    assert date_errors.error_class(None, system) == "spurious"
    day = dates.Span(0, 6, "2013-03-21")
    assert date_errors.error_class(day, dates.Span(0, 6, "2013-03-28")) == "resolution"  # a week off
    assert date_errors.error_class(dates.Span(0, 4, "1994-XX-XX"), dates.Span(0, 4, "1994")) == "underspecified gold"
    assert date_errors.error_class(dates.Span(0, 9, "PAST_REF"), dates.Span(0, 9, "PXY")) == "vague reference"
    assert date_errors.error_class(dates.Span(0, 5, "PAST_REF"), dates.Span(0, 5, "2013")) == "vague reference"
    assert date_errors.error_class(dates.Span(0, 9, "P2Y"), dates.Span(0, 9, "2011")) == "duration vs point"
    assert date_errors.error_class(day, dates.Span(0, 6, "2013-03-21TNI")) == "other form"
    assert date_errors.error_class(day, day) is None
