"""Claim merging: one record per claim across the corpus, from the per-article claim mentions.

Two claim mentions from different articles are the same claim when their sentences are close in
meaning (MiniLM cosine) *and* their slots agree: similarity alone cannot tell "the same fact" from
"the same story". A pair is accepted when nothing disagrees (figures of the same measure,
day-precise dates, negation) and

* cosine >= 0.80, or
* cosine >= 0.60 with one agreement: the same figure, the same resolved date, or two shared names
  (countries mapped to one name; entity aliases when the entities stage ran), or
* cosine >= 0.50 with the same figure and a shared name.

Accepted pairs are merged greedily, most similar first, with complete linkage: two groups join
only when every cross pair of their members is at cosine >= 0.50 and agrees, so one loose pair
cannot chain a whole story together. A claim's text and slots are those of its earliest-published
mention; its modality the most cautious of its mentions (conditional > hedged > attributed >
asserted), so that a qualifier one outlet dropped is not lost.

**Scale** (``docs/claims.md``, "At scale"). Only the claims that can meet a claim of another
article are embedded: those of a block holding more than one article (a story told by one article
needs none). Mentions with the same text and slots from several articles (copies) are one unit,
compared once. Units are compared only within a story (``stories``; the whole corpus without
them), in blocks of at most ``block_size`` units (a bigger story cut by event, then by date). The
complete-linkage test reads a per-group row of least similarities and a per-group profile of
negation, day and figure ranges, not every pair of members.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

import numpy as np

from storyfold.records import Claim, ClaimMention, ClaimStatus, Precision
from storyfold.stages.reconcile.common import Inputs, content_hash, evidence_of
from storyfold.text.embed import embed_unique
from storyfold.text.gazetteer import country_names, without_possessive
from storyfold.text.numbers import bounded, in_range

__all__ = ["BLOCK", "MEASURES", "ClaimMerge", "Embed", "Unit", "compared", "merge_claims", "values_agree"]

COUNTRIES = country_names()  # every name, demonym and seat of a country -> the country

SAME_HIGH, SAME_MID, SAME_LOW = 0.80, 0.60, 0.50
BLOCK = 2000  # default of the reconcile_block setting
MIN_CLAIM_CHARS = 30  # shorter claim texts (and claims without a subject) are not compared
MEASURES = {"troop": "troops", "soldier": "troops", "force": "troops", "personnel": "troops",
            "peacekeeper": "troops", "boot": "troops", "country": "countries", "nation": "countries",
            "state": "countries"}
_FORCE_BEFORE = re.compile(r"\b(force|troops|soldiers|personnel|peacekeepers)\b[^.]{0,60}$", re.I)
_NAME = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)*")
Embed = Callable[[Sequence[str]], Any]


@dataclass(slots=True)
class ClaimMerge:
    """The claims of a corpus and how they were found. Mentions are referred to by their index in
    ``mentions``, units by their index in ``units``."""

    mentions: list[ClaimMention]  # the compared mentions, by article id, then in article order
    units: list[Unit]
    groups: list[list[int]]  # the mentions of each claim, ordered by their first mention
    claims: list[Claim]  # one per group, its status from its independent sources
    claim_of: dict[int, int]  # mention -> its claim's index in ``claims``
    close: list[tuple[float, int, int]]  # (cosine, unit, unit) pairs at cosine >= 0.60, most similar first
    story_of: dict[str, int]  # article id -> its story's index in ``stories``


def merge_claims(
    claim_mentions: Mapping[str, Sequence[ClaimMention]],
    inp: Inputs,
    embed: Embed,
    *,
    stories: Sequence[Sequence[str]] | None = None,
    events: Sequence[Sequence[str]] = (),
    block_size: int = BLOCK,
    stats: dict[str, int] | None = None,
) -> ClaimMerge:
    """The claims of ``claim_mentions`` (per article). ``embed`` maps texts to L2-normalised
    vectors (asked only for the units of blocks that hold more than one article). Mentions are
    compared only within a block: one per story of ``stories`` (article ids), cut to
    ``block_size`` units by ``events`` (article ids, in date order) and dates; ``stats``, when
    given, receives the counts (mentions, units, blocks, embedded units, largest block, close
    pairs)."""
    mentions = [m for aid in sorted(claim_mentions) for m in claim_mentions[aid] if compared(m)]
    units = _units(mentions, inp.aliases)
    story_of = _first_index(stories or ())
    blocks = _blocks(units, story_of, events, max(1, block_size), inp)
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
    claim_of = {i: gi for gi, g in enumerate(groups) for i in g}
    close.sort(key=lambda c: -c[0])
    claims = [_claim(mentions, g, inp) for g in groups]
    return ClaimMerge(mentions, units, groups, claims, claim_of, close, story_of)


def _measure(m: ClaimMention) -> str | None:
    if m.counts:
        word = m.counts.split()[-1].lower().rstrip("s")
        return MEASURES.get(word, word)
    if m.value is not None and _FORCE_BEFORE.search(m.text[: max(0, m.text.find(str(int(m.value))))] or m.text):
        return "troops"
    return None


def _names(m: ClaimMention, aliases: Mapping[str, str]) -> frozenset[str]:
    out = set()
    for n in _NAME.findall(m.text):
        for w in [n, *n.split()]:
            w = without_possessive(w)
            canon = aliases.get(w) or COUNTRIES.get(w)
            if canon:
                out.add(canon)
        if n not in COUNTRIES and len(n) > 3:
            out.add(aliases.get(n, n))
    return frozenset(out)


def values_agree(a: ClaimMention, b: ClaimMention) -> bool | None:
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
        v = bounded(float(m.group().replace(",", ""))) if in_range(m.group()) else None
        if v is not None and not (1900 <= v <= 2100 and "." not in m.group() and "," not in m.group()):
            out.add(v)  # a figure out of range agrees with nothing
    return frozenset(out)


@dataclass(slots=True)
class _Profile:
    """What decides that two groups of claim mentions disagree: their negation, their day-precise
    date and, per comparable measure (measure, unit), the range of their figures. Members of one
    group agree pairwise, so one negation and one day describe them all."""

    negated: bool
    day: str | None
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


class Unit:
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

    def pair(self, other: Unit, mentions: Sequence[ClaimMention]) -> tuple[int, int] | None:
        """A member of each unit, from two different articles (None when both are one article)."""
        for i in self.members:
            for j in other.members:
                if mentions[i].article_id != mentions[j].article_id:
                    return i, j
        return None


def _same_claim(a: Unit, b: Unit, sim: float, common: frozenset[str] = frozenset()) -> bool:
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


def _units(mentions: Sequence[ClaimMention], aliases: Mapping[str, str]) -> list[Unit]:
    """Mentions with the same text and slots, from two or more articles (copies), as one unit; every
    other mention its own unit. In mention order."""
    by_key: dict[ClaimMention, list[int]] = {}
    for i, m in enumerate(mentions):
        by_key.setdefault(replace(m, article_id="", start=0, end=0), []).append(i)
    out: list[list[int]] = []
    for members in by_key.values():
        if len(members) > 1 and len({mentions[i].article_id for i in members}) == 1:
            out.extend([i] for i in members)  # one article repeating a sentence: a unit per mention
        else:
            out.append(members)
    out.sort(key=lambda u: u[0])
    return [Unit(members, mentions, aliases) for members in out]


def compared(m: ClaimMention) -> bool:
    """Whether reconciliation compares this mention (it has a subject and 30+ characters)."""
    return bool(m.subject) and len(m.text) >= MIN_CLAIM_CHARS


def _comparable(units: Sequence[Unit], block: Sequence[int]) -> bool:
    """Whether a block can merge or oppose anything: units from more than one article (a pair
    within one article is never merged nor a conflict)."""
    if len(block) < 2:
        return False
    first = units[block[0]].articles
    return any(units[x].articles != first for x in block) or len(first) > 1


def _unit_vectors(units: Sequence[Unit], needed: Sequence[int], embed: Embed) -> np.ndarray:
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
    units: Sequence[Unit], story_of: Mapping[str, int], events: Sequence[Sequence[str]], cap: int,
    inp: Inputs,
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
            return inp.when(units[x].m.article_id, units[x].m.time) or dt.date.max

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
    units: Sequence[Unit], block: Sequence[int], vectors: np.ndarray, common: frozenset[str],
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


def _common_names(units: Sequence[Unit], block: Sequence[int]) -> frozenset[str]:
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


def _claim(mentions: Sequence[ClaimMention], g: Sequence[int], inp: Inputs) -> Claim:
    """The claim of the mentions ``g``: the slots of the earliest-published one, the most cautious
    modality, corroborated with two or more independent sources."""
    ms = [mentions[i] for i in g]

    def order(m: ClaimMention) -> tuple[Any, ...]:
        art = inp.articles.get(m.article_id)
        pub = art.published if art is not None and art.published else dt.date.max
        return (pub, m.value is None, m.article_id, m.start)

    rep = min(ms, key=order)
    arts = tuple(sorted({m.article_id for m in ms}))
    n = inp.sources(arts)
    status = ClaimStatus.CORROBORATED if n >= 2 else ClaimStatus.SINGLE_SOURCE
    evidence = tuple(sorted((evidence_of(m) for m in ms), key=lambda e: (e.article_id, e.start)))
    return Claim(
        id="claim-" + content_hash(*(f"{e.article_id}:{e.start}:{e.end}" for e in evidence)),
        text=rep.text, subject=rep.subject, predicate=rep.predicate, object=rep.object, article_ids=arts,
        value=rep.value, unit=rep.unit, qualifier=rep.qualifier, time=rep.time,
        attribution=rep.attribution or next((m.attribution for m in ms if m.attribution), None),
        modality=max((m.modality for m in ms), key=lambda x: x.caution), independent_sources=n, status=status,
        evidence=evidence,
    )
