"""Lineages and independent-source counting (pure functions over relations and articles)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.records import Article, Relation, RelationKind
from storyfold.stages.copies.lineage import build_lineages, independent_sources, source_of


def _article(aid: str, outlet: str | None = None, published: dt.date | None = None) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=f"text of {aid}", outlet=outlet, published=published)


def _rel(a: str, b: str, kind: RelationKind = RelationKind.REWRITE) -> Relation:
    return Relation(a=a, b=b, kind=kind, similarity=0.9)


ARTICLES = [
    _article("wire", outlet="Reuters", published=dt.date(2025, 3, 17)),
    _article("copy1", outlet="Daily A"),
    _article("copy2", outlet="Daily B"),
    _article("rewrite_of_copy1"),
    _article("independent", outlet="Daily A"),
    _article("other"),
]
RELATIONS = [
    _rel("wire", "copy1", RelationKind.EXACT),
    _rel("wire", "copy2", RelationKind.NEAR_DUPLICATE),
    _rel("copy1", "rewrite_of_copy1"),
]


def test_lineage_is_transitive_and_rooted_at_the_original() -> None:
    lin = build_lineages(RELATIONS, ARTICLES)
    family = {"wire", "copy1", "copy2", "rewrite_of_copy1"}
    assert len({lin.of[a] for a in family}) == 1
    assert lin.of["independent"] != lin.of["wire"] != lin.of["other"]
    (record,) = [r for r in lin.records if r.id == lin.of["wire"]]
    assert record.root == "wire"
    assert set(record.article_ids) == family
    assert record.outlets == ("daily a", "daily b", "reuters")
    assert len(lin.records) == 3


def test_lineage_ids_do_not_depend_on_input_order() -> None:
    one = build_lineages(RELATIONS, ARTICLES)
    two = build_lineages(list(reversed(RELATIONS)), list(reversed(ARTICLES)))
    assert dict(one.of) == dict(two.of)
    assert one.records == two.records


def test_an_article_outside_every_relation_is_its_own_lineage() -> None:
    lin = build_lineages([], ARTICLES[:2])
    assert lin.of["wire"] != lin.of["copy1"]
    assert lin.lineage("never-seen") == lin.lineage("never-seen") != lin.lineage("wire")


@pytest.mark.parametrize(
    ("ids", "expected"),
    [
        ({"wire", "copy1", "copy2", "rewrite_of_copy1"}, 1),  # five copies of one article: one source
        ({"wire", "other"}, 2),
        ({"copy2", "other", "independent"}, 3),
        ({"copy1", "independent"}, 1),  # same outlet (Daily A) twice counts once, across lineages
        ({"copy2", "independent", "other", "rewrite_of_copy1"}, 3),  # outlets only merge articles in the set
        ({"copy1", "copy2", "independent", "other"}, 2),  # independent joins copy1's lineage by outlet
        (set(), 0),
    ],
)
def test_independent_sources_counts_lineages_and_outlets(ids: set[str], expected: int) -> None:
    lin = build_lineages(RELATIONS, ARTICLES)
    outlets = {a.id: a.outlet for a in ARTICLES}
    assert independent_sources(ids, lin, outlets) == expected


def test_unknown_outlets_never_merge_and_outlets_are_optional() -> None:
    lin = build_lineages([], ARTICLES)
    assert independent_sources(["rewrite_of_copy1", "other"], lin, {"rewrite_of_copy1": None, "other": " "}) == 2
    assert independent_sources(["copy1", "independent"], lin) == 2
    assert independent_sources(["copy1", "independent"], lin, {"copy1": "www.Daily A", "independent": "daily a"}) == 1


def _components(nodes: list[str], edges: list[tuple[str, str]]) -> list[set[str]]:
    groups: list[set[str]] = [{n} for n in dict.fromkeys(nodes)]
    for a, b in edges:
        ga, gb = next(g for g in groups if a in g), next(g for g in groups if b in g)
        if ga is not gb:
            groups.remove(gb)
            ga |= gb
    return groups


IDS = st.sampled_from(["a1", "a2", "b1", "b2", "c", "d", "e"])


@given(st.lists(st.tuples(IDS, IDS), max_size=8), st.lists(IDS, max_size=7))
def test_lineages_are_the_connected_groups_rooted_at_an_underived_member(pairs: list[tuple[str, str]], extra: list[str]) -> None:
    articles = [_article(aid) for aid in dict.fromkeys(extra)]
    lin = build_lineages([_rel(a, b) for a, b in pairs], articles)
    groups = _components([a.id for a in articles] + [x for p in pairs for x in p], pairs)
    assert sorted(r.article_ids for r in lin.records) == sorted(tuple(sorted(g)) for g in groups)
    derived = {b for _, b in pairs}
    for r in lin.records:
        assert r.root == min((m for m in r.article_ids if m not in derived), default=min(r.article_ids))
        assert all(lin.of[m] == r.id for m in r.article_ids)
    assert [r.root for r in lin.records] == sorted(r.root for r in lin.records)


@given(st.dictionaries(IDS, st.tuples(st.sampled_from(["L1", "L2", "L3", "L4"]), st.sampled_from([None, "Daily A", "Daily B"]))))
def test_source_of_stands_each_group_for_its_least_article(by_id: dict[str, tuple[str, str | None]]) -> None:
    lineage = {aid: lin for aid, (lin, _) in by_id.items()}
    outlets = {aid: outlet for aid, (_, outlet) in by_id.items()}
    edges = [(a, b) for a in by_id for b in by_id
             if lineage[a] == lineage[b] or (outlets[a] is not None and outlets[a] == outlets[b])]
    expected = {aid: min(g) for g in _components(sorted(by_id), edges) for aid in g}
    got = source_of(by_id, lineage.__getitem__, outlets)
    assert list(got) == sorted(by_id)
    assert got == expected
