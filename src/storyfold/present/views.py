"""Views: pure functions from the export document (contract v1, a dict) to what a page shows.

Each builds a view model of :mod:`storyfold.present.models` (re-exported here, with
:class:`~storyfold.present.doc_index.DocIndex`, so that ``views.StoryView`` and the like name them).
The web interface renders them as HTML and serves them as JSON; the cited brief and the reports
reuse them. Nothing here reads the store: give it ``storyfold.api.export(db)``. Every list may be
empty (a stage that has not run yet leaves its export list empty) and every view copes with that.

Articles not assigned to any story (no clustering stage yet, or left out by it) form one implicit
story, :data:`UNCLUSTERED_ID`, so that everything folded can be browsed.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict
from typing import Any

from storyfold.present.conflicts import Speakers, conflict_view, rewrite_note
from storyfold.present.doc_index import UNCLUSTERED_ID, DocIndex
from storyfold.present.humanize import human_date
from storyfold.present.models import (
    AlignedPair,
    ArticleRow,
    ArticleView,
    BriefSectionView,
    Citation,
    CitedText,
    CommitmentRow,
    ConflictView,
    EntityView,
    EventJoinRow,
    EventRow,
    Mark,
    MatrixRow,
    Mention,
    QuoteItem,
    RelationView,
    RewriteNote,
    Segment,
    SpeakerQuotes,
    StoryRow,
    StoryView,
)
from storyfold.present.visual import commitment_matrix, event_strip
from storyfold.records import PartialDate, StageFailure, date_order

__all__ = [
    "MATRIX_CLAIMS",
    "UNCLUSTERED_ID",
    "ArticleRow",
    "ArticleView",
    "Citation",
    "CommitmentRow",
    "ConflictView",
    "DocIndex",
    "EntityView",
    "MatrixRow",
    "Segment",
    "StoryRow",
    "StoryView",
    "article_view",
    "entity_view",
    "not_done",
    "story_view",
    "stories_list",
    "to_json",
]


MATRIX_CLAIMS = ("multi", "all")  # the claims matrix shows multi-source (and contested) claims, or all


def to_json(view: Any) -> Any:
    """A view model as plain JSON-able data."""
    if isinstance(view, list):
        return [to_json(v) for v in view]
    return asdict(view) if hasattr(view, "__dataclass_fields__") else view


def _index(doc: Mapping[str, Any] | DocIndex) -> DocIndex:
    return doc if isinstance(doc, DocIndex) else DocIndex(doc)


def _story_row(ix: DocIndex, sid: str) -> StoryRow:
    aids = ix.story_articles(sid)
    dates = sorted(d for d in (ix.articles[a].get("published") for a in aids) if d)
    events = [e for e in ix.list("events") if e.get("story_id") == sid and e.get("date")]
    event_dates = sorted([e["date"] for e in events] + [e["date_end"] for e in events if e.get("date_end")])
    span = event_dates or dates
    return StoryRow(
        id=sid,
        title=ix.story_title(sid),
        first_date=span[0] if span else None,
        last_date=span[-1] if span else None,
        articles=len(aids),
        independent_sources=ix.independent(aids),
        outlets=sorted({ix.outlet(a) for a in aids} - {""}),
        last_update=dates[-1] if dates else None,
    )


def stories_list(doc: Mapping[str, Any] | DocIndex) -> list[StoryRow]:
    """Every story, most recently updated first (the implicit unclustered story last)."""
    ix = _index(doc)
    rows = [_story_row(ix, sid) for sid in ix.stories]
    clustered = sorted((r for r in rows if r.id != UNCLUSTERED_ID), key=lambda r: (r.last_update or "", r.articles),
                       reverse=True)
    return clustered + [r for r in rows if r.id == UNCLUSTERED_ID]


def _commitment_row(ix: DocIndex, c: Mapping[str, Any]) -> CommitmentRow:
    return CommitmentRow(
        id=c["id"], actor=c.get("actor") or "", recipient=c.get("recipient"), kind=str(c.get("kind") or ""),
        status=str(c.get("status") or ""), amount=c.get("amount"), period=c.get("period"), time=c.get("time"),
        conditions=list(c.get("conditions") or []),
        independent_sources=c.get("independent_sources") or ix.independent(c.get("article_ids", ())),
        citations=ix.citations(c.get("article_ids", ()), c.get("evidence", ())),
    )


def _article_row(ix: DocIndex, aid: str) -> ArticleRow:
    a = ix.articles[aid]
    return ArticleRow(
        id=aid, title=ix.title(aid), outlet=ix.outlet(aid), published=a.get("published"),
        published_estimated=bool(a.get("published_estimated")), lineage=ix.lineage.get(aid, aid),
        copy_of=a.get("duplicate_of"), rewrite_of=a.get("derived_from"), removed=len(a.get("removed") or ()),
        copy_of_label=ix.label(a["duplicate_of"]) if a.get("duplicate_of") in ix.articles else None,
        rewrite_of_label=ix.label(a["derived_from"]) if a.get("derived_from") in ix.articles else None,
    )


def names_only_its_cue(q: Mapping[str, Any]) -> bool:
    """Whether every rendering of a quote is a speech noun's own phrase and nothing more ("issued a
    statement", "Netanyahu's tough comments": the content ends where its cue does): an event for the
    record, no statement for a reader's list of quotes."""
    vs = q.get("variants") or ()
    return bool(vs) and all(v.get("cue_end") is not None and v.get("end") == v["cue_end"] for v in vs)


def _quote_item(q: Mapping[str, Any], ix: DocIndex) -> QuoteItem:
    variants = [{"article_id": v["article_id"], "outlet": ix.label(v["article_id"]), "text": v["text"],
                 "direct": v.get("direct", True), "medium": v.get("medium")} for v in q.get("variants", ())]
    return QuoteItem(id=q["id"], text=q["text"], direct=bool(q.get("direct", True)), variants=variants)


def filter_commitments(rows: Iterable[CommitmentRow], actor: str | None = None, kind: str | None = None,
                       status: str | None = None) -> list[CommitmentRow]:
    return [r for r in rows if (not actor or r.actor == actor) and (not kind or r.kind == kind)
            and (not status or r.status == status)]


_DONE = {"dedup": "deduplicated", "cluster": "clustered", "entity_merge": "merged into entities",
         "quote_merge": "merged into quotes", "timeline": "placed on the timeline", "reconcile": "reconciled",
         "brief": "briefed"}


def not_done(failure: StageFailure) -> str:
    """One line for an article a corpus stage failed on: "article ...: not reconciled (...)"."""
    name = failure.stage.split("@")[0]
    return (f"article {failure.article_id}: not {_DONE.get(name, f'processed by {name}')} "
            f"({failure.stage}, {failure.partition}): {failure.reason}; tried again by the next fold")


def _cited(ix: DocIndex, items: Iterable[Mapping[str, Any]]) -> list[CitedText]:
    """Brief sentences, section lines or timeline entries with their citations."""
    return [CitedText(text=b["text"], date=b.get("date"), claim_ids=list(b.get("claim_ids") or ()),
                      citations=ix.citations(b.get("article_ids", ()), b.get("evidence", ()))) for b in items]


def story_view(doc: Mapping[str, Any] | DocIndex, story_id: str, *, actor: str | None = None,
               kind: str | None = None, status: str | None = None, claims: str = "multi",
               failures: Sequence[StageFailure] = ()) -> StoryView | None:
    """Everything about one story; ``None`` when no such story. ``actor``/``kind``/``status`` filter
    the commitments table (the filter choices always list every value). ``claims`` ("multi" or
    "all", :data:`MATRIX_CLAIMS`) picks the rows of the claims matrix: claims two or more independent
    sources report, or that a conflict between sources contests; or every claim. ``failures`` (the
    store's :meth:`~storyfold.store.Store.stage_failures`) name the story's articles a corpus stage
    failed on."""
    if claims not in MATRIX_CLAIMS:
        raise ValueError(f"claims must be one of {', '.join(MATRIX_CLAIMS)}, not {claims!r}")
    ix = _index(doc)
    if story_id not in ix.stories:
        return None
    speakers = Speakers(ix)
    aids = ix.story_articles(story_id)
    brief = _cited(ix, (b for b in ix.list("brief") if ix.in_story(story_id, b)))
    sections = [BriefSectionView(role=sec["role"], title=sec.get("title"), date=sec.get("date"),
                                 date_end=sec.get("date_end"), sentences=_cited(ix, sec.get("sentences", ())),
                                 changes=_cited(ix, sec.get("changes", ())))
                for sec in ix.list("brief_sections") if sec.get("story_id") == story_id]
    timeline = sorted(
        _cited(ix, (t for t in ix.list("timeline") if ix.in_story(story_id, t))),
        # a week by its first day ("2025-W34" by its Monday), a quarter or a season by its year
        key=lambda t: date_order(PartialDate.parse(t.date).calendar_date() if t.date else None),
    )
    all_commitments = [_commitment_row(ix, c) for c in ix.list("commitments") if ix.in_story(story_id, c)]
    filters = {
        "actor": sorted({r.actor for r in all_commitments if r.actor}),
        "kind": sorted({r.kind for r in all_commitments if r.kind}),
        "status": sorted({r.status for r in all_commitments if r.status}),
    }
    notes: list[RewriteNote] = []
    conflicts_raw = []
    for c in ix.list("conflicts"):
        if ix.in_story(story_id, c):
            note = rewrite_note(ix, c)
            if note is None:
                conflicts_raw.append(c)
            else:
                notes.append(note)
    story_claims = [c for c in ix.list("claims") if ix.in_story(story_id, c)]
    contested = {cid for c in conflicts_raw for cid in c.get("claim_ids", ())}
    against: dict[str, set[str]] = defaultdict(set)  # claim id -> articles backing a contradicting claim
    for c in conflicts_raw:
        if str(c.get("kind")) != "contradiction":
            continue
        involved = set(c.get("article_ids", ()))
        for cid in c.get("claim_ids", ()):
            other = {a for o in c.get("claim_ids", ()) if o != cid for a in ix.claims.get(o, {}).get("article_ids", ())}
            against[cid] |= (other or involved) - set(ix.claims.get(cid, {}).get("article_ids", ()))
    matrix = [
        MatrixRow(
            claim_id=c["id"], text=c["text"], status=str(c.get("status", "")),
            independent_sources=c.get("independent_sources") or ix.independent(c.get("article_ids", ())),
            cells=["supports" if a in c.get("article_ids", ()) else "contradicts" if a in against[c["id"]] else "silent"
                   for a in aids],
        )
        for c in story_claims
    ]
    if claims == "multi":
        matrix = [m for m in matrix if m.independent_sources >= 2 or m.claim_id in contested]
    by_speaker: dict[tuple[str, str | None], list[QuoteItem]] = defaultdict(list)
    for q in ix.list("quotes"):
        if ix.in_story(story_id, q) and not names_only_its_cue(q):
            by_speaker[(q.get("speaker") or "unattributed", q.get("speaker_entity_id"))].append(_quote_item(q, ix))
    return StoryView(
        story=_story_row(ix, story_id),
        brief=brief,
        brief_sections=sections,
        timeline=timeline,
        commitments=filter_commitments(all_commitments, actor, kind, status),
        commitment_filters=filters,
        conflicts=[conflict_view(ix, c, speakers) for c in conflicts_raw],
        matrix_columns=_columns(ix, aids),
        matrix=matrix,
        quotes_by_speaker=[SpeakerQuotes(speaker=s, entity_id=e, quotes=qs)
                           for (s, e), qs in sorted(by_speaker.items(), key=lambda kv: (-len(kv[1]), kv[0][0]))],
        articles=[_article_row(ix, a) for a in aids],
        unfilled=list(ix.doc.get("summary", {}).get("unfilled", [])),
        events=[_event_row(ix, e) for e in ix.list("events") if e.get("story_id") == story_id],
        not_done=[not_done(f) for f in failures if f.article_id in set(aids)],
        rewrite_notes=notes,
        matrix_claims=claims,
        matrix_total=len(story_claims),
        commitment_matrix=commitment_matrix(ix, [c for c in ix.list("commitments") if ix.in_story(story_id, c)]),
        strip=event_strip(ix, story_id),
    )


def _columns(ix: DocIndex, aids: Sequence[str]) -> list[dict[str, str]]:
    """The claims matrix's columns: each article by its source label, with its date where two share one."""
    labels = [ix.label(a) for a in aids]
    out = []
    for aid, label in zip(aids, labels, strict=True):
        if labels.count(label) > 1:
            label = f"{label}, {human_date(ix.articles[aid].get('published'), empty='undated')}"
        out.append({"article_id": aid, "label": label, "outlet": ix.outlet(aid), "title": ix.title(aid)})
    return out


def _event_row(ix: DocIndex, event: dict) -> EventRow:
    """An event with the place, participants and day that hold it together, and why each article joined."""
    joined = {j["article_id"]: j for j in event.get("joined") or ()}
    rows = []
    for aid in event.get("article_ids", ()):
        j = joined.get(aid, {})
        shared = [j.get("place") or "", ", ".join(j.get("participants") or ()), human_date(j.get("happened"))]
        rows.append(EventJoinRow(article_id=aid, title=ix.title(aid), basis=j.get("basis") or "similarity",
                                 shared="; ".join(x for x in shared if x)))
    return EventRow(id=event["id"], title=event.get("title") or "", date=event.get("date"), date_end=event.get("date_end"),
                    place=event.get("place"), participants=list(event.get("participants") or ()),
                    happened=event.get("happened"), joined=rows)


def _spans(ix: DocIndex, aid: str) -> list[tuple[int, int, Mark]]:
    spans: list[tuple[int, int, Mark]] = []
    for e in ix.list("entities"):
        for m in e.get("mentions", ()):
            if m["article_id"] == aid:
                label = f"{e['name']} ({e.get('type')})"
                spans.append((m["start"], m["end"], Mark("entity", label, f"/entities/{e['id']}")))
    for q in ix.list("quotes"):
        for v in q.get("variants", ()):
            if v["article_id"] == aid:
                spans.append((v["start"], v["end"], Mark("quote", f"quote: {q.get('speaker') or 'unattributed'}")))
    for d in ix.list("dates"):
        if d["article_id"] == aid:
            spans.append((d["start"], d["end"], Mark("date", f"date: {human_date(d.get('value')) or 'unresolved'}")))
    for q in ix.list("quantities"):
        if q["article_id"] == aid:
            unit = f" {q['unit']}" if q.get("unit") else ""
            spans.append((q["start"], q["end"], Mark("quantity", f"quantity: {q.get('value')}{unit}")))
    for c in ix.list("claims"):
        for ev in c.get("evidence", ()):
            if ev["article_id"] == aid:
                spans.append((ev["start"], ev["end"], Mark("claim", f"claim ({c.get('status')}): {c['text'][:120]}")))
    return spans


def segments(text: str, spans: Sequence[tuple[int, int, Mark]]) -> list[Segment]:
    """``text`` cut at every span boundary; each piece carries the marks of the spans covering it."""
    valid = [(s, e, m) for s, e, m in spans if 0 <= s < e <= len(text)]
    cuts = sorted({0, len(text), *(s for s, _, _ in valid), *(e for _, e, _ in valid)})
    out: list[Segment] = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        marks = [m for s, e, m in valid if s <= a and b <= e]
        if out and not marks and not out[-1].marks:
            out[-1].text += text[a:b]
        else:
            out.append(Segment(text=text[a:b], marks=marks))
    return out


def article_view(doc: Mapping[str, Any] | DocIndex, article_id: str,
                 cited: tuple[int, int] | None = None) -> ArticleView | None:
    """One article: its text cut into highlighted segments, removals, copies and rewrites. ``cited``
    (start, end) marks a passage a citation points at (kind ``cited``; ignored when out of range)."""
    ix = _index(doc)
    a = ix.articles.get(article_id)
    if a is None:
        return None
    spans = _spans(ix, article_id)
    counts: dict[str, int] = defaultdict(int)
    for _, _, m in spans:
        counts[m.kind] += 1
    if cited is not None and 0 <= cited[0] < cited[1] <= len(a["text"]):
        spans.append((cited[0], cited[1], Mark("cited", "the cited passage")))
    relations: list[RelationView] = []
    for rel in ix.list("relations"):
        if article_id not in (rel["a"], rel["b"]) or rel["a"] == rel["b"]:
            continue
        mine_is_a = rel["a"] == article_id
        other = rel["b"] if mine_is_a else rel["a"]
        if other not in ix.articles:
            continue
        kind = str(rel["kind"])
        role = ("rewritten by" if kind == "rewrite" else "copied by") if mine_is_a else (
            "rewrite of" if kind == "rewrite" else "copy of")
        this_text, other_text = a["text"], ix.articles[other]["text"]
        pairs = []
        for p in rel.get("aligned", ()):
            s_this = this_text[p["a_start"] : p["a_end"]] if mine_is_a else this_text[p["b_start"] : p["b_end"]]
            s_other = other_text[p["b_start"] : p["b_end"]] if mine_is_a else other_text[p["a_start"] : p["a_end"]]
            pairs.append(AlignedPair(this=s_this, other=s_other, similarity=p.get("similarity", 0.0)))
        unsupported = [ix.articles[rel["b"]]["text"][u["start"] : u["end"]] for u in rel.get("unsupported", ())
                       if u.get("article_id", rel["b"]) == rel["b"]]
        relations.append(RelationView(other_id=other, other_title=ix.title(other), other_outlet=ix.label(other),
                                      role=role, kind=kind, similarity=rel.get("similarity", 0.0), aligned=pairs,
                                      unsupported=unsupported,
                                      dropped_qualifiers=list(rel.get("dropped_qualifiers", ()))))
    sid = ix.story_of.get(article_id)
    return ArticleView(
        article=_article_row(ix, article_id), url=a.get("url"), author=a.get("author"), source=a.get("source", ""),
        story_id=sid, story_title=ix.story_title(sid) if sid else None,
        segments=segments(a["text"], spans), mark_counts=dict(counts),
        removed=[{"text": r["text"], "reason": r["reason"]} for r in a.get("removed", ())], relations=relations,
    )


def _context(text: str, start: int, end: int, width: int = 90) -> tuple[str, str, str]:
    """The text before, at and after ``text[start:end]``, about ``width`` characters each side."""
    a, b = max(0, start - width), min(len(text), end + width)
    before = ("…" if a else "") + text[a:start].replace("\n", " ")
    return before, text[start:end], text[end:b].replace("\n", " ") + ("…" if b < len(text) else "")


def entity_view(doc: Mapping[str, Any] | DocIndex, entity_id: str) -> EntityView | None:
    """Everything said by or about an entity, across stories."""
    ix = _index(doc)
    e = ix.entities.get(entity_id)
    if e is None:
        return None
    speakers = Speakers(ix)
    mentions = [Mention(article_id=m["article_id"], article_title=ix.title(m["article_id"]),
                        outlet=ix.label(m["article_id"]), start=m["start"], end=m["end"],
                        **dict(zip(("before", "text", "after"),
                                   _context(ix.articles[m["article_id"]]["text"], m["start"], m["end"]), strict=True)))
                for m in e.get("mentions", ()) if m["article_id"] in ix.articles]
    quotes = [_quote_item(q, ix) for q in ix.list("quotes") if q.get("speaker_entity_id") == entity_id]
    # by entity id: a claim whose evidence holds one of the entity's mentions, or whose speaker it is
    claims = [CitedText(text=c["text"], date=c.get("time"),
                        citations=ix.citations(c.get("article_ids", ()), c.get("evidence", ())))
              for c in ix.list("claims") if speakers.inside(entity_id, c) or speakers.of(c) == entity_id]
    commitments = [_commitment_row(ix, c) for c in ix.list("commitments")
                   if speakers.inside(entity_id, c) or (c.get("actor") or "").casefold() == e["name"].casefold()]
    story_ids = dict.fromkeys(ix.story_of[a] for a in e.get("article_ids", ()) if a in ix.story_of)
    return EntityView(id=entity_id, name=e["name"], type=str(e.get("type", "")),
                      aliases=[a for a in e.get("aliases", ()) if a != e["name"]],
                      stories=[{"id": s, "title": _story_row(ix, s).title} for s in story_ids],
                      mentions=mentions, quotes_by=quotes, claims=claims, commitments=commitments)
