"""Lookups over one export document (contract v1, a dict), computed once and shared by every view of it.

Articles not assigned to any story (no clustering stage yet, or left out by it) form one implicit
story, :data:`UNCLUSTERED_ID`, so that everything folded can be browsed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from functools import cached_property
from typing import Any

from storyfold.present.models import Citation
from storyfold.present.titles import best_headline, clean_headline, site_suffixes
from storyfold.stages.copies.lineage import outlet_key, source_of
from storyfold.text.sentences import sentence_spans
from storyfold.urls import web_host

__all__ = ["UNCLUSTERED_ID", "DocIndex", "first_sentence"]

UNCLUSTERED_ID = "0" * 16
UNCLUSTERED_TITLE = "Articles not yet grouped into a story"
PASSAGE_MAX = 400
LABEL_MAX = 24
SHORT_TITLE_MAX = 30  # a source label made of a title: its first words, up to this many characters


def _shorten_words(text: str, most: int) -> str:
    """``text`` cut to at most ``most`` characters at a word boundary, with an ellipsis when cut."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    cut = text[: most - 1].rsplit(" ", 1)[0] if " " in text[: most - 1] else text[: most - 1]
    return cut.rstrip(",;:") + "…"


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
        self._story_titles: dict[str, str] = {}

    def list(self, key: str) -> list[dict[str, Any]]:
        return list(self.doc.get(key) or [])

    # ------------------------------------------------------------------ sources and lineage
    def outlet(self, aid: str) -> str:
        """The article's outlet, else its web host, else "" (never a file name or an id)."""
        a = self.articles.get(aid, {})
        return a.get("outlet") or web_host(a.get("url")) or ""

    def label(self, aid: str) -> str:
        """The name a reader knows the article by, for citations, matrix headers and conflict sides:
        its outlet, else its web host, else the first words of its title."""
        name = self.outlet(aid)
        if name:
            return _shorten_words(name, LABEL_MAX)
        return _shorten_words(self.title(aid).rstrip("…"), SHORT_TITLE_MAX)

    @cached_property
    def _suffixes(self) -> frozenset[str]:
        return site_suffixes(a.get("title") for a in self.articles.values())

    def title(self, aid: str) -> str:
        """The article's headline without a trailing site name, else its first sentence, shortened."""
        a = self.articles.get(aid)
        if a is None:
            return aid
        if a.get("title"):
            return clean_headline(a["title"], outlet=a.get("outlet"), host=web_host(a.get("url")),
                                  suffixes=self._suffixes)
        text = a.get("text") or ""
        s, e = first_sentence(text)
        return _shorten_words(text[s:e], 90)

    def story_title(self, sid: str) -> str:
        """The headline among the story's articles that its other sources bear out best
        (:func:`~storyfold.present.titles.best_headline`), else the cluster stage's title."""
        if sid not in self._story_titles:
            story = self.stories[sid]
            if sid == UNCLUSTERED_ID:
                return str(story["title"])
            self._story_titles[sid] = self._best_title(story.get("article_ids", ()), story.get("title")) or sid
        return self._story_titles[sid]

    def event_title(self, event: Mapping[str, Any]) -> str:
        """An event's title chosen as a story's is, among the headlines of the event's articles."""
        return self._best_title(event.get("article_ids", ()), event.get("title")) or ""

    def _best_title(self, article_ids: Iterable[str], chosen: str | None) -> str | None:
        aids = [a for a in article_ids if a in self.articles]
        headlines = {a: self.title(a) for a in aids if self.articles[a].get("title")}
        cleaned = clean_headline(chosen, suffixes=self._suffixes) if chosen else None
        best = best_headline(headlines, {a: self.articles[a].get("text", "") for a in aids}, self.lineage, cleaned)
        return best or cleaned or (self.title(aids[0]) if aids else None)

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
