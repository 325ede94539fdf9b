"""Per-article stage ``doc_vector``: what story and event clustering need of one article.

Computed once per article and cached by the pipeline (the stage is an :class:`ArticleStage`), so
folding new articles into a database embeds only the new ones. Each article gets:

* a sentence embedding of its headline and lead (the offline MiniLM of :mod:`storyfold.text.embed`),
  stored as float16 (cosine drift < 1e-3, a quarter of the JSON size of floats);
* counts of its salient terms for TF-IDF: content words, names (capitalised words not opening a
  sentence, and runs of them as one term) counted double, and years.
"""

from __future__ import annotations

import base64
import re
from collections import Counter
from collections.abc import Sequence
from functools import cache
from typing import Any

import numpy as np

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, DocVector
from storyfold.text.cache import CACHE_TEXTS, TextCache, cached_map
from storyfold.text.embed import MODEL, load_embedder
from storyfold.text.gazetteer import without_possessive

__all__ = ["EMBED_CHARS", "DocVectorStage", "decode_vector", "encode_vector", "salient_terms"]

EMBED_CHARS = 1200  # headline + lead: MiniLM reads 256 word pieces at most
TERM_CHARS = 8000  # terms come from the first part of long articles
MAX_TERMS = 300
NAME_WEIGHT = 2

_TOKEN = re.compile(r"[A-Za-z][A-Za-z'’\-]*[A-Za-z]|\b(?:1[89]|20)\d\d\b")
_SENTENCE_END = set(".!?:;\n\"“”«»")
_EXTRA_STOP = frozenset(
    "said says say told tell according also would could just like new one two three year years "
    "time times day days week weeks month months monday tuesday wednesday thursday friday saturday "
    "sunday mr mrs ms dr reported reports report people including news".split()
)


@cache
def _stop_words() -> frozenset[str]:
    """scikit-learn's English stop words and ours (imported at the first use: importing
    scikit-learn costs a fold with nothing to embed about a second)."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS) | _EXTRA_STOP


def salient_terms(text: str, limit: int = MAX_TERMS) -> tuple[tuple[str, int], ...]:
    """``((term, weight), ...)``, heaviest first: content words once, names (and runs of capitalised
    words, joined with ``_``) ``NAME_WEIGHT`` times, years as terms."""
    stop = _stop_words()
    counts: Counter[str] = Counter()
    run: list[str] = []
    prev_end = 0
    first = True

    def close_run() -> None:
        if len(run) > 1:
            counts["_".join(run)] += NAME_WEIGHT
        run.clear()

    for m in _TOKEN.finditer(text):
        word = without_possessive(m.group())
        gap = text[prev_end : m.start()]
        prev_end = m.end()
        initial = first or any(c in _SENTENCE_END for c in gap)
        first = False
        if gap.strip(" \t-'’"):  # punctuation between words ends a name run
            close_run()
        lower = word.lower()
        if word[0].isdigit():
            close_run()
            counts[word] += NAME_WEIGHT
            continue
        if lower in stop or len(lower) < 3:
            close_run()
            continue
        if word[0].isupper() and not initial:
            counts[lower] += NAME_WEIGHT
            run.append(lower)
        else:
            close_run()
            counts[lower] += 1
    close_run()
    return tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:limit])


def encode_vector(vector: Any) -> str:
    return base64.b64encode(np.asarray(vector, dtype="<f2").tobytes()).decode("ascii")


def decode_vector(text: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(text), dtype="<f2").astype(np.float32)


def embed_text(article: Article) -> str:
    head = f"{article.title}\n" if article.title else ""
    return (head + article.text)[:EMBED_CHARS]


class DocVectorStage(ArticleStage):
    name = "doc_vector"
    version = "1"
    provides = {"doc_vectors": DocVector}
    model = MODEL

    def setup(self, ctx: Context) -> None:
        ctx.resource(f"embedder:{self.model}", lambda: load_embedder(self.model))

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        return self.process_batch([article], [inputs], ctx)[0]

    def process_batch(self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context) -> list[Outputs]:
        embedder = ctx.resource(f"embedder:{self.model}", lambda: load_embedder(self.model))
        cache = ctx.resource(f"doc_vector:cache:{self.model}", lambda: TextCache(CACHE_TEXTS))
        vectors = cached_map([embed_text(a) for a in articles], embedder.encode, cache)
        out: list[Outputs] = []
        for article, vector in zip(articles, vectors, strict=True):
            head = f"{article.title}\n" if article.title else ""
            record = DocVector(
                article_id=article.id,
                model=self.model,
                vector=encode_vector(vector),
                terms=salient_terms(head + article.text[:TERM_CHARS]),
            )
            out.append({"doc_vectors": (record,)})
        return out
