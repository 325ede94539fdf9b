"""What the per-article stages find in one article: entity mentions, quote variants and quantities."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

__all__ = ["EntityMention", "EntityType", "Quantity", "QuoteVariant"]


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
class QuoteVariant:
    """One article's wording of a quote. ``speaker_start``/``speaker_end`` span the speaker's name in
    the article (for a pronoun, the name it resolves to), so the quote can be linked to the merged
    entity."""

    article_id: str
    text: str
    start: int
    end: int
    speaker: str | None = None
    direct: bool = True
    medium: str | None = None
    speaker_start: int | None = None
    speaker_end: int | None = None
    # ``direct`` (the words inside quotation marks), ``indirect`` (reported speech) or ``mixed``
    # (reported speech holding a quoted fragment: "he said the deal was 'dead'"); ``cue`` is the
    # reporting verb's lemma ("say", "according to") and ``cue_start``/``cue_end`` its span.
    kind: str = "direct"
    cue: str | None = None
    cue_start: int | None = None
    cue_end: int | None = None
    # the merged entity (``entity_merge``) the speaker's span is a mention of, set by ``quote_merge``
    speaker_entity_id: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class Quantity:
    """A numeric fact. ``value`` is the conservative (lower-bound) reading of vague amounts.

    ``scope`` says what the figure includes or leaves out ("including reserves"); ``period`` is,
    for money, the period it is spread over (a TIMEX3 duration, "P10Y")."""

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
    scope: str | None = None
    period: str | None = None
