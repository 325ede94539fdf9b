"""Per-article stage ``claim_vectors``: the sentence embeddings the reconcile stage compares claims by.

Reconciliation compares claim mentions by the cosine of their MiniLM embeddings. Embedding them in
the corpus stage meant embedding every claim of the corpus again at every fold; here each
article's compared mentions (:func:`compared`) are embedded once, in the worker pool, and cached
by the pipeline per article and stage version, so a fold embeds only its new articles' claims.

Vectors are stored like :class:`~storyfold.records.DocVector`'s: float16, base64 (cosine drift
under 1e-3; the reconcile stage renormalises after decoding). Copies repeat the same sentences,
so each worker keeps the vectors of its last ``CACHE_TEXTS`` distinct texts (keyed by a 128-bit
hash of the text, about 1 KB a text) and embeds a text it has seen only once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from storyfold.embed import embed_unique, load_embedder
from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, ClaimMention, ClaimVectors
from storyfold.stages.doc_vector import decode_vector, encode_vector
from storyfold.textcache import CACHE_TEXTS, TextCache

__all__ = ["MIN_CLAIM_CHARS", "ClaimVectorsStage", "compared", "decode_rows"]

MIN_CLAIM_CHARS = 30  # shorter claim texts (and claims without a subject) are not compared
MODEL = "all-MiniLM-L6-v2"


def compared(m: ClaimMention) -> bool:
    """Whether reconciliation compares this mention (it has a subject and 30+ characters)."""
    return bool(m.subject) and len(m.text) >= MIN_CLAIM_CHARS


def decode_rows(record: ClaimVectors) -> np.ndarray:
    """The record's vectors as a float32 array (one row per span), rows renormalised."""
    if not record.spans:
        return np.zeros((0, record.dim), dtype=np.float32)
    rows = decode_vector(record.vectors).reshape(len(record.spans), record.dim)
    norms = np.linalg.norm(rows, axis=1, keepdims=True)
    return rows / np.where(norms > 0, norms, 1.0)


class ClaimVectorsStage(ArticleStage):
    """One :class:`ClaimVectors` per article: the embeddings of its compared claim mentions."""

    name = "claim_vectors"
    version = "1"
    requires: ClassVar[tuple[str, ...]] = ("claim_mentions",)
    provides: ClassVar[Mapping[str, type]] = {"claim_vectors": ClaimVectors}
    model = MODEL

    def _embedder(self, ctx: Context) -> Any:
        return ctx.resource(f"embedder:{self.model}", lambda: load_embedder(self.model))

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        return self.process_batch([article], [inputs], ctx)[0]

    def process_batch(self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context) -> list[Outputs]:
        per_article = [[m for m in i.get("claim_mentions", ()) if compared(m)] for i in inputs]
        texts = [m.text for ms in per_article for m in ms]
        if texts:
            cache = ctx.resource(f"claim_vectors:cache:{self.model}", lambda: TextCache(CACHE_TEXTS))
            vectors = embed_unique(texts, self._embedder(ctx).encode, cache)
            dim = int(vectors.shape[1])
        else:
            vectors, dim = np.zeros((0, 0), dtype=np.float32), 0
        out: list[Outputs] = []
        at = 0
        for article, ms in zip(articles, per_article, strict=True):
            rows = vectors[at : at + len(ms)]
            at += len(ms)
            record = ClaimVectors(
                article_id=article.id,
                model=self.model,
                dim=dim if ms else 0,
                spans=tuple((m.start, m.end) for m in ms),
                vectors=encode_vector(rows.reshape(-1)) if ms else "",
            )
            out.append({"claim_vectors": (record,)})
        return out

