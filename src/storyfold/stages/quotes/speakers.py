"""Speakers linked to the merged entities of ``entity_merge``: the entity a quote variant's or a
claim's speaker span is a mention of."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from storyfold.records import Claim, ClaimMention, Entity
from storyfold.stages.entities.entity_merge import entity_index

__all__ = ["claims_with_speakers", "spans_by_article", "speaker_entity_of"]


def spans_by_article(index: Mapping[tuple[str, int, int], str]) -> dict[str, list[tuple[int, int, str]]]:
    """An :func:`~storyfold.stages.entities.entity_merge.entity_index` by article: ``(start, end,
    entity id)`` per mention."""
    out: dict[str, list[tuple[int, int, str]]] = {}
    for (aid, s, e), eid in index.items():
        out.setdefault(aid, []).append((s, e, eid))
    return out


def speaker_entity_of(
    article_id: str, start: int | None, end: int | None, index: Mapping[tuple[str, int, int], str],
    by_article: Mapping[str, list[tuple[int, int, str]]],
) -> str | None:
    """The merged entity whose mention is the speaker span ``start:end`` of ``article_id``, else
    the mention in it that ends last (the phrase's head: "NATO Secretary-General Mark Rutte" is
    Mark Rutte); None when the span is unknown or holds no entity's mention."""
    if start is None or end is None:
        return None
    exact = index.get((article_id, start, end))
    if exact:
        return exact
    inside = [(e, e - s, eid) for s, e, eid in by_article.get(article_id, ()) if s < end and start < e]
    return max(inside)[2] if inside else None


def claims_with_speakers(
    claims: Sequence[Claim], mentions: Mapping[str, Sequence[ClaimMention]], entities: Iterable[Entity]
) -> list[Claim]:
    """``claims`` with ``attribution_entity_id``: the entity of the speaker of the first of a
    claim's evidence spans that lies in reported speech ("X said that ...") and whose speaker is
    an entity's mention."""
    index = entity_index(entities)
    by_article = spans_by_article(index)
    spoken = {(m.article_id, m.start, m.end): (m.attribution_start, m.attribution_end)
              for ms in mentions.values() for m in ms if m.attribution_start is not None}
    out = []
    for c in claims:
        eid = None
        for ev in c.evidence:
            span = spoken.get((ev.article_id, ev.start, ev.end))
            eid = span and speaker_entity_of(ev.article_id, *span, index, by_article)
            if eid:
                break
        out.append(replace(c, attribution_entity_id=eid) if eid else c)
    return out
