"""Entities merged across the five seed articles: one entity per real referent.

The expected groups come from reading the articles: the same person, country or organisation
under every name the outlets give it.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.records import EntityType
from storyfold.stages.entities.entity_merge import _Union, entity_index, merge_entities


@pytest.fixture(scope="module")
def entities(seed_articles, seed_mentions):
    texts = {a.id: a.text for a in seed_articles.values()}
    return merge_entities(texts, {seed_articles[k].id: ms for k, ms in seed_mentions.items()})


def _owner(entities, seed_articles, key, text, context=None):
    """The entity holding the mention of ``text`` (first found inside ``context``) in article ``key``."""
    article = seed_articles[key]
    base = article.text.index(context) if context else 0
    pos = re.compile(r"(?<!\w)" + re.escape(text) + r"(?!\w)").search(article.text, base).start()
    owners = [e for e in entities for ev in e.mentions if ev.article_id == article.id and ev.start <= pos < ev.end]
    assert len(owners) == 1, (key, text, [e.name for e in owners])
    return owners[0]


# (article, written form, context) for each referent: all must land on one entity of that type.
REFERENTS = {
    "Shigeru Ishiba": (
        EntityType.PERSON,
        [("002", "Ishiba Shigeru", None), ("002", "Ishiba", "Ishiba said"), ("003", "Shigeru Ishiba", None),
         ("003", "Ishiba", "Ishiba remarked"), ("004", "Shigeru Ishiba", None), ("004", "Ishiba", "Prime Minister Ishiba,"),
         ("004", "the prime minister", "the prime minister's office")],
    ),
    "Volodymyr Zelensky": (
        EntityType.PERSON,
        [("002", "Volodymyr Zelensky", None), ("003", "Volodymyr Zelensky", None), ("004", "Volodymyr Zelenskyy", None)],
    ),
    "NATO": (
        EntityType.ORGANISATION,
        [("000", "NATO", "NATO effort"), ("000", "NATO", "Non-NATO"), ("001", "Nato", None),
         ("002", "North Atlantic Treaty Organization", None), ("002", "NATO", "(NATO)"), ("003", "NATO", None),
         ("004", "NATO", None)],
    ),
    "Keir Starmer": (
        EntityType.PERSON,
        [("000", "Keir Starmer", None), ("001", "Keir Starmer", "Sir Keir Starmer"), ("002", "Keir Starmer", None),
         ("002", "the British Prime Minister", None), ("001", "the Prime Minister", "the Prime Minister said"),
         ("001", "the Prime Minister", "where the Prime Minister and the UK")],
    ),
    "Mark Rutte": (
        EntityType.PERSON,
        [("002", "Mark Rutte", None), ("002", "Rutte", "Rutte said"), ("003", "Mark Rutte", None), ("004", "Mark Rutte", None)],
    ),
    "Donald Trump": (
        EntityType.PERSON,
        [("001", "Trump", None), ("002", "Donald Trump", None), ("002", "Trump", "President Trump emphatically"),
         ("003", "Donald Trump", None), ("003", "Trump", "Trump added"), ("004", "Donald Trump", None)],
    ),
    "Alexander Stubb": (EntityType.PERSON, [("000", "Alexander Stubb", None), ("001", "Alexander Stubb", None)]),
    "Peter Ricketts": (EntityType.PERSON, [("000", "Peter Ricketts", None), ("001", "Peter Ricketts", None)]),
    "John Healey": (
        EntityType.PERSON,
        [("000", "John Healey", None), ("001", "John Healey", None), ("001", "Healey", "Tuesday Healey")],
    ),
    "Wes Streeting": (EntityType.PERSON, [("001", "Wes Streeting", None), ("001", "Streeting", "Streeting told")]),
    "Vladimir Putin": (
        EntityType.PERSON,
        [("000", "Vladimir Putin", None), ("001", "Vladimir Putin", None), ("003", "Putin", "with Putin")],
    ),
    "United Kingdom": (
        EntityType.PLACE,
        [("000", "UK", None), ("001", "UK", "with the UK."), ("002", "United Kingdom", None), ("003", "U.K.", None)],
    ),
    "United States": (
        EntityType.PLACE,
        [("000", "US", "US support"), ("001", "US", "the US continues"), ("002", "America", None),
         ("003", "United States", None), ("003", "U.S.", "U.S. President"), ("004", "U.S.", None)],
    ),
    "Japan": (EntityType.PLACE, [(k, "Japan", None) for k in ("000", "001", "002", "003", "004")]),
    "Kyiv": (EntityType.PLACE, [("000", "Kyiv", None), ("001", "Kyiv", None), ("003", "Kyiv", None)]),
    "Tokyo": (EntityType.PLACE, [("001", "Tokyo", "the Tokyo government"), ("002", "Tokyo", None), ("004", "Tokyo", None)]),
    "Russia": (EntityType.PLACE, [(k, "Russia", None) for k in ("000", "001", "002", "003", "004")]),
}


@pytest.mark.parametrize("name", sorted(REFERENTS))
def test_one_entity_per_referent(entities, seed_articles, name):
    type_, forms = REFERENTS[name]
    owners = {_owner(entities, seed_articles, key, text, ctx).id for key, text, ctx in forms}
    assert len(owners) == 1, name
    entity = next(e for e in entities if e.id in owners)
    assert entity.name == name
    assert entity.type is type_


def test_different_referents_stay_apart(entities):
    ids = {name: next(e.id for e in entities if e.name == name) for name in REFERENTS}
    assert len(set(ids.values())) == len(REFERENTS)
    by_name = {e.name: e for e in entities}
    # Stubb is also a prime minister in 001: "the Prime Minister" there is Starmer.
    assert not any("Prime Minister" in a for a in by_name["Alexander Stubb"].aliases)


def test_each_name_form_belongs_to_one_entity(entities):
    seen: dict[str, str] = {}
    for e in entities:
        for form in (e.name, *e.aliases):
            assert seen.setdefault(form, e.id) == e.id, form


def test_evidence_spans_quote_the_article(entities, seed_articles):
    texts = {a.id: a.text for a in seed_articles.values()}
    for e in entities:
        assert e.mentions
        assert set(e.article_ids) == {ev.article_id for ev in e.mentions}
        for ev in e.mentions:
            assert texts[ev.article_id][ev.start : ev.end] == ev.text


def test_ids_are_stable_and_unique(entities, seed_articles, seed_mentions):
    again = merge_entities(
        {a.id: a.text for a in seed_articles.values()}, {seed_articles[k].id: ms for k, ms in seed_mentions.items()}
    )
    assert [e.id for e in again] == [e.id for e in entities]
    assert len({e.id for e in entities}) == len(entities)


def test_index_maps_every_mention(entities):
    index = entity_index(entities)
    assert len(index) == sum(len(e.mentions) for e in entities)


# what the merge joins: mention refs (article id, index) and name keys
_MEMBERS = st.one_of(
    st.tuples(st.sampled_from(["0a", "9f", "ab", "ab1"]), st.integers(0, 12)),
    st.tuples(st.just("key"), st.sampled_from(["nato", "us", "united states"])),
    st.sampled_from([("person", frozenset({"joe", "biden"})), ("person", frozenset({"biden"}))]),
)


@given(st.lists(st.tuples(_MEMBERS, _MEMBERS), max_size=30))
def test_each_group_goes_by_its_least_member(pairs: list[tuple[object, object]]) -> None:
    # the name of a group depends on its members only, never on the order of the merges
    uf = _Union()
    groups: list[set[object]] = []
    for a, b in pairs:
        uf.union(a, b)
        ga = next((g for g in groups if a in g), None) or {a}
        gb = next((g for g in groups if b in g), None) or {b}
        groups = [g for g in groups if g is not ga and g is not gb] + [ga | gb]
        for g in groups:
            assert {uf.find(m) for m in g} == {min(g, key=str)}


def test_a_forums_names_by_its_number_are_one_entity():
    # AllSides roundups 5958 and 5961 (outlet bodies): one forum under four names; "G20" is another
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    texts = {"a": "Group of Seven (G-7) leaders on Sunday called for an investigation.",
             "b": "The Group of 7 wealthy nations on Friday pledged to deliver more than 1 billion doses.",
             "c": "The G7 and the G20 met."}
    mentions = {k: fix_mentions(Article(id=k, source=k, text=t), []) for k, t in texts.items()}
    got = sorted((e.name, tuple(sorted(e.aliases))) for e in merge_entities(texts, mentions))
    assert len(got) == 2
    assert {n for name, aliases in got for n in (name, *aliases)} == {"G-7", "G7", "Group of 7", "Group of Seven", "G20"}
    assert ("G20", ()) in got
