"""The FastAPI application: every page is a view of :mod:`storyfold.present.views` rendered by a
Jinja2 template (autoescaped), and every page has a JSON twin (``.json`` suffix, or
``Accept: application/json``) built from the same view.

Article text is untrusted: templates escape everything, links are only made from record ids (hexadecimal, optional kind prefix) or from
``http(s)`` URLs, no inline script or event handler exists, and the Content-Security-Policy allows
scripts, styles and images from this origin only. Uploads are written, under sanitised names, into
a temporary folder of their own and folded by :func:`storyfold.api.fold` in a background thread;
their articles are named ``upload/<name>``, never by the server's folder.

Access: the Host header must be one of ``allowed_hosts`` (loopback names by default), which stops
DNS-rebinding pages; a state-changing request from another origin, or from an opaque one
(``Origin: null``), is refused. With a ``token`` (the CLI sets one whenever it binds beyond
loopback), every request needs it: ``Authorization: Bearer <token>``, or the ``storyfold_token``
cookie that a first visit to any page with ``?token=<token>`` sets (the page is then reloaded
without the token in its address).
"""

from __future__ import annotations

import hmac
import shutil
import threading
import uuid
from dataclasses import asdict, dataclass
from importlib import resources
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import FastAPI, File, Form, HTTPException, Query, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse, PlainTextResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from storyfold import api
from storyfold.config import Settings, load_settings
from storyfold.errors import StoreError
from storyfold.pipeline import Pipeline
from storyfold.present import views
from storyfold.present.humanize import human_amount, human_date, human_span
from storyfold.present.report import CSV_TABLES, render_report, story_csv
from storyfold.present.search import Hit, SearchIndex
from storyfold.urls import safe_url
from storyfold.web.access import LOOPBACK
from storyfold.web.changes import Since, install_change_routes, story_changes
from storyfold.web.uploads import (
    UPLOAD_SUFFIXES,
    Job,
    Limits,
    UploadView,
    same_origin,
    save_files,
    upload_metadata,
    upload_name,
    write_manifest,
)

__all__ = ["TOKEN_COOKIE", "UPLOAD_SUFFIXES", "Limits", "create_app", "upload_name"]

# Record ids are content hashes, optionally behind a short kind prefix ("ent-5b65...", "st-f881...").
RECORD_ID = r"^(?:[a-z]{1,8}-)?[0-9a-f]{1,64}$"
HEX_ID = r"^[0-9a-f]{1,64}$"
LOOPBACK_HOSTS = LOOPBACK
TOKEN_COOKIE = "storyfold_token"

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
}


@dataclass
class HomeView:
    stories: list[views.StoryRow]
    query: str
    hits: list[Hit]
    articles: int
    stages: list[str]
    unfilled: list[str]


Id = Annotated[str, PathParam(pattern=RECORD_ID, description="a record id: hexadecimal, with an optional kind prefix")]
Q = Annotated[str, Query(max_length=200, description="full-text search over articles and claims")]
F = Annotated[str | None, Query(max_length=200, description="keep only commitments with this value")]
Cite = Annotated[str | None, Query(max_length=20, pattern=r"^\d{1,9}-\d{1,9}$", description="START-END to highlight")]
JobId = Annotated[str | None, Query(pattern=HEX_ID)]
Files = Annotated[list[UploadFile], File(description="articles to fold")]
Claims = Annotated[Literal["multi", "all"], Query(description="claims matrix rows: multi-source and contested, or all")]
Table = Annotated[str, PathParam(pattern=f"^(?:{'|'.join(CSV_TABLES)})$", description="which of the story's records")]
ReportFormat = Annotated[Literal["md", "html", "json"], PathParam(description="report format")]
Outlet = Annotated[str, Form(max_length=120, description="the outlet of every uploaded article")]
Published = Annotated[str, Form(max_length=40, description="publication date, YYYY-MM-DD")]
Url = Annotated[str, Form(max_length=2000, description="the article's address (http or https)")]
REPORT_TYPES = {"md": "text/markdown; charset=utf-8", "html": "text/html; charset=utf-8",
                "json": "application/json"}
# the report is one self-contained file with its own inline CSS and no script
REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"


class _Data:
    """The export document of the database, its view index and its search index, rebuilt when the
    database file changes (a fold from this app or from the command line)."""

    def __init__(self, db: Path, pipeline: Pipeline) -> None:
        self.db = db
        self.pipeline = pipeline
        self._lock = threading.Lock()
        self._key: tuple[Any, ...] | None = None
        self.index: views.DocIndex | None = None
        self.search: SearchIndex | None = None
        self.failures: list[Any] = []  # the store's stage failures, read with the document

    def _stamp(self) -> tuple[Any, ...]:
        out: list[Any] = []
        for p in (self.db, self.db.with_name(self.db.name + "-wal")):
            try:
                st = p.stat()
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [None, None]
        return tuple(out)

    def get(self) -> tuple[views.DocIndex, SearchIndex]:
        with self._lock:
            stamp = self._stamp()
            if self.index is None or self.search is None or stamp != self._key:
                with api.open_store(self.db, read_only=True) as store:
                    doc = api.export_data(store, self.pipeline)
                    self.failures = store.stage_failures()
                if self.search is not None:
                    self.search.close()
                self.index, self.search, self._key = views.DocIndex(doc), SearchIndex(doc), stamp
            return self.index, self.search


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def create_app(
    db: str | Path,
    read_only: bool = False,
    *,
    settings: Settings | None = None,
    pipeline: Pipeline | None = None,
    limits: Limits | None = None,
    allowed_hosts: list[str] | None = None,
    token: str | None = None,
    create: bool = False,
) -> FastAPI:
    """The web application over database ``db``, which must exist (``storyfold fold`` creates
    one; with ``create``, an empty one is made).

    ``allowed_hosts`` are the Host header values accepted (default: loopback names), which stops
    DNS-rebinding pages from reading a loopback server. ``token``: required on every request."""
    db = Path(db)
    if not create and not db.is_file():
        raise StoreError(f"no database at {db}; fold articles into it first (storyfold fold FILES --db {db})")
    settings = (settings or load_settings()).with_(db=str(db))
    pipeline = pipeline or api.build_pipeline(settings)
    limits = limits or Limits()
    # fail now on an unusable database; without read_only this creates (or migrates) it, so pages
    # work before any fold
    api.open_store(db, read_only=read_only and not create).close()
    data = _Data(db, pipeline)
    jobs: dict[str, Job] = {}
    fold_lock = threading.Lock()

    app = FastAPI(
        title="storyfold",
        summary="Explore folded news stories: stories, sources, commitments, conflicts.",
        description="Every HTML page has a JSON twin: the same view, at the same path with `.json`, "
        "or with `Accept: application/json`.",
        docs_url=None,  # the Swagger/ReDoc pages load scripts from a CDN, which the CSP forbids
        redoc_url=None,
    )
    @app.middleware("http")
    async def require_token(request: Request, call_next: Any) -> Response:
        # every request, static files included, carries the token (header or cookie); a first visit
        # with ?token= sets the cookie and reloads the page without it
        if token is None:
            return await call_next(request)
        given = request.query_params.get("token")
        if given is not None and request.method == "GET" and hmac.compare_digest(given.encode(), token.encode()):
            rest = "&".join(f"{k}={v}" for k, v in request.query_params.multi_items() if k != "token")
            response: Response = RedirectResponse(request.url.path + (f"?{rest}" if rest else ""), status_code=303)
            response.set_cookie(TOKEN_COOKIE, token, httponly=True, samesite="strict", path="/")
            return response
        auth = request.headers.get("authorization", "")
        offered = auth[7:] if auth.lower().startswith("bearer ") else request.cookies.get(TOKEN_COOKIE, "")
        if not hmac.compare_digest(offered.encode(), token.encode()):
            return PlainTextResponse("401: this server needs its access token (the one `storyfold serve` printed): "
                                     "open /?token=TOKEN once, or send Authorization: Bearer TOKEN",
                                     status_code=401, headers={"WWW-Authenticate": "Bearer"})
        return await call_next(request)

    # added after the token check, so it runs before it: a foreign Host is refused first
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=allowed_hosts or list(LOOPBACK_HOSTS))

    @app.middleware("http")
    async def body_limit(request: Request, call_next: Any) -> Response:
        # refuse an oversized upload before its body is read and parsed
        if request.method == "POST":
            length = request.headers.get("content-length")
            if length is None or not length.isdigit():
                return JSONResponse({"detail": "a Content-Length header is required"}, status_code=411)
            if int(length) > limits.total_bytes + 64 * 1024:
                return JSONResponse({"detail": f"upload larger than {limits.total_bytes} bytes"}, status_code=413)
        return await call_next(request)

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        if request.url.path.endswith(".json") or request.url.path.startswith("/jobs/"):
            response.headers.setdefault("Cache-Control", "no-store")
        return response

    templates = Jinja2Templates(directory=str(resources.files("storyfold.web") / "templates"))
    templates.env.autoescape = True  # every template, whatever its suffix
    templates.env.filters["safe_url"] = safe_url
    templates.env.filters.update(human_date=human_date, human_span=human_span, human_amount=human_amount)
    templates.env.globals.update(read_only=read_only, unclustered=views.UNCLUSTERED_ID, limits=limits)
    app.mount("/static", StaticFiles(directory=str(resources.files("storyfold.web") / "static")), name="static")

    def page(request: Request, template: str, view: Any, json_twin: bool, status: int = 200, **extra: Any) -> Response:
        if json_twin or _wants_json(request):
            return JSONResponse(views.to_json(view), status_code=status)
        return templates.TemplateResponse(request, template, {"view": view, **extra}, status_code=status)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if request.url.path.endswith(".json") or _wants_json(request) or request.url.path.startswith("/jobs/"):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        return templates.TemplateResponse(request, "error.html", {"status": exc.status_code, "detail": exc.detail},
                                          status_code=exc.status_code)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        # a malformed id is an unknown id: 404, never an echo of the input
        in_path = any(e.get("loc", ("",))[0] == "path" for e in exc.errors())
        status, detail = (404, "not found") if in_path else (422, "invalid request parameters")
        return await http_error(request, StarletteHTTPException(status, detail))

    # ------------------------------------------------------------------------------ stories
    def home(q: str) -> HomeView:
        ix, search = data.get()
        summary = ix.doc.get("summary", {})
        return HomeView(stories=views.stories_list(ix), query=q, hits=search.search(q) if q.strip() else [],
                        articles=len(ix.articles), stages=list(summary.get("stages", [])),
                        unfilled=list(summary.get("unfilled", [])))

    @app.get("/stories.json", response_model=HomeView, tags=["json"], summary="Stories list and search results")
    def stories_json(q: Q = "") -> Any:
        return JSONResponse(views.to_json(home(q)))

    @app.get("/", response_class=HTMLResponse, tags=["pages"], summary="Stories list and search (HTML)")
    def index(request: Request, q: Q = "") -> Response:
        return page(request, "index.html", home(q), False)

    # ------------------------------------------------------------------------------ story
    def story(sid: str, actor: str | None, kind: str | None, status: str | None,
              claims: str = "multi") -> views.StoryView:
        ix = data.get()[0]
        view = views.story_view(ix, sid, actor=actor, kind=kind, status=status, claims=claims, failures=data.failures)
        if view is None:
            raise HTTPException(404, "no such story")
        return view

    @app.get("/stories/{sid}.json", response_model=views.StoryView, tags=["json"], summary="One story")
    def story_json(sid: Id, actor: F = None, kind: F = None, status: F = None, claims: Claims = "multi") -> Any:
        return JSONResponse(views.to_json(story(sid, actor, kind, status, claims)))

    @app.get("/stories/{sid}", response_class=HTMLResponse, tags=["pages"], summary="One story (HTML)")
    def story_page(request: Request, sid: Id, actor: F = None, kind: F = None, status: F = None,
                   claims: Claims = "multi", since: Since = None, until: Since = None) -> Response:
        view = story(sid, actor, kind, status, claims)
        return page(request, "story.html", view, False,
                    selected={"actor": actor or "", "kind": kind or "", "status": status or ""},
                    csv_tables=CSV_TABLES, changes=story_changes(db, sid, since, until, data.get()[0], view))

    install_change_routes(app, db, lambda: data.get()[0].stories)

    @app.get("/stories/{sid}/report.{fmt}", tags=["exports"], summary="The story's report (Markdown, HTML, JSON)")
    def story_report(sid: Id, fmt: ReportFormat) -> Response:
        ix = data.get()[0]
        if sid not in ix.stories:
            raise HTTPException(404, "no such story")
        headers = {"Content-Disposition": f'inline; filename="story-{sid}.{fmt}"'}
        if fmt == "html":
            headers["Content-Security-Policy"] = REPORT_CSP
        return Response(render_report(ix, sid, fmt), media_type=REPORT_TYPES[fmt], headers=headers)

    @app.get("/stories/{sid}/{table}.csv", tags=["exports"], summary="One kind of the story's records as CSV")
    def story_table(sid: Id, table: Table) -> Response:
        ix = data.get()[0]
        if sid not in ix.stories:
            raise HTTPException(404, "no such story")
        return Response(story_csv(ix, sid, table), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="story-{sid}-{table}.csv"'})

    # ------------------------------------------------------------------------------ article
    def article(aid: str, cite: str | None) -> views.ArticleView:
        cited = tuple(int(x) for x in cite.split("-")) if cite else None  # validated by the Cite pattern
        view = views.article_view(data.get()[0], aid, cited=cited)
        if view is None:
            raise HTTPException(404, "no such article")
        return view

    @app.get("/articles/{aid}.json", response_model=views.ArticleView, tags=["json"], summary="One article")
    def article_json(aid: Id, cite: Cite = None) -> Any:
        return JSONResponse(views.to_json(article(aid, cite)))

    @app.get("/articles/{aid}", response_class=HTMLResponse, tags=["pages"], summary="One article (HTML)")
    def article_page(request: Request, aid: Id, cite: Cite = None) -> Response:
        return page(request, "article.html", article(aid, cite), False)

    # ------------------------------------------------------------------------------ entity
    def entity(eid: str) -> views.EntityView:
        view = views.entity_view(data.get()[0], eid)
        if view is None:
            raise HTTPException(404, "no such entity")
        return view

    @app.get("/entities/{eid}.json", response_model=views.EntityView, tags=["json"], summary="One entity")
    def entity_json(eid: Id) -> Any:
        return JSONResponse(views.to_json(entity(eid)))

    @app.get("/entities/{eid}", response_class=HTMLResponse, tags=["pages"], summary="One entity (HTML)")
    def entity_page(request: Request, eid: Id) -> Response:
        return page(request, "entity.html", entity(eid), False)

    # ------------------------------------------------------------------------------ upload
    def upload_view() -> UploadView:
        recent = sorted(jobs.values(), key=lambda j: j.started, reverse=True)[:10]
        return UploadView(read_only=read_only, accepted_suffixes=list(UPLOAD_SUFFIXES),
                          max_file_bytes=limits.file_bytes,
                          max_total_bytes=limits.total_bytes, max_files=limits.files, jobs=recent)

    @app.get("/upload.json", response_model=UploadView, tags=["json"], summary="Upload limits and recent folds")
    def upload_json() -> Any:
        return JSONResponse(views.to_json(upload_view()))

    @app.get("/upload", response_class=HTMLResponse, tags=["pages"], summary="Upload form (HTML)")
    def upload_page(request: Request, job: JobId = None) -> Response:
        return page(request, "upload.html", upload_view(), False, job=jobs.get(job or ""))

    def run_fold(job: Job, folder: Path, manifest: Path | None) -> None:
        def progress(phase: str, done: int, total: int | None) -> None:
            job.phase, job.done, job.total = phase, done, total

        def hide(text: str) -> str:  # no server path in what the user sees
            return text.replace(str(manifest.parent), "upload") if manifest else text

        try:
            with fold_lock:
                job.state = "running"
                summary = api.fold([folder], manifest=manifest, settings=settings, pipeline=pipeline,
                                   progress=progress, sources_as=(folder, "upload"))
                with api.open_store(db, read_only=True) as store:
                    new = store.article_ids_of_run(summary.run_id)
            ix = data.get()[0]
            job.articles = [{"id": aid, "title": ix.title(aid)} for aid in sorted(new) if aid in ix.articles]
            job.stored = summary.stored
            job.rejected = [hide(f"{r.source}: {r.reason}") for r in summary.rejected]
            job.warnings = [f"{r.source}{f':{r.line}' if r.line is not None else ''}: {r.reason}"
                            for r in summary.warnings]
            job.message = (f"{summary.documents_read} read, {summary.stored} new, {summary.already_stored} already "
                           f"stored, {len(summary.rejected)} rejected, {len(summary.warnings)} warnings")
            job.state = "done"
        except Exception as exc:  # noqa: BLE001 - reported on the progress endpoint
            job.state, job.message = "failed", f"fold failed: {str(exc).replace(str(folder), 'upload')}"
        finally:
            shutil.rmtree(folder, ignore_errors=True)
            if manifest is not None:
                shutil.rmtree(manifest.parent, ignore_errors=True)

    @app.post("/upload", tags=["json"], status_code=202, summary="Fold uploaded files into the database",
              responses={202: {"description": "the job (JSON), or a redirect to its progress page (HTML form)"},
                         400: {"description": "refused file name or type"}, 403: {"description": "read-only mode"},
                         413: {"description": "too large"}})
    async def upload(request: Request, files: Files, outlet: Outlet = "", published: Published = "",
                     url: Url = "") -> Response:
        if read_only:
            raise HTTPException(403, "this server is read-only: uploads are disabled")
        same_origin(request)
        if not files or len(files) > limits.files:
            raise HTTPException(400, f"give between 1 and {limits.files} files")
        names = [upload_name(f.filename) for f in files]
        if len(set(names)) != len(names):
            raise HTTPException(400, "two files have the same name")
        meta = upload_metadata(outlet, published, url, len(names))
        folder = await save_files(files, names, limits)
        manifest = write_manifest(names, meta)
        job = Job(id=uuid.uuid4().hex, files=names)
        jobs[job.id] = job
        threading.Thread(target=run_fold, args=(job, folder, manifest), daemon=True,
                         name=f"fold-{job.id[:8]}").start()
        if _wants_json(request):
            return JSONResponse(asdict(job), status_code=202)
        return RedirectResponse(f"/upload?job={job.id}", status_code=303)

    @app.get("/jobs/{jid}.json", response_model=Job, tags=["json"], summary="Progress of an upload's fold")
    def job_json(jid: Id) -> Any:
        if jid not in jobs:
            raise HTTPException(404, "no such job")
        return JSONResponse(asdict(jobs[jid]))

    app.state.data = data
    app.state.jobs = jobs
    app.state.db = db
    return app
