"""WARC/ARC reader (warcio), streaming record by record: HTML responses only.

The record's target URI becomes the article URL. The publication date comes from the page (HTML
metadata); when the page has none, the capture date (``WARC-Date``) is used as an upper-bound
estimate and marked ``published_estimated``. A truncated or corrupt archive yields the records
read so far, then one rejection naming the archive and the record number where it broke.
"""

from __future__ import annotations

import datetime as dt
import io
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from storyfold.errors import InputRejected, MalformedInput, TooLarge
from storyfold.ingest.html import HtmlPage
from storyfold.records import Document

__all__ = ["iter_warc"]

_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _capture_date(value: str | None) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def iter_warc(
    stream: BinaryIO, source: str, *, max_record_bytes: int, defer_html: bool = False
) -> Iterator[Document | HtmlPage | InputRejected]:
    """Documents from the HTML responses of a WARC/ARC stream (gzipped or not); with
    ``defer_html``, each response as an :class:`HtmlPage` to extract later (in a worker)."""
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    n = 0
    end = 0  # where the last whole record ends, in the (compressed) file
    try:
        records = ArchiveIterator(stream, arc2warc=True)
        for record in records:
            n += 1
            where = f"{source}#record{n}"
            headers = record.http_headers
            ctype = (headers.get_header("Content-Type") if headers else record.rec_headers.get_header("Content-Type")) or ""
            wanted = (
                record.rec_type in ("response", "resource")
                and ctype.lower().startswith(_HTML_TYPES)
                and (headers is None or (headers.get_statuscode() or "").startswith("2"))
            )
            body = record.content_stream().read(max_record_bytes + 1) if wanted else b""
            while record.raw_stream.read(1 << 16):  # drain what is not read, to see whether it is whole
                pass
            if record.raw_stream.limit > 0:
                yield MalformedInput(
                    source, f"archive truncated inside record {n}; the {n - 1} records before it were read"
                )
                return
            end = records.get_record_offset() + records.get_record_length()
            if not wanted:
                continue
            if len(body) > max_record_bytes:
                yield TooLarge(where, f"record body over {max_record_bytes} bytes (setting max_input_bytes)")
                continue
            page = HtmlPage(
                body,
                where,
                url=record.rec_headers.get_header("WARC-Target-URI"),
                captured=_capture_date(record.rec_headers.get_header("WARC-Date")),
            )
            yield page if defer_html else page.document()
    except (ArchiveLoadFailed, zlib.error, EOFError, ValueError, OSError) as exc:
        yield MalformedInput(source, f"archive broken after record {n} ({type(exc).__name__}: {exc}); records before it were read")
        return
    size = _size(stream)
    if size is not None and size > end and stream_has_data_after(stream, end):
        yield MalformedInput(
            source, f"archive truncated or corrupt after record {n} ({size - end} bytes left unread); the records before were read"
        )


def _size(stream: BinaryIO) -> int | None:
    try:
        return stream.seek(0, io.SEEK_END)
    except (OSError, ValueError):
        return None


def stream_has_data_after(stream: BinaryIO, offset: int) -> bool:
    """Whether anything but whitespace follows ``offset`` (WARC files may end with blank lines)."""
    stream.seek(offset)
    while chunk := stream.read(1 << 16):
        if chunk.strip():
            return True
    return False
