"""The store's record of input files already read: a fold skips a file nothing in which can be new.

A row is written for a file that a fold read to the end and stored every document of, under the
digest :func:`storyfold.ingest.input_digest` gives (the file's bytes, its manifest entry and what
reading depends on), so the same file with other bytes, another manifest entry or another
storyfold release is read again.
"""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Engine, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storyfold.store import schema

__all__ = ["InputLog"]


class InputLog:
    """The ``inputs`` table's reads and writes, mixed into :class:`storyfold.store.Store`."""

    engine: Engine

    def known_input(self, digest: str) -> int | None:
        """The number of documents of the input file with ``digest``, if a fold read it to the end."""
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.inputs.c.documents).where(schema.inputs.c.digest == digest)).first()
        return None if row is None else int(row.documents)

    def add_inputs(self, run_id: int, rows: Mapping[str, tuple[str, int]]) -> None:
        """Record input files run ``run_id`` read to the end: ``{digest: (path, documents)}``."""
        items = list(rows.items())
        if not items:
            return
        stmt = sqlite_insert(schema.inputs).on_conflict_do_nothing(index_elements=["digest"])
        with self.engine.begin() as conn:
            conn.execute(stmt, [{"digest": d, "path": p, "documents": n, "run_id": run_id} for d, (p, n) in items])
