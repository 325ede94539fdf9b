"""A store's history: the story snapshots each fold records, and change sets between two runs.

At the end of every run, :func:`record_run` snapshots each story the run changed (one that holds
an article the run stored, or whose articles changed) and marks the stories it dissolved; a later
fold recomputes the corpus stages but never these rows, so :func:`changes` compares records as they
were at each run. A change set reads only the snapshots of the stories that the runs compared
recorded (two rows per story at most), however large the store.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable
from typing import Any

from storyfold import codec
from storyfold.errors import ConfigError
from storyfold.pipeline import Pipeline
from storyfold.present.changes import article_digest, change_set, story_snapshots
from storyfold.store import Run, Store

__all__ = ["changes", "ensure_baseline", "recent_changes", "record_run", "resolve_point", "run_changes"]

STORY_KINDS = ("stories", "events", "claims", "commitments", "conflicts", "quotes", "entities", "lineages")


def _story_doc(store: Store, pipeline: Pipeline, stories: Iterable[Any]) -> dict[str, Any]:
    """An export-shaped mapping of what the snapshots of ``stories`` need: their articles'
    metadata (the text only of an article with no title, outlet or URL) and every story-level list."""
    doc: dict[str, Any] = {k: [codec.to_dict(r) for r in store.outputs(k, pipeline.kinds[k])]
                           for k in STORY_KINDS if pipeline.provides(k)}
    lineage_of = {aid: lin["id"] for lin in doc.get("lineages", ()) for aid in lin["article_ids"]}
    doc["stories"] = [codec.to_dict(s) for s in stories]
    articles = []
    for story in doc["stories"]:
        for aid in story["article_ids"]:
            a = store.get_article(aid)
            if a is not None:
                articles.append({"id": aid, "source": a.source, "url": a.url, "outlet": a.outlet, "title": a.title,
                                 "published": a.published.isoformat() if a.published else None,
                                 "lineage_id": lineage_of.get(aid), "story_id": story["id"],
                                 # an article known by nothing else is labelled by its first words
                                 "text": "" if (a.title or a.outlet or a.url) else a.text})
    doc["articles"] = articles
    return doc


def _snapshot_now(store: Store, pipeline: Pipeline, run_id: int, new_ids: frozenset[str],
                  every_story: bool = False) -> int:
    stories = {s.id: s for s in store.outputs("stories", pipeline.kinds["stories"])}
    heads = store.snapshot_heads()
    touched = [s for sid, s in stories.items()
               if every_story or sid not in heads or heads[sid][2] or heads[sid][1] != article_digest(s.article_ids)
               or new_ids.intersection(s.article_ids)]
    gone = sorted(sid for sid, (_, _, was_gone) in heads.items() if not was_gone and sid not in stories)
    rows: dict[str, tuple[str, bool, Any]] = {}
    if touched:
        snaps = story_snapshots(_story_doc(store, pipeline, touched), [s.id for s in touched])
        if every_story:  # only the stories whose records differ from their latest snapshot
            was = store.snapshots_at([sid for sid in snaps if sid in heads], run_id)
            snaps = {sid: snap for sid, snap in snaps.items()
                     if sid not in was or was[sid][1] or was[sid][2] != json.loads(json.dumps(snap))}
        rows.update((sid, (article_digest(snap["articles"]), False, snap)) for sid, snap in snaps.items())
    if gone:
        story_of = {aid: sid for sid, s in stories.items() for aid in s.article_ids}
        for sid, (_, _, snap) in store.snapshots_at(gone, run_id).items():
            into = sorted({story_of[a] for a in snap.get("articles", ()) if a in story_of})
            rows[sid] = ("", True, {"v": snap.get("v"), "id": sid, "gone": True, "into": into})
    store.put_snapshots(run_id, rows)
    return len(rows)


def record_run(store: Store, pipeline: Pipeline, run_id: int, *, every_story: bool = False) -> int:
    """Snapshot, as of the end of run ``run_id``, every story the run changed and mark the
    stories it dissolved. Returns the number of rows written (0 without a clustering stage).

    A fold changes the stories holding the articles it stored, or whose articles changed; a run
    that recomputes the stories without storing an article (``storyfold recluster``) can change any
    of them, even its events alone: with ``every_story`` each story is snapshotted and the rows kept
    are those of the stories whose records differ from their latest snapshot."""
    if not pipeline.provides("stories"):
        return 0
    return _snapshot_now(store, pipeline, run_id, frozenset(store.article_ids_of_run(run_id)), every_story)


def ensure_baseline(store: Store, pipeline: Pipeline, run_id: int) -> int:
    """Before run ``run_id`` changes anything: a store folded before snapshots were kept (no
    snapshot, earlier runs) gets one of every story as it stands, dated to the run before, so
    that this run's change set lists only what it changed. Returns the rows written."""
    if not pipeline.provides("stories") or store.has_snapshots():
        return 0
    earlier = [r.id for r in store.runs() if r.id < run_id]
    if not earlier:
        return 0
    return _snapshot_now(store, pipeline, earlier[-1], frozenset())


# ------------------------------------------------------------------------------------ points
def _instant(text: str) -> dt.datetime | None:
    try:
        when = dt.datetime.fromisoformat(text)
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=dt.UTC)


def resolve_point(runs: list[Run], point: str | int | None, *, name: str = "--since") -> int:
    """The run id a point names: a run id (0: before the first run), ``last`` (for ``--since``:
    the run before the latest, so the change set is the latest run's; otherwise the latest), or an
    ISO date or time (the last run started before it)."""
    latest = runs[-1].id if runs else 0
    if point is None or str(point).strip().lower() == "last":
        if name != "--since":
            return latest
        return runs[-2].id if len(runs) > 1 else 0
    text = str(point).strip()
    if text.isdigit():
        rid = int(text)
        if rid and rid not in {r.id for r in runs}:
            raise ConfigError(f"{name} {text}: no run with that id in this database (runs 1 to {latest}); "
                              "give a run id, a date (2025-08-19) or last")
        return rid
    when = _instant(text)
    if when is None:
        raise ConfigError(f"{name} {text}: not a run id, an ISO date or time (2025-08-19, 2025-08-19T12:00) or last")
    return max((r.id for r in runs if _instant(r.started_at) is not None and _instant(r.started_at) < when),
               default=0)


def _run_info(runs: list[Run], rid: int) -> dict[str, Any]:
    run = next((r for r in runs if r.id == rid), None)
    return {"run": rid, "time": (run.finished_at or run.started_at) if run else None}


def run_changes(store: Store, since: int, until: int, runs: list[Run] | None = None) -> dict[str, Any]:
    """The change set from the end of run ``since`` to the end of run ``until``."""
    runs = runs if runs is not None else store.runs()
    touched = store.snapshot_story_ids(since, until)
    before = store.snapshots_at(touched, since) if since else {}
    after = store.snapshots_at(touched, until)
    stories = change_set({sid: None if gone else snap for sid, (_, gone, snap) in before.items()},
                         {sid: None if gone else snap for sid, (_, gone, snap) in after.items()})
    return {"since": _run_info(runs, since), "until": _run_info(runs, until),
            "runs": [r.id for r in runs if since < r.id <= until], "stories": stories,
            "rows_read": len(touched) + len(before) + len(after)}


def changes(store: Store, since: str | int | None = None, until: str | int | None = None,
            story: str | None = None) -> dict[str, Any]:
    """The change set between two points (see :func:`resolve_point`; by default, what the latest
    run changed), for every story or for ``story`` alone (a story id, or the id it had before)."""
    runs = store.runs()
    r0, r1 = resolve_point(runs, since), resolve_point(runs, until, name="--until")
    if r0 > r1:
        raise ConfigError(f"--since {since} is later than --until {until or 'last'} (runs {r0} and {r1}); swap them")
    out = run_changes(store, r0, r1, runs)
    if story is not None:
        out["stories"] = [s for s in out["stories"] if story == s["story_id"] or story in s["previous_ids"]
                          or story in {m["id"] for m in s["merged_from"]}]
    return out


def recent_changes(store: Store, story: str | None = None, limit: int = 20) -> list[dict[str, Any]]:
    """The change sets of the latest runs that changed something (of ``story`` only, if given,
    following it back through the ids it had before), newest first, at most ``limit``: one per
    run, each from the run before it."""
    runs = store.runs()
    ids = {story} if story is not None else None
    out: list[dict[str, Any]] = []
    for i in range(len(runs) - 1, -1, -1):
        if len(out) >= limit:
            break
        doc = run_changes(store, runs[i - 1].id if i else 0, runs[i].id, runs)
        if ids is not None:
            doc["stories"] = [s for s in doc["stories"] if s["story_id"] in ids]
            for s in doc["stories"]:
                ids.update(s["previous_ids"], (m["id"] for m in s["merged_from"]))
        if doc["stories"]:
            out.append(doc)
    return out
