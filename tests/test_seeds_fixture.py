"""The seeds' export and brief are byte-identical to the fixture made before the package layout
moved (tests/data/fixtures): a refactor that changes a stage's output fails here. A change that
means to change the output regenerates the fixture in the same commit and says why."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfold import api

REPO = Path(__file__).resolve().parents[1]
FIXTURES = REPO / "tests" / "data" / "fixtures"


def test_the_seeds_fold_to_the_fixture_byte_for_byte(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)  # sources are recorded as given: fold by the same relative path as the fixture
    api.fold(["examples/seeds"], manifest="examples/seeds/manifest.jsonl", db=tmp_path / "s.db", out=tmp_path / "out")
    assert (tmp_path / "out" / "storyfold.json").read_bytes() == (FIXTURES / "seeds-export.json").read_bytes()
    assert (tmp_path / "out" / "brief.md").read_bytes() == (FIXTURES / "seeds-brief.md").read_bytes()
