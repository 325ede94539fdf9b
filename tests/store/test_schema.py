"""Store upgrades: an older database migrates or is refused with a message; never silently corrupted."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from storyfold import api
from storyfold.errors import SchemaVersionError
from storyfold.store import SCHEMA_VERSION, Store, migrations


def _set_version(db: Path, version: int) -> None:
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'schema_version'", (str(version),))


def test_newer_database_is_refused(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "new.db"
    api.fold([seeds_dir], db=db)
    _set_version(db, SCHEMA_VERSION + 1)
    with pytest.raises(SchemaVersionError, match="upgrade storyfold"):
        Store(db)


def test_older_database_without_a_migration_is_refused_untouched(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "old.db"
    api.fold([seeds_dir], db=db)
    _set_version(db, min(migrations.MIGRATIONS, default=SCHEMA_VERSION) - 1)  # older than any migration
    before = db.read_bytes()
    with pytest.raises(SchemaVersionError, match="no migration"):
        Store(db)
    assert db.read_bytes() == before


def test_older_database_migrates(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "old.db"
    api.fold([seeds_dir], db=db)
    _set_version(db, SCHEMA_VERSION - 1)

    def add_note_column(conn: object) -> None:
        conn.exec_driver_sql("ALTER TABLE runs ADD COLUMN note TEXT")

    monkeypatch.setitem(migrations.MIGRATIONS, SCHEMA_VERSION - 1, add_note_column)
    with Store(db) as store:
        assert store.count_articles() == 5
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert "note" in [r[1] for r in conn.execute("PRAGMA table_info(runs)")]


def test_read_only_store_does_not_migrate(tmp_path: Path, seeds_dir: Path) -> None:
    db = tmp_path / "ro.db"
    api.fold([seeds_dir], db=db)
    _set_version(db, SCHEMA_VERSION - 1)
    with pytest.raises(SchemaVersionError, match="without read-only"):
        Store(db, read_only=True)


def test_a_version_1_database_gains_the_vector_cache_and_keeps_its_articles(tmp_path: Path, seeds_dir: Path) -> None:
    """The real 1 -> 2 step: the ``vectors`` table is added; nothing else changes."""
    db = tmp_path / "v1.db"
    api.fold([seeds_dir], db=db)
    with sqlite3.connect(db) as conn:
        conn.execute("DROP TABLE vectors")
        _undo_version_3(conn)
        before = conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    _set_version(db, 1)
    with Store(db) as store:
        assert store.count_articles() == 5 and store.count_vectors() == 0
        store.put_vectors("m", {b"k" * 16: b"\x00\x3c"})
        assert store.vectors("m", [b"k" * 16, b"x" * 16]) == {b"k" * 16: b"\x00\x3c"}
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall() == before


def _undo_version_5(conn: sqlite3.Connection) -> None:
    """A database as schema version 4 left it: no ``inputs``."""
    conn.execute("DROP TABLE inputs")


def _undo_version_4(conn: sqlite3.Connection) -> None:
    """A database as schema version 3 left it: no ``story_snapshots``, no ``inputs``."""
    _undo_version_5(conn)
    conn.execute("DROP TABLE story_snapshots")


def _undo_version_3(conn: sqlite3.Connection) -> None:
    """A database as schema version 2 left it: no ``rejects.kind``, no ``stage_failures``."""
    _undo_version_4(conn)
    conn.execute("DROP TABLE stage_failures")
    conn.execute("ALTER TABLE rejects DROP COLUMN kind")


def test_a_version_2_database_gains_warnings_and_stage_failures(tmp_path: Path, seeds_dir: Path) -> None:
    """The real 2 -> 3 step: ``rejects.kind`` (old rows are rejects) and the ``stage_failures`` table."""
    db = tmp_path / "v2.db"
    api.fold([seeds_dir, tmp_path / "missing.txt"], db=db)
    with sqlite3.connect(db) as conn:
        _undo_version_3(conn)
        before = conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    _set_version(db, 2)
    with Store(db) as store:
        assert [r.kind for r in store.rejects()] == ["reject"]
        assert store.stage_failures() == []
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall() == before


def test_a_version_3_database_gains_snapshots_and_its_next_fold_reports_only_its_own_changes(
    tmp_path: Path, seeds_dir: Path, seed_manifest: Path
) -> None:
    """The real 3 -> 4 step: the ``story_snapshots`` table. The first fold after it snapshots every
    story as it stood first (dated to the run before), so its change set lists only its article."""
    folder = tmp_path / "in"
    folder.mkdir()
    for path in sorted(seeds_dir.glob("00[0-3]_*.txt")):
        (folder / path.name).write_bytes(path.read_bytes())
    db = tmp_path / "v3.db"
    api.fold([folder], manifest=seed_manifest, db=db)
    with sqlite3.connect(db) as conn:
        _undo_version_4(conn)
        before = conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall()
    _set_version(db, 3)
    with Store(db) as store:
        assert store.snapshot_size() == (0, 0) and not store.has_snapshots() and store.count_articles() == 4
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)
        assert conn.execute("SELECT id, text FROM articles ORDER BY id").fetchall() == before
    last = next(seeds_dir.glob("004_*.txt"))
    (folder / last.name).write_bytes(last.read_bytes())
    summary = api.fold([folder / last.name], db=db)
    stories = api.changes(db, since=summary.run_id - 1, until=summary.run_id)["stories"]
    assert [s["status"] for s in stories] == ["changed"]
    with Store(db) as store:
        assert store.has_snapshots()  # the baseline and this fold's
    assert [a["label"] for a in stories[0]["new_articles"]] == ["Japan Plans on Joining…"]  # its headline, shortened
    assert not stories[0]["new_events"]


def test_a_version_4_database_gains_the_input_ledger_and_refolds_its_inputs(tmp_path: Path, seeds_dir: Path) -> None:
    """The real 4 -> 5 step: the ``inputs`` table. A store that never recorded its inputs reads
    them once more (all already stored), and skips them from then on."""
    db = tmp_path / "v4.db"
    api.fold([seeds_dir], db=db)
    with sqlite3.connect(db) as conn:
        _undo_version_5(conn)
    _set_version(db, 4)
    again = api.fold([seeds_dir], db=db)
    assert (again.documents_read, again.stored, again.already_stored, again.unchanged_inputs) == (5, 0, 5, 0)
    third = api.fold([seeds_dir], db=db)
    assert (third.documents_read, third.already_stored, third.unchanged_inputs) == (0, 5, 5)
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(SCHEMA_VERSION)


def test_a_new_database_in_a_new_folder_is_made_and_a_read_only_one_is_not(tmp_path: Path) -> None:
    from storyfold.errors import StoreError

    with pytest.raises(StoreError, match="does not exist"):
        Store(tmp_path / "absent" / "s.db", read_only=True)
    assert not (tmp_path / "absent").exists()
    store = Store(tmp_path / "new" / "deeper" / "s.db")
    store.engine.dispose()
    assert (tmp_path / "new" / "deeper" / "s.db").is_file()
    (tmp_path / "file").write_text("x")
    with pytest.raises(StoreError, match="cannot create the folder"):
        Store(tmp_path / "file" / "s.db")
