"""Independent sources: how many separate lineages back a set of articles.

Two articles are one source when a relation links them (an exact copy, a near duplicate, a rewrite:
union-find over the relations, so a copy of a copy joins the lineage too) or when they come from
the same outlet (an outlet repeating itself is not corroboration). Without relations every outlet
counts once and every article without an outlet counts on its own, which over-counts rewrites: the
copies stage makes the figure honest.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from storyfold.records import Article, Relation

__all__ = ["independent_sources", "lineages"]


def lineages(
    article_ids: Iterable[str], articles: Mapping[str, Article], relations: Iterable[Relation] = ()
) -> list[frozenset[str]]:
    """``article_ids`` grouped into lineages (each group one independent source)."""
    ids = list(dict.fromkeys(article_ids))
    parent = {a: a for a in ids}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: str, y: str) -> None:
        rx, ry = find(x), find(y)
        if rx != ry:
            parent[max(rx, ry)] = min(rx, ry)

    # Relations may link through articles outside the set (a copy of a copy): walk them all.
    for r in relations:
        parent.setdefault(r.a, r.a)
        parent.setdefault(r.b, r.b)
        union(r.a, r.b)
    by_outlet: dict[str, str] = {}
    for a in ids:
        art = articles.get(a)
        outlet = (art.outlet or "").strip().lower() if art is not None else ""
        if outlet:
            if outlet in by_outlet:
                union(a, by_outlet[outlet])
            else:
                by_outlet[outlet] = a
    groups: dict[str, set[str]] = {}
    for a in ids:
        groups.setdefault(find(a), set()).add(a)
    return [frozenset(g) for g in groups.values()]


def independent_sources(
    article_ids: Iterable[str], articles: Mapping[str, Article], relations: Iterable[Relation] = ()
) -> int:
    """The number of lineages among ``article_ids``."""
    return len(lineages(article_ids, articles, relations))
