"""One quote per statement: the renderings of the same statement by different outlets (translated
differently, trimmed, reported rather than quoted) become the ``variants`` of one :class:`Quote`.

Two variants are the same statement when they come from different articles, their speakers are the
same merged entity, and their texts' MiniLM embeddings have a cosine of at least ``_SAME`` (on the
seeds, one statement's renderings score 0.66-0.88; the same speaker's different statements on the
same topic up to 0.61). Pairs join greedily, most similar first, and never put two variants of one
article into one quote. A variant whose speaker is not linked to an entity joins only a near
copy (``_COPY``) with the same speaker text.

Bound: a speaker's variants are ordered by publication date and each is compared with the
``window`` variants nearest after it (and every variant of its own block), so a speaker quoted
in n articles costs about 2 x n x ``window`` comparisons, not n². One statement is reported within
days, so its renderings lie close together in that order.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np

from storyfold.ids import content_id
from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import Entity, Quote, QuoteVariant
from storyfold.stages.entities.entity_merge import entity_index
from storyfold.stages.quotes.speakers import spans_by_article, speaker_entity_of
from storyfold.text.embed import MODEL, embed_unique, load_embedder

__all__ = ["QuoteMergeStage", "merge_quotes"]

_SAME = 0.62
_COPY = 0.90
_EMBED_WORDS = 64  # a statement's opening words carry it; long quotes cost the embedder dearly


class QuoteMergeStage(CorpusStage):
    """Quotes across articles, with their variants and the speaker's entity."""

    name = "quote_merge"
    version = "2"
    requires = ("quote_mentions", "entities")
    provides = {"quotes": Quote}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        variants = corpus.annotations("quote_mentions")
        entities = corpus.outputs("entities")
        # each quote is embedded once per database (the store's vector cache), not at every fold
        encoder = corpus.encoder(MODEL, lambda: ctx.resource("embedder", load_embedder))
        dates = {a.id: a.published.isoformat() for a in corpus.articles() if a.published is not None}
        return {"quotes": merge_quotes(variants, entities, encoder.encode, dates=dates, window=ctx.settings.quote_merge_window)}


def merge_quotes(
    variants: Mapping[str, Sequence[QuoteVariant]],
    entities: Sequence[Entity],
    encode: Callable[[Sequence[str]], Any],
    *,
    dates: Mapping[str, str] | None = None,
    window: int = 2000,
) -> tuple[Quote, ...]:
    """Quotes from per-article ``variants``; ``encode`` maps texts to L2-normalised vectors;
    ``dates`` (article id to ISO date) order a speaker's variants for the ``window`` bound."""
    dates = dates or {}
    items = [v for aid in sorted(variants, key=lambda a: (dates.get(a, "9999"), a)) for v in variants[aid]]
    if not items:
        return ()
    index = entity_index(entities)
    names = {e.id: e.name for e in entities}
    by_article = spans_by_article(index)
    speaker_ids = [speaker_entity_of(v.article_id, v.speaker_start, v.speaker_end, index, by_article) for v in items]
    items = [replace(v, speaker_entity_id=eid) for v, eid in zip(items, speaker_ids, strict=True)]

    # Only variants with the same speaker are compared: by entity, else by the speaker as written;
    # only those with a possible partner in another article are embedded.
    buckets: dict[tuple[str, str | None], list[int]] = defaultdict(list)
    for i, v in enumerate(items):
        eid = speaker_ids[i]
        buckets[("entity", eid) if eid else ("text", v.speaker)].append(i)
    buckets = {k: ms for k, ms in buckets.items() if len({items[i].article_id for i in ms}) > 1}
    todo = sorted(i for ms in buckets.values() for i in ms)
    row = {i: n for n, i in enumerate(todo)}
    vectors = embed_unique([" ".join(items[i].text.split()[:_EMBED_WORDS]) for i in todo], encode) if todo else None
    pairs = []
    for (how, _), members_ in buckets.items():
        floor = _SAME if how == "entity" else _COPY
        for x, y, sim in _close_pairs(vectors[[row[i] for i in members_]], floor, max(1, window)):
            i, j = members_[x], members_[y]
            if items[i].article_id != items[j].article_id:
                pairs.append((sim, i, j))
    group = list(range(len(items)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    for _, a, b in sorted(pairs, reverse=True):
        ga, gb = group[a], group[b]
        if ga == gb:
            continue
        if {items[k].article_id for k in members[ga]} & {items[k].article_id for k in members[gb]}:
            continue
        for k in members[gb]:
            group[k] = ga
        members[ga].extend(members.pop(gb))
    quotes = [_quote([items[k] for k in sorted(ks)], speaker_ids[ks[0]], names) for ks in members.values()]
    return tuple(sorted(quotes, key=lambda q: (-len(q.variants), q.article_ids[0], q.variants[0].start)))


def _close_pairs(vectors: np.ndarray, floor: float, window: int) -> list[tuple[int, int, float]]:
    """``(x, y, cosine)`` with ``x < y`` and cosine >= ``floor``, comparing each row with the rows
    of its block of ``window`` and the next block: at most 2 x n x ``window`` products."""
    out = []
    n = len(vectors)
    for start in range(0, n, window):
        stop = min(n, start + 2 * window)
        sims = vectors[start : start + window] @ vectors[start:stop].T
        xs, ys = np.nonzero(sims >= floor)
        for x, y in zip(xs.tolist(), ys.tolist(), strict=True):
            if x < y:
                out.append((start + x, start + y, float(sims[x, y])))
    return out


def _quote(vs: Sequence[QuoteVariant], entity_id: str | None, names: Mapping[str, str]) -> Quote:
    best = max(vs, key=lambda v: (v.direct, len(v.text), v.article_id))
    speaker = names.get(entity_id) if entity_id else best.speaker
    words = " ".join(re.findall(r"\w+", best.text.lower()))
    return Quote(
        id=content_id(entity_id or speaker or "", words, prefix="quote-", sep="|", algorithm="sha1", length=12),
        speaker=speaker,
        text=best.text,
        article_ids=tuple(sorted({v.article_id for v in vs})),
        variants=tuple(sorted(vs, key=lambda v: (v.article_id, v.start))),
        speaker_entity_id=entity_id,
        direct=any(v.direct for v in vs),
    )
