"""The seed articles with their manifest dates, and the article stages' output for them (shared by
the claims, commitments and reconcile tests)."""

from __future__ import annotations

import datetime as dt
import json
from functools import cache
from pathlib import Path

from storyfold.records import Article, DateMention, Quantity
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.quantities import find_quantities

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


@cache
def seed_articles() -> dict[str, Article]:
    """Seed articles keyed by their three-digit prefix ("000" … "004"), with manifest metadata."""
    out = {}
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        aid = row["file"][:3]
        out[aid] = Article(
            id=aid, source=row["file"], text=(SEEDS / row["file"]).read_text(encoding="utf-8"), outlet=row["outlet"],
            published=dt.date.fromisoformat(row["published"]) if row["published"] else None,
        )
    return out


@cache
def seed_slots(aid: str) -> tuple[tuple[DateMention, ...], tuple[Quantity, ...]]:
    art = seed_articles()[aid]
    dates = find_dates(art.text, art.published, aid)
    return tuple(dates), tuple(find_quantities(art.text, aid, dates))
