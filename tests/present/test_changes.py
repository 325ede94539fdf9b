"""Change sets on the seeds folded in publication order, one article per run.

The expectations were written from reading each seed article: what a reader who had read the
earlier ones would call new in it. Run numbers come from the ``seeds_by_run`` fixture.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from storyfold import api
from storyfold.errors import ConfigError
from storyfold.present.feeds import render_changes

Fixture = tuple[Path, dict[str, int], dict[int, dict]]


def _story(fx: Fixture, number: str) -> dict[str, Any]:
    """The one story's change set of the run that folded seed ``number``."""
    db, runs, _ = fx
    doc = api.changes(db, since=runs[number] - 1, until=runs[number])
    assert len(doc["stories"]) == 1, [s["title"] for s in doc["stories"]]
    return doc["stories"][0]


def _commitments(items: list[dict[str, Any]]) -> dict[tuple[str, str], dict[str, Any]]:
    return {(c["actor"], c["kind"]): c for c in items}


def _labels(evidence: list[dict[str, Any]]) -> set[str]:
    return {e["label"] for e in evidence}


def test_the_first_article_is_a_new_story_with_its_commitments(seeds_by_run: Fixture) -> None:
    """001 (inews, 17 March): a coalition to which only the UK and France have committed "boots on
    the ground"; Japan may offer personnel, logistics or equipment; Finland: too early for troops."""
    story = _story(seeds_by_run, "001")
    assert story["status"] == "new"
    assert [a["label"] for a in story["new_articles"]] == ["inews.co.uk"]
    assert [e["date"] for e in story["new_events"]] == ["2025-03-17"]
    new = _commitments(story["new_commitments"])
    assert new[("United Kingdom", "ground troops")]["status"] == "committed"
    assert new[("France", "ground troops")]["status"] == "committed"
    assert new[("Finland", "ground troops")]["status"] in ("declined", "ruled out")
    assert {new[("Japan", k)]["status"] for k in ("logistics", "equipment")} == {"considering"}
    assert "considering" in {new[("Japan", k)]["status"] for k in ("peacekeepers", "ground troops") if ("Japan", k) in new}
    assert not story["changed_commitments"] and not story["figures_updated"] and not story["new_quotes"]


def test_a_rewrite_of_the_first_article_adds_no_commitment_event_or_figure(seeds_by_run: Fixture) -> None:
    """000 (undated) rewrites 001: nothing in it is news to a reader of 001."""
    story = _story(seeds_by_run, "000")
    assert story["status"] == "changed" and len(story["new_articles"]) == 1
    for key in ("new_events", "new_commitments", "changed_commitments", "figures_updated", "claims_gained_sources"):
        assert not story[key], key
    # storyfold reports the rewrite itself: the sentences it adds that its source does not support
    assert all("rewrites" in c["summary"] for c in story["new_conflicts"])


def test_a_rewrite_brings_no_new_quotes(seeds_by_run: Fixture) -> None:
    """000 retells in its own words what 001 quoted Stubb and Ricketts saying: no new statement."""
    assert not _story(seeds_by_run, "000")["new_quotes"]


def test_ishibas_statement_is_a_new_event_with_a_guarantee_under_review(seeds_by_run: Fixture) -> None:
    """002 (19 August): Ishiba says Japan is ready to participate, while considering "legal and
    capability aspects"; a reassurance force of "several hundred" troops; the US rules out boots on
    the ground but might give air support and intelligence. Finland is not mentioned."""
    story = _story(seeds_by_run, "002")
    assert [e["date"] for e in story["new_events"]] == ["2025-08-19"]
    new = _commitments(story["new_commitments"])
    guarantee = new[("Japan", "security guarantee")]
    assert guarantee["status"] == "considering"
    assert any("legal" in c for c in guarantee["conditions"])
    assert _labels(guarantee["evidence"]) == {"Japanese Prime Minister…"}
    assert new[("United States", "ground troops")]["status"] == "ruled out"
    assert {new[("United States", k)]["status"] for k in ("air support", "intelligence")} == {"considering"}
    changed = _commitments(story["changed_commitments"])
    coalition = changed[("Japan", "participation in a coalition")]
    assert (coalition["before"]["status"], coalition["after"]["status"]) == ("committed", "willing")
    assert {e["published"] for e in coalition["evidence"]} == {"2025-08-19"}
    assert [a for a in changed if a[0] in ("Finland", "United Kingdom", "France")] == []
    assert not [k for k in new if k[0] == "Finland"]
    assert len(story["figures_updated"]) == 1
    assert "several hundred" in story["figures_updated"][0]["summary"]
    assert "10,000" in story["figures_updated"][0]["summary"]
    text = render_changes({"since": {"run": 2, "time": None}, "until": {"run": 3, "time": None}, "runs": [3],
                           "stories": [story]})
    assert "Japan / participation in a coalition (participate in an international coalition): committed -> willing, " \
           "19 August 2025 [Japanese Prime Minister…]" in text


def test_the_third_report_corroborates_and_adds_peacekeepers_and_us_support(seeds_by_run: Fixture) -> None:
    """003 (20 August): the same statement by Ishiba (a second source for it); the UK and France
    willing to deploy peacekeepers; Japan in a coalition supplying arms; US support including
    border surveillance and perhaps air defence; Trump: "But we'll support them"."""
    story = _story(seeds_by_run, "003")
    assert not story["new_events"]
    new = _commitments(story["new_commitments"])
    assert new[("United Kingdom", "peacekeepers")]["status"] == "willing"
    assert new[("France", "peacekeepers")]["status"] == "willing"
    assert ("Japan", "arms") in new
    assert {("United States", "border surveillance"), ("United States", "air defence")} <= set(new)
    gained = [c for c in story["claims_gained_sources"] if "ready to participate" in c["text"]]
    assert gained and gained[0]["after"] == gained[0]["before"] + 1
    assert "Japan Set to Contribute to…" in _labels(gained[0]["evidence"])
    trump = [q for q in story["new_quotes"] if q["speaker"] == "Donald Trump"]
    assert any("support them" in q["text"] for q in trump)


def test_the_fourth_report_contradicts_the_guarantee_status(seeds_by_run: Fixture) -> None:
    """004 (20 August): Ishiba "announced that Japan will provide" security guarantees (002 and
    003: still being considered); peacekeepers under deliberation pending a legal review; Ishiba
    calls for an early ceasefire."""
    story = _story(seeds_by_run, "004")
    assert not story["new_events"]
    assert any("security guarantee" in c["summary"] for c in story["new_conflicts"])
    changed = _commitments(story["changed_commitments"])
    peacekeepers = changed[("Japan", "peacekeepers")]
    assert any("legal" in c for c in peacekeepers["after"]["conditions"])
    assert not any("legal" in c for c in peacekeepers["before"]["conditions"])
    assert any(q["speaker"] == "Shigeru Ishiba" and "ceasefire" in q["text"] for q in story["new_quotes"])


def test_a_later_fold_does_not_rewrite_history(seeds_by_run: Fixture) -> None:
    """Each run's change set, computed again after every later fold, is what it was right then."""
    db, runs, at_the_time = seeds_by_run
    for run, then in at_the_time.items():
        now = api.changes(db, since=run - 1, until=run)
        assert now["stories"] == then["stories"], run


def test_points_last_dates_and_runs(seeds_by_run: Fixture) -> None:
    db, runs, _ = seeds_by_run
    latest = runs["004"]
    assert api.changes(db)["stories"] == api.changes(db, since=latest - 1, until=latest)["stories"]
    assert api.changes(db, since="last") == api.changes(db)
    whole = api.changes(db, since="2000-01-01")
    assert whole["since"]["run"] == 0 and [s["status"] for s in whole["stories"]] == ["new"]
    assert len(whole["stories"][0]["new_articles"]) == 5
    assert api.changes(db, since="2999-01-01")["stories"] == []
    story = whole["stories"][0]["story_id"]
    assert api.changes(db, since=0, story=story)["stories"] == whole["stories"]
    assert api.changes(db, since=0, story="st-000000000000")["stories"] == []


@pytest.mark.parametrize("since", ["99", "yesterday", "2025-13-45"])
def test_a_bad_point_is_refused_naming_it(seeds_by_run: Fixture, since: str) -> None:
    with pytest.raises(ConfigError, match=f"--since {since}"):
        api.changes(seeds_by_run[0], since=since)


def test_a_change_set_reads_only_the_stories_of_the_runs_compared(seeds_by_run: Fixture) -> None:
    db, runs, _ = seeds_by_run
    doc = api.changes(db, since=runs["003"], until=runs["004"])
    assert doc["rows_read"] == 3  # the story's id, its snapshot at each end
    assert api.changes(db, since=runs["004"], until=runs["004"])["rows_read"] == 0


def test_markdown_escapes_and_json_round_trips(seeds_by_run: Fixture) -> None:
    import json

    doc = api.changes(seeds_by_run[0], since=0)
    assert json.loads(render_changes(doc, "json")) == doc
    md = render_changes(doc, "md")
    assert md.startswith("# Changes from the first run") and "\\[Japanese Prime Minister…" in md
    with pytest.raises(ValueError, match="format"):
        render_changes(doc, "html")


def _final_snapshot(fx: Fixture) -> dict[str, Any]:
    from storyfold.store import Store

    db, runs, _ = fx
    with Store(db, read_only=True) as store:
        ((_, _, snap),) = store.snapshots_at(store.snapshot_story_ids(0, runs["004"]), runs["004"]).values()
    return snap


def _part(snap: dict[str, Any], event: dict[str, Any], sid: str) -> dict[str, Any]:
    """The records of ``snap`` that rest on the articles of one of its events, as a story ``sid``."""
    from storyfold.present.changes import story_snapshots

    keep = set(event["article_ids"])
    doc = {"articles": [{"id": a, "story_id": sid, **meta} for a, meta in snap["articles"].items() if a in keep],
           "stories": [{"id": sid, "title": event["title"], "article_ids": sorted(keep)}],
           "events": [{**event, "story_id": sid}]}
    for key in ("commitments", "conflicts", "claims", "quotes"):
        doc[key] = [{"id": f"{key}-{i}", **{k: v for k, v in r.items() if k != "evidence"}, "article_ids": sorted({e[0] for e in r["evidence"]}),
                     "evidence" if key != "quotes" else "variants":
                     [{"article_id": e[0], "start": e[1], "end": e[2]} for e in r["evidence"] if e[0] in keep],
                     "independent_sources": r.get("sources", 0), "speaker_entity_id": r.get("entity")}
                    for i, r in enumerate(snap[key]) if keep & {e[0] for e in r["evidence"]}]
    return story_snapshots(doc, [sid])[sid]


def test_two_stories_merged_into_one_are_reported_as_merged(seeds_by_run: Fixture) -> None:
    """The seeds' story split by its two events (March, August) into two earlier stories: the
    story now is their merger, and each event continues one of them."""
    from storyfold.present.changes import change_set

    snap = _final_snapshot(seeds_by_run)
    march, august = sorted(snap["events"], key=lambda e: e["date"])
    before = {"st-aaaaaaaaaaaa": _part(snap, march, "st-aaaaaaaaaaaa"),
              "st-bbbbbbbbbbbb": _part(snap, august, "st-bbbbbbbbbbbb")}
    after = {snap["id"]: snap, "st-aaaaaaaaaaaa": None, "st-bbbbbbbbbbbb": None}
    (story,) = change_set(before, after)
    assert story["status"] == "merged"
    assert [m["id"] for m in story["merged_from"]] == ["st-aaaaaaaaaaaa", "st-bbbbbbbbbbbb"]
    assert not story["new_articles"] and not story["new_events"] and not story["merged_events"]


def test_a_renamed_story_continues_and_a_vanished_one_is_removed(seeds_by_run: Fixture) -> None:
    from storyfold.present.changes import change_set

    snap = _final_snapshot(seeds_by_run)
    renamed = {**snap, "id": "st-cccccccccccc"}
    (story,) = change_set({snap["id"]: snap}, {snap["id"]: None, "st-cccccccccccc": renamed})
    assert (story["status"], story["previous_ids"]) == ("changed", [snap["id"]])
    assert not story["new_commitments"] and not story["changed_commitments"]
    (gone,) = change_set({snap["id"]: snap}, {snap["id"]: None})
    assert gone["status"] == "removed"


def test_a_retold_statement_is_no_new_quote_but_new_words_or_a_new_source_are(seeds_by_run: Fixture) -> None:
    """000 puts Stubb's words of 001 in its own: not new. The same rendering as a direct
    quotation (words 001 never printed), or in an article of a source not seen before, is."""
    from storyfold.present.changes import story_changes

    after = _final_snapshot(seeds_by_run)
    (retold,) = [q for q in after["quotes"] if "premature" in q["text"]]
    assert retold["kinds"] == ["indirect"]
    before = {**after, "quotes": [q for q in after["quotes"] if q is not retold]}
    assert story_changes(after, [before])["new_quotes"] == []
    direct = {**after, "quotes": [{**q, "kinds": ["direct"]} if q is retold else q for q in after["quotes"]]}
    assert [q["text"] for q in story_changes(direct, [before])["new_quotes"]] == [retold["text"]]
    (aid,) = {e[0] for e in retold["evidence"]}
    elsewhere = {**after, "articles": {**after["articles"], aid: {**after["articles"][aid], "source": "another"}}}
    assert [q["text"] for q in story_changes(elsewhere, [before])["new_quotes"]] == [retold["text"]]


def test_each_snapshot_holds_the_records_of_its_own_story() -> None:
    """Records are grouped by story in one pass: each snapshot lists, in the document's order,
    the records :meth:`DocIndex.in_story` places in its story (a record told in two stories is in
    both; one naming a story not in the document goes to the unclustered articles)."""
    from storyfold.present.changes import story_snapshots
    from storyfold.present.doc_index import UNCLUSTERED_ID

    def ev(aid: str) -> dict[str, Any]:
        return {"article_id": aid, "start": 0, "end": 5, "text": "Words"}

    doc = {
        "articles": [{"id": a, "title": a.upper(), "story_id": sid}
                     for a, sid in (("a1", "st-a"), ("a2", "st-a"), ("b1", "st-b"), ("u1", None))],
        "stories": [{"id": "st-a", "title": "A", "article_ids": ["a1", "a2"]},
                    {"id": "st-b", "title": "B", "article_ids": ["b1"]}],
        "events": [],
        "claims": [{"id": "k1", "text": "told in both", "evidence": [ev("a2"), ev("b1")]},
                   {"id": "k2", "text": "told in b", "evidence": [ev("b1")]},
                   {"id": "k3", "text": "told in a", "article_ids": ["a1"], "evidence": []}],
        "commitments": [{"id": "c1", "actor": "X", "kind": "pledge", "status": "made", "story_id": "st-b",
                         "evidence": [ev("b1")]},
                        {"id": "c2", "actor": "Y", "kind": "pledge", "status": "made", "story_id": "st-gone",
                         "evidence": [ev("u1")]}],
        "quotes": [{"id": "q1", "text": "Said", "variants": [{"article_id": "a1", "speaker": "Z", "start": 0, "end": 4}]}],
    }
    snaps = story_snapshots(doc, ["st-a", "st-b", UNCLUSTERED_ID, "st-none"])
    assert set(snaps) == {"st-a", "st-b", UNCLUSTERED_ID}
    assert [c["text"] for c in snaps["st-a"]["claims"]] == ["told in both", "told in a"]
    assert [c["text"] for c in snaps["st-b"]["claims"]] == ["told in both", "told in b"]
    assert [c["id"] for c in snaps["st-b"]["commitments"]] == ["c1"]
    assert [c["id"] for c in snaps[UNCLUSTERED_ID]["commitments"]] == ["c2"]
    assert [q["id"] for q in snaps["st-a"]["quotes"]] == ["q1"] and not snaps["st-b"]["quotes"]
    assert snaps["st-b"] == story_snapshots(doc, ["st-b"])["st-b"]


def test_a_worded_condition_keeps_its_own_if_and_a_named_one_takes_if() -> None:
    from storyfold.present.feeds import _version

    assert _version({"status": "conditional", "conditions": ["unless Parliament objects", "ceasefire"]}) == \
        "conditional; unless Parliament objects, if ceasefire"
    assert _version({"status": "conditional", "conditions": ["If NATO asks"]}) == "conditional; If NATO asks"
