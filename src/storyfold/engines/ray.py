"""The same pipeline on Ray Data: reading, cleaning and the registered article stages run on the
cluster, one input file per task (a WARC file, a JSONL file, an HTML page); the driver stores
the results and runs the corpus stages, exactly as a local fold does. No stage code of its own:
workers call :func:`storyfold.ingest.read_file`, :func:`storyfold.engines.base.prepare_document` and
:meth:`storyfold.pipeline.Pipeline.annotate_safely`.

Install with ``pip install "storyfold[ray]"``; use with
``storyfold fold PATHS --engine ray [--ray-address ADDRESS] [--workers N]``.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from storyfold import codec
from storyfold.config import Settings
from storyfold.engines.base import FoldJob, Prepared, prepare_document
from storyfold.errors import ConfigError
from storyfold.ingest import apply_manifest, discover, is_url, read_file, read_url
from storyfold.ingest.manifest import ManifestEntry
from storyfold.pipeline import Context, Pipeline
from storyfold.records import Article, Document, Reject

__all__ = ["RayEngine"]


class _FoldWorker:
    """A Ray actor: loads the stages' models once, then reads, cleans and annotates whole input
    files (one file per call), returning one row per document (JSON strings: Arrow-safe)."""

    def __init__(self, pipeline: Pipeline, settings: Settings, batch_size: int) -> None:
        self.pipeline = pipeline
        self.settings = settings
        self.batch_size = batch_size
        self.ctx = Context(settings=settings)
        for stage in pipeline.article_stages:
            stage.setup(self.ctx)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[str]]:
        rows: dict[str, list[str]] = {"article": [], "reject": [], "found": []}
        for path, entry_json in zip(batch["path"], batch["entry"], strict=True):
            entry = codec.loads(entry_json, ManifestEntry) if entry_json else None
            articles: list[Article] = []
            for item in read_file(Path(path), self.settings):
                if entry is not None and isinstance(item, Document):
                    item = apply_manifest(item, entry)
                prepared = prepare_document(item, self.settings)
                if isinstance(prepared, Reject):
                    rows["article"].append("")
                    rows["reject"].append(codec.dumps(prepared))
                    rows["found"].append("")
                    continue
                articles.append(prepared.article)
                if len(articles) >= self.batch_size:
                    self._annotate(articles, rows)
            self._annotate(articles, rows)
        return rows

    def _annotate(self, articles: list[Article], rows: dict[str, list[str]]) -> None:
        if not articles:
            return
        results = self.pipeline.annotate_safely(articles, [{} for _ in articles], self.ctx)
        for article, result in zip(articles, results, strict=True):
            rows["article"].append(codec.dumps(article))
            rows["reject"].append("")
            rows["found"].append(
                json.dumps({"error": repr(result)})
                if isinstance(result, Exception)
                else codec.dumps({k: list(v) for k, v in result.items()})
            )
        articles.clear()


class RayEngine:
    """Runs reading, cleaning and article stages on Ray (a local instance when no address)."""

    def __init__(self, *, address: str | None = None, num_workers: int = 2, batch_size: int = 32) -> None:
        try:
            import ray  # noqa: F401
        except ImportError as exc:
            raise ConfigError('the Ray engine needs Ray: pip install "storyfold[ray]"') from exc
        self.address = address
        self.num_workers = num_workers
        self.batch_size = batch_size

    def prepare(self, job: FoldJob) -> Iterator[Prepared | Reject]:
        import ray

        paths, settings, pipeline, manifest = job.paths, job.settings, job.pipeline, job.manifest
        for url in (p for p in paths if is_url(p)):  # feeds are fetched politely, one host at a time, here
            for item in read_url(str(url), settings, job.known_url):
                yield prepare_document(item, settings)
        files, missing = discover(paths)
        for item in missing:
            yield Reject(source=item.source, reason=item.reason)
        if not files:
            return
        rows = []
        for path in files:
            entry = manifest.lookup(path) if manifest is not None else None
            rows.append({"path": str(path), "entry": codec.dumps(entry) if entry else ""})
        if not ray.is_initialized():
            ray.init(
                address=self.address,
                num_cpus=None if self.address else self.num_workers,
                include_dashboard=False,
                log_to_driver=False,
                configure_logging=False,
            )
        dataset = ray.data.from_items(rows, override_num_blocks=max(1, min(len(rows), 4 * self.num_workers)))
        dataset = dataset.map_batches(
            _FoldWorker,
            fn_constructor_args=(pipeline, settings, self.batch_size),
            batch_size=1,  # one input file per call: a WARC or JSONL file is a partition
            compute=ray.data.ActorPoolStrategy(size=self.num_workers),
            num_cpus=1,
        )
        kinds = pipeline.kinds
        for row in dataset.iter_rows():
            if row["reject"]:
                yield codec.loads(row["reject"], Reject)
                continue
            article = codec.loads(row["article"], Article)
            found_raw = json.loads(row["found"]) if row["found"] else {}
            if "error" in found_raw:
                yield Prepared(article, RuntimeError(found_raw["error"]))
                continue
            found = {k: tuple(codec.from_dict(v, list[kinds[k]])) for k, v in found_raw.items()}
            yield Prepared(article, found)
