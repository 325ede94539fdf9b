"""The ``minhash`` stage: each article's normalised-text hash and MinHash signature, cached per
article by the pipeline, so a later fold indexes stored articles without hashing them again.

:func:`sign` is the one place signatures are made: the stage stores what it returns, and the
``dedup`` stage (:mod:`storyfold.stages.copies.dedup`) calls it for articles the stage did not sign.
A stored signature stays valid as long as :func:`make_signer` and :func:`sign` give the same values
for the same text and seed; a change that alters them must bump :attr:`MinHashStage.version`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, MinHashSignature
from storyfold.stages.copies.near_dup import Signer, normalise, text_hash

__all__ = ["NUM_PERM", "MinHashStage", "make_signer", "sign", "stack"]

NUM_PERM = 64  # permutations per signature


def make_signer(seed: int) -> Signer:
    """The stage's MinHash signer: :data:`NUM_PERM` permutations drawn from ``seed``."""
    return Signer(num_perm=NUM_PERM, seed=seed)


def sign(articles: Sequence[Article], signer: Signer) -> list[MinHashSignature]:
    """The signature of each of ``articles``, in order: the hash of its normalised text (exact
    duplicates share it) and its MinHash values, recorded with ``signer``'s seed and permutation
    count (signatures built with others refuse to be compared)."""
    if not articles:
        return []
    norms = [normalise(a.text) for a in articles]
    values = signer.signatures(norms)
    return [
        MinHashSignature(article_id=a.id, seed=signer.seed, num_perm=signer.num_perm, text_hash=text_hash(n),
                         hashvalues=tuple(v.tolist()))
        for a, n, v in zip(articles, norms, values, strict=True)
    ]


def stack(signatures: Sequence[MinHashSignature], seed: int) -> tuple[np.ndarray, np.ndarray]:
    """``(hashvalues, text_hashes)`` of ``signatures`` as the LSH index takes them: a ``uint32`` row
    of MinHash values per signature, and a ``uint64`` text hash per signature.

    Raises ``ValueError`` on a signature made with another seed or permutation count than this
    run's (``seed``, :data:`NUM_PERM`): such signatures cannot be compared."""
    for sig in signatures:
        if sig.seed != seed or sig.num_perm != NUM_PERM:
            raise ValueError(
                f"article {sig.article_id}: stored MinHash was built with seed {sig.seed} and {sig.num_perm} permutations, "
                f"this run uses seed {seed} and {NUM_PERM}; signatures with different seeds cannot be compared: "
                "fold again with the original seed, or re-annotate (bump the minhash stage version)"
            )
    return (np.array([sig.hashvalues for sig in signatures], dtype=np.uint32),
            np.array([sig.text_hash for sig in signatures], dtype=np.uint64))


class MinHashStage(ArticleStage):
    name = "minhash"
    version = "1"
    provides = {"minhash": MinHashSignature}

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        return self.process_batch([article], [inputs], ctx)[0]

    def process_batch(self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context) -> list[Outputs]:
        seed = ctx.settings.seed
        signer = ctx.resource(f"minhash-signer:{seed}", lambda: make_signer(seed))
        return [{"minhash": (sig,)} for sig in sign(articles, signer)]
