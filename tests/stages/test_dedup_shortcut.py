"""The dedup stage decides a pair of which one article is made of the other's sentences without
embedding (``contained_rewrite``). Its relations must be exactly those of the embedding path, on
real articles edited the way re-posts are (paragraphs dropped, moved), in both date orders."""

from __future__ import annotations

import dataclasses
import datetime as dt
import random

import pytest
from seed_inputs import seed_articles

from storyfold.records import Article
from storyfold.stages.clean import clean_text
from storyfold.stages.copies.dedup import contained_rewrite, find_relations
from storyfold.text.embed import load_embedder
from storyfold.text.nlp import paragraphs


class _Counting:
    def __init__(self) -> None:
        self.model = load_embedder()
        self.texts = 0

    def encode(self, texts):
        self.texts += len(texts)
        return self.model.encode(texts)


def _edited(art: Article, rng: random.Random, n: int, published: dt.date | None) -> Article:
    paras = [art.text[a:b] for a, b in paragraphs(art.text)]
    keep = sorted(rng.sample(range(1, len(paras)), len(paras) // 2))  # an excerpt: about half, in order
    paras = [paras[0]] + [paras[k] for k in keep]
    i, j = rng.sample(range(len(paras)), 2)
    if n % 2:
        paras[i], paras[j] = paras[j], paras[i]
    return dataclasses.replace(art, id=f"{art.id}-e{n}", text="\n\n".join(paras), published=published)


def _seeds() -> dict[str, Article]:
    """The seeds as the fold stores them: cleaned."""
    return {k: dataclasses.replace(a, text=clean_text(a.text)[0]) for k, a in seed_articles().items()}


def _corpus() -> list[Article]:
    seeds = _seeds()
    rng = random.Random(3)
    out = list(seeds.values())
    for aid in ("001", "003"):
        src = seeds[aid]
        for n in range(4):
            # undated, dated after the source, and dated before it (the shortcut must not apply then)
            when = (None, src.published and src.published + dt.timedelta(days=1),
                    src.published and src.published - dt.timedelta(days=1), src.published)[n]
            out.append(_edited(src, rng, n, when))
    return out


@pytest.mark.slow
def test_the_shortcut_gives_the_embedding_paths_relations() -> None:
    corpus = _corpus()
    fast, slow = _Counting(), _Counting()
    with_shortcut = find_relations(corpus, embedder=lambda: fast)
    without = find_relations(corpus, embedder=lambda: slow, verbatim_shortcut=False)
    assert with_shortcut == without
    assert ("001", "000", "rewrite") in {(r.a, r.b, r.kind.value) for r in with_shortcut}  # untouched
    assert not {(r.a, r.b) for r in with_shortcut} & {("002", "003"), ("002", "004"), ("003", "004")}
    rewrites = [r for r in with_shortcut if r.kind.value == "rewrite" and "-e" in r.a + r.b]
    assert len(rewrites) >= 3, with_shortcut  # excerpts past the near-duplicate threshold: the rewrite pass
    # a source and one excerpt of it: no sentence embedded, only the two document vectors
    pair = [a for a in corpus if a.id in ("001", "001-e0")]
    fast, slow = _Counting(), _Counting()
    assert find_relations(pair, embedder=lambda: fast) == find_relations(pair, embedder=lambda: slow, verbatim_shortcut=False)
    assert fast.texts == len(pair) < slow.texts


def test_the_shortcut_declines_when_the_derived_article_is_the_earlier_one() -> None:
    src = _seeds()["001"]
    copy = _edited(src, random.Random(1), 0, src.published - dt.timedelta(days=1))
    from storyfold.stages.copies.rewrite import profile

    assert contained_rewrite(src, copy, profile(src.id, src.text), profile(copy.id, copy.text), 0.5) is None
    later = dataclasses.replace(copy, published=src.published + dt.timedelta(days=1))
    rel = contained_rewrite(src, later, profile(src.id, src.text), profile(later.id, later.text), 0.5)
    assert rel is not None and (rel.a, rel.b) == (src.id, later.id)
    assert rel.aligned and all(p.similarity == 1.0 for p in rel.aligned)
    for p in rel.aligned:
        assert src.text[p.a_start : p.a_end] == later.text[p.b_start : p.b_end]
