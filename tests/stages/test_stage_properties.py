"""Property test: random text through every registered article stage never crashes, and every span
a stage reports indexes the article's text."""

from __future__ import annotations

import dataclasses

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from storyfold.config import Settings
from storyfold.pipeline import Context, Pipeline
from storyfold.records import Article
from storyfold.stages import default_stages
from storyfold.stages.clean import article_id, clean_text

WORDS = ["Japan", "said", "on", "Tuesday", "10,000", "troops", "“", "”", "«", "»", "$4.5 billion", "the", "UK",
         "will", "not", "Ishiba", "March", "last year", "\n\n", ".", ",", "2024", "-", "'", "\"", "Nato", "(", ")"]


@pytest.fixture(scope="module")
def pipeline_and_ctx() -> tuple[Pipeline, Context]:
    pipeline = Pipeline([s for s in default_stages() if s.scope == "article"])
    ctx = Context(settings=Settings())
    for stage in pipeline.article_stages:
        stage.setup(ctx)
    return pipeline, ctx


def _spans(record: object) -> list[tuple[int, int]]:
    found = []
    if dataclasses.is_dataclass(record):
        values = {f.name: getattr(record, f.name) for f in dataclasses.fields(record)}
        if isinstance(values.get("start"), int) and isinstance(values.get("end"), int):
            found.append((values["start"], values["end"]))
        for value in values.values():
            for item in value if isinstance(value, tuple) else (value,):
                if dataclasses.is_dataclass(item):
                    found += _spans(item)
    return found


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.one_of(st.text(min_size=1, max_size=600), st.lists(st.sampled_from(WORDS), min_size=1, max_size=120).map(" ".join)))
def test_random_text_through_every_article_stage(pipeline_and_ctx: tuple[Pipeline, Context], raw: str) -> None:
    pipeline, ctx = pipeline_and_ctx
    text, _removed = clean_text(raw)
    if not text.strip():
        return
    article = Article(id=article_id(text, None), source="random.txt", text=text)
    (found,) = pipeline.annotate([article], [{}], ctx)
    for kind, records in found.items():
        for record in records:
            for start, end in _spans(record):
                assert 0 <= start <= end <= len(text), (kind, record)
