"""The ``dates`` stage: each article's temporal expressions, resolved against its publication date
or an estimate of it."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from typing import ClassVar

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import CREATION_TIME, Article, DateMention, Precision, PublishedEstimate
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.estimate import datelines, estimate_published
from storyfold.stages.dates.resolve import Anchor

__all__ = ["DatesStage"]


class DatesStage(ArticleStage):
    """Temporal expressions of each article, resolved against its publication date or, when it has
    none, against an estimate the text supports (``published_estimate``). The mentions on a
    dateline (:func:`~storyfold.stages.dates.estimate.datelines`: "Saturday, Sep 14, 2013",
    "Updated: 3 March 2014 | 9:12 GMT") have ``function`` ``CREATION_TIME``: they date the report,
    not what it tells."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "8"
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
        text = article.text
        found = find_dates(text, anchor, article.id, ctx.sentences(article))
        lines = [(lo, hi) for _, lo, hi in datelines(text, found)]  # the weekday and clock time beside the date too
        return {
            "dates": tuple(replace(m, function=CREATION_TIME) if any(lo <= m.start and m.end <= hi for lo, hi in lines)
                           else m for m in found),
            "published_estimate": (estimate,) if estimate else (),
        }
