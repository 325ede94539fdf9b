"""The one facade: the CLI, the web app and the distributed runner call these functions.

>>> from storyfold import api
>>> summary = api.fold(["examples/seeds"], manifest="examples/seeds/manifest.jsonl", db="story.db", out="out")
>>> data = api.export("story.db")
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from storyfold.config import Settings, load_settings
from storyfold.errors import InputRejected, StoreError, StoryfoldError
from storyfold.ingest import Manifest, discover, is_url, load_manifest, read_inputs
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


def _store_prepared(store: Store, pipeline: Pipeline, item: Prepared, reject: Callable[[Reject], None]) -> None:
    """Write the article-stage records an engine computed for a newly stored article."""
    if item.found is None:
        return
    if isinstance(item.found, Exception):
        reject(_stage_failed(item.article, item.found))
        return
    by_stage = {
        stage.name: (stage.version, {k: item.found[k] for k in stage.provides})
        for stage in pipeline.article_stages
        if all(k in item.found for k in stage.provides)
    }
    if by_stage:
        store.put_many_annotations(item.article.id, by_stage)


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

        read = stored = already = 0
        t0 = time.perf_counter()
        engine = engine or LocalEngine()
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
                    _store_prepared(store, pipeline, item, reject)
                else:
                    already += 1  # stored records are current, or were dropped to be recomputed
            tick("read", read + len(rejected), None)
        if loaded is not None:
            for item in loaded.unused():
                reject(item)
        timings["read+clean"] = time.perf_counter() - t0 - timings.get("store articles", 0.0)

        annotated = _annotate(store, pipeline, ctx, tick, reject)
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
) -> int:
    """Run article stages over every stored article that lacks a current annotation; each
    article's records are written in one transaction. An article a stage fails on is reported
    through ``failed`` and stays pending (retried by the next fold). Returns the number annotated."""
    stages = pipeline.article_stages
    if not stages:
        return 0
    for stage in stages:
        stage.setup(ctx)
    wanted = {kind: (stage.label, cls) for stage in stages for kind, cls in stage.provides.items()}
    total = store.count_articles()
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

    pool = _WorkerPool(pipeline, ctx.settings) if ctx.settings.workers > 1 else None

    def flush() -> None:
        if not batch:
            return
        items = list(batch)
        batch.clear()
        t0 = time.perf_counter()
        if pool is None:
            write(items, pipeline.annotate_safely([a for a, _ in items], [h for _, h in items], ctx))
        else:
            for done_items, results in pool.submit(items):
                write(done_items, results)
        ctx.timed("article stages", t0)

    for article in store.iter_articles():
        done += 1
        had = store.article_annotations(article.id, wanted)
        if len(had) < len(wanted):
            batch.append((article, had))
            if len(batch) >= BATCH:
                flush()
        tick("annotate", done, total)
    flush()
    if pool is not None:
        for done_items, results in pool.drain():
            write(done_items, results)
        pool.close()
    return annotated


_worker_state: dict[str, Any] = {}


def _init_worker(pipeline: Pipeline, settings: Settings) -> None:
    _worker_state["pipeline"] = pipeline
    _worker_state["ctx"] = Context(settings=settings)
    for stage in pipeline.article_stages:
        stage.setup(_worker_state["ctx"])


def _work(articles: list[Article], stored: list[dict[str, Any]]) -> list[dict[str, Any] | Exception]:
    return _worker_state["pipeline"].annotate_safely(articles, stored, _worker_state["ctx"])


class _WorkerPool:
    """Article stages over a process pool, at most two batches per worker in flight (bounded memory).
    Results are handed back in submission order; the main process does every write."""

    def __init__(self, pipeline: Pipeline, settings: Settings) -> None:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        self._pool = ProcessPoolExecutor(
            settings.workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_init_worker,
            initargs=(pipeline, settings),
        )
        self._limit = 2 * settings.workers
        self._pending: list[tuple[list[tuple[Article, dict[str, Any]]], Any]] = []

    def submit(self, items: list[tuple[Article, dict[str, Any]]]) -> Iterator[tuple[list[Any], list[Any]]]:
        self._pending.append((items, self._pool.submit(_work, [a for a, _ in items], [h for _, h in items])))
        while len(self._pending) > self._limit:
            done_items, future = self._pending.pop(0)
            yield done_items, future.result()

    def drain(self) -> Iterator[tuple[list[Any], list[Any]]]:
        while self._pending:
            done_items, future = self._pending.pop(0)
            yield done_items, future.result()

    def close(self) -> None:
        self._pool.shutdown()


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
