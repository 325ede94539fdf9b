"""Reconciliation: one record per claim and per commitment across the corpus, how many independent
sources back each, and where the sources disagree. The parts: claim merging
(:mod:`~storyfold.stages.reconcile.claims`), figure conflicts
(:mod:`~storyfold.stages.reconcile.figures`), commitments and their conflicts
(:mod:`~storyfold.stages.reconcile.commitments`); this module ties them together.

**Independent sources** count lineages (:mod:`storyfold.stages.copies.lineage`): relations from the
copies stage when it ran, the same outlet once. A claim's ``status``: ``contested`` when the claim
is part of a conflict, else ``corroborated`` with 2+ independent sources, else ``single-source``.

**Conflicts**, each ``contradiction`` (the two sides' times are under 45 days apart) or ``update``
(further apart: the figure or status changed between events); a side's time is its event's date
when the events stage ran, else the date in the claim, else the article's publication date. Besides
figure, status and agreement-content conflicts, a *rewrite* (a relation whose copy adds unsupported
sentences or drops qualifiers: the copies stage's ``unsupported`` / ``dropped_qualifiers``) is a
contradiction with its source.

Ids are content-derived (a hash of actor and kind, of the supporting spans), so a rerun over the
same corpus gives the same ids. The stage embeds claims through the store's vector cache
(:meth:`~storyfold.pipeline.Corpus.encoder`), so a text is embedded once per database, whichever
fold brings it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import ClassVar

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import (
    Article,
    Claim,
    ClaimMention,
    ClaimStatus,
    Commitment,
    CommitmentMention,
    Conflict,
    ConflictKind,
    Quantity,
    Relation,
    date_order,
)
from storyfold.stages.quotes.speakers import claims_with_speakers
from storyfold.stages.reconcile.claims import BLOCK, ClaimMerge, Embed, merge_claims
from storyfold.stages.reconcile.commitments import SpanIndex, merge_commitments
from storyfold.stages.reconcile.common import Inputs, content_hash, day_of
from storyfold.stages.reconcile.figures import figure_conflicts
from storyfold.text.embed import MODEL, load_embedder

__all__ = ["ReconcileStage", "reconcile"]


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
    entity_ids: Mapping[str, str] | None = None,
) -> tuple[list[Claim], list[Commitment], list[Conflict]]:
    """Claims, commitments and conflicts from the per-article mentions. ``embed`` maps texts to
    L2-normalised vectors (asked only for the claims of blocks that hold more than one article);
    ``event_dates`` gives an article's event date; ``aliases`` maps a name to its
    entity's canonical name; ``quantities`` (per article) give the figures compared.

    Claim mentions are compared only within a block: one per story of ``stories`` (article ids),
    cut to ``block_size`` units by ``events`` (article ids, in date order) and dates; ``stats``, when
    given, receives the counts (mentions, units, blocks, embedded units, largest block, close pairs);
    ``entity_ids`` maps an entity's name and aliases to its id (a commitment's actor entity)."""
    inp = Inputs(articles, relations, event_dates or {}, aliases or {})
    merged = merge_claims(claim_mentions, inp, embed, stories=stories, events=events, block_size=block_size,
                          stats=stats)
    conflicts = figure_conflicts(merged, quantities or {}, inp)
    spans = SpanIndex((m.article_id, m.start, m.end, merged.claims[merged.claim_of[i]].id)
                      for i, m in enumerate(merged.mentions))
    commitments, commitment_conflicts = merge_commitments(commitment_mentions, inp, spans, entity_ids or {})
    conflicts.extend(commitment_conflicts)
    conflicts.extend(_rewrite_conflicts(relations, merged))
    contested = {cid for c in conflicts for cid in c.claim_ids}
    claims = [replace(c, status=ClaimStatus.CONTESTED) if c.id in contested else c for c in merged.claims]
    conflicts.sort(key=lambda c: c.id)
    return claims, commitments, conflicts


def _opening(text: str, most: int = 80) -> str:
    """The start of ``text``, at most ``most`` characters, cut at a word boundary (with "…" when cut)."""
    text = " ".join(text.split())
    if len(text) <= most:
        return text
    head = text[: most + 1].rsplit(" ", 1)[0] if " " in text[:most] else text[:most]
    return head.rstrip(",;:") + "…"


def _rewrite_conflicts(relations: Iterable[Relation], merged: ClaimMerge) -> list[Conflict]:
    """A contradiction per relation whose copy adds sentences its source does not support or
    drops qualifiers; its claims are those of the copy's mentions inside the unsupported spans."""
    mentions, claims, claim_of = merged.mentions, merged.claims, merged.claim_of
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
                         f"(\u201c{_opening(r.unsupported[0].text)}\u201d)")
        if r.dropped_qualifiers:
            parts.append("drops qualifiers " + ", ".join(f"\u201c{q}\u201d" for q in r.dropped_qualifiers[:5]))
        ids = sorted({claims[claim_of[i]].id for i in by_article.get(r.b, ())
                      if any(u.start < mentions[i].end and mentions[i].start < u.end for u in r.unsupported)})
        out.append(Conflict(
            id="conflict-" + content_hash("rewrite", r.a, r.b), kind=ConflictKind.CONTRADICTION,
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
    version = "6"
    requires: ClassVar[tuple[str, ...]] = ("claim_mentions", "commitment_mentions")
    optional: ClassVar[tuple[str, ...]] = ("relations", "stories", "events", "entities", "quantities")
    provides: ClassVar[Mapping[str, type]] = {"claims": Claim, "commitments": Commitment, "conflicts": Conflict}

    def __init__(self, by_story: bool = True) -> None:
        self.by_story = by_story  # False: the whole corpus is one block (cut at reconcile_block)

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        articles = {a.id: a for a in corpus.articles()}
        relations = corpus.outputs("relations") if corpus.has("relations") else ()
        stories = [s.article_ids for s in corpus.outputs("stories")] if corpus.has("stories") and self.by_story else []
        events = corpus.outputs("events") if corpus.has("events") else ()
        event_dates: dict[str, dt.date] = {}
        for ev in events:
            day = day_of(ev.date)
            if day is not None:
                for aid in ev.article_ids:
                    event_dates.setdefault(aid, day)
        aliases: dict[str, str] = {}
        entity_ids: dict[str, str] = {}
        if corpus.has("entities"):
            for ent in corpus.outputs("entities"):
                for alias in (ent.name, *ent.aliases):
                    aliases[alias] = ent.name
                    entity_ids.setdefault(alias, ent.id)
        embed = corpus.encoder(MODEL, lambda: ctx.resource("embedder", load_embedder)).encode
        dated = sorted(events, key=lambda e: (date_order(e.date), e.id))
        stats = ctx.counts[self.label] = {}  # blocks and pairs compared, for benchmarks
        claims, commitments, conflicts = reconcile(
            corpus.annotations("claim_mentions"), corpus.annotations("commitment_mentions"), articles,
            embed, relations, event_dates, aliases,
            corpus.annotations("quantities") if corpus.has("quantities") else {},
            stories=stories or None, events=[e.article_ids for e in dated],
            block_size=ctx.settings.reconcile_block, stats=stats, entity_ids=entity_ids,
        )
        if corpus.has("entities"):  # a claim in reported speech names its speaker's entity
            claims = claims_with_speakers(claims, corpus.annotations("claim_mentions"), corpus.outputs("entities"))
        return {"claims": tuple(claims), "commitments": tuple(commitments), "conflicts": tuple(conflicts)}
