"""Shared fixtures: the bundled seed articles, the optional ../shared data folder, a fresh store."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"


def shared_path() -> Path | None:
    """The shared data folder (env STORYFOLD_SHARED, else ../shared beside the repository)."""
    candidate = Path(os.environ.get("STORYFOLD_SHARED", REPO.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_manifest() -> Path:
    return SEEDS / "manifest.jsonl"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_path()
    if path is None:
        pytest.skip("the shared data folder (../shared or STORYFOLD_SHARED) is absent")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"
