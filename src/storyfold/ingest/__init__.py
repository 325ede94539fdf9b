"""Readers: one per format. :func:`read_inputs` walks paths and yields documents or rejections.

Formats by file suffix (a trailing ``.gz`` is decompressed first): ``.txt``/``.text``/``.md`` plain
text, ``.html``/``.htm``/``.xhtml`` HTML, ``.jsonl``/``.ndjson`` one article per line,
``.warc``/``.arc`` web archives (streamed), ``.rss``/``.atom``/``.xml`` feeds. A file with another
suffix is sniffed: a feed or HTML if it starts like one, rejected otherwise. Files named
``manifest.jsonl`` are metadata sidecars, never articles. An ``http(s)://`` path is a feed URL: the
only case in which storyfold opens a network connection.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from storyfold.config import Settings
from storyfold.errors import InputRejected, TooLarge, UnsupportedInput
from storyfold.ingest.decode import decode_bytes, maybe_gunzip
from storyfold.ingest.feed import iter_feed, looks_like_feed
from storyfold.ingest.fetch import Fetcher
from storyfold.ingest.html import HtmlPage, looks_like_html, parse_html
from storyfold.ingest.jsonl import iter_jsonl
from storyfold.ingest.manifest import Manifest, ManifestEntry, apply_manifest, load_manifest
from storyfold.ingest.seen import InputLedger
from storyfold.ingest.text import parse_text
from storyfold.ingest.warc import iter_warc
from storyfold.records import Document

__all__ = [
    "HtmlPage",
    "InputLedger",
    "Manifest",
    "ManifestEntry",
    "apply_manifest",
    "discover",
    "is_url",
    "load_manifest",
    "read_file",
    "read_inputs",
    "read_url",
]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
WARC_SUFFIXES = {".warc", ".arc"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
SIDECAR_NAMES = {"manifest.jsonl"}


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputRejected]]:
    """Every input file under ``paths`` (folders recursively, hidden files skipped), sorted."""
    files: list[Path] = []
    missing: list[InputRejected] = []
    for raw in paths:
        if is_url(raw):
            continue
        path = Path(raw)
        if path.is_dir():
            for child in sorted(path.rglob("*")):
                rel = child.relative_to(path).parts
                if child.is_file() and not any(p.startswith(".") for p in rel) and child.name not in SIDECAR_NAMES:
                    files.append(child)
        elif path.is_file():
            files.append(path)
        else:
            missing.append(UnsupportedInput(str(path), "no such file or folder"))
    seen: set[Path] = set()
    unique = [f for f in files if not (f.resolve() in seen or seen.add(f.resolve()))]
    return unique, missing


def is_url(path: str | Path) -> bool:
    return isinstance(path, str) and path.startswith(("http://", "https://"))


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_file(
    path: Path,
    settings: Settings,
    fetcher: Fetcher | None = None,
    known_url: Callable[[str], bool] = lambda _u: False,
    *,
    defer_html: bool = False,
) -> Iterator[Document | HtmlPage | InputRejected]:
    """The documents in one file (several for JSONL, WARC and feeds), or the rejection of what
    cannot be read. ``fetcher`` (optional) fetches the articles that summary-only feed items link to.
    With ``defer_html``, HTML files and WARC responses come as :class:`HtmlPage` (extraction, the
    costly part, left to whoever calls :meth:`HtmlPage.document`, e.g. a worker process)."""
    source = str(path)
    suffix = _suffix(path)
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES and not path.name.lower().endswith(".gz"):
            with path.open("rb") as stream:
                yield from iter_jsonl(stream, source, max_line_bytes=settings.max_line_bytes)
            return
        if suffix in WARC_SUFFIXES:  # streamed: warcio reads gzip members itself
            with path.open("rb") as stream:
                yield from iter_warc(stream, source, max_record_bytes=settings.max_input_bytes, defer_html=defer_html)
            return
        if size > settings.max_input_bytes:
            raise TooLarge(source, f"file is {size} bytes, over the cap of {settings.max_input_bytes} (setting max_input_bytes)")
        data = maybe_gunzip(path.read_bytes(), source, settings.max_input_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(io.BytesIO(data), source, max_line_bytes=settings.max_line_bytes)
            return
        if suffix in FEED_SUFFIXES or (suffix not in TEXT_SUFFIXES | HTML_SUFFIXES and looks_like_feed(data)):
            yield from iter_feed(data, source, fetcher=fetcher, known_url=known_url)
            return
        text = decode_bytes(data, source)
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
            yield HtmlPage(text, source) if defer_html else parse_html(text, source)
        elif suffix in TEXT_SUFFIXES:
            yield parse_text(text, source)
        else:
            raise UnsupportedInput(
                source, f"no reader for {suffix or 'files without a suffix'}; use .txt, .html or .jsonl"
            )
    except InputRejected as exc:
        yield exc
    except OSError as exc:
        yield UnsupportedInput(source, f"cannot read the file ({exc.strerror or exc})")


def read_url(
    url: str, settings: Settings, known_url: Callable[[str], bool] = lambda _u: False
) -> Iterator[Document | InputRejected]:
    """The documents of the feed at ``url`` (linked articles fetched politely when the feed
    carries only summaries)."""
    fetcher = make_fetcher(settings)
    try:
        response = fetcher.get(url)
    except InputRejected as exc:
        yield exc
        return
    if not looks_like_feed(response.body):
        yield UnsupportedInput(url, f"not an RSS/Atom feed (content type {response.content_type or 'unknown'})")
        return
    yield from iter_feed(response.body, url, fetcher=fetcher, known_url=known_url)


def make_fetcher(settings: Settings) -> Fetcher:
    return Fetcher(delay=settings.fetch_delay, timeout=settings.fetch_timeout, max_bytes=settings.max_input_bytes)


def read_inputs(
    paths: Iterable[str | Path],
    settings: Settings,
    manifest: Manifest | None = None,
    known_url: Callable[[str], bool] = lambda _u: False,
    *,
    defer_html: bool = False,
    ledger: InputLedger | None = None,
) -> Iterator[Document | HtmlPage | InputRejected]:
    """Documents from every file under ``paths``, with manifest metadata applied (metadata the user
    gave in the manifest wins over what was guessed from the document). ``defer_html``: see
    :func:`read_file`; a deferred page carries its manifest entry, applied when it is extracted.
    With a ``ledger`` (:class:`storyfold.ingest.seen.InputLedger`), a file an earlier fold read to
    the end, unchanged, is skipped, and each file read to the end is noted in it."""
    paths = list(paths)
    files, missing = discover(paths)
    yield from missing
    for url in (p for p in paths if is_url(p)):
        yield from read_url(str(url), settings, known_url)
    fetcher = make_fetcher(settings) if settings.fetch else None
    for path in files:
        entry = manifest.lookup(path) if manifest is not None else None
        digest = None
        if ledger is not None:
            suffix = _suffix(path)
            feed = suffix in FEED_SUFFIXES or suffix not in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | WARC_SUFFIXES
            digest = ledger.digest(path, entry, feed=feed)
            if ledger.skip(path, digest):
                continue
        documents = 0
        for item in read_file(path, settings, fetcher, known_url, defer_html=defer_html):
            if entry is not None and isinstance(item, Document):
                item = apply_manifest(item, entry)
            elif entry is not None and isinstance(item, HtmlPage):
                item = replace(item, entry=entry)
            documents += isinstance(item, Document | HtmlPage)
            yield item
        if ledger is not None:
            ledger.done(path, digest, documents)
