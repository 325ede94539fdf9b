"""Typed records that flow between storyfold's stages.

Every record is a frozen, slotted, keyword-only dataclass. Collections are tuples. Closed
vocabularies are ``StrEnum``. Every extracted thing carries its evidence: the article id and
character offsets into that article's *cleaned* text (``Article.text``).

Records are serialised to plain JSON-able dicts by :mod:`storyfold.codec`; field names here are the
field names of the export contract (``docs/export.md``), so renaming a field is a contract change.

The records live in modules by concept, and every name is re-exported here:

- :mod:`~storyfold.records.articles`: documents, articles, rejects and the evidence span;
- :mod:`~storyfold.records.dates`: precisions, the partial dates every record's date is, date
  mentions and publication-date estimates;
- :mod:`~storyfold.records.extraction`: per-article entity mentions, quote variants and quantities;
- :mod:`~storyfold.records.claims`: claim and commitment mentions, the merged claims and
  commitments, and conflicts between them;
- :mod:`~storyfold.records.corpus`: copies and rewrites, stories and events, merged entities and quotes;
- :mod:`~storyfold.records.presentation`: timeline entries, brief sentences and the brief's digests.
"""

from __future__ import annotations

from storyfold.records.articles import Article, Document, Evidence, Reject, Removal, StageFailure
from storyfold.records.claims import (
    Claim,
    ClaimMention,
    ClaimStatus,
    Commitment,
    CommitmentCategory,
    CommitmentEvidence,
    CommitmentKind,
    CommitmentMention,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    ConflictSide,
    Modality,
)
from storyfold.records.corpus import (
    DedupState,
    DocVector,
    Entity,
    Event,
    EventJoin,
    Lineage,
    MinHashSignature,
    Quote,
    Relation,
    RelationKind,
    SentencePair,
    Story,
)
from storyfold.records.dates import (
    CREATION_TIME,
    DateMention,
    DayPart,
    PartialDate,
    Precision,
    PublishedEstimate,
    Season,
    date_order,
)
from storyfold.records.extraction import EntityMention, EntityType, Quantity, QuoteVariant
from storyfold.records.presentation import BriefDigest, BriefSection, BriefSentence, TimelineEntry

__all__ = [
    "CREATION_TIME",
    "Article",
    "BriefDigest",
    "BriefSection",
    "BriefSentence",
    "Claim",
    "ClaimMention",
    "ClaimStatus",
    "Commitment",
    "CommitmentCategory",
    "CommitmentEvidence",
    "CommitmentMention",
    "CommitmentKind",
    "CommitmentStatus",
    "Conflict",
    "ConflictKind",
    "ConflictSide",
    "DateMention",
    "DayPart",
    "Document",
    "Entity",
    "EntityMention",
    "EntityType",
    "Event",
    "EventJoin",
    "DedupState",
    "DocVector",
    "Evidence",
    "Lineage",
    "MinHashSignature",
    "Modality",
    "PartialDate",
    "Precision",
    "PublishedEstimate",
    "Quantity",
    "Quote",
    "QuoteVariant",
    "Reject",
    "Relation",
    "RelationKind",
    "Removal",
    "Season",
    "SentencePair",
    "StageFailure",
    "Story",
    "TimelineEntry",
    "date_order",
]
