"""`storyfold recluster`: a thin shell over `api.recluster`."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "examples" / "seeds"


def test_recluster_names_a_missing_database(tmp_path: Path) -> None:
    result = CliRunner().invoke(app, ["recluster", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert "no database" in result.output
    assert not (tmp_path / "none.db").exists()


@pytest.mark.slow
def test_recluster_prints_the_counts(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=db)
    result = CliRunner().invoke(app, ["recluster", "--db", str(db), "--out", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    assert "1 stories, 2 events" in " ".join(result.output.split())
    assert (tmp_path / "out" / "storyfold.json").is_file()
