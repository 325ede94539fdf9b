"""Stories and events on the seeds, through ``storyfold.api.fold``: one story, two events, folded at
once or incrementally, reclustered, with readable titles and a valid export."""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from pathlib import Path

import pytest

from storyfold import api
from storyfold.config import load_settings
from storyfold.errors import StoreError
from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs, Pipeline
from storyfold.present.export import validate_export
from storyfold.records import Relation, RelationKind
from storyfold.stages.cluster.cluster import ClusterStage
from storyfold.stages.cluster.doc_vector import DocVectorStage

pytestmark = pytest.mark.slow  # loads the MiniLM embedder (about 10 s)

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"
MARCH, AUGUST = ("000", "001"), ("002", "003", "004")


def _copy_seeds(folder: Path, prefixes: Sequence[str]) -> tuple[Path, Path]:
    """The seed files whose names start with ``prefixes``, with their manifest lines."""
    folder.mkdir(parents=True)
    lines = []
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip() and json.loads(line)["file"][:3] in prefixes:
            shutil.copy(SEEDS / json.loads(line)["file"], folder)
            lines.append(line)
    manifest = folder.parent / f"{folder.name}-manifest.jsonl"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder, manifest


def _fold(tmp: Path, name: str, prefixes: Sequence[str], db: Path, **kw) -> dict:
    folder, manifest = _copy_seeds(tmp / name, prefixes)
    out = tmp / f"out-{name}"
    summary = api.fold([folder], manifest=manifest, db=db, out=out, **kw)
    assert not summary.rejected
    data = json.loads((out / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    return data


def _grouping(data: dict, key: str) -> dict[str, tuple[str, ...]]:
    """``{cluster id: seed numbers}`` for ``story_id`` or ``event_id``."""
    found: dict[str, list[str]] = {}
    for a in data["articles"]:
        found.setdefault(a[key], []).append(Path(a["source"]).name[:3])
    return {k: tuple(sorted(v)) for k, v in found.items()}


def test_seeds_are_one_story_with_two_events(tmp_path: Path) -> None:
    data = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "all.db")
    assert len(data["stories"]) == 1
    assert sorted(_grouping(data, "event_id").values()) == [MARCH, AUGUST]
    story = data["stories"][0]
    assert len(story["event_ids"]) == 2 and len(story["article_ids"]) == 5
    events = {e["id"]: e for e in data["events"]}
    march, august = (events[k] for k, v in sorted(_grouping(data, "event_id").items(), key=lambda kv: kv[1]))
    assert (march["date"], march["date_end"]) == ("2025-03-17", None)
    assert (august["date"], august["date_end"]) == ("2025-08-19", "2025-08-20")
    assert story["event_ids"] == [march["id"], august["id"]]  # in time order
    assert all(a["story_id"] == story["id"] for a in data["articles"])


def test_titles_are_drawn_from_the_articles_and_readable(tmp_path: Path) -> None:
    data = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "all.db")
    headlines = {a["title"] for a in data["articles"] if a["title"]}
    for item in (*data["stories"], *data["events"]):
        title = item["title"]
        assert title.strip() and "\n" not in title and len(title.split()) <= 15
        assert title in headlines  # every seed event has a titled article to take it from


def test_incremental_fold_matches_one_fold_and_keeps_ids(tmp_path: Path) -> None:
    whole = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "all.db")
    db = tmp_path / "inc.db"
    first = _fold(tmp_path, "first", ("000", "001", "002"), db)
    assert len(first["stories"]) == 1
    march_id = next(e["id"] for e in first["events"] if _grouping(first, "event_id")[e["id"]] == MARCH)
    second = _fold(tmp_path, "second", ("003", "004"), db)
    assert len(second["articles"]) == 5
    for key in ("story_id", "event_id"):
        assert _grouping(second, key) == _grouping(whole, key)  # same clusters, same ids
    assert any(e["id"] == march_id for e in second["events"])  # an unchanged event keeps its id
    assert [s["id"] for s in second["stories"]] == [s["id"] for s in first["stories"]]


def test_recluster_recomputes_from_scratch(tmp_path: Path) -> None:
    whole = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "all.db")
    db = tmp_path / "inc.db"
    # 000 (undated) first meets only 002: alone together they form one event, and folding the
    # rest in keeps that earlier decision; a recluster revisits it.
    _fold(tmp_path, "first", ("000", "002"), db)
    _fold(tmp_path, "second", ("001", "003", "004"), db)
    counts = api.recluster(db, out=tmp_path / "re")
    again = json.loads((tmp_path / "re" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(again)
    assert counts == {"stories": 1, "events": 2}
    for key in ("story_id", "event_id"):
        assert _grouping(again, key) == _grouping(whole, key)


def test_recluster_needs_an_existing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database"):
        api.recluster(tmp_path / "missing.db")


class _Rewrites(CorpusStage):
    """Declares seed 002 a rewrite of seed 001, as the dedup stage would if it found one."""

    name = "rewrites"
    version = "test"
    provides = {"relations": Relation}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        ids = {Path(a.source).name[:3]: a.id for a in corpus.articles()}
        return {"relations": (Relation(a=ids["001"], b=ids["002"], kind=RelationKind.REWRITE, similarity=0.9),)}


def test_a_rewrite_follows_its_source_into_story_and_event(tmp_path: Path) -> None:
    pipeline = Pipeline([DocVectorStage(), _Rewrites(), ClusterStage()])
    data = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "rw.db", pipeline=pipeline)
    by_seed = {Path(a["source"]).name[:3]: a for a in data["articles"]}
    assert by_seed["002"]["event_id"] == by_seed["001"]["event_id"]  # despite five months apart
    assert by_seed["002"]["derived_from"] == by_seed["001"]["id"]


def test_thresholds_are_settings(tmp_path: Path) -> None:
    settings = load_settings().with_(cluster_event_threshold=0.99)
    data = _fold(tmp_path, "all", (*MARCH, *AUGUST), tmp_path / "w.db", settings=settings)
    assert len(data["stories"]) == 1
    # no two articles are that alike, except that a rewrite always stays in its source's event (000 of 001)
    assert len(data["events"]) == 4
    rewrite = next(a for a in data["articles"] if a["derived_from"])
    source = next(a for a in data["articles"] if a["id"] == rewrite["derived_from"])
    assert rewrite["event_id"] == source["event_id"]


def test_copies_lead_to_a_root_even_when_relations_close_a_cycle() -> None:
    """Pairwise directions (specifics, then length) are not transitive: at 10,000 benchmark records
    three mutated copies gave a -> b -> c -> a. Every copy must still lead to one root that is not a copy."""
    from storyfold.stages.cluster.cluster import _roots

    assert _roots({1: 2, 2: 3}) == {1: 3, 2: 3}
    assert _roots({1: 2, 2: 1}) == {2: 1}
    assert _roots({0: 1, 1: 2, 2: 1}) == {0: 1, 2: 1}
    roots = _roots({5: 3, 3: 4, 4: 5, 9: 4})
    assert roots == {5: 3, 4: 3, 9: 3} and not set(roots.values()) & set(roots)
