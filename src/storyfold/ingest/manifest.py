"""The metadata sidecar: JSONL lines of ``{file, outlet, url, published, title}``."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field, replace
from pathlib import Path

from storyfold.errors import ManifestError
from storyfold.records import Document, Reject

__all__ = ["Manifest", "ManifestEntry", "apply_manifest", "load_manifest", "parse_published"]


@dataclass(frozen=True, slots=True, kw_only=True)
class ManifestEntry:
    file: str
    line: int
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    title: str | None = None


def parse_published(value: object) -> dt.date | None:
    """An ISO date or date-time (``2025-03-17``, ``2025-03-17T09:00:00Z``); ``None`` for null."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise ValueError(f"published must be an ISO date string, got {value!r}")
    text = value.strip()
    try:
        return dt.date.fromisoformat(text[:10]) if len(text) >= 10 else dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"published must be an ISO date (YYYY-MM-DD), got {value!r}") from None


@dataclass(slots=True)
class Manifest:
    path: Path
    entries: dict[str, ManifestEntry]
    rejects: list[Reject]
    used: set[str] = field(default_factory=set)

    def lookup(self, file: Path) -> ManifestEntry | None:
        """The entry for an input file: by path relative to the manifest's folder, else by name."""
        try:
            rel = file.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            rel = None
        entry = self.entries.get(rel) if rel is not None else None
        entry = entry or self.entries.get(file.name)
        if entry is not None:
            self.used.add(entry.file)
        return entry

    def unused(self) -> list[Reject]:
        """Entries that named no input file: each is reported, never silently ignored."""
        return [
            Reject(source=str(self.path), line=e.line, reason=f"manifest names {e.file!r}, which is not among the inputs")
            for key, e in self.entries.items()
            if key not in self.used
        ]


def load_manifest(path: Path) -> Manifest:
    """Read a manifest; unusable lines become rejects (with line numbers), a missing file an error."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ManifestError(f"manifest {path}: cannot read it ({exc.strerror})") from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ManifestError(f"manifest {path}: not UTF-8 ({exc.reason}); save it as UTF-8 JSONL") from exc
    entries: dict[str, ManifestEntry] = {}
    rejects: list[Reject] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
            if not isinstance(obj, dict):
                raise ValueError("a manifest line must be a JSON object")
            file = obj.get("file")
            if not isinstance(file, str) or not file.strip():
                raise ValueError('a manifest line needs a "file" naming the input file')
            norm = Path(file)
            if norm.is_absolute() or ".." in norm.parts:
                raise ValueError(f"file {file!r} is outside the manifest's folder; name files relative to it")
            entry = ManifestEntry(
                file=norm.as_posix(),
                line=n,
                outlet=_opt_str(obj.get("outlet")),
                url=_opt_str(obj.get("url")),
                published=_published_or_warn(obj.get("published"), path, n, rejects),
                title=_opt_str(obj.get("title")),
            )
        except (json.JSONDecodeError, ValueError) as exc:
            rejects.append(Reject(source=str(path), line=n, reason=f"manifest line unusable: {exc}"))
            continue
        entries[entry.file] = entry
    return Manifest(path=path, entries=entries, rejects=rejects)


def _published_or_warn(value: object, path: Path, n: int, warnings: list[Reject]) -> dt.date | None:
    """The entry's date; one that cannot be read is dropped with a warning (the entry is kept)."""
    try:
        return parse_published(value)
    except ValueError as exc:
        warnings.append(Reject(source=str(path), line=n, kind="warning",
                               reason=f"field published dropped, the entry kept: {exc}"))
        return None


def _opt_str(value: object) -> str | None:
    if value is None:
        return None
    return str(value).strip() or None


def apply_manifest(doc: Document, entry: ManifestEntry) -> Document:
    """``doc`` with the manifest's metadata: what the user gave wins over what was guessed."""
    return replace(
        doc,
        outlet=entry.outlet or doc.outlet,
        url=entry.url or doc.url,
        published=entry.published or doc.published,
        published_estimated=doc.published_estimated and not entry.published,
        title=entry.title or doc.title,
    )
