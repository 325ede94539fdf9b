"""Who, where and when of one article, and which pairs of articles cannot be one happening.

An article's *lead* (its first ``lead_sentences`` sentences) names what it reports: the place (a
town, a street, a venue), the people (victims, suspects, officials) and the day. Two reports whose
leads name different places (or different people, or days further apart than the event window),
none of which the other report mentions anywhere, are two happenings however alike their words
are. A report whose lead names nothing of a kind is not judged on that kind, so it falls back to
similarity.

* Places are the entities stage's place mentions (labels GPE, FAC, and LOC when the gazetteer
  knows the name as a city); countries, US states and continents (the gazetteer's
  :func:`~storyfold.text.gazetteer.region_names`) are too coarse to tell two happenings apart and are left out.
* People are its person mentions, keyed by surname (the last word of the name).
* The day is the first resolved date mention of the lead, as the interval it covers
  (``earliest``..``latest``): "May 3, 2013" one day, "2008" a year.
* Two reports *differ* on places (or people) where each lead names one the other never names nor
  mentions: a conflict, or leads that share the champion but not the challenger. A difference is a
  cost (``IdentityModel.differ_penalty``), never a gate: two reports of one happening often name
  different officials.
* Figures are the quantities stage's values in the lead ("two dead", "5.6-magnitude"), to three
  significant digits; two leads that both give figures and share none (either way, against all of
  the other article's figures) disagree on them.
* Sums are the lead's figures of money (a quantity whose unit is a currency): the measure a
  robbery's haul, a contract, a fine or a budget is given in. Two leads that state sums of one
  currency *agree* where one sum of each lies within ``IdentityModel.amount_same`` of the other,
  and *conflict* where none of either lies within ``amount_ratio`` of one of the other's: a haul of
  two million and one of 85 million euros are two robberies, while estimates revised or rounded
  ($108 million, $137 million) stay within the ratio. Sums of different currencies are never
  compared (no rates are known here).

"Mentions anywhere" is read on the article's capitalised words, so a name the model tagged with
another type, or missed, still counts as mentioned. Everything is vectorised per story: a lead key
matrix and a presence matrix give the items x items relation matrices with two sparse products
(:func:`relations`).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np
from scipy import sparse

from storyfold.records import CREATION_TIME, DateMention, EntityMention, EntityType, EventJoin, PartialDate, Quantity
from storyfold.text.gazetteer import CURRENCY_CODES, city_populations, region_names, without_possessive
from storyfold.text.sentences import SentenceIndex

__all__ = [
    "PARTICIPANTS", "RELATIONS", "Identity", "IdentityModel", "conflicts", "event_evidence", "happened_of", "identity_of",
    "lead_end", "lead_keys", "mentioned_days", "pair_costs", "relations", "shared_keys", "sum_relations",
]

_WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]")
_DATED = frozenset({"time", "day", "week", "month", "quarter", "season", "year"})
_KEEP = frozenset({"FAC", "GPE"})
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


@dataclass(frozen=True, slots=True, kw_only=True)
class IdentityModel:
    """What the identity test reads and what it costs; the costs are chosen by ``eval/clusters.py --learn``."""

    lead_sentences: int = 3
    places: bool = True
    people: bool = True
    dates: bool = True
    figures: bool = True
    penalty: float = 0.03  # taken off the similarity of two reports that conflict (inf: never one event)
    figure_penalty: float = 0.02  # taken off when both leads give figures and share none
    day_cost: float = 0.2  # taken off per day between two publication dates (up to the event window)
    differ_penalty: float = 0.02  # taken off when each lead names a place or a person the other never mentions
    amount_penalty: float = 0.3  # taken off when both leads state sums of one currency, none near one of the other's
    amount_bonus: float = 0.1  # added when both leads state one sum (one currency, within ``amount_same``)
    amount_ratio: float = 2.0  # sums further apart than this factor are two sums (revised estimates stay within it)
    amount_same: float = 1.1  # sums at most this factor apart are one sum (rounding, a currency's other writing)
    bonus: float = 0.0  # added to the similarity of two reports whose leads share a place or a person


@dataclass(frozen=True, slots=True)
class Identity:
    """One article's who/where/when: lead keys (``p:`` place, ``n:`` person surname) with the
    display name of each, the capitalised words of the whole text, and the day of the happening."""

    lead: frozenset[str]
    names: Mapping[str, str]
    words: frozenset[str]
    happened: tuple[dt.date, dt.date] | None
    when: PartialDate | None = None  # the happening's date as the text gives it (its first and last day: ``happened``)
    figures: frozenset[str] = frozenset()  # the lead's figures
    all_figures: frozenset[str] = frozenset()  # every figure of the text
    sums: frozenset[tuple[str, float]] = frozenset()  # the lead's sums of money: (currency, value)


def _key(text: str) -> str:
    words = [without_possessive(w).lower() for w in _WORD.findall(text)]
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


@cache
def _coarse_places() -> frozenset[str]:
    """The gazetteer's wide regions (countries, US states, continents, unions of countries) as keys."""
    return frozenset(_key(n) for n in region_names()) - {""}


@cache
def _cities() -> frozenset[str]:
    return frozenset(_key(name) for name in city_populations())


def _place_key(mention: EntityMention) -> str | None:
    key = _key(mention.text)
    if not key or key in _coarse_places():
        return None
    if mention.label in _KEEP or key in _cities():
        return key
    return None


def lead_end(spans: Sequence[tuple[int, int]], sentences: int, length: int,
             dates: Iterable[DateMention] = ()) -> int:
    """Where the lead of an article whose sentences are ``spans`` ends: after its first ``sentences``
    sentences (``length``, the text's, when it has none). A sentence holding a dateline (a date
    mention whose function is ``CREATION_TIME``, among ``dates``) dates the report and tells nothing
    of the happening, so it is not counted: "Saturday, Sep 14, 2013" between a headline and the first
    sentence does not push that sentence out of the lead."""
    if not spans:
        return length
    datelines = {m.start for m in dates if m.function == CREATION_TIME}
    counted = 0
    for start, end in spans:
        if not any(start <= d < end for d in datelines):
            counted += 1
        if counted >= sentences:
            return end
    return spans[-1][1]


def happened_of(
    mentions: Iterable[DateMention], end: int, dateline: bool = True
) -> tuple[tuple[dt.date, dt.date], PartialDate | None] | None:
    """The day (or month, or year) of the happening: the first resolved date mention of the lead
    (the text before ``end``) but a dateline's (that dates the report), as the first and last day
    it covers and as the date it writes; with ``dateline``, the dateline's when the lead names no
    other (a report is most often of the day it is dated). The one place where the dates stage's
    records are read."""
    fallback = None
    for m in sorted(mentions, key=lambda m: m.start):
        if m.start >= end:
            break
        if str(m.precision) in _DATED and m.earliest is not None and m.latest is not None:
            try:
                written = PartialDate.parse(m.value) if m.value else None
            except ValueError:  # a value no calendar date writes (a reference, a recurrence)
                written = None
            if m.function != CREATION_TIME:
                return (m.earliest, m.latest), written
            if dateline and fallback is None:
                fallback = (m.earliest, m.latest), written
    return fallback


def identity_of(
    text: str,
    entities: Sequence[EntityMention],
    dates: Sequence[DateMention],
    model: IdentityModel,
    sentences: SentenceIndex | None = None,
    quantities: Sequence[Quantity] = (),
) -> Identity:
    spans = (sentences or SentenceIndex.of(text)).spans
    end = lead_end(spans, model.lead_sentences, len(text), dates)
    lead: set[str] = set()
    names: dict[str, str] = {}
    for m in entities:
        if m.start >= end:
            continue
        if model.places and m.type is EntityType.PLACE:
            key = _place_key(m)
            if key:
                lead.add(f"p:{key}")
                names.setdefault(f"p:{key}", " ".join(m.text.split()))
        elif model.people and m.type is EntityType.PERSON:
            words = _key(m.text).split()
            if words and len(words[-1]) > 1:
                key = f"n:{words[-1]}"
                lead.add(key)
                if len(m.text.split()) > len(names.get(key, "").split()):
                    names[key] = " ".join(m.text.split())
    words = frozenset(without_possessive(w).lower() for w in _WORD.findall(text) if w[0].isupper())
    found = happened_of(dates, end) if model.dates else None
    figures: set[str] = set()
    every: set[str] = set()
    sums: set[tuple[str, float]] = set()
    for q in quantities if model.figures else ():
        if q.value is not None and math.isfinite(q.value) and q.value != 0:
            key = f"{q.value:.3g}"
            every.add(key)
            if q.start < end:
                figures.add(key)
                if q.unit in CURRENCY_CODES and q.value > 0:
                    sums.add((q.unit, q.value))
    return Identity(
        frozenset(lead), names, words, found[0] if found else None, found[1] if found else None,
        frozenset(figures), frozenset(every), frozenset(sums),
    )


def _present(key: str, words: frozenset[str]) -> bool:
    return all(w in words for w in key[2:].split())


def lead_keys(ids: Sequence[Identity]) -> tuple[list[str], sparse.csr_matrix, sparse.csr_matrix]:
    """The story's lead keys, the items x keys lead matrix and the items x keys presence matrix
    (the key is named in the item's lead, or its words are all among the item's capitalised words)."""
    vocab = sorted({k for ident in ids for k in ident.lead})
    col = {k: j for j, k in enumerate(vocab)}
    lr, lc, pr, pc = [], [], [], []
    for r, ident in enumerate(ids):
        for k in ident.lead:
            lr.append(r)
            lc.append(col[k])
        for k in vocab:
            if k in ident.lead or _present(k, ident.words):
                pr.append(r)
                pc.append(col[k])
    shape = (len(ids), len(vocab))
    lead = sparse.csr_matrix((np.ones(len(lr), dtype=np.float32), (lr, lc)), shape=shape)
    present = sparse.csr_matrix((np.ones(len(pr), dtype=np.float32), (pr, pc)), shape=shape)
    return vocab, lead, present


RELATIONS = (
    "place_conflict", "place_shared", "people_conflict", "people_shared", "figure_conflict", "figure_shared",
    "happened_apart", "happened_same", "place_differ", "people_differ", "sum_conflict", "sum_shared",
)


def relations(ids: Sequence[Identity], days: int, ratio: float = 2.0, same: float = 1.1) -> dict[str, np.ndarray]:
    """Items x items boolean matrices, one per name of :data:`RELATIONS`: for places, people and
    figures, ``*_shared`` where one's lead names a key the other names or mentions, ``*_conflict``
    where both leads name some and none is shared; for places and people, ``*_differ`` where each
    lead names one the other never names nor mentions (a conflict, or two reports that share the
    champion but not the challenger); ``sum_shared`` and ``sum_conflict`` where both leads state
    sums of one currency and one of each lies within ``same`` of the other, or none within ``ratio``
    (:func:`sum_relations`); ``happened_apart`` where the days of the happening lie more than
    ``days`` apart, ``happened_same`` where they overlap."""
    n = len(ids)
    out = {name: np.zeros((n, n), dtype=bool) for name in RELATIONS}
    if n < 2:
        return out
    vocab, lead, present = lead_keys(ids)
    for prefix, kind in (("p:", "place"), ("n:", "people")):
        cols = [j for j, k in enumerate(vocab) if k.startswith(prefix)]
        if not cols:
            continue
        lk, pk = lead[:, cols], present[:, cols]
        named = np.asarray(lk.sum(axis=1)).ravel()
        has = named > 0
        found = (lk @ pk.T).toarray()  # how many of a's lead keys b names or mentions
        unmatched = found < named[:, None]  # a's lead names one that b never names nor mentions
        shared = found > 0
        shared |= shared.T
        out[f"{kind}_conflict"] = has[:, None] & has[None, :] & ~shared
        out[f"{kind}_shared"] = shared
        out[f"{kind}_differ"] = unmatched & unmatched.T
    fig_vocab = sorted({f for i in ids for f in i.all_figures | i.figures})
    if fig_vocab:
        col = {f: j for j, f in enumerate(fig_vocab)}
        lk = _indicator([i.figures for i in ids], col)
        pk = _indicator([i.figures | i.all_figures for i in ids], col)
        has = np.asarray(lk.sum(axis=1)).ravel() > 0
        shared = (lk @ pk.T).toarray() > 0
        shared |= shared.T
        out["figure_conflict"] = has[:, None] & has[None, :] & ~shared
        out["figure_shared"] = shared
    out["sum_shared"], out["sum_conflict"] = sum_relations(ids, ratio, same)
    lo = np.array([i.happened[0].toordinal() if i.happened else 0 for i in ids], dtype=np.int64)
    hi = np.array([i.happened[1].toordinal() if i.happened else 0 for i in ids], dtype=np.int64)
    dated = np.array([i.happened is not None for i in ids])
    gap = np.maximum(lo[:, None] - hi[None, :], lo[None, :] - hi[:, None])
    both = dated[:, None] & dated[None, :]
    out["happened_apart"] = both & (gap > days)
    out["happened_same"] = both & (gap <= 0)
    for m in out.values():
        np.fill_diagonal(m, False)
    return out


def sum_relations(ids: Sequence[Identity], ratio: float, same: float) -> tuple[np.ndarray, np.ndarray]:
    """Two items x items matrices over the leads' sums of money: where both state sums of one
    currency and a sum of each lies within a factor ``same`` of the other (one sum), and where
    they do and no sum of either lies within ``ratio`` of one of the other's (two sums). Per
    currency, one matrix of the log gaps between its sums, folded onto the leads that state them."""
    n = len(ids)
    shared, conflict = np.zeros((n, n), dtype=bool), np.zeros((n, n), dtype=bool)
    stating = [k for k, ident in enumerate(ids) if ident.sums]
    if len(stating) < 2:
        return shared, conflict
    local = {k: r for r, k in enumerate(stating)}
    gap = np.full((len(stating), len(stating)), np.inf)  # least log factor between two leads' sums of one currency
    for currency in {c for k in stating for c, _ in ids[k].sums}:
        found = [(local[k], math.log(v)) for k in stating for c, v in ids[k].sums if c == currency]
        rows = np.array([r for r, _ in found])
        logs = np.array([v for _, v in found])
        np.minimum.at(gap, (rows[:, None], rows[None, :]), np.abs(logs[:, None] - logs[None, :]))
    np.fill_diagonal(gap, np.inf)
    compared = np.isfinite(gap)
    at = np.ix_(stating, stating)
    shared[at] = compared & (gap <= math.log(same))
    conflict[at] = compared & (gap > math.log(ratio))
    return shared, conflict


def _indicator(sets: Sequence[frozenset[str]], col: Mapping[str, int]) -> sparse.csr_matrix:
    rows = [r for r, keys in enumerate(sets) for _ in keys]
    cols = [col[k] for keys in sets for k in keys]
    return sparse.csr_matrix((np.ones(len(rows), dtype=np.float32), (rows, cols)), shape=(len(sets), len(col)))


def conflicts(ids: Sequence[Identity], days: int) -> tuple[np.ndarray, np.ndarray]:
    """Two items x items matrices: True where two articles cannot report one happening (for places
    or for people, both leads name some and neither names one the other mentions; or the days of
    the happening lie more than ``days`` apart), and True where one's lead names a place or person
    the other mentions."""
    rel = relations(ids, days)
    apart = rel["place_conflict"] | rel["people_conflict"] | rel["happened_apart"]
    return apart, rel["place_shared"] | rel["people_shared"]


def mentioned_days(dates: Mapping[str, Sequence[DateMention]]) -> dict[str, Counter[str]]:
    """Per article, how often its date mentions name each calendar day."""
    out: dict[str, Counter[str]] = {}
    for aid, mentions in dates.items():
        values = [str(m.value) for m in mentions if getattr(m, "value", None) and _DAY.match(str(m.value))]
        if values:
            out[aid] = Counter(values)
    return out


def pair_costs(
    ids: Sequence[Identity], published: Sequence[dt.date | None], model: IdentityModel, days: int
) -> tuple[np.ndarray, np.ndarray]:
    """Over a story's articles: where two conflict on place, people or the day of the happening,
    and what is added to their event similarity (the costs of ``model``: a conflict, figures that
    disagree, each lead naming a place or person the other never mentions, sums of money that are
    two sums or one, each day between two publication dates up to ``days``, a shared place or
    person)."""
    rel = relations(ids, days, model.amount_ratio, model.amount_same)
    apart = rel["place_conflict"] | rel["people_conflict"] | rel["happened_apart"]
    agree = rel["place_shared"] | rel["people_shared"]
    offset = np.where(apart, 0.0 if np.isinf(model.penalty) else -model.penalty, 0.0) + model.bonus * agree
    offset -= model.figure_penalty * rel["figure_conflict"]
    offset -= model.differ_penalty * (rel["place_differ"] | rel["people_differ"])
    offset += model.amount_bonus * rel["sum_shared"] - model.amount_penalty * rel["sum_conflict"]
    if model.day_cost:
        day = np.array([d.toordinal() if d else 0 for d in published], dtype=np.int64)
        dated = np.array([d is not None for d in published])
        gap = np.minimum(np.abs(day[:, None] - day[None, :]), days)
        offset -= model.day_cost * np.where(dated[:, None] & dated[None, :], gap, 0)
    return apart, offset


def shared_keys(member: Identity, others: Sequence[Identity], share: float = 0.5) -> list[str]:
    """The lead keys of ``member`` that at least ``share`` of ``others`` (its event's other
    members) name in their lead or mention, most shared first."""
    if not others:
        return sorted(member.lead)
    counts: Counter[str] = Counter()
    for k in member.lead:
        counts[k] = sum(1 for o in others if k in o.lead or _present(k, o.words))
    need = share * len(others)
    return [k for k, c in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])) if c >= need and c > 0]


PARTICIPANTS = 5  # most participants an event lists


def event_evidence(members: Sequence[tuple[str, Identity, bool]]) -> dict[str, object]:
    """The place, participants and day of the happening that an event's members share (a key
    counts when at least half of the other members name or mention it), and why each joined.
    ``members`` are (article id, identity, is a copy of another member), first member first."""
    own = [ident for _, ident, copy in members if not copy] or [ident for _, ident, _ in members]
    keys: Counter[str] = Counter()
    for k, ident in enumerate(own):
        keys.update(shared_keys(ident, own[:k] + own[k + 1 :]))
    need = max(1, (len(own) + 1) // 2)
    held = [k for k, c in sorted(keys.items(), key=lambda kv: (-kv[1], kv[0])) if c >= need]
    display = {k: v for ident in reversed(own) for k, v in ident.names.items()}
    place = next((k for k in held if k.startswith("p:")), None)
    people = [k for k in held if k.startswith("n:")][:PARTICIPANTS]
    days = Counter(ident.when for ident in own if ident.when is not None)
    happened = min(days, key=lambda d: (-days[d], d.sort_key)) if days else None
    joined = []
    for n, (article_id, ident, copy) in enumerate(members):
        mine = set(ident.lead) | {k for k in (place, *people) if k and _mentions(ident, k)}
        shared_place = display[place] if place and place in mine else None
        shared_people = tuple(display[k] for k in people if k in mine)
        shared_day = ident.when if ident.when is not None and ident.when == happened else None
        if copy:
            basis = "copy"
        elif n == 0:
            basis = "founder"
        else:
            basis = next(
                (b for b, v in (("place", shared_place), ("participants", shared_people), ("date", shared_day)) if v),
                "similarity",
            )
        joined.append(
            EventJoin(article_id=article_id, basis=basis, place=shared_place, participants=shared_people, happened=shared_day)
        )
    return {
        "place": display[place] if place else None,
        "participants": tuple(display[k] for k in people),
        "happened": happened,
        "joined": tuple(joined),
    }


def _mentions(ident: Identity, key: str) -> bool:
    return key in ident.lead or all(w in ident.words for w in key[2:].split())
