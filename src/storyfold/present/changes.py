"""Change sets: what the folds between two runs changed in each story.

Pure functions. :func:`story_snapshots` turns a story's story-level records (an export-shaped
mapping) into a compact snapshot, the form a fold keeps of each story it changed;
:func:`change_set` compares the snapshots of two points in time. Records are matched across the two
by their evidence (the article spans they rest on), not by id: a claim's or conflict's id is a hash
of its evidence and grows with it, and a story's id is its founder's, which an earlier article can
replace. Rendering (text, Markdown, Atom) is in :mod:`storyfold.present.feeds`.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyfold.ids import content_id
from storyfold.present.conflicts import readable
from storyfold.present.doc_index import UNCLUSTERED_ID, DocIndex

__all__ = ["SNAPSHOT_VERSION", "article_digest", "change_set", "is_empty", "story_snapshots"]

SNAPSHOT_VERSION = 1
TEXT_MAX = 300  # characters of a claim, quote or evidence passage a snapshot keeps

Snapshot = dict[str, Any]


def article_digest(article_ids: Iterable[str]) -> str:
    """A digest of a story's set of articles: a fold snapshots a story again when it changes."""
    return content_id("articles", *sorted(article_ids), length=32)


def _cut(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= TEXT_MAX else text[: TEXT_MAX - 1].rsplit(" ", 1)[0] + "…"


def _spans(item: Mapping[str, Any], key: str = "evidence") -> list[list[Any]]:
    return [[e["article_id"], e["start"], e["end"]] for e in item.get(key, ()) if "start" in e]


def story_snapshots(doc: Mapping[str, Any], story_ids: Iterable[str]) -> dict[str, Snapshot]:
    """The snapshot of each of ``story_ids`` in ``doc`` (an export-shaped mapping: ``articles``
    with their metadata, ``stories``, ``events``, ``claims``, ``commitments``, ``conflicts``,
    ``quotes``, ``entities``, ``lineages``; the articles' texts are not needed)."""
    ix = DocIndex(doc)
    entities = {e["id"]: e for e in doc.get("entities", ())}
    story_ids = list(story_ids)
    wanted = set(story_ids)
    by_story: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for key in ("commitments", "conflicts", "claims", "quotes"):  # one pass per list, not one per story
        for item in doc.get(key, ()):
            for sid in _candidate_stories(ix, item) & wanted:
                if ix.in_story(sid, item):
                    by_story[sid][key].append(item)
    out: dict[str, Snapshot] = {}
    for sid in story_ids:
        story = ix.stories.get(sid)
        if story is None:
            continue
        aids = ix.story_articles(sid)

        def mine(key: str, sid: str = sid) -> list[dict[str, Any]]:
            return by_story[sid][key] if sid in by_story else []

        out[sid] = {
            "v": SNAPSHOT_VERSION,
            "id": sid,
            "title": story.get("title") or "",
            "articles": {aid: {"label": ix.label(aid), "published": ix.articles[aid].get("published"),
                               "source": ix.lineage.get(aid, aid)} for aid in aids},
            "events": [{"id": e["id"], "title": e.get("title") or "", "date": e.get("date"),
                        "date_end": e.get("date_end"), "article_ids": list(e["article_ids"])}
                       for e in doc.get("events", ()) if e.get("story_id") == sid],
            "commitments": [{
                "id": c["id"], "actor": c["actor"], "kind": c["kind"], "item": c.get("item"), "status": c["status"],
                "amount": c.get("amount"), "period": c.get("period"), "conditions": list(c.get("conditions", ())),
                "time": c.get("time"), "sources": c.get("independent_sources", 0),
                "evidence": [[*s, _cut(e.get("text"))] for s, e in zip(_spans(c), c.get("evidence", ()), strict=True)],
            } for c in mine("commitments")],
            "conflicts": [{"id": c["id"], "kind": c["kind"], "summary": readable(ix, c.get("summary") or ""),
                           "commitment_ids": list(c.get("commitment_ids", ())), "evidence": _spans(c)}
                          for c in mine("conflicts")],
            "claims": [{"text": _cut(c.get("text")), "sources": c.get("independent_sources", 0),
                        "evidence": _spans(c)} for c in mine("claims")],
            "quotes": [{"id": q["id"], "speaker": q.get("speaker"), "entity": q.get("speaker_entity_id"),
                        "names": sorted({*entities.get(q.get("speaker_entity_id") or "", {}).get("aliases", ()),
                                         *(v.get("speaker") or "" for v in q.get("variants", ()))} - {""}),
                        "kinds": sorted({v.get("kind") or "" for v in q.get("variants", ())} - {""}),
                        "text": _cut(q.get("text")), "evidence": _spans(q, "variants")}
                       for q in mine("quotes")],
        }
    return out


def _candidate_stories(ix: DocIndex, item: Mapping[str, Any]) -> set[str]:
    """The stories :meth:`DocIndex.in_story` can place ``item`` in (a superset: it is asked of each)."""
    if item.get("story_id"):
        return {item["story_id"], UNCLUSTERED_ID}
    ids = [*item.get("article_ids", ()), *(ev.get("article_id") for ev in item.get("evidence", ()))]
    ids += [v["article_id"] for v in item.get("variants", ())]
    return {ix.story_of[aid] for aid in ids if aid in ix.story_of}


# ------------------------------------------------------------------------------------ matching
def _span_keys(item: Mapping[str, Any]) -> set[tuple[str, int, int]]:
    return {(s[0], s[1], s[2]) for s in item.get("evidence", ())}


def _matches(before: Sequence[Mapping[str, Any]], after: Mapping[str, Any], *, same_id: bool = True,
             kind: bool = False) -> list[Mapping[str, Any]]:
    """The records of ``before`` that ``after`` continues: the one with its id, else those sharing
    an evidence span with it (and, with ``kind``, of its kind)."""
    if same_id and after.get("id"):
        hit = [b for b in before if b.get("id") == after["id"]]
        if hit:
            return hit
    spans = _span_keys(after)
    return [b for b in before if spans & _span_keys(b) and (not kind or b.get("kind") == after.get("kind"))]


def _overlapping(before: Iterable[Mapping[str, Any]], article_ids: Iterable[str]) -> list[Mapping[str, Any]]:
    ids = set(article_ids)
    return [b for b in before if ids & set(b["article_ids"] if "article_ids" in b else b.get("articles", ()))]


# ------------------------------------------------------------------------------------ the diff
def _cite(snap: Snapshot, aid: str) -> dict[str, Any]:
    a = snap["articles"].get(aid, {})
    return {"article_id": aid, "label": a.get("label") or aid, "published": a.get("published")}


def _new_evidence(now: Mapping[str, Any], then: Sequence[Mapping[str, Any]], snap: Snapshot) -> list[dict[str, Any]]:
    """The evidence of ``now`` that none of ``then`` had (all of it when nothing is new), cited."""
    old = set().union(*(_span_keys(t) for t in then)) if then else set()
    spans = [s for s in now.get("evidence", ()) if (s[0], s[1], s[2]) not in old] or list(now.get("evidence", ()))
    return [{**_cite(snap, s[0]), "start": s[1], "end": s[2], **({"text": s[3]} if len(s) > 3 else {})}
            for s in spans]


def _version(c: Mapping[str, Any]) -> dict[str, Any]:
    return {k: c.get(k) for k in ("status", "amount", "period", "conditions", "time")}


def _commitment_changes(before: Snapshot, after: Snapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    new, changed = [], []
    for c in after["commitments"]:
        then = _matches(before["commitments"], c)
        head = {"id": c["id"], "actor": c["actor"], "kind": c["kind"], "item": c.get("item")}
        if not then:
            new.append({**head, **_version(c), "sources": c["sources"], "evidence": _new_evidence(c, (), after)})
            continue
        old = then[0]
        fields = [f for f in ("status", "amount", "conditions") if
                  (set(old.get(f) or ()) != set(c.get(f) or ()) if f == "conditions" else old.get(f) != c.get(f))]
        if fields:
            changed.append({**head, "changed": fields, "before": _version(old), "after": _version(c),
                            "evidence_before": sorted(_new_evidence(old, (), before),
                                                      key=lambda e: e.get("published") or "")[-1:],
                            "evidence": _new_evidence(c, then, after)})
    return new, changed


def _conflict_changes(before: Snapshot, after: Snapshot) -> dict[str, list[dict[str, Any]]]:
    out: dict[str, list[dict[str, Any]]] = {"new": [], "resolved": [], "figures": []}
    for c in after["conflicts"]:
        if not _matches(before["conflicts"], c, kind=True):
            item = {"id": c["id"], "kind": c["kind"], "summary": c["summary"], "evidence": _new_evidence(c, (), after)}
            out["figures" if c["kind"] == "update" and not c["commitment_ids"] else "new"].append(item)
    for c in before["conflicts"]:
        if not _matches(after["conflicts"], c, kind=True):
            out["resolved"].append({"id": c["id"], "kind": c["kind"], "summary": c["summary"]})
    return out


def _claim_changes(before: Snapshot, after: Snapshot) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    gained, lost = [], []
    for c in after["claims"]:
        then = _matches(before["claims"], c, same_id=False)
        if not then:
            continue
        was = max(t["sources"] for t in then)
        if c["sources"] < was and not set().union(*(_span_keys(t) for t in then)) <= _span_keys(c):
            continue  # the claim was split, not weakened: its other spans now back another claim
        if c["sources"] != was:
            item = {"text": c["text"], "before": was, "after": c["sources"], "evidence": _new_evidence(c, then, after)}
            (gained if c["sources"] > was else lost).append(item)
    return gained, lost


def _known(names: Iterable[str]) -> set[str]:
    return {n.casefold() for n in names if n}


def _who(q: Mapping[str, Any]) -> set[str]:
    """A quote's speaker as names (case-folded) and entity id."""
    return _known((q.get("speaker"), *q.get("names", ()))) | ({q["entity"]} if q.get("entity") else set())


def _retold(q: Mapping[str, Any], after: Snapshot, speakers: Mapping[str, set[str]]) -> bool:
    """A quote that a copy or rewrite of a source already known tells in its own words: none of
    its renderings is a direct quotation, every article holding it is of a source (lineage) that
    the earlier point had, and that source already quoted the same speaker (``speakers``: source -> its
    speakers' entity ids and names). The source's statement, retold, is no new statement."""
    kinds = q.get("kinds")
    if not kinds or "direct" in kinds:
        return False
    sources = {after["articles"].get(s[0], {}).get("source", s[0]) for s in q.get("evidence", ())}
    who = _who(q)
    return bool(sources) and all(src in speakers and speakers[src] & who for src in sources)


def _quote_changes(before: Snapshot, after: Snapshot) -> list[dict[str, Any]]:
    entities = {q["entity"] for q in before["quotes"] if q.get("entity")}
    names = _known(n for q in before["quotes"] for n in (q.get("speaker"), *q.get("names", ())))
    speakers: dict[str, set[str]] = defaultdict(set)  # source -> who it quoted before
    for q in before["quotes"]:
        who = _who(q)
        for s in q.get("evidence", ()):
            speakers[before["articles"].get(s[0], {}).get("source", s[0])] |= who
    out = []
    for q in after["quotes"]:
        if _matches(before["quotes"], q) or _retold(q, after, speakers):
            continue
        if (q.get("entity") and q["entity"] in entities) or _known((q.get("speaker"), *q.get("names", ()))) & names:
            out.append({"id": q["id"], "speaker": q.get("speaker"), "text": q["text"],
                        "evidence": _new_evidence(q, (), after)})
    return out


def _event_changes(before: Snapshot, after: Snapshot) -> tuple[list[dict[str, Any]], ...]:
    """New events, events merged from several, and the parts of an event split in several."""
    new, merged, split = [], [], []
    parted = {b["id"] for b in before["events"] if len(_overlapping(after["events"], b["article_ids"])) > 1}
    for e in after["events"]:
        then = _overlapping(before["events"], e["article_ids"])
        head = {"id": e["id"], "title": e["title"], "date": e.get("date"), "date_end": e.get("date_end")}
        if not then:
            new.append({**head, "articles": [_cite(after, a) for a in e["article_ids"]]})
        elif len(then) > 1:
            merged.append({**head, "from": [{"id": t["id"], "title": t["title"]} for t in then]})
        elif then[0]["id"] in parted:
            split.append({**head, "from": [{"id": then[0]["id"], "title": then[0]["title"]}],
                          "articles": [_cite(after, a) for a in e["article_ids"]]})
    return new, merged, split


def _union(snaps: Sequence[Snapshot]) -> Snapshot:
    """One snapshot holding the records of ``snaps`` (the stories a story continues)."""
    out: Snapshot = {"id": None, "title": "", "articles": {}, "events": [], "commitments": [], "conflicts": [],
                     "claims": [], "quotes": []}
    for s in snaps:
        out["articles"].update(s["articles"])
        for key in ("events", "commitments", "conflicts", "claims", "quotes"):
            out[key].extend(s[key])
    return out


def story_changes(after: Snapshot, predecessors: Sequence[Snapshot]) -> dict[str, Any]:
    """What changed in story ``after`` since ``predecessors`` (its snapshots at the earlier point:
    none for a new story, several for stories merged into it)."""
    before = _union(predecessors)
    new_commitments, changed = _commitment_changes(before, after)
    conflicts = _conflict_changes(before, after)
    gained, lost = _claim_changes(before, after)
    new_events, merged_events, split_events = _event_changes(before, after)
    status = "new" if not predecessors else "merged" if len(predecessors) > 1 else "changed"
    return {
        "story_id": after["id"],
        "title": after["title"],
        "status": status,
        "previous_ids": [p["id"] for p in predecessors if p["id"] != after["id"]],
        "merged_from": [{"id": p["id"], "title": p["title"]} for p in predecessors] if len(predecessors) > 1 else [],
        "new_articles": [_cite(after, a) for a in after["articles"] if a not in before["articles"]],
        "new_events": new_events,
        "merged_events": merged_events,
        "split_events": split_events,
        "new_commitments": new_commitments,
        "changed_commitments": changed,
        "new_conflicts": conflicts["new"],
        "resolved_conflicts": conflicts["resolved"],
        "figures_updated": conflicts["figures"],
        "claims_gained_sources": gained,
        "claims_lost_sources": lost,
        "new_quotes": _quote_changes(before, after),
    }


CHANGE_LISTS = ("new_articles", "new_events", "merged_events", "split_events", "new_commitments", "changed_commitments",
                "new_conflicts", "resolved_conflicts", "figures_updated", "claims_gained_sources",
                "claims_lost_sources", "new_quotes")


def is_empty(story: Mapping[str, Any]) -> bool:
    """Whether a story's change set holds nothing (it changed in no way a reader would see)."""
    return story["status"] == "changed" and not story["previous_ids"] and not any(story[k] for k in CHANGE_LISTS)


def change_set(before: Mapping[str, Snapshot | None], after: Mapping[str, Snapshot | None]) -> list[dict[str, Any]]:
    """Per story, what changed from ``before`` to ``after``: both map story ids to snapshots (None
    for a story dissolved at that point) for the stories some run in between recorded. Stories that
    vanished without a successor are listed with status ``removed``."""
    old = [s for s in before.values() if s is not None]
    out: list[dict[str, Any]] = []
    continued: set[str] = set()
    for snap in sorted((s for s in after.values() if s is not None), key=lambda s: s["id"]):
        preds = sorted(_overlapping(old, snap["articles"]), key=lambda p: p["id"])
        continued.update(p["id"] for p in preds)
        story = story_changes(snap, preds)
        if not is_empty(story):
            out.append(story)
    for snap in old:
        if snap["id"] not in continued and after.get(snap["id"], snap) is None:
            out.append({"story_id": snap["id"], "title": snap["title"], "status": "removed", "previous_ids": [],
                        "merged_from": [], **{k: [] for k in CHANGE_LISTS}})
    return out
