"""The CLI through Typer's runner, and once as a real subprocess."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from typer.testing import CliRunner

from storyfold.cli import app
from storyfold.present.export import validate_export

runner = CliRunner()


def test_fold_show_export(tmp_path: Path, seeds_dir: Path, seed_manifest: Path) -> None:
    db, out = tmp_path / "s.db", tmp_path / "out"
    result = runner.invoke(app, ["fold", str(seeds_dir), "--manifest", str(seed_manifest), "--db", str(db), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert "5 articles read, 0 rejected, 5 stored new" in result.output
    assert "stages run: clean@" in result.output
    validate_export(json.loads((out / "storyfold.json").read_text(encoding="utf-8")))
    shown = runner.invoke(app, ["show", "--db", str(db)])
    assert shown.exit_code == 0 and "inews.co.uk" in shown.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--format", "json"])
    assert exported.exit_code == 0
    assert len(json.loads(exported.stdout)["articles"]) == 5
    csv = runner.invoke(app, ["export", "--db", str(db), "--format", "csv", "--out", str(tmp_path / "csv")])
    assert csv.exit_code == 0 and (tmp_path / "csv" / "articles.csv").is_file()


def test_fold_exit_status(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["fold", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "x.db"), "--out", str(tmp_path / "o")])
    assert result.exit_code == 1
    assert "empty.txt" in result.output and "empty file" in result.output


def test_errors_are_one_line(tmp_path: Path) -> None:
    result = runner.invoke(app, ["show", "--db", str(tmp_path / "missing.db")])
    assert result.exit_code == 2
    assert "does not exist" in result.output and "Traceback" not in result.output


def test_real_subprocess(tmp_path: Path, seeds_dir: Path) -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "storyfold", "fold", str(seeds_dir), "--db", str(tmp_path / "p.db"), "--out", str(tmp_path / "o"), "-q"],
        capture_output=True, text=True, timeout=300, check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "5 articles read" in proc.stdout
