"""The one facade: the CLI, the web app and the distributed runner call these functions.

>>> from storyfold import api
>>> summary = api.fold(["examples/seeds"], manifest="examples/seeds/manifest.jsonl", db="story.db", out="out")
>>> data = api.export("story.db")
"""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from storyfold.config import Settings, load_settings
from storyfold.errors import InputRejected, StoreError, StoryfoldError
from storyfold.ingest import HtmlPage, Manifest, discover, is_url, load_manifest, read_inputs
from storyfold.pipeline import Context, Corpus, Pipeline
from storyfold.present.brief import render_brief_markdown
from storyfold.present.export import ARTICLE_KINDS, CORPUS_KINDS, ESTIMATE_KIND, build_export, write_csv, write_json
from storyfold.records import Article, Document, Reject
from storyfold.stages import clean as clean_stage
from storyfold.stages import default_stages
from storyfold.store import Store

__all__ = [
    "Engine",
    "FoldSummary",
    "LocalEngine",
    "PoolEngine",
    "Prepared",
    "build_pipeline",
    "export",
    "export_data",
    "fold",
    "open_store",
    "prepare_document",
    "recluster",
    "report",
    "watch",
    "write_outputs",
]

BATCH = 32


@dataclass(frozen=True, slots=True, kw_only=True)
class FoldSummary:
    """What one fold did: the CLI prints it, the web UI shows it, tests assert on it."""

    run_id: int
    db: str
    documents_read: int
    stored: int
    already_stored: int
    rejected: tuple[Reject, ...]
    annotated: int
    stages: tuple[str, ...]
    unfilled: tuple[str, ...]
    seconds: float
    outputs: tuple[str, ...] = ()
    stage_seconds: dict[str, float] = field(default_factory=dict)

    @property
    def nothing_read(self) -> bool:
        return self.documents_read == 0


ProgressFn = Callable[[str, int, int | None], None]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned article, with the records of the article stages when the engine ran them
    (an exception in their place when a stage failed on it, None when they are still to run)."""

    article: Article
    found: dict[str, tuple[Any, ...]] | Exception | None = None


class Engine(Protocol):
    def prepare(
        self,
        paths: Sequence[str | Path],
        settings: Settings,
        pipeline: Pipeline,
        manifest: Manifest | None,
        known_url: Callable[[str], bool],
    ) -> Iterator[Prepared | Reject]:
        """Cleaned articles (or rejects) of every input under ``paths``."""


def prepare_document(item: Document | InputRejected, settings: Settings) -> Prepared | Reject:
    """Clean one document read by a reader (or pass its rejection on): the step every engine runs."""
    if isinstance(item, InputRejected):
        return Reject(source=item.source, reason=item.reason, line=item.line)
    try:
        return Prepared(clean_stage.clean(item, settings))
    except InputRejected as exc:
        return Reject(source=exc.source, reason=exc.reason, line=exc.line)


class LocalEngine:
    """Reads and cleans in this process; article stages run afterwards over the store."""

    def prepare(
        self,
        paths: Sequence[str | Path],
        settings: Settings,
        pipeline: Pipeline,
        manifest: Manifest | None,
        known_url: Callable[[str], bool],
    ) -> Iterator[Prepared | Reject]:
        for item in read_inputs(paths, settings, manifest, known_url=known_url):
            yield prepare_document(item, settings)


def _stage_failed(article: Article, exc: Exception) -> Reject:
    """The reject that reports an article stage failing on ``article`` (retried on the next fold)."""
    return Reject(source=article.source, reason=f"article {article.id}: a stage failed: {exc!r}")


def _store_prepared(
    store: Store, pipeline: Pipeline, item: Prepared, reject: Callable[[Reject], None], failed_ids: set[str]
) -> bool:
    """Write the article-stage records an engine computed for a newly stored article; whether
    it was annotated. An article a stage failed on is reported and added to ``failed_ids``."""
    if item.found is None:
        return False
    if isinstance(item.found, Exception):
        reject(_stage_failed(item.article, item.found))
        failed_ids.add(item.article.id)
        return False
    by_stage = {
        stage.name: (stage.version, {k: item.found[k] for k in stage.provides})
        for stage in pipeline.article_stages
        if all(k in item.found for k in stage.provides)
    }
    if not by_stage:
        return False
    store.put_many_annotations(item.article.id, by_stage)
    return True


def build_pipeline(settings: Settings) -> Pipeline:
    pipeline = Pipeline(default_stages())
    return pipeline.select(settings.stages.split(",")) if settings.stages.strip() else pipeline


def open_store(db: str | Path, *, read_only: bool = False) -> Store:
    return Store(db, read_only=read_only)


def fold(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    db: str | Path | None = None,
    out: str | Path | None = None,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    progress: ProgressFn | None = None,
    engine: Engine | None = None,
) -> FoldSummary:
    """Read, clean and store every input under ``paths``, run every stage, and (with ``out``)
    write ``storyfold.json`` and ``brief.md`` there. Bad inputs are rejected with a reason and the
    run goes on; each article is stored in its own transaction.

    ``engine`` decides where reading, cleaning and article stages run: in this process (the
    default, :class:`LocalEngine`) or on a cluster (``storyfold.distributed.RayEngine``). Storing
    and the corpus stages always run here, so every engine gives the same database."""
    started = time.perf_counter()
    settings = settings or load_settings()
    if db is not None:
        settings = settings.with_(db=str(db))
    pipeline = pipeline or build_pipeline(settings)
    tick = progress or (lambda _phase, _done, _total: None)
    ctx = Context(settings=settings)
    timings = ctx.timings
    with Store(settings.db) as store:
        run_id = store.start_run()
        rejected: list[Reject] = []

        def reject(item: Reject) -> None:
            rejected.append(item)
            store.add_reject(item, run_id)

        loaded = load_manifest(Path(manifest)) if manifest is not None else None
        for item in loaded.rejects if loaded else ():
            reject(item)

        read = stored = already = annotated = 0
        failed_ids: set[str] = set()  # a stage failed on them in the engine: not retried in this fold
        t0 = time.perf_counter()
        pool = None
        if engine is None and settings.workers > 1 and pipeline.article_stages:
            wanted = {k: (st.label, None) for st in pipeline.article_stages for k in st.provides}
            complete = frozenset(a for a, have in store.annotation_status(wanted).items() if len(have) == len(wanted))
            pool = _WorkerPool(pipeline, settings, complete)
            engine = PoolEngine(pool, ctx)
        engine = engine or LocalEngine()
        try:
            for item in engine.prepare(paths, settings, pipeline, loaded, store.has_url):
                if isinstance(item, Reject):
                    reject(item)
                else:
                    read += 1
                    t_store = time.perf_counter()
                    try:
                        status = store.add_article(item.article, run_id)
                        ctx.timed("store articles", t_store)
                    except StoreError as exc:
                        reject(Reject(source=item.article.source, reason=f"could not be stored: {exc}"))
                        continue
                    if status == "new":
                        stored += 1
                        annotated += _store_prepared(store, pipeline, item, reject, failed_ids)
                    else:
                        already += 1  # stored records are current, or were dropped to be recomputed
                tick("read", read + len(rejected), None)
            if loaded is not None:
                for item in loaded.unused():
                    reject(item)
            if pool is None:
                timings["read+clean"] = time.perf_counter() - t0 - timings.get("store articles", 0.0)
            annotated += _annotate(store, pipeline, ctx, tick, reject, pool, skip=failed_ids)
        finally:
            if pool is not None:
                pool.close()
        _run_corpus_stages(store, pipeline, ctx, store.article_ids_of_run(run_id), tick, reject)

        stages = ("clean@" + clean_stage.VERSION, *(s.label for s in pipeline.stages))
        unfilled = tuple(k for k in (*ARTICLE_KINDS, *CORPUS_KINDS) if not pipeline.provides(k))
        written: list[str] = []
        if out is not None:
            written = [str(p) for p in write_outputs(store, pipeline, Path(out))]
        summary = FoldSummary(
            run_id=run_id,
            db=str(settings.db),
            documents_read=read,
            stored=stored,
            already_stored=already,
            rejected=tuple(rejected),
            annotated=annotated,
            stages=stages,
            unfilled=unfilled,
            seconds=time.perf_counter() - started,
            outputs=tuple(written),
            stage_seconds=timings,
        )
        store.finish_run(
            run_id,
            {
                "documents_read": read,
                "stored": stored,
                "already_stored": already,
                "rejected": len(rejected),
                "stages": list(stages),
                "seconds": round(summary.seconds, 3),
            },
        )
    return summary


def watch(
    targets: Sequence[str | Path],
    *,
    interval: float = 300.0,
    cycles: int | None = None,
    manifest: str | Path | None = None,
    out: str | Path | None = None,
    settings: Settings | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> Iterator[FoldSummary]:
    """Fold ``targets`` (folders, files, feed URLs) again every ``interval`` seconds, yielding one
    summary per cycle. Only files that are new or changed since the last cycle are read; feeds are
    re-read and only their unseen links fetched. Stops after ``cycles`` cycles (never, if None)."""
    seen: dict[Path, tuple[float, int]] = {}
    done = 0
    while cycles is None or done < cycles:
        if done:
            sleep(interval)
        files, _missing = discover([t for t in targets if not is_url(t)])
        fresh: list[str | Path] = []
        for path in files:
            stat = path.stat()
            if seen.get(path) != (stat.st_mtime, stat.st_size):
                seen[path] = (stat.st_mtime, stat.st_size)
                fresh.append(path)
        fresh += [t for t in targets if is_url(t)]
        yield fold(fresh, manifest=manifest, out=out, settings=settings)
        done += 1


def _annotate(
    store: Store,
    pipeline: Pipeline,
    ctx: Context,
    tick: ProgressFn,
    failed: Callable[[Reject], None],
    pool: _WorkerPool | None = None,
    skip: Iterable[str] = (),
) -> int:
    """Run article stages over every stored article that lacks a current annotation; each
    article's records are written in one transaction. An article a stage fails on is reported
    through ``failed`` and stays pending (retried by the next fold). Returns the number annotated.
    What is pending is found in one query (:meth:`Store.annotation_status`); only the articles
    with some current records have them read. With ``settings.workers > 1`` the stages run on
    ``pool`` (one is started, and closed after, when none is given). Articles in ``skip`` (a stage
    failed on them earlier in this fold, and was reported) are left pending."""
    stages = pipeline.article_stages
    if not stages:
        return 0
    wanted = {kind: (stage.label, cls) for stage in stages for kind, cls in stage.provides.items()}
    status = store.annotation_status(wanted)
    skip = frozenset(skip)
    pending = {aid: have for aid, have in status.items() if len(have) < len(wanted) and aid not in skip}
    if not pending:
        return 0
    total = len(pending)
    done = annotated = 0
    batch: list[tuple[Article, dict[str, Any]]] = []

    def write(items: list[tuple[Article, dict[str, Any]]], results: list[dict[str, Any] | Exception]) -> None:
        nonlocal annotated
        for (article, had), found in zip(items, results, strict=True):
            if isinstance(found, Exception):
                failed(_stage_failed(article, found))
                continue
            by_stage = {
                stage.name: (stage.version, {k: found[k] for k in stage.provides})
                for stage in stages
                if not all(k in had for k in stage.provides)
            }
            store.put_many_annotations(article.id, by_stage)
            annotated += 1

    own_pool = pool is None and ctx.settings.workers > 1
    if own_pool:
        pool = _WorkerPool(pipeline, ctx.settings)
    elif pool is None:
        for stage in stages:  # in this process; workers set up their own
            stage.setup(ctx)

    def flush() -> None:
        if not batch:
            return
        items = list(batch)
        batch.clear()
        t0 = time.perf_counter()
        if pool is None:
            write(items, pipeline.annotate_safely([a for a, _ in items], [h for _, h in items], ctx))
        else:
            for done_items, results in pool.annotate(items, ctx):
                write(done_items, results)
        ctx.timed("article stages", t0)

    for article in store.iter_articles(ids=frozenset(pending)):
        done += 1
        had = store.article_annotations(article.id, wanted) if pending[article.id] else {}
        batch.append((article, had))
        if len(batch) >= BATCH:
            flush()
        tick("annotate", done, total)
    flush()
    if pool is not None:
        t0 = time.perf_counter()
        for done_items, results in pool.drain(ctx):
            write(done_items, results)
        ctx.timed("article stages", t0)
        if own_pool:
            pool.close()
    return annotated


_worker_state: dict[str, Any] = {}


def _init_worker(pipeline: Pipeline, settings: Settings, complete: frozenset[str]) -> None:
    threads = max(1, (os.cpu_count() or 1) // max(1, settings.workers))
    os.environ.setdefault("OMP_NUM_THREADS", str(threads))  # torch: no more threads than our share of cores
    _worker_state["pipeline"] = pipeline
    _worker_state["ctx"] = Context(settings=settings)
    _worker_state["complete"] = complete
    for stage in pipeline.article_stages:
        stage.setup(_worker_state["ctx"])
    if "torch" in sys.modules:
        sys.modules["torch"].set_num_threads(threads)


def _sendable(exc: Exception) -> Exception:
    """``exc`` if it survives pickling back to the main process, else its repr in a RuntimeError."""
    try:
        pickle.dumps(exc)
    except Exception:  # noqa: BLE001 - any pickling failure
        return RuntimeError(repr(exc))
    return exc


def _take_timings() -> dict[str, float]:
    ctx = _worker_state["ctx"]
    timings, ctx.timings = ctx.timings, {}
    return timings


def _work(articles: list[Article], stored: list[dict[str, Any]]) -> tuple[list[Any], dict[str, float]]:
    found = _worker_state["pipeline"].annotate_safely(articles, stored, _worker_state["ctx"])
    return [_sendable(f) if isinstance(f, Exception) else f for f in found], _take_timings()


def _prepare_work(items: list[Any]) -> tuple[list[Prepared | Reject], dict[str, float]]:
    """In a worker: extract (deferred HTML pages), clean, and run the article stages on the
    articles not already stored with every current annotation."""
    ctx, pipeline = _worker_state["ctx"], _worker_state["pipeline"]
    t0 = time.perf_counter()
    prepared = [prepare_document(item.document() if isinstance(item, HtmlPage) else item, ctx.settings) for item in items]
    ctx.timed("read+clean", t0)
    todo = [i for i, p in enumerate(prepared) if isinstance(p, Prepared) and p.article.id not in _worker_state["complete"]]
    if todo and pipeline.article_stages:
        articles = [prepared[i].article for i in todo]  # type: ignore[union-attr]
        results = pipeline.annotate_safely(articles, [{} for _ in todo], ctx)
        for i, article, found in zip(todo, articles, results, strict=True):
            prepared[i] = Prepared(article, _sendable(found) if isinstance(found, Exception) else found)
    return prepared, _take_timings()


class _WorkerPool:
    """Article stages (and, through :class:`PoolEngine`, extraction and cleaning) over a process
    pool, at most two batches per worker in flight (bounded memory). Results are handed back in
    submission order; the main process does every write. Each worker's stage timings are added
    to the caller's ``ctx.timings`` (worker seconds: with N workers they can sum to N times the
    wall time); the main process's wait for results is ``waiting for workers``."""

    def __init__(self, pipeline: Pipeline, settings: Settings, complete: frozenset[str] = frozenset()) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            settings.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(pipeline, settings, complete),
        )
        self._limit = 2 * settings.workers
        self._pending: list[tuple[Any, Any]] = []

    def annotate(self, items: list[tuple[Article, dict[str, Any]]], ctx: Context) -> Iterator[tuple[list[Any], list[Any]]]:
        future = self._pool.submit(_work, [a for a, _ in items], [h for _, h in items])
        return self._submitted(items, future, ctx, self._limit)

    def prepare(self, items: list[Any], ctx: Context) -> Iterator[tuple[list[Any], list[Any]]]:
        return self._submitted(items, self._pool.submit(_prepare_work, items), ctx, self._limit)

    def drain(self, ctx: Context) -> Iterator[tuple[list[Any], list[Any]]]:
        return self._submitted(None, None, ctx, 0)

    def _submitted(self, items: Any, future: Any, ctx: Context, limit: int) -> Iterator[tuple[list[Any], list[Any]]]:
        if future is not None:
            self._pending.append((items, future))
        while len(self._pending) > limit:
            done_items, future = self._pending.pop(0)
            t0 = time.perf_counter()
            results, timings = future.result()
            ctx.timed("waiting for workers", t0)
            for label, seconds in timings.items():
                ctx.timings[label] = ctx.timings.get(label, 0.0) + seconds
            yield done_items, results

    def close(self) -> None:
        self._pool.shutdown(cancel_futures=True)  # nothing is pending after a drain; after an error, stop


class PoolEngine:
    """Reads in this process and hands extraction (deferred HTML pages), cleaning and the article
    stages to a worker pool, so that reading, extracting and annotating overlap and the main
    process only reads archives and writes the store. Used by :func:`fold` when ``workers > 1``."""

    def __init__(self, pool: _WorkerPool, ctx: Context) -> None:
        self.pool = pool
        self.ctx = ctx

    def prepare(
        self,
        paths: Sequence[str | Path],
        settings: Settings,
        pipeline: Pipeline,
        manifest: Manifest | None,
        known_url: Callable[[str], bool],
    ) -> Iterator[Prepared | Reject]:
        batch: list[Any] = []
        reading = read_inputs(paths, settings, manifest, known_url=known_url, defer_html=True)
        while True:
            t0 = time.perf_counter()
            item = next(reading, None)
            self.ctx.timed("read (main process)", t0)
            if item is not None:
                batch.append(item)
            if batch and (item is None or len(batch) >= BATCH):
                items, batch = batch, []
                for _items, results in self.pool.prepare(items, self.ctx):
                    yield from results
            if item is None:
                break
        for _items, results in self.pool.drain(self.ctx):
            yield from results


def _run_corpus_stages(
    store: Store,
    pipeline: Pipeline,
    ctx: Context,
    new_ids: Iterable[str],
    tick: ProgressFn,
    failed: Callable[[Reject], None],
) -> None:
    """Every corpus stage in order; a stage that fails keeps its earlier output and is reported
    through ``failed`` (raised instead with the ``debug`` setting)."""
    new_ids = frozenset(new_ids)
    for stage in pipeline.corpus_stages:
        t0 = time.perf_counter()
        try:
            stage.setup(ctx)
            found = stage.process(Corpus(store, pipeline.kinds, new_ids), ctx)
        except Exception as exc:  # noqa: BLE001 - earlier output is kept; the failure is reported
            if ctx.settings.debug:
                raise
            failed(Reject(source=f"stage {stage.label}", reason=f"failed, earlier output kept: {exc!r}"))
            continue
        store.replace_outputs(stage.name, stage.version, {k: tuple(found.get(k, ())) for k in stage.provides})
        ctx.timed(stage.label, t0)
        tick(stage.name, 1, 1)


def recluster(db: str | Path, *, out: str | Path | None = None, settings: Settings | None = None) -> dict[str, int]:
    """Recompute stories and events of database ``db`` from scratch, ignoring the earlier
    clustering (a fold only places new articles into it), then rerun the corpus stages so that
    what builds on stories follows. Returns the counts of stories and events."""
    if not Path(db).is_file():
        raise StoreError(f"no database at {db}; fold articles into it first (storyfold fold ... --db {db})")
    settings = (settings or load_settings()).with_(db=str(db))
    pipeline = build_pipeline(settings)
    ctx = Context(settings=settings)
    failures: list[Reject] = []
    with Store(settings.db) as store:
        for stage in pipeline.corpus_stages:
            if "stories" in stage.provides or "events" in stage.provides:
                store.replace_outputs(stage.name, stage.version, {})
        _annotate(store, pipeline, ctx, lambda *_: None, failures.append)
        _run_corpus_stages(store, pipeline, ctx, (a.id for a in store.iter_articles()), lambda *_: None, failures.append)
        if failures:
            raise StoryfoldError("recluster: " + "; ".join(f"{f.source}: {f.reason}" for f in failures))
        if out is not None:
            write_outputs(store, pipeline, Path(out))
        return {k: len(store.outputs(k, pipeline.kinds[k])) for k in ("stories", "events") if pipeline.provides(k)}


def export_data(store: Store, pipeline: Pipeline) -> dict[str, Any]:
    """The export document (contract v1) for everything in ``store``."""
    annotations = {k: store.annotations(k, pipeline.kinds[k]) for k in (*ARTICLE_KINDS, ESTIMATE_KIND)
                   if pipeline.provides(k)}
    outputs = {k: store.outputs(k, pipeline.kinds[k]) for k in CORPUS_KINDS if pipeline.provides(k)}
    stages = ("clean@" + clean_stage.VERSION, *(s.label for s in pipeline.stages))
    return build_export(store.iter_articles(), annotations, outputs, stages)


def export(db: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """The export document of database ``db``."""
    settings = settings or load_settings()
    with Store(db, read_only=True) as store:
        return export_data(store, build_pipeline(settings))


def report(db: str | Path, story_id: str, fmt: str = "md", *, settings: Settings | None = None) -> str:
    """The report of one story of database ``db``: ``md``, a self-contained ``html`` file, or ``json``."""
    from storyfold.present.report import render_report

    return render_report(export(db, settings=settings), story_id, fmt)


def write_outputs(store: Store, pipeline: Pipeline, out: Path, *, formats: Iterable[str] = ("json", "brief")) -> list[Path]:
    """Write the export (``storyfold.json``, or CSVs) and ``brief.md`` into folder ``out``."""
    data = export_data(store, pipeline)
    written: list[Path] = []
    for fmt in formats:
        if fmt == "json":
            written.append(write_json(data, out / "storyfold.json"))
        elif fmt == "csv":
            written.extend(write_csv(data, out))
        elif fmt == "brief":
            out.mkdir(parents=True, exist_ok=True)
            path = out / "brief.md"
            path.write_text(render_brief_markdown(data), encoding="utf-8")
            written.append(path)
    return written
