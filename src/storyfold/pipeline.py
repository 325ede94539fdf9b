"""Stages and the pipeline that orders them.

Two kinds of stage, both declaring what they require, what they read only when present
(``optional``) and what they provide (record *kinds*, named after the export keys where they are
exported), checked when the pipeline is built:

* :class:`ArticleStage` — a pure map over one article (and what earlier article stages found in it).
  It parallelises unchanged over processes or Ray partitions. Its output is stored per article and
  cached by stage version: an article is processed again only when the stage's version changes.
* :class:`CorpusStage` — works over the whole store (dedup, clustering, reconciliation). It reads
  through a :class:`Corpus` view and returns its records, which replace that stage's earlier output
  in one transaction. Incremental stages read their earlier output through the same view.

A corpus stage that fails does not take the corpus down with it: its work splits into
:class:`Partition` s (by story where stories are stored, each other article alone:
:meth:`CorpusStage.partitions`); the pipeline finds the partitions it fails on by bisection (and,
inside a failing story, the articles that fail alone), runs the stage again over every other
article, writes that output, and records each failure by name (stage, partition, article ids,
exception) in the store, whose next fold tries those articles again.

:class:`Pipeline` runs both kinds: :meth:`Pipeline.annotate` the article stages over a batch of
articles, :meth:`Pipeline.run_corpus` every corpus stage over the store.

Stages do no I/O of their own: they get settings, shared resources (a loaded spaCy pipeline) and
the corpus from the :class:`Context`.
"""

from __future__ import annotations

import logging
import time
from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar

from storyfold.config import Settings
from storyfold.errors import PipelineError
from storyfold.records import Article, Reject, StageFailure
from storyfold.text.embed import StoredEncoder
from storyfold.text.sentences import SentenceIndex

if TYPE_CHECKING:
    from storyfold.store import Store

__all__ = [
    "ArticleStage",
    "Context",
    "Corpus",
    "CorpusStage",
    "Partition",
    "Pipeline",
    "Scope",
    "Stage",
]

Records = tuple[Any, ...]
SENTENCE_CACHE = 256  # articles whose sentence index a context keeps (a batch is 32)
Outputs = Mapping[str, Records]


class Scope(StrEnum):
    ARTICLE = "article"
    CORPUS = "corpus"


class Stage(ABC):
    """What every stage declares. ``provides`` maps each record kind to its record type."""

    name: ClassVar[str]
    version: ClassVar[str]
    scope: ClassVar[Scope]
    requires: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()
    provides: ClassVar[Mapping[str, type]] = {}

    @property
    def label(self) -> str:
        return f"{self.name}@{self.version}"

    def setup(self, ctx: Context) -> None:  # noqa: B027 - optional hook
        """Load what the stage needs (models, indexes) once, before the first record."""


class ArticleStage(Stage):
    scope = Scope.ARTICLE

    @abstractmethod
    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        """Records found in one article, keyed by kind. ``inputs`` holds the required kinds and
        the optional kinds that earlier stages provide."""

    def process_batch(
        self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context
    ) -> list[Outputs]:
        """Override to batch (spaCy's ``pipe``); the default maps :meth:`process`."""
        return [self.process(a, i, ctx) for a, i in zip(articles, inputs, strict=True)]


@dataclass(frozen=True, slots=True)
class Partition:
    """A part of a corpus stage's work that can fail on its own: a story, or one article."""

    name: str  # "story st-...", "article <id>", "story st-..., article <id>"
    article_ids: frozenset[str]


class CorpusStage(Stage):
    scope = Scope.CORPUS

    @abstractmethod
    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        """Records for the whole corpus, keyed by kind; they replace the stage's earlier output."""

    def partitions(self, corpus: Corpus) -> list[Partition]:
        """How the stage's work splits when it fails on the corpus: one partition per stored story,
        one per article in none. Override for a stage whose work splits otherwise."""
        out: list[Partition] = []
        present = corpus.article_ids()
        seen: set[str] = set()
        if corpus.has("stories"):
            for story in corpus.outputs("stories"):
                ids = frozenset(story.article_ids) - seen
                if ids:
                    out.append(Partition(f"story {story.id}", ids))
                    seen |= ids
        out += [Partition(f"article {aid}", frozenset((aid,))) for aid in sorted(present - seen)]
        return out


class Corpus:
    """Read access to everything stored, typed by the kinds the pipeline knows. With ``only``, a
    view of those articles alone: their articles and annotations, and the corpus-level records
    that name them (a record's ``article_ids`` cut down to them, a record of another article's
    ``article_id`` left out)."""

    def __init__(
        self,
        store: Store,
        kinds: Mapping[str, type],
        new_article_ids: Iterable[str] = (),
        only: frozenset[str] | None = None,
        memo: dict[str, dict[str, Records]] | None = None,
    ) -> None:
        self._store = store
        self._kinds = kinds
        self._only = only
        self._memo = memo  # per-article records decoded once for the corpus stages of one fold
        new = frozenset(new_article_ids)
        self.new_article_ids: frozenset[str] = new if only is None else new & only

    def restricted(self, only: frozenset[str]) -> Corpus:
        """The view of the articles ``only`` of this corpus."""
        return Corpus(self._store, self._kinds, self.new_article_ids,
                      only if self._only is None else only & self._only, self._memo)

    @property
    def whole(self) -> bool:
        """Whether this is the view of the whole store (not :meth:`restricted` to some articles)."""
        return self._only is None

    def article_ids(self) -> frozenset[str]:
        ids = self._store.article_ids()
        return ids if self._only is None else ids & self._only

    def articles(self) -> Iterator[Article]:
        return self._store.iter_articles(ids=self._only)

    def article(self, article_id: str) -> Article | None:
        if self._only is not None and article_id not in self._only:
            return None
        return self._store.get_article(article_id)

    def __len__(self) -> int:
        return self._store.count_articles() if self._only is None else len(self.article_ids())

    def annotations(self, kind: str) -> dict[str, Records]:
        """Per-article records of ``kind``: ``{article_id: records}``. With a memo (the corpus
        stages of one fold, during which no annotation changes), each kind is decoded once."""
        found = self._memo.get(kind) if self._memo is not None else None
        if found is None:
            found = self._store.annotations(kind, self._record_type(kind))
            if self._memo is not None:
                self._memo[kind] = found
        return dict(found) if self._only is None else {k: v for k, v in found.items() if k in self._only}

    def outputs(self, kind: str) -> Records:
        """Corpus-level records of ``kind`` as last stored (empty before the first run)."""
        found = self._store.outputs(kind, self._record_type(kind))
        if self._only is None or not found:
            return found
        names = {f.name for f in fields(found[0])}
        if "article_ids" in names:
            cut = ((r, tuple(a for a in r.article_ids if a in self._only)) for r in found)
            return tuple(replace(r, article_ids=ids) for r, ids in cut if ids)
        if "article_id" in names:
            return tuple(r for r in found if r.article_id in self._only)
        return found

    def has(self, kind: str) -> bool:
        return kind in self._kinds

    def encoder(self, model: str, load: Callable[[], Any]) -> StoredEncoder:
        """A sentence encoder for ``model`` (``load`` gives the embedder) that reads and fills the
        store's vector cache: a text is embedded once per database, whichever fold brings it."""
        return StoredEncoder(model, load, self._store.vectors, None if self._store.read_only else self._store.put_vectors)

    def _record_type(self, kind: str) -> type:
        try:
            return self._kinds[kind]
        except KeyError:
            raise PipelineError(f"no stage in this pipeline provides {kind!r}") from None


@dataclass(slots=True, kw_only=True)
class Context:
    settings: Settings
    logger: logging.Logger = field(default_factory=lambda: logging.getLogger("storyfold"))
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage label, accumulated
    counts: dict[str, dict[str, int]] = field(default_factory=dict)  # what each stage counted, by label
    _resources: dict[str, Any] = field(default_factory=dict)
    _sentences: dict[str, SentenceIndex] = field(default_factory=dict)

    def timed(self, label: str, started: float) -> None:
        self.timings[label] = self.timings.get(label, 0.0) + time.perf_counter() - started

    def sentences(self, article: Article) -> SentenceIndex:
        """The sentence index of ``article``, split once for every stage that asks (the last
        ``SENTENCE_CACHE`` articles are kept)."""
        index = self._sentences.pop(article.id, None)
        if index is None or index.length != len(article.text):
            index = SentenceIndex.of(article.text)
        self._sentences[article.id] = index  # most recently used last
        while len(self._sentences) > SENTENCE_CACHE:
            del self._sentences[next(iter(self._sentences))]
        return index

    def resource(self, key: str, load: Callable[[], Any]) -> Any:
        """A shared, lazily loaded resource (a spaCy pipeline, an embedding model)."""
        if key not in self._resources:
            self._resources[key] = load()
        return self._resources[key]


class Pipeline:
    """Stages in run order, with their declarations checked up front: every kind a stage requires
    comes from an earlier stage, and so does every ``optional`` kind (read only when present) that
    some stage of the pipeline provides; an article stage reads no corpus-level kind."""

    def __init__(self, stages: Sequence[Stage]) -> None:
        self.stages: tuple[Stage, ...] = tuple(stages)
        self.kinds: dict[str, type] = {}
        names: set[str] = set()
        corpus_kinds: set[str] = set()
        provider = {kind: s.name for s in self.stages for kind in s.provides}
        for stage in self.stages:
            if stage.name in names:
                raise PipelineError(f"stage {stage.name!r} is listed twice")
            names.add(stage.name)
            missing = [k for k in stage.requires if k not in self.kinds]
            if missing:
                raise PipelineError(
                    f"stage {stage.name!r} requires {', '.join(missing)}, which no earlier stage provides; "
                    "add the stage that provides it before this one"
                )
            late = [k for k in stage.optional if k in provider and k not in self.kinds]
            if late:
                raise PipelineError(
                    f"stage {stage.name!r} reads {', '.join(late)} when present, but the stage providing it "
                    f"({', '.join(sorted({provider[k] for k in late}))}) does not run before it; "
                    "move that stage before this one"
                )
            upward = [k for k in (*stage.requires, *stage.optional) if k in corpus_kinds]
            if stage.scope is Scope.ARTICLE and upward:
                raise PipelineError(
                    f"article stage {stage.name!r} cannot require corpus-level records ({', '.join(upward)}); "
                    "make it a corpus stage"
                )
            for kind, cls in stage.provides.items():
                if kind in self.kinds:
                    raise PipelineError(f"{kind!r} is provided by two stages; keep one")
                self.kinds[kind] = cls
                if stage.scope is Scope.CORPUS:
                    corpus_kinds.add(kind)

    @property
    def article_stages(self) -> tuple[ArticleStage, ...]:
        return tuple(s for s in self.stages if isinstance(s, ArticleStage))

    @property
    def corpus_stages(self) -> tuple[CorpusStage, ...]:
        return tuple(s for s in self.stages if isinstance(s, CorpusStage))

    def provides(self, kind: str) -> bool:
        return kind in self.kinds

    def select(self, names: Iterable[str]) -> Pipeline:
        """The pipeline restricted to the named stages (and in this pipeline's order)."""
        wanted = {n.strip() for n in names if n.strip()}
        unknown = wanted - {s.name for s in self.stages}
        if unknown:
            raise PipelineError(
                f"unknown stage(s) {', '.join(sorted(unknown))}; known: {', '.join(s.name for s in self.stages)}"
            )
        return Pipeline([s for s in self.stages if s.name in wanted])

    def annotate(self, articles: Sequence[Article], stored: Sequence[Outputs], ctx: Context) -> list[dict[str, Records]]:
        """Run every article stage over a batch; ``stored`` holds what the store already has."""
        found: list[dict[str, Records]] = [dict(s) for s in stored]
        for stage in self.article_stages:
            todo = [i for i, f in enumerate(found) if not all(k in f for k in stage.provides)]
            if not todo:
                continue
            inputs = [{k: found[i][k] for k in (*stage.requires, *stage.optional) if k in found[i]} for i in todo]
            started = time.perf_counter()
            results = stage.process_batch([articles[i] for i in todo], inputs, ctx)
            ctx.timed(stage.label, started)
            for i, result in zip(todo, results, strict=True):
                for kind in stage.provides:
                    found[i][kind] = tuple(result.get(kind, ()))
        return found

    def annotate_safely(
        self, articles: Sequence[Article], stored: Sequence[Outputs], ctx: Context
    ) -> list[dict[str, Records] | Exception]:
        """:meth:`annotate`, but an article that makes a stage fail gets its exception in place of
        its records and the rest of the batch is still annotated. With ``settings.debug`` the
        exception is raised instead."""
        try:
            return list(self.annotate(articles, stored, ctx))
        except Exception:  # noqa: BLE001 - find the article that breaks the batch, keep the others
            if ctx.settings.debug:
                raise
        out: list[dict[str, Records] | Exception] = []
        for article, had in zip(articles, stored, strict=True):
            try:
                out.extend(self.annotate([article], [had], ctx))
            except Exception as exc:  # noqa: BLE001 - handed back to the caller, who reports it
                out.append(exc)
        return out


    def run_corpus(
        self,
        store: Store,
        ctx: Context,
        new_ids: Iterable[str],
        tick: Callable[[str, int, int | None], None],
        failed: Callable[[Reject], None],
        run_id: int | None = None,
    ) -> None:
        """Every corpus stage in order, each one's records replacing its earlier output in one
        transaction; ``new_ids`` are the articles the fold brought, to which each stage adds the
        articles it failed on last time (tried again). A stage that fails on some partitions
        writes the output of the others and reports each failure through ``failed`` (recorded
        in the store too); one that fails on the corpus as a whole keeps its earlier output and
        is reported. With ``settings.debug`` the first exception is raised instead."""
        new_ids = frozenset(new_ids)
        last_reader = {k: n for n, st in enumerate(self.corpus_stages) for k in (*st.requires, *st.optional)}
        memo: dict[str, dict[str, Records]] = {}  # article-stage records, decoded once for every stage
        for n, stage in enumerate(self.corpus_stages):
            for kind in [k for k in memo if last_reader.get(k, -1) < n]:  # no later stage declares it
                del memo[kind]
            t0 = time.perf_counter()
            retry = {f.article_id for f in store.stage_failures(stage.name)}
            corpus = Corpus(store, self.kinds, new_ids | retry, memo=memo)
            try:
                stage.setup(ctx)
                found, failures = _isolated(stage, corpus, ctx)
            except Exception as exc:  # noqa: BLE001 - earlier output is kept; the failure is reported
                if ctx.settings.debug:
                    raise
                failed(Reject(source=f"stage {stage.label}", reason=f"failed, earlier output kept: {exc!r}"))
                continue
            for part, ids, exc in failures:
                failed(Reject(
                    source=f"stage {stage.label}",
                    reason=f"{part}: not processed, articles {', '.join(sorted(ids))} (tried again by the next fold; "
                    f"the rest of the corpus was): {exc!r}",
                ))
            store.replace_outputs(
                stage.name, stage.version, {k: tuple(found.get(k, ())) for k in stage.provides},
                [StageFailure(stage=stage.label, article_id=a, partition=part, reason=repr(exc))
                 for part, ids, exc in failures for a in sorted(ids)],
                run_id,
            )
            ctx.timed(stage.label, t0)
            tick(stage.name, 1, 1)


Failure = tuple[str, frozenset[str], Exception]  # partition name, its article ids, the exception


def _isolated(stage: CorpusStage, corpus: Corpus, ctx: Context) -> tuple[Outputs, list[Failure]]:
    """The stage's output over ``corpus`` and the partitions it failed on. When it fails on the
    whole corpus, the failing partitions are found by bisection (inside a failing story, the
    articles failing alone), and the stage runs again without their articles; if that still fails,
    without every article of the failing partitions. Raises when the stage fails even so, or fails
    on the whole corpus and on no partition alone."""
    try:
        return stage.process(corpus, ctx), []
    except Exception:
        if ctx.settings.debug:
            raise
        everything = corpus.article_ids()
        parts = stage.partitions(corpus)
        bad = _failing(stage, corpus, ctx, parts, known_to_fail=True)
        if not bad:
            raise
    narrowed: list[Failure] = []
    for part, exc in bad:
        inner = [Partition(f"{part.name}, article {a}", frozenset((a,))) for a in sorted(part.article_ids)]
        alone = _failing(stage, corpus, ctx, inner) if len(inner) > 1 else [(part, exc)]
        narrowed += [(p.name, p.article_ids, e) for p, e in alone] or [(part.name, part.article_ids, exc)]
    whole: list[Failure] = [(p.name, p.article_ids, e) for p, e in bad]
    attempts = [narrowed] if narrowed == whole else [narrowed, whole]
    for n, failures in enumerate(attempts, 1):
        left_out = frozenset().union(*(ids for _, ids, _ in failures))
        try:
            return stage.process(corpus.restricted(everything - left_out), ctx), failures
        except Exception:
            if n == len(attempts):
                raise
    raise AssertionError("unreachable")  # the last attempt returns or raises


def _failing(
    stage: CorpusStage, corpus: Corpus, ctx: Context, parts: Sequence[Partition], known_to_fail: bool = False
) -> list[tuple[Partition, Exception]]:
    """The partitions of ``parts`` on which the stage fails by itself, found by bisection."""
    if not parts:
        return []
    if not known_to_fail or len(parts) == 1:
        try:
            stage.process(corpus.restricted(frozenset().union(*(p.article_ids for p in parts))), ctx)
            return []
        except Exception as exc:  # noqa: BLE001 - what failed is reported by the caller
            if len(parts) == 1:
                return [(parts[0], exc)]
    mid = len(parts) // 2
    return _failing(stage, corpus, ctx, parts[:mid]) + _failing(stage, corpus, ctx, parts[mid:])
