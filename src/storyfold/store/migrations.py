"""Schema migrations: one step per version, applied in order inside the opening transaction."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Connection, update

from storyfold.errors import SchemaVersionError
from storyfold.store import schema

__all__ = ["MIGRATIONS", "migrate"]


def _add_vectors(conn: Connection) -> None:
    """1 -> 2: the ``vectors`` table (the corpus stages' embedding cache)."""
    schema.vectors.create(conn)


# MIGRATIONS[n] upgrades a database from version n to n + 1.
MIGRATIONS: dict[int, Callable[[Connection], None]] = {1: _add_vectors}


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
