"""Fixtures of the evaluation scripts' tests."""

from __future__ import annotations

import os
from pathlib import Path

import pytest


@pytest.fixture
def gum_dir() -> Path:
    """A copy of the public repository amir-zeldes/gum named by $STORYFOLD_GUM; the test skips without it."""
    where = os.environ.get("STORYFOLD_GUM")
    if not where or not list((Path(where) / "dep").glob("GUM_news_*.conllu")):
        pytest.skip("no GUM copy (set STORYFOLD_GUM to a checkout of amir-zeldes/gum)")
    return Path(where)
