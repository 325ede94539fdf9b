"""Readers: one per format. :func:`read_inputs` walks paths and yields documents or rejections.

Formats by file suffix (a trailing ``.gz`` is decompressed first): ``.txt``/``.text``/``.md`` plain
text, ``.html``/``.htm``/``.xhtml`` HTML, ``.jsonl``/``.ndjson`` one article per line. A file with
another suffix is sniffed: HTML if it starts like HTML, rejected otherwise. Files named
``manifest.jsonl`` are metadata sidecars, never articles.
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from storyfold.config import Settings
from storyfold.errors import InputRejected, TooLarge, UnsupportedInput
from storyfold.ingest.decode import decode_bytes, maybe_gunzip
from storyfold.ingest.html import looks_like_html, parse_html
from storyfold.ingest.jsonl import iter_jsonl
from storyfold.ingest.manifest import Manifest, ManifestEntry, load_manifest
from storyfold.ingest.text import parse_text
from storyfold.records import Document

__all__ = ["Manifest", "discover", "load_manifest", "read_file", "read_inputs"]

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
SIDECAR_NAMES = {"manifest.jsonl"}


def discover(paths: Iterable[str | Path]) -> tuple[list[Path], list[InputRejected]]:
    """Every input file under ``paths`` (folders recursively, hidden files skipped), sorted."""
    files: list[Path] = []
    missing: list[InputRejected] = []
    for raw in paths:
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


def _suffix(path: Path) -> str:
    suffixes = [s.lower() for s in path.suffixes]
    if suffixes and suffixes[-1] == ".gz":
        suffixes = suffixes[:-1]
    return suffixes[-1] if suffixes else ""


def read_file(path: Path, settings: Settings) -> Iterator[Document | InputRejected]:
    """The documents in one file (several for JSONL), or the rejection of what cannot be read."""
    source = str(path)
    suffix = _suffix(path)
    try:
        size = path.stat().st_size
        if suffix in JSONL_SUFFIXES and not path.name.lower().endswith(".gz"):
            with path.open("rb") as stream:
                yield from iter_jsonl(stream, source, max_line_bytes=settings.max_line_bytes)
            return
        if size > settings.max_input_bytes:
            raise TooLarge(source, f"file is {size} bytes, over the cap of {settings.max_input_bytes} (setting max_input_bytes)")
        data = maybe_gunzip(path.read_bytes(), source, settings.max_input_bytes)
        if suffix in JSONL_SUFFIXES:
            yield from iter_jsonl(io.BytesIO(data), source, max_line_bytes=settings.max_line_bytes)
            return
        text = decode_bytes(data, source)
        if suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and looks_like_html(text)):
            yield parse_html(text, source)
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


def read_inputs(
    paths: Iterable[str | Path], settings: Settings, manifest: Manifest | None = None
) -> Iterator[Document | InputRejected]:
    """Documents from every file under ``paths``, with manifest metadata applied (metadata the user
    gave in the manifest wins over what was guessed from the document)."""
    files, missing = discover(paths)
    yield from missing
    for path in files:
        entry = manifest.lookup(path) if manifest is not None else None
        for item in read_file(path, settings):
            if entry is not None and isinstance(item, Document):
                item = _apply(item, entry)
            yield item


def _apply(doc: Document, entry: ManifestEntry) -> Document:
    return replace(
        doc,
        outlet=entry.outlet or doc.outlet,
        url=entry.url or doc.url,
        published=entry.published or doc.published,
        title=entry.title or doc.title,
    )
