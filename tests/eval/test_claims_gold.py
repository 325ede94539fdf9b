"""The hand-annotated AllSides claims gold file is well formed: every span is in its article."""

from __future__ import annotations

import json
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold" / "claims_allsides.jsonl"


def test_gold_spans_are_in_the_articles(shared: Path) -> None:
    rows = {}
    with (shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            rows[row["id"]] = row
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(gold) >= 30 and len({g["id"] for g in gold}) == len(gold)
    for story in gold:
        news = rows[story["id"]]["news"]
        texts = {side: "\n".join([n["newsTitle"], *n["newBody"]]).replace("\xa0", " ") for side, n in news.items()}
        assert story["claims"]
        for claim in story["claims"]:
            assert len({m["side"] for m in claim["mentions"]}) >= 2, claim["claim"]
            for m in claim["mentions"]:
                assert m["text"] in texts[m["side"]], (story["id"], m)
        for conflict in story["conflicts"]:
            for end in ("a", "b"):
                assert conflict[end]["text"] in texts[conflict[end]["side"]], (story["id"], conflict)
