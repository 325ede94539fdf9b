"""The timeline: dated events of each story in order, each with the articles that report it.

Every resolved, calendar-anchored date mention (a day, week, month, season, quarter or year; not
a duration, a vague "now", an unresolved "Tuesday" or a dateline, whose ``function`` is
``CREATION_TIME``: it dates the report, not what it reports) gives a candidate entry whose text is the
clause around the date in its sentence. Candidates with the same date value in the same story whose
clauses share enough content words are one event told by several articles and are merged: the
entry keeps every article id and every evidence span, and the longest clause as its text.

Stories come from a stage providing ``stories`` when the pipeline has one (read through
``corpus.has``); without it the whole corpus is one story (``story_id`` None).

A date far from the story's reports (more than ``BEFORE`` days before the first or ``AFTER`` after
the last) is often an aside: "the most intense since it took over the Gaza strip in 2007",
"since their 2014 war". With a parse (the spaCy pipeline the claims stage uses), such a date
in a clause below its sentence's main one dates only that clause
(:func:`~storyfold.text.clauses.clause_holding`: "it took over the Gaza strip in 2007"), and one
that names a thing or measures against it ("their 2014 war", "the fastest pace since 2008";
:func:`~storyfold.text.clauses.names_a_thing`) is no entry. Only those sentences are parsed.

Bound: a candidate is compared only with the entries of its own date and story, and of those with
the ``MAX_COMPARED`` most recently extended, so a date named in n articles costs at most
n x ``MAX_COMPARED`` comparisons.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import CREATION_TIME, DateMention, Evidence, PartialDate, Precision, TimelineEntry
from storyfold.text.clauses import clause_holding, names_a_thing
from storyfold.text.nlp import load_spacy
from storyfold.text.sentences import SentenceIndex

__all__ = ["TimelineStage", "build_timeline", "clause_around"]

_DATED = {Precision.DAY, Precision.TIME, Precision.WEEK, Precision.MONTH, Precision.SEASON, Precision.QUARTER,
          Precision.YEAR}
_CLAUSE_BREAK = re.compile(r"[,;:\u2013\u2014]\s+|\s+-\s+|\s+(?:while|although|but|whereas)\s+")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]+")
_STOPWORDS = frozenset(
    "the a an and or but of to in on at for with by from as that this these those is are was were be been has have "
    "had will would could should may might can its it his her their they he she we you i not no so than then there "
    "which who whom what when where while also said says told after before since until into over about just more "
    "most other some such only very any all each own same both few many much up down out off again further once "
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december week weekend month year today yesterday tomorrow last next this earlier "
    "later".split()
)
MIN_SHARED = 0.25  # share of content words two clauses must have in common to be one event
MAX_CLAUSE = 240
MAX_COMPARED = 500  # entries of one date and story a candidate is compared with (the most recent)
BEFORE = 31  # days before a story's first report from which on a date is near it (the brief's window)
AFTER = 1  # days after its last report


def clause_around(text: str, sentence: tuple[int, int], start: int, end: int) -> tuple[int, int]:
    """The span of the clause holding ``text[start:end]`` in its sentence: the sentence when short,
    else its comma/semicolon/dash-separated parts around the date, grown to neighbours while the
    clause is under 60 characters, never beyond ``MAX_CLAUSE``."""
    s0, s1 = sentence
    while s0 < s1 and text[s0].isspace():
        s0 += 1
    while s1 > s0 and text[s1 - 1].isspace():
        s1 -= 1
    if s1 - s0 <= MAX_CLAUSE:
        return s0, s1
    cuts = [s0] + [m.end() for m in _CLAUSE_BREAK.finditer(text, s0, s1)] + [s1]
    bounds = list(zip(cuts, cuts[1:], strict=False))
    i = next((k for k, (a, b) in enumerate(bounds) if a <= start < b), len(bounds) - 1)
    j = next((k for k, (a, b) in enumerate(bounds) if a < end <= b), i)
    a, b = bounds[i][0], bounds[j][1]
    while b - a < 60:
        grow_left = i > 0 and (j + 1 >= len(bounds) or bounds[i - 1][1] - bounds[i - 1][0] <= bounds[j + 1][1] -
                                bounds[j + 1][0])
        if grow_left:
            i -= 1
        elif j + 1 < len(bounds):
            j += 1
        else:
            break
        a, b = bounds[i][0], bounds[j][1]
    if b - a > MAX_CLAUSE:
        b = a + MAX_CLAUSE
        while b > end and not text[b - 1].isspace():
            b -= 1
    return a, _rstrip(text, a, b)


def _rstrip(text: str, a: int, b: int) -> int:
    while b > a and (text[b - 1].isspace() or text[b - 1] in ",;:-\u2013\u2014"):
        b -= 1
    return b


def _content(text: str) -> frozenset[str]:
    return frozenset(w.lower()[:6] for w in _WORD.findall(text) if w.lower() not in _STOPWORDS)


@dataclass(slots=True)
class _Event:
    date: PartialDate
    story_id: str | None
    texts: list[str] = field(default_factory=list)
    words: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)
    spans: set[tuple[str, int, int]] = field(default_factory=set)


def _similar(a: Iterable[str], b: frozenset[str]) -> bool:
    a = set(a)
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= MIN_SHARED


def _windows(
    published: Mapping[str, dt.date], story_of: Mapping[str, str] | None
) -> dict[str | None, tuple[dt.date, dt.date]]:
    """Per story, the days from ``BEFORE`` days before its first report to ``AFTER`` after its last."""
    days: dict[str | None, list[dt.date]] = {}
    for aid, day in published.items():
        days.setdefault(story_of.get(aid) if story_of else None, []).append(day)
    return {sid: (min(ds) - dt.timedelta(days=BEFORE), max(ds) + dt.timedelta(days=AFTER)) for sid, ds in days.items()}


def _aside(
    text: str, sent: tuple[int, int], d: DateMention, parse: Callable[[str], Any], docs: dict[tuple[int, int], Any]
) -> tuple[int, int] | None | bool:
    """``False`` when the date ``d`` dates its sentence's main clause; else the span of the clause it
    dates (offsets into ``text``), ``None`` when it dates none (it names a thing)."""
    doc = docs.get(sent)
    if doc is None:
        doc = docs[sent] = parse(text[sent[0]:sent[1]])
    start, end = d.start - sent[0], d.end - sent[0]
    if names_a_thing(doc, start, end):
        return None
    span = clause_holding(doc, start, end, MAX_CLAUSE)
    return False if span is None else (sent[0] + span[0], sent[0] + span[1])


def build_timeline(
    texts: Mapping[str, str],
    dates: Mapping[str, Sequence[DateMention]],
    story_of: Mapping[str, str] | None = None,
    published: Mapping[str, dt.date] | None = None,
    parse: Callable[[str], Any] | None = None,
) -> list[TimelineEntry]:
    """Timeline entries from each article's text (``texts``) and date mentions (``dates``), merged
    per story (``story_of`` maps article ids to story ids) and ordered by date. With ``published``
    (article id -> day of publication) and ``parse`` (a spaCy pipeline), a date far from its story's
    reports dates only the clause that holds it (see the module's notes)."""
    events: list[_Event] = []
    windows = _windows(published, story_of) if published and parse is not None else {}
    # (date, story): its entries, the last extended last
    by_key: dict[tuple[PartialDate, str | None], OrderedDict[int, _Event]] = {}
    for aid in sorted(dates):
        text = texts.get(aid)
        if text is None:
            continue
        sentences = SentenceIndex.of(text)
        story = story_of.get(aid) if story_of else None
        window = windows.get(story)
        docs: dict[tuple[int, int], Any] = {}
        for d in dates[aid]:
            if d.value is None or d.precision not in _DATED or d.earliest is None or d.function == CREATION_TIME:
                continue  # a dateline dates the report, not a happening
            sent = sentences.sentence_at(d.start)
            a, b = clause_around(text, sent, d.start, d.end)
            if window is not None and parse is not None and (d.earliest > window[1] or (d.latest or d.earliest) < window[0]):
                told = _aside(text, sent, d, parse, docs)
                if told is None:
                    continue  # "since their 2014 war": the year names the war
                if told:
                    a, b = told
            clause = text[a:b]
            words = _content(clause)
            value = PartialDate.parse(d.value)
            if value.precision is Precision.TIME:
                value = PartialDate.from_date(d.earliest)  # a time of day: its day
            ev = Evidence(article_id=aid, start=a, end=b, text=clause)
            bucket = by_key.setdefault((value, story), OrderedDict())
            recent = itertools.islice(reversed(bucket.values()), MAX_COMPARED)
            match = next((e for e in recent if _similar(e.words, words)), None)
            if match is None:
                match = _Event(value, story, [clause], set(words), [ev], {(aid, a, b)})
                events.append(match)
            elif (aid, a, b) not in match.spans:
                match.texts.append(clause)
                match.words |= words
                match.evidence.append(ev)
                match.spans.add((aid, a, b))
            bucket[id(match)] = match
            bucket.move_to_end(id(match))
    events.sort(key=lambda e: (e.story_id or "", e.date.sort_key))  # by first day, coarser first
    return [
        TimelineEntry(
            date=e.date,
            text=max(e.texts, key=len),
            article_ids=tuple(sorted({x.article_id for x in e.evidence})),
            story_id=e.story_id,
            evidence=tuple(e.evidence),
            precision=e.date.precision,
        )
        for e in events
    ]


class TimelineStage(CorpusStage):
    """Dated events per story, in order, merged across the articles that report them."""

    name: ClassVar[str] = "timeline"
    version: ClassVar[str] = "3"
    requires: ClassVar[tuple[str, ...]] = ("dates",)
    optional: ClassVar[tuple[str, ...]] = ("stories",)
    provides: ClassVar[Mapping[str, type]] = {"timeline": TimelineEntry}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        dates = corpus.annotations("dates")
        articles = [a for a in corpus.articles() if a.id in dates]
        texts = {a.id: a.text for a in articles}
        published = {a.id: a.published for a in articles if a.published is not None}
        story_of: dict[str, str] | None = None
        if corpus.has("stories"):
            story_of = {aid: s.id for s in corpus.outputs("stories") for aid in s.article_ids}
        name = ctx.settings.spacy_model

        def parse(sentence: str) -> Any:  # loaded only when a far date needs it
            return ctx.resource(f"spacy:{name}:claims", lambda: load_spacy(name, ("ner",)))(sentence)

        return {"timeline": tuple(build_timeline(texts, dates, story_of, published, parse))}
