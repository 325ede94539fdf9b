"""The content-hash cache the heavy per-article stages share (storyfold.text.cache)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.text.cache import TextCache, cached_map


def test_each_distinct_text_is_computed_once_in_one_batch_in_order() -> None:
    calls: list[list[str]] = []

    def compute(texts: list[str]) -> list[int]:
        calls.append(texts)
        return [len(t) for t in texts]

    cache: TextCache[int] = TextCache(10)
    assert cached_map(["bb", "a", "bb", "ccc"], compute, cache) == [2, 1, 2, 3]
    assert calls == [["bb", "a", "ccc"]]
    assert cached_map(["ccc", "dddd", "a"], compute, cache) == [3, 4, 1]
    assert calls[-1] == ["dddd"] and (cache.hits, cache.misses) == (3, 4)


def test_the_least_recently_used_text_goes_first() -> None:
    cache: TextCache[int] = TextCache(2)
    cached_map(["a", "b"], lambda ts: [1 for _ in ts], cache)
    cached_map(["a"], lambda ts: [1 for _ in ts], cache)  # "a" used again: "b" is now the oldest
    cached_map(["c"], lambda ts: [1 for _ in ts], cache)
    assert len(cache) == 2 and cache.get("b") is None and cache.get("a") == 1 and cache.get("c") == 1


def test_an_empty_result_is_cached_too_and_a_short_answer_is_refused() -> None:
    cache: TextCache[tuple[int, ...]] = TextCache(4)
    cached_map(["x"], lambda ts: [() for _ in ts], cache)
    assert cached_map(["x"], lambda ts: pytest.fail("recomputed"), cache) == [()]
    with pytest.raises(ValueError, match="1 results for 2 texts"):
        cached_map(["p", "q"], lambda ts: [0], cache)


@given(st.lists(st.text(max_size=6), max_size=30), st.integers(min_value=1, max_value=5))
def test_cached_equals_uncached(texts: list[str], size: int) -> None:
    cache: TextCache[str] = TextCache(size)
    first = cached_map(texts[: len(texts) // 2], lambda ts: [t[::-1] for t in ts], cache)
    assert first == [t[::-1] for t in texts[: len(texts) // 2]]
    assert cached_map(texts, lambda ts: [t[::-1] for t in ts], cache) == [t[::-1] for t in texts]
    assert len(cache) <= size
