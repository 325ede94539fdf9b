"""The public API is what ``__all__`` says, and every name in it exists."""

from __future__ import annotations

import importlib
from types import ModuleType

import pytest

import storyfold

MODULES = ["storyfold", "storyfold.records", "storyfold.errors", "storyfold.config", "storyfold.pipeline",
           "storyfold.api", "storyfold.store", "storyfold.ingest", "storyfold.present.export"]


@pytest.mark.parametrize("name", MODULES)
def test_all_names_exist(name: str) -> None:
    module = importlib.import_module(name)
    assert module.__all__, name
    for attr in module.__all__:
        assert hasattr(module, attr), f"{name}.__all__ names {attr}, which does not exist"


def test_top_level_exposes_the_facade() -> None:
    for attr in ("fold", "export", "Store", "Settings", "ArticleStage", "CorpusStage"):
        assert attr in storyfold.__all__


def test_top_level_all_lists_every_public_name() -> None:
    """``storyfold.__all__`` is exactly what ``storyfold/__init__.py`` defines or imports, less the
    names starting with ``_`` and the submodules (bound on the package as they are imported), plus
    ``__version__``: a name imported there but left out of ``__all__``, or listed but not bound, fails."""
    public = {name for name, value in vars(storyfold).items()
              if not name.startswith("_") and not isinstance(value, ModuleType)}
    assert sorted(storyfold.__all__) == sorted(public | {"__version__"})
