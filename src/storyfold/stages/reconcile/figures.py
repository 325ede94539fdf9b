"""Figure conflicts between claims: two sources giving different sizes for the same thing.

* two figures of the same measure (troops/force/personnel/peacekeepers are one measure;
  countries/nations another) sizing the same thing (the same group noun, "force" or "coalition",
  within 50 characters before them) with the same owner, in different articles of one story; or
* two claims close in meaning (cosine >= 0.60) whose figures of the same measure differ, when
  their subjects can be the same thing (they share a content word or a name, or one is a pronoun)
  and they are not about two different periods ("added 559,000 jobs in May" and "added 266,000
  jobs in April" are two months' figures, not one figure told two ways; two rates are one figure
  only when stated for one period), neither figure is a former level or a share of a whole, and
  two sums or measures are not of two things (the nouns they open share no word).

The values must be more than 1.5x apart (durations: any difference), unless the smaller is a lower
bound or the larger an upper bound, or a vague amount ("thousands") spans the other. One conflict per pair of claims; copies of either side add
evidence to it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, NamedTuple

from storyfold.records import ClaimMention, Conflict, ConflictKind, ConflictSide, Evidence, Precision, Quantity
from storyfold.stages.reconcile.claims import COUNTRIES, MEASURES, ClaimMerge, Unit, values_agree
from storyfold.stages.reconcile.common import Inputs, conflict_kind, content_hash, evidence_of
from storyfold.text.counted import counted
from storyfold.text.gazetteer import city_populations, region_names, without_possessive

__all__ = ["figure_conflicts"]

FIGURE_WINDOW = 500  # later items of one (story, noun, measure, owner) bucket an item is compared with


def figure_conflicts(
    merged: ClaimMerge, quantities: Mapping[str, Sequence[Quantity]], inp: Inputs
) -> list[Conflict]:
    """The figure conflicts between the claims of ``merged``; ``quantities`` (per article) give
    the figures that group nouns size."""
    found = _figure_pairs(merged.mentions, merged.units, merged.groups, quantities, inp, merged.close,
                          merged.story_of)
    claims, claim_of = merged.claims, merged.claim_of
    span_group = {(m.article_id, m.start, m.end): claim_of[i] for i, m in enumerate(merged.mentions)}
    out = []
    for f in found:
        ids = tuple(sorted({claims[span_group[(e.article_id, e.start, e.end)]].id for e in f.evidence}))
        arts = tuple(sorted({e.article_id for e in f.evidence}))
        out.append(Conflict(id="conflict-" + content_hash("figure", *ids), kind=f.kind, summary=f.summary,
                            article_ids=arts, claim_ids=ids, evidence=f.evidence, about=f.about, sides=f.sides))
    return out


class _Found(NamedTuple):
    kind: ConflictKind
    summary: str
    evidence: tuple[Evidence, ...]
    about: str | None
    sides: tuple[ConflictSide, ConflictSide]


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
        return MEASURES.get(word, word)
    return "troops" if _head(text, sent_start, q) == "force" and q.unit is None else None


def _figure_text(q: Quantity) -> str:
    return re.sub(r"\s+", " ", q.text).strip()


_TIME_UNITS = {"year", "month", "week", "day", "hour", "decade"}
_RATES = frozenset({"percent", "percentage point"})
_LOWER = {"more than", "over", "at least", "upwards of", "in excess of", "above", "no fewer than", "a minimum of"}
_UPPER = {"up to", "less than", "fewer than", "under", "below", "at most", "no more than", "a maximum of"}


_SCALES = frozenset({"dozen", "hundred", "thousand", "million", "billion", "tens"})


def _vague(x: ClaimMention | Quantity) -> bool:
    """Whether a figure is a vague amount coded at its scale ("thousands", "several hundred",
    "a few thousand", "dozens": the quantities stage's conservative value)."""
    words = (x.qualifier or "").lower().split()
    return bool(words) and (words[-1] in _SCALES or words[-1].removesuffix("s") in _SCALES)


def _bounds_compatible(a: ClaimMention | Quantity, b: ClaimMention | Quantity) -> bool:
    """"more than 1,000" and "at least 1,800" can both be true: the smaller figure is a lower
    bound (or the larger an upper bound). A vague amount is coded at its scale and spans up to
    the next one ("thousands": 1,000 up to tens of thousands), so "thousands of migrants" and
    "about 10,000 migrants" can both be true (with the 1.5x tolerance of any two figures at its
    ends), while "several hundred troops" and "more than 10,000" cannot."""
    small, big = sorted((a, b), key=lambda x: x.value or 0)
    if _vague(small) and (big.value or 0) <= 10 * (small.value or 0) * 1.5:
        return True
    if _vague(big) and not _vague(small) and (small.value or 0) * 1.5 >= (big.value or 0):
        return True
    return (small.qualifier or "") in _LOWER or (big.qualifier or "") in _UPPER


_WORD = re.compile(r"[^\W\d_][\w’'-]*(?:\.[^\W\d_][\w’'-]*)*\.?")  # words, "U.S." one word; no figures
_DAYS = (Precision.DAY, Precision.TIME)
_NGRAM = 4  # longest name looked up in a subject, in words


@cache
def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS  # here: importing spaCy at import time would pull torch

    return frozenset(STOP_WORDS)


def _subject(subject: str | None, aliases: Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """A claim subject's (content words, names): the words not in spaCy's stop list, lower-cased,
    plurals and possessives folded ("they", "this" have none); the names its runs of up to four
    words spell, as the entities stage or the gazetteer (countries, US states, continents, cities)
    names them."""
    words = [without_possessive(w) for w in _WORD.findall(subject or "")]
    names = set()
    for n in range(1, _NGRAM + 1):
        for k in range(len(words) - n + 1):
            key = " ".join(words[k : k + n])
            canon = aliases.get(key) or COUNTRIES.get(key) or COUNTRIES.get(key.rstrip("."))
            if canon is None and key[:1].isupper() and (key in region_names() or key in city_populations()):
                canon = key  # a US state, a continent, a city of the gazetteer
            if canon:
                names.add(canon)
    content = set()
    for w in words:
        low = w.lower().rstrip(".")
        if low and low not in _stop_words():
            content.add(low[:-1] if len(low) > 3 and low.endswith("s") and not low.endswith("ss") else low)
    return frozenset(content | {n.lower() for n in names}), frozenset(names)


_CHANGE_AFTER = re.compile(r"\s+(?:to|from)\s+(?:[$€£¥]\s*)?\d")
_CHANGE_BEFORE = re.compile(r"\bby\s+(?:[$€£¥]\s*)?$")


def _own_quantity(m: ClaimMention, quantities: Sequence[Quantity]) -> Quantity | None:
    """The claim's figure: the first quantity in its span with the claim's value."""
    return next((q for q in quantities if m.start <= q.start and q.end <= m.end and q.value == m.value), None)


def _change(m: ClaimMention, quantities: Sequence[Quantity], text: str) -> bool:
    """Whether the claim's figure (the first quantity in its span with the claim's value) is a
    change rather than a level: "rose by 37,000 to 412,000", "dropped 36,000 to 293,000" (a change
    and a level are not two sizes of one thing)."""
    q = _own_quantity(m, quantities)
    if q is None:
        return False
    return bool(_CHANGE_AFTER.match(text, q.end) or _CHANGE_BEFORE.search(text[max(0, q.start - 6) : q.start]))


_FORMER = re.compile(r"\bfrom\s+(?:[\w’'-]+\s+){0,3}(?:[$€£¥]\s*)?$", re.I)
_SHARE = re.compile(r"\s+of\s+(?:the|its|their|his|her|our|a|an)\s+(?:[$€£¥]\s*)?\d")


def _aside(m: ClaimMention, quantities: Sequence[Quantity], text: str) -> bool:
    """Whether the claim's figure sizes something other than what its statement is about: a former
    level that a change starts from ("That would put Biden's new ask down from his initial $2.3
    trillion proposal", "up from 5%"), or a share of a whole the sentence also sizes ("$300
    billion of the $5 trillion total"). Either differs from the thing's size by what it is."""
    q = _own_quantity(m, quantities)
    if q is None:
        return False
    return bool(_FORMER.search(text[max(m.start, q.start - 40) : q.start]) or _SHARE.match(text, q.end))


def _sized(m: ClaimMention, quantities: Sequence[Quantity], text: str) -> frozenset[str] | None:
    """What a sum or a measure is of, as the words of the noun phrase it opens ("a $1 trillion
    infrastructure bill" -> {infrastructure, bill}; "a $3.5 trillion budget blueprint" -> {budget,
    blueprint}; "Charles' 226 yards rushing"); None for a figure that counts things, or one that
    opens no noun ("$1.8 trillion in new spending") or opens a time ("$18 billion last year")."""
    q = _own_quantity(m, quantities)
    if q is None or q.unit is None or q.unit in _RATES or q.unit in _TIME_UNITS or q.counts:
        return None
    low = text.lower()  # a headline's capitals are no names here: "Senate Passes $3.5 Trillion Budget Blueprint"
    phrase, _end = counted(low if len(low) == len(text) else text, q.end, m.end)
    words = frozenset(w.lower() for w in (phrase or "").split())
    return words if words and not words & _TIME_UNITS else None


def _same_thing(a: ClaimMention, b: ClaimMention, aliases: Mapping[str, str]) -> bool:
    """Whether two close statements whose figures differ can be about one thing: their subjects
    share a content word (or one of them is a pronoun, which tells nothing unless the claim is
    attributed: then who says it stands for it) and name no two different things (both name
    someone or somewhere, and nobody in common), and their times are not two different periods (a
    week, month, quarter or year each, or periods of two lengths: figures of two periods are two
    figures; two different days may be one figure updated). Rates (percentages) change with
    every period they are measured over ("prices rose 5.4% year over year" and "in the month of
    May alone, prices rose 0.6%"): two are one figure only when both state the same period."""
    (wa, na), (wb, nb) = _who(a, aliases), _who(b, aliases)
    if (wa and wb and not wa & wb) or (na and nb and not na & nb):
        return False
    ta, tb = a.time, b.time
    if a.unit in _RATES:  # a rate is of a period: two rates are one figure only when stated for the same one
        return ta is not None and tb is not None and None not in (ta.start, ta.end) and (ta.start, ta.end) == (
            tb.start, tb.end)
    if ta is None or tb is None or None in (ta.start, ta.end, tb.start, tb.end):
        return True
    apart = ta.end < tb.start or tb.end < ta.start  # type: ignore[operator]
    if ta.precision not in _DAYS and tb.precision not in _DAYS and ta.precision != tb.precision:
        return False  # a month's count and a year's ("in July" / "so far this year") are two figures
    return not (apart and (ta.precision not in _DAYS or tb.precision not in _DAYS))


def _who(m: ClaimMention, aliases: Mapping[str, str]) -> tuple[frozenset[str], frozenset[str]]:
    """The content words and names of a claim's subject, or, when the subject is a pronoun, the
    names of who the claim is attributed to ("The Biden administration said Monday it would allow
    62,500 refugees": Biden's, not Trump's, whose order set 15,000). Only its names: a speaker's
    common words are too loosely said to tell two things apart ("Senate Democrats say they'll
    agree" and "Democratic senators … signaled they will accept" are one party)."""
    words, names = _subject(m.subject, aliases)
    if not words and not names and m.attribution:
        return frozenset(), _subject(m.attribution, aliases)[1]
    return words, names


def _on_text(read: Callable[[ClaimMention, Sequence[Quantity], str], Any], m: ClaimMention,
             quantities: Mapping[str, Sequence[Quantity]], inp: Inputs) -> Any:
    """``read`` (:func:`_change`, :func:`_aside`, :func:`_sized`) of a claim in its article's text
    and quantities; None when the article is not known."""
    art = inp.articles.get(m.article_id)
    return read(m, quantities.get(m.article_id, ()), art.text) if art is not None else None


def _figure(m: ClaimMention) -> str:
    if _vague(m):  # "thousands of migrants", "several hundred troops": the words, not the coded value
        q = m.qualifier or ""
        return f"{q} of {m.counts}" if m.counts and q.endswith("s") else f"{q} {m.counts or m.unit or ''}".strip()
    q = f"{m.qualifier} " if m.qualifier else ""
    v = f"{m.value:,.0f}" if m.value is not None and m.value == int(m.value) else str(m.value)
    return f"{q}{v} {m.counts or m.unit or ''}".strip()


def _figure_pairs(
    mentions: Sequence[ClaimMention], units: Sequence[Unit], groups: Sequence[Sequence[int]],
    quantities: Mapping[str, Sequence[Quantity]], inp: Inputs, close: Sequence[tuple[float, int, int]],
    story_of: Mapping[str, int],
) -> list[_Found]:
    """Figures of the same measure sizing the same thing (same group noun before them, same owner)
    in different articles of one story (``story_of``: article id to story; the articles in none are
    one story), more than 1.5x apart; and close statements (``close``: unit pairs, most similar first) whose
    figures differ: one :class:`_Found` per pair of claims. Bound: an item is compared
    with at most ``FIGURE_WINDOW`` later items of its bucket."""
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
    out: list[_Found] = []
    seen: dict[tuple[int, int], int] = {}
    # The same statement but for its figure: close in meaning, the same measure, other values.
    for _sim, u, v in close:
        ua, ub = units[u], units[v]
        a, b = ua.m, ub.m
        ga, gb = group_of[ua.members[0]], group_of[ub.members[0]]
        found = ua.pair(ub, mentions)
        if found is None or ga == gb or values_agree(a, b) is not False or a.negated != b.negated:
            continue
        if not _same_thing(a, b, inp.aliases) or bool(_on_text(_change, a, quantities, inp)) != bool(
                _on_text(_change, b, quantities, inp)):
            continue
        if _on_text(_aside, a, quantities, inp) or _on_text(_aside, b, quantities, inp):
            continue
        pa, pb = _on_text(_sized, a, quantities, inp), _on_text(_sized, b, quantities, inp)
        if pa and pb and not pa & pb:
            continue  # the prices of two things: "a $1 trillion infrastructure bill", "a $3.5 trillion budget blueprint"
        hi, lo = max(a.value or 0, b.value or 0), min(a.value or 0, b.value or 0)
        if lo <= 0 or (hi / lo <= 1.5 and a.unit not in _TIME_UNITS) or _bounds_compatible(a, b):
            continue
        key = (min(ga, gb), max(ga, gb))
        evidence = tuple(evidence_of(mentions[i]) for i in (*ua.members, *ub.members))
        if key in seen:  # copies, or other close statements of the same two claims: more evidence
            old = out[seen[key]]
            out[seen[key]] = old._replace(evidence=tuple(dict.fromkeys(old.evidence + evidence)))
            continue
        seen[key] = len(out)
        a, b = mentions[found[0]], mentions[found[1]]
        ta, tb = inp.when(a.article_id, a.time), inp.when(b.article_id, b.time)
        kind = conflict_kind(ta, tb)
        verb = "changed between events" if kind is ConflictKind.UPDATE else "disagree at the same time"
        summary = (f"{_figure(a)} ({a.article_id}, {ta or 'undated'}) vs {_figure(b)} ({b.article_id}, "
                   f"{tb or 'undated'}) in otherwise matching statements: the figures {verb}")
        sides = (ConflictSide(says=_figure(a), article_id=a.article_id, day=ta),
                 ConflictSide(says=_figure(b), article_id=b.article_id, day=tb))
        out.append(_Found(kind, summary, evidence, a.counts or a.unit or None, sides))
    figures: dict[tuple[str, str, float, float], int] = {}
    # Dated sides first, so an undated article repeating a dated figure joins that conflict.
    items.sort(key=lambda it: (inp.when(mentions[it[0]].article_id, mentions[it[0]].time) is None, it[0]))
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
                old = out[figures[fkey]]
                extra = tuple(e for e in (evidence_of(a), evidence_of(b)) if e not in old.evidence)
                out[figures[fkey]] = old._replace(evidence=old.evidence + extra)
                continue
            figures[fkey] = len(out)
            ta, tb = inp.when(a.article_id, a.time), inp.when(b.article_id, b.time)
            kind = conflict_kind(ta, tb)
            (first, qf, tf), (second, qs, ts) = sorted(
                [(a, qa, ta), (b, qb, tb)], key=lambda s: (s[2] or dt.date.max, s[0].article_id))
            verb = "changed between events" if kind is ConflictKind.UPDATE else "disagree at the same time"
            summary = (f"the {ha}'s size: \u201c{_figure_text(qf)}\u201d ({first.article_id}, {tf or 'undated'}) vs "
                       f"\u201c{_figure_text(qs)}\u201d ({second.article_id}, {ts or 'undated'}): the figures {verb}")
            sides = (ConflictSide(says=_figure_text(qf), article_id=first.article_id, day=tf),
                     ConflictSide(says=_figure_text(qs), article_id=second.article_id, day=ts))
            out.append(_Found(kind, summary, (evidence_of(first), evidence_of(second)), f"the {ha}'s size", sides))
    return out
