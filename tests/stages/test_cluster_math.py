"""The numerical core of clustering: TF-IDF, average linkage with a threshold, assignment."""

from __future__ import annotations

import numpy as np
import pytest

from storyfold.stages.cluster.linkage import assign, average_linkage, combine, sparse_rows, tfidf

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


def test_combined_rows_mix_the_two_cosines() -> None:
    dense = np.eye(4, dtype=np.float32)[[0, 0, 1, 1]]
    terms = tfidf(DOCS)
    rows = combine(dense, terms, 0.7)
    expected = 0.7 * dense @ dense.T + 0.3 * (terms @ terms.T).toarray()
    assert np.allclose(rows.dot(rows), expected, atol=1e-6)
    assert np.allclose(np.diag(rows.dot(rows)), 1.0, atol=1e-6)
