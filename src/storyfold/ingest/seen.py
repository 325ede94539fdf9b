"""Input files a fold need not read again: the same bytes, read the same way, give the same documents.

:func:`input_digest` names what reading a file depends on: its bytes, its manifest entry, the
settings that bound or change reading (sizes, fetching), the source of storyfold's readers and
cleaning and the versions of the extraction libraries. An :class:`InputLedger` asks the store
whether a fold already read a file of that digest to the end (then the file is skipped and its
documents counted as already stored) and collects the digests of the files this fold reads, for
the store to record once they are stored (a file none of whose documents was stored is not). A feed is always read when fetching is on (the articles
it links to may have changed), and so is a file none of whose documents was stored (its rejections
are reported again).
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from storyfold.config import Settings

__all__ = ["READ_SETTINGS", "InputLedger", "input_digest", "reader_key"]

# the settings that decide what reading and cleaning a file gives
READ_SETTINGS = ("max_input_bytes", "max_line_bytes", "max_article_chars", "min_article_chars",
                 "max_article_sentences", "fetch")
_LIBRARIES = ("trafilatura", "lxml", "feedparser", "warcio", "charset-normalizer")
_PACKAGE = Path(__file__).resolve().parents[1]
# the code that turns a file into documents and articles
_CODE = ("ingest/*.py", "stages/clean.py", "text/sentences.py", "urls.py", "ids.py")
_WITHIN = re.compile(r"(?::\d+|#(?:item|record)\d+)$")  # a document's place inside its file (readers' sources)


@cache
def reader_key() -> str:
    """A digest of storyfold's reading and cleaning code and the extraction libraries' versions."""
    h = hashlib.blake2b(digest_size=16)
    for pattern in _CODE:
        for path in sorted(_PACKAGE.glob(pattern)):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            h.update(f"{name}=={importlib.metadata.version(name)}".encode())
        except importlib.metadata.PackageNotFoundError:
            h.update(f"{name}: absent".encode())
    return h.hexdigest()


def input_digest(path: Path, entry: Any, settings: Settings) -> str:
    """What a fold that read ``path`` (with its manifest ``entry``) under ``settings`` read."""
    h = hashlib.blake2b(digest_size=16)
    h.update(reader_key().encode())
    h.update(json.dumps([str(path.resolve()), {k: getattr(settings, k) for k in READ_SETTINGS},
                         None if entry is None else repr(entry)], sort_keys=True, default=str).encode())
    with path.open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


@dataclass(slots=True)
class InputLedger:
    """The files of one fold: ``known`` (a digest -> its documents, if a fold read it to the
    end) decides which are skipped; ``read`` collects ``{digest: (path, documents)}`` of the
    files read to the end that gave documents, ``skipped`` the ``(path, documents)`` skipped."""

    known: Callable[[str], int | None]
    settings: Settings
    read: dict[str, tuple[str, int]] = field(default_factory=dict)
    skipped: list[tuple[str, int]] = field(default_factory=list)

    @property
    def skipped_documents(self) -> int:
        """The documents of the files skipped (stored by an earlier fold)."""
        return sum(n for _, n in self.skipped)

    def digest(self, path: Path, entry: Any, *, feed: bool) -> str | None:
        """The file's digest, or None when it is to be read whatever a fold read before."""
        if feed and self.settings.fetch:
            return None
        try:
            return input_digest(path, entry, self.settings)
        except OSError:
            return None  # unreadable: reading reports it

    def skip(self, path: Path, digest: str | None) -> bool:
        """Whether ``path`` (of ``digest``) was read to the end by a fold already (then noted)."""
        if digest is None:
            return False
        documents = self.known(digest)
        if documents is None:
            return False
        self.skipped.append((str(path), documents))
        return True

    def done(self, path: Path, digest: str | None, documents: int) -> None:
        if digest is not None and documents:
            self.read[digest] = (str(path), documents)

    def stored(self, sources: Iterable[str]) -> dict[str, tuple[str, int]]:
        """The files read to the end of which a document was stored, from the ``sources`` of the
        articles stored (``path``, ``path:line``, ``path#itemN``, ``path#recordN``): a file all of
        whose documents were rejected (empty once cleaned, say) is read, and reported, again."""
        files = {_WITHIN.sub("", s) for s in sources}
        return {d: (p, n) for d, (p, n) in self.read.items() if p in files}
