"""The minhash stage's signatures: pinned on the seeds, so signatures stored by ``minhash@1`` stay
valid; the stage and the dedup stage sign alike; signatures of another seed refuse to be stacked."""

from __future__ import annotations

import hashlib

import pytest

from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.records import Article, MinHashSignature
from storyfold.stages.copies.minhash import NUM_PERM, MinHashStage, make_signer, sign, stack

# seed -> file prefix -> (text hash, first three MinHash values, sha256 of repr(hashvalues)[:16]),
# as minhash@1 stored them
PINNED = {
    1: {
        "000": (5610520273025229795, (7464430, 9575922, 11562783), "a195ad6410a1cdb1"),
        "001": (7423412237541106394, (677648, 1413150, 386049), "c0163f4bc1798126"),
        "002": (7368854426416574632, (19572584, 1551031, 17409777), "0a8aa6a1559e52c4"),
        "003": (2066950056079326261, (5415544, 9725344, 2513395), "79ba81a23dffb55d"),
        "004": (3594089719499636858, (2851822, 6101762, 3761386), "d37e3c0ddb9bf206"),
    },
    7: {
        "000": (5610520273025229795, (12694628, 2762868, 16570189), "eeee71b6fe2a20c4"),
        "001": (7423412237541106394, (370946, 5018092, 1844840), "bd219d57a1bbe10e"),
        "002": (7368854426416574632, (8415861, 192497, 6689815), "1c5e86c967c2f6ff"),
        "003": (2066950056079326261, (3519766, 2767891, 24313833), "1a6bb855b22a58a3"),
        "004": (3594089719499636858, (18077392, 5851490, 6220596), "945b1ec15710b36f"),
    },
}


def _pinned_form(sig: MinHashSignature) -> tuple[int, tuple[int, ...], str]:
    return sig.text_hash, sig.hashvalues[:3], hashlib.sha256(repr(sig.hashvalues).encode()).hexdigest()[:16]


@pytest.mark.parametrize("seed", sorted(PINNED))
def test_signatures_of_the_seeds_are_the_stored_ones(seed: int, seed_articles: dict[str, Article]) -> None:
    prefixes = sorted(seed_articles)
    sigs = sign([seed_articles[p] for p in prefixes], make_signer(seed))
    assert [s.article_id for s in sigs] == [seed_articles[p].id for p in prefixes]
    assert all(s.seed == seed and s.num_perm == NUM_PERM == len(s.hashvalues) for s in sigs)
    assert {p: _pinned_form(s) for p, s in zip(prefixes, sigs, strict=True)} == PINNED[seed]


def test_the_stage_stores_what_sign_returns(seed_articles: dict[str, Article]) -> None:
    articles = [seed_articles[p] for p in sorted(seed_articles)]
    ctx = Context(settings=Settings(seed=7))
    out = MinHashStage().process_batch(articles, [{} for _ in articles], ctx)
    assert [o["minhash"] for o in out] == [(s,) for s in sign(articles, make_signer(7))]
    assert MinHashStage().process(articles[0], {}, ctx) == out[0]
    assert f"{MinHashStage.name}@{MinHashStage.version}" == "minhash@1"  # stored signatures are keyed by it


def test_sign_takes_an_empty_batch() -> None:
    assert sign([], make_signer(1)) == []


def test_stack_refuses_signatures_of_another_seed(seed_articles: dict[str, Article]) -> None:
    sigs = sign([seed_articles["000"], seed_articles["001"]], make_signer(1))
    rows, hashes = stack(sigs, seed=1)
    assert rows.shape == (2, NUM_PERM) and rows.dtype.name == "uint32" and hashes.dtype.name == "uint64"
    assert hashes.tolist() == [s.text_hash for s in sigs]
    with pytest.raises(ValueError, match=f"article {seed_articles['000'].id}: stored MinHash was built with seed 1"):
        stack(sigs, seed=2)
