"""What a fold writes: the export document of a store and the files made from it."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from storyfold.pipeline import Pipeline
from storyfold.present.brief import render_brief_markdown
from storyfold.present.export import ARTICLE_KINDS, CORPUS_KINDS, ESTIMATE_KIND, build_export, write_csv, write_json
from storyfold.stages import clean as clean_stage
from storyfold.store import Store

__all__ = ["export_data", "file_stamps", "outputs_current", "stage_labels", "unfilled_kinds", "write_outputs"]


def stage_labels(pipeline: Pipeline) -> tuple[str, ...]:
    """The versioned name of every stage a fold with ``pipeline`` runs, cleaning first."""
    return ("clean@" + clean_stage.VERSION, *(s.label for s in pipeline.stages))


def unfilled_kinds(pipeline: Pipeline) -> tuple[str, ...]:
    """The export's lists that no stage of ``pipeline`` fills."""
    return tuple(k for k in (*ARTICLE_KINDS, *CORPUS_KINDS) if not pipeline.provides(k))


def export_data(store: Store, pipeline: Pipeline) -> dict[str, Any]:
    """The export document (contract v1) for everything in ``store``."""
    annotations = {k: store.annotations(k, pipeline.kinds[k]) for k in (*ARTICLE_KINDS, ESTIMATE_KIND)
                   if pipeline.provides(k)}
    outputs = {k: store.outputs(k, pipeline.kinds[k]) for k in CORPUS_KINDS if pipeline.provides(k)}
    return build_export(store.iter_articles(), annotations, outputs, stage_labels(pipeline))


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


def file_stamps(paths: Iterable[str | Path]) -> dict[str, list[int]]:
    """``{path: [size, mtime in ns]}`` of files just written (a later fold with nothing new keeps
    them when they are still as written)."""
    stamps = {}
    for p in paths:
        st = Path(p).stat()
        stamps[str(p)] = [st.st_size, st.st_mtime_ns]
    return stamps


def outputs_current(stamps: dict[str, list[int]]) -> bool:
    """Whether every file of ``stamps`` is still there, of the size and time it was written with."""
    if not stamps:
        return False
    for p, (size, mtime) in stamps.items():
        try:
            st = Path(p).stat()
        except OSError:
            return False
        if (st.st_size, st.st_mtime_ns) != (size, mtime):
            return False
    return True
