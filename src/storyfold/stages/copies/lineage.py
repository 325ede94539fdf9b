"""Source independence: lineages of copies and rewrites, and how many independent sources back a set
of articles.

A *lineage* is an original article and everything derived from it, transitively: exact copies,
near-duplicates and rewrites, and copies of those. Five syndicated copies of one wire story are one
lineage, so a claim they all carry has one source. :func:`independent_sources` counts lineages among
a set of articles, and counts an outlet once however many lineages it published in (an outlet that
runs the same story twice is one voice).

Pure functions over relations and articles: no store, no model.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from scipy.cluster.hierarchy import DisjointSet

from storyfold.ids import content_id
from storyfold.records import Article, Lineage, Relation
from storyfold.urls import web_host

__all__ = ["Lineages", "build_lineages", "independent_sources", "outlet_key", "source_of", "web_host"]


@dataclass(frozen=True, slots=True)
class Lineages:
    """Every article's lineage: ``of[article_id]`` is the lineage id; ``records`` lists them."""

    of: Mapping[str, str]
    records: tuple[Lineage, ...]

    def lineage(self, article_id: str) -> str:
        """The lineage of ``article_id`` (an article in no relation is its own lineage)."""
        return self.of.get(article_id, _lineage_id((article_id,)))


def _lineage_id(members: Iterable[str]) -> str:
    return content_id(*sorted(members), prefix="lin_", sep="\n", algorithm="sha256", length=12)


def build_lineages(relations: Iterable[Relation], articles: Iterable[Article]) -> Lineages:
    """Group ``articles`` into lineages along ``relations`` (source ``a``, copy ``b``).

    The root of a lineage is the member that derives from nothing within it (the earliest such by
    publication date, then by id, when a lineage has several, e.g. two copies of one lost original).
    Ids are derived from the members, so a rerun gives the same ids.
    """
    by_id = {a.id: a for a in articles}
    sets = DisjointSet(by_id)
    derived: set[str] = set()
    for rel in relations:
        sets.add(rel.a)
        sets.add(rel.b)
        sets.merge(rel.a, rel.b)
        derived.add(rel.b)
    of: dict[str, str] = {}
    records: list[Lineage] = []
    for subset in sets.subsets():  # in the order their first member joined
        members = sorted(subset)
        lid = _lineage_id(members)
        roots = [m for m in members if m not in derived] or members
        root = min(roots, key=lambda m: (_date_key(by_id.get(m)), m))
        outlets = sorted({o for m in members if (o := _outlet(by_id.get(m)))})
        records.append(Lineage(id=lid, root=root, article_ids=tuple(members), outlets=tuple(outlets)))
        for m in members:
            of[m] = lid
    records.sort(key=lambda r: (r.root, r.id))
    return Lineages(of=of, records=tuple(records))


def _date_key(article: Article | None) -> str:
    return article.published.isoformat() if article is not None and article.published else "9999"


def _outlet(article: Article | None) -> str | None:
    return None if article is None else outlet_key(article.outlet, article.url)


def independent_sources(
    article_ids: Iterable[str],
    lineages: Lineages,
    outlets: Mapping[str, str | None] | None = None,
) -> int:
    """How many independent sources ``article_ids`` amount to.

    Articles of one lineage are one source; articles of one outlet are one source even across
    lineages (``outlets`` maps article id to outlet name; unknown outlets never merge). The count is
    the number of groups left when both rules are applied transitively.
    """
    return len(set(source_of(article_ids, lineages.lineage, outlets).values()))


def source_of(
    article_ids: Iterable[str],
    lineage: Callable[[str], str],
    outlets: Mapping[str, str | None] | None = None,
) -> dict[str, str]:
    """Each of ``article_ids`` mapped to the article standing for its independent source (the
    least id of its group): the rules of :func:`independent_sources`, with ``lineage`` giving an
    article's lineage id."""
    ids = sorted(set(article_ids))
    sets = DisjointSet(ids)
    first_of_outlet: dict[str, str] = {}
    first_of_lineage: dict[str, str] = {}
    for aid in ids:
        sets.merge(aid, first_of_lineage.setdefault(lineage(aid), aid))
        key = outlet_key((outlets or {}).get(aid))
        if key:
            sets.merge(aid, first_of_outlet.setdefault(key, aid))
    least = {m: min(subset) for subset in sets.subsets() for m in subset}
    return {aid: least[aid] for aid in ids}


def outlet_key(outlet: str | None, url: str | None = None) -> str | None:
    """The name one outlet goes by: its name as given, else its web host ("www." dropped, case
    folded); ``None`` when neither is known (an unknown outlet never merges with another)."""
    if outlet and outlet.strip():
        return outlet.strip().casefold().removeprefix("www.")
    return web_host(url)
