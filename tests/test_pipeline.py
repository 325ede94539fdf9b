"""Stage declarations are checked when the pipeline is built, and match what each stage reads."""

from __future__ import annotations

import ast
import importlib
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from storyfold.config import Settings
from storyfold.errors import PipelineError
from storyfold.pipeline import SENTENCE_CACHE, ArticleStage, Context, Corpus, CorpusStage, Pipeline, Scope
from storyfold.records import Article, Entity, EntityMention, EntityType, Quote, Story
from storyfold.text.sentences import sentence_spans


class Mentions(ArticleStage):
    name = "mentions"
    version = "1"
    provides: ClassVar[Mapping[str, type]] = {"entity_mentions": EntityMention}

    def process(self, article: Article, inputs: Mapping[str, Any], ctx: Context) -> Mapping[str, Any]:
        return {"entity_mentions": ()}


class Merge(CorpusStage):
    name = "merge"
    version = "1"
    requires = ("entity_mentions",)
    provides: ClassVar[Mapping[str, type]] = {"entities": Entity}

    def process(self, corpus: Corpus, ctx: Context) -> Mapping[str, Any]:
        return {"entities": ()}


class NeedsEntities(ArticleStage):
    name = "needs_entities"
    version = "1"
    requires = ("entities",)
    provides: ClassVar[Mapping[str, type]] = {"quote_mentions": Quote}

    def process(self, article: Article, inputs: Mapping[str, Any], ctx: Context) -> Mapping[str, Any]:
        return {}


class AlsoStories(CorpusStage):
    name = "also"
    version = "1"
    provides: ClassVar[Mapping[str, type]] = {"entities": Story}

    def process(self, corpus: Corpus, ctx: Context) -> Mapping[str, Any]:
        return {}


def test_order_is_checked() -> None:
    Pipeline([Mentions(), Merge()])
    with pytest.raises(PipelineError, match="requires entity_mentions"):
        Pipeline([Merge(), Mentions()])


def test_article_stage_cannot_need_corpus_records() -> None:
    with pytest.raises(PipelineError, match="cannot require corpus-level"):
        Pipeline([Mentions(), Merge(), NeedsEntities()])


def test_one_provider_per_kind_and_unique_names() -> None:
    with pytest.raises(PipelineError, match="provided by two stages"):
        Pipeline([Mentions(), Merge(), AlsoStories()])
    with pytest.raises(PipelineError, match="listed twice"):
        Pipeline([Mentions(), Mentions()])


def test_select_keeps_order_and_names_unknown_stages() -> None:
    pipeline = Pipeline([Mentions(), Merge()])
    assert [s.name for s in pipeline.select(["merge", "mentions"]).stages] == ["mentions", "merge"]
    with pytest.raises(PipelineError, match="unknown stage"):
        pipeline.select(["nope"])


class LateStories(CorpusStage):
    name = "late"
    version = "1"
    optional = ("stories",)
    provides: ClassVar[Mapping[str, type]] = {"quotes": Quote}

    def process(self, corpus: Corpus, ctx: Context) -> Mapping[str, Any]:
        return {}


class Stories(CorpusStage):
    name = "stories"
    version = "1"
    provides: ClassVar[Mapping[str, type]] = {"stories": Story}

    def process(self, corpus: Corpus, ctx: Context) -> Mapping[str, Any]:
        return {}


class MaybeEntities(ArticleStage):
    name = "maybe_entities"
    version = "1"
    optional = ("entities",)
    provides: ClassVar[Mapping[str, type]] = {"quote_mentions": Quote}

    def process(self, article: Article, inputs: Mapping[str, Any], ctx: Context) -> Mapping[str, Any]:
        return {}


def test_optional_kinds_come_from_earlier_stages_when_provided() -> None:
    Pipeline([LateStories()])  # nothing provides stories: the stage goes without
    Pipeline([Stories(), LateStories()])
    with pytest.raises(PipelineError, match="reads stories when present.*does not run before it"):
        Pipeline([LateStories(), Stories()])


def test_article_stage_cannot_read_corpus_records_even_when_optional() -> None:
    with pytest.raises(PipelineError, match=r"cannot require corpus-level records \(entities\)"):
        Pipeline([Mentions(), Merge(), MaybeEntities()])


# ----------------------------------------------------------------------------------------------
# what each stage of storyfold.stages reads, found in its module's source, against its declarations

STAGES = Path(__file__).resolve().parents[1] / "src" / "storyfold" / "stages"
CORPUS_READS = {"annotations", "outputs", "has"}
STAGE_BASES = {"ArticleStage", "CorpusStage"}


class _Reads(ast.NodeVisitor):
    """The kinds one module reads: ``corpus.annotations/outputs/has(kind)`` on a name annotated
    ``Corpus`` (or named ``corpus``), ``inputs.get(kind)`` / ``inputs[kind]`` on a name annotated
    ``Outputs`` or taken from a ``Sequence[Outputs]``. Each read is ``(class, receiver, method, kind)``,
    ``class`` the stage class it is written in (None outside one)."""

    def __init__(self, tree: ast.Module) -> None:
        self.tree = tree
        self.reads: list[tuple[str | None, str, str, str]] = []
        self.unresolved: list[str] = []
        self._class: str | None = None
        self._corpus: set[str] = {"corpus"}
        self._outputs: set[str] = set()
        self._many: set[str] = set()
        self._functions: list[ast.FunctionDef] = []
        self.visit(tree)

    def visit_ClassDef(self, node: ast.ClassDef) -> None:
        outer, self._class = self._class, node.name if {getattr(b, "id", "") for b in node.bases} & STAGE_BASES else None
        self.generic_visit(node)
        self._class = outer

    def visit_FunctionDef(self, node: ast.FunctionDef) -> None:
        for arg in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs):
            note = ast.unparse(arg.annotation) if arg.annotation is not None else ""
            if note == "Corpus":
                self._corpus.add(arg.arg)
            elif note == "Outputs":
                self._outputs.add(arg.arg)
            elif note == "Sequence[Outputs]":
                self._many.add(arg.arg)
        for loop in ast.walk(node):  # before the body: a comprehension's element precedes its loop
            if isinstance(loop, ast.comprehension | ast.For):
                self._bind(loop.target, loop.iter)
        self._functions.append(node)
        self.generic_visit(node)
        self._functions.pop()

    def _bind(self, target: ast.expr, it: ast.expr) -> None:
        """Names that iterate over a ``Sequence[Outputs]``, directly or through ``zip``."""
        pairs: list[tuple[ast.expr, ast.expr]] = [(target, it)]
        if isinstance(it, ast.Call) and getattr(it.func, "id", "") == "zip" and isinstance(target, ast.Tuple):
            pairs = list(zip(target.elts, it.args, strict=False))
        for t, source in pairs:
            if isinstance(t, ast.Name) and isinstance(source, ast.Name) and source.id in self._many:
                self._outputs.add(t.id)

    def visit_Call(self, node: ast.Call) -> None:
        f = node.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and node.args:
            if f.attr in CORPUS_READS and f.value.id in self._corpus:
                self._read("corpus", f.attr, node.args[0])
            elif f.attr == "get" and f.value.id in self._outputs:
                self._read("inputs", "get", node.args[0])
        self.generic_visit(node)

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if isinstance(node.value, ast.Name) and node.value.id in self._outputs:
            self._read("inputs", "[]", node.slice)
        self.generic_visit(node)

    def _read(self, receiver: str, method: str, arg: ast.expr) -> None:
        kinds = self._kinds(arg)
        if kinds is None:
            self.unresolved.append(f"{self._class}: {receiver}.{method}({ast.unparse(arg)})")
        for kind in kinds or ():
            self.reads.append((self._class, receiver, method, kind))

    def _kinds(self, arg: ast.expr) -> list[str] | None:
        """The kinds ``arg`` names: a string, or the parameter of a local helper (``get(kind)``)
        called with strings or with the names of a literal tuple it loops over. None: unknown."""
        if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
            return [arg.value]
        if not (isinstance(arg, ast.Name) and self._functions):
            return None
        helper = self._functions[-1]
        if arg.id not in [a.arg for a in helper.args.args]:
            return None
        position = [a.arg for a in helper.args.args].index(arg.id)
        found: list[str] = []
        for node in ast.walk(self.tree):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == helper.name):
                continue
            given = node.args[position] if position < len(node.args) else None
            if isinstance(given, ast.Constant) and isinstance(given.value, str):
                found.append(given.value)
                continue
            loops = [g for g in ast.walk(self.tree) if isinstance(g, ast.comprehension | ast.For)
                     and isinstance(g.target, ast.Name) and isinstance(given, ast.Name) and g.target.id == given.id
                     and isinstance(g.iter, ast.Tuple | ast.List)]
            values = [e.value for g in loops for e in g.iter.elts if isinstance(e, ast.Constant)]
            if not values:
                return None
            found.extend(values)
        return found


def _stage_modules() -> list[tuple[str, Path]]:
    root = STAGES.parents[1]
    return [(".".join(p.relative_to(root).with_suffix("").parts), p) for p in sorted(STAGES.rglob("*.py"))]


def _stage_reads() -> dict[type, dict[str, set[str]]]:
    """For every stage class of storyfold.stages: the kinds it reads, by method (``annotations``,
    ``outputs``, ``has``, ``get``, ``[]``). A read in a module function counts for the module's
    stages that take that receiver (corpus stages for ``corpus``, article stages for ``inputs``)."""
    out: dict[type, dict[str, set[str]]] = {}
    for name, path in _stage_modules():
        reads = _Reads(ast.parse(path.read_text(encoding="utf-8")))
        assert not reads.unresolved, f"{path.name}: name each kind read as a string literal: {reads.unresolved}"
        module = importlib.import_module(name)
        classes = {n.name: getattr(module, n.name) for n in ast.walk(reads.tree) if isinstance(n, ast.ClassDef)
                   and {getattr(b, "id", "") for b in n.bases} & STAGE_BASES}
        for cls in classes.values():
            out[cls] = {}
        for owner, receiver, method, kind in reads.reads:
            scope = Scope.CORPUS if receiver == "corpus" else Scope.ARTICLE
            targets = [classes[owner]] if owner else [c for c in classes.values() if c.scope is scope]
            assert targets, f"{path.name} reads {kind!r} outside any {scope.value} stage"
            for cls in targets:
                out[cls].setdefault(method, set()).add(kind)
    return out


STAGE_READS = _stage_reads()


def test_every_stage_is_found() -> None:
    from storyfold.stages import default_stages

    assert {type(s) for s in default_stages()} <= set(STAGE_READS)


@pytest.mark.parametrize("stage", sorted(STAGE_READS, key=lambda c: c.name), ids=lambda c: c.name)
def test_stages_declare_what_they_read(stage: type) -> None:
    """Every kind a stage reads is in its ``requires`` or ``optional`` (or is its own earlier
    output), and every kind it declares it reads; a corpus stage tests each optional kind with
    ``corpus.has`` (reading a kind no stage provides fails) and no required one."""
    reads = STAGE_READS[stage]
    read = set().union(*reads.values())
    declared = {*stage.requires, *stage.optional}
    assert read - declared - set(stage.provides) == set(), f"{stage.name} reads kinds it does not declare"
    assert declared - read == set(), f"{stage.name} declares kinds it never reads"
    if stage.scope is Scope.CORPUS:
        assert reads.get("has", set()) - set(stage.provides) == set(stage.optional), (
            f"{stage.name}: the kinds tested with corpus.has must be its optional kinds"
        )


def test_context_splits_an_article_into_sentences_once(seeds_dir: Path) -> None:
    text = (seeds_dir / "000_07fd7171138e55fb.txt").read_text(encoding="utf-8")
    ctx = Context(settings=Settings())
    article = Article(id="a" * 16, source="seed", text=text)
    index = ctx.sentences(article)
    assert list(index.spans) == sentence_spans(text)
    assert ctx.sentences(article) is index  # the same split for every stage that asks
    for s, e in index.spans:
        assert index.sentence_at(s) == (s, e) and index.sentence_at(e - 1) == (s, e)
    for i in range(SENTENCE_CACHE + 1):  # bounded: the least recently used article is dropped
        ctx.sentences(Article(id=f"{i:016x}", source="x", text=f"Sentence {i}."))
    assert ctx.sentences(article) is not index


class _Reader(CorpusStage):
    """Reads the mentions twice; the first reader returns one entity per article that has any
    (a record that depends on what it read)."""

    version = "1"
    requires = ("entity_mentions",)

    def process(self, corpus: Corpus, ctx: Context) -> Mapping[str, Any]:
        corpus.annotations("entity_mentions").clear()  # a stage may do what it likes with its mapping
        got = sorted(a for a, ms in corpus.annotations("entity_mentions").items() if ms)
        if "entities" not in self.provides:
            return {}
        return {"entities": tuple(Entity(id=a, name=a, type=EntityType.PERSON, aliases=(), article_ids=(a,))
                                  for a in got)}


class FirstReader(_Reader):
    name = "first_reader"
    provides: ClassVar[Mapping[str, type]] = {"entities": Entity}


class SecondReader(_Reader):
    name = "second_reader"
    provides: ClassVar[Mapping[str, type]] = {"stories": Story}


def test_corpus_stages_of_one_fold_decode_each_kind_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from storyfold.store import Store

    with Store(tmp_path / "s.db") as store:
        for n in range(3):
            article = Article(id=f"{n:016x}", source="x", text=f"Ada Lovelace wrote note {n}.")
            store.add_article(article)
            mention = EntityMention(article_id=article.id, text="Ada Lovelace", type=EntityType.PERSON, label="PERSON",
                                    start=0, end=12)
            store.put_annotations(article.id, "mentions", "1", {"entity_mentions": (mention,) if n else ()})
        calls: list[str] = []
        decode = Store.annotations
        monkeypatch.setattr(Store, "annotations", lambda self, kind, cls: calls.append(kind) or decode(self, kind, cls))
        pipeline = Pipeline([Mentions(), FirstReader(), SecondReader()])
        pipeline.run_corpus(store, Context(settings=Settings()), (), lambda *_: None, lambda r: None)
        assert calls == ["entity_mentions"]  # read by both stages (twice each), decoded once
        assert [e.id for e in store.outputs("entities", Entity)] == [f"{1:016x}", f"{2:016x}"]
        pipeline.run_corpus(store, Context(settings=Settings()), (), lambda *_: None, lambda r: None)
        assert calls == ["entity_mentions"] * 2  # a fold's memo ends with its corpus stages
