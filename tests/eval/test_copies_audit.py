"""The ECB+ audit of eval/copies.py: the judged pairs are real same-event pairs, and the evidence
classes read real wire versions and independent reports as the audit did."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JUDGEMENTS = {"wire version", "retelling", "independent", "unclear"}


def _copies():  # noqa: ANN202
    sys.path.insert(0, str(REPO / "eval"))
    import copies  # eval/copies.py

    return copies


def _ecb(shared: Path) -> dict[str, dict]:
    with (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8") as fh:
        return {d["doc_id"]: d for d in map(json.loads, fh)}


def test_judged_pairs_are_same_event_ecb_pairs(shared: Path) -> None:
    judged = _copies().load_judged()
    docs = _ecb(shared)
    assert len(judged) == 63  # every same-event pair the dedup@2 or dedup@3 rule linked, read side by side
    for pair, row in judged.items():
        a, b = row["pair"]
        assert docs[a]["subtopic"] == docs[b]["subtopic"] and a != b, pair
        assert row["judgement"] in JUDGEMENTS and row["note"], pair


@pytest.mark.slow
def test_audit_rows_separate_a_wire_version_from_an_independent_report(shared: Path) -> None:
    from storyfold.text.embed import load_embedder

    copies = _copies()
    docs = _ecb(shared)
    texts = {k: "\n".join(docs[k]["sentences"]) for k in ("7_3ecbplus", "7_1ecbplus", "2_1ecbplus", "2_4ecbplus")}
    embedder = functools.cache(load_embedder)
    wire = copies.audit_row(texts, ("7_3ecbplus", "7_1ecbplus"), None, embedder, None)
    assert wire["evidence"] == "one wire text" and wire["same_sentences_own"] >= 3
    independent = copies.audit_row(texts, ("2_1ecbplus", "2_4ecbplus"), None, embedder, None)
    assert independent["evidence"] == "paraphrase only" and independent["same_sentences_own"] <= 1
    assert independent["quote_sentences_b"] >= 4 and independent["aligned_own"] < independent["aligned"]
