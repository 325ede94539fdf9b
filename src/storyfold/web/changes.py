"""The web app's change sets: the story page's "since" selector, their JSON, and Atom feeds
(``/changes.atom``, ``/stories/{id}/changes.atom``) whose entries link to the story page."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Annotated, Any

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi import Path as PathParam
from fastapi.responses import JSONResponse, Response

from storyfold import api
from storyfold.errors import StoryfoldError
from storyfold.present.doc_index import DocIndex
from storyfold.present.feeds import atom_feed, story_lines
from storyfold.present.marks import cell_marks, change_marks
from storyfold.present.models import StoryView

__all__ = ["FEED_RUNS", "Since", "install_change_routes", "story_changes"]

Since = Annotated[str | None, Query(max_length=40, pattern=r"^(?:\d{1,9}|last|\d{4}-\d{2}-\d{2}(?:T[0-9:.+Z-]{0,20})?)$",
                                    description="a run id, an ISO date or time, or last")]
StoryId = Annotated[str, PathParam(pattern=r"^(?:[a-z]{1,8}-)?[0-9a-f]{1,64}$", description="a story id")]
FEED_RUNS = 20  # the latest runs an Atom feed shows
SELECTOR_RUNS = 100  # the latest runs the story page's "since" selector offers (any other: ?since=ID or a date)


def story_changes(db: Path, sid: str, since: str | None, until: str | None = None,
                  ix: DocIndex | None = None, view: StoryView | None = None) -> dict[str, Any]:
    """What the story page's "since" section shows: the story's change set since ``since``
    (default: what its latest fold changed) up to ``until`` (default: now), and the runs a reader
    can choose from. With ``since`` chosen and the page's document ``ix``, ``marks`` tags the
    records the change set lists in their own sections (:func:`~storyfold.present.marks.change_marks`;
    ``cells``: the cells of ``view``'s commitments matrix); without, ``marks`` is None."""
    try:
        doc = api.changes(db, since=since, until=until, story=sid)
    except StoryfoldError as exc:
        raise HTTPException(404, str(exc)) from exc
    with api.open_store(db, read_only=True) as store:
        runs = store.runs()
    marks: dict[str, Any] | None = None
    if since is not None and ix is not None:
        marks = change_marks(ix, sid, doc["stories"])
        marks["cells"] = cell_marks(view.commitment_matrix if view else None, marks["commitments"])
    return {"doc": doc, "since": doc["since"]["run"], "until": doc["until"]["run"] if until else None, "lines": [story_lines(s) for s in doc["stories"]],
            "marks": marks,
            "runs": [{"id": 0, "time": "before the first fold"}]
            + [{"id": r.id, "time": r.finished_at or r.started_at} for r in runs[:-1][-SELECTOR_RUNS:]]}


def install_change_routes(app: FastAPI, db: Path, stories: Callable[[], Mapping[str, Mapping[str, Any]]]) -> None:
    """Add the change-set routes to ``app`` over database ``db``; ``stories()`` gives the stories
    now in it, by id (a feed for an unknown story is a 404)."""

    def known(sid: str) -> Mapping[str, Any]:
        story = stories().get(sid)
        if story is None:
            raise HTTPException(404, "no such story")
        return story

    @app.get("/stories/{sid}/changes.json", tags=["json"], summary="What changed in one story since a run or date")
    def story_changes_json(sid: StoryId, since: Since = None, until: Since = None) -> Any:
        known(sid)
        return JSONResponse(story_changes(db, sid, since, until)["doc"])

    @app.get("/changes.json", tags=["json"], summary="What changed in every story since a run or date")
    def changes_json(since: Since = None, until: Since = None) -> Any:
        try:
            return JSONResponse(api.changes(db, since=since, until=until))
        except StoryfoldError as exc:
            raise HTTPException(404, str(exc)) from exc

    def feed(request: Request, sid: str | None) -> Response:
        base = str(request.base_url).rstrip("/")
        title = f"storyfold: {known(sid)['title']}" if sid else "storyfold: every story"
        body = atom_feed(title, f"{base}{request.url.path}", f"{base}/stories/{sid}" if sid else f"{base}/",
                         f"{db.name}:{sid or '*'}", api.recent_changes(db, sid, FEED_RUNS),
                         lambda story_id, since, until: f"{base}/stories/{story_id}?since={since}&until={until}#changes")
        return Response(body, media_type="application/atom+xml")

    @app.get("/changes.atom", tags=["feeds"], summary="Atom feed of every story's changes")
    def changes_atom(request: Request) -> Response:
        return feed(request, None)

    @app.get("/stories/{sid}/changes.atom", tags=["feeds"], summary="Atom feed of one story's changes")
    def story_changes_atom(request: Request, sid: StoryId) -> Response:
        return feed(request, sid)
