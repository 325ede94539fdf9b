"""The view models over the export of the seeds, folded with every registered stage."""

from __future__ import annotations

import copy
import re
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


# ------------------------------------------------------------------------------ the story as an analyst reads it
HEX_ID = re.compile(r"\b[0-9a-f]{16}\b")


def _readable(label: str) -> bool:
    """A source label a reader knows: no file name, no article id, no bare hash."""
    return bool(label.strip()) and ".txt" not in label and not HEX_ID.search(label) and not label.startswith("#")


def _story_view(doc: dict, **kw: object) -> views.StoryView:
    [row] = views.stories_list(doc)
    return views.story_view(doc, row.id, **kw)


def test_every_source_label_is_readable(doc: dict) -> None:
    view = _story_view(doc, claims="all")
    ix = views.DocIndex(doc)
    assert all(_readable(ix.label(a["id"])) for a in doc["articles"])
    cited = [c for t in view.brief + view.timeline for c in t.citations]
    cited += [c for r in view.commitments for c in r.citations]
    cited += [c for conflict in view.conflicts for s in conflict.sides for c in s.citations]
    assert cited and all(_readable(c.label) for c in cited)
    assert all(_readable(col["label"]) for col in view.matrix_columns)
    assert len({col["label"] for col in view.matrix_columns}) == len(view.matrix_columns)
    assert all(_readable(s.label) for c in view.conflicts for s in c.sides)
    assert all(not HEX_ID.search(c.summary) for c in view.conflicts)  # ids in summaries named by their labels
    # with an outlet: the outlet; without one: the web host; without either: the title's first words
    d = copy.deepcopy(doc)
    d["articles"][0]["url"] = "https://www.example.org/news/japan"
    ix = views.DocIndex(d)
    assert ix.label(d["articles"][0]["id"]) == "example.org"
    outlet = next(a for a in d["articles"] if a.get("outlet"))
    assert ix.label(outlet["id"]) == outlet["outlet"]
    titled = next(a for a in d["articles"] if a.get("title") and not a.get("outlet") and not a.get("url"))
    assert titled["title"].startswith(ix.label(titled["id"]).rstrip("…"))


def test_conflict_sides_are_named_by_source_and_speaker_entity(doc: dict) -> None:
    view = _story_view(doc)
    entity_names = {e["name"] for e in doc["entities"]}
    raw = {c.get("attribution") for c in doc["claims"] if c.get("attribution")} - entity_names
    for conflict in view.conflicts:
        for side in conflict.sides:
            assert side.sources and side.label.startswith(side.sources)
            assert side.label not in raw  # never the attribution's words ("He", "officials") alone
            if side.speaker_entity_id:
                assert side.speaker == views.DocIndex(doc).entities[side.speaker_entity_id]["name"]
    status = next(c for c in view.conflicts if c.kind == "contradiction")
    assert {s.speaker for s in status.sides} == {"Shigeru Ishiba"}  # the security guarantee: Ishiba, in three outlets
    assert len({s.sources for s in status.sides}) == len(status.sides) == 3
    assert any("will provide" in s.text for s in status.sides) and any("considering" in s.text for s in status.sides)


def test_a_rewrite_note_is_no_contradiction(doc: dict) -> None:
    view = _story_view(doc)
    [note] = view.rewrite_notes
    rewrite = next(r for r in doc["relations"] if r["kind"] == "rewrite")
    assert (note.source_id, note.rewrite_id) == (rewrite["a"], rewrite["b"])
    assert note.id not in {c.id for c in view.conflicts}
    assert not any("rewrites" in c.summary for c in view.conflicts)
    text = next(a["text"] for a in doc["articles"] if a["id"] == note.rewrite_id)
    assert note.added == [text[u["start"] : u["end"]] for u in rewrite["unsupported"]]  # whole sentences
    assert all(a.rstrip()[-1] in ".!?”\"" for a in note.added)


def test_quoted_openings_in_conflict_summaries_end_at_a_word(doc: dict) -> None:
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for conflict in doc["conflicts"]:
        for opening in re.findall(r"\u201c([^\u201d]+)\u201d", conflict["summary"]):
            head = opening.removesuffix("…")
            source = next((t for aid in conflict["article_ids"] if head in (t := texts[aid])), None)
            if source is None:  # a figure as the summary writes it ("more than 10,000")
                continue
            after = source[source.index(head) + len(head) :]
            assert not after[:1].isalnum(), opening  # never "could invo"


def test_entity_claims_are_matched_by_entity_not_alias_text(doc: dict) -> None:
    ix = views.DocIndex(doc)
    ishiba = next(e for e in doc["entities"] if e["name"] == "Shigeru Ishiba")
    starmer = next(e for e in doc["entities"] if e["name"] == "Keir Starmer")
    assert {"the prime minister"} <= {a.casefold() for a in ishiba["aliases"]} & {a.casefold() for a in starmer["aliases"]}
    of_ishiba = {c.text for c in views.entity_view(ix, ishiba["id"]).claims}
    of_starmer = {c.text for c in views.entity_view(ix, starmer["id"]).claims}
    assert any("Ishiba" in t for t in of_ishiba) and any("Starmer" in t for t in of_starmer)
    assert not of_ishiba & of_starmer
    assert not [t for t in of_ishiba if "Starmer" in t or "Prime Minister and the UK" in t]


def test_claims_matrix_shows_multi_source_claims_by_default(doc: dict) -> None:
    multi, every = _story_view(doc), _story_view(doc, claims="all")
    shown = {c.id for c in multi.conflicts}
    contested = {cid for c in doc["conflicts"] if c["id"] in shown for cid in c["claim_ids"]}
    assert multi.matrix_claims == "multi" and every.matrix_claims == "all"
    assert multi.matrix_total == every.matrix_total == len(every.matrix) > len(multi.matrix) > 0
    assert all(r.independent_sources >= 2 or r.claim_id in contested for r in multi.matrix)
    assert {r.claim_id for r in every.matrix if r.independent_sources >= 2} <= {r.claim_id for r in multi.matrix}
    with pytest.raises(ValueError, match="claims must be one of"):
        _story_view(doc, claims="some")


def test_commitment_matrix_holds_every_commitment_by_actor_and_kind(doc: dict) -> None:
    view = _story_view(doc)
    cm = view.commitment_matrix
    by_id = {c["id"]: c for c in doc["commitments"]}
    placed = [cid for line in cm.cells for cell in line for cid in cell.commitment_ids]
    assert sorted(placed) == sorted(by_id)
    for actor, line in zip(cm.actors, cm.cells, strict=True):
        for col, cell in zip(cm.columns, line, strict=True):
            assert all(by_id[c]["actor"] == actor and by_id[c]["kind"] == col["kind"] for c in cell.commitment_ids)
            assert cell.status == (by_id[cell.commitment_ids[-1]]["status"] if cell.commitment_ids else "")
            days = [PartialDate.parse(h.date).start for h in cell.history if h.date]
            assert days == sorted(days)
            assert len(cell.history) == sum(len(by_id[c]["article_ids"]) for c in cell.commitment_ids)
    japan = cm.cells[cm.actors.index("Japan")]
    assert japan[[c["kind"] for c in cm.columns].index("security guarantee")].status == "considering"
    assert sum(c["span"] for c in cm.categories) == len(cm.columns)


def test_event_strip_places_events_in_date_order(doc: dict) -> None:
    view = _story_view(doc)
    strip = view.strip
    assert [e.id for e in strip.events] == [e.id for e in sorted(view.events, key=lambda e: e.date)]
    xs = [e.x for e in strip.events]
    assert xs == sorted(xs) and all(0 <= e.x and e.x + e.width <= strip.width for e in strip.events)
    assert [e.dates for e in strip.events] == ["17 March 2025", "19–20 August 2025"]
    dated = [a for a in view.articles if a.published]
    assert len(strip.articles) == len(dated) and all(0 <= m.y < strip.events[0].y for m in strip.articles)
    assert [t.label for t in strip.ticks] == ["Apr 2025", "May", "Jun", "Jul", "Aug"]


def test_story_title_is_a_supported_headline(doc: dict) -> None:
    [row] = views.stories_list(doc)
    headlines = {a["title"] for a in doc["articles"] if a.get("title")}
    assert row.title in headlines and "Ukraines" not in row.title


def test_a_speech_noun_standing_for_itself_is_no_listed_quote(doc: dict) -> None:
    bare = [q for q in doc["quotes"] if views.names_only_its_cue(q)]
    assert bare  # the seeds' export holds one ("security guarantees ...", a noun read as a speech noun)
    listed = {q.id for sp in _story_view(doc).quotes_by_speaker for q in sp.quotes}
    assert listed and not listed & {q["id"] for q in bare}
    assert len(listed) == len(doc["quotes"]) - len(bare)
