"""Corpus stage ``cluster``: articles into stories, and each story's articles into events.

Stories: average-linkage clustering (no number of clusters) over one unit vector per article that
mixes its MiniLM embedding (weight ``STORY_DENSE_WEIGHT``) with the TF-IDF of its salient terms
(names, years, content words; see :mod:`storyfold.stages.cluster.doc_vector`), cut at the setting
``cluster_story_threshold``. Events: inside each story, average-linkage clustering over a TF-IDF
whose idf is computed *within the story* (what the whole story shares weighs nothing, the names and
dates of each happening weigh most), cut at ``cluster_event_threshold``; two articles published more
than ``cluster_event_days`` apart are never put in the same event.

Incremental: when earlier output exists, its stories are kept and only articles they do not hold
(``corpus.new_article_ids`` and any other unclustered article) are placed: each goes to the story
whose members it is most similar to on average when that reaches the threshold (the criterion
average linkage uses); the rest are clustered among themselves into new stories; then a story that
took new articles merges with another while their average similarity reaches the threshold
(:func:`~storyfold.stages.cluster.linkage.merge_groups`). A story that took new articles has its
events clustered again, whole, as one fold of everything would (one larger than ``cluster_block``
keeps its events, and a new article joins one only when its who/where/when contradicts fewer than
half of its members); the events of other stories stand. Large corpora are processed in date order
in blocks of ``cluster_block`` articles, so memory stays bounded. A copy or rewrite (``relations``)
always follows its source into the source's story and event.

Ids are content-derived: a cluster is named after its founding member (earliest publication date,
then smallest article id), so a rerun gives the same ids and an id changes only when its cluster does.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyfold.ids import content_id
from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import Article, Event, PartialDate, Story, date_order
from storyfold.stages.cluster.doc_vector import NAME_WEIGHT, decode_vector
from storyfold.stages.cluster.gates import date_gate, identity_gate, pair_gate
from storyfold.stages.cluster.identity import (
    Identity,
    IdentityModel,
    event_evidence,
    identity_of,
    mentioned_days,
    pair_costs,
)
from storyfold.stages.cluster.linkage import (
    Rows,
    assign,
    average_linkage,
    combine,
    group_spans,
    merge_groups,
    sparse_rows,
    tfidf,
)

__all__ = ["ClusterStage", "headline"]

STORY_DENSE_WEIGHT = 0.7  # tuned on ECB+ train with the AllSides roundups in view (docs/clustering.md)
EVENT_MIN_DF = 2  # within a story, a term one article alone uses is left out of the event TF-IDF
TITLE_WORDS = 14
_NO_DATE = dt.date.max
_SENTENCE = re.compile(r"(.+?[.!?])(?:\s|$)")


@dataclass(slots=True)
class _Doc:
    id: str
    published: dt.date | None
    title: str | None
    headline: str
    vector: np.ndarray
    terms: dict[str, int]
    identity: Identity

    @property
    def key(self) -> tuple[dt.date, str]:
        return (self.published or _NO_DATE, self.id)


@dataclass(slots=True)
class _Group:
    """A cluster under construction: indices of its member articles and, for a story, its events."""

    members: list[int]
    children: list[_Group] = field(default_factory=list)


def headline(article: Article) -> str:
    """The article's title, or else its first sentence, shortened to a readable length."""
    if article.title and article.title.strip():
        return _shorten(article.title.strip())
    first = next((line.strip() for line in article.text.split("\n") if line.strip()), "")
    m = _SENTENCE.match(first)
    return _shorten(m.group(1) if m else first)


def _shorten(text: str) -> str:
    words = " ".join(text.split()).split(" ")
    return text if len(words) <= TITLE_WORDS else " ".join(words[:TITLE_WORDS]).rstrip(",;:") + " …"


def _roots(parent: Mapping[int, int]) -> dict[int, int]:
    """``{copy: root}`` along ``parent`` links (copy -> source). Relations hold one source per
    copy but may close a cycle (a -> b -> a); the cycle's smallest member then stands as its root,
    so every copy leads to an article that is not a copy."""
    roots: dict[int, int] = {}
    for b in parent:
        path, seen, cur = [b], {b}, parent[b]
        while cur in parent and cur not in seen:
            path.append(cur)
            seen.add(cur)
            cur = parent[cur]
        if cur in seen:
            cur = min(path[path.index(cur):])
        if cur != b:
            roots[b] = cur
    return roots


class ClusterStage(CorpusStage):
    name = "cluster"
    version = "10"
    requires = ("doc_vectors",)
    optional = ("relations", "entity_mentions", "dates", "quantities")
    provides = {"stories": Story, "events": Event}

    def __init__(self, identity: IdentityModel | None = None) -> None:
        self.identity = identity or IdentityModel()

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        s = ctx.settings
        docs = self._docs(corpus)
        if not docs:
            return {"stories": (), "events": ()}
        index = {d.id: i for i, d in enumerate(docs)}
        source = self._sources(corpus, index)
        roots = [i for i in range(len(docs)) if i not in source]
        earlier = {"stories": corpus.outputs("stories"), "events": corpus.outputs("events")}
        old_stories, old_events = (self._earlier(earlier[k], index, source) for k in ("stories", "events"))

        # Stories, over the articles that are not copies.
        x = combine(
            np.stack([docs[i].vector for i in roots]),
            tfidf([docs[i].terms for i in roots]),
            STORY_DENSE_WEIGHT,
        )
        row = {doc_index: r for r, doc_index in enumerate(roots)}
        clustered = {i for g in old_stories for i in g.members}
        stories = _fold(
            old_stories,
            [i for i in roots if i not in clustered],
            lambda idx: x.take([row[i] for i in idx]),
            s.cluster_story_threshold,
            s.cluster_block,
        )
        # A story that took new articles may now reach another: average linkage carried on over whole
        # stories (after one average linkage over everything, a first fold of one block, none can merge).
        if clustered or len(roots) > s.cluster_block:
            into = merge_groups(x.take([row[i] for g in stories for i in g.members]), [len(g.members) for g in stories],
                                [any(i not in clustered for i in g.members) for g in stories], s.cluster_story_threshold)
            merged: dict[int, _Group] = {}
            for story, k in zip(stories, into, strict=True):
                merged.setdefault(k, _Group([])).members.extend(story.members)
            stories = list(merged.values())

        # Events inside each story.
        event_of_old = {i: g for g in old_events for i in g.members}
        window = s.cluster_event_days
        published = [d.published for d in docs]
        for story in stories:
            members = sorted(story.members, key=lambda i: docs[i].key)
            kept: dict[int, _Group] = {}
            for i in members:
                old = event_of_old.get(i)
                if old is not None:
                    kept.setdefault(id(old), _Group([])).members.append(i)
            placed = {i for g in kept.values() for i in g.members}
            if len(placed) == len(members):  # nothing new in this story: its events stand
                story.children = list(kept.values())
                continue
            if len(members) <= s.cluster_block:  # new articles: the story's events are clustered again, whole
                kept, placed = {}, set()
            local = sparse_rows(tfidf([docs[i].terms for i in members], local=True, min_df=EVENT_MIN_DF))
            lrow = {doc_index: r for r, doc_index in enumerate(members)}
            apart, offset = pair_costs(
                [docs[i].identity for i in members], [published[i] for i in members], self.identity, window
            )
            hard = np.isinf(self.identity.penalty)
            # An article joins an existing event only when its who/where/when agrees with most members.
            gate = lambda idx, groups, apart=apart, lrow=lrow: (  # noqa: E731
                date_gate(idx, [g.members for g in groups], published, window)
                & identity_gate(idx, [g.members for g in groups], apart, lrow)
            )
            pair = lambda idx, apart=apart, lrow=lrow, hard=hard: (  # noqa: E731
                pair_gate(idx, published, window) & (~apart[np.ix_([lrow[i] for i in idx], [lrow[i] for i in idx])] if hard else True)
            )
            adjust = lambda a, b, offset=offset, lrow=lrow: offset[np.ix_([lrow[i] for i in a], [lrow[i] for i in b])]  # noqa: E731
            children = _fold(
                list(kept.values()),
                [i for i in members if i not in placed],
                lambda idx, local=local, lrow=lrow: local.take([lrow[i] for i in idx]),
                s.cluster_event_threshold,
                s.cluster_block,
                group_gate=gate,
                pair_gate=pair,
                pair_adjust=adjust,
                fallback=lambda idx, groups, gate=gate, adjust=adjust: _story_assign(
                    idx, groups, x, row, s.cluster_story_threshold, gate, adjust
                ),
            )
            story.children = _attach_singletons(children, len(kept), x, row, s.cluster_story_threshold, gate, adjust)

        # Copies follow their sources.
        story_of = {i: st for st in stories for i in st.members}
        event_of = {i: ev for st in stories for ev in st.children for i in ev.members}
        for copy, src in source.items():
            story_of[src].members.append(copy)
            event_of[src].members.append(copy)

        return self._records(corpus, docs, stories, x, row, earlier, source)

    # ------------------------------------------------------------------------------------ inputs
    def _docs(self, corpus: Corpus) -> list[_Doc]:
        vectors = corpus.annotations("doc_vectors")
        names: dict[str, Counter[str]] = {}
        entities = corpus.annotations("entity_mentions") if corpus.has("entity_mentions") else {}
        dates = corpus.annotations("dates") if corpus.has("dates") else {}
        quantities = corpus.annotations("quantities") if corpus.has("quantities") else {}
        if entities:
            for aid, mentions in entities.items():
                names[aid] = Counter(
                    "_".join(str(getattr(m, "text", "")).lower().split()) for m in mentions if getattr(m, "text", "")
                )
        docs = []
        for article in corpus.articles():
            found = vectors.get(article.id)
            if not found:
                continue  # the doc_vector stage has not annotated it (an inconsistent store): skip
            record = found[0]
            terms = dict(record.terms)
            for name, count in names.get(article.id, Counter()).items():
                terms[name] = terms.get(name, 0) + NAME_WEIGHT * count
            identity = identity_of(
                article.text, entities.get(article.id, ()), dates.get(article.id, ()), self.identity,
                quantities=quantities.get(article.id, ()),
            )
            docs.append(
                _Doc(
                    article.id, article.published, article.title, headline(article), decode_vector(record.vector), terms,
                    identity,
                )
            )
        docs.sort(key=lambda d: d.key)
        return docs

    def _sources(self, corpus: Corpus, index: Mapping[str, int]) -> dict[int, int]:
        """``{copy: root source}`` from exact copies, near-duplicates and rewrites."""
        if not corpus.has("relations"):
            return {}
        parent: dict[int, int] = {}
        for rel in corpus.outputs("relations"):
            a, b = index.get(rel.a), index.get(rel.b)
            if a is not None and b is not None and a != b and b not in parent:
                parent[b] = a
        return _roots(parent)

    @staticmethod
    def _earlier(records: Iterable[Story | Event], index: Mapping[str, int], source: Mapping[int, int]) -> list[_Group]:
        """Earlier stories or events, restricted to articles still present that are not copies."""
        out = []
        for r in records:
            members = [index[a] for a in r.article_ids if a in index and index[a] not in source]
            if members:
                out.append(_Group(members))
        return out

    # ----------------------------------------------------------------------------------- records
    def _records(
        self,
        corpus: Corpus,
        docs: Sequence[_Doc],
        stories: Sequence[_Group],
        x: Rows,
        row: Mapping[int, int],
        earlier: Mapping[str, tuple[Story | Event, ...]],
        source: Mapping[int, int],
    ) -> Outputs:
        """Records of the clusters; a cluster whose articles are exactly those of an earlier record
        keeps that record (id, title, dates) unchanged, and is not recomputed."""
        mentioned = mentioned_days(corpus.annotations("dates") if corpus.has("dates") else {})
        same = {(kind, frozenset(r.article_ids)): r for kind, records in earlier.items() for r in records}
        story_records: list[Story] = []
        event_records: list[Event] = []
        for story in stories:
            sid = _cluster_id("story", story.members, docs)
            events = []
            for ev in story.children:
                old = same.get(("events", frozenset(docs[i].id for i in ev.members)))
                if old is not None and old.story_id == sid:
                    events.append(old)
                    continue
                first, last = _date_range(ev.members, docs, mentioned, source)
                events.append(
                    Event(
                        id=_cluster_id("event", ev.members, docs),
                        story_id=sid,
                        title=_title(ev.members, docs, x, row),
                        article_ids=tuple(d.id for d in sorted((docs[i] for i in ev.members), key=lambda d: d.key)),
                        date=first,
                        date_end=last if last != first else None,
                        **_evidence(ev.members, docs, source),
                    )
                )
            events.sort(key=lambda e: (date_order(e.date), e.id))
            event_records.extend(events)
            old_story = same.get(("stories", frozenset(docs[i].id for i in story.members)))
            if old_story is not None and old_story.id == sid and old_story.event_ids == tuple(e.id for e in events):
                story_records.append(old_story)
                continue
            story_records.append(
                Story(
                    id=sid,
                    title=_title(story.members, docs, x, row),
                    article_ids=tuple(d.id for d in sorted((docs[i] for i in story.members), key=lambda d: d.key)),
                    event_ids=tuple(e.id for e in events),
                )
            )
        first_date = {e.story_id: date_order(e.date) for e in reversed(event_records)}
        story_records.sort(key=lambda st: (first_date.get(st.id, date_order(None)), st.id))
        event_records.sort(key=lambda e: (first_date.get(e.story_id, date_order(None)), e.story_id, date_order(e.date),
                                          e.id))
        return {"stories": tuple(story_records), "events": tuple(event_records)}


def _fold(
    groups: list[_Group],
    todo: Sequence[int],
    rows_of: Callable[[Sequence[int]], Rows],
    threshold: float,
    block: int,
    *,
    group_gate: Callable[[Sequence[int], Sequence[_Group]], np.ndarray] | None = None,
    pair_gate: Callable[[Sequence[int]], np.ndarray] | None = None,
    pair_adjust: Callable[[Sequence[int], Sequence[int]], np.ndarray] | None = None,
    fallback: Callable[[Sequence[int], Sequence[_Group]], np.ndarray] | None = None,
) -> list[_Group]:
    """Put ``todo`` (in order, ``block`` at a time) into ``groups`` by average similarity (or else,
    when given, by ``fallback``'s choice: items x groups -> a group or -1), and cluster what fits
    no group by average linkage into new groups."""
    groups = [g for g in groups if g.members]
    for start in range(0, len(todo), max(1, block)):
        chunk = list(todo[start : start + block])
        items = rows_of(chunk)
        if groups:
            everyone = [i for g in groups for i in g.members]
            sums = rows_of(everyone).sum_by(group_spans([len(g.members) for g in groups]))
            sizes = np.array([len(g.members) for g in groups], dtype=np.float32)
            gate = group_gate(chunk, groups) if group_gate is not None else None
            offset = None
            if pair_adjust is not None:  # the average adjustment over each group's members
                offset = pair_adjust(chunk, everyone) @ _indicator([len(g.members) for g in groups]).T / sizes[None, :]
            target = assign(items, sums, sizes, threshold, gate, offset)
            alone = [k for k, t in enumerate(target) if t < 0]
            if fallback is not None and alone:
                target[alone] = fallback([chunk[k] for k in alone], groups)
        else:
            target = -np.ones(len(chunk), dtype=int)
        left = [i for i, t in zip(chunk, target, strict=True) if t < 0]
        for i, t in zip(chunk, target, strict=True):
            if t >= 0:
                groups[t].members.append(i)
        if left:
            rows = rows_of(left)
            sims = rows.dot(rows)
            if pair_adjust is not None:
                sims = sims + pair_adjust(left, left)
            labels = average_linkage(sims, threshold, None if pair_gate is None else ~pair_gate(left))
            fresh: dict[int, _Group] = {}
            for i, label in zip(left, labels, strict=True):
                fresh.setdefault(int(label), _Group([])).members.append(i)
            groups.extend(fresh.values())
    return groups


def _attach_singletons(
    groups: list[_Group],
    fresh_from: int,
    x: Rows,
    row: Mapping[int, int],
    threshold: float,
    gate: Callable[[Sequence[int], Sequence[_Group]], np.ndarray],
    adjust: Callable[[Sequence[int], Sequence[int]], np.ndarray],
) -> list[_Group]:
    """Put each article left alone in a new event into the event of its story that it is most
    similar to on the story-level measure (:func:`_story_assign`): a short article has too few
    words for the within-story TF-IDF to place it. In an incremental fold into a story too big to
    cluster again whole, a new article the TF-IDF puts in no earlier event is offered to them the same way."""
    targets = [g for g in groups if len(g.members) > 1]
    singles = [g for g in groups[fresh_from:] if len(g.members) == 1]
    if not targets or not singles:
        return groups
    lone = [g.members[0] for g in singles]
    chosen = _story_assign(lone, targets, x, row, threshold, gate, adjust)
    for group, t in zip(singles, chosen, strict=True):
        if t >= 0:
            targets[t].members.append(group.members[0])
            group.members.clear()
    return [g for g in groups if g.members]


def _story_assign(
    lone: Sequence[int],
    targets: Sequence[_Group],
    x: Rows,
    row: Mapping[int, int],
    threshold: float,
    gate: Callable[[Sequence[int], Sequence[_Group]], np.ndarray],
    adjust: Callable[[Sequence[int], Sequence[int]], np.ndarray],
) -> np.ndarray:
    """For each of ``lone``, the event of ``targets`` it is most similar to on the story-level
    measure plus the identity costs averaged over the event's members, when that reaches
    ``threshold`` and the gate allows; else -1."""
    sizes = np.array([len(g.members) for g in targets], dtype=np.float32)
    everyone = [i for g in targets for i in g.members]
    sums = x.take([row[i] for i in everyone]).sum_by(group_spans([len(g.members) for g in targets]))
    offset = adjust(lone, everyone) @ _indicator([len(g.members) for g in targets]).T / sizes[None, :]
    return assign(x.take([row[i] for i in lone]), sums, sizes, threshold, gate(lone, targets), offset)


def _indicator(sizes: Sequence[int]) -> np.ndarray:
    """groups x members 0/1 matrix for members listed group after group."""
    out = np.zeros((len(sizes), sum(sizes)), dtype=np.float32)
    start = 0
    for g, n in enumerate(sizes):
        out[g, start : start + n] = 1.0
        start += n
    return out


def _cluster_id(prefix: str, members: Iterable[int], docs: Sequence[_Doc]) -> str:
    founder = min(docs[i].key for i in members)[1]
    return content_id(prefix, founder, prefix=f"{prefix[:2]}-", sep=":", algorithm="sha256", length=12)


def _title(members: Sequence[int], docs: Sequence[_Doc], x: Rows, row: Mapping[int, int]) -> str:
    """The headline of the most central member (highest average similarity to the others),
    preferring members with a real title."""
    rooted = [i for i in members if i in row]
    pool = [i for i in rooted if docs[i].title] or rooted or list(members)
    if len(pool) == 1 or not rooted:
        return docs[min(pool, key=lambda i: docs[i].key)].headline
    total = x.take([row[i] for i in rooted]).sum_by([range(len(rooted))])
    scores = x.take([row[i] for i in pool]).dot(total).ravel()
    best = min(range(len(pool)), key=lambda k: (-round(float(scores[k]), 6), docs[pool[k]].key))
    return docs[pool[best]].headline


def _evidence(members: Sequence[int], docs: Sequence[_Doc], source: Mapping[int, int]) -> dict[str, object]:
    """What holds an event together and why each member joined (:func:`identity.event_evidence`)."""
    ordered = sorted(members, key=lambda i: docs[i].key)
    return event_evidence([(docs[i].id, docs[i].identity, i in source) for i in ordered])


def _date_range(
    members: Sequence[int], docs: Sequence[_Doc], mentioned: Mapping[str, Counter[str]],
    source: Mapping[int, int],
) -> tuple[PartialDate | None, PartialDate | None]:
    """First and last publication date of the members, or else the day their date mentions name
    most (then the earliest) of those that are corroborated: named by two independent members or more
    (a copy counts with its ``source``), or by the event's one report. A day only one report of many
    names ("hijacked on September 15, 2008", "hired on May 23, 2005") is background, not the event's
    day: with no other, the event has no date."""
    dated = sorted(docs[i].published for i in members if docs[i].published)
    if dated:
        return PartialDate.from_date(dated[0]), PartialDate.from_date(dated[-1])
    days: Counter[str] = Counter()
    naming: dict[str, set[int]] = {}  # the independent reports that name each day
    for i in members:
        found = mentioned.get(docs[i].id, Counter())
        days.update(found)
        for d in found:
            naming.setdefault(d, set()).add(source.get(i, i))
    one_report = len({source.get(i, i) for i in members}) == 1
    sure = [d for d in days if one_report or len(naming[d]) >= 2]
    if sure:
        day = PartialDate.parse(min(sure, key=lambda d: (-days[d], d)))
        return day, day
    return None, None
