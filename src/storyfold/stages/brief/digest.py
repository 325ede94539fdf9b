"""What one story's brief is a function of, as one digest.

:func:`story_digest` covers exactly what :func:`storyfold.stages.brief.brief.build_brief` reads of
its inputs, so that two stories with the same digest get the same brief: the story's articles
(whole records), the ids and in-story evidence spans of its claims (all that is cited of them),
its commitments, conflicts and events (whole records, in the order given), the name groups of its
entities (all the support check reads of them, as the set of groups ``name_aliases`` unites: the
order it meets them in already varies with Python's string hashing between processes), each
article's lineage, date mentions and estimated publication day, and the settings the brief reads
(its size, the spaCy model that dates sentences, if any). Whole-store records are never digested
whole: an entity's other articles, say, change with every fold and are not read.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence

from storyfold import codec
from storyfold.ids import content_id
from storyfold.records import Article, Claim, Commitment, Conflict, DateMention, Entity, Event

__all__ = ["story_digest"]


def story_digest(
    label: str,
    story_id: str | None,
    articles: Mapping[str, Article],
    claims: Iterable[Claim],
    commitments: Sequence[Commitment],
    conflicts: Sequence[Conflict],
    entities: Iterable[Entity],
    events: Sequence[Event],
    lineage_of: Mapping[str, str],
    dates: Mapping[str, Sequence[DateMention]],
    estimated: Mapping[str, dt.date],
    *,
    size: int,
    parse: str | None,
) -> str:
    """The digest of one story's brief inputs (``label`` the stage's ``name@version``, ``parse``
    the name of the spaCy model that dates sentences, None when none does)."""
    members = sorted(articles)
    cited = [(c.id, [e for e in c.evidence if e.article_id in articles]) for c in claims]
    names = sorted({tuple(sorted({e.name, *e.aliases})) for e in entities})
    per_article = [(a, lineage_of.get(a), dates.get(a, ()), estimated.get(a)) for a in members]
    return content_id(
        label, story_id, size, parse,
        codec.dumps([articles[a] for a in members]),
        codec.dumps(cited),
        codec.dumps(tuple(commitments)),
        codec.dumps(tuple(conflicts)),
        codec.dumps(names),
        codec.dumps(tuple(events)),
        codec.dumps(per_article),
        prefix="brief-",
    )
