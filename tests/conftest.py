"""Shared test helpers."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_path(*parts: str) -> Path:
    """A path under the shared data folder (``<repo>/../shared`` or ``$STORYFOLD_SHARED``);
    skips the test when it is absent."""
    base = Path(os.environ.get("STORYFOLD_SHARED", REPO.parent / "shared"))
    path = base.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared data not found: {path}")
    return path
