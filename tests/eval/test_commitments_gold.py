"""The other-kinds commitments gold file is well formed, and every sentence is in its source."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyfold.records import CommitmentCategory, CommitmentStatus

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold" / "commitments_other.jsonl"


def _rows() -> list[dict]:
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_rows_are_annotated_with_the_records_vocabularies() -> None:
    rows = _rows()
    assert len(rows) >= 20 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"] in ("neus-allsides", "ecbplus"), r["id"]
        assert r["actor"] in r["actor_aliases"] and r["text"] and r["item"], r["id"]
        CommitmentCategory(r["category"])
        CommitmentStatus(r["status"])
        if r["amount"] is not None:
            assert r["amount"]["value"] > 0 and len(r["amount"]["currency"]) == 3, r["id"]


def test_every_sentence_is_in_its_source(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        from commitments_other import _sources  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    sources = _sources(shared / "data")
    for r in _rows():
        assert " ".join(r["text"].split()) in " ".join(sources[(r["source"], r["ref"])].split()), r["id"]
