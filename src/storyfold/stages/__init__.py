"""The registered stages, in run order. Each stage module declares what it requires and provides;
:class:`storyfold.pipeline.Pipeline` checks the order when it is built.

Cleaning is not listed: it turns a reader's document into the article every stage works on, and
always runs (see :mod:`storyfold.stages.clean`).
"""

from __future__ import annotations

from storyfold.pipeline import Stage
from storyfold.stages.brief import BriefStage
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.cluster import ClusterStage
from storyfold.stages.commitments import CommitmentsStage
from storyfold.stages.dates import DatesStage
from storyfold.stages.dedup import DedupStage, MinHashStage
from storyfold.stages.doc_vector import DocVectorStage
from storyfold.stages.entities import EntitiesStage
from storyfold.stages.entity_merge import EntityMergeStage
from storyfold.stages.quantities import QuantitiesStage
from storyfold.stages.quote_merge import QuoteMergeStage
from storyfold.stages.quotes import QuotesStage
from storyfold.stages.reconcile import ReconcileStage
from storyfold.stages.timeline import TimelineStage

__all__ = ["default_stages"]


def default_stages() -> list[Stage]:
    """A fresh instance of every registered stage, in run order: article stages, then corpus stages."""
    return [
        # article stages (per article, cached by version)
        EntitiesStage(),
        QuotesStage(),
        DatesStage(),
        QuantitiesStage(),
        ClaimsStage(),
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
