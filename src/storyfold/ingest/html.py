"""HTML reader: trafilatura extracts the main text and the page's metadata."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Any

import trafilatura

from storyfold.errors import InputRejected, MalformedInput
from storyfold.ingest.decode import decode_bytes
from storyfold.ingest.manifest import apply_manifest
from storyfold.records import Document

__all__ = ["HtmlPage", "looks_like_html", "parse_html"]

_HTML_START = re.compile(r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|meta|div|p|article)\b", re.I | re.S)


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:2048]))


def parse_html(html: str, source: str, *, url: str | None = None) -> Document:
    """The article in an HTML page, or :class:`MalformedInput` when the page holds none."""
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=True,
            # Dates from markup only (meta tags, <time>, URL): htmldate's "extensive" search guesses
            # from the text ("in 2022" -> 2022-01-01), which the dates stage does with bounds instead.
            date_extraction_params={
                "original_date": True,
                "extensive_search": False,
                "max_date": dt.date.today().isoformat(),
            },
        )
    except (ValueError, TypeError, RecursionError) as exc:  # lxml gives up on some pathological trees
        raise MalformedInput(source, f"HTML could not be parsed ({type(exc).__name__}: {exc})") from exc
    if found is None or not (found.text or "").strip():
        raise MalformedInput(source, "no article text found in the HTML (only markup, scripts or navigation)")
    published = None
    if found.date:
        try:
            published = dt.date.fromisoformat(found.date[:10])
        except ValueError:
            published = None
    return Document(
        source=source,
        html=html,
        text=found.text,
        title=(found.title or None),
        outlet=(found.sitename or found.hostname or None),
        url=url or found.url or None,
        published=published,
        author=found.author or None,
    )


@dataclass(frozen=True, slots=True)
class HtmlPage:
    """An HTML page that was read but not yet extracted. Extraction (trafilatura) is the costly
    part of reading, so readers asked to ``defer_html`` hand this on and :meth:`document` runs
    where it is called: in a worker process when folding with ``--workers N``. ``body`` is the
    raw bytes (decoded in :meth:`document`) or text already decoded; ``captured`` (a WARC capture
    date) is used, marked estimated, when the page itself carries no date; ``entry`` is the
    manifest entry applied to the document (see :func:`storyfold.ingest.apply_manifest`)."""

    body: bytes | str
    source: str
    url: str | None = None
    captured: dt.date | None = None
    entry: Any = None

    def document(self) -> Document | InputRejected:
        """The extracted document, or the rejection naming the page (never raised)."""
        try:
            html = self.body if isinstance(self.body, str) else decode_bytes(self.body, self.source)
            doc = parse_html(html, self.source, url=self.url)
        except InputRejected as exc:
            return exc
        if doc.published is None and self.captured is not None:
            doc = replace(doc, published=self.captured, published_estimated=True)
        if self.entry is not None:
            doc = apply_manifest(doc, self.entry)
        return doc
