"""What the corpus stages build across articles: copies and rewrites with the lineages they form,
stories and events, and merged entities and quotes."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from storyfold.records.articles import Evidence
from storyfold.records.dates import PartialDate
from storyfold.records.extraction import EntityType, QuoteVariant

__all__ = [
    "DedupState",
    "DocVector",
    "Entity",
    "Event",
    "EventJoin",
    "Lineage",
    "MinHashSignature",
    "Quote",
    "Relation",
    "RelationKind",
    "SentencePair",
    "Story",
]


# --------------------------------------------------------------------------------------------
# Copies, rewrites and independent sources
# --------------------------------------------------------------------------------------------


class RelationKind(StrEnum):
    EXACT = "exact"
    NEAR_DUPLICATE = "near_duplicate"
    REWRITE = "rewrite"


@dataclass(frozen=True, slots=True, kw_only=True)
class SentencePair:
    """One aligned pair of sentences: a span in article ``a`` and a span in article ``b``."""

    a_start: int
    a_end: int
    b_start: int
    b_end: int
    similarity: float


@dataclass(frozen=True, slots=True, kw_only=True)
class Relation:
    """``b`` repeats ``a``: ``a`` is the source (the earlier or richer article), ``b`` the copy."""

    a: str
    b: str
    kind: RelationKind
    similarity: float
    aligned: tuple[SentencePair, ...] = ()
    unsupported: tuple[Evidence, ...] = ()
    dropped_qualifiers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class MinHashSignature:
    """One article's MinHash over word 3-shingles of its normalised text, kept per article so a fold
    never hashes a stored article again. ``text_hash`` keys exact duplicates (normalised text);
    signatures built with another ``seed`` or ``num_perm`` are not comparable."""

    article_id: str
    seed: int
    num_perm: int
    text_hash: int
    hashvalues: tuple[int, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Lineage:
    """An original article and everything derived from it, transitively (copies and rewrites)."""

    id: str
    root: str
    article_ids: tuple[str, ...]
    outlets: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupState:
    """The rule (stage version, thresholds, candidate bound) under which the ``dedup`` stage's stored
    rewrite relations were decided, and over how many articles: a later fold carries them over only
    under the same rule and when every article but its new ones was covered (a fold whose ``dedup``
    failed leaves articles that no state covers)."""

    rule: str
    articles: int = 0


# --------------------------------------------------------------------------------------------
# Stories and events
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Story:
    id: str
    title: str
    article_ids: tuple[str, ...]
    event_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class EventJoin:
    """Why one article is in its event: ``basis`` is ``founder`` (the first member), ``place``,
    ``participants`` or ``date`` (it names what the event names), ``similarity`` (it names nothing
    that decides, so its wording placed it) or ``copy`` (it follows its source); ``place``,
    ``participants`` and ``happened`` are what it shares with the event."""

    article_id: str
    basis: str
    place: str | None = None
    participants: tuple[str, ...] = ()
    happened: PartialDate | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Event:
    """An event of a story: ``date`` its first day, ``date_end`` its last when that is another day."""

    id: str
    story_id: str
    title: str
    article_ids: tuple[str, ...]
    date: PartialDate | None = None
    date_end: PartialDate | None = None
    # The who/where/when that hold the event together (the place and participants its members'
    # leads name, the day of the happening they name) and, per article, why it joined.
    place: str | None = None
    participants: tuple[str, ...] = ()
    happened: PartialDate | None = None
    joined: tuple[EventJoin, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class DocVector:
    """What clustering needs of one article, computed once and cached per article by the pipeline
    (an intermediate record, not exported).

    ``vector`` is the article's sentence embedding (model ``model``), L2-normalised, stored as
    base64 of little-endian float16 to keep the store small; ``terms`` counts the article's salient
    terms (names weighted up, years, content words) for TF-IDF.
    """

    article_id: str
    model: str
    vector: str
    terms: tuple[tuple[str, int], ...] = ()


# --------------------------------------------------------------------------------------------
# Merged entities and quotes
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Entity:
    """One real-world referent, with every name it goes by across the corpus."""

    id: str
    name: str
    type: EntityType
    aliases: tuple[str, ...]
    article_ids: tuple[str, ...]
    mentions: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    speaker: str | None
    text: str
    article_ids: tuple[str, ...]
    variants: tuple[QuoteVariant, ...]
    speaker_entity_id: str | None = None
    direct: bool = True
