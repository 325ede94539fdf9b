"""JSONL reader: one article per line, ``text`` or ``html`` plus optional metadata.

A bad line is rejected with its line number; the other lines are read. A line whose text is fine
but one metadata field is not (``"published": "not a date"``) is kept without that field, and an
:class:`~storyfold.errors.InputWarning` naming the file, line and field comes before it. ``url`` is
kept exactly as given (evaluations map articles back by it).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import BinaryIO

from storyfold.errors import DecodeError, InputRejected, InputWarning, MalformedInput, TooLarge
from storyfold.ingest.html import parse_html
from storyfold.ingest.manifest import parse_published
from storyfold.records import Document

__all__ = ["iter_jsonl"]

_FIELDS = ("title", "outlet", "url", "author", "id")


def iter_jsonl(
    stream: BinaryIO, source: str, *, max_line_bytes: int
) -> Iterator[Document | InputRejected | InputWarning]:
    """Documents, or the rejection of each unusable line, in file order; the warnings about a
    line's dropped fields just before its document."""
    n = 0
    while True:
        raw = stream.readline(max_line_bytes + 1)
        if not raw:
            return
        n += 1
        if len(raw) > max_line_bytes and not raw.endswith(b"\n"):
            # Skip the rest of the over-long line, then report it.
            while (chunk := stream.readline(1 << 20)) and not chunk.endswith(b"\n"):
                pass
            yield TooLarge(source, f"line longer than {max_line_bytes} bytes (setting max_line_bytes)", line=n)
            continue
        if n == 1 and raw.startswith(b"\xef\xbb\xbf"):
            raw = raw[3:]
        if not raw.strip():
            continue
        warnings: list[InputWarning] = []
        try:
            doc = parse_line(raw, source, n, warnings)
        except InputRejected as exc:
            yield exc
            continue
        yield from warnings
        yield doc


def parse_line(raw: bytes, source: str, n: int, warnings: list[InputWarning] | None = None) -> Document:
    """The document of one line; a metadata field that cannot be read is left out, with a warning
    appended to ``warnings``."""
    where = f"{source}:{n}"
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise DecodeError(source, f"line is not UTF-8 ({exc.reason})", line=n) from exc
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise MalformedInput(source, f"invalid JSON ({exc.msg} at column {exc.colno})", line=n) from exc
    if not isinstance(obj, dict):
        raise MalformedInput(source, f"line is a JSON {type(obj).__name__}, not an object", line=n)
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise MalformedInput(source, 'line has neither a "text" nor an "html" string', line=n)
    meta = {k: (str(obj[k]) if obj.get(k) is not None else None) for k in _FIELDS}
    try:
        published = parse_published(obj.get("published"))
    except ValueError as exc:
        published = None
        if warnings is not None:
            warnings.append(InputWarning(source, f"field published dropped, the article kept: {exc}", line=n))
    if isinstance(text, str) and text.strip():
        return Document(
            source=where,
            text=text,
            title=meta["title"],
            outlet=meta["outlet"],
            url=meta["url"],
            published=published,
            author=meta["author"],
            external_id=meta["id"],
        )
    if not isinstance(html, str):
        raise MalformedInput(source, 'line has an empty "text" and no "html"', line=n)
    try:
        doc = parse_html(html, where, url=meta["url"])
    except InputRejected as exc:
        raise type(exc)(source, exc.reason, line=n) from exc
    return Document(
        source=where,
        html=html,
        text=doc.text,
        title=meta["title"] or doc.title,
        outlet=meta["outlet"] or doc.outlet,
        url=meta["url"] or doc.url,
        published=published or doc.published,
        author=meta["author"] or doc.author,
        external_id=meta["id"],
    )
