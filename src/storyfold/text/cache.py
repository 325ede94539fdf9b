"""What a stage computes from a piece of text, cached by the text's content hash.

A story's coverage is mostly repetition: syndicated copies and lightly edited re-posts share most
of their paragraphs and sentences word for word. The heavy per-article work (the NER and parser
passes over each paragraph, the sentence embeddings) depends on nothing but the text it is given,
so each worker process keeps the results for its last ``size`` distinct texts and computes a text
it has already seen only once. Keys are 128-bit blake2b hashes of the UTF-8 text; what is cached
must not depend on anything else (offsets are kept relative to the text, article-specific facts
are joined in afterwards by the caller).
"""

from __future__ import annotations

import hashlib
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Generic, TypeVar

__all__ = ["CACHE_TEXTS", "TextCache", "cached_map", "text_key"]

CACHE_TEXTS = 20_000  # distinct texts a stage keeps per process (paragraphs: ~100 bytes to a few KB each)

T = TypeVar("T")


def text_key(text: str) -> bytes:
    """The 128-bit content hash texts are cached by (here and in the store's vector cache)."""
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()


class TextCache(Generic[T]):
    """The results for the last ``size`` distinct texts (least recently used go first)."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.hits = 0
        self.misses = 0
        self._rows: OrderedDict[bytes, T] = OrderedDict()

    key = staticmethod(text_key)

    def __len__(self) -> int:
        return len(self._rows)

    def get(self, text: str) -> T | None:
        k = self.key(text)
        row = self._rows.get(k)
        if row is not None:
            self._rows.move_to_end(k)
        return row

    def put(self, text: str, row: T) -> None:
        k = self.key(text)
        self._rows[k] = row
        self._rows.move_to_end(k)
        while len(self._rows) > self.size:
            self._rows.popitem(last=False)


def cached_map(texts: Sequence[str], compute: Callable[[list[str]], Iterable[T]], cache: TextCache[T] | None = None) -> list[T]:
    """``compute``'s result for each of ``texts``, in order. ``compute`` gets the distinct texts
    that ``cache`` does not hold, in one call (so it can batch them), and returns one result per
    text, in the same order; each distinct text is computed at most once per call."""
    found: dict[str, T] = {}
    todo: list[str] = []
    for t in dict.fromkeys(texts):
        hit = cache.get(t) if cache is not None else None
        if hit is not None:
            found[t] = hit
        else:
            todo.append(t)
    if cache is not None:
        cache.hits += len(texts) - len(todo)
        cache.misses += len(todo)
    if todo:
        results = list(compute(todo))
        if len(results) != len(todo):
            raise ValueError(f"compute returned {len(results)} results for {len(todo)} texts")
        for t, row in zip(todo, results, strict=True):
            found[t] = row
            if cache is not None:
                cache.put(t, row)
    return [found[t] for t in texts]
