"""Events through the whole cluster stage: the date gate never chains, figures and publication
days cost what the identity model says, another town never shares an event where a conflict is a
cannot-link, and an incremental fold gives a story that took new articles the events a fold of
everything at once gives."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from typing import Any

import numpy as np

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, DocVector, EntityMention, EntityType
from storyfold.stages.cluster.cluster import ClusterStage
from storyfold.stages.cluster.doc_vector import encode_vector
from storyfold.stages.cluster.identity import IdentityModel, identity_of

_VECTOR = encode_vector(np.ones(8) / np.sqrt(8))
_TERMS = (("shooting", 2), ("gunman", 1), ("police", 1), ("victims", 1))


class _Corpus:
    """What :class:`ClusterStage` reads of a corpus, in memory: articles, their doc vectors and
    place mentions (every occurrence of each name given), and earlier output."""

    def __init__(self, articles: list[Article], places: Mapping[str, tuple[str, ...]],
                 earlier: Mapping[str, tuple[Any, ...]] | None = None) -> None:
        self._articles, self._earlier = articles, earlier or {}
        self._vectors = {a.id: (DocVector(article_id=a.id, model="m", vector=_VECTOR, terms=_TERMS),) for a in articles}
        self._entities = {
            a.id: tuple(
                EntityMention(text=name, type=EntityType.PLACE, article_id=a.id, start=m.start(), end=m.end(), label="GPE")
                for name in places.get(a.id, ())
                for m in re.finditer(re.escape(name), a.text)
            )
            for a in articles
        }
        self.new_article_ids = frozenset(a.id for a in articles) - {i for r in self._earlier.get("events", ())
                                                                    for i in r.article_ids}

    def articles(self) -> Iterator[Article]:
        return iter(self._articles)

    def annotations(self, kind: str) -> Mapping[str, tuple[Any, ...]]:
        return {"doc_vectors": self._vectors, "entity_mentions": self._entities}.get(kind, {})

    def outputs(self, kind: str) -> tuple[Any, ...]:
        return self._earlier.get(kind, ())

    def has(self, kind: str) -> bool:
        return kind in ("doc_vectors", "entity_mentions", "stories", "events")


def _article(aid: str, text: str, day: int) -> Article:
    return Article(id=aid, source=f"{aid}.txt", text=text, published=dt.date(2014, 3, 1) + dt.timedelta(days=day))


def _events(out: Mapping[str, tuple[Any, ...]]) -> list[set[str]]:
    return [set(e.article_ids) for e in out["events"]]


def test_two_articles_more_than_the_window_apart_never_share_an_event_even_through_others() -> None:
    # Identical words and vectors every four days: a gate against the group's range would chain them.
    text = "A gunman opened fire outside the station. Police said the victims were taken to hospital."
    arts = [_article(f"a{k}", text, 4 * k) for k in range(5)]
    out = ClusterStage().process(_Corpus(arts, {}), Context(settings=load_settings()))
    assert len(out["stories"]) == 1
    day = {a.id: a.published for a in arts}
    for members in _events(out):
        dates = [day[i] for i in members]
        assert (max(dates) - min(dates)).days <= 7
    assert all(len(m) <= 2 for m in _events(out))


def test_an_incremental_fold_clusters_a_touched_storys_events_as_one_fold_would() -> None:
    dayton = "A gunman shot two men dead in Dayton on Saturday. Police in Dayton said the victims were brothers."
    first = [_article("d1", dayton, 0), _article("d2", dayton.replace("brothers", "cousins"), 0)]
    places = {"d1": ("Dayton",), "d2": ("Dayton",), "t1": ("Toledo",), "d3": ("Dayton",)}
    toledo = _article("t1", "A gunman shot two men dead in Toledo on Saturday. Police in Toledo said the victims were brothers.", 1)
    later = _article("d3", "Police in Dayton named the two men shot dead on Saturday; the victims were brothers.", 1)
    everything = [*first, toledo, later]
    for model in (IdentityModel(), IdentityModel(penalty=float("inf"))):
        stage = ClusterStage(model)
        ctx = Context(settings=load_settings())
        earlier = stage.process(_Corpus(first, places), ctx)
        assert _events(earlier) == [{"d1", "d2"}]
        out = stage.process(_Corpus(everything, places, earlier), ctx)
        at_once = stage.process(_Corpus(everything, places), ctx)
        assert sorted(map(sorted, _events(out))) == sorted(map(sorted, _events(at_once)))  # arrival order does not matter
        assert [e.id for e in out["events"]] == [e.id for e in at_once["events"]]
        assert len(out["stories"]) == 1
    # Where a conflict is a cannot-link, another town never shares the event, however alike the words.
    assert sorted(map(sorted, _events(out))) == [["d1", "d2", "d3"], ["t1"]]


def test_figures_none_of_which_the_other_gives_disagree() -> None:
    from storyfold.records import Quantity
    from storyfold.stages.cluster.identity import relations

    def report(text: str, aid: str):
        found = [Quantity(text=m.group(), value=float(m.group()), unit=None, article_id=aid, start=m.start(), end=m.end())
                 for m in re.finditer(r"\d+(?:\.\d+)?", text)]
        return identity_of(text, (), (), IdentityModel(), quantities=found)

    a = report("A 5.6 magnitude quake hit the island, injuring 5 people.", "a")
    b = report("A 5.9 magnitude quake hit the island, killing 10 people.", "b")
    c = report("Five were hurt when the 5.6 quake struck; 5 remain in hospital.", "c")
    rel = relations([a, b, c], 7)
    assert rel["figure_conflict"][0, 1] and not rel["figure_shared"][0, 1]
    assert rel["figure_shared"][0, 2] and not rel["figure_conflict"][0, 2]


def test_the_day_cost_splits_reports_published_days_apart() -> None:
    text = "A gunman opened fire outside the station. Police said the victims were taken to hospital."
    arts = [_article("a0", text, 0), _article("a1", text, 0), _article("a2", text, 5)]
    ctx = Context(settings=load_settings())
    assert _events(ClusterStage(IdentityModel(day_cost=0.0)).process(_Corpus(arts, {}), ctx)) == [{"a0", "a1", "a2"}]
    costly = _events(ClusterStage(IdentityModel(day_cost=1.0)).process(_Corpus(arts, {}), ctx))
    assert sorted(costly, key=len) == [{"a2"}, {"a0", "a1"}]
