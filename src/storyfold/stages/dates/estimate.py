"""Publication-date estimates: the date an article's text pins when its metadata has none."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence

from storyfold.records import DateMention, Evidence, Precision, PublishedEstimate
from storyfold.stages.dates.dates import find_dates, tense_at
from storyfold.stages.dates.grammar import NUM
from storyfold.stages.dates.resolve import count_of
from storyfold.text.sentences import SentenceIndex

__all__ = ["DATELINE_WORDS", "dateline", "datelines", "estimate_published"]

_YEAR_OFFSETS = {"last": 1, "past": 1, "previous": 1, "this": 0, "current": 0, "next": -1, "coming": -1}


def _absolute(mentions: Sequence[DateMention]) -> Iterator[DateMention]:
    return (d for d in mentions if not d.relative and d.value is not None and d.earliest is not None)


DATELINE_WORDS = 4  # most words of letters a dateline holds besides its dates and clock times
_LETTERS = re.compile(r"[^\W\d_]+")


def datelines(text: str, mentions: Sequence[DateMention]) -> list[tuple[DateMention, int, int]]:
    """The article's datelines, each as its full date and its line's span: those of the first three
    lines of ``text`` that hold a full date (day, month and year) and are no sentence: besides their
    date and clock-time expressions (``mentions``, found with or without an anchor) they hold at
    most ``DATELINE_WORDS`` words ("16 September 2013 Last updated at 12:42 GMT", "Published: 14:02
    EST, 3 March 2014 | Updated: 15:10 EST", "TNN Nov 12, 2011, 05.51AM IST MUMBAI:") and do not end
    as a sentence does, or the date is alone on the line but for 25 characters ("Monday, March 3,
    2014 - 8:15pm"). A headline holding a date ("Parliament votes on the budget on 3 March 2014")
    has more words."""
    out = []
    for line in [m for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:3]:
        inside = sorted((d for d in mentions if line.start() <= d.start and d.end <= line.end()), key=lambda d: d.start)
        rest, at = [], line.start()
        for d in inside:
            rest.append(text[at:d.start])
            at = max(at, d.end)
        rest.append(text[at:line.end()])
        short = len(_LETTERS.findall(" ".join(rest))) <= DATELINE_WORDS and line.group().rstrip()[-1:] not in ".!?"
        day = next((d for d in _absolute(inside) if d.precision is Precision.DAY and d.type == "DATE"
                    and (short or len(line.group().strip()) <= len(d.text) + 25)), None)
        if day is not None:
            out.append((day, line.start(), line.end()))
    return out


def dateline(text: str, mentions: Sequence[DateMention]) -> DateMention | None:
    """The full date of the article's first dateline (:func:`datelines`), if any."""
    found = datelines(text, mentions)
    return found[0][0] if found else None


def estimate_published(text: str, article_id: str = "", sentences: SentenceIndex | None = None) -> PublishedEstimate | None:
    """The publication date the text supports, with bounds, or ``None`` when nothing pins one.

    1. a *dateline* (:func:`dateline`);
    2. an absolute date in the same sentence as "last year" / "this year" / "N years ago": "in June
       2024, last year" puts publication in 2025. All such pairs must agree.
    The year found is clipped by the bounds absolute dates impose: one told in the past tense (or
    after "since") happened before publication, one told in the future after it."""
    sentences = sentences or SentenceIndex.of(text)
    mentions = find_dates(text, None, article_id, sentences)
    found = dateline(text, mentions)
    if found is not None:
        day = found.earliest
        assert day is not None
        return PublishedEstimate(article_id=article_id, date=day, precision=Precision.DAY, earliest=day,
                                 latest=day, basis=f"dateline {found.text!r}",
                                 evidence=(Evidence(article_id=article_id, start=found.start, end=found.end,
                                                    text=found.text),))
    years: set[int] = set()
    evidence: list[Evidence] = []
    basis: list[str] = []
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    for d in mentions:
        by_sentence.setdefault(sentences.sentence_at(d.start), []).append(d)
    for inside in by_sentence.values():
        offsets: list[tuple[int, DateMention]] = []
        for d in inside:
            m = re.fullmatch(r"(?i)(?:(?:earlier|later)\s+)?(?:the\s+)?(last|past|previous|this|current|next|coming)"
                             r"\s+(?:fiscal\s+)?year", d.text)
            if m:
                offsets.append((_YEAR_OFFSETS[m.group(1).lower()], d))
                continue
            m = re.fullmatch(rf"(?i)({NUM})\s+years?\s+ago", d.text)
            if m and (n := count_of(m.group(1))) is not None and float(n).is_integer():
                offsets.append((int(n), d))
        absolute = [d for d in _absolute(inside) if d.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR)]
        if not offsets or not absolute:
            continue
        abs_years = {d.earliest.year for d in absolute if d.earliest is not None}
        if len(abs_years) != 1 or len(offsets) != 1:
            continue
        offset, rel = offsets[0]
        year = abs_years.pop() + offset
        years.add(year)
        evidence.extend(Evidence(article_id=article_id, start=d.start, end=d.end, text=d.text)
                        for d in (rel, *absolute))
        basis.append(f"{absolute[0].text!r} said with {rel.text!r}")
    if len(years) != 1:
        return None
    year = years.pop()
    lower, upper = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for d in _absolute(mentions):
        assert d.earliest is not None and d.latest is not None
        tense = tense_at(text, sentences.sentence_at(d.start), d.start, d.end)
        if d.signal == "since" or tense == "past":
            lower = max(lower, d.earliest)
        elif tense == "future":
            upper = min(upper, d.latest)
    if lower > upper:
        return None
    return PublishedEstimate(article_id=article_id, date=lower, precision=Precision.DAY if lower == upper else
                             Precision.YEAR, earliest=lower, latest=upper, basis="; ".join(basis),
                             evidence=tuple(evidence))
