"""The one facade: the CLI, the web app and the distributed runner call these functions.

>>> from storyfold import api
>>> summary = api.fold(["examples/seeds"], manifest="examples/seeds/manifest.jsonl", db="story.db", out="out")
>>> data = api.export("story.db")
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from storyfold.config import Settings, load_settings
from storyfold.errors import InputRejected, StoreError
from storyfold.ingest import load_manifest, read_inputs
from storyfold.pipeline import Context, Corpus, Pipeline
from storyfold.present.brief import render_brief_markdown
from storyfold.present.export import ARTICLE_KINDS, CORPUS_KINDS, build_export, write_csv, write_json
from storyfold.records import Article, Reject
from storyfold.stages import clean as clean_stage
from storyfold.stages import default_stages
from storyfold.store import Store

__all__ = ["FoldSummary", "build_pipeline", "export", "export_data", "fold", "open_store", "recluster", "write_outputs"]

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
) -> FoldSummary:
    """Read, clean and store every input under ``paths``, run every stage, and (with ``out``)
    write ``storyfold.json`` and ``brief.md`` there. Bad inputs are rejected with a reason and the
    run goes on; each article is stored in its own transaction."""
    started = time.perf_counter()
    settings = settings or load_settings()
    if db is not None:
        settings = settings.with_(db=str(db))
    pipeline = pipeline or build_pipeline(settings)
    tick = progress or (lambda _phase, _done, _total: None)
    ctx = Context(settings=settings)
    timings: dict[str, float] = {}
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
        for item in read_inputs(paths, settings, loaded):
            if isinstance(item, InputRejected):
                reject(Reject(source=item.source, reason=item.reason, line=item.line))
                tick("read", read + len(rejected), None)
                continue
            read += 1
            try:
                article = clean_stage.clean(item, settings)
                if store.add_article(article, run_id):
                    stored += 1
                else:
                    already += 1
            except InputRejected as exc:
                reject(Reject(source=exc.source, reason=exc.reason, line=exc.line))
            except StoreError as exc:
                reject(Reject(source=item.source, reason=f"could not be stored: {exc}"))
            tick("read", read + len(rejected), None)
        if loaded is not None:
            for item in loaded.unused():
                reject(item)
        timings["read+clean+store"] = time.perf_counter() - t0

        annotated = _annotate(store, pipeline, ctx, tick, timings)
        _run_corpus_stages(store, pipeline, ctx, store.article_ids_of_run(run_id), tick, timings)

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


def _annotate(store: Store, pipeline: Pipeline, ctx: Context, tick: ProgressFn, timings: dict[str, float]) -> int:
    """Run article stages over every stored article that lacks a current annotation; each
    article's records are written in one transaction. Returns the number of articles annotated."""
    stages = pipeline.article_stages
    if not stages:
        return 0
    for stage in stages:
        stage.setup(ctx)
    wanted = {kind: (stage.label, cls) for stage in stages for kind, cls in stage.provides.items()}
    total = store.count_articles()
    done = annotated = 0
    batch: list[tuple[Article, dict[str, Any]]] = []

    def flush() -> None:
        nonlocal annotated
        if not batch:
            return
        t0 = time.perf_counter()
        results = pipeline.annotate([a for a, _ in batch], [s for _, s in batch], ctx)
        timings["article stages"] = timings.get("article stages", 0.0) + time.perf_counter() - t0
        for (article, had), found in zip(batch, results, strict=True):
            by_stage = {
                stage.name: (stage.version, {k: found[k] for k in stage.provides})
                for stage in stages
                if not all(k in had for k in stage.provides)
            }
            store.put_many_annotations(article.id, by_stage)
            annotated += 1
        batch.clear()

    for article in store.iter_articles():
        done += 1
        had = store.article_annotations(article.id, wanted)
        if len(had) < len(wanted):
            batch.append((article, had))
            if len(batch) >= BATCH:
                flush()
        tick("annotate", done, total)
    flush()
    return annotated


def _run_corpus_stages(
    store: Store, pipeline: Pipeline, ctx: Context, new_ids: Iterable[str], tick: ProgressFn, timings: dict[str, float]
) -> None:
    new_ids = frozenset(new_ids)
    for stage in pipeline.corpus_stages:
        t0 = time.perf_counter()
        stage.setup(ctx)
        found = stage.process(Corpus(store, pipeline.kinds, new_ids), ctx)
        store.replace_outputs(stage.name, stage.version, {k: tuple(found.get(k, ())) for k in stage.provides})
        timings[stage.label] = time.perf_counter() - t0
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
    with Store(settings.db) as store:
        for stage in pipeline.corpus_stages:
            if "stories" in stage.provides or "events" in stage.provides:
                store.replace_outputs(stage.name, stage.version, {})
        _annotate(store, pipeline, ctx, lambda *_: None, {})
        _run_corpus_stages(store, pipeline, ctx, (a.id for a in store.iter_articles()), lambda *_: None, {})
        if out is not None:
            write_outputs(store, pipeline, Path(out))
        return {k: len(store.outputs(k, pipeline.kinds[k])) for k in ("stories", "events") if pipeline.provides(k)}


def export_data(store: Store, pipeline: Pipeline) -> dict[str, Any]:
    """The export document (contract v1) for everything in ``store``."""
    annotations = {k: store.annotations(k, pipeline.kinds[k]) for k in ARTICLE_KINDS if pipeline.provides(k)}
    outputs = {k: store.outputs(k, pipeline.kinds[k]) for k in CORPUS_KINDS if pipeline.provides(k)}
    stages = ("clean@" + clean_stage.VERSION, *(s.label for s in pipeline.stages))
    return build_export(store.iter_articles(), annotations, outputs, stages)


def export(db: str | Path, *, settings: Settings | None = None) -> dict[str, Any]:
    """The export document of database ``db``."""
    settings = settings or load_settings()
    with Store(db, read_only=True) as store:
        return export_data(store, build_pipeline(settings))


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
