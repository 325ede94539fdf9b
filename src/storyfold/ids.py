"""Ids derived from content, so that a rerun over the same input gives the same ids.

:func:`content_id` is the one way storyfold derives an id from content. Hashes that are not ids
(the MinHash stage's 63-bit text hash, the text cache's keys) are not made here.
"""

from __future__ import annotations

import hashlib
from typing import Literal, get_args

__all__ = ["content_id"]

Algorithm = Literal["sha1", "sha256"]


def content_id(
    *parts: object,
    prefix: str = "",
    sep: str = "\x1f",
    algorithm: Algorithm = "sha256",
    length: int = 16,
) -> str:
    """``prefix`` followed by the first ``length`` hex digits of the ``algorithm`` digest of
    ``parts``, each turned into ``str`` and joined by ``sep``, encoded as UTF-8.

    The defaults are the recipe for every new kind of id: SHA-256 cut to 16 hex digits (64 bits),
    parts joined by the unit separator U+001F (which text rarely holds, so ``("ab", "c")`` and
    ``("a", "bc")`` get different ids), the kind named by ``prefix``.

    The ids storyfold already makes keep the recipe they were first made with, spelt out by their
    call sites in these parameters, because they are persisted and exported: article ids key every
    stored record, so a new recipe would make a fold into an existing database treat every article
    as new and duplicate its annotations; the other ids are what exports, briefs and links cite,
    and what a later fold compares against. Those recipes:

    ====================================  ==========================  ======  =========  ======
    id (module)                           prefix                      sep     algorithm  length
    ====================================  ==========================  ======  =========  ======
    article (``stages.clean``)            none                        ``\\n``  sha256     16
    entity (``stages.entities``)          ``ent-``                    ``:``   sha1       12
    quote (``stages.quote_merge``)        ``quote-``                  ``|``   sha1       12
    story, event (``stages.cluster``)     ``st-``, ``ev-``            ``:``   sha256     12
    lineage (``stages.copies.lineage``)   ``lin_``                    ``\\n``  sha256     12
    claim, commitment, conflict           added by the caller         U+001F  sha1       12
    (``stages.reconcile``)
    ====================================  ==========================  ======  =========  ======
    """
    if algorithm not in get_args(Algorithm):
        raise ValueError(f"content_id: unknown algorithm {algorithm!r}; use one of {', '.join(get_args(Algorithm))}")
    digest = hashlib.new(algorithm, sep.join(map(str, parts)).encode("utf-8")).hexdigest()
    if not 1 <= length <= len(digest):
        raise ValueError(f"content_id: length {length} is out of range; {algorithm} gives 1 to {len(digest)} hex digits")
    return prefix + digest[:length]
