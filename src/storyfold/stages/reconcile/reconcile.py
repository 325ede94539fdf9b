"""Reconciliation: one record per claim and per commitment across the corpus, how many independent
sources back each, and where the sources disagree.

**Claims.** Two claim mentions from different articles are the same claim when their sentences are
close in meaning (MiniLM cosine) *and* their slots agree: similarity alone cannot tell "the same
fact" from "the same story". A pair merges when nothing disagrees (figures of the same measure,
day-precise dates, negation) and

* cosine >= 0.80, or
* cosine >= 0.60 with one agreement: the same figure, the same resolved date, or two shared names
  (countries mapped to one name; entity aliases when the entities stage ran), or
* cosine >= 0.50 with the same figure and a shared name.

Merged mentions form a claim (union-find); its text and slots are those of the earliest-published
mention; its modality the most cautious of its mentions (conditional > hedged > attributed >
asserted), so that a qualifier one outlet dropped is not lost.

**Commitments** merge by (actor, kind). The status is read from the mentions of the latest month
(a later statement supersedes an earlier one), then the status backed by most independent sources,
then the most cautious. Conditions are the union; amount and period the first stated.

**Independent sources** count lineages (:mod:`storyfold.stages.copies.lineage`): relations from the
copies stage when it ran, the same outlet once. ``status``: ``contested`` when the claim is part of
a conflict, else ``corroborated`` with 2+ independent sources, else ``single-source``.

**Conflicts**, each ``contradiction`` (the two sides' times are under 45 days apart) or ``update``
(further apart: the figure or status changed between events); a side's time is its event's date
when the events stage ran, else the date in the claim, else the article's publication date:

* *figures*: two figures of the same measure (troops/force/personnel/peacekeepers are one
  measure; countries/nations another) sizing the same thing (the same group noun, "force" or
  "coalition", within 50 characters before them) with the same owner; or two claims close in
  meaning (cosine >= 0.60) whose figures of the same measure differ. Values more than 1.5x apart
  (durations: any difference), unless the smaller is a lower bound or the larger an upper bound;
* *status*: two mentions of the same (actor, kind) with incompatible statuses: firm (committed,
  pledged, fulfilled) against considering, firm or willing against declined / ruled out.
  ``conditional`` is compatible with firm (a commitment subject to a peace deal);
* *agreement content*: the same funding commitment with different amounts, or described as lethal
  by one source and non-lethal by another. Different but compatible descriptions ("$4.5 billion in
  defense assistance" vs "non-lethal assistance, humanitarian support, and aid for reconstruction")
  are complementary, not a conflict: both are kept as evidence of the one commitment;
* *rewrites*: a relation whose copy adds unsupported sentences or drops qualifiers (the copies
  stage's ``unsupported`` / ``dropped_qualifiers``) is a contradiction with its source.

Ids are content-derived (a hash of actor and kind, of the supporting spans), so a rerun over the
same corpus gives the same ids.

**Scale** (issue 10; ``docs/claims.md``, "At scale"). Only the claims that can meet a claim of
another article are embedded: those of a block holding more than one article (a story told by one
article needs none). The stage embeds through the
store's vector cache (:meth:`~storyfold.pipeline.Corpus.encoder`), so a text is embedded once per
database, whichever fold brings it. Mentions with the same text and slots from several articles
(copies) are one unit, compared once.
Units are compared only within a story (``stories``; the whole corpus without them), in blocks of
at most ``reconcile_block`` units (a bigger story cut by event, then by date). The complete-linkage
test reads a per-group row of least similarities and a per-group profile of negation, day and
figure ranges, not every pair of members.
"""

from __future__ import annotations

import bisect
import datetime as dt
import hashlib
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any, ClassVar

import numpy as np

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import (
    Article,
    Claim,
    ClaimMention,
    ClaimStatus,
    Commitment,
    CommitmentKind,
    CommitmentMention,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    Evidence,
    PartialDate,
    Precision,
    Quantity,
    Relation,
    date_order,
)
from storyfold.stages.commitments import COUNTRIES
from storyfold.stages.copies.lineage import Lineages, build_lineages, independent_sources, outlet_key
from storyfold.text.embed import MODEL, embed_unique, load_embedder

__all__ = ["ReconcileStage", "reconcile"]

S = CommitmentStatus
SAME_HIGH, SAME_MID, SAME_LOW = 0.80, 0.60, 0.50
UPDATE_DAYS = 45
BLOCK = 2000  # default of the reconcile_block setting
MIN_CLAIM_CHARS = 30  # shorter claim texts (and claims without a subject) are not compared
FIGURE_WINDOW = 500  # later items of one (story, noun, measure, owner) bucket an item is compared with
_STATUS_CAUTION = [S.FULFILLED, S.COMMITTED, S.PLEDGED, S.WILLING, S.CONDITIONAL, S.CONSIDERING, S.DECLINED,
                   S.RULED_OUT]
_FIRM = {S.COMMITTED, S.PLEDGED, S.FULFILLED}
_NEG = {S.DECLINED, S.RULED_OUT}
_MEASURES = {"troop": "troops", "soldier": "troops", "force": "troops", "personnel": "troops",
             "peacekeeper": "troops", "boot": "troops", "country": "countries", "nation": "countries",
             "state": "countries"}
_FORCE_BEFORE = re.compile(r"\b(force|troops|soldiers|personnel|peacekeepers)\b[^.]{0,60}$", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
Embed = Callable[[Sequence[str]], Any]


def _hash(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(map(str, parts)).encode("utf-8")).hexdigest()[:12]


def _measure(m: ClaimMention) -> str | None:
    if m.counts:
        word = m.counts.split()[-1].lower().rstrip("s")
        return _MEASURES.get(word, word)
    if m.value is not None and _FORCE_BEFORE.search(m.text[: max(0, m.text.find(str(int(m.value))))] or m.text):
        return "troops"
    return None


def _names(m: ClaimMention, aliases: Mapping[str, str]) -> frozenset[str]:
    out = set()
    for n in _NAME.findall(m.text):
        for w in [n, *n.split()]:
            w = w.removesuffix("’s").removesuffix("'s")
            canon = aliases.get(w) or COUNTRIES.get(w)
            if canon:
                out.add(canon)
        if n not in COUNTRIES and len(n) > 3:
            out.add(aliases.get(n, n))
    return frozenset(out)


def _values_agree(a: ClaimMention, b: ClaimMention) -> bool | None:
    """True/False when both carry a figure of the same measure; None when not comparable."""
    if a.value is None or b.value is None or _measure(a) != _measure(b) or a.unit != b.unit:
        return None
    if _measure(a) is None and a.unit is None:
        return None  # two bare numbers: not known to measure the same thing
    hi, lo = max(a.value, b.value), min(a.value, b.value)
    return lo > 0 and hi / lo <= 1.01


_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?<![\w.,])\d+(?:\.\d+)?")


def _numbers(text: str) -> frozenset[float]:
    """The figures written in digits (not years) in ``text``: one shared figure is agreement."""
    out = set()
    for m in _NUMBER.finditer(text):
        v = float(m.group().replace(",", ""))
        if not (1900 <= v <= 2100 and "." not in m.group() and "," not in m.group()):
            out.add(v)
    return frozenset(out)


@dataclass(slots=True)
class _Profile:
    """What decides that two groups of claim mentions disagree: their negation, their day-precise
    date and, per comparable measure (measure, unit), the range of their figures. Members of one
    group agree pairwise, so one negation and one day describe them all."""

    negated: bool
    day: dt.date | None
    figures: dict[tuple[str | None, str | None], tuple[float, float]]

    @classmethod
    def of(cls, m: ClaimMention) -> _Profile:
        measure = _measure(m)
        comparable = m.value is not None and not (measure is None and m.unit is None)
        figures = {(measure, m.unit): (m.value, m.value)} if comparable else {}
        day = m.time.start if m.time is not None and m.time.precision in (Precision.DAY, Precision.TIME) else None
        return cls(m.negated, day, figures)  # type: ignore[arg-type]

    def disagrees(self, other: _Profile) -> bool:
        """Whether some pair of members, one from each side, disagrees (figures of one measure
        more than 1% apart, a different negation or day): the worst pair of figures of one measure
        is the largest of one side against the smallest of the other."""
        if self.negated != other.negated or (self.day and other.day and self.day != other.day):
            return True
        for key, (lo1, hi1) in self.figures.items():
            found = other.figures.get(key)
            if found is not None:
                lo2, hi2 = found
                if min(lo1, lo2) <= 0 or max(hi1 / lo2, hi2 / lo1) > 1.01:
                    return True
        return False

    def merged(self, other: _Profile) -> _Profile:
        figures = dict(self.figures)
        for key, (lo, hi) in other.figures.items():
            old = figures.get(key)
            figures[key] = (lo, hi) if old is None else (min(lo, old[0]), max(hi, old[1]))
        return _Profile(self.negated, self.day or other.day, figures)


class _Unit:
    """Claim mentions with the same text and slots (one sentence repeated by copies of an article):
    compared once, merged together. ``articles`` are the members' articles."""

    __slots__ = ("members", "m", "articles", "names", "numbers", "profile")

    def __init__(self, members: list[int], mentions: Sequence[ClaimMention], aliases: Mapping[str, str]) -> None:
        self.members = members
        self.m = mentions[members[0]]
        self.articles = frozenset(mentions[i].article_id for i in members)
        self.names = _names(self.m, aliases)
        self.numbers = _numbers(self.m.text)
        self.profile = _Profile.of(self.m)

    def pair(self, other: _Unit, mentions: Sequence[ClaimMention]) -> tuple[int, int] | None:
        """A member of each unit, from two different articles (None when both are one article)."""
        for i in self.members:
            for j in other.members:
                if mentions[i].article_id != mentions[j].article_id:
                    return i, j
        return None


def _same_claim(a: _Unit, b: _Unit, sim: float, common: frozenset[str] = frozenset()) -> bool:
    if sim < SAME_LOW or a.profile.disagrees(b.profile):
        return False
    if sim >= SAME_HIGH:
        return True
    x, y = a.m, b.m
    same_value = bool(a.numbers & b.numbers)
    same_time = bool(x.time and y.time and (x.time.within(y.time) or y.time.within(x.time)))
    shared = len((a.names & b.names) - common)
    if sim >= SAME_MID:
        return same_value or same_time or shared >= 2
    return same_value and shared >= 1


@dataclass(slots=True)
class _Inputs:
    articles: Mapping[str, Article]
    relations: Sequence[Relation]
    event_dates: Mapping[str, dt.date]
    aliases: Mapping[str, str]
    lineages: Lineages = field(init=False)
    outlets: dict[str, str | None] = field(init=False)

    def __post_init__(self) -> None:
        self.lineages = build_lineages(self.relations, self.articles.values())
        self.outlets = {aid: outlet_key(a.outlet, a.url) for aid, a in self.articles.items()}

    def sources(self, article_ids: Iterable[str]) -> int:
        """Independent sources among ``article_ids``: lineages, an outlet counted once."""
        return independent_sources(article_ids, self.lineages, self.outlets)


def _day_of(time: PartialDate | None) -> dt.date | None:
    """The day a date places a mention at: the first day of its calendar date (a year, month or day;
    none for a decade, a century, a reference or a recurrence)."""
    placed = time.calendar_date() if time is not None else None
    return placed.start if placed is not None else None


def _when(article_id: str, time: PartialDate | None, inp: _Inputs) -> dt.date | None:
    if article_id in inp.event_dates:
        return inp.event_dates[article_id]
    found = _day_of(time)
    if found is not None:
        return found
    art = inp.articles.get(article_id)
    return art.published if art is not None else None


def _kind(a: dt.date | None, b: dt.date | None) -> ConflictKind:
    if a is not None and b is not None and abs((a - b).days) >= UPDATE_DAYS:
        return ConflictKind.UPDATE
    return ConflictKind.CONTRADICTION


def _ev(m: ClaimMention | CommitmentMention) -> Evidence:
    return Evidence(article_id=m.article_id, start=m.start, end=m.end, text=m.text)


def _units(mentions: Sequence[ClaimMention], aliases: Mapping[str, str]) -> list[_Unit]:
    """Mentions with the same text and slots, from two or more articles (copies), as one unit; every
    other mention its own unit. In mention order."""
    by_key: dict[ClaimMention, list[int]] = {}
    for i, m in enumerate(mentions):
        by_key.setdefault(replace(m, article_id="", start=0, end=0), []).append(i)
    out: list[list[int]] = []
    for members in by_key.values():
        if len(members) > 1 and len({mentions[i].article_id for i in members}) == 1:
            out.extend([i] for i in members)  # one article repeating a sentence: kept apart, as before
        else:
            out.append(members)
    out.sort(key=lambda u: u[0])
    return [_Unit(members, mentions, aliases) for members in out]


def compared(m: ClaimMention) -> bool:
    """Whether reconciliation compares this mention (it has a subject and 30+ characters)."""
    return bool(m.subject) and len(m.text) >= MIN_CLAIM_CHARS


def _comparable(units: Sequence[_Unit], block: Sequence[int]) -> bool:
    """Whether a block can merge or oppose anything: units from more than one article (a pair
    within one article is never merged nor a conflict)."""
    if len(block) < 2:
        return False
    first = units[block[0]].articles
    return any(units[x].articles != first for x in block) or len(first) > 1


def _unit_vectors(units: Sequence[_Unit], needed: Sequence[int], embed: Embed) -> np.ndarray:
    """One vector per unit, embedded (each distinct text once) only for the ``needed`` units; the
    others get a zero row, never read."""
    if not needed:
        return np.zeros((len(units), 1), dtype=np.float32)
    fresh = embed_unique([units[x].m.text for x in needed], embed)
    out = np.zeros((len(units), fresh.shape[1]), dtype=np.float32)
    out[list(needed)] = fresh
    return out


def _first_index(groups: Iterable[Sequence[str]]) -> dict[str, int]:
    """Article id -> index of the first of ``groups`` (article id lists) that holds it."""
    index: dict[str, int] = {}
    for n, ids in enumerate(groups):
        for aid in ids:
            index.setdefault(aid, n)
    return index


def _blocks(
    units: Sequence[_Unit], mentions: Sequence[ClaimMention], story_of: Mapping[str, int],
    events: Sequence[Sequence[str]], cap: int, inp: _Inputs,
) -> list[tuple[int, list[int]]]:
    """``(story, units)`` blocks compared separately: a unit goes to the story (``story_of``) of its
    first mention's article (articles in no story share one block); without stories, one block. A block
    of more than ``cap`` units is cut: whole events (in date order) packed into blocks of up to
    ``cap`` units, an event over ``cap`` (or a story without events) in date order into slices of
    ``cap``."""
    event_of = _first_index(events)
    by_story: dict[int, list[int]] = {}
    for x, u in enumerate(units):
        by_story.setdefault(story_of.get(u.m.article_id, -1), []).append(x)
    out: list[tuple[int, list[int]]] = []
    for s, xs in by_story.items():
        if len(xs) <= cap:
            out.append((s, xs))
            continue

        def day(x: int) -> dt.date:
            return _when(units[x].m.article_id, units[x].m.time, inp) or dt.date.max

        by_event: dict[int, list[int]] = {}
        for x in sorted(xs, key=lambda x: (day(x), x)):
            by_event.setdefault(event_of.get(units[x].m.article_id, len(events)), []).append(x)
        chunk: list[int] = []
        for e in sorted(by_event):
            ev = by_event[e]
            if len(chunk) + len(ev) > cap and chunk:
                out.append((s, sorted(chunk)))
                chunk = []
            if len(ev) > cap:
                out.extend((s, sorted(ev[k : k + cap])) for k in range(0, len(ev), cap))
            else:
                chunk = chunk + ev
        if chunk:
            out.append((s, sorted(chunk)))
    return out


class _Group:
    __slots__ = ("members", "row", "profile")

    def __init__(self, members: list[int], row: np.ndarray, profile: _Profile) -> None:
        self.members = members
        self.row = row  # the least similarity of a member to each unit of the block
        self.profile = profile


def _cluster(
    units: Sequence[_Unit], block: Sequence[int], vectors: np.ndarray, common: frozenset[str],
    close: list[tuple[float, int, int]],
) -> list[list[int]]:
    """Greedy agglomeration of one block's units: accepted cross-article pairs, most similar first;
    two groups join only when every cross pair is similar enough and agrees (complete linkage at the
    low threshold), so one loose pair cannot chain a whole story together. One article may
    contribute several mentions (a headline and the lead repeating it).

    The linkage test is cheap: each group keeps its least similarity to every unit of the block
    (the minimum of its members' rows, updated on a merge) and the :class:`_Profile` of its members.
    Unit pairs at or above ``SAME_MID`` are appended to ``close`` (as block-independent unit
    indices) for the figure conflicts."""
    if not block:
        return []
    v = vectors[block]
    sims = v @ v.T
    rows, cols = np.nonzero(np.triu(sims >= SAME_LOW, 1))
    values = sims[rows, cols]
    order = np.argsort(-values, kind="stable")
    group = list(range(len(block)))
    groups = {x: _Group([x], sims[x], units[block[x]].profile) for x in range(len(block))}
    for t in order.tolist():
        x, y, sim = int(rows[t]), int(cols[t]), float(values[t])
        a, b = units[block[x]], units[block[y]]
        if sim >= SAME_MID:
            close.append((sim, block[x], block[y]))
        gx, gy = group[x], group[y]
        if gx == gy or (len(a.articles) == 1 and a.articles == b.articles) or not _same_claim(a, b, sim, common):
            continue
        left, right = groups[gx], groups[gy]
        if float(left.row[right.members].min()) < SAME_LOW or left.profile.disagrees(right.profile):
            continue
        keep, gone = min(gx, gy), max(gx, gy)
        groups[keep] = _Group(left.members + right.members, np.minimum(left.row, right.row),
                              left.profile.merged(right.profile))
        for z in groups.pop(gone).members:
            group[z] = keep
    return [sorted(block[x] for x in g.members) for g in groups.values()]


def _common_names(units: Sequence[_Unit], block: Sequence[int]) -> frozenset[str]:
    """Names too common in this story to signal the same fact: named in more than a fifth of its
    claim mentions (the story's protagonists)."""
    counts: Counter[str] = Counter()
    total = 0
    for x in block:
        total += len(units[x].members)
        for n in units[x].names:
            counts[n] += len(units[x].members)
    limit = max(2, total // 5)
    return frozenset(n for n, c in counts.items() if c > limit)


def reconcile(
    claim_mentions: Mapping[str, Sequence[ClaimMention]],
    commitment_mentions: Mapping[str, Sequence[CommitmentMention]],
    articles: Mapping[str, Article],
    embed: Embed,
    relations: Sequence[Relation] = (),
    event_dates: Mapping[str, dt.date] | None = None,
    aliases: Mapping[str, str] | None = None,
    quantities: Mapping[str, Sequence[Quantity]] | None = None,
    *,
    stories: Sequence[Sequence[str]] | None = None,
    events: Sequence[Sequence[str]] = (),
    block_size: int = BLOCK,
    stats: dict[str, int] | None = None,
) -> tuple[list[Claim], list[Commitment], list[Conflict]]:
    """Claims, commitments and conflicts from the per-article mentions. ``embed`` maps texts to
    L2-normalised vectors (asked only for the claims of blocks that hold more than one article);
    ``event_dates`` gives an article's event date; ``aliases`` maps a name to its
    entity's canonical name; ``quantities`` (per article) give the figures compared.

    Claim mentions are compared only within a block: one per story of ``stories`` (article ids),
    cut to ``block_size`` units by ``events`` (article ids, in date order) and dates; ``stats``, when
    given, receives the counts (mentions, units, blocks, largest block, close pairs)."""
    inp = _Inputs(articles, relations, event_dates or {}, aliases or {})
    mentions = [m for aid in sorted(claim_mentions) for m in claim_mentions[aid] if compared(m)]
    units = _units(mentions, inp.aliases)
    story_of = _first_index(stories or ())
    blocks = _blocks(units, mentions, story_of, events, max(1, block_size), inp)
    live = [_comparable(units, b) for _, b in blocks]
    needed = [x for (_, b), ok in zip(blocks, live, strict=True) if ok for x in b]
    unit_vectors = _unit_vectors(units, needed, embed)
    commons: dict[int, frozenset[str]] = {}
    for s in dict.fromkeys(s for s, _ in blocks):
        commons[s] = _common_names(units, [x for t, b in blocks if t == s for x in b])
    close: list[tuple[float, int, int]] = []
    unit_groups = [g for (s, b), ok in zip(blocks, live, strict=True)
                   for g in (_cluster(units, b, unit_vectors, commons[s], close) if ok else [[x] for x in b])]
    groups = sorted((sorted(i for x in g for i in units[x].members) for g in unit_groups), key=lambda g: g[0])
    if stats is not None:
        stats.update(mentions=len(mentions), units=len(units), blocks=len(blocks), embedded_units=len(needed),
                     largest_block=max((len(b) for _, b in blocks), default=0), close_pairs=len(close))
    conflicts: list[Conflict] = []
    claim_of: dict[int, int] = {}
    for gi, g in enumerate(groups):
        for i in g:
            claim_of[i] = gi
    close.sort(key=lambda c: -c[0])
    figure_conflicts = _figure_conflicts(mentions, units, groups, quantities or {}, inp, close, story_of)
    claims = [_claim(mentions, g, inp, False) for g in groups]
    span_group = {(m.article_id, m.start, m.end): claim_of[i] for i, m in enumerate(mentions)}
    for _pair, kind, summary, ev in figure_conflicts:
        ids = tuple(sorted({claims[span_group[(e.article_id, e.start, e.end)]].id for e in ev}))
        arts = tuple(sorted({e.article_id for e in ev}))
        conflicts.append(Conflict(id="conflict-" + _hash("figure", *ids), kind=kind, summary=summary,
                                  article_ids=arts, claim_ids=ids, evidence=ev))
    spans = _SpanIndex((m.article_id, m.start, m.end, claims[claim_of[i]].id) for i, m in enumerate(mentions))
    commitments, status_conflicts = _commitments(commitment_mentions, inp, spans)
    conflicts.extend(status_conflicts)
    conflicts.extend(_rewrite_conflicts(relations, mentions, claims, claim_of))
    contested_ids = {cid for c in conflicts for cid in c.claim_ids}
    claims = [c if c.id not in contested_ids else _replace_status(c) for c in claims]
    conflicts.sort(key=lambda c: c.id)
    return claims, commitments, conflicts

def _replace_status(c: Claim) -> Claim:
    return replace(c, status=ClaimStatus.CONTESTED)


def _claim(mentions: Sequence[ClaimMention], g: Sequence[int], inp: _Inputs, contested: bool) -> Claim:
    ms = [mentions[i] for i in g]

    def order(m: ClaimMention) -> tuple[Any, ...]:
        art = inp.articles.get(m.article_id)
        pub = art.published if art is not None and art.published else dt.date.max
        return (pub, m.value is None, m.article_id, m.start)

    rep = min(ms, key=order)
    arts = tuple(sorted({m.article_id for m in ms}))
    n = inp.sources(arts)
    status = ClaimStatus.CONTESTED if contested else (
        ClaimStatus.CORROBORATED if n >= 2 else ClaimStatus.SINGLE_SOURCE)
    evidence = tuple(sorted((_ev(m) for m in ms), key=lambda e: (e.article_id, e.start)))
    return Claim(
        id="claim-" + _hash(*(f"{e.article_id}:{e.start}:{e.end}" for e in evidence)),
        text=rep.text, subject=rep.subject, predicate=rep.predicate, object=rep.object, article_ids=arts,
        value=rep.value, unit=rep.unit, qualifier=rep.qualifier, time=rep.time,
        attribution=rep.attribution or next((m.attribution for m in ms if m.attribution), None),
        modality=max((m.modality for m in ms), key=lambda x: x.caution), independent_sources=n, status=status,
        evidence=evidence,
    )


_HEAD = re.compile(r"\b(force|forces|coalition|group|alliance|mission|contingent|deployment)\b", re.I)


def _head(text: str, sent_start: int, q: Quantity) -> str | None:
    """The thing a figure sizes: the last of a few group nouns within 50 characters before it in
    its clause ("peacekeeping force … more than 10,000" -> force)."""
    window = re.split(r"\swith\s|\sand\s|;", text[max(sent_start, q.start - 50) : q.start])[-1]
    found = _HEAD.findall(window)
    return found[-1].lower().rstrip("s") if found else None


def _q_measure(text: str, sent_start: int, q: Quantity) -> str | None:
    if q.counts:
        word = q.counts.split()[-1].lower().rstrip("s")
        return _MEASURES.get(word, word)
    return "troops" if _head(text, sent_start, q) == "force" and q.unit is None else None


def _figure_text(q: Quantity) -> str:
    return re.sub(r"\s+", " ", q.text).strip()


_TIME_UNITS = {"year", "month", "week", "day", "hour", "decade"}
_LOWER = {"more than", "over", "at least", "upwards of", "in excess of", "above", "no fewer than", "a minimum of"}
_UPPER = {"up to", "less than", "fewer than", "under", "below", "at most", "no more than", "a maximum of"}


def _bounds_compatible(a: ClaimMention | Quantity, b: ClaimMention | Quantity) -> bool:
    """"more than 1,000" and "at least 1,800" can both be true: the smaller figure is a lower
    bound (or the larger an upper bound)."""
    small, big = sorted((a, b), key=lambda x: x.value or 0)
    return (small.qualifier or "") in _LOWER or (big.qualifier or "") in _UPPER


def _figure(m: ClaimMention) -> str:
    q = f"{m.qualifier} " if m.qualifier else ""
    v = f"{m.value:,.0f}" if m.value is not None and m.value == int(m.value) else str(m.value)
    return f"{q}{v} {m.counts or m.unit or ''}".strip()


def _figure_conflicts(
    mentions: Sequence[ClaimMention], units: Sequence[_Unit], groups: Sequence[Sequence[int]],
    quantities: Mapping[str, Sequence[Quantity]], inp: _Inputs, close: Sequence[tuple[float, int, int]],
    story_of: Mapping[str, int] | None = None,
) -> list[tuple[tuple[int, int], ConflictKind, str, tuple[Evidence, ...]]]:
    """Figures of the same measure sizing the same thing (same group noun before them, same owner)
    in different articles of one story (``story_of``: article id to story; without it one story),
    more than 1.5x apart; and close statements (``close``: unit pairs, most similar first) whose
    figures differ. One conflict per pair of claims. Bound: an item is compared with at most
    ``FIGURE_WINDOW`` later items of its bucket."""
    story_of = story_of or {}
    group_of = {i: gi for gi, g in enumerate(groups) for i in g}
    items = []
    for i, m in enumerate(mentions):
        art = inp.articles.get(m.article_id)
        if art is None:
            continue
        for q in quantities.get(m.article_id, ()):
            if m.start <= q.start and q.end <= m.end and q.value:
                head, measure = _head(art.text, m.start, q), _q_measure(art.text, m.start, q)
                if head and measure and q.unit is None:
                    items.append((i, q, head, measure))
    out: list[tuple[tuple[int, int], ConflictKind, str, tuple[Evidence, ...]]] = []
    seen: dict[tuple[int, int], int] = {}
    # The same statement but for its figure: close in meaning, the same measure, other values.
    for _sim, u, v in close:
        ua, ub = units[u], units[v]
        a, b = ua.m, ub.m
        ga, gb = group_of[ua.members[0]], group_of[ub.members[0]]
        found = ua.pair(ub, mentions)
        if found is None or ga == gb or _values_agree(a, b) is not False or a.negated != b.negated:
            continue
        hi, lo = max(a.value or 0, b.value or 0), min(a.value or 0, b.value or 0)
        if lo <= 0 or (hi / lo <= 1.5 and a.unit not in _TIME_UNITS) or _bounds_compatible(a, b):
            continue
        key = (min(ga, gb), max(ga, gb))
        evidence = tuple(_ev(mentions[i]) for i in (*ua.members, *ub.members))
        if key in seen:  # copies, or other close statements of the same two claims: more evidence
            k, kind, summary, ev = out[seen[key]]
            out[seen[key]] = (k, kind, summary, tuple(dict.fromkeys(ev + evidence)))
            continue
        seen[key] = len(out)
        a, b = mentions[found[0]], mentions[found[1]]
        ta, tb = _when(a.article_id, a.time, inp), _when(b.article_id, b.time, inp)
        kind = _kind(ta, tb)
        verb = "changed between events" if kind is ConflictKind.UPDATE else "disagree at the same time"
        summary = (f"{_figure(a)} ({a.article_id}, {ta or 'undated'}) vs {_figure(b)} ({b.article_id}, "
                   f"{tb or 'undated'}) in otherwise matching statements: the figures {verb}")
        out.append((key, kind, summary, evidence))
    figures: dict[tuple[str, str, float, float], int] = {}
    # Dated sides first, so an undated article repeating a dated figure joins that conflict.
    items.sort(key=lambda it: (_when(mentions[it[0]].article_id, mentions[it[0]].time, inp) is None, it[0]))
    # Only items of one bucket (group noun, measure, owner) can conflict. Of the items of one claim
    # with one figure (copies), the first two from different articles stand for all: a later one
    # would meet every other item after one of them, and for one pair of claims only the first
    # pair of items counts.
    kept: dict[tuple[Any, ...], list[str]] = {}
    buckets: dict[tuple[int, str, str, str | None], list[tuple[int, Quantity, str, str]]] = {}
    order: list[tuple[tuple[int, str, str, str | None], int]] = []
    for it in items:
        i, q, h, msr = it
        arts = kept.setdefault((group_of[i], h, msr, q.entity or None, q.value, q.qualifier), [])
        if len(arts) >= 2 or mentions[i].article_id in arts:
            continue
        arts.append(mentions[i].article_id)
        name = (story_of.get(mentions[i].article_id, -1), h, msr, q.entity or None)
        bucket = buckets.setdefault(name, [])
        order.append((name, len(bucket)))
        bucket.append(it)
    for name, at in order:
        i, qa, ha, ma = buckets[name][at]
        for j, qb, _hb, _mb in buckets[name][at + 1 : at + 1 + FIGURE_WINDOW]:
            a, b = mentions[i], mentions[j]
            ga, gb = group_of[i], group_of[j]
            key = (min(ga, gb), max(ga, gb))
            if a.article_id == b.article_id or ga == gb or key in seen:
                continue
            hi, lo = max(qa.value or 0, qb.value or 0), min(qa.value or 0, qb.value or 0)
            if lo <= 0 or hi / lo <= 1.5 or _bounds_compatible(qa, qb):
                continue
            seen[key] = -1
            fkey = (ha, ma, lo, hi)
            if fkey in figures:
                k, kind, summary, ev = out[figures[fkey]]
                extra = tuple(e for e in (_ev(a), _ev(b)) if e not in ev)
                out[figures[fkey]] = (k, kind, summary, ev + extra)
                continue
            figures[fkey] = len(out)
            ta, tb = _when(a.article_id, a.time, inp), _when(b.article_id, b.time, inp)
            kind = _kind(ta, tb)
            (first, qf, tf), (second, qs, ts) = sorted(
                [(a, qa, ta), (b, qb, tb)], key=lambda s: (s[2] or dt.date.max, s[0].article_id))
            verb = "changed between events" if kind is ConflictKind.UPDATE else "disagree at the same time"
            summary = (f"the {ha}'s size: \u201c{_figure_text(qf)}\u201d ({first.article_id}, {tf or 'undated'}) vs "
                       f"\u201c{_figure_text(qs)}\u201d ({second.article_id}, {ts or 'undated'}): the figures {verb}")
            out.append((key, kind, summary, (_ev(first), _ev(second))))
    return out


def _incompatible(a: CommitmentStatus, b: CommitmentStatus) -> bool:
    pair = {a, b}
    firm, neg = pair & _FIRM, pair & _NEG
    if firm and S.CONSIDERING in pair:
        return True
    if neg and (firm or S.WILLING in pair):
        return True
    return False


class _SpanIndex:
    """Claim ids by article and span, to find the claims a commitment mention rests on (the two
    stages split sentences differently, so spans overlap rather than coincide)."""

    def __init__(self, items: Iterable[tuple[str, int, int, str]]) -> None:
        self._by_article: dict[str, list[tuple[int, int, str]]] = {}
        for aid, start, end, cid in items:
            self._by_article.setdefault(aid, []).append((start, end, cid))

    def claims(self, ms: Iterable[CommitmentMention]) -> tuple[str, ...]:
        return tuple(sorted({cid for m in ms for s, e, cid in self._by_article.get(m.article_id, ())
                             if s < m.end and m.start < e}))


def _commitments(
    by_article: Mapping[str, Sequence[CommitmentMention]], inp: _Inputs, spans: _SpanIndex
) -> tuple[list[Commitment], list[Conflict]]:
    groups: dict[tuple[str, CommitmentKind], list[CommitmentMention]] = {}
    for aid in sorted(by_article):
        for m in by_article[aid]:
            groups.setdefault((m.actor, m.kind), []).append(m)
    out: list[Commitment] = []
    conflicts: list[Conflict] = []
    for (actor, kind), ms in sorted(groups.items(), key=lambda kv: (kv[0][0], kv[0][1].value)):
        cid = "commitment-" + _hash(actor, kind.value)
        whens = [_when(m.article_id, m.time, inp) for m in ms]
        latest = max((w for w in whens if w is not None), default=None)
        recent = [m for m, w in zip(ms, whens, strict=True)
                  if latest is None or (w is not None and (w.year, w.month) == (latest.year, latest.month))]
        support = Counter()
        for status in {m.status for m in recent}:
            support[status] = inp.sources({m.article_id for m in recent if m.status is status})
        status = max(support, key=lambda s: (support[s], _STATUS_CAUTION.index(s)))
        if status is S.CONDITIONAL:  # a condition stated later qualifies an earlier firm commitment
            firm = [m.status for m in ms if m.status in _FIRM]
            status = firm[-1] if firm else status
        arts = tuple(sorted({m.article_id for m in ms}))
        claim_ids = spans.claims(ms)
        out.append(Commitment(
            id=cid, actor=actor, kind=kind, status=status, article_ids=arts, recipient=ms[0].recipient,
            amount=next((m.amount for m in ms if m.amount), None),
            period=next((m.period for m in ms if m.period), None),
            conditions=tuple(dict.fromkeys(c for m in ms for c in m.conditions)),
            time=_latest_time(ms, whens, status), claim_ids=claim_ids,
            independent_sources=inp.sources(arts),
            evidence=tuple(dict.fromkeys(_ev(m) for m in ms)),
        ))
        conflicts.extend(_status_conflicts(out[-1], ms, whens, inp, spans))
        conflicts.extend(_content_conflicts(out[-1], ms, spans))
    return out, conflicts


def _latest_time(
    ms: Sequence[CommitmentMention], whens: Sequence[dt.date | None], status: CommitmentStatus
) -> PartialDate | None:
    """When a firm commitment was made (its most precise date in the text, else its earliest
    article), else when the latest statement was made."""
    if status in _FIRM:
        firm = [(m, w) for m, w in zip(ms, whens, strict=True) if m.status in _FIRM]
        explicit = [m.time for m, _ in firm if _day_of(m.time)]
        if explicit:
            return max(explicit, key=lambda t: (t.detail, -_day_of(t).toordinal()))  # type: ignore[union-attr]
        days = [w for _, w in firm if w is not None]
        if days:
            return PartialDate.from_date(min(days))
    dated = [(w, m) for m, w in zip(ms, whens, strict=True) if w is not None]
    if not dated:
        return None
    w, m = max(dated, key=lambda x: x[0])
    return m.time or PartialDate.from_date(w)


def _status_conflicts(
    c: Commitment, ms: Sequence[CommitmentMention], whens: Sequence[dt.date | None], inp: _Inputs,
    spans: _SpanIndex,
) -> list[Conflict]:
    out = []
    done: set[frozenset[CommitmentStatus]] = set()
    # The actor's own words (a speaker) first, then earlier articles. For each mention, the first
    # later mention of each other status from another article: linear in the mentions (times the
    # statuses), where all pairs would be quadratic with many copies.
    order = sorted(range(len(ms)), key=lambda i: (ms[i].speaker is None, ms[i].article_id, ms[i].start))
    at_status: dict[CommitmentStatus, list[int]] = {}
    for x, i in enumerate(order):
        at_status.setdefault(ms[i].status, []).append(x)
    for x, i in enumerate(order):
        a = ms[i]
        later = []
        for status, xs in at_status.items():
            if frozenset((a.status, status)) in done or not _incompatible(a.status, status):
                continue
            y = bisect.bisect_right(xs, x)
            while y < len(xs) and ms[order[xs[y]]].article_id == a.article_id:
                y += 1
            if y < len(xs):
                later.append(xs[y])
        for y in sorted(later):
            j = order[y]
            b = ms[j]
            key = frozenset((a.status, b.status))
            done.add(key)
            kind = _kind(whens[i], whens[j])
            first, second = (a, b) if (whens[i] or dt.date.max) <= (whens[j] or dt.date.max) else (b, a)
            verb = "changed to" if kind is ConflictKind.UPDATE else "while"
            summary = (f"{c.actor} / {c.kind.value}: {first.article_id} says {first.status.value} "
                       f"(\u201c{first.cue}\u201d) {verb} {second.article_id} says {second.status.value} "
                       f"(\u201c{second.cue}\u201d)")
            # Every mention on either side is evidence ("we cannot say specifically …" beside the
            # "carefully considering …" that the summary quotes).
            sides = [first, second, *(m for m in ms if m.status in key and m not in (first, second))]
            claim_ids = spans.claims(sides)
            out.append(Conflict(
                id="conflict-" + _hash("status", c.id, *sorted(s.value for s in key)), kind=kind, summary=summary,
                article_ids=tuple(sorted({m.article_id for m in sides})), claim_ids=claim_ids,
                commitment_ids=(c.id,), evidence=tuple(dict.fromkeys(_ev(m) for m in sides)),
            ))
    return out


_LETHAL = re.compile(r"(?<!non-)(?<!non)\blethal\b|\bweapons\b|\barms\b", re.I)
_NONLETHAL = re.compile(r"\bnon-?lethal\b", re.I)


def _content_conflicts(
    c: Commitment, ms: Sequence[CommitmentMention], spans: _SpanIndex
) -> list[Conflict]:
    if c.kind is not CommitmentKind.FUNDING:
        return []
    out = []
    amounts = {m.amount: m for m in ms if m.amount}
    lethal = [m for m in ms if any(_LETHAL.search(x) for x in m.content)]
    nonlethal = [m for m in ms if any(_NONLETHAL.search(x) for x in m.content)]
    pairs = []
    if len(amounts) > 1:
        a, b = list(amounts.values())[:2]
        pairs.append((a, b, f"{c.actor} / funding: {a.article_id} gives {a.amount}, {b.article_id} gives {b.amount}"))
    if lethal and nonlethal:
        a, b = lethal[0], nonlethal[0]
        pairs.append((a, b, f"{c.actor} / funding: {a.article_id} describes lethal aid, {b.article_id} non-lethal aid"))
    for a, b, summary in pairs:
        claim_ids = spans.claims((a, b))
        out.append(Conflict(id="conflict-" + _hash("content", c.id, summary), kind=ConflictKind.CONTRADICTION,
                            summary=summary, article_ids=tuple(sorted({a.article_id, b.article_id})),
                            claim_ids=claim_ids, commitment_ids=(c.id,), evidence=(_ev(a), _ev(b))))
    return out


def _rewrite_conflicts(
    relations: Iterable[Relation], mentions: Sequence[ClaimMention], claims: Sequence[Claim],
    claim_of: Mapping[int, int],
) -> list[Conflict]:
    out = []
    by_article: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        by_article.setdefault(m.article_id, []).append(i)
    for r in relations:
        if not r.unsupported and not r.dropped_qualifiers:
            continue
        parts = []
        if r.unsupported:
            parts.append(f"adds {len(r.unsupported)} sentence(s) its source does not support "
                         f"(\u201c{r.unsupported[0].text[:80]}\u201d)")
        if r.dropped_qualifiers:
            parts.append("drops qualifiers " + ", ".join(f"\u201c{q}\u201d" for q in r.dropped_qualifiers[:5]))
        ids = sorted({claims[claim_of[i]].id for i in by_article.get(r.b, ())
                      if any(u.start < mentions[i].end and mentions[i].start < u.end for u in r.unsupported)})
        out.append(Conflict(
            id="conflict-" + _hash("rewrite", r.a, r.b), kind=ConflictKind.CONTRADICTION,
            summary=f"{r.b} rewrites {r.a} and " + "; ".join(parts), article_ids=tuple(sorted({r.a, r.b})),
            claim_ids=tuple(ids), evidence=tuple(r.unsupported),
        ))
    return out


class ReconcileStage(CorpusStage):
    """Claims, commitments and conflicts over the whole corpus. Uses the copies stage's relations,
    the stories and events and the entities' aliases when those stages ran; without them each
    article outside a shared outlet counts as its own source, claims are compared across the whole
    corpus (cut by date into blocks of ``reconcile_block``), and times come from the text and the
    publication dates. Claims are embedded through the store's vector cache."""

    name = "reconcile"
    version = "2"
    requires: ClassVar[tuple[str, ...]] = ("claim_mentions", "commitment_mentions")
    provides: ClassVar[Mapping[str, type]] = {"claims": Claim, "commitments": Commitment, "conflicts": Conflict}

    def __init__(self, by_story: bool = True) -> None:
        self.by_story = by_story  # False: the whole corpus is one block (cut at reconcile_block)
        self.last_stats: dict[str, int] = {}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        articles = {a.id: a for a in corpus.articles()}
        relations = corpus.outputs("relations") if corpus.has("relations") else ()
        stories = [s.article_ids for s in corpus.outputs("stories")] if corpus.has("stories") and self.by_story else []
        events = corpus.outputs("events") if corpus.has("events") else ()
        event_dates: dict[str, dt.date] = {}
        for ev in events:
            day = _day_of(ev.date)
            if day is not None:
                for aid in ev.article_ids:
                    event_dates.setdefault(aid, day)
        aliases: dict[str, str] = {}
        if corpus.has("entities"):
            for ent in corpus.outputs("entities"):
                for alias in (ent.name, *ent.aliases):
                    aliases[alias] = ent.name
        embed = corpus.encoder(MODEL, lambda: ctx.resource("embedder", load_embedder)).encode
        dated = sorted(events, key=lambda e: (date_order(e.date), e.id))
        self.last_stats = {}
        claims, commitments, conflicts = reconcile(
            corpus.annotations("claim_mentions"), corpus.annotations("commitment_mentions"), articles,
            embed, relations, event_dates, aliases,
            corpus.annotations("quantities") if corpus.has("quantities") else {},
            stories=stories or None, events=[e.article_ids for e in dated],
            block_size=ctx.settings.reconcile_block, stats=self.last_stats,
        )
        return {"claims": tuple(claims), "commitments": tuple(commitments), "conflicts": tuple(conflicts)}
