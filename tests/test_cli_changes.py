"""`storyfold changes` through Typer's runner: formats, a story, refusals."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app

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
