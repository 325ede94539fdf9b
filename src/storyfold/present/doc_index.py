"""Lookups over one export document (contract v1, a dict), computed once and shared by every view of it.

Articles not assigned to any story (no clustering stage yet, or left out by it) form one implicit
story, :data:`UNCLUSTERED_ID`, so that everything folded can be browsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

from storyfold.present.models import Citation
from storyfold.stages.copies.lineage import outlet_key, source_of
from storyfold.text.sentences import sentence_spans
from storyfold.urls import web_host

__all__ = ["UNCLUSTERED_ID", "DocIndex", "first_sentence"]

UNCLUSTERED_ID = "0" * 16
UNCLUSTERED_TITLE = "Articles not yet grouped into a story"
PASSAGE_MAX = 400
LABEL_MAX = 24


def first_sentence(text: str) -> tuple[int, int]:
    """Span of the first sentence of ``text`` (at most :data:`PASSAGE_MAX` characters)."""
    for start, end in sentence_spans(text):
        chunk = text[start:end]
        if chunk.strip():
            start += len(chunk) - len(chunk.lstrip())
            end -= len(chunk) - len(chunk.rstrip())
            return start, min(end, start + PASSAGE_MAX)
    return 0, min(len(text), PASSAGE_MAX)


class DocIndex:
    """Lookups over one export document, computed once and shared by every view of it."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self.doc = doc
        self.articles: dict[str, dict[str, Any]] = {a["id"]: a for a in doc.get("articles", [])}
        self.stories: dict[str, dict[str, Any]] = {s["id"]: s for s in doc.get("stories", [])}
        self.entities: dict[str, dict[str, Any]] = {e["id"]: e for e in doc.get("entities", [])}
        self.claims: dict[str, dict[str, Any]] = {c["id"]: c for c in doc.get("claims", [])}
        self.commitments: dict[str, dict[str, Any]] = {c["id"]: c for c in doc.get("commitments", [])}
        unclustered = [aid for aid, a in self.articles.items()
                       if not a.get("story_id") or a["story_id"] not in self.stories]
        if unclustered:
            self.stories[UNCLUSTERED_ID] = {"id": UNCLUSTERED_ID, "title": UNCLUSTERED_TITLE,
                                            "article_ids": unclustered, "event_ids": []}
        self.story_of: dict[str, str] = {aid: sid for sid, s in self.stories.items() for aid in s["article_ids"]}

    def list(self, key: str) -> list[dict[str, Any]]:
        return list(self.doc.get(key) or [])

    # ------------------------------------------------------------------ sources and lineage
    def outlet(self, aid: str) -> str:
        a = self.articles.get(aid, {})
        return a.get("outlet") or web_host(a.get("url")) or (a.get("source") or aid).replace("\\", "/").rsplit("/", 1)[-1]

    def label(self, aid: str) -> str:
        """A short name for citations: the outlet (or web host), else the article id's start."""
        a = self.articles.get(aid, {})
        name = a.get("outlet") or web_host(a.get("url")) or f"#{aid[:6]}"
        return name if len(name) <= LABEL_MAX else name[: LABEL_MAX - 1] + "…"

    def title(self, aid: str) -> str:
        a = self.articles.get(aid)
        if a is None:
            return aid
        if a.get("title"):
            return a["title"]
        s, e = first_sentence(a["text"])
        words = a["text"][s:e]
        return words if len(words) <= 90 else words[:87].rsplit(" ", 1)[0] + "…"

    @cached_property
    def lineage(self) -> dict[str, str]:
        """Article id -> the article standing for its independent source: the export's lineages
        (copies and rewrites join their original), and one outlet counts once."""
        lineage_of = {aid: a.get("lineage_id") or a.get("duplicate_of") or a.get("derived_from") or aid
                      for aid, a in self.articles.items()}
        outlets = {aid: outlet_key(a.get("outlet"), a.get("url")) for aid, a in self.articles.items()}
        return source_of(self.articles, lambda aid: lineage_of[aid], outlets)

    def independent(self, article_ids: Iterable[str]) -> int:
        return len({self.lineage.get(aid, aid) for aid in article_ids})

    # ------------------------------------------------------------------ citations
    def passage(self, aid: str, evidence: Sequence[Mapping[str, Any]] = ()) -> tuple[str, int, int]:
        """The cited passage of article ``aid``: its first evidence span, else its first sentence."""
        text = self.articles.get(aid, {}).get("text", "")
        for ev in evidence:
            if ev.get("article_id") == aid and 0 <= ev["start"] < ev["end"] <= len(text):
                return text[ev["start"] : ev["end"]][: PASSAGE_MAX * 2], ev["start"], ev["end"]
        s, e = first_sentence(text)
        return text[s:e], s, e

    def citations(self, article_ids: Iterable[str], evidence: Sequence[Mapping[str, Any]] = ()) -> list[Citation]:
        out = []
        ids = list(dict.fromkeys([*article_ids, *(ev["article_id"] for ev in evidence)]))
        for aid in ids:
            if aid not in self.articles:
                continue
            passage, start, end = self.passage(aid, evidence)
            out.append(Citation(article_id=aid, label=self.label(aid), outlet=self.outlet(aid), title=self.title(aid),
                                passage=passage, start=start, end=end))
        return out

    def story_articles(self, sid: str) -> list[str]:
        return [aid for aid in self.stories[sid]["article_ids"] if aid in self.articles]

    def in_story(self, sid: str, item: Mapping[str, Any]) -> bool:
        """Whether a record (with ``story_id`` and/or ``article_ids``/``evidence``) belongs to story ``sid``."""
        if item.get("story_id"):
            return item["story_id"] == sid or (sid == UNCLUSTERED_ID and item["story_id"] not in self.stories)
        ids = [*item.get("article_ids", ()), *(ev.get("article_id") for ev in item.get("evidence", ()))]
        ids += [v["article_id"] for v in item.get("variants", ())]
        return any(self.story_of.get(aid) == sid for aid in ids)
