"""The one facade: what a user can do with storyfold, as functions. The CLI, the web app and the
distributed runner call these; each calls the room that does the work (:mod:`storyfold.run` for
the fold, :mod:`storyfold.engines` for where it runs, :mod:`storyfold.outputs` for what it writes).

>>> from storyfold import api
>>> summary = api.fold(["examples/seeds"], manifest="examples/seeds/manifest.jsonl", db="story.db", out="out")
>>> data = api.export("story.db")
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from storyfold import history
from storyfold.config import Settings, load_settings
from storyfold.engines.base import Engine, FoldJob, LocalEngine, Prepared, prepare_document
from storyfold.engines.pool import PoolEngine
from storyfold.outputs import export_data, write_outputs
from storyfold.present.report import render_report
from storyfold.present.views import not_done
from storyfold.records import Reject, StageFailure
from storyfold.run import FoldSummary, fold, recluster, watch
from storyfold.stages import build_pipeline
from storyfold.store import Store

__all__ = [
    "Engine",
    "FoldJob",
    "FoldSummary",
    "LocalEngine",
    "PoolEngine",
    "Prepared",
    "build_pipeline",
    "changes",
    "recent_changes",
    "export",
    "export_data",
    "fold",
    "not_done",
    "open_store",
    "problems",
    "prepare_document",
    "recluster",
    "report",
    "watch",
    "write_outputs",
]


def open_store(db: str | Path, *, read_only: bool = False) -> Store:
    """The database at ``db`` (created, unless ``read_only``)."""
    return Store(db, read_only=read_only)


def export(db: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """The export document (contract v1) of database ``db``."""
    settings = settings or load_settings()
    with Store(db, read_only=True) as store:
        return export_data(store, build_pipeline(settings))


def changes(db: str | Path, since: str | int | None = None, until: str | int | None = None,
            story: str | None = None) -> dict[str, Any]:
    """What the folds into database ``db`` changed between two points (a run id, an ISO date or
    time, or ``last``; by default what the latest fold changed), per story: see ``docs/changes.md``."""
    with Store(db, read_only=True) as store:
        return history.changes(store, since, until, story)


def recent_changes(db: str | Path, story: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The change sets of the latest folds into ``db`` that changed something (of one story, if
    given), newest first: what the Atom feeds show."""
    with Store(db, read_only=True) as store:
        return history.recent_changes(store, story, limit)


def problems(db: str | Path) -> tuple[list[Reject], list[StageFailure]]:
    """What database ``db`` holds only in part: the warnings of its folds (inputs stored without
    an unusable field) and the articles a corpus stage failed on at its last run (not reconciled,
    not clustered...: tried again by the next fold)."""
    with Store(db, read_only=True) as store:
        return [r for r in store.rejects() if r.kind == "warning"], store.stage_failures()


def report(db: str | Path, story_id: str, fmt: str = "md", *, settings: Settings | None = None) -> str:
    """The report of one story of database ``db``: ``md``, a self-contained ``html`` file, or ``json``."""
    return render_report(export(db, settings=settings), story_id, fmt)
