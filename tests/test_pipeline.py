"""Stage declarations are checked when the pipeline is built."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, ClassVar

import pytest

from storyfold.errors import PipelineError
from storyfold.pipeline import ArticleStage, Context, Corpus, CorpusStage, Pipeline
from storyfold.records import Article, Entity, EntityMention, Quote, Story


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
