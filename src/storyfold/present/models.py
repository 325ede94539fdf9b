"""The view models: plain dataclasses holding what a page shows, built by :mod:`storyfold.present.views`.

Each is served as JSON as it stands (:func:`storyfold.present.views.to_json`) and rendered as HTML by
the web interface, the cited brief and the reports.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "AlignedPair",
    "ArticleRow",
    "ArticleView",
    "Citation",
    "CitedText",
    "CommitmentCell",
    "CommitmentMatrix",
    "CommitmentRow",
    "ConflictView",
    "EntityView",
    "EventJoinRow",
    "EventRow",
    "Mark",
    "MatrixRow",
    "Mention",
    "QuoteItem",
    "RelationView",
    "RewriteNote",
    "Segment",
    "Side",
    "SpeakerQuotes",
    "StoryRow",
    "StoryView",
    "Strip",
    "StripEvent",
    "StripMark",
    "StripTick",
]


@dataclass
class Citation:
    article_id: str
    label: str  # the source as a reader knows it: the outlet, else the web host, else the title's first words
    outlet: str
    title: str
    passage: str  # the supporting text: the evidence span, or the article's first sentence
    start: int
    end: int


@dataclass
class StoryRow:
    id: str
    title: str
    first_date: str | None
    last_date: str | None
    articles: int
    independent_sources: int
    outlets: list[str]
    last_update: str | None


@dataclass
class CitedText:
    text: str
    date: str | None = None
    citations: list[Citation] = field(default_factory=list)
    claim_ids: list[str] = field(default_factory=list)  # what a brief sentence rests on


@dataclass
class BriefSectionView:
    """One part of a story's brief told event by event: the lead, or one event with its date range,
    its sentences and what changed from the previous event."""
    role: str  # "lead" or "event"
    title: str | None
    date: str | None
    date_end: str | None
    sentences: list[CitedText] = field(default_factory=list)
    changes: list[CitedText] = field(default_factory=list)


@dataclass
class CommitmentRow:
    id: str
    actor: str
    recipient: str | None
    kind: str
    status: str
    amount: str | None
    period: str | None
    time: str | None
    conditions: list[str]
    independent_sources: int
    citations: list[Citation]


@dataclass
class Side:
    label: str  # the sources that say it, and the speaker entity when one is known ("inews.co.uk · Keir Starmer")
    text: str
    citations: list[Citation]
    speaker: str | None = None  # the speaker entity's name
    speaker_entity_id: str | None = None
    sources: str = ""  # the label without the speaker: the sources' labels


@dataclass
class ConflictView:
    id: str
    kind: str
    summary: str  # article ids named by their source labels, dates as people write them
    sides: list[Side]


@dataclass
class RewriteNote:
    """A rewrite that adds sentences its source does not support or drops its qualifiers: a note on
    the rewrite, not a contradiction between sources."""

    id: str
    rewrite_id: str
    rewrite_label: str
    source_id: str
    source_label: str
    added: list[str]  # the unsupported sentences, whole
    dropped_qualifiers: list[str]


@dataclass
class CommitmentCell:
    """One actor's commitments of one kind: the latest status, and each report of it in date order."""

    status: str  # of the latest commitment ("" for no commitment of this kind)
    history: list[CitedText] = field(default_factory=list)  # "considering (17 March 2025, inews.co.uk)", cited
    commitment_ids: list[str] = field(default_factory=list)


@dataclass
class CommitmentMatrix:
    """Actor by kind of commitment (kinds grouped by category)."""

    actors: list[str]
    columns: list[dict[str, str]]  # {"kind": ..., "category": ...}
    categories: list[dict[str, Any]]  # {"name": ..., "span": number of kinds}
    cells: list[list[CommitmentCell]]  # per actor, per column
    statuses: list[str]  # every status shown, for the legend


@dataclass
class StripTick:
    x: float
    label: str


@dataclass
class StripEvent:
    id: str
    title: str
    dates: str  # as people write them
    x: float
    width: float
    y: float
    articles: int


@dataclass
class StripMark:
    article_id: str
    label: str
    date: str
    x: float
    y: float


@dataclass
class Strip:
    """The events of a story over time, laid out for an SVG of ``width`` by ``height``."""

    width: float
    height: float
    ticks: list[StripTick]
    events: list[StripEvent]
    articles: list[StripMark]
    undated: int  # events without a date, not drawn


@dataclass
class MatrixRow:
    claim_id: str
    text: str
    status: str
    independent_sources: int
    cells: list[str]  # per column of ``StoryView.matrix_columns``: supports, contradicts or silent


@dataclass
class QuoteItem:
    id: str
    text: str
    direct: bool
    variants: list[dict[str, Any]]


@dataclass
class SpeakerQuotes:
    speaker: str
    entity_id: str | None
    quotes: list[QuoteItem]


@dataclass
class ArticleRow:
    id: str
    title: str
    outlet: str
    published: str | None
    published_estimated: bool
    lineage: str  # id of the article standing for its independent source
    copy_of: str | None
    rewrite_of: str | None
    removed: int
    copy_of_label: str | None = None  # the source label of the article it copies
    rewrite_of_label: str | None = None


@dataclass
class EventJoinRow:
    """One article of an event and why it joined."""

    article_id: str
    title: str
    basis: str
    shared: str  # what it shares with the event, in words ("" when nothing but its wording)


@dataclass
class EventRow:
    """One event of the story: what holds it together, and why each article is in it."""

    id: str
    title: str
    date: str | None
    date_end: str | None
    place: str | None
    participants: list[str]
    happened: str | None
    joined: list[EventJoinRow]


@dataclass
class StoryView:
    story: StoryRow
    brief: list[CitedText]
    timeline: list[CitedText]
    commitments: list[CommitmentRow]
    commitment_filters: dict[str, list[str]]
    conflicts: list[ConflictView]
    matrix_columns: list[dict[str, str]]
    matrix: list[MatrixRow]
    quotes_by_speaker: list[SpeakerQuotes]
    articles: list[ArticleRow]
    unfilled: list[str]
    events: list[EventRow] = field(default_factory=list)
    not_done: list[str] = field(default_factory=list)  # "article ...: not reconciled (...)", tried again next fold
    rewrite_notes: list[RewriteNote] = field(default_factory=list)
    matrix_claims: str = "multi"  # which claims ``matrix`` holds: "multi" (two or more sources, or contested) or "all"
    matrix_total: int = 0  # the story's claims, whichever ``matrix`` holds
    commitment_matrix: CommitmentMatrix | None = None
    brief_sections: list[BriefSectionView] = field(default_factory=list)  # the brief told event by event
    strip: Strip | None = None


@dataclass
class Mark:
    kind: str  # entity, quote, date, quantity, claim
    label: str
    href: str | None = None


@dataclass
class Segment:
    text: str
    marks: list[Mark]


@dataclass
class AlignedPair:
    this: str
    other: str
    similarity: float


@dataclass
class RelationView:
    other_id: str
    other_title: str
    other_outlet: str
    role: str  # "copy of", "rewrite of", "copied by", "rewritten by"
    kind: str
    similarity: float
    aligned: list[AlignedPair]
    unsupported: list[str]
    dropped_qualifiers: list[str]


@dataclass
class ArticleView:
    article: ArticleRow
    url: str | None
    author: str | None
    source: str
    story_id: str | None
    story_title: str | None
    segments: list[Segment]
    mark_counts: dict[str, int]
    removed: list[dict[str, str]]
    relations: list[RelationView]


@dataclass
class Mention:
    article_id: str
    article_title: str
    outlet: str
    start: int
    end: int
    before: str
    text: str
    after: str


@dataclass
class EntityView:
    id: str
    name: str
    type: str
    aliases: list[str]
    stories: list[dict[str, str]]
    mentions: list[Mention]
    quotes_by: list[QuoteItem]
    claims: list[CitedText]
    commitments: list[CommitmentRow]
