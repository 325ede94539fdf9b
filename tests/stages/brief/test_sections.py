"""Which sentences tell a story event by event: LexRank centrality, corroboration across sources,
the lead, one to three sentences per event, no repeats (on the seed articles)."""

from __future__ import annotations

import numpy as np
from seed_inputs import seed_articles

from storyfold.stages.brief.sections import (
    Weights,
    _corroborate,
    _similarities,
    lexrank,
    pick_sections,
    story_sentences,
)

MARCH, AUGUST = ("000", "001"), ("002", "003", "004")


def _seeds():
    arts = seed_articles()
    texts = {aid: a.text for aid, a in arts.items()}
    event_of = {aid: ("march" if aid in MARCH else "august") for aid in texts}
    lineage = {aid: ("001" if aid == "000" else aid) for aid in texts}  # 000 rewrites 001
    return texts, event_of, lineage


def test_lexrank_puts_the_hub_first_and_sums_to_one() -> None:
    sims = np.array([[1, .8, .8, .8], [.8, 1, .1, 0], [.8, .1, 1, 0], [.8, 0, 0, 1]], dtype=float)
    rank = lexrank(sims)
    assert int(np.argmax(rank)) == 0
    assert abs(rank.sum() - 1) < 1e-6
    assert len(lexrank(np.zeros((0, 0)))) == 0


def test_candidates_are_whole_sentences_of_the_text() -> None:
    texts, _, _ = _seeds()
    for p in story_sentences(texts):
        raw = texts[p.article_id][p.start : p.end]
        assert " ".join(raw.split()) == p.text
        assert 40 <= len(p.text) <= 420 and (p.text[0].isupper() or p.text[0].isdigit())


def test_seed_sections_tell_each_event_from_its_own_articles() -> None:
    texts, event_of, lineage = _seeds()
    got = pick_sections(texts, event_of, ["march", "august"], lineage)
    assert got.lead is not None and got.lead.sources >= 3  # the best-supported sentence of the story
    _, terms = _similarities(got.sentences)
    told = [got.lead]
    for event, members in (("march", MARCH), ("august", AUGUST)):
        picks = got.events[event]
        assert 1 <= len(picks) <= 3, event
        assert all(p.article_id in members for p in picks)
        told += picks
    def share(a, b) -> float:  # noqa: ANN001  (the share of a's terms that b holds)
        return len(terms[a.index] & terms[b.index]) / len(terms[a.index])

    for i, a in enumerate(told):  # nothing told twice: of two sentences told, the later adds new terms
        assert all(min(share(a, b), share(b, a)) < Weights().repeat for b in told[i + 1 :])
    # corroboration counts other sources only: 000 and 001 are one source
    assert all(lineage[p.article_id] not in p.corroborating for p in got.sentences)


def test_size_bounds_the_extra_sentences_but_every_event_is_told() -> None:
    texts, event_of, lineage = _seeds()
    got = pick_sections(texts, event_of, ["march", "august"], lineage, size=1)
    assert [len(got.events[e]) for e in ("march", "august")] == [1, 1]


def _pairwise(sentences, sims, lineage, w):  # noqa: ANN001, ANN202 - the definition, sentence pair by pair
    out = []
    for p in sentences:
        own = lineage.get(p.article_id, p.article_id)
        best: dict[str, tuple[float, int]] = {}
        for q in sentences:
            other = lineage.get(q.article_id, q.article_id)
            s = float(sims[p.index, q.index])
            if other != own and s >= w.agree and s > best.get(other, (0.0, -1))[0]:
                best[other] = (s, q.index)
        out.append({k: i for k, (_, i) in sorted(best.items())})
    return out


def test_corroboration_is_the_best_sentence_of_each_other_source() -> None:
    texts, _, lineage = _seeds()
    w = Weights()
    sentences = story_sentences(texts)
    sims, _ = _similarities(sentences)
    _corroborate(sentences, sims, lineage, w)
    assert [p.corroborating for p in sentences] == _pairwise(sentences, sims, lineage, w)
    assert any(p.corroborating for p in sentences)
    # ties (the earliest sentence of equals wins), zeros and sources named out of order
    rng = np.random.default_rng(3)
    sims = rng.choice([0.0, 0.2, 0.3, 0.5, 0.9], size=(len(sentences), len(sentences)))
    ids = sorted(texts, reverse=True)
    lineage = {aid: ids[n % 3] for n, aid in enumerate(ids)}
    _corroborate(sentences, sims, lineage, w)
    assert [p.corroborating for p in sentences] == _pairwise(sentences, sims, lineage, w)


def test_similarities_filled_by_blocks_equal_the_whole_product(monkeypatch) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from storyfold.stages.brief import sections

    texts, _, _ = _seeds()
    sentences = story_sentences(texts)
    xs = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([p.text for p in sentences]).tocsr()
    whole = (xs @ xs.T).toarray()
    for block in (1, 7 * len(sentences), 1 << 22):  # a row at a time, seven rows, all at once
        monkeypatch.setattr(sections, "SIMS_BLOCK", block)
        sims, _ = _similarities(story_sentences(texts))
        assert sims.shape == whole.shape and np.array_equal(sims, whole)  # bit for bit


def test_lexrank_normalises_in_place_as_a_fresh_matrix_would() -> None:
    rng = np.random.default_rng(3)
    sims = rng.random((40, 40))
    sims[5] = 0.0  # a row with no similarity: the uniform row
    sims[5, 5] = 1.0
    m = sims.copy()
    np.fill_diagonal(m, 0.0)
    rows = m.sum(axis=1, keepdims=True)
    m = np.divide(m, rows, out=np.full_like(m, 1.0 / 40), where=rows > 0)
    p = np.full(40, 1.0 / 40)
    for _ in range(100):
        nxt = 0.15 / 40 + 0.85 * (m.T @ p)
        if np.abs(nxt - p).sum() < 1e-9:
            break
        p = nxt
    kept = sims.copy()
    assert np.array_equal(lexrank(sims), nxt)
    assert np.array_equal(sims, kept)  # the caller's matrix is left as it was


def test_a_sentence_the_source_cut_off_is_no_candidate(shared) -> None:
    """AllSides roundups quote each outlet's lead cut with an ellipsis ("... whom they shot and killed
    after..."): that last sentence is not told, the whole sentences before it still are."""
    import json

    path = shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl"
    with path.open(encoding="utf-8") as f:
        rows = [json.loads(next(f)) for _ in range(20)]
    texts = {f"{r['id']}-{side}": "\n\n".join(a["newBody"]) for r in rows for side, a in r["news"].items() if a}
    cut = [aid for aid, t in texts.items() if t.rstrip().endswith(("...", "\u2026"))]
    assert len(cut) >= 10
    picks = story_sentences(texts)
    assert not [p.text for p in picks if p.text.endswith(("...", "\u2026"))]
    assert {p.article_id for p in picks} >= set(cut)  # their whole sentences are still candidates
