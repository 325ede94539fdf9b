"""The ``dates`` stage: each article's temporal expressions, resolved against its publication date
or an estimate of it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, DateMention, Precision, PublishedEstimate
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.estimate import estimate_published
from storyfold.stages.dates.resolve import Anchor

__all__ = ["DatesStage"]


class DatesStage(ArticleStage):
    """Temporal expressions of each article, resolved against its publication date or, when it has
    none, against an estimate the text supports (``published_estimate``)."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "4"
    provides: ClassVar[Mapping[str, type]] = {"dates": DateMention, "published_estimate": PublishedEstimate}

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        estimate = None
        if article.published is not None:
            anchor: Anchor | None = Anchor(article.published, estimated=article.published_estimated)
        else:
            estimate = estimate_published(article.text, article.id, ctx.sentences(article))
            anchor = None if estimate is None else Anchor(
                estimate.date, year_only=estimate.precision is not Precision.DAY, estimated=True
            )
        return {
            "dates": tuple(find_dates(article.text, anchor, article.id, ctx.sentences(article))),
            "published_estimate": (estimate,) if estimate else (),
        }
