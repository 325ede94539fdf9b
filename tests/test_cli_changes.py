"""`storyfold changes` through Typer's runner: formats, a story, refusals; a recluster as a run of its own."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import load_settings

runner = CliRunner()


def test_changes_in_every_format(seeds_by_run: tuple[Path, dict, dict]) -> None:
    db = str(seeds_by_run[0])
    text = runner.invoke(app, ["changes", "--db", db])
    assert text.exit_code == 0, text.output
    assert text.output.startswith("Changes from run 4") and "Japan Plans on Joining…" in text.output
    as_json = runner.invoke(app, ["changes", "--db", db, "--since", "2", "--until", "3", "--format", "json"])
    assert json.loads(as_json.output) == api.changes(db, since=2, until=3)
    md = runner.invoke(app, ["changes", "--db", db, "--since", "0", "--format", "md"])
    assert md.exit_code == 0 and md.output.startswith("# Changes from the first run")


def test_one_story_and_refusals(seeds_by_run: tuple[Path, dict, dict], tmp_path: Path) -> None:
    db = str(seeds_by_run[0])
    other = runner.invoke(app, ["changes", "--db", db, "--since", "0", "--story", "st-000000000000"])
    assert other.exit_code == 0 and "Nothing changed." in other.output
    bad = runner.invoke(app, ["changes", "--db", db, "--since", "soon"])
    assert bad.exit_code == 2 and "--since soon" in bad.output
    fmt = runner.invoke(app, ["changes", "--db", db, "--format", "html"])
    assert fmt.exit_code == 2 and "--format" in fmt.output
    missing = runner.invoke(app, ["changes", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2 and "none.db" in missing.output


def test_watch_prints_each_folds_change_set(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seed = next(seeds_dir.glob("002_*.txt"))
    (folder / seed.name).write_bytes(seed.read_bytes())
    result = runner.invoke(app, ["watch", str(folder), "--cycles", "1", "--db", str(tmp_path / "w.db"),
                                 "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "Changes from the first run to run 1" in result.output
    assert "new articles:" in result.output and "Japanese Prime Minister…" in result.output  # its label: its first words
    assert "Japan / security guarantee" in result.output


def _copy(db: Path, to: Path) -> Path:
    """A copy of database ``db`` (its write-ahead log included) a test may change."""
    with sqlite3.connect(db) as src, sqlite3.connect(to) as dst:
        src.backup(dst)
    return to


def test_a_recluster_is_a_run_in_the_change_history(seeds_by_run: tuple[Path, dict, dict], tmp_path: Path) -> None:
    """The seeds folded one per run hold two events: 17 March (001 and its rewrite 000) and 19-20
    August (002, 003, 004). A recluster under the same settings changes nothing: its run's change
    set is empty and it writes no snapshot. With a stricter event threshold the August event is
    split into its three articles, and the recluster's own run says so; reclustering under the
    default settings merges them again."""
    db = _copy(seeds_by_run[0], tmp_path / "runs.db")
    settings = load_settings()
    with api.open_store(db, read_only=True) as store:
        rows = store.snapshot_size()[0]
    assert api.recluster(db, settings=settings) == {"stories": 1, "events": 2}
    same = api.changes(db)
    assert same["runs"] == [same["until"]["run"]] and same["stories"] == []
    with api.open_store(db, read_only=True) as store:
        assert store.snapshot_size()[0] == rows  # nothing differed: no snapshot written
    strict = settings.with_(cluster_event_threshold=0.99)
    events = api.recluster(db, settings=strict)["events"]
    split = api.changes(db)
    (story,) = split["stories"]
    assert story["status"] == "changed" and not story["new_events"] and not story["merged_events"]
    assert events == 4 and len(story["split_events"]) == 3  # the March event stays whole
    assert len({e["from"][0]["id"] for e in story["split_events"]}) == 1
    text = runner.invoke(app, ["changes", "--db", str(db)])
    assert text.exit_code == 0 and "split events:" in text.output
    api.recluster(db, settings=settings)
    (back,) = api.changes(db)["stories"]
    assert [len(e["from"]) for e in back["merged_events"]] == [3] and not back["split_events"]
