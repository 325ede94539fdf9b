"""Case-insensitive word patterns, matched fast: the one way the lexicons of the commitments stage
(its sub-kinds, status cues, categories, candidate stems) are searched.

Python's ``re`` runs an IGNORECASE pattern several times slower than the same pattern case-sensitive
(on the Kiel rows and the seeds, the sub-kind and status lexicons took 49 ms case-insensitive, 31 ms
as lower-case patterns on lower-cased text). A :class:`Folded` pattern is compiled with its literal
letters lower-cased and matched against the text lower-cased once by the caller (``low``), so
several patterns share one lower-casing. Where lower-casing changes the text's length ("İ" becomes
two characters), offsets would no longer index the text, and the IGNORECASE pattern reads the text
itself. Matches come back as spans of the text given, never as the lower-cased words.
"""

from __future__ import annotations

import re

__all__ = ["Folded"]

_LETTER_OR_ESCAPE = re.compile(r"\\.|[A-Z]")


class Folded:
    """One case-insensitive pattern matching any of ``alternatives`` (regular expressions; their
    literal capitals are lower-cased, escapes such as ``\\W`` kept)."""

    __slots__ = ("_folded", "_lower", "pattern")

    def __init__(self, *alternatives: str) -> None:
        self.pattern = "|".join(alternatives)
        lowered = _LETTER_OR_ESCAPE.sub(lambda m: m.group() if m.group().startswith("\\") else m.group().lower(),
                                        self.pattern)
        self._lower = re.compile(lowered)
        self._folded = re.compile(self.pattern, re.IGNORECASE)

    def _pick(self, text: str, low: str | None) -> tuple[re.Pattern[str], str]:
        if low is None:
            low = text.lower()
        return (self._lower, low) if len(low) == len(text) else (self._folded, text)

    def spans(self, text: str, low: str | None = None) -> list[tuple[int, int]]:
        """The (start, end) of each match in ``text`` (``low``: ``text.lower()``, when the caller has it)."""
        rx, t = self._pick(text, low)
        return [m.span() for m in rx.finditer(t)]

    def first(self, text: str, low: str | None = None) -> tuple[int, int] | None:
        """The span of the first match in ``text``, else None."""
        rx, t = self._pick(text, low)
        m = rx.search(t)
        return m.span() if m else None

    def count(self, text: str, low: str | None = None) -> int:
        """How many matches ``text`` holds."""
        rx, t = self._pick(text, low)
        return sum(1 for _ in rx.finditer(t))

    def __repr__(self) -> str:
        return f"Folded({self.pattern!r})"
