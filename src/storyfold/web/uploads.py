"""Uploads to the web app: their limits, their names, the metadata a form gives them, the files saved
into a temporary folder of their own, and the job that folds them.

A name with a folder part, a hidden name or an odd character is refused; a file or an upload over its
limit is refused while it is read, and the folder is removed. The form's outlet, date and address
become a manifest (:mod:`storyfold.ingest.manifest`) written outside that folder, so that it is never
read as an article.
"""

from __future__ import annotations

import json
import re
import shutil
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from fastapi import HTTPException, Request, UploadFile

from storyfold.ingest.manifest import parse_published
from storyfold.urls import safe_url

__all__ = ["UPLOAD_SUFFIXES", "Job", "Limits", "UploadView", "same_origin", "save_files", "upload_metadata",
           "upload_name", "write_manifest"]

UPLOAD_SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl", ".gz")
_SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._ -]{0,119}$")


@dataclass(frozen=True)
class Limits:
    """Upload limits: bytes per file, bytes per upload, files per upload."""

    file_bytes: int = 5 * 1024 * 1024
    total_bytes: int = 25 * 1024 * 1024
    files: int = 50


@dataclass
class Job:
    id: str
    files: list[str]
    state: str = "queued"  # queued, running, done, failed
    phase: str = ""
    done: int = 0
    total: int | None = None
    message: str = ""
    stored: int = 0
    articles: list[dict[str, str]] = field(default_factory=list)  # the articles this fold stored: id, title
    rejected: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.time)


@dataclass
class UploadView:
    read_only: bool
    accepted_suffixes: list[str]
    max_file_bytes: int
    max_total_bytes: int
    max_files: int
    jobs: list[Job]


def upload_name(name: str | None) -> str:
    """The name an uploaded file is stored under, inside its job's own temporary folder. Names with
    a folder part (``/``, ``\\``, ``..``), hidden names, odd characters or other suffixes are refused."""
    if not name or "/" in name or "\\" in name or ".." in name or "\x00" in name or not _SAFE_NAME.match(name):
        raise HTTPException(400, f"file name refused: {name!r} (letters, digits, '.', '_', '-', ' ' only; no folders)")
    if not name.lower().endswith(UPLOAD_SUFFIXES):
        raise HTTPException(400, f"file type refused: {name!r} (accepted: {', '.join(UPLOAD_SUFFIXES)})")
    return name


def upload_metadata(outlet: str, published: str, url: str, files: int) -> dict[str, str]:
    """The manifest fields an upload form gives every file it carries; 400 naming the field when
    one is unusable (a date that is no ISO date, an address that is not http(s), a URL for several
    files, which cannot all live at one address)."""
    meta: dict[str, str] = {}
    if outlet.strip():
        meta["outlet"] = " ".join(outlet.split())
    if published.strip():
        try:
            day = parse_published(published.strip())
        except ValueError as exc:
            raise HTTPException(400, f"published: {exc}") from None
        if day is not None:
            meta["published"] = day.isoformat()
    if url.strip():
        if safe_url(url.strip()) is None:
            raise HTTPException(400, "url: give an http:// or https:// address")
        if files > 1:
            raise HTTPException(400, "url: one address names one article; upload one file to set it")
        meta["url"] = url.strip()
    return meta




def write_manifest(names: list[str], meta: dict[str, str]) -> Path | None:
    """A manifest giving every uploaded file ``meta``, in a temporary folder of its own; ``None`` for no metadata."""
    if not meta:
        return None
    manifest = Path(tempfile.mkdtemp(prefix="storyfold-upload-meta-")) / "manifest.jsonl"
    manifest.write_text("".join(json.dumps({"file": n, **meta}) + "\n" for n in names), encoding="utf-8")
    return manifest


async def save_files(files: list[UploadFile], names: list[str], limits: Limits) -> Path:
    """The uploaded ``files`` written under their checked ``names`` into a new temporary folder;
    413 (and nothing kept) when a file or the whole upload passes its limit."""
    folder = Path(tempfile.mkdtemp(prefix="storyfold-upload-"))
    try:
        total = 0
        for f, name in zip(files, names, strict=True):
            target = folder / name
            if target.resolve().parent != folder.resolve():  # belt and braces: never outside the folder
                raise HTTPException(400, f"file name refused: {name!r}")
            size = 0
            with open(target, "xb") as out:
                while chunk := await f.read(256 * 1024):
                    size += len(chunk)
                    total += len(chunk)
                    if size > limits.file_bytes:
                        raise HTTPException(413, f"{name}: larger than {limits.file_bytes} bytes")
                    if total > limits.total_bytes:
                        raise HTTPException(413, f"upload larger than {limits.total_bytes} bytes")
                    out.write(chunk)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return folder


def same_origin(request: Request) -> None:
    """403 unless the upload comes from this server's own pages (see the comment on ``Origin: null``)."""
    origin = request.headers.get("origin")
    site = request.headers.get("sec-fetch-site")
    if site and site not in ("same-origin", "none"):
        raise HTTPException(403, "cross-site upload refused")
    # A browser sends "Origin: null" for its own form under "Referrer-Policy: no-referrer", and then
    # vouches for it with "Sec-Fetch-Site: same-origin"; an opaque origin without that is refused.
    if origin == "null" and site != "same-origin":
        raise HTTPException(403, "upload from an opaque origin (Origin: null) refused")
    if origin and origin != "null" and urlsplit(origin).netloc != request.headers.get("host"):
        raise HTTPException(403, "cross-origin upload refused")

