"""Sentence spans of cleaned article text: the one splitter every stage uses.

Rules, chosen for cleaned news text (one paragraph per line):

* a line break always ends a sentence (a headline, a paragraph);
* ``.``, ``!`` or ``?`` (with any closing quote marks or brackets after them) end one when
  whitespace and a capital, a digit or an opening mark follow;
* never after an initial ("U.S.", "J. Smith") or a common abbreviation ("Mr.", "Gen.", "Sept.");
* never after a clock's "a.m." or "p.m." that the time's day or zone follows ("2 a.m. Friday",
  "7 p.m. ET", "8 p.m. Eastern time"); before any other capital ("until nearly 2 a.m. The ...") it ends one.

Spans are ``(start, end)`` character offsets with surrounding whitespace left out.
"""

from __future__ import annotations

import bisect
import calendar
import re
from dataclasses import dataclass

__all__ = ["ELLIPSIS", "SentenceIndex", "cut_off", "dateline_length", "sentence_spans"]

_BREAK = re.compile(r"[.!?]+[\"'”’»)\]]*(?=\s+[\"'“‘«(\[]?[A-Z0-9])|\n")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|\b(?:Mr|Mrs|Ms|Dr|Prof|St|Sr|Jr|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Rev|No|Vol|Inc|Co|Corp|Ltd|vs|etc"
    r"|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec))\.$"
)

# What follows a clock time's "a.m."/"p.m." within its sentence: the day (weekday or month, from the
# calendar), a zone's abbreviation in capitals ("ET", "PDT", "GMT") or a zone named before "time".
_CLOCK = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
_CLOCK_GOES_ON = re.compile(
    rf"\s+(?:(?:{'|'.join(n for n in (*calendar.day_name, *calendar.month_name) if n)})\b|[A-Z]{{2,4}}\b(?![a-z])"
    r"|[A-Z][a-z]+ [Tt]ime\b)")


# A news dateline opening an article's first sentence, in the wire style: the place in capitals
# (with its region or country, as written), the agency in brackets, then a dash
# ("WASHINGTON —", "MUNICH, Germany (AP) —", "VATICAN CITY (Reuters) -", "(Reuters) -").
_DATELINE = re.compile(
    r"(?:[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,3}(?:, (?:[A-Z][A-Za-z.'’-]*)(?: [A-Z][A-Za-z.'’-]*){0,2})?[ \t]*"
    r"(?:\([A-Z][\w .&/-]{0,30}\))?|\([A-Z][\w .&/-]{0,30}\))[ \t]*[-–—]{1,2}[ \t]+(?=[\"“‘']?[A-Z0-9])")


ELLIPSIS = re.compile(r"\.\.\.|\u2026|\[(?:\.\.\.|\u2026)\]")
_CUT_END = re.compile(rf"(?:{ELLIPSIS.pattern})[\s\"'\u201d\u2019]*$")


def cut_off(sentence: str) -> bool:
    """Whether ``sentence`` ends in an ellipsis: an excerpt its source cut (a feed's summary, an
    aggregator's lead paragraph: "... whom they shot and killed after..."), not a whole statement."""
    return bool(_CUT_END.search(sentence))


def dateline_length(sentence: str) -> int:
    """The length of the dateline opening ``sentence`` (0 when there is none): what a sentence taken
    out of its article leaves off."""
    m = _DATELINE.match(sentence)
    return m.end() if m and any(c.islower() for c in sentence[m.end():]) else 0


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence of ``text``, in order, whitespace stripped."""
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _BREAK.finditer(text):
        if text[m.start()] == "." and _ABBREV.search(text[max(start, m.start() - 8) : m.start() + 1]):
            continue
        if _CLOCK.search(text[max(start, m.start() - 4) : m.end()]) and _CLOCK_GOES_ON.match(text, m.end()):
            continue
        _add(text, start, m.end(), spans)
        start = m.end()
    _add(text, start, len(text), spans)
    return spans


def _add(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        spans.append((start, end))


@dataclass(frozen=True, slots=True)
class SentenceIndex:
    """The sentences of one text, split once and looked up by position: what every stage that
    places a mention in its sentence shares (see :meth:`storyfold.pipeline.Context.sentences`)."""

    spans: tuple[tuple[int, int], ...]
    starts: tuple[int, ...]
    length: int

    @classmethod
    def of(cls, text: str) -> SentenceIndex:
        spans = tuple(sentence_spans(text))
        return cls(spans, tuple(s for s, _ in spans), len(text))

    def sentence_at(self, pos: int) -> tuple[int, int]:
        """The sentence holding ``pos``; ``(0, length)`` before the first."""
        i = bisect.bisect_right(self.starts, pos) - 1
        return self.spans[i] if i >= 0 else (0, self.length)

    def __len__(self) -> int:
        return len(self.spans)
