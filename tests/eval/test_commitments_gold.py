"""The other-kinds commitments gold files (dev and untouched) are well formed, every sentence is in
its source, and the dev part shares no story or ECB+ topic with the untouched part."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyfold.records import CommitmentCategory, CommitmentStatus

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold" / "commitments_other.jsonl"
DEV = ROOT / "eval" / "gold" / "commitments_other_dev.jsonl"


def _rows(path: Path = GOLD) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _story(ref: str) -> str:
    """The AllSides story id or the ECB+ topic of a reference ("5961/news/left", "10_4ecb/0")."""
    return ref.split("/")[0].split("_")[0]


@pytest.mark.parametrize("path", [GOLD, DEV], ids=["untouched", "dev"])
def test_rows_are_annotated_with_the_records_vocabularies(path: Path) -> None:
    rows = _rows(path)
    assert len(rows) >= 15 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"] in ("neus-allsides", "ecbplus"), r["id"]
        assert r["actor"] in r["actor_aliases"] and r["text"] and r["item"], r["id"]
        CommitmentCategory(r["category"])
        CommitmentStatus(r["status"])
        if r["amount"] is not None:
            assert r["amount"]["value"] > 0 and len(r["amount"]["currency"]) == 3, r["id"]


def test_the_dev_part_shares_no_story_with_the_untouched_part() -> None:
    assert not {(r["source"], _story(r["ref"])) for r in _rows(DEV)} & {
        (r["source"], _story(r["ref"])) for r in _rows(GOLD)}
    assert not {r["id"] for r in _rows(DEV)} & {r["id"] for r in _rows(GOLD)}


def test_every_sentence_is_in_its_source(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        from commitments_other import _sources  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    sources = _sources(shared / "data")
    for r in _rows(GOLD) + _rows(DEV):
        assert " ".join(r["text"].split()) in " ".join(sources[(r["source"], r["ref"])].split()), r["id"]
