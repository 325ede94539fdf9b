"""The registered stages, in run order. Each stage module declares what it requires and provides;
:class:`storyfold.pipeline.Pipeline` checks the order when it is built.

Cleaning is not listed: it turns a reader's document into the article every stage works on, and
always runs (see :mod:`storyfold.stages.clean`).
"""

from __future__ import annotations

from storyfold.pipeline import Stage
    """A fresh instance of every registered stage, in run order: article stages, then corpus stages."""
    return [
        # article stages (per article, cached by version)
        EntitiesStage(),
        QuotesStage(),
        DatesStage(),
        QuantitiesStage(),
        MinHashStage(),
        # corpus stages
        DedupStage(),
        EntityMergeStage(),
        QuoteMergeStage(),
        TimelineStage(),
    ]
