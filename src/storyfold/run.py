"""The fold: read, clean and store every input, run the article stages over what is pending and
the corpus stages over the store, and write the outputs. Also :func:`watch` (fold again as inputs
arrive) and :func:`recluster` (recompute stories and events from scratch).

Where reading, cleaning and article stages run is the engine's choice (:mod:`storyfold.engines`);
storing and the corpus stages always run here, so every engine gives the same database.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

from storyfold.config import Settings, load_settings
from storyfold.engines.base import Engine, FoldJob, LocalEngine, Prepared, stage_failed
from storyfold.engines.pool import BATCH, PoolEngine, WorkerPool
from storyfold.errors import StoreError, StoryfoldError
from storyfold.history import ensure_baseline, record_run
from storyfold.ingest import InputLedger, discover, is_url, load_manifest
from storyfold.outputs import file_stamps, outputs_current, stage_labels, unfilled_kinds, write_outputs
from storyfold.pipeline import Context, Pipeline
from storyfold.records import Article, Reject
from storyfold.stages import build_pipeline
from storyfold.store import Store

__all__ = ["FoldSummary", "ProgressFn", "annotate_pending", "fold", "recluster", "watch"]

ProgressFn = Callable[[str, int, int | None], None]


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
    warnings: tuple[Reject, ...] = ()  # inputs kept without an unusable field (kind "warning")
    # input files an earlier fold read to the end, unchanged, so not read again (their documents
    # are counted in already_stored)
    unchanged_inputs: int = 0
    unchanged_documents: int = 0

    @property
    def nothing_read(self) -> bool:
        """No document was read and no input was known unchanged: the paths held nothing to fold."""
        return self.documents_read == 0 and self.unchanged_inputs == 0


def _no_progress(_phase: str, _done: int, _total: int | None) -> None:
    """The progress callback of a fold nobody watches."""


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
    sources_as: tuple[Path, str] | None = None,
) -> FoldSummary:
    """Read, clean and store every input under ``paths``, run every stage, and (with ``out``)
    write ``storyfold.json`` and ``brief.md`` there. Bad inputs are rejected with a reason and the
    run goes on; each article is stored in its own transaction.

    ``engine`` decides where reading, cleaning and article stages run: in this process (the
    default, :class:`~storyfold.engines.base.LocalEngine`), over a worker pool (``workers > 1``)
    or on a cluster (:class:`storyfold.engines.ray.RayEngine`).

    ``sources_as`` ``(folder, label)``: inputs under ``folder`` are named ``label/<path inside it>``
    in the store and the summary (the web app's uploads: no server path is shown to users)."""
    started = time.perf_counter()
    settings = settings or load_settings()
    if db is not None:
        settings = settings.with_(db=str(db))
    pipeline = pipeline or build_pipeline(settings)
    tick = progress or _no_progress
    ctx = Context(settings=settings)
    timings = ctx.timings
    def rename(source: str) -> str:
        if sources_as is None:
            return source
        folder, label = str(sources_as[0]), sources_as[1]
        return label + source[len(folder):] if source.startswith(folder) else source.replace(folder, label)

    with Store(settings.db) as store:
        run_id = store.start_run()
        rejected: list[Reject] = []
        warnings: list[Reject] = []

        def reject(item: Reject) -> None:
            item = replace(item, source=rename(item.source))
            (warnings if item.kind == "warning" else rejected).append(item)
            store.add_reject(item, run_id)

        loaded = load_manifest(Path(manifest)) if manifest is not None else None
        for item in loaded.rejects if loaded else ():
            reject(item)

        read = stored = already = annotated = updated = 0
        failed_ids: set[str] = set()  # a stage failed on them in the engine: not retried in this fold
        t0 = time.perf_counter()
        pool = None
        if engine is None and settings.workers > 1 and pipeline.article_stages:
            wanted = {k: (st.label, None) for st in pipeline.article_stages for k in st.provides}
            complete = frozenset(a for a, have in store.annotation_status(wanted).items() if len(have) == len(wanted))
            pool = WorkerPool(pipeline, settings, complete)
            engine = PoolEngine(pool, ctx)
        engine = engine or LocalEngine()
        ledger = InputLedger(known=store.known_input, settings=settings)
        store_failed = False  # an article could not be stored: no input is recorded as read
        stored_from: set[str] = set()  # the sources of the articles stored (new or already)
        job = FoldJob(paths=paths, settings=settings, pipeline=pipeline, manifest=loaded, known_url=store.has_url,
                      ledger=ledger)
        try:
            for item in engine.prepare(job):
                if isinstance(item, Reject):
                    reject(item)
                else:
                    read += 1
                    source = item.article.source  # as read, before any renaming
                    if sources_as is not None:
                        item = replace(item, article=replace(item.article, source=rename(item.article.source)))
                    t_store = time.perf_counter()
                    try:
                        status = store.add_article(item.article, run_id)
                        ctx.timed("store articles", t_store)
                    except StoreError as exc:
                        reject(Reject(source=item.article.source, reason=f"could not be stored: {exc}"))
                        store_failed = True
                        continue
                    stored_from.add(source)
                    if status == "new":
                        stored += 1
                        annotated += _store_prepared(store, pipeline, item, reject, failed_ids)
                    else:
                        already += 1  # stored records are current, or were dropped to be recomputed
                        updated += status == "updated"
                tick("read", read + len(rejected) + len(warnings), None)
            if loaded is not None:
                for item in loaded.unused():
                    reject(item)
            already += ledger.skipped_documents  # known unchanged: stored by an earlier fold
            if not store_failed:  # every document of these files is stored: later folds skip them
                store.add_inputs(run_id, ledger.stored(stored_from))
            if pool is None:
                timings["read+clean"] = time.perf_counter() - t0 - timings.get("store articles", 0.0)
            annotated += annotate_pending(store, pipeline, ctx, tick, reject, pool, skip=failed_ids)
        finally:
            if pool is not None:
                pool.close()
        corpus_key = _corpus_key(settings, pipeline, store.count_articles())
        previous = store.last_run(run_id) or {}
        unchanged = (stored == annotated == updated == 0 and previous.get("corpus") == corpus_key
                     and not store.stage_failures())
        corpus_done: str | None = corpus_key
        ensure_baseline(store, pipeline, run_id)  # a store folded before snapshots were kept
        if not unchanged:  # with nothing new, the corpus stages would give back their stored output
            def corpus_reject(item: Reject) -> None:
                nonlocal corpus_done
                corpus_done = None  # a stage failed: the next fold runs them again
                reject(item)

            pipeline.run_corpus(store, ctx, store.article_ids_of_run(run_id), tick, corpus_reject, run_id)
            record_run(store, pipeline, run_id)  # the stories this run changed, as they now are

        stages = stage_labels(pipeline)
        written: list[str] = []
        stamps: dict[str, list[int]] = {}
        if out is not None:
            kept = previous.get("outputs") or {}
            if unchanged and kept.get("folder") == str(Path(out).resolve()) and outputs_current(kept.get("files", {})):
                stamps = kept["files"]
                written = list(stamps)
            else:
                written = [str(p) for p in write_outputs(store, pipeline, Path(out))]
                stamps = file_stamps(written)
        summary = FoldSummary(
            run_id=run_id,
            db=str(settings.db),
            documents_read=read,
            stored=stored,
            already_stored=already,
            rejected=tuple(rejected),
            annotated=annotated,
            stages=stages,
            unfilled=unfilled_kinds(pipeline),
            seconds=time.perf_counter() - started,
            outputs=tuple(written),
            stage_seconds=timings,
            warnings=tuple(warnings),
            unchanged_inputs=len(ledger.skipped),
            unchanged_documents=ledger.skipped_documents,
        )
        store.finish_run(
            run_id,
            {
                "documents_read": read,
                "stored": stored,
                "already_stored": already,
                "unchanged_inputs": len(ledger.skipped),
                "rejected": len(rejected),
                "warnings": len(warnings),
                "stages": list(stages),
                "seconds": round(summary.seconds, 3),
                "corpus": corpus_done,
                "outputs": {"folder": str(Path(out).resolve()), "files": stamps} if out is not None else None,
            },
        )
    return summary


def _corpus_key(settings: Settings, pipeline: Pipeline, articles: int) -> str:
    """What the corpus stages' stored output depends on besides the stored articles and their
    annotations: the settings (but the database's path), every stage's version, and the number
    of articles. A fold that stores and annotates nothing, after a fold that ran the corpus
    stages to the end under the same key, leaves their output as it is."""
    fields = {k: v for k, v in asdict(settings).items() if k != "db"}
    text = json.dumps([fields, stage_labels(pipeline), articles], sort_keys=True, default=str)
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _store_prepared(
    store: Store, pipeline: Pipeline, item: Prepared, reject: Callable[[Reject], None], failed_ids: set[str]
) -> bool:
    """Write the article-stage records an engine computed for a newly stored article; whether
    it was annotated. An article a stage failed on is reported and added to ``failed_ids``."""
    if item.found is None:
        return False
    if isinstance(item.found, Exception):
        reject(stage_failed(item.article, item.found))
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


def annotate_pending(
    store: Store,
    pipeline: Pipeline,
    ctx: Context,
    tick: ProgressFn,
    failed: Callable[[Reject], None],
    pool: WorkerPool | None = None,
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
                failed(stage_failed(article, found))
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
        pool = WorkerPool(pipeline, ctx.settings)
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


def recluster(db: str | Path, *, out: str | Path | None = None, settings: Settings | None = None) -> dict[str, int]:
    """Recompute stories and events of database ``db`` from scratch, ignoring the earlier
    clustering (a fold only places new articles into it), then rerun the corpus stages so that
    what builds on stories follows. It is a run: the stories it changed are snapshotted, so a change
    set lists what it changed (:func:`storyfold.history.record_run`). Returns the counts of stories
    and events."""
    if not Path(db).is_file():
        raise StoreError(f"no database at {db}; fold articles into it first (storyfold fold ... --db {db})")
    settings = (settings or load_settings()).with_(db=str(db))
    pipeline = build_pipeline(settings)
    ctx = Context(settings=settings)
    failures: list[Reject] = []
    with Store(settings.db) as store:
        run_id = store.start_run()  # recorded without a corpus key: the next fold writes its export again
        ensure_baseline(store, pipeline, run_id)  # a store folded before snapshots were kept
        for stage in pipeline.corpus_stages:
            if "stories" in stage.provides or "events" in stage.provides:
                store.replace_outputs(stage.name, stage.version, {})
        annotate_pending(store, pipeline, ctx, _no_progress, failures.append)
        pipeline.run_corpus(store, ctx, (a.id for a in store.iter_articles()), _no_progress, failures.append, run_id)
        if failures:
            raise StoryfoldError("recluster: " + "; ".join(f"{f.source}: {f.reason}" for f in failures))
        record_run(store, pipeline, run_id, every_story=True)  # a run in the change history like any fold
        if out is not None:
            write_outputs(store, pipeline, Path(out))
        counts = {k: len(store.outputs(k, pipeline.kinds[k])) for k in ("stories", "events") if pipeline.provides(k)}
        store.finish_run(run_id, {"recluster": counts, "corpus": None})
        return counts
