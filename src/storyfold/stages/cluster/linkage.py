"""The numerical core of story and event clustering: TF-IDF, average-linkage clustering with a
threshold, and the incremental step that puts new items into existing clusters.

Pure functions over numpy/scipy arrays; :mod:`storyfold.stages.cluster.cluster` wires them to records.

Every item is a unit vector, so the *average* similarity of an item to a cluster (the average-linkage
criterion) is a dot product with the sum of the cluster's vectors divided by its size. Folding new
articles into existing clusters therefore uses the same criterion as the full clustering, at the
cost of one matrix product.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.cluster.hierarchy import fcluster, linkage

__all__ = ["Rows", "assign", "average_linkage", "combine", "group_spans", "merge_groups", "sparse_rows", "tfidf"]

ASSIGN_CHUNK = 512
MERGE_CELLS = 50_000_000  # most touched x groups similarities merge_groups holds (200 MB of float32)
CANNOT_LINK = 1e12  # a distance no average over fewer than 1e11 pairs brings under the cut


def tfidf(terms: Sequence[Mapping[str, int]], *, local: bool = False, min_df: int = 1) -> sparse.csr_matrix:
    """Rows of L2-normalised TF-IDF (sublinear tf) of ``terms``.

    The idf is ``log((N + 1) / (df + 1)) + 1`` (scikit-learn's smoothed idf) across the corpus, and
    ``log((N + 1) / df)`` with ``local=True``: there a term found in every document weighs almost
    nothing, which inside one story makes the terms the whole story shares count little and the
    names of each event count. Terms found in fewer than ``min_df`` documents are left out: a term
    only one document uses ties it to no other, it only dilutes that document's row (with the local
    idf such a term weighs most of all)."""
    smooth_df, floor = (0.0, 0.0) if local else (1.0, 1.0)
    df: Counter[str] = Counter(t for doc in terms for t in doc)
    vocab = {t: j for j, t in enumerate(sorted(df))}
    n = len(terms)
    rows, cols, vals = [], [], []
    for r, doc in enumerate(terms):
        for t, c in doc.items():
            w = (1.0 + math.log(c)) * (math.log((n + 1) / (df[t] + smooth_df)) + floor)
            if w > 0 and df[t] >= min_df:
                rows.append(r)
                cols.append(vocab[t])
                vals.append(w)
    m = sparse.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)), dtype=np.float32)
    norms = np.sqrt(np.asarray(m.multiply(m).sum(axis=1)).ravel())
    norms[norms == 0] = 1.0
    return sparse.csr_matrix(sparse.diags(1.0 / norms) @ m)


@dataclass(frozen=True, slots=True)
class Rows:
    """Item vectors as a dense part and a sparse part side by side (never materialised as one
    matrix: the dense part multiplies with BLAS, the sparse part stays sparse)."""

    dense: np.ndarray
    sparse: sparse.csr_matrix

    def __len__(self) -> int:
        return self.sparse.shape[0]

    def take(self, idx: Sequence[int]) -> Rows:
        return Rows(self.dense[idx], self.sparse[idx])

    def dot(self, other: Rows) -> np.ndarray:
        """items x other-items dot products, dense."""
        return self.dense @ other.dense.T + (self.sparse @ other.sparse.T).toarray()

    def sum_by(self, groups: Sequence[Sequence[int]]) -> Rows:
        """One row per group: the sum of its members' rows."""
        everyone = [i for g in groups for i in g]
        sizes = [len(g) for g in groups]
        indicator = sparse.csr_matrix(
            (np.ones(len(everyone), dtype=np.float32), (np.repeat(np.arange(len(groups)), sizes), np.arange(len(everyone)))),
            shape=(len(groups), len(everyone)),
        )
        part = self.take(everyone)
        return Rows(indicator @ part.dense, sparse.csr_matrix(indicator @ part.sparse))


def combine(dense: np.ndarray, tfidf_rows: sparse.csr_matrix, dense_weight: float) -> Rows:
    """One unit row per item whose dot products are ``w * cos(dense) + (1 - w) * cos(tfidf)``."""
    return Rows(dense.astype(np.float32) * math.sqrt(dense_weight), tfidf_rows * math.sqrt(1 - dense_weight))


def sparse_rows(tfidf_rows: sparse.csr_matrix) -> Rows:
    return Rows(np.zeros((tfidf_rows.shape[0], 0), dtype=np.float32), tfidf_rows)


def average_linkage(similarity: np.ndarray, threshold: float, cannot: np.ndarray | None = None) -> np.ndarray:
    """Cluster labels (0..k-1, numbered by first member) of average-linkage clustering that stops
    when the average similarity between two clusters falls below ``threshold``. ``cannot`` (items x
    items, bool) marks pairs that never share a cluster: their distance is so large that no average
    over a cluster holding both can reach the cut."""
    n = similarity.shape[0]
    if n <= 1:
        return np.zeros(n, dtype=int)
    dist = np.clip(1.0 - similarity, 0.0, 2.0).astype(np.float64)
    dist = (dist + dist.T) / 2
    if cannot is not None:
        dist[cannot | cannot.T] = CANNOT_LINK
    np.fill_diagonal(dist, 0.0)
    condensed = dist[np.triu_indices(n, k=1)]
    raw = fcluster(linkage(condensed, method="average"), t=1.0 - threshold, criterion="distance")
    return _renumber(raw)


def assign(
    items: Rows,
    sums: Rows,
    sizes: np.ndarray,
    threshold: float,
    allowed: np.ndarray | None = None,
    offset: np.ndarray | None = None,
) -> np.ndarray:
    """For each item, the group whose members it is most similar to on average (at least
    ``threshold``), or -1. ``sums`` holds each group's summed rows, ``sizes`` its member count;
    ``allowed`` (items x groups, bool) masks out forbidden pairs; ``offset`` (items x groups) is
    added to the average similarity."""
    out = -np.ones(len(items), dtype=int)
    if len(items) == 0 or sizes.size == 0:
        return out
    for start in range(0, len(items), ASSIGN_CHUNK):  # bounds the items x groups matrix
        part = np.arange(start, min(start + ASSIGN_CHUNK, len(items)))
        sims = items.take(part).dot(sums) / sizes[None, :]
        if offset is not None:
            sims = sims + offset[part]
        if allowed is not None:
            sims = np.where(allowed[part], sims, -np.inf)
        best = np.argmax(sims, axis=1)
        ok = sims[np.arange(len(best)), best] >= threshold
        out[part] = np.where(ok, best, -1)
    return out


def group_spans(sizes: Sequence[int]) -> list[range]:
    """Consecutive index ranges of the given sizes: the members of groups listed group after group."""
    out, start = [], 0
    for n in sizes:
        out.append(range(start, start + n))
        start += n
    return out


def merge_groups(rows: Rows, sizes: Sequence[int], touched: Sequence[bool], threshold: float) -> list[int]:
    """Average linkage carried on over whole groups (``rows`` lists their members group after
    group, ``sizes`` many each): while the two groups of highest average similarity, one of them
    ``touched`` (it took new items; a merged group counts as touched), reach ``threshold``, they
    are merged. Per group, the index of the group it ends in (itself when it stands). Dot products
    of group sums add up, so a merge costs one row of products with every group and one column
    update; each touched group's best partner is kept and recomputed only when it went stale. The
    touched x groups products are held (float32); nothing is merged when they would pass
    ``MERGE_CELLS``."""
    n = len(sizes)
    into = np.arange(n)
    mine = np.flatnonzero(np.asarray(touched, dtype=bool))  # row r of the products is group mine[r]
    if n < 2 or not len(mine) or len(mine) * n > MERGE_CELLS:
        return into.tolist()
    sums = rows.sum_by(group_spans(sizes))
    size = np.array(sizes, dtype=np.float64)
    dots = np.vstack([sums.take(mine[a : a + ASSIGN_CHUNK]).dot(sums).astype(np.float32)
                      for a in range(0, len(mine), ASSIGN_CHUNK)])
    row_of = {int(k): r for r, k in enumerate(mine)}
    alive, live = np.ones(n, dtype=bool), np.ones(len(mine), dtype=bool)
    best, partner = np.full(len(mine), -np.inf), np.zeros(len(mine), dtype=int)

    def refresh(rs: np.ndarray) -> None:
        for a in range(0, len(rs), ASSIGN_CHUNK):
            part = rs[a : a + ASSIGN_CHUNK]
            avg = np.where(alive[None, :], dots[part] / (size[mine[part], None] * size[None, :]), -np.inf)
            avg[np.arange(len(part)), mine[part]] = -np.inf
            partner[part] = avg.argmax(axis=1)
            best[part] = avg[np.arange(len(part)), partner[part]]

    refresh(np.arange(len(mine)))
    while True:
        r = int(np.argmax(np.where(live, best, -np.inf)))
        if not live[r] or best[r] < threshold:
            return into.tolist()
        k, j = int(mine[r]), int(partner[r])
        if j in row_of:
            dots[r] += dots[row_of[j]]
            live[row_of[j]] = False
        else:  # an untouched group's products with the groups as first given, summed into what they became
            dots[r] += np.bincount(into, weights=sums.take([j]).dot(sums)[0], minlength=n).astype(np.float32)
        dots[:, k] += dots[:, j]
        size[k] += size[j]
        alive[j] = False
        into[into == j] = k
        stale = live & ((partner == j) | (partner == k) | (np.arange(len(mine)) == r))
        refresh(np.flatnonzero(stale))
        now = dots[:, k] / (size[mine] * size[k])
        better = live & ~stale & (mine != k) & (now > best)
        best[better], partner[better] = now[better], k


def _renumber(labels: Sequence[int] | np.ndarray) -> np.ndarray:
    seen: dict[int, int] = {}
    return np.array([seen.setdefault(int(x), len(seen)) for x in labels], dtype=int)
