"""Full-text search over articles and claims of an export document (SQLite FTS5).

The index lives in an in-memory SQLite database built from the export document, not in the store:
the store schema (and its version) is unchanged, a read-only database can be searched, and the
index is rebuilt whenever the document changes (the web app rebuilds it after each fold). Building
it for a few thousand articles takes well under a second.
"""

from __future__ import annotations

import re
import sqlite3
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

__all__ = ["Hit", "SearchIndex", "fts_query"]

_TOKEN = re.compile(r"\w+", re.UNICODE)
_OPEN, _CLOSE = "\ue000", "\ue001"  # private-use markers around matches; never in cleaned text
MAX_TERMS = 12


def fts_query(text: str) -> str | None:
    """A safe FTS5 query from what a user typed: every word quoted (no operators, no column
    filters, no syntax errors), all words required, the last one as a prefix."""
    words = _TOKEN.findall(text)[:MAX_TERMS]
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass
class Hit:
    kind: str  # "article" or "claim"
    id: str  # article id, or claim id
    article_id: str  # the article to open
    title: str
    snippet: list[tuple[str, bool]]  # (text, is_match) pieces, to be escaped by the renderer


def _lead(text: str, width: int = 90) -> str:
    """An untitled article's stand-in title: the start of its text."""
    line = text.strip().split("\n", 1)[0]
    return line if len(line) <= width else line[: width - 1].rsplit(" ", 1)[0] + "…"


def _pieces(snippet: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    for i, part in enumerate(re.split(f"{_OPEN}|{_CLOSE}", snippet)):
        if part:
            out.append((part, i % 2 == 1))
    return out


class SearchIndex:
    """An FTS5 index (porter stemming, Unicode tokens) over article titles and texts and claim texts."""

    def __init__(self, doc: Mapping[str, Any]) -> None:
        self._lock = threading.Lock()
        self._db = sqlite3.connect(":memory:", check_same_thread=False)
        self._db.execute(
            "CREATE VIRTUAL TABLE fts USING fts5(kind UNINDEXED, id UNINDEXED, article_id UNINDEXED, "
            "title, body, tokenize='porter unicode61')"
        )
        rows = [("article", a["id"], a["id"], a.get("title") or "", a.get("text") or "")
                for a in doc.get("articles", [])]
        for c in doc.get("claims", []):
            ids = list(c.get("article_ids") or ()) or [ev["article_id"] for ev in c.get("evidence", ())]
            if ids:
                rows.append(("claim", c["id"], ids[0], "", c.get("text") or ""))
        self._db.executemany("INSERT INTO fts VALUES (?, ?, ?, ?, ?)", rows)
        self._titles = {a["id"]: a.get("title") or _lead(a.get("text") or "") for a in doc.get("articles", [])}
        self.size = len(rows)

    def search(self, text: str, limit: int = 50) -> list[Hit]:
        query = fts_query(text)
        if query is None:
            return []
        with self._lock:
            found = self._db.execute(
                "SELECT kind, id, article_id, title, snippet(fts, 4, ?, ?, '…', 24) FROM fts WHERE fts MATCH ? "
                "ORDER BY rank LIMIT ?",
                (_OPEN, _CLOSE, query, limit),
            ).fetchall()
        return [Hit(kind=k, id=i, article_id=aid, title=self._titles.get(aid, "") if k == "claim" or not t else t,
                    snippet=_pieces(s))
                for k, i, aid, t, s in found]

    def close(self) -> None:
        self._db.close()
