"""Claims and commitments: the mentions found in one sentence of one article, the records the
reconcile stage merges them into, and the conflicts between them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from storyfold.records.articles import Evidence
from storyfold.records.dates import PartialDate

__all__ = [
    "Claim",
    "ClaimMention",
    "ClaimStatus",
    "Commitment",
    "CommitmentCategory",
    "CommitmentEvidence",
    "CommitmentKind",
    "CommitmentMention",
    "CommitmentStatus",
    "Conflict",
    "ConflictKind",
    "ConflictSide",
    "Modality",
]


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


class CommitmentCategory(StrEnum):
    """The coarse kind of what is committed (the Kiel tracker's and CAMEO's level)."""

    MILITARY = "military"
    FINANCIAL = "financial"
    HUMANITARIAN = "humanitarian"
    POLITICAL = "political"
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


class Modality(StrEnum):
    """How a claim is stated, least cautious first: ``asserted``, ``attributed`` ("according to
    Bloomberg"), ``hedged`` ("it is hoped", "could"), ``conditional`` ("if", "without a
    ceasefire"). A claim merged from several mentions keeps the most cautious."""

    ASSERTED = "asserted"
    ATTRIBUTED = "attributed"
    HEDGED = "hedged"
    CONDITIONAL = "conditional"

    @property
    def caution(self) -> int:
        """The modality's place in the order above: 0 for ``asserted``, 3 for ``conditional``."""
        return list(Modality).index(self)


# --------------------------------------------------------------------------------------------
# Per-article mentions (merged by the reconcile stage)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True, kw_only=True)
class ClaimMention:
    """One factual assertion in one sentence of one article, before merging across articles.

    ``modality`` says how it is stated (:class:`Modality`); ``attribution`` names who says it.
    ``value``/``unit``/``qualifier``/``counts`` come from the first quantity in the span, ``time``
    from the first resolved date in it."""

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
    time: PartialDate | None = None
    attribution: str | None = None
    modality: Modality = Modality.ASSERTED
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
    time: PartialDate | None = None
    speaker: str | None = None
    content: tuple[str, ...] = ()
    carried: bool = False
    # the coarse category, the item as worded, its unit count, and the key that merges the same item
    # across articles (the item's head lemma; None for the sub-kind rules' mentions)
    category: CommitmentCategory = CommitmentCategory.OTHER
    item: str | None = None
    units: int | None = None
    item_key: str | None = None


# --------------------------------------------------------------------------------------------
# Merged across the corpus
# --------------------------------------------------------------------------------------------


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
    time: PartialDate | None = None
    attribution: str | None = None
    modality: Modality = Modality.ASSERTED
    independent_sources: int = 0
    # the merged entity (``entity_merge``) of the speaker whose reported speech the claim lies in
    attribution_entity_id: str | None = None
    status: ClaimStatus = ClaimStatus.SINGLE_SOURCE
    evidence: tuple[Evidence, ...] = ()


@dataclass(frozen=True, slots=True, kw_only=True)
class CommitmentEvidence(Evidence):
    """A commitment mention's span with what that mention itself says: its own amount (never
    another mention's, so rows merged into one commitment keep their figures)."""

    amount: str | None = None


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
    time: PartialDate | None = None
    claim_ids: tuple[str, ...] = ()
    independent_sources: int = 0
    evidence: tuple[CommitmentEvidence, ...] = ()
    # the coarse category, what is committed as the first mention words it, its unit count
    category: CommitmentCategory = CommitmentCategory.OTHER
    item: str | None = None
    units: int | None = None
    actor_entity: str | None = None  # the entity_merge entity the actor is (one id across articles)


@dataclass(frozen=True, slots=True, kw_only=True)
class ConflictSide:
    """What one report says on one side of a conflict: ``says`` (a figure as the article words it, a
    commitment status, an amount), ``cue`` (the words a status was read from), the article, and the
    day the reconcile stage dates that side by (the article's event, else the statement's own date,
    else the publication day; ``None`` when undated or not dated for this kind of conflict)."""

    says: str
    article_id: str
    day: dt.date | None = None
    cue: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Conflict:
    """Two reports that disagree. ``summary`` is one line for people; ``about`` (what they disagree
    on: "the force's size", "Japan / security guarantee") and ``sides`` (earlier side first, when
    both are dated) carry the same in fields, for the brief and the export."""

    id: str
    kind: ConflictKind
    summary: str
    article_ids: tuple[str, ...]
    claim_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()
    evidence: tuple[Evidence, ...] = ()
    about: str | None = None
    sides: tuple[ConflictSide, ...] = ()
