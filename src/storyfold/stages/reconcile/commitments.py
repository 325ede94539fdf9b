"""Commitments: one record per (actor, kind) across the corpus, and the conflicts between its
mentions.

The status is read from the mentions of the latest month (a later statement supersedes an earlier
one), then the status backed by most independent sources, then the most cautious. Conditions are
the union; amount and period the first stated. Conflicts:

* *status*: two mentions of the same (actor, kind) with incompatible statuses: firm (committed,
  pledged, fulfilled) against considering, firm or willing against declined / ruled out.
  ``conditional`` is compatible with firm (a commitment subject to a peace deal);
* *agreement content*: the same funding commitment with different amounts, or described as lethal
  by one source and non-lethal by another. Different but compatible descriptions ("$4.5 billion in
  defense assistance" vs "non-lethal assistance, humanitarian support, and aid for reconstruction")
  are complementary, not a conflict: both are kept as evidence of the one commitment.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from storyfold.records import (
    Commitment,
    CommitmentEvidence,
    CommitmentKind,
    CommitmentMention,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    ConflictSide,
    PartialDate,
)
from storyfold.stages.reconcile.common import Inputs, conflict_kind, content_hash, day_of, evidence_of

__all__ = ["SpanIndex", "actor_entity", "merge_commitments"]

S = CommitmentStatus
_STATUS_CAUTION = [S.FULFILLED, S.COMMITTED, S.PLEDGED, S.WILLING, S.CONDITIONAL, S.CONSIDERING, S.DECLINED,
                   S.RULED_OUT]
_FIRM = {S.COMMITTED, S.PLEDGED, S.FULFILLED}
_NEG = {S.DECLINED, S.RULED_OUT}


def _incompatible(a: CommitmentStatus, b: CommitmentStatus) -> bool:
    pair = {a, b}
    firm, neg = pair & _FIRM, pair & _NEG
    if firm and S.CONSIDERING in pair:
        return True
    if neg and (firm or S.WILLING in pair):
        return True
    return False


class SpanIndex:
    """Claim ids by article and span, to find the claims a commitment mention rests on (the two
    stages split sentences differently, so spans overlap rather than coincide)."""

    def __init__(self, items: Iterable[tuple[str, int, int, str]]) -> None:
        self._by_article: dict[str, list[tuple[int, int, str]]] = {}
        for aid, start, end, cid in items:
            self._by_article.setdefault(aid, []).append((start, end, cid))

    def claims(self, ms: Iterable[CommitmentMention]) -> tuple[str, ...]:
        return tuple(sorted({cid for m in ms for s, e, cid in self._by_article.get(m.article_id, ())
                             if s < m.end and m.start < e}))


def actor_entity(actor: str, entity_ids: Mapping[str, str]) -> str | None:
    """The entity an actor's name is: the entity with that name or alias, else with that name in
    another case ("the Government of Lithuania" is not guessed)."""
    found = entity_ids.get(actor)
    if found is None:
        folded = actor.casefold()
        found = next((eid for name, eid in sorted(entity_ids.items()) if name.casefold() == folded), None)
    return found


def merge_commitments(
    by_article: Mapping[str, Sequence[CommitmentMention]], inp: Inputs, spans: SpanIndex,
    entity_ids: Mapping[str, str] | None = None,
) -> tuple[list[Commitment], list[Conflict]]:
    """The commitments of ``by_article`` (mentions per article), by actor then kind, and their
    status and content conflicts; ``spans`` finds the claims each rests on. An actor is its entity
    (``entity_ids``: an entity_merge entity's names and aliases -> its id) where the entities stage
    found it, so two names of one entity ("HHS", "Health and Human Services") are one actor."""
    entity_ids = entity_ids or {}
    entity_of = {a: actor_entity(a, entity_ids) for a in {m.actor for ms in by_article.values() for m in ms}}
    # The sub-kind rules' mentions merge by (actor, kind); the parse's by (actor, kind, category, item key).
    groups: dict[tuple[str, CommitmentKind, str, str], list[CommitmentMention]] = {}
    for aid in sorted(by_article):
        for m in by_article[aid]:
            who = entity_of[m.actor] or m.actor
            groups.setdefault((who, m.kind, m.category.value if m.item_key else "", m.item_key or ""), []).append(m)
    out: list[Commitment] = []
    conflicts: list[Conflict] = []
    for (_who, kind, category, item_key), ms in sorted(groups.items(), key=lambda kv: (
            min(m.actor for m in kv[1]), kv[0][1].value, kv[0][2], kv[0][3])):
        actor = min(m.actor for m in ms)
        cid = "commitment-" + (content_hash(actor, kind.value, category, item_key) if item_key
                               else content_hash(actor, kind.value))
        whens = [inp.when(m.article_id, m.time) for m in ms]
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
            evidence=tuple(dict.fromkeys(_commitment_evidence(m) for m in ms)),
            category=ms[0].category, item=next((m.item for m in ms if m.item), None),
            units=next((m.units for m in ms if m.units), None), actor_entity=entity_of[actor],
        ))
        conflicts.extend(_status_conflicts(out[-1], ms, whens, spans))
        conflicts.extend(_content_conflicts(out[-1], ms, spans))
    return out, conflicts


def _commitment_evidence(m: CommitmentMention) -> CommitmentEvidence:
    """A commitment mention's span with its own amount."""
    return CommitmentEvidence(article_id=m.article_id, start=m.start, end=m.end, text=m.text, amount=m.amount)


def _latest_time(
    ms: Sequence[CommitmentMention], whens: Sequence[dt.date | None], status: CommitmentStatus
) -> PartialDate | None:
    """When a firm commitment was made (its most precise date in the text, else its earliest
    article), else when the latest statement was made."""
    if status in _FIRM:
        firm = [(m, w) for m, w in zip(ms, whens, strict=True) if m.status in _FIRM]
        explicit = [m.time for m, _ in firm if day_of(m.time)]
        if explicit:
            return max(explicit, key=lambda t: (t.detail, -day_of(t).toordinal()))  # type: ignore[union-attr]
        days = [w for _, w in firm if w is not None]
        if days:
            return PartialDate.from_date(min(days))
    dated = [(w, m) for m, w in zip(ms, whens, strict=True) if w is not None]
    if not dated:
        return None
    w, m = max(dated, key=lambda x: x[0])
    return m.time or PartialDate.from_date(w)


def _status_conflicts(
    c: Commitment, ms: Sequence[CommitmentMention], whens: Sequence[dt.date | None], spans: SpanIndex
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
            kind = conflict_kind(whens[i], whens[j])
            (first, first_day), (second, second_day) = sorted(((a, whens[i]), (b, whens[j])),
                                                              key=lambda side: side[1] or dt.date.max)
            verb = "changed to" if kind is ConflictKind.UPDATE else "while"
            summary = (f"{c.actor} / {_what(c)}: {first.article_id} says {first.status.value} "
                       f"(\u201c{first.cue}\u201d) {verb} {second.article_id} says {second.status.value} "
                       f"(\u201c{second.cue}\u201d)")
            # Every mention on either side is evidence ("we cannot say specifically …" beside the
            # "carefully considering …" that the summary quotes).
            sides = [first, second, *(m for m in ms if m.status in key and m not in (first, second))]
            claim_ids = spans.claims(sides)
            out.append(Conflict(
                id="conflict-" + content_hash("status", c.id, *sorted(s.value for s in key)), kind=kind, summary=summary,
                article_ids=tuple(sorted({m.article_id for m in sides})), claim_ids=claim_ids,
                commitment_ids=(c.id,), evidence=tuple(dict.fromkeys(evidence_of(m) for m in sides)),
                about=f"{c.actor}'s {_what(c)}",
                sides=tuple(ConflictSide(says=m.status.value, cue=m.cue, article_id=m.article_id, day=d)
                            for m, d in ((first, first_day), (second, second_day))),
            ))
    return out


def _what(c: Commitment) -> str:
    """What a status conflict is about: the commitment's sub-kind ("security guarantee"), or, where
    it has none, the item as its first mention words it ("Israel's cease-fire", not "Israel's other")."""
    return c.item if c.kind is CommitmentKind.OTHER and c.item else c.kind.value


_LETHAL = re.compile(r"(?<!non-)(?<!non)\blethal\b|\bweapons\b|\barms\b", re.I)
_NONLETHAL = re.compile(r"\bnon-?lethal\b", re.I)


def _content_conflicts(
    c: Commitment, ms: Sequence[CommitmentMention], spans: SpanIndex
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
        pairs.append((a, b, str(a.amount), str(b.amount),
                      f"{c.actor} / funding: {a.article_id} gives {a.amount}, {b.article_id} gives {b.amount}"))
    if lethal and nonlethal:
        a, b = lethal[0], nonlethal[0]
        pairs.append((a, b, "lethal aid", "non-lethal aid",
                      f"{c.actor} / funding: {a.article_id} describes lethal aid, {b.article_id} non-lethal aid"))
    for a, b, says_a, says_b, summary in pairs:
        claim_ids = spans.claims((a, b))
        out.append(Conflict(id="conflict-" + content_hash("content", c.id, summary), kind=ConflictKind.CONTRADICTION,
                            summary=summary, article_ids=tuple(sorted({a.article_id, b.article_id})),
                            claim_ids=claim_ids, commitment_ids=(c.id,), evidence=(evidence_of(a), evidence_of(b)),
                            about=f"{c.actor}'s funding",
                            sides=(ConflictSide(says=says_a, article_id=a.article_id),
                                   ConflictSide(says=says_b, article_id=b.article_id))))
    return out
