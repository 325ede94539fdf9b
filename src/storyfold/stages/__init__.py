"""The registered stages, in run order. Each stage module declares what it requires and provides;
:class:`storyfold.pipeline.Pipeline` checks the order when it is built.

Cleaning is not listed: it turns a reader's document into the article every stage works on, and
always runs (see :mod:`storyfold.stages.clean`).
"""

from __future__ import annotations

from storyfold.pipeline import Stage
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.commitments import CommitmentsStage
from storyfold.stages.dates import DatesStage
from storyfold.stages.quantities import QuantitiesStage
from storyfold.stages.reconcile import ReconcileStage
from storyfold.stages.timeline import TimelineStage

__all__ = ["default_stages"]


def default_stages() -> list[Stage]:
    """A fresh instance of every registered stage, in run order."""
    stages: list[Stage] = [
        DatesStage(), QuantitiesStage(), ClaimsStage(), CommitmentsStage(), TimelineStage(), ReconcileStage(),
    ]
    return stages
