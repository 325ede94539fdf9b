"""The one Store class: articles, per-article annotations, corpus outputs, rejects, runs, and the
embedding cache.

SQLite through SQLAlchemy Core, in WAL mode so readers (the web UI) see consistent data while a
fold writes. Every write that belongs together is one transaction: an article row, one article's
annotations, one corpus stage's outputs. A failure leaves the store as it was.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import zlib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, func, insert, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.exc import DatabaseError, OperationalError, SQLAlchemyError

from storyfold import codec
from storyfold.errors import SchemaVersionError, StoreError
from storyfold.records import Article, Reject, Removal, StageFailure
from storyfold.store import schema
from storyfold.store.inputs import InputLog
from storyfold.store.migrations import migrate

__all__ = ["Run", "Store"]

_IN_CHUNK = 500  # keys per IN (...) query: well under SQLite's variable limit


@dataclass(frozen=True, slots=True, kw_only=True)
class Run:
    """One fold: its id and when it started and finished (ISO 8601, UTC; None while it runs)."""

    id: int
    started_at: str
    finished_at: str | None


def _now() -> str:
    return dt.datetime.now(dt.UTC).isoformat(timespec="seconds")


class Store(InputLog):
    """An embedded storyfold database (one SQLite file)."""

    def __init__(self, path: str | Path, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.is_file():
            raise StoreError(f"database {self.path} does not exist; run `storyfold fold` first")
        if self.path.exists() and self.path.is_dir():
            raise StoreError(f"database path {self.path} is a folder; give a file name such as storyfold.db")
        if not read_only:
            try:  # a new database in a new folder, as --out makes its folder
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise StoreError(f"cannot create the folder of database {self.path}: {exc.strerror or exc}") from exc
        url = f"sqlite:///file:{self.path}?mode=ro&uri=true" if read_only else f"sqlite:///{self.path}"
        self.engine: Engine = create_engine(url, future=True)
        event.listen(self.engine, "connect", _sqlite_pragmas)
        try:
            self._open()
        except (OperationalError, DatabaseError) as exc:
            self.engine.dispose()
            raise StoreError(f"cannot open database {self.path}: {exc.orig}") from exc

    def _open(self) -> None:
        with self.engine.begin() as conn:
            tables = set(self.engine.dialect.get_table_names(conn))
            if not tables:
                if self.read_only:
                    raise StoreError(f"database {self.path} is empty; run `storyfold fold` first")
                schema.metadata.create_all(conn)
                conn.execute(insert(schema.meta).values(key="schema_version", value=str(schema.SCHEMA_VERSION)))
                return
            if "meta" not in tables:
                raise SchemaVersionError(
                    f"{self.path} is not a storyfold database (no meta table); give another --db file"
                )
            found = conn.execute(select(schema.meta.c.value).where(schema.meta.c.key == "schema_version")).scalar()
            version = int(found) if found is not None else 0
            if version == schema.SCHEMA_VERSION:
                return
            if self.read_only or version > schema.SCHEMA_VERSION:
                raise SchemaVersionError(
                    f"{self.path} has schema version {version}, this storyfold reads version "
                    f"{schema.SCHEMA_VERSION}; "
                    + (
                        "upgrade storyfold to read it"
                        if version > schema.SCHEMA_VERSION
                        else "open it once without read-only mode (e.g. `storyfold migrate`) to migrate it"
                    )
                )
            migrate(conn, version, self.path)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---------------------------------------------------------------------------------- runs
    def start_run(self) -> int:
        with self.engine.begin() as conn:
            return int(conn.execute(insert(schema.runs).values(started_at=_now())).inserted_primary_key[0])

    def finish_run(self, run_id: int, summary: Mapping[str, Any]) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                update(schema.runs)
                .where(schema.runs.c.id == run_id)
                .values(finished_at=_now(), summary=json.dumps(summary, ensure_ascii=False))
            )

    def runs(self) -> list[Run]:
        """Every run, oldest first."""
        t = schema.runs
        with self.engine.connect() as conn:
            return [Run(id=r.id, started_at=r.started_at, finished_at=r.finished_at)
                    for r in conn.execute(select(t.c.id, t.c.started_at, t.c.finished_at).order_by(t.c.id))]

    # ------------------------------------------------------------------------ story snapshots
    def put_snapshots(self, run_id: int, rows: Mapping[str, tuple[str, bool, Any]]) -> None:
        """What stories were at the end of run ``run_id``: ``{story_id: (articles digest, gone,
        snapshot)}``, the snapshot any JSON value (stored compressed), in one transaction."""
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(insert(schema.story_snapshots), [
                {"story_id": sid, "run_id": run_id, "articles": digest, "gone": gone,
                 "payload": zlib.compress(json.dumps(snap, ensure_ascii=False, separators=(",", ":")).encode(), 6)}
                for sid, (digest, gone, snap) in rows.items()
            ])

    def snapshot_heads(self) -> dict[str, tuple[int, str, bool]]:
        """``{story_id: (run id, articles digest, gone)}`` of every story's latest snapshot; reads no payload."""
        t = schema.story_snapshots
        q = select(t.c.story_id, func.max(t.c.run_id).label("run_id"), t.c.articles, t.c.gone).group_by(t.c.story_id)
        with self.engine.connect() as conn:
            return {r.story_id: (r.run_id, r.articles, bool(r.gone)) for r in conn.execute(q)}

    def snapshot_story_ids(self, after: int, upto: int) -> set[str]:
        """The stories of which some run after run ``after``, up to run ``upto``, recorded a snapshot."""
        t = schema.story_snapshots
        q = select(t.c.story_id).where((t.c.run_id > after) & (t.c.run_id <= upto)).distinct()
        with self.engine.connect() as conn:
            return set(conn.execute(q).scalars())

    def snapshots_at(self, story_ids: Iterable[str], run_id: int) -> dict[str, tuple[int, bool, Any]]:
        """``{story_id: (run id, gone, snapshot)}``: each story as the latest snapshot at or before
        run ``run_id`` has it (stories with none then are left out)."""
        t, older = schema.story_snapshots, schema.story_snapshots.alias("older")
        wanted = sorted(set(story_ids))
        out: dict[str, tuple[int, bool, Any]] = {}
        with self.engine.connect() as conn:
            for at in range(0, len(wanted), _IN_CHUNK):
                latest = (select(func.max(older.c.run_id)).where((older.c.story_id == t.c.story_id)
                          & (older.c.run_id <= run_id)).scalar_subquery())
                q = select(t.c.story_id, t.c.run_id, t.c.gone, t.c.payload).where(
                    t.c.story_id.in_(wanted[at : at + _IN_CHUNK]) & (t.c.run_id == latest))
                out.update((r.story_id, (r.run_id, bool(r.gone), json.loads(zlib.decompress(r.payload))))
                           for r in conn.execute(q))
        return out

    def has_snapshots(self) -> bool:
        """Whether any story snapshot is stored (reads one row at most)."""
        with self.engine.connect() as conn:
            return conn.execute(select(schema.story_snapshots.c.story_id).limit(1)).first() is not None

    def snapshot_size(self) -> tuple[int, int]:
        """(rows, compressed bytes) of the stored story snapshots."""
        t = schema.story_snapshots
        with self.engine.connect() as conn:
            row = conn.execute(select(func.count(), func.coalesce(func.sum(func.length(t.c.payload)), 0))).one()
        return int(row[0]), int(row[1])

    def last_run(self, before: int) -> dict[str, Any] | None:
        """The summary of the latest run before run ``before``; None when there is none or it was interrupted."""
        query = select(schema.runs).where(schema.runs.c.id < before).order_by(schema.runs.c.id.desc()).limit(1)
        with self.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None or row.finished_at is None or not row.summary:
            return None
        return json.loads(row.summary)

    def add_reject(self, reject: Reject, run_id: int | None = None) -> None:
        with self.engine.begin() as conn:
            conn.execute(
                insert(schema.rejects).values(
                    run_id=run_id, source=reject.source, line=reject.line, reason=reject.reason, kind=reject.kind,
                    created_at=_now(),
                )
            )

    def rejects(self, run_id: int | None = None) -> list[Reject]:
        query = select(schema.rejects).order_by(schema.rejects.c.id)
        if run_id is not None:
            query = query.where(schema.rejects.c.run_id == run_id)
        with self.engine.connect() as conn:
            return [Reject(source=r.source, reason=r.reason, line=r.line, kind=r.kind) for r in conn.execute(query)]

    # ------------------------------------------------------------------------------ articles
    def add_article(self, article: Article, run_id: int | None = None) -> str:
        """Store ``article``. Returns ``"new"``, ``"known"`` (already stored, nothing changed) or
        ``"updated"`` (already stored; metadata it lacked was filled in, and its annotations were
        dropped, since stages read the metadata: it is annotated again). One transaction: on failure
        nothing of the article is stored and :class:`StoreError` names it."""
        try:
            return self._add_article(article, run_id)
        except SQLAlchemyError as exc:
            raise StoreError(f"article {article.id} from {article.source} was not stored: {exc}") from exc

    def _add_article(self, article: Article, run_id: int | None) -> str:
        with self.engine.begin() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article.id)).first()
            if row is not None:
                fill = {
                    name: value
                    for name, value in (
                        ("url", article.url),
                        ("title", article.title),
                        ("outlet", article.outlet),
                        ("author", article.author),
                    )
                    if value and not getattr(row, name)
                }
                if article.published and (not row.published or (row.published_estimated and not article.published_estimated)):
                    fill["published"] = article.published.isoformat()
                    fill["published_estimated"] = article.published_estimated
                if not fill:
                    return "known"
                conn.execute(update(schema.articles).where(schema.articles.c.id == article.id).values(**fill))
                conn.execute(delete(schema.annotations).where(schema.annotations.c.article_id == article.id))
                return "updated"
            seq = (conn.execute(select(func.max(schema.articles.c.seq))).scalar() or 0) + 1
            conn.execute(
                insert(schema.articles).values(
                    id=article.id,
                    seq=seq,
                    source=article.source,
                    url=article.url,
                    title=article.title,
                    outlet=article.outlet,
                    published=article.published.isoformat() if article.published else None,
                    published_estimated=article.published_estimated,
                    author=article.author,
                    text=article.text,
                    removed=codec.dumps(article.removed),
                    run_id=run_id,
                    created_at=_now(),
                )
            )
            return "new"

    def get_article(self, article_id: str) -> Article | None:
        with self.engine.connect() as conn:
            row = conn.execute(select(schema.articles).where(schema.articles.c.id == article_id)).first()
        return _article(row) if row is not None else None

    def iter_articles(self, ids: set[str] | frozenset[str] | None = None, batch: int = 500) -> Iterator[Article]:
        """Every article in insertion order, fetched in batches (bounded memory)."""
        last = 0
        while True:
            with self.engine.connect() as conn:
                rows = conn.execute(
                    select(schema.articles)
                    .where(schema.articles.c.seq > last)
                    .order_by(schema.articles.c.seq)
                    .limit(batch)
                ).all()
            if not rows:
                return
            for row in rows:
                if ids is None or row.id in ids:
                    yield _article(row)
            last = rows[-1].seq

    def has_url(self, url: str) -> bool:
        """Whether an article from ``url`` is stored (feeds skip fetching it again)."""
        with self.engine.connect() as conn:
            return conn.execute(select(schema.articles.c.id).where(schema.articles.c.url == url).limit(1)).first() is not None

    def article_ids_of_run(self, run_id: int) -> set[str]:
        """Ids of the articles first stored by run ``run_id``."""
        with self.engine.connect() as conn:
            q = select(schema.articles.c.id).where(schema.articles.c.run_id == run_id)
            return set(conn.execute(q).scalars())

    def article_ids(self) -> frozenset[str]:
        """The id of every stored article."""
        with self.engine.connect() as conn:
            return frozenset(conn.execute(select(schema.articles.c.id)).scalars())

    def count_articles(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.articles)).scalar() or 0)

    # --------------------------------------------------------------------------- annotations
    def put_annotations(self, article_id: str, stage: str, version: str, found: Mapping[str, tuple[Any, ...]]) -> None:
        self.put_many_annotations(article_id, {stage: (version, found)})

    def put_many_annotations(
        self, article_id: str, by_stage: Mapping[str, tuple[str, Mapping[str, tuple[Any, ...]]]]
    ) -> None:
        """Every stage's records for one article, in one transaction."""
        with self.engine.begin() as conn:
            for stage, (version, found) in by_stage.items():
                conn.execute(
                    delete(schema.annotations).where(
                        (schema.annotations.c.article_id == article_id) & (schema.annotations.c.stage == stage)
                    )
                )
                if found:
                    conn.execute(
                        insert(schema.annotations),
                        [
                            {
                                "article_id": article_id,
                                "stage": stage,
                                "kind": kind,
                                "version": version,
                                "payload": codec.dumps(records),
                            }
                            for kind, records in found.items()
                        ],
                    )

    def annotation_versions(self, article_id: str) -> dict[tuple[str, str], str]:
        """``{(stage, kind): version}`` stored for one article."""
        q = select(schema.annotations.c.stage, schema.annotations.c.kind, schema.annotations.c.version).where(
            schema.annotations.c.article_id == article_id
        )
        with self.engine.connect() as conn:
            return {(r.stage, r.kind): r.version for r in conn.execute(q)}

    def annotation_status(self, kinds: Mapping[str, tuple[str, Any]]) -> dict[str, set[str]]:
        """``{article_id: kinds stored at their current stage version}`` for every article, in
        insertion order (an empty set for an article with none), in one query that reads no
        payload. ``kinds`` maps kind to (stage label, ...), as for :meth:`article_annotations`."""
        a, n = schema.articles, schema.annotations
        q = (
            select(a.c.id, n.c.stage, n.c.kind, n.c.version)
            .select_from(a.outerjoin(n, (n.c.article_id == a.c.id) & n.c.kind.in_(list(kinds))))
            .order_by(a.c.seq)
        )
        out: dict[str, set[str]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                have = out.setdefault(row.id, set())
                if row.kind is not None and f"{row.stage}@{row.version}" == kinds[row.kind][0]:
                    have.add(row.kind)
        return out

    def article_annotations(self, article_id: str, kinds: Mapping[str, tuple[str, type]]) -> dict[str, tuple[Any, ...]]:
        """Records of one article whose stored stage version is current: ``kinds`` maps kind to
        (stage label, record type)."""
        q = select(schema.annotations).where(schema.annotations.c.article_id == article_id)
        out: dict[str, tuple[Any, ...]] = {}
        with self.engine.connect() as conn:
            for row in conn.execute(q):
                want = kinds.get(row.kind)
                if want and f"{row.stage}@{row.version}" == want[0]:
                    out[row.kind] = codec.loads(row.payload, tuple[want[1], ...])
        return out

    def annotations(self, kind: str, cls: type) -> dict[str, tuple[Any, ...]]:
        q = (
            select(schema.annotations.c.article_id, schema.annotations.c.payload)
            .where(schema.annotations.c.kind == kind)
            .order_by(schema.annotations.c.article_id)
        )
        with self.engine.connect() as conn:
            return {r.article_id: codec.loads(r.payload, tuple[cls, ...]) for r in conn.execute(q)}

    # ------------------------------------------------------------------------------- outputs
    def replace_outputs(
        self,
        stage: str,
        version: str,
        found: Mapping[str, tuple[Any, ...]],
        failures: Sequence[StageFailure] = (),
        run_id: int | None = None,
    ) -> None:
        """A corpus stage's records replace its earlier ones, and ``failures`` (the articles it
        failed on this time) its earlier failures, in one transaction."""
        with self.engine.begin() as conn:
            conn.execute(delete(schema.stage_failures).where(schema.stage_failures.c.stage == stage))
            if failures:
                conn.execute(
                    insert(schema.stage_failures),
                    [
                        {"stage": stage, "article_id": f.article_id, "version": version, "partition": f.partition,
                         "reason": f.reason, "run_id": run_id, "created_at": _now()}
                        for f in {f.article_id: f for f in failures}.values()
                    ],
                )
            conn.execute(delete(schema.outputs).where(schema.outputs.c.stage == stage))
            rows = [
                {"stage": stage, "kind": kind, "position": i, "version": version, "payload": codec.dumps(record)}
                for kind, records in found.items()
                for i, record in enumerate(records)
            ]
            if rows:
                conn.execute(insert(schema.outputs), rows)

    def outputs(self, kind: str, cls: type) -> tuple[Any, ...]:
        q = (
            select(schema.outputs.c.payload)
            .where(schema.outputs.c.kind == kind)
            .order_by(schema.outputs.c.stage, schema.outputs.c.position)
        )
        with self.engine.connect() as conn:
            return tuple(codec.loads(r.payload, cls) for r in conn.execute(q))

    def stage_failures(self, stage: str | None = None) -> list[StageFailure]:
        """The articles corpus stages failed on at their last run (of ``stage`` only, if given)."""
        t = schema.stage_failures
        q = select(t).order_by(t.c.stage, t.c.partition, t.c.article_id)
        if stage is not None:
            q = q.where(t.c.stage == stage)
        with self.engine.connect() as conn:
            return [StageFailure(stage=f"{r.stage}@{r.version}", article_id=r.article_id, partition=r.partition,
                                 reason=r.reason) for r in conn.execute(q)]

    # ------------------------------------------------------------------------------- vectors
    def vectors(self, model: str, keys: Sequence[bytes]) -> dict[bytes, bytes]:
        """The stored vectors (raw bytes) of those ``keys`` the cache holds for ``model``."""
        t = schema.vectors
        out: dict[bytes, bytes] = {}
        wanted = list(dict.fromkeys(keys))
        with self.engine.connect() as conn:
            for at in range(0, len(wanted), _IN_CHUNK):
                q = select(t.c.key, t.c.vector).where((t.c.model == model) & t.c.key.in_(wanted[at : at + _IN_CHUNK]))
                out.update((bytes(r.key), bytes(r.vector)) for r in conn.execute(q))
        return out

    def put_vectors(self, model: str, rows: Mapping[bytes, bytes]) -> None:
        """Adds vectors to the cache in one transaction (a key already there is kept)."""
        if not rows:
            return
        with self.engine.begin() as conn:
            conn.execute(
                sqlite_insert(schema.vectors).on_conflict_do_nothing(),
                [{"model": model, "key": k, "vector": v} for k, v in rows.items()],
            )

    def count_vectors(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(schema.vectors)).scalar() or 0)

    def stage_versions(self) -> dict[str, str]:
        """``{stage: version}`` of every stage that has stored output."""
        with self.engine.connect() as conn:
            found = {r.stage: r.version for r in conn.execute(select(schema.outputs.c.stage, schema.outputs.c.version).distinct())}
            found.update(
                {r.stage: r.version for r in conn.execute(select(schema.annotations.c.stage, schema.annotations.c.version).distinct())}
            )
        return found

    def integrity_check(self) -> str:
        with self.engine.connect() as conn:
            return str(conn.exec_driver_sql("PRAGMA integrity_check").scalar())


def _article(row: Any) -> Article:
    return Article(
        id=row.id,
        source=row.source,
        text=row.text,
        url=row.url,
        title=row.title,
        outlet=row.outlet,
        published=dt.date.fromisoformat(row.published) if row.published else None,
        published_estimated=bool(row.published_estimated),
        author=row.author,
        removed=codec.loads(row.removed, tuple[Removal, ...]),
    )


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    try:
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=30000")
        try:
            cur.execute("PRAGMA journal_mode=WAL")
        except sqlite3.OperationalError:  # a read-only connection cannot switch; reading still works
            pass
        cur.execute("PRAGMA synchronous=NORMAL")
    finally:
        cur.close()
