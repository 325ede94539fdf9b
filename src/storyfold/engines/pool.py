"""Article work over a local process pool: the article stages (for :func:`storyfold.run.fold`
and :func:`storyfold.run.recluster` with ``workers > 1``) and, through :class:`PoolEngine`,
extraction and cleaning as well."""

from __future__ import annotations

import os
import pickle
import sys
import time
from collections.abc import Iterator
from typing import Any

from storyfold.config import Settings
from storyfold.engines.base import FoldJob, Prepared, prepare_document
from storyfold.ingest import HtmlPage, read_inputs
from storyfold.pipeline import Context, Pipeline
from storyfold.records import Article, Reject

__all__ = ["BATCH", "PoolEngine", "WorkerPool"]

BATCH = 32  # articles handed to a worker (or annotated in this process) at once

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


class WorkerPool:
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
    process only reads archives and writes the store. Used by the fold when ``workers > 1``."""

    def __init__(self, pool: WorkerPool, ctx: Context) -> None:
        self.pool = pool
        self.ctx = ctx

    def prepare(self, job: FoldJob) -> Iterator[Prepared | Reject]:
        batch: list[Any] = []
        reading = read_inputs(job.paths, job.settings, job.manifest, known_url=job.known_url, defer_html=True,
                              ledger=job.ledger)
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
