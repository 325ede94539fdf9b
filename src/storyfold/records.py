"""Typed records that flow between storyfold's stages.

Every record is a frozen, slotted, keyword-only dataclass. Collections are tuples. Closed
vocabularies are ``StrEnum``. Every extracted thing carries its evidence: the article id and
character offsets into that article's *cleaned* text (``Article.text``).

Records are serialised to plain JSON-able dicts by :mod:`storyfold.codec`; field names here are the
field names of the export contract (``docs/export.md``), so renaming a field is a contract change.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum

__all__ = [
    "Article",
    "BriefSentence",
    "Claim",
    "ClaimMention",
    "ClaimStatus",
    "Commitment",
    "CommitmentMention",
    "CommitmentKind",
    "CommitmentStatus",
    "Conflict",
    "ConflictKind",
    "DateMention",
    "Document",
    "Entity",
    "EntityMention",
    "EntityType",
    "Event",
    "DedupState",
    "DocVector",
    "Evidence",
    "Lineage",
    "MinHashSignature",
    "Precision",
    "PublishedEstimate",
    "Quantity",
    "Quote",
    "QuoteVariant",
    "Reject",
    "Relation",
    "RelationKind",
    "Removal",
    "SentencePair",
    "Story",
    "TimelineEntry",
]


# --------------------------------------------------------------------------------------------
# Ingest and clean
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Removal:
    """A span removed by the cleaner, kept so a user can audit what was dropped and why."""

    text: str
    reason: str


@dataclass(frozen=True, slots=True, kw_only=True)
class Document:
    """One input document as a reader produced it, before cleaning.

    ``source`` names where it came from (a path, ``path:line`` for JSONL, a URL or a WARC record)
    so that every message about it can name it. Exactly one of ``text`` and ``html`` is set.
    """

    source: str
    text: str | None = None
    html: str | None = None
    title: str | None = None
    outlet: str | None = None
    url: str | None = None
    published: dt.date | None = None
    published_estimated: bool = False
    author: str | None = None
    external_id: str | None = None
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Article:
    """A cleaned article: the unit every later stage works on."""

    id: str
    source: str
    text: str
    url: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    published_estimated: bool = False
    author: str | None = None
    removed: tuple[Removal, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Reject:
    """An input that could not be turned into an article, with the reason."""

    source: str
    reason: str
    line: int | None = None


# --------------------------------------------------------------------------------------------
# Evidence
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class Evidence:
    """A character span of one article's cleaned text that supports an extracted item."""

    article_id: str
    start: int
    end: int
    text: str = ""


# --------------------------------------------------------------------------------------------
# Copies and rewrites
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
class Event:
    id: str
    story_id: str
    title: str
    article_ids: tuple[str, ...]
    date: str | None = None
    date_end: str | None = None


# --------------------------------------------------------------------------------------------
# Entities and quotes
# --------------------------------------------------------------------------------------------


class EntityType(StrEnum):
    PERSON = "person"
    ORGANISATION = "organisation"
    PLACE = "place"
    GROUP = "group"
    OTHER = "other"


@dataclass(frozen=True, slots=True, kw_only=True)
class EntityMention:
    """One mention of a named entity in one article."""

    text: str
    type: EntityType
    article_id: str
    start: int
    end: int
    label: str = ""


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
class QuoteVariant:
    article_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    direct: bool = True
    medium: str | None = None
    # issue 5: the span of the speaker's name in the article (for a pronoun, of the name it
    # resolves to), so the quote can be linked to the merged entity.
    speaker_start: int | None = None
    speaker_end: int | None = None
    # ``direct`` (the words inside quotation marks), ``indirect`` (reported speech) or ``mixed``
    # (reported speech holding a quoted fragment: "he said the deal was 'dead'"); ``cue`` is the
    # reporting verb's lemma ("say", "according to") and ``cue_start``/``cue_end`` its span.
    kind: str = "direct"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quote:
    id: str
    speaker: str | None
    text: str
    article_ids: tuple[str, ...]
    variants: tuple[QuoteVariant, ...]
    speaker_entity_id: str | None = None
    direct: bool = True


# --------------------------------------------------------------------------------------------
# Numbers and dates
# --------------------------------------------------------------------------------------------


class Precision(StrEnum):
    TIME = "time"
    DAY = "day"
    WEEK = "week"
    MONTH = "month"
    QUARTER = "quarter"
    SEASON = "season"
    YEAR = "year"
    DECADE = "decade"
    CENTURY = "century"
    RANGE = "range"
    DURATION = "duration"
    SET = "set"
    UNRESOLVED = "unresolved"


@dataclass(frozen=True, slots=True, kw_only=True)
class DateMention:
    """A temporal expression. ``value`` is TIMEX3-like (``2025-03-20``, ``2025-03``, ``P10Y``);
    ``None`` when the expression is relative and no anchor date is known."""

    text: str
    value: str | None
    precision: Precision
    article_id: str
    start: int
    end: int
    type: str = "DATE"
    relative: bool = False
    # issue 6: TIMEX3 ``mod`` (START, MID, END, APPROX), the preposition before the expression
    # ("since", "on", "by"), the first and last day the value covers, and whether the anchor was an
    # estimated publication date.
    mod: str | None = None
    signal: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    anchor_estimated: bool = False


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A numeric fact. ``value`` is the conservative (lower-bound) reading of vague amounts."""

    text: str
    value: float | None
    unit: str | None
    article_id: str
    start: int
    end: int
    qualifier: str | None = None
    value_max: float | None = None
    counts: str | None = None
    entity: str | None = None
    # issue 6: what the figure includes or leaves out ("including reserves") and, for money, the
    # period it is spread over (TIMEX3 duration, "P10Y").
    scope: str | None = None
    period: str | None = None


# --------------------------------------------------------------------------------------------
# Claims, commitments, conflicts
# --------------------------------------------------------------------------------------------


class ClaimStatus(StrEnum):
    CORROBORATED = "corroborated"
    SINGLE_SOURCE = "single-source"
    CONTESTED = "contested"


class CommitmentKind(StrEnum):
    GROUND_TROOPS = "ground troops"
    PEACEKEEPERS = "peacekeepers"
    LOGISTICS = "logistics"
    EQUIPMENT = "equipment"
    ARMS = "arms"
    INTELLIGENCE = "intelligence"
    AIR_SUPPORT = "air support"
    AIR_DEFENCE = "air defence"
    BORDER_SURVEILLANCE = "border surveillance"
    FUNDING = "funding"
    TRAINING = "training"
    POLITICAL_GUARANTEE = "political guarantee"
    SECURITY_GUARANTEE = "security guarantee"
    PARTICIPATION = "participation in a coalition"
    OTHER = "other"


class CommitmentStatus(StrEnum):
    COMMITTED = "committed"
    PLEDGED = "pledged"
    WILLING = "willing"
    CONSIDERING = "considering"
    CONDITIONAL = "conditional"
    DECLINED = "declined"
    RULED_OUT = "ruled out"
    FULFILLED = "fulfilled"


class ConflictKind(StrEnum):
    CONTRADICTION = "contradiction"
    UPDATE = "update"


@dataclass(frozen=True, slots=True, kw_only=True)
class Claim:
    id: str
    text: str
    subject: str | None
    predicate: str | None
    object: str | None
    article_ids: tuple[str, ...]
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    time: str | None = None
    attribution: str | None = None
    modality: str = "asserted"
    independent_sources: int = 0
    status: ClaimStatus = ClaimStatus.SINGLE_SOURCE
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Commitment:
    id: str
    actor: str
    kind: CommitmentKind
    status: CommitmentStatus
    article_ids: tuple[str, ...]
    recipient: str | None = None
    amount: str | None = None
    period: str | None = None
    conditions: tuple[str, ...] = ()
    time: str | None = None
    claim_ids: tuple[str, ...] = ()
    independent_sources: int = 0
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    id: str
    kind: ConflictKind
    summary: str
    article_ids: tuple[str, ...]
    claim_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()


# --------------------------------------------------------------------------------------------
# Presentation
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class TimelineEntry:
    date: str
    text: str
    article_ids: tuple[str, ...]
    story_id: str | None = None
    evidence: tuple[Evidence, ...] = ()
    precision: Precision | None = None  # issue 6: how much of ``date`` is known


@dataclass(frozen=True, slots=True, kw_only=True)
class BriefSentence:
    text: str
    article_ids: tuple[str, ...]
    story_id: str | None = None
    claim_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = field(default=())
    # issue 8: the date the sentence is placed at (ISO prefix, the record's time or the earliest
    # cited publication date), what it was built from (claim, commitment, conflict, update, quote)
    # and the commitment ids it rests on.
    date: str | None = None
    kind: str = ""
    commitment_ids: tuple[str, ...] = ()


# --------------------------------------------------------------------------------------------
# issue 6: publication-date estimates
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class PublishedEstimate:
    """A publication date inferred from an article's text when its metadata has none.

    ``date`` is the first day of the estimated period (the export's ``published``), ``precision``
    says how much of it is known (``day`` or ``year``), ``earliest``/``latest`` bound it, and
    ``basis`` says which text supports it."""

    article_id: str
    date: dt.date
    precision: Precision
    earliest: dt.date
    latest: dt.date
    basis: str
    evidence: tuple[Evidence, ...] = ()


# --------------------------------------------------------------------------------------------
# Issue 3: copies, rewrites and independent sources
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------
# Issue 4: stories and events (intermediate records, not exported)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DocVector:
    """What clustering needs of one article, computed once and cached per article by the pipeline.

    ``vector`` is the article's sentence embedding (model ``model``), L2-normalised, stored as
    base64 of little-endian float16 to keep the store small; ``terms`` counts the article's salient
    terms (names weighted up, years, content words) for TF-IDF.
    """

    article_id: str
    model: str
    vector: str
    terms: tuple[tuple[str, int], ...] = ()


# --------------------------------------------------------------------------------------------
# issue 7: per-article claim and commitment mentions (merged by the reconcile stage)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimMention:
    """One factual assertion in one sentence of one article, before merging across articles.

    ``modality`` is ``asserted``, ``hedged`` ("it is hoped", "could"), ``attributed`` ("according
    to Bloomberg") or ``conditional`` ("if", "without a ceasefire"); ``attribution`` names who
    says it. ``value``/``unit``/``qualifier``/``counts`` come from the first quantity in the span,
    ``time`` from the first resolved date in it."""

    article_id: str
    start: int
    end: int
    text: str
    subject: str | None = None
    predicate: str | None = None
    object: str | None = None
    negated: bool = False
    value: float | None = None
    unit: str | None = None
    qualifier: str | None = None
    counts: str | None = None
    time: str | None = None
    attribution: str | None = None
    modality: str = "asserted"
    # the span of the speaker's words when the claim lies in reported speech ("X said that ..."),
    # so that the claim can be linked to the speaker's merged entity
    attribution_start: int | None = None
    attribution_end: int | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentMention:
    """One statement of what one actor (a country) will, may or will not do for a recipient, in
    one sentence of one article. ``cue`` is the words the status was read from; ``speaker`` the
    person whose words they are when the actor speaks for itself ("we" in a leader's quote)."""

    article_id: str
    start: int
    end: int
    text: str
    actor: str
    kind: CommitmentKind
    status: CommitmentStatus
    cue: str
    recipient: str | None = None
    amount: str | None = None
    period: str | None = None
    conditions: tuple[str, ...] = ()
    time: str | None = None
    speaker: str | None = None
    content: tuple[str, ...] = ()
    carried: bool = False


# --------------------------------------------------------------------------------------------
# issue 3 (follow-up): incremental rewrite pass
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class DedupState:
    """The rule (stage version, thresholds, candidate bound) under which the ``dedup`` stage's stored
    rewrite relations were decided, and over how many articles: a later fold carries them over only
    under the same rule and when every article but its new ones was covered (a fold whose ``dedup``
    failed leaves articles that no state covers)."""

    rule: str
    articles: int = 0
