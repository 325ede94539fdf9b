"""Schema migrations: one step per version, applied in order inside the opening transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, text, update

from storyfold.errors import SchemaVersionError
from storyfold.store import schema

__all__ = ["MIGRATIONS", "migrate"]


def _add_vectors(conn: Connection) -> None:
    """1 -> 2: the ``vectors`` table (the corpus stages' embedding cache)."""
    schema.vectors.create(conn)


def _add_warnings_and_failures(conn: Connection) -> None:
    """2 -> 3: ``rejects.kind`` (a warning is a kept input with a dropped field) and the
    ``stage_failures`` table (articles a corpus stage failed on, retried by the next fold)."""
    conn.execute(text("ALTER TABLE rejects ADD COLUMN kind VARCHAR NOT NULL DEFAULT 'reject'"))
    schema.stage_failures.create(conn)


def _add_story_snapshots(conn: Connection) -> None:
    """3 -> 4: the ``story_snapshots`` table (what each story was at the end of a run, for change
    sets). Earlier runs have none: the next fold records every story as it then stands."""
    schema.story_snapshots.create(conn)


def _add_inputs(conn: Connection) -> None:
    """4 -> 5: the ``inputs`` table (files read to the end, skipped by a later fold)."""
    schema.inputs.create(conn)


# MIGRATIONS[n] upgrades a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {
    1: _add_vectors, 2: _add_warnings_and_failures, 3: _add_story_snapshots, 4: _add_inputs,
}


def migrate(conn: Connection, version: int, path: Path) -> None:
    """Upgrade ``conn``'s database from ``version`` to :data:`schema.SCHEMA_VERSION`, or refuse."""
    steps = range(version, schema.SCHEMA_VERSION)
    missing = [v for v in steps if v not in MIGRATIONS]
    if missing:
        raise SchemaVersionError(
            f"{path} has schema version {version} and no migration to version {schema.SCHEMA_VERSION} exists; "
            "fold its inputs again into a new --db file"
        )
    for v in steps:
        MIGRATIONS[v](conn)
    conn.execute(
        update(schema.meta).where(schema.meta.c.key == "schema_version").values(value=str(schema.SCHEMA_VERSION))
    )
