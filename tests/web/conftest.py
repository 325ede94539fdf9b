"""Fixtures for the web tests (helpers in ``seed_records.py``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from seed_records import fold_seeds


@pytest.fixture(scope="session")
def seeds_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return fold_seeds(tmp_path_factory.mktemp("web"))
