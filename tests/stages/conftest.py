"""Fixtures over the real seed articles (``examples/seeds``), cleaned as the pipeline cleans them."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyfold.config import load_settings
from storyfold.ingest import load_manifest, read_inputs
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages import clean

REPO = Path(__file__).resolve().parents[2]
SEEDS = REPO / "examples" / "seeds"


@pytest.fixture(scope="session")
def allsides_file(shared: Path) -> Path:
    """The AllSides roundups of the shared data; the test skips when the shared folder is absent."""
    return shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl"


@pytest.fixture(scope="session")
def seed_articles() -> dict[str, Article]:
    """The five seed articles by file prefix ("000" ... "004")."""
    settings = load_settings()
    manifest = load_manifest(SEEDS / "manifest.jsonl")
    docs = read_inputs(sorted(SEEDS.glob("*.txt")), settings, manifest)
    articles = [clean.clean(d, settings) for d in docs]
    return {Path(a.source).name[:3]: a for a in articles}


@pytest.fixture(scope="session")
def seed_mentions(seed_articles: dict[str, Article]) -> dict[str, tuple]:
    """Entity mentions of each seed article, by file prefix."""
    from storyfold.stages.entities.entities import EntitiesStage

    stage = EntitiesStage()
    ctx = Context(settings=load_settings())
    keys = sorted(seed_articles)
    out = stage.process_batch([seed_articles[k] for k in keys], [{}] * len(keys), ctx)
    return {k: o["entity_mentions"] for k, o in zip(keys, out, strict=True)}


@pytest.fixture(scope="module")
def found():
    """``found(text)``: the commitments of one sentence, with the entities stage's mentions and
    the quantities of the text (what the commitments stage reads)."""
    from storyfold.stages.commitments.commitments import find_commitments
    from storyfold.stages.entities.entities import EntitiesStage
    from storyfold.stages.quantities import find_quantities

    ctx = Context(settings=load_settings())
    stage = EntitiesStage()
    stage.setup(ctx)

    def run(text: str):
        art = Article(id="a", source="s", text=text)
        entities = stage.process_batch([art], [{}], ctx)[0]["entity_mentions"]
        return find_commitments(text, "a", (), find_quantities(text, "a"), entities)

    return run
