"""Per-article clustering features: salient terms, the stored vector, the headline."""

from __future__ import annotations

from pathlib import Path

import numpy as np

from storyfold.records import Article
from storyfold.stages.cluster.cluster import headline
from storyfold.stages.cluster.doc_vector import NAME_WEIGHT, decode_vector, encode_vector, salient_terms

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def test_salient_terms_weigh_names_and_runs_of_names() -> None:
    text = (SEEDS / "002_666835db963c7a74.txt").read_text(encoding="utf-8")
    terms = dict(salient_terms(text))
    assert terms["ishiba"] >= 3 * NAME_WEIGHT
    assert "white_house" in terms and "president_donald_trump" in terms
    assert "ukraine’s" not in terms and "the" not in terms and "said" not in terms
    weights = list(terms.values())
    assert weights == sorted(weights, reverse=True)


def test_a_sentence_opening_word_is_not_a_name() -> None:
    terms = dict(salient_terms("Officials met. Tokyo agreed on Monday in Tokyo."))
    assert terms["officials"] == 1  # opens a sentence
    assert terms["tokyo"] == 1 + NAME_WEIGHT  # once opening a sentence, once inside one


def test_vectors_round_trip_through_float16() -> None:
    v = np.random.default_rng(1).normal(size=384).astype(np.float32)
    v /= np.linalg.norm(v)
    back = decode_vector(encode_vector(v))
    assert back.shape == (384,) and float(back @ v) > 0.9999


def test_headline_is_the_title_or_a_short_first_sentence() -> None:
    titled = Article(id="a", source="s", text="Body.", title="Japan joins the coalition")
    assert headline(titled) == "Japan joins the coalition"
    text = (SEEDS / "000_07fd7171138e55fb.txt").read_text(encoding="utf-8")
    short = headline(Article(id="b", source="s", text=text))
    assert short.startswith("Japan is set to play a crucial role") and short.endswith("…")
    assert len(short.split()) == 15
