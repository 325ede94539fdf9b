"""Content ids: the one recipe for new ids, and the kept recipes of the ids storyfold already
exports, pinned against the seeds' export (``tests/data/fixtures/seeds-export.json``)."""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from storyfold.ids import content_id
from storyfold.stages.clean import article_id
from storyfold.stages.entities.names import name_key

EXPORT = json.loads((Path(__file__).resolve().parent / "data" / "fixtures" / "seeds-export.json").read_text(encoding="utf-8"))


def _pinned(kind: str) -> list[dict[str, Any]]:
    records = EXPORT[kind]
    assert records, f"the seeds export has no {kind}"
    return records


def test_the_default_recipe_is_sha256_of_the_parts_joined_by_the_unit_separator() -> None:
    assert content_id("a", "b") == hashlib.sha256(b"a\x1fb").hexdigest()[:16]
    assert content_id("ab", "c") != content_id("a", "bc")
    assert content_id("x", 3, prefix="kind-") == "kind-" + hashlib.sha256(b"x\x1f3").hexdigest()[:16]
    assert content_id() == hashlib.sha256(b"").hexdigest()[:16]


@pytest.mark.parametrize(("options", "message"), [
    ({"algorithm": "md5"}, "unknown algorithm 'md5'"),
    ({"length": 0}, "length 0 is out of range"),
    ({"algorithm": "sha1", "length": 41}, "sha1 gives 1 to 40"),
])
def test_a_bad_recipe_is_refused_with_its_reason(options: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=message):
        content_id("x", **options)


def test_article_ids_keep_their_recipe() -> None:
    for a in _pinned("articles"):
        norm = " ".join(unicodedata.normalize("NFKC", a["text"]).casefold().split())
        assert content_id(norm, a["url"] or "", sep="\n", algorithm="sha256", length=16) == a["id"]
        assert article_id(a["text"], a["url"]) == a["id"]


def test_entity_ids_keep_their_recipe() -> None:
    for e in _pinned("entities"):
        assert content_id(e["type"], name_key(e["name"]), prefix="ent-", sep=":", algorithm="sha1", length=12) == e["id"]


def test_quote_ids_keep_their_recipe() -> None:
    for q in _pinned("quotes"):
        words = " ".join(re.findall(r"\w+", q["text"].lower()))
        key = q["speaker_entity_id"] or q["speaker"] or ""
        assert content_id(key, words, prefix="quote-", sep="|", algorithm="sha1", length=12) == q["id"]


@pytest.mark.parametrize(("kind", "name"), [("stories", "story"), ("events", "event")])
def test_story_and_event_ids_keep_their_recipe(kind: str, name: str) -> None:
    for c in _pinned(kind):  # the founder (earliest, then least id) is listed first
        assert content_id(name, c["article_ids"][0], prefix=f"{name[:2]}-", sep=":", algorithm="sha256", length=12) == c["id"]


def test_lineage_ids_keep_their_recipe() -> None:
    members: dict[str, list[str]] = defaultdict(list)
    for a in _pinned("articles"):
        members[a["lineage_id"]].append(a["id"])
    for lid, ids in members.items():
        assert content_id(*sorted(ids), prefix="lin_", sep="\n", algorithm="sha256", length=12) == lid


def _reconcile_id(*parts: object) -> str:
    return content_id(*parts, sep="\x1f", algorithm="sha1", length=12)


def test_claim_and_commitment_ids_keep_their_recipe() -> None:
    for c in _pinned("claims"):
        assert "claim-" + _reconcile_id(*(f"{e['article_id']}:{e['start']}:{e['end']}" for e in c["evidence"])) == c["id"]
    commitments = _pinned("commitments")
    by_rule = 0
    for c in commitments:
        # a sub-kind rule's commitment is one per (actor, kind); one read from the parse is one per
        # (actor, kind, category, item key), whose key is not exported
        by_rule += c["id"] == "commitment-" + _reconcile_id(c["actor"], c["kind"])
        assert re.fullmatch(r"commitment-[0-9a-f]{12}", c["id"])
    assert by_rule and len({c["id"] for c in commitments}) == len(commitments)
