"""What every engine shares: the job it is handed, what it hands back, and the in-process engine.

An engine decides where reading, cleaning and (optionally) the article stages run. Whatever it
runs on, it yields :class:`Prepared` articles (or :class:`~storyfold.records.Reject` items) to the
fold, which stores them and runs the corpus stages in the calling process, so every engine gives
the same database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from storyfold.config import Settings
from storyfold.errors import InputRejected, InputWarning
from storyfold.ingest import InputLedger, Manifest, read_inputs
from storyfold.pipeline import Pipeline
from storyfold.records import Article, Document, Reject
from storyfold.stages import clean as clean_stage

__all__ = ["Engine", "FoldJob", "LocalEngine", "Prepared", "prepare_document", "stage_failed"]


@dataclass(frozen=True, slots=True)
class Prepared:
    """A cleaned article, with the records of the article stages when the engine ran them
    (an exception in their place when a stage failed on it, None when they are still to run)."""

    article: Article
    found: dict[str, tuple[Any, ...]] | Exception | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class FoldJob:
    """What a fold hands its engine: the inputs, the settings and pipeline they are read and
    annotated with, the manifest (if any), a test for URLs the store already holds, and the
    ledger of input files read to the end by earlier folds (:mod:`storyfold.ingest.seen`)."""

    paths: Sequence[str | Path]
    settings: Settings
    pipeline: Pipeline
    manifest: Manifest | None
    known_url: Callable[[str], bool]
    ledger: InputLedger | None = None  # files read before are skipped (engines that read in this process)


class Engine(Protocol):
    def prepare(self, job: FoldJob) -> Iterator[Prepared | Reject]:
        """Cleaned articles (or rejects) of every input of ``job``."""


def prepare_document(item: Document | InputRejected | InputWarning, settings: Settings) -> Prepared | Reject:
    """Clean one document read by a reader (or pass its rejection or warning on): the step every
    engine runs."""
    if isinstance(item, InputRejected):
        return Reject(source=item.source, reason=item.reason, line=item.line)
    if isinstance(item, InputWarning):
        return Reject(source=item.source, reason=item.reason, line=item.line, kind="warning")
    try:
        return Prepared(clean_stage.clean(item, settings))
    except InputRejected as exc:
        return Reject(source=exc.source, reason=exc.reason, line=exc.line)


def stage_failed(article: Article, exc: Exception) -> Reject:
    """The reject that reports an article stage failing on ``article`` (retried on the next fold)."""
    return Reject(source=article.source, reason=f"article {article.id}: a stage failed: {exc!r}")


class LocalEngine:
    """Reads and cleans in this process; article stages run afterwards over the store."""

    def prepare(self, job: FoldJob) -> Iterator[Prepared | Reject]:
        for item in read_inputs(job.paths, job.settings, job.manifest, known_url=job.known_url, ledger=job.ledger):
            yield prepare_document(item, job.settings)
