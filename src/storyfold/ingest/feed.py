"""RSS/Atom reader (feedparser), from a file or a URL.

An entry whose content holds the article becomes a document directly. An entry carrying only a
summary is fetched from its link when a :class:`~storyfold.ingest.fetch.Fetcher` is given
(politely: robots.txt, per-host delay, timeout, size cap), and rejected with a reason otherwise.
Feeds that declare XML entities are refused outright (entity-expansion attacks).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import xml.sax
from collections.abc import Callable, Iterator

import feedparser
import lxml.html

from storyfold.errors import InputRejected, MalformedInput
from storyfold.ingest.decode import decode_bytes
from storyfold.ingest.fetch import Fetcher
from storyfold.ingest.html import parse_html
from storyfold.records import Document

__all__ = ["FULL_TEXT_WORDS", "iter_feed", "looks_like_feed"]

FULL_TEXT_WORDS = 120  # an entry with fewer words of content is a summary, not the article
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FEED_START = re.compile(rb"^\s*(<\?xml[^>]*\?>\s*)?(<!--.*?-->\s*)*<(rss|feed|rdf:RDF)\b", re.S | re.I)


def looks_like_feed(data: bytes) -> bool:
    return bool(_FEED_START.match(data[:4096]))


def _html_to_text(fragment: str) -> str:
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except (ValueError, lxml.etree.ParserError):
        return fragment
    for br in root.iter("br"):
        br.tail = "\n" + (br.tail or "")
    blocks = [" ".join(el.text_content().split()) for el in root.iter("p", "li", "h2", "h3", "blockquote")]
    blocks = [b for b in blocks if b]
    return "\n".join(blocks) if blocks else " ".join(root.text_content().split())


def _entry_date(entry: feedparser.FeedParserDict) -> dt.date | None:
    parsed = entry.get("published_parsed") or entry.get("updated_parsed")
    if not parsed:
        return None
    return dt.datetime.fromtimestamp(calendar.timegm(parsed), tz=dt.UTC).date()


def iter_feed(
    data: bytes,
    source: str,
    *,
    fetcher: Fetcher | None = None,
    known_url: Callable[[str], bool] = lambda _url: False,
) -> Iterator[Document | InputRejected]:
    """Documents from the entries of one feed, in feed order."""
    if _ENTITY_DECL.search(data[:65536]):
        yield MalformedInput(source, "feed declares XML entities (possible entity-expansion attack); refused")
        return
    parsed = feedparser.parse(data)
    exc = parsed.get("bozo_exception")
    if parsed.bozo and not parsed.entries:
        yield MalformedInput(source, f"not a valid RSS/Atom feed ({exc})")
        return
    if isinstance(exc, xml.sax.SAXException):
        yield MalformedInput(source, f"malformed feed XML ({exc}); {len(parsed.entries)} entries recovered and read")
    outlet = parsed.feed.get("title") or None
    for n, entry in enumerate(parsed.entries, start=1):
        where = f"{source}#item{n}"
        link = entry.get("link")
        content = entry.get("content") or []
        body = content[0].get("value", "") if content else ""
        text = _html_to_text(body or entry.get("summary", "") or "")
        meta = {"title": entry.get("title") or None, "url": link or None, "published": _entry_date(entry), "outlet": outlet}
        if len(text.split()) >= FULL_TEXT_WORDS:
            yield Document(source=where, text=text, author=entry.get("author") or None, **meta)
            continue
        if fetcher is None or not link:
            yield InputRejected(
                where,
                f"feed item carries only a summary ({len(text.split())} words)"
                + ("; fold the feed with fetching enabled to read the linked article" if link else " and no link"),
            )
            continue
        if known_url(link):
            continue
        try:
            page = fetcher.get(link)
            doc = parse_html(decode_bytes(page.body, link), link, url=link)
        except InputRejected as exc:
            yield exc
            continue
        yield Document(
            source=link,
            text=doc.text,
            html=doc.html,
            title=meta["title"] or doc.title,
            url=link,
            published=meta["published"] or doc.published,
            outlet=doc.outlet or outlet,
            author=doc.author,
        )
