"""The window that bounds quote merging: every close pair within the window is found, none is
found twice, and nothing beyond two windows is compared."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.stages.quotes.quote_merge import _close_pairs


def _unit(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


@settings(max_examples=60, deadline=None)
@given(st.integers(1, 60), st.integers(1, 70), st.integers(0, 10_000))
def test_window_bounds_the_comparisons_and_keeps_every_near_pair(n, window, seed):
    vectors = _unit(n, seed)
    floor = 0.2
    got = _close_pairs(vectors, floor, window)
    keys = [(x, y) for x, y, _ in got]
    assert len(keys) == len(set(keys)) and all(x < y for x, y in keys)
    assert all(y - x < 2 * window for x, y in keys)
    sims = vectors @ vectors.T
    expected = {(x, y) for x in range(n) for y in range(x + 1, n) if sims[x, y] >= floor}
    assert set(keys) <= expected
    assert {(x, y) for x, y in expected if y - x <= window} <= set(keys)
    if window >= n:
        assert set(keys) == expected
