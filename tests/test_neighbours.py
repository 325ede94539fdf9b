"""Bounded top-k search: the same neighbours as a full similarity matrix, whatever the chunking."""

from __future__ import annotations

import numpy as np

from storyfold.stages.copies.neighbours import top_k_neighbours


def _unit(rows: int, dim: int = 32, seed: int = 3) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(rows, dim)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_top_k_equals_the_full_matrix_under_any_budget() -> None:
    pool = _unit(500)
    queries = list(range(0, 500, 9))
    full = pool[queries] @ pool.T
    full[np.arange(len(queries)), queries] = -np.inf
    want = {(q, int(j)) for r, q in enumerate(queries) for j in np.argsort(-full[r])[:4] if full[r, j] >= 0.1}
    for budget in (1 << 22, 700, 10):  # one chunk, several, one column at a time (at least k)
        got = top_k_neighbours(pool, queries, 4, 0.1, budget=budget)
        assert {(q, j) for q, j, _ in got} == want
        assert all(q != j and s >= 0.1 for q, j, s in got)
    # half precision pool (how the stage keeps stored vectors) finds the same rows
    assert {(q, j) for q, j, _ in top_k_neighbours(pool.astype(np.float16), queries, 4, 0.1)} == want


def test_top_k_respects_k_and_the_floor() -> None:
    pool = _unit(50)
    got = top_k_neighbours(pool, [0, 1], 3, -1.0)
    assert sorted(q for q, _, _ in got) == [0, 0, 0, 1, 1, 1]
    assert top_k_neighbours(pool, [0], 3, 1.01) == []
    assert top_k_neighbours(pool[:1], [0], 3, -1.0) == []
