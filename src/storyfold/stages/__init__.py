"""The registered stages, in run order. Each stage module declares what it requires and provides;
:class:`storyfold.pipeline.Pipeline` checks the order when it is built.

Cleaning is not listed: it turns a reader's document into the article every stage works on, and
always runs (see :mod:`storyfold.stages.clean`).
"""

from __future__ import annotations

from storyfold.pipeline import Stage
from storyfold.stages.cluster import ClusterStage
from storyfold.stages.doc_vector import DocVectorStage

__all__ = ["default_stages"]


def default_stages() -> list[Stage]:
    """A fresh instance of every registered stage, in run order."""
    stages: list[Stage] = [DocVectorStage(), ClusterStage()]
    return stages
