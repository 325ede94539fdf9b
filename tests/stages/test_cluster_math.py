"""The numerical core of clustering: TF-IDF, average linkage with a threshold, assignment."""

from __future__ import annotations

import numpy as np
import pytest

from storyfold.stages.cluster.linkage import Rows, assign, average_linkage, combine, merge_groups, sparse_rows, tfidf

DOCS = [
    {"lohan": 4, "betty_ford": 2, "rehab": 3},
    {"lohan": 2, "betty_ford": 1, "rehab": 1, "probation": 1},
    {"reid": 4, "promises": 2, "rehab": 2},
    {"reid": 2, "promises": 2, "rehab": 1},
]


def test_tfidf_rows_are_unit_and_local_idf_drops_what_every_document_shares() -> None:
    m = tfidf(DOCS)
    assert np.allclose(np.sqrt(m.multiply(m).sum(axis=1)).A.ravel(), 1.0)
    local = tfidf(DOCS, local=True)
    shared = (local @ local.T).toarray()
    # "rehab" is in every document: locally it weighs almost nothing, so the two rehab stories part.
    assert shared[0, 2] < 0.05 < shared[0, 1]


def test_min_df_leaves_out_a_term_only_one_document_uses() -> None:
    every = tfidf(DOCS, local=True)
    kept = tfidf(DOCS, local=True, min_df=2)
    probation = sorted({t for d in DOCS for t in d}).index("probation")  # in document 1 only
    assert every[1, probation] > 0 and kept[1, probation] == 0
    assert np.allclose(np.sqrt(kept.multiply(kept).sum(axis=1)).A.ravel(), 1.0)
    # without the term that ties it to nothing, document 1 sits closer to its twin
    assert (kept @ kept.T)[0, 1] > (every @ every.T)[0, 1]


@pytest.mark.parametrize(("threshold", "groups"), [(0.05, 2), (0.99, 4), (-1.0, 1)])
def test_average_linkage_cuts_at_the_threshold(threshold: float, groups: int) -> None:
    m = tfidf(DOCS, local=True)
    labels = average_linkage((m @ m.T).toarray(), threshold)
    assert len(set(labels)) == groups
    assert labels[0] == 0  # numbered by first member
    if groups == 2:
        assert labels[0] == labels[1] != labels[2] == labels[3]


def test_assign_uses_average_similarity_and_the_gate() -> None:
    rows = sparse_rows(tfidf(DOCS, local=True))
    sums = rows.sum_by([[0, 1], [2]])
    sizes = np.array([2.0, 1.0])
    item = rows.take([3])
    assert assign(item, sums, sizes, 0.1).tolist() == [1]
    assert assign(item, sums, sizes, 0.1, allowed=np.array([[True, False]])).tolist() == [-1]
    assert assign(item, sums, sizes, 1.01).tolist() == [-1]
    assert assign(item, sums.take([]), sizes[:0], 0.1).tolist() == [-1]


def test_merge_groups_carries_average_linkage_on_over_groups_one_of_them_touched() -> None:
    from scipy import sparse

    bridge = np.array([1.0, 1.0, 0.0]) / np.sqrt(2)
    dense = np.array([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], bridge, [0.0, 0.0, 1.0]], dtype=np.float32)
    rows = Rows(dense, sparse.csr_matrix((4, 0), dtype=np.float32))
    touched = [False, False, True, False]  # groups {a}, {b}, {the new bridge}, {far}
    # The bridge takes a in (0.707); bridge+a to b averages 0.354: merged at 0.3, not at 0.4.
    assert merge_groups(rows, [1, 1, 1, 1], touched, 0.3) == [2, 2, 2, 3]
    assert merge_groups(rows, [1, 1, 1, 1], touched, 0.4) == [2, 1, 2, 3]
    # Two groups neither of which took anything new are never merged, however alike.
    assert merge_groups(Rows(dense[[0, 0]], sparse.csr_matrix((2, 0), dtype=np.float32)), [1, 1], [False, False], 0.3) == [0, 1]
    # Groups of several rows: the average over every pair of members decides.
    assert merge_groups(rows, [2, 2], [True, False], 0.3) == [0, 0]  # {a, b} x {bridge, far}: 1.414 / 4 = 0.354
    assert merge_groups(rows, [2, 2], [True, False], 0.4) == [0, 1]


def _merge_by_hand(vectors: np.ndarray, sizes: list[int], touched: list[bool], threshold: float) -> list[int]:
    """The same merging, the slow way: every pair's average similarity over members, each round."""
    starts = np.cumsum([0, *sizes])
    groups = {k: list(range(starts[k], starts[k + 1])) for k in range(len(sizes))}
    hot = {k for k, t in enumerate(touched) if t}
    into = list(range(len(sizes)))
    sims = vectors @ vectors.T
    while True:
        pairs = [(float(sims[np.ix_(groups[a], groups[b])].mean()), a, b) for a in hot for b in groups if b != a]
        if not pairs or max(pairs)[0] < threshold:
            return into
        _, a, b = max(pairs)
        groups[a] += groups.pop(b)
        hot.discard(b)
        into = [a if t == b else t for t in into]


@pytest.mark.parametrize("seed", range(12))
def test_merge_groups_equals_merging_by_hand(seed: int) -> None:
    from scipy import sparse

    rng = np.random.default_rng(seed)
    sizes = [int(x) for x in rng.integers(1, 4, size=9)]
    vectors = rng.normal(size=(sum(sizes), 5)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    touched = [bool(x) for x in rng.random(9) < 0.4]
    rows = Rows(vectors, sparse.csr_matrix((len(vectors), 0), dtype=np.float32))
    def partition(into: list[int]) -> set[frozenset[int]]:
        return {frozenset(k for k, t in enumerate(into) if t == root) for root in set(into)}

    for threshold in (0.0, 0.2, 0.4):
        got = merge_groups(rows, sizes, touched, threshold)
        assert partition(got) == partition(_merge_by_hand(vectors, sizes, touched, threshold))
        assert all(got[k] == k for k in set(got))  # each merged group is named by one of its groups


def test_combined_rows_mix_the_two_cosines() -> None:
    dense = np.eye(4, dtype=np.float32)[[0, 0, 1, 1]]
    terms = tfidf(DOCS)
    rows = combine(dense, terms, 0.7)
    expected = 0.7 * dense @ dense.T + 0.3 * (terms @ terms.T).toarray()
    assert np.allclose(rows.dot(rows), expected, atol=1e-6)
    assert np.allclose(np.diag(rows.dot(rows)), 1.0, atol=1e-6)
