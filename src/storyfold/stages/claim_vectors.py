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

import hashlib
from collections import OrderedDict
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar

import numpy as np

from storyfold.embed import load_embedder
from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, ClaimMention, ClaimVectors
from storyfold.stages.doc_vector import decode_vector, encode_vector

__all__ = ["CACHE_TEXTS", "MIN_CLAIM_CHARS", "ClaimVectorsStage", "compared", "decode_rows", "embed_unique"]

MIN_CLAIM_CHARS = 30  # shorter claim texts (and claims without a subject) are not compared
CACHE_TEXTS = 20_000
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


class _TextCache:
    """The vectors of the last ``size`` distinct texts embedded (least recently used go first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._rows: OrderedDict[bytes, np.ndarray] = OrderedDict()

    @staticmethod
    def key(text: str) -> bytes:
        return hashlib.blake2b(text.encode("utf-8"), digest_size=16).digest()

    def get(self, text: str) -> np.ndarray | None:
        k = self.key(text)
        row = self._rows.get(k)
        if row is not None:
            self._rows.move_to_end(k)
        return row

    def put(self, text: str, row: np.ndarray) -> None:
        self._rows[self.key(text)] = row
        while len(self._rows) > self.size:
            self._rows.popitem(last=False)


def embed_unique(texts: Sequence[str], encode: Any, cache: _TextCache | None = None) -> np.ndarray:
    """Vectors of ``texts`` (float32, one row each), each distinct text embedded once (and not at
    all when ``cache`` has it)."""
    rows: dict[str, np.ndarray] = {}
    todo = []
    for t in dict.fromkeys(texts):
        hit = cache.get(t) if cache is not None else None
        if hit is not None:
            rows[t] = hit
        else:
            todo.append(t)
    if todo:
        for t, row in zip(todo, np.asarray(encode(todo), dtype=np.float32), strict=True):
            rows[t] = row
            if cache is not None:
                cache.put(t, row)
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    return np.stack([rows[t] for t in texts]).astype(np.float32, copy=False)


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
            cache = ctx.resource("claim_vectors:cache", lambda: _TextCache(CACHE_TEXTS))
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

