"""Quotes merged across the seed articles, and the entity and quote lists of a real fold."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyfold import api
from storyfold.present.export import validate_export
from storyfold.stages.entities.entity_merge import merge_entities
from storyfold.stages.quotes.quote_merge import merge_quotes
from storyfold.stages.quotes.quotes import find_quotes
from storyfold.text.embed import load_embedder

pytestmark = pytest.mark.slow  # loads the sentence embedder (~8 s)

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@pytest.fixture(scope="module")
def merged(seed_articles, seed_mentions):
    ids = {k: a.id for k, a in seed_articles.items()}
    entities = merge_entities({a.id: a.text for a in seed_articles.values()},
                              {ids[k]: ms for k, ms in seed_mentions.items()})
    variants = {ids[k]: find_quotes(seed_articles[k], seed_mentions[k]) for k in seed_articles}
    return entities, merge_quotes(variants, entities, load_embedder().encode), ids


def _holding(quotes, article_id, opening):
    hits = [q for q in quotes for v in q.variants if v.article_id == article_id and v.text.startswith(opening)]
    assert len(hits) == 1, opening
    return hits[0]


@pytest.mark.parametrize(
    ("a", "a_opening", "b", "b_opening", "speaker"),
    [
        # Ishiba's statement, translated differently by two outlets.
        ("002", "We’ll watch the ongoing discussions", "003", "We will closely monitor", "Shigeru Ishiba"),
        # Ishiba's "achieving a fair peace ... will take time", quoted in 002, reported in 004.
        ("002", "achieving a fair peace", "004", "achieving peace will take time", "Shigeru Ishiba"),
        # Ricketts' warning, in the rewrite (000) and the original (001).
        ("000", "deploying a European force", "001", "a European force in Ukraine is", "Peter Ricketts"),
    ],
)
def test_renderings_of_one_statement_are_one_quote(merged, a, a_opening, b, b_opening, speaker):
    entities, quotes, ids = merged
    q = _holding(quotes, ids[a], a_opening)
    assert q is _holding(quotes, ids[b], b_opening)
    assert q.speaker == speaker
    assert q.speaker_entity_id == next(e.id for e in entities if e.name == speaker)
    assert {ids[a], ids[b]} <= set(q.article_ids)


@pytest.mark.parametrize(
    ("key", "opening", "speaker"),
    [
        ("001", "There are different capabilities", "Keir Starmer"),  # "the Prime Minister said"
        ("001", "We are willing to do concrete measures", "Alexander Stubb"),
        ("001", "To be credible", "Peter Ricketts"),
        ("001", "I think it would be an extraordinary escalation", "Wes Streeting"),
        ("002", "At this point, we cannot say", "Shigeru Ishiba"),
        ("002", "Over the last couple of months", "Mark Rutte"),
        ("003", "But we’ll support them", "Donald Trump"),
    ],
)
def test_speaker_links_to_the_merged_entity(merged, key, opening, speaker):
    entities, quotes, ids = merged
    q = _holding(quotes, ids[key], opening)
    assert q.speaker == speaker
    assert q.speaker_entity_id == next(e.id for e in entities if e.name == speaker)


def test_different_statements_stay_apart(merged):
    _, quotes, ids = merged
    for q in quotes:
        assert len(q.article_ids) == len(q.variants)  # one variant per article
        assert len({v.speaker_start is None for v in q.variants}) == 1
    stubb = _holding(quotes, ids["001"], "We are willing")
    ricketts = _holding(quotes, ids["001"], "To be credible")
    assert stubb is not ricketts


def test_fold_exports_valid_entities_and_quotes(tmp_path):
    summary = api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=tmp_path / "s.db", out=tmp_path / "out")
    assert not summary.rejected
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    texts = {a["id"]: a["text"] for a in data["articles"]}
    entity_ids = {e["id"] for e in data["entities"]}
    names = {e["name"] for e in data["entities"]}
    assert {"Shigeru Ishiba", "Keir Starmer", "NATO", "United States", "United Kingdom", "Kyiv"} <= names
    for e in data["entities"]:
        for ev in e["mentions"]:
            assert texts[ev["article_id"]][ev["start"] : ev["end"]] == ev["text"]
    assert data["quotes"]
    for q in data["quotes"]:
        assert q["speaker_entity_id"] is None or q["speaker_entity_id"] in entity_ids
        for v in q["variants"]:
            assert v["speaker_entity_id"] is None or v["speaker_entity_id"] in entity_ids
            assert v["article_id"] in q["article_ids"]
            assert 0 <= v["start"] < v["end"] <= len(texts[v["article_id"]])
    # a claim in reported speech names its speaker's entity: "Bloomberg News reported on Tuesday that ..."
    by_id = {e["id"]: e["name"] for e in data["entities"]}
    spoken = {c["text"][:30]: by_id[c["attribution_entity_id"]] for c in data["claims"] if c["attribution_entity_id"]}
    assert spoken.get("Bloomberg News reported on Tue") == "Bloomberg"
    assert all(c["attribution_entity_id"] is None or c["attribution_entity_id"] in entity_ids for c in data["claims"])
    # Ishiba's "achieving a fair peace ...", quoted in one outlet and reported in another, is one quote
    ishiba = [q for q in data["quotes"] if any(v["text"].startswith("achieving") for v in q["variants"])]
    assert len(ishiba) == 1 and {v["kind"] for v in ishiba[0]["variants"]} == {"direct", "indirect"}
    assert "entities" not in data["summary"]["unfilled"] and "quotes" not in data["summary"]["unfilled"]

    # A rerun reads the stored annotations back and gives the same ids.
    again = api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=tmp_path / "s.db", out=tmp_path / "again")
    assert again.already_stored == summary.stored and again.annotated == 0
    data2 = json.loads((tmp_path / "again" / "storyfold.json").read_text(encoding="utf-8"))
    assert [e["id"] for e in data2["entities"]] == [e["id"] for e in data["entities"]]
    assert [q["id"] for q in data2["quotes"]] == [q["id"] for q in data["quotes"]]
