"""What the WikiWars narrative tests share: the corpus's document time, a lead that makes a text a
history, and the values the dates stage gives each expression."""

from __future__ import annotations

import datetime as dt

from storyfold.stages.dates.dates import find_dates

DOWNLOADED = dt.date(2009, 12, 19)  # WikiWars' document time: the day the pages were downloaded


def lead(*years: int) -> str:
    """A lead that makes the text a history: five years named, all long before the document time."""
    return "It was fought " + ", ".join(f"in {y}" for y in years) + ". "


def values(text: str, published: dt.date | None = DOWNLOADED) -> dict[str, str | None]:
    return {d.text: d.value for d in find_dates(text, published)}
