"""Rewrites: sentence-level alignment between two articles, with more than cosine to go on.

A machine rewrite keeps the facts and changes every sentence, so word shingles miss it; sentence
embeddings find it, but two independent reports of one event also have sentences that embed close
("same story, different fact" reaches cosine 0.6 on MiniLM). So a sentence of ``b`` counts as
*aligned* to a sentence of ``a`` only when

* the embeddings agree (cosine >= ``min_cosine``), and
* the specifics agree: every number of ``b``'s sentence appears in ``a``'s sentence (or its
  neighbours: a rewrite splits and merges sentences), and ``b``'s sentence is not built on names
  that ``a``'s sentence lacks, and
* the wording overlaps or the embedding is very close (content-word containment >= ``min_overlap``
  or cosine >= ``strong_cosine``).

A pair is a rewrite when most of one article's content sentences align (``min_coverage``).
The helpers here are pure functions over texts and vectors; :mod:`storyfold.stages.copies.dedup` feeds them.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from storyfold.text.sentences import sentence_spans

__all__ = [
    "Alignment",
    "Profile",
    "align",
    "content_words",
    "dropped_qualifiers",
    "is_title",
    "profile",
    "quoted_share",
    "quoted_spans",
    "sentences_with",
    "source_first",
    "specifics",
]

# --------------------------------------------------------------------------------------------
# Specifics: numbers, names, quotes
# --------------------------------------------------------------------------------------------

_NUMBER = re.compile(r"(?<![\w.])\d+(?:[,.]\d+)*(?:\s?(?:%|per cent|percent))?")
_NAME = re.compile(r"(?<![\w’'])[A-Z][\w’'-]*[a-z][\w’'-]*|(?<!\w)[A-Z]{2,}(?!\w)")
_QUOTE = re.compile(r"[\"“]([^\"”]{12,})[\"”]")
_WORD = re.compile(r"[^\W\d_]+")
STOPWORDS = frozenset(
    """a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each few for from further had has
    have having he her here hers herself him himself his how i if in into is it its itself just me more
    most my no nor not now of off on once only or other our ours out over own same she should so some
    such than that the their theirs them then there these they this those through to too under until up
    very was we were what when where which while who whom why will with would you your yours said says
    say told one two new""".split()
)


def _numbers(text: str) -> frozenset[str]:
    return frozenset(m.group().replace(",", "").replace(" ", "") for m in _NUMBER.finditer(text))


def _names(text: str) -> frozenset[str]:
    """Capitalised words that are not the sentence's first word (a crude named-entity signal)."""
    first = re.match(r"\W*\w+", text)
    skip = first.end() if first else 0
    return frozenset(m.group().rstrip("’'s").casefold() for m in _NAME.finditer(text) if m.start() >= skip) - STOPWORDS


def _key(sentence: str) -> str:
    """A sentence's identity up to case, digits and punctuation."""
    return " ".join(m.group().casefold() for m in _WORD.finditer(sentence))


def content_words(text: str) -> frozenset[str]:
    return frozenset(w for w in (m.group().casefold() for m in _WORD.finditer(text)) if w not in STOPWORDS and len(w) > 2)


def specifics(text: str) -> frozenset[str]:
    """The checkable specifics of a text: its numbers, names and the openings of its quotes."""
    quotes = {"“" + " ".join(m.group(1).split()[:4]).casefold() for m in _QUOTE.finditer(text)}
    return _numbers(text) | _names(text) | frozenset(quotes)


# Quotation marks, for :func:`quoted_share`: curly, guillemets, straight, and the two-backtick /
# two-apostrophe pairs of tokenised corpora (ECB+). A straight mark opens after a space or a bracket and before
# a non-space, and closes after a non-space; a single straight one must also open before a letter
# and close after a letter or punctuation and before no letter ("harm's way" is no quote).
_QMARK = re.compile(r"``|''|[“”«»„‘’\"']")
_OPENERS = {"``": "double", "“": "double", "„": "double", "«": "guillemet", "‘": "single", '"': "double", "'": "single"}
_CLOSERS = {"''": "double", "”": "double", "»": "guillemet", "’": "single", '"': "double", "'": "single"}
_QUOTE_REACH = 1500  # characters a quote may run over line breaks before it is taken as unclosed


def quoted_spans(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the quoted passages of ``text`` (marks excluded). A quote may run over
    several lines or sentences (tokenised corpora put one sentence a line); one that finds no
    closing mark within ``_QUOTE_REACH`` characters, or meets a new opening mark of its family
    on a later line first, ends with its own line."""
    marks = [(m.start(), m.end(), m.group()) for m in _QMARK.finditer(text)]
    spans: list[tuple[int, int]] = []
    k = 0
    while k < len(marks):
        s, e, g = marks[k]
        fam = _OPENERS.get(g)
        if fam is None or not _opens(text, s, e, g):
            k += 1
            continue
        line_end = text.find("\n", e)
        line_end = len(text) if line_end < 0 else line_end
        close = None
        for k2 in range(k + 1, len(marks)):
            s2, e2, g2 = marks[k2]
            if s2 - e > _QUOTE_REACH:
                break
            if _CLOSERS.get(g2) == fam and _closes(text, s2, e2, g2):
                close = k2
                break
            if s2 > line_end and _OPENERS.get(g2) == fam and _opens(text, s2, e2, g2):
                break  # a new quote of the family opens on a later line: this one ended with its line
        if close is None:
            spans.append((e, line_end))
            while k < len(marks) and marks[k][0] < line_end:
                k += 1
        else:
            spans.append((e, marks[close][0]))
            k = close + 1
    return spans


def _opens(text: str, s: int, e: int, g: str) -> bool:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if g in ("``", "“", "„", "«", "‘"):
        return True
    if g == '"':
        return (before.isspace() or before in "([—–-:") and not after.isspace()
    return (before.isspace() or before in "([—–-:") and after.isalpha()  # a straight single mark


def _closes(text: str, s: int, e: int, g: str) -> bool:
    before = text[s - 1] if s > 0 else " "
    after = text[e] if e < len(text) else " "
    if g in ("''", "”", "»"):
        return True
    if g in ("’", "'"):
        return not after.isalpha() and (before.isalpha() or before in ".,!?;:" or before.isspace())
    return not (before.isspace() and not after.isspace() and after not in ",.;:!?")  # '"' opening a nested quote


def quoted_share(text: str, spans: list[tuple[int, int]], quoted: list[tuple[int, int]] | None = None) -> list[float]:
    """Per sentence span, the share of its word characters that lie inside a quotation."""
    quoted = quoted_spans(text) if quoted is None else quoted
    inside = np.zeros(len(text) + 1, dtype=np.int32)
    for s, e in quoted:
        inside[s] += 1
        inside[e] -= 1
    mask = np.cumsum(inside)[: len(text)] > 0
    word = np.array([c.isalnum() for c in text], dtype=bool)
    out = []
    for s, e in spans:
        w = word[s:e]
        n = int(w.sum())
        out.append(float((w & mask[s:e]).sum()) / n if n else 0.0)
    return out


# --------------------------------------------------------------------------------------------
# Profiles and alignment
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class Profile:
    """What alignment needs of one article: its content sentences with their signals."""

    article_id: str
    text: str
    spans: list[tuple[int, int]]
    numbers: list[frozenset[str]]
    names: list[frozenset[str]]
    words: list[frozenset[str]]
    vectors: Any = None  # (len(spans), dim) normalised float32, filled by the caller
    all_specifics: frozenset[str] = field(default_factory=frozenset)
    grams: frozenset[int] = field(default_factory=frozenset)  # hashes of the word 8-grams (normalised text)
    quoted: list[float] = field(default_factory=list)  # per sentence, the share of its words inside quotation marks
    title: bool = False  # the first content sentence is a headline (see :func:`is_title`)
    keys: list[str] = field(default_factory=list)  # per sentence, its normalised text (filled when first asked)

    def sentence(self, i: int) -> str:
        s, e = self.spans[i]
        return self.text[s:e]

    def key(self, i: int) -> str:
        """Sentence ``i``'s normalised text (repeated lines compare equal)."""
        if not self.keys:
            self.keys = [_key(self.sentence(k)) for k in range(len(self.spans))]
        return self.keys[i]


def profile(article_id: str, text: str, *, min_words: int = 4) -> Profile:
    """The content sentences of ``text`` (at least ``min_words`` words: bylines, datelines and site
    names are left out of alignment and of the coverage counts)."""
    spans = [(s, e) for s, e in sentence_spans(text) if len(_WORD.findall(text[s:e])) >= min_words]
    sents = [text[s:e] for s, e in spans]
    return Profile(
        article_id=article_id,
        text=text,
        spans=spans,
        numbers=[_numbers(t) for t in sents],
        names=[_names(t) for t in sents],
        words=[content_words(t) for t in sents],
        all_specifics=specifics(text),
        grams=word_grams(text),
        quoted=quoted_share(text, spans),
        title=bool(spans) and is_title(text, spans[0]),
    )


_TITLE_WORDS = 20


def is_title(text: str, span: tuple[int, int]) -> bool:
    """Whether ``span`` (the first content sentence, see :func:`profile`: a dateline or an outlet
    line before it has fewer than four words) is the text's headline: a line of its own, at most
    ``_TITLE_WORDS`` words, not ending with a full stop."""
    start, end = span
    line = text[start:end]
    return ((start == 0 or text[start - 1] == "\n") and (end == len(text) or text[end] == "\n")
            and "\n" not in line and len(line.split()) <= _TITLE_WORDS
            and not line.rstrip("\"'”’» )]").endswith("."))


def word_grams(text: str, n: int = 8) -> frozenset[int]:
    """Hashes of the word ``n``-grams of the normalised text (within one process)."""
    from storyfold.stages.copies.near_dup import normalise

    w = normalise(text).split()
    return frozenset(hash(tuple(w[i : i + n])) for i in range(len(w) - n + 1))


def verbatim_share(a: Profile, b: Profile) -> float:
    """Share of the shorter text's word 8-grams that the other has: how much of it is copied word
    for word (independent reports of one event stay far below a half)."""
    small, big = (a.grams, b.grams) if len(a.grams) <= len(b.grams) else (b.grams, a.grams)
    return len(small & big) / len(small) if small else 0.0


@dataclass(frozen=True, slots=True)
class Alignment:
    """Aligned sentence pairs ``(i in a, j in b, cosine)`` and what share of each side they cover."""

    pairs: tuple[tuple[int, int, float], ...]
    coverage_a: float
    coverage_b: float
    unaligned_b: tuple[int, ...]
    # distinct sentences of ``a`` among the aligned pairs per distinct sentence of ``b`` (texts
    # compared normalised, so a list's repeated lines count once): a rewrite maps its sentences to
    # sentences of their own; independent reports of one event lean on the same few lead facts, so
    # several of their sentences align to one sentence of ``a``
    distinct: float = 0.0

    @property
    def coverage(self) -> float:
        return max(self.coverage_a, self.coverage_b)

    @property
    def similarity(self) -> float:
        return float(np.mean([c for _, _, c in self.pairs])) if self.pairs else 0.0

    @property
    def in_order(self) -> float:
        """Share of the aligned pairs in the longest run that keeps ``a``'s order (longest
        non-decreasing subsequence of ``a``'s indices, in ``b``'s order): a rewrite follows its
        source, with a few sentences moved; an independent report tells the facts in its own order."""
        tails: list[int] = []
        for i, _, _ in self.pairs:
            k = bisect.bisect_right(tails, i)
            tails[k : k + 1] = [i]
        return len(tails) / len(self.pairs) if self.pairs else 0.0


def sentences_with(items: Sequence[frozenset[str]]) -> dict[str, list[int]]:
    """Item (a number, a name) -> the indexes of the sentences that have it, in order."""
    index: dict[str, list[int]] = {}
    for i, found in enumerate(items):
        for x in found:
            index.setdefault(x, []).append(i)
    return index


def _shared(rows: Sequence[frozenset[str]], cols: Sequence[frozenset[str]]) -> np.ndarray:
    """``out[j, i]`` = how many items ``rows[j]`` and ``cols[i]`` share."""
    index = sentences_with(cols)
    keys = {x: k for k, x in enumerate(index)}
    at_cols = np.zeros((len(cols), max(1, len(keys))))
    for x, k in keys.items():
        at_cols[index[x], k] = 1.0
    at_rows = np.zeros((len(rows), max(1, len(keys))))
    for j, found in enumerate(rows):
        ks = [keys[x] for x in found if x in keys]
        at_rows[j, ks] = 1.0
    return at_rows @ at_cols.T


def align(a: Profile, b: Profile, *, min_cosine: float = 0.6) -> Alignment:
    """Align every content sentence of ``b`` to its partner in ``a``: among the sentences of ``a``
    within ``min_cosine``, the most similar one, preferring one that shares a number or names.

    A sentence aligns when the cosine reaches ``min_cosine`` and its numbers all occur somewhere in
    ``a`` (a rewrite moves figures between sentences; a changed figure is not supported). The rest
    are ``unaligned_b``: the derived article's unsupported additions.
    """
    if not a.spans or not b.spans:
        return Alignment(pairs=(), coverage_a=0.0, coverage_b=0.0, unaligned_b=tuple(range(len(b.spans))))
    sims = b.vectors @ a.vectors.T  # (len b, len a)
    numbers_a = frozenset().union(*a.numbers)
    # the partner: the most similar sentence, with a bonus for sharing a number (0.15) or names
    # (0.05 each, two at most): a rewrite merges sentences; the one with the same figure is the one
    # it came from. All pairs at once, through incidence matrices of numbers and names.
    bonus = 0.15 * (_shared(b.numbers, a.numbers) > 0) + 0.05 * np.minimum(2, _shared(b.names, a.names))
    score = np.where(sims >= min_cosine, sims + bonus, sims - 1.0)
    best = score.max(axis=1, keepdims=True)
    tied = score >= best - 1e-6
    first = tied.argmax(axis=1)
    several = tied.sum(axis=1) > 1
    pairs: list[tuple[int, int, float]] = []
    unaligned: list[int] = []
    for j in range(len(b.spans)):
        i = int(first[j])
        if several[j]:  # a repeated sentence: the next one in a's order
            ties = np.flatnonzero(tied[j])
            after = ties[ties > (pairs[-1][0] if pairs else -1)]
            i = int(after[0] if len(after) else ties[0])
        cos = float(sims[j, i])
        if cos >= min_cosine and b.numbers[j] <= numbers_a:
            pairs.append((i, j, round(cos, 4)))
        else:
            unaligned.append(j)
    covered_a = {i for i, _, _ in pairs}
    texts_a = {a.key(i) for i in covered_a}
    texts_b = {b.key(j) for _, j, _ in pairs}
    return Alignment(
        distinct=len(texts_a) / len(texts_b) if texts_b else 0.0,
        pairs=tuple(pairs),
        coverage_a=len(covered_a) / len(a.spans),
        coverage_b=len(pairs) / len(b.spans),
        unaligned_b=tuple(unaligned),
    )


# --------------------------------------------------------------------------------------------
# Direction and dropped qualifiers
# --------------------------------------------------------------------------------------------


def source_first(
    x: tuple[str, Any, frozenset[str], int], y: tuple[str, Any, frozenset[str], int]
) -> bool:
    """Whether ``x`` is the source of the pair ``(x, y)``; each is ``(id, published, specifics, length)``.

    Earlier publication date wins when both are known and differ; otherwise the article carrying
    more specifics (numbers, names, quote openings) that the other lacks; then the longer one; then
    the smaller id, so the answer never depends on input order.
    """
    (xid, xdate, xspec, xlen), (yid, ydate, yspec, ylen) = x, y
    if xdate is not None and ydate is not None and xdate != ydate:
        return bool(xdate < ydate)
    own_x, own_y = len(xspec - yspec), len(yspec - xspec)
    if own_x != own_y:
        return own_x > own_y
    if xlen != ylen:
        return xlen > ylen
    return xid < yid


_QUALIFIERS: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (cls, re.compile(p, re.IGNORECASE))
    for cls, p in (
        ("hedge", r"\bit is (?:hoped|expected|thought|understood|believed|feared|not known)\b"),
        ("hedge", r"\b(?:is|are|was|were) (?:expected|likely|set|due|understood|thought|believed) to\b"),
        ("hedge", r"\b(?:could|may|might|reportedly|allegedly|possibly|potentially|probably|apparently)\b"),
        ("hedge", r"\b(?:not known|unclear|not clear|yet to be (?:confirmed|decided))\b"),
        ("approximate", r"\b(?:around|about|approximately|roughly|nearly|almost|up to|at least|more than|"
                        r"fewer than|less than|some|over|under|exceed|exceeding|above|below)\s+\d(?:[\d,.]*\d)?"),
        ("scope", r"\b(?:including|excluding|except|not including)\s+[\w’'-]+(?:\s+[\w’'-]+){0,2}?"
                  r"(?=[,.;:)]|\s+(?:and|or|but|will|to|in|on|for)\b|$)"),
        ("scope", r"\b(?:so far|only|publicly|officially|provisionally|in principle)\b"),
        ("attribution", r"\b(?:according to|sources? (?:said|say)|insiders? (?:said|say)|officials? (?:said|say))\b"),
    )
)


def dropped_qualifiers(a_sentence: str, b_sentence: str, classes: frozenset[str] | None = None) -> list[str]:
    """Qualifiers in ``a_sentence`` (hedges, approximations, scope, attribution) missing from its
    rewrite ``b_sentence``: the phrase itself when ``b`` has no qualifier of that class, or when a
    scope phrase is gone word for word (``including reserves``). ``classes``
    restricts the check (``hedge``, ``approximate``, ``scope``, ``attribution``)."""
    b_low = b_sentence.casefold()
    b_classes = {cls for cls, p in _QUALIFIERS if p.search(b_sentence)}
    dropped: list[str] = []
    for cls, p in _QUALIFIERS:
        if classes is not None and cls not in classes:
            continue
        for m in p.finditer(a_sentence):
            phrase = " ".join(m.group().split())
            exact_gone = phrase.casefold() not in b_low
            if (cls == "scope" and exact_gone) or (cls not in b_classes and exact_gone):
                if phrase not in dropped:
                    dropped.append(phrase)
    return dropped
