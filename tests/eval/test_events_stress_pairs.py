"""The same-happening annotation of the events stress set: its same-topic pairs within 7 days, and its cross-topic pairs."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold"


def test_pairs_cover_the_stress_set() -> None:
    stress = json.loads((GOLD / "events_stress.json").read_text(encoding="utf-8"))["roundups"]
    by_id = {r["roundup"]: r for r in stress}
    expected = set()
    for i, a in enumerate(stress):
        for b in stress[i + 1 :]:
            days = abs((date.fromisoformat(a["date"]) - date.fromisoformat(b["date"])).days)
            if a["topic"] == b["topic"] and days <= 7:
                expected.add(tuple(sorted((a["roundup"], b["roundup"]), key=int)))
    rows = [
        json.loads(line)
        for line in (GOLD / "events_stress_pairs.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    got = [(r["a"], r["b"]) for r in rows]
    assert len(got) == len(set(got)) and set(got) == expected
    for r in rows:
        assert int(r["a"]) < int(r["b"])
        assert r["topic"] == by_id[r["a"]]["topic"] == by_id[r["b"]]["topic"]
        assert r["part"] == by_id[r["a"]]["part"] == by_id[r["b"]]["part"]
        assert r["same"] in (True, False, None)
        assert isinstance(r["why"], str) and r["why"].strip()
    assert rows == sorted(rows, key=lambda r: (r["part"], r["topic"], int(r["a"]), int(r["b"])))


def test_cross_pairs_are_different_topic_stress_pairs() -> None:
    stress = json.loads((GOLD / "events_stress.json").read_text(encoding="utf-8"))["roundups"]
    by_id = {r["roundup"]: r for r in stress}
    rows = [
        json.loads(line)
        for line in (GOLD / "events_stress_pairs_cross.jsonl").read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    assert rows
    got = [(r["a"], r["b"]) for r in rows]
    assert len(got) == len(set(got))
    for r in rows:
        assert r["a"] in by_id and r["b"] in by_id
        assert int(r["a"]) < int(r["b"])
        assert r["topic_a"] == by_id[r["a"]]["topic"] and r["topic_b"] == by_id[r["b"]]["topic"]
        assert r["topic_a"] != r["topic_b"]
        assert r["same"] in (True, False, None)
        assert isinstance(r["why"], str) and r["why"].strip()
    assert rows == sorted(rows, key=lambda r: (int(r["a"]), int(r["b"])))
