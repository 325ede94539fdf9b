"""The embedded store (SQLite by default)."""

from storyfold.store.schema import SCHEMA_VERSION
from storyfold.store.store import Run, Store

__all__ = ["SCHEMA_VERSION", "Run", "Store"]
