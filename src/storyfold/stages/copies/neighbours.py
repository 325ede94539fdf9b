"""Bounded nearest-neighbour search over normalised vectors: the top ``k`` rows for some query rows.

Used by the rewrite pass (:mod:`storyfold.stages.copies.dedup`) to find, for each new article, the few
stored articles worth aligning with it, from the document vectors the ``doc_vector`` stage caches
per article: nothing is fitted over the corpus, so a fold costs ``O(queries x n x dim)`` multiply-
adds and ``O(n x dim)`` half-precision floats for the pool plus at most ``budget`` float32 scores
of working memory, whatever ``n``.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["SCORE_BUDGET", "top_k_neighbours"]

SCORE_BUDGET = 1 << 22  # float32 scores held at once (16 MiB), whatever the pool size
QUERY_BLOCK = 1024


def top_k_neighbours(
    pool: np.ndarray,
    queries: Sequence[int],
    k: int,
    min_cosine: float,
    *,
    budget: int = SCORE_BUDGET,
) -> list[tuple[int, int, float]]:
    """``(query row, neighbour row, cosine)`` for each row in ``queries``: its at most ``k`` most
    similar *other* rows of ``pool`` (normalised, any float dtype) with cosine >= ``min_cosine``.

    The pool is scanned in column chunks so that at most ``budget`` scores exist at once; each
    chunk's scores are merged into a running top ``k`` per query (``argpartition``: linear in the
    chunk). Exact ties at the ``k``-th place are broken arbitrarily.
    """
    n = len(pool)
    q_all = np.asarray(list(queries), dtype=np.int64)
    out: list[tuple[int, int, float]] = []
    if n < 2 or k <= 0 or not len(q_all):
        return out
    for qs in range(0, len(q_all), QUERY_BLOCK):
        q = q_all[qs : qs + QUERY_BLOCK]
        qv = np.asarray(pool[q], dtype=np.float32)
        best_s = np.empty((len(q), 0), dtype=np.float32)
        best_j = np.empty((len(q), 0), dtype=np.int64)
        chunk = max(k, budget // len(q))
        for ps in range(0, n, chunk):
            cols = np.arange(ps, min(n, ps + chunk), dtype=np.int64)
            s = qv @ np.asarray(pool[ps : ps + chunk], dtype=np.float32).T
            s[q[:, None] == cols[None, :]] = -np.inf  # never one's own neighbour
            s[s < min_cosine] = -np.inf
            best_s = np.concatenate((best_s, s), axis=1)
            best_j = np.concatenate((best_j, np.broadcast_to(cols, s.shape)), axis=1)
            if best_s.shape[1] > k:
                best_s, best_j = _keep_top(best_s, best_j, k)
        for r, qi in enumerate(q.tolist()):
            for s_val, j in zip(best_s[r].tolist(), best_j[r].tolist(), strict=True):
                if s_val != -np.inf:
                    out.append((qi, j, s_val))
    return out


def _keep_top(scores: np.ndarray, cols: np.ndarray, k: int) -> tuple[np.ndarray, np.ndarray]:
    """Per row, the ``k`` highest scores and their columns (in no particular order)."""
    part = np.argpartition(-scores, k - 1, axis=1)[:, :k]
    return np.take_along_axis(scores, part, axis=1), np.take_along_axis(cols, part, axis=1)
