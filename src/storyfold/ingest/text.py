"""Plain-text reader: a headline-like first line becomes the title, a bare domain line the outlet."""

from __future__ import annotations

import re

from storyfold.records import Document, Removal

__all__ = ["parse_text", "split_preamble"]

_DOMAIN = re.compile(r"^(?:https?://)?(?:www\.)?([a-z0-9-]+(?:\.[a-z0-9-]+)+)/?$", re.IGNORECASE)
_TERMINAL = tuple(".!?:;…\"”»’'")


def looks_like_headline(line: str) -> bool:
    """A short line without closing punctuation, most of whose words are capitalised or which is
    clearly shorter than a sentence of the lead."""
    words = line.split()
    if not 2 <= len(words) <= 25 or len(line) > 200:
        return False
    return not line.rstrip().endswith(_TERMINAL)


def split_preamble(text: str) -> tuple[str | None, str | None, str]:
    """``(outlet, title, rest)``: a leading bare-domain line and headline line taken off ``text``."""
    lines = text.split("\n")
    outlet = title = None
    i = 0

    def skip_blank(j: int) -> int:
        while j < len(lines) and not lines[j].strip():
            j += 1
        return j

    i = skip_blank(i)
    if i < len(lines) and (m := _DOMAIN.match(lines[i].strip())) and "." in m.group(1):
        outlet = m.group(1).lower()
        i = skip_blank(i + 1)
    if i < len(lines) and looks_like_headline(lines[i].strip()):
        # Only a headline if an article follows it.
        if any(line.strip() for line in lines[i + 1 :]):
            title = lines[i].strip()
            i = skip_blank(i + 1)
    return outlet, title, "\n".join(lines[i:])


def parse_text(text: str, source: str) -> Document:
    """A text file as a document: its outlet and headline lines become metadata (and are recorded
    as moved out of the text, so the audit trail is complete)."""
    outlet, title, rest = split_preamble(text)
    removed = []
    if outlet:
        removed.append(Removal(text=outlet, reason="outlet line (kept as outlet)"))
    if title:
        removed.append(Removal(text=title, reason="headline (kept as title)"))
    return Document(source=source, text=rest, title=title, outlet=outlet, removed=tuple(removed))
