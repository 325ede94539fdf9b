"""The support check: does a brief sentence state only what its cited spans say?

:func:`check_support` takes the facts a reader would hold a sentence to -- the names (capitalised
words), the numbers (digits and number words) and the dates (month and weekday names, years) -- and
looks each one up in the cited spans. Numbers are compared as values ("10,000" = "10000" = "10 000",
"4.5" = "4.50"); a number word ("three") also matches its digits; names match case-insensitively
on word boundaries, a possessive ("Japan's") as its stem, and any alias of the same entity when
``aliases`` is given (so "United States" is supported by a span saying "U.S.").

The plain-language source counts the brief adds ("reported by three independent outlets",
"according to one outlet") are not facts from the articles but counts over the cited records; they
are stripped before the check (:data:`ATTRIBUTIONS`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

from storyfold.text.numbers import SCALES, TENS, UNITS, bounded

__all__ = ["ATTRIBUTIONS", "Support", "check_support", "facts", "number_values"]

# number words (the shared tables of storyfold.text.numbers) and scale words, as their values
NUMBER_WORDS = {**UNITS, **TENS, "dozen": 12,
                **{w: int(SCALES[w]) for w in ("hundred", "thousand", "million", "billion", "trillion")}}
MONTHS = ("january february march april may june july august september october november december").split()
_MONTH_ABBR = {m[:3]: m for m in MONTHS} | {"sept": "september"}
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
# sentence-initial words that are capitalised only because they start the sentence
_STARTERS = frozenset(
    "a an the in on at by for from of to as and but or so yet this that these those it its he she they we i his her "
    "their our after before since until when while where if although though because later earlier figures reports "
    "according one two three some several many most all both each no not there here what who how meanwhile also "
    "still officials president prime minister".split()
)
# the brief's own wording: counts over the cited records, not facts taken from the articles
ATTRIBUTIONS = re.compile(
    r"\s*\((?:reported by|according to) (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?: independent)? (?:outlets?|sources?)\)"
    r"|\b(?:reported by|according to) (?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)"
    r"(?: independent)? (?:outlets?|sources?)\b"
    r"|\b(?:one|another|two|three|\d+) (?:outlets?|reports?) (?:says?|said|puts?|put)\b",
    re.I,
)
_NUM = re.compile(r"(?<![\w.])\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?(?!\d)|(?<![\w.])\d+(?:\.\d+)?(?!\d)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Za-z]")
_CAP = re.compile(r"\b[A-Z][A-Za-z'\u2019.-]*[A-Za-z.]|\b[A-Z]\b")


def _norm_number(raw: str) -> str:
    digits = re.sub(r"[,\u202f\u00a0 ]", "", raw)
    value = bounded(float(digits))
    if value is None:  # out of range: compared as written
        return digits
    return f"{value:.6g}" if value != int(value) else str(int(value))


def number_values(text: str) -> set[str]:
    """Every number in ``text`` as a normalised value string (digits and number words)."""
    out = {_norm_number(m.group()) for m in _NUM.finditer(text)}
    for w in _WORD.findall(text.lower()):
        if w in NUMBER_WORDS:
            out.add(str(NUMBER_WORDS[w]))
            out.add(w)
    return out


def _stem(word: str) -> str:
    word = word.rstrip(".")
    return re.sub(r"['\u2019]s?$", "", word)


@dataclass(slots=True)
class Facts:
    names: list[str] = field(default_factory=list)
    numbers: list[str] = field(default_factory=list)
    dates: list[str] = field(default_factory=list)


def facts(sentence: str) -> Facts:
    """The names, numbers and dates a sentence asserts (its attribution wording removed)."""
    text = ATTRIBUTIONS.sub(" ", sentence)
    out = Facts()
    for m in _NUM.finditer(text):
        out.numbers.append(_norm_number(m.group()))
    for w in _WORD.findall(text):
        lw = w.lower()
        if lw in NUMBER_WORDS and lw not in ("one",):  # "one" is too often a pronoun
            out.numbers.append(lw)
    # names: capitalised words; a sentence's first word only when it is not a common starter
    first = True
    for m in _CAP.finditer(text):
        word = _stem(m.group())
        lw = word.lower()
        at_start = first and not text[: m.start()].strip(" \"'\u201c\u2018(")
        first = False
        if not word or lw in NUMBER_WORDS:
            continue
        if lw in MONTHS or lw in WEEKDAYS or lw[:4].rstrip(".") in _MONTH_ABBR and len(lw) <= 5:
            out.dates.append(_MONTH_ABBR.get(lw[:4].rstrip("."), lw) if lw not in WEEKDAYS else lw)
            continue
        if at_start and lw in _STARTERS:
            continue
        if lw in ("i",):
            continue
        out.names.append(word)
    return out


@dataclass(slots=True)
class Support:
    ok: bool
    missing: list[str]

    def __bool__(self) -> bool:
        return self.ok


@lru_cache(maxsize=65536)
def _word_pattern(word: str) -> re.Pattern[str]:
    return re.compile(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", re.I)


def _has_word(haystack: str, word: str) -> bool:
    # a plain substring test first: most names are absent, and it costs no regex
    return word.lower() in haystack.lower() and _word_pattern(word).search(haystack) is not None


def check_support(sentence: str, spans: Sequence[str] | str, *,
                  aliases: Mapping[str, Iterable[str]] | None = None) -> Support:
    """Whether every name, number and date of ``sentence`` appears in the cited ``spans``.

    ``aliases`` maps a lower-cased name to the other names of the same entity; a name is supported
    when it or one of its aliases appears. Returns the verdict and what is missing."""
    text = spans if isinstance(spans, str) else "\n".join(spans)
    flat = re.sub(r"\s+", " ", text)
    for key, alts in (aliases or {}).items():  # a multi-word name supported through an alias
        if " " in key and _has_word(sentence, key) and any(_has_word(flat, c) for c in (key, *alts) if c):
            sentence = _word_pattern(key).sub("it", sentence)
    f = facts(sentence)
    missing: list[str] = []
    numbers = number_values(flat)
    for n in f.numbers:
        if n in numbers or (n in NUMBER_WORDS and str(NUMBER_WORDS[n]) in numbers):
            continue
        missing.append(n)
    months = {w.lower() for w in _WORD.findall(flat)}
    span_months = {_MONTH_ABBR.get(w[:4].rstrip("."), w) for w in months if w[:3] in _MONTH_ABBR} | months
    for d in f.dates:
        if d not in span_months:
            missing.append(d)
    for name in f.names:
        candidates = [name, *((aliases or {}).get(name.lower(), ()))]
        if not any(_has_word(flat, c) for c in candidates if c):
            missing.append(name)
    return Support(ok=not missing, missing=missing)
