"""The view models over the export of the seeds, folded with every registered stage."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest

from storyfold import api
from storyfold.present import views
from storyfold.present.export import build_export
from storyfold.records import PartialDate


@pytest.fixture(scope="module")
def doc(tmp_path_factory: pytest.TempPathFactory, seeds_dir: Path, seed_manifest: Path) -> dict:
    db = tmp_path_factory.mktemp("views") / "seeds.db"
    api.fold([seeds_dir], manifest=seed_manifest, db=db)
    return api.export(db)


def test_empty_export_gives_empty_views() -> None:
    empty = build_export([], {}, {})
    assert views.stories_list(empty) == []
    assert views.story_view(empty, views.UNCLUSTERED_ID) is None
    assert views.article_view(empty, "ab") is None and views.entity_view(empty, "ab") is None


def test_seeds_are_one_story_with_four_independent_sources(doc: dict) -> None:
    [row] = views.stories_list(doc)
    assert row.id != views.UNCLUSTERED_ID and row.articles == 5
    assert row.independent_sources == 4  # 000 is a rewrite of 001: one lineage
    assert (row.first_date, row.last_update) == ("2025-03-17", "2025-08-20")


def test_unclustered_story_holds_every_article(doc: dict) -> None:
    d = copy.deepcopy(doc)
    d["stories"], d["events"] = [], []
    for article in d["articles"]:
        article["story_id"] = article["event_id"] = None
    [row] = views.stories_list(d)
    assert row.id == views.UNCLUSTERED_ID and row.articles == 5
    assert row.independent_sources == 4
    assert (row.first_date, row.last_update) == ("2025-03-17", "2025-08-20")
    view = views.story_view(d, row.id)
    assert len(view.commitments) == len(d["commitments"]) and view.conflicts  # all of them, in one story
    placed = [PartialDate.parse(t.date).calendar_date() for t in view.timeline]  # ISO weeks at their Monday
    assert placed == sorted(placed)
    for entry in view.timeline:
        for c in entry.citations:
            text = next(a["text"] for a in d["articles"] if a["id"] == c.article_id)
            assert text[c.start : c.end] == c.passage


def test_copies_and_same_outlet_count_once(doc: dict) -> None:
    d = copy.deepcopy(doc)
    a, b, c = (x["id"] for x in d["articles"][:3])
    d["relations"] = [{"a": a, "b": b, "kind": "near_duplicate", "similarity": 0.9, "aligned": [],
                       "unsupported": [], "dropped_qualifiers": []}]
    d["articles"][2]["outlet"] = d["articles"][1]["outlet"] = "Example Times"
    ix = views.DocIndex(d)
    assert ix.independent([a, b, c]) == 1  # a-b copies, b-c same outlet
    assert ix.independent([x["id"] for x in d["articles"]]) == 3


def test_citation_falls_back_to_the_first_sentence(doc: dict) -> None:
    ix = views.DocIndex(doc)
    art = doc["articles"][0]
    [cit] = ix.citations([art["id"]])
    assert cit.passage == art["text"][cit.start : cit.end]
    assert cit.passage.startswith("Japan is set to play") and cit.passage.endswith("Moscow.")


def test_article_segments_cover_the_text(doc: dict) -> None:
    for art in doc["articles"]:
        view = views.article_view(doc, art["id"])
        assert "".join(s.text for s in view.segments) == art["text"]
        dates = [d for d in doc["dates"] if d["article_id"] == art["id"]]
        assert view.mark_counts.get("date", 0) == len(dates)
        dated, pos = set(), 0  # character positions inside a segment marked as a date
        for seg in view.segments:
            if any(m.kind == "date" for m in seg.marks):
                dated.update(range(pos, pos + len(seg.text)))
            pos += len(seg.text)
        assert all(set(range(d["start"], d["end"])) <= dated for d in dates)


def test_overlapping_spans_split_into_segments() -> None:
    m1, m2 = views.Mark("date", "d"), views.Mark("claim", "c")
    segs = views.segments("abcdefgh", [(1, 5, m1), (3, 7, m2), (6, 99, m1)])
    assert [(s.text, [m.kind for m in s.marks]) for s in segs] == [
        ("a", []), ("bc", ["date"]), ("de", ["date", "claim"]), ("fg", ["claim"]), ("h", [])]
