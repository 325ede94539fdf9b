"""Dates against a gold set that no rule of the date grammar was written against: WikiWars.

    python eval/dates_unseen.py [DATA_DIR] [--wikiwars=DIR] [--errors]

**WikiWars** (Mazur and Dale, EMNLP 2010; version 1.0.4 of 2012-02-18): 22 English Wikipedia
articles on the course of wars, 2,659 temporal expressions in the text, annotated as TIMEX2 (ACE
2005) with ISO 8601 values (``val``), pre-tagged by a tagger, then corrected by one annotator and
checked by a second. ``--wikiwars=DIR`` names the corpus folder (the one that holds ``keyinline/``),
or a checkout that holds it; default ``DATA_DIR/wikiwars``. See eval/README.md for where to get it.
It is narrative, not news: its document time is the day the pages were downloaded (2009-12-19), and
most of its dates are told against the narrative's own time, so the grammar's anchor (that document
time) resolves relative expressions ("the next day", "in June") where the articles do not.

The reader keeps the outermost TIMEX2 of an embedded pair (23 are embedded in another) and derives
TIMEX3's type from TIMEX2's attributes: ``set="YES"`` is a SET, a ``P...`` value a DURATION, a value
with a time of day (``T...``) a TIME, any other a DATE; so type F1 is only approximate.

The documents are split by the SHA-1 of their name, as eval/dates.py splits TBAQ-cleaned: the dev
half may be read while writing rules (``--errors`` prints its errors), the untouched half never is
(its errors are never printed). Printed for dev, untouched and all: eval/dates.py's TempEval-3
figures (strict and relaxed span P/R/F1, value F1, value accuracy, type F1).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dates import Doc, Span, _errors, _print_scores, _run, default_data, storyfold_spans  # noqa: E402

PARTS = ("dev", "untouched", "all")

_TIMEX2 = re.compile(r"<(/?)TIMEX2\b([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def part(name: str) -> str:
    """``dev`` (its errors may be read) or ``untouched`` (never read), by the first byte of the
    SHA-1 of the document's name, as eval/dates.py splits TBAQ-cleaned."""
    return "untouched" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 else "dev"


def timex2_type(attrs: dict[str, str]) -> str:
    """TIMEX3's type for a TIMEX2's attributes (TIMEX2 has none of its own)."""
    value = attrs.get("val", "")
    if attrs.get("set", "").upper() == "YES":
        return "SET"
    if value.startswith("P") and not value.endswith("_REF"):
        return "DURATION"
    return "TIME" if re.search(r"T(\d|[A-Z]{2}$)", value) else "DATE"


def read_wikiwars(path: Path) -> Doc:
    """A WikiWars ``keyinline`` file: the plain TEXT, its outermost TIMEX2 spans with their values,
    and the DATETIME's day as the document's creation time."""
    raw = path.read_text(encoding="utf-8")
    name = re.search(r"<DOCID>\s*(.*?)\s*</DOCID>", raw)
    when = re.search(r'<DATETIME>.*?val="(\d{4}-\d{2}-\d{2})', raw, re.S)
    assert name and when, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    pieces: list[str] = []
    pos = last = 0
    opened: list[tuple[int, dict[str, str]]] = []
    spans: list[tuple[int, int, dict[str, str]]] = []
    for m in _TIMEX2.finditer(body):
        chunk = html.unescape(body[last : m.start()])
        pieces.append(chunk)
        pos += len(chunk)
        last = m.end()
        if not m.group(1):
            opened.append((pos, {k.lower(): v for k, v in _ATTR.findall(m.group(2))}))
            continue
        start, attrs = opened.pop()
        if not opened:  # an embedded TIMEX2 is left to the one around it
            spans.append((start, pos, attrs))
    assert not opened, path
    pieces.append(html.unescape(body[last:]))
    text = "".join(pieces)
    timex = [Span(s, e, a.get("val") or None, timex2_type(a), text[s:e]) for s, e, a in spans]
    return Doc(name.group(1), text, dt.date.fromisoformat(when.group(1)), timex, [])


def wikiwars_files(folder: Path) -> list[Path]:
    """The annotated files under ``folder``: ``keyinline/*.key.xml`` of the corpus folder, found
    below a checkout that holds it too."""
    inner = folder / "keyinline"
    if inner.is_dir():
        return sorted(inner.glob("*.key.xml"))
    return sorted(folder.rglob("keyinline/*.key.xml")) if folder.is_dir() else []


def report(label: str, docs: list[Doc], show: bool) -> None:
    """The figures of the dev half, the untouched half and all; with ``show`` the dev half's errors."""
    print(f"{label} ({len(docs)} documents, {sum(len(d.timex) for d in docs)} gold expressions; split by "
          "sha1 of the document name: dev may be read, untouched never is):")
    for which in PARTS:
        some = [d for d in docs if which == "all" or part(d.name) == which]
        s, secs, pairs = _run(some, storyfold_spans)
        _print_scores(f"storyfold dates, {which} ({len(some)})", s, secs, len(some))
        if show and which == "dev":
            _errors(some, pairs, 10_000)


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show = "--errors" in argv
    data = Path(args[0]) if args else default_data()
    folder = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--wikiwars=")), data / "wikiwars")
    files = wikiwars_files(folder)
    if files:
        report("WikiWars 1.0.4", [read_wikiwars(p) for p in files], show)
    else:
        print(f"WikiWars not found under {folder} (see eval/README.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
