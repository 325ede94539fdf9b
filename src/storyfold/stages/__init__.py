"""The registered stages, in run order. Each stage module declares what it requires and provides;
:class:`storyfold.pipeline.Pipeline` checks the order when it is built.

Cleaning is not listed: it turns a reader's document into the article every stage works on, and
always runs (see :mod:`storyfold.stages.clean`).
"""

from __future__ import annotations

from storyfold.config import Settings
from storyfold.pipeline import Pipeline, Stage
from storyfold.stages.brief.brief import BriefStage
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.cluster.cluster import ClusterStage
from storyfold.stages.cluster.doc_vector import DocVectorStage
from storyfold.stages.commitments.commitments import CommitmentsStage
from storyfold.stages.copies.dedup import DedupStage
from storyfold.stages.copies.minhash import MinHashStage
from storyfold.stages.dates.stage import DatesStage
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.entities.entity_merge import EntityMergeStage
from storyfold.stages.quantities import QuantitiesStage
from storyfold.stages.quotes.quote_merge import QuoteMergeStage
from storyfold.stages.quotes.quotes import QuotesStage
from storyfold.stages.reconcile.reconcile import ReconcileStage
from storyfold.stages.timeline import TimelineStage

__all__ = ["build_pipeline", "default_stages"]


def default_stages() -> list[Stage]:
    """A fresh instance of every registered stage, in run order: article stages, then corpus stages."""
    return [
        # article stages (per article, cached by version)
        EntitiesStage(),
        DatesStage(),
        QuantitiesStage(),
        ClaimsStage(),
        # after the claims stage: its parse gives the speech events (no second parse)
        QuotesStage(),
        CommitmentsStage(),
        MinHashStage(),
        DocVectorStage(),
        # corpus stages: copies first (clustering keeps a rewrite with its source), then stories,
        # entities and quotes, the timeline, and reconciliation, which uses all of them
        DedupStage(),
        ClusterStage(),
        EntityMergeStage(),
        QuoteMergeStage(),
        TimelineStage(),
        ReconcileStage(),
        # the cited brief tells what every stage before it found
        BriefStage(),
    ]


def build_pipeline(settings: Settings) -> Pipeline:
    """The registered stages, or the ones the ``stages`` setting names (in run order)."""
    pipeline = Pipeline(default_stages())
    return pipeline.select(settings.stages.split(",")) if settings.stages.strip() else pipeline
