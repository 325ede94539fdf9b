"""The command line: parse, call :mod:`storyfold.api`, render with Rich. No logic of its own."""

from __future__ import annotations

import inspect
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyfold import api
from storyfold.config import SETTINGS, Setting, load_settings
from storyfold.errors import ConfigError, StoryfoldError
from storyfold.present.feeds import FORMATS as CHANGE_FORMATS
from storyfold.present.feeds import render_changes

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Fold many news reports of one story into one sourced record.")
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]
Command = Callable[..., None]


def _setting_options(command: str) -> Callable[[Command], Command]:
    """Give a command function an option ``--<name>`` for each setting whose row in ``SETTINGS`` names
    ``command`` in its ``cli``, with the row's type, default and help; the function takes them as
    ``**options``. :func:`_given` picks those typed on the command line, for :func:`load_settings`."""
    offered = [s for s in SETTINGS if command in s.cli]

    def add_options(func: Command) -> Command:
        signature = inspect.signature(func, eval_str=True)
        own = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        func.__signature__ = signature.replace(parameters=[*own, *map(_option, offered)])  # type: ignore[attr-defined]
        return func

    return add_options


def _option(setting: Setting) -> inspect.Parameter:
    option = typer.Option(help=escape(setting.help))
    return inspect.Parameter(
        setting.name,
        inspect.Parameter.KEYWORD_ONLY,
        default=setting.default,
        annotation=Annotated[setting.cli_type or setting.type, option],
    )


def _given(ctx: typer.Context, options: dict[str, Any]) -> dict[str, Any]:
    """The setting options typed on the command line; the others are left to the config file, the
    environment and the defaults."""
    return {k: v for k, v in options.items() if ctx.get_parameter_source(k).name == "COMMANDLINE"}


def _fail(exc: Exception, debug: bool) -> None:
    if debug:
        raise exc
    err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
    raise typer.Exit(2)


@app.command()
@_setting_options("fold")
def fold(
    ctx: typer.Context,
    paths: Annotated[
        list[str], typer.Argument(help="Files and folders to read (folders recursively), or feed URLs.")
    ],
    manifest: Annotated[Optional[Path], typer.Option(help="Metadata sidecar (JSONL: file, outlet, url, published).")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Folder for storyfold.json and brief.md.")] = Path("out"),
    engine: Annotated[str, typer.Option(help=escape("local, or ray (needs storyfold[ray])."))] = "local",
    ray_address: Annotated[Optional[str], typer.Option(help="Address of a running Ray cluster (default: start one here).")] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    no_export: Annotated[
        bool, typer.Option("--no-export", help="Write no storyfold.json and brief.md (`storyfold export` writes them).")
    ] = False,
    **options: Any,
) -> None:
    """Read, clean, deduplicate and extract; store in the database; write the export and brief."""
    debug = options["debug"]
    try:
        settings = load_settings(**_given(ctx, options))
        runner = None
        if engine == "ray":
            from storyfold.engines.ray import RayEngine

            runner = RayEngine(address=ray_address, num_workers=max(settings.workers, 1))
        elif engine != "local":
            raise ConfigError(f"--engine must be local or ray, not {engine!r}")
        with Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err_console,
            disable=quiet or not err_console.is_terminal,
            transient=True,
        ) as bar:
            tasks: dict[str, int] = {}

            def progress(phase: str, done: int, total: int | None) -> None:
                if phase not in tasks:
                    tasks[phase] = bar.add_task(phase, total=total)
                bar.update(tasks[phase], completed=done, total=total)

            summary = api.fold(paths, manifest=manifest, out=None if no_export else out, settings=settings,
                               progress=progress, engine=runner)
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    _print_summary(summary)
    if summary.nothing_read:
        raise typer.Exit(1)


def _print_summary(summary: api.FoldSummary) -> None:
    console.print(
        f"[bold]storyfold[/]: {summary.documents_read} articles read, {len(summary.rejected)} rejected, "
        + (f"{len(summary.warnings)} with warnings, " if summary.warnings else "") +
        f"{summary.stored} stored new, {summary.already_stored} already stored "
        + (f"({summary.unchanged_documents} of them in {summary.unchanged_inputs} unchanged "
           f"input{'s' if summary.unchanged_inputs != 1 else ''}, not read again) " if summary.unchanged_inputs else "") +
        f"({summary.seconds:.2f} s) → {summary.db}"
    )
    if summary.rejected:
        table = Table("rejected input", "reason", title="Rejected", title_justify="left", show_lines=False)
        for r in summary.rejected:
            table.add_row(f"{r.source}:{r.line}" if r.line is not None else r.source, r.reason)
        console.print(table)
    for r in summary.warnings:
        console.print(f"[yellow]warning:[/] {escape(r.source)}{f':{r.line}' if r.line is not None else ''}: "
                      f"{escape(r.reason)}", soft_wrap=True)
    console.print(f"stages run: {', '.join(summary.stages)}")
    if summary.unfilled:
        console.print(f"[dim]no stage yet fills: {', '.join(summary.unfilled)} (empty in the export)[/]")
    for path in summary.outputs:
        console.print(f"wrote {path}")


@app.command()
@_setting_options("watch")
def watch(
    ctx: typer.Context,
    targets: Annotated[list[str], typer.Argument(help="Folders, files or feed URLs to watch.")],
    interval: Annotated[float, typer.Option(help="Seconds between two looks.")] = 300.0,
    cycles: Annotated[Optional[int], typer.Option(help="Stop after this many looks (default: never).")] = None,
    manifest: Annotated[Optional[Path], typer.Option(help="Metadata sidecar.")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Folder for storyfold.json and brief.md.")] = Path("out"),
    **options: Any,
) -> None:
    """Fold new items as they arrive: new or changed files in folders, new entries of feeds."""
    debug = options["debug"]
    try:
        settings = load_settings(**_given(ctx, options))
        for summary in api.watch(targets, interval=interval, cycles=cycles, manifest=manifest, out=out, settings=settings):
            _print_summary(summary)
            console.print(render_changes(api.changes(summary.db, until=summary.run_id,
                                                     since=summary.run_id - 1), "text"), markup=False, soft_wrap=True)
    except KeyboardInterrupt:
        console.print("stopped")
    except StoryfoldError as exc:
        _fail(exc, debug)


@app.command()
def export(
    db: DbOption = Path("storyfold.db"),
    format: Annotated[str, typer.Option("--format", help="json or csv.")] = "json",
    out: Annotated[Optional[Path], typer.Option(help="Folder to write into; JSON goes to stdout without it.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Export the database: the JSON document (contract v1) or one CSV per list."""
    if format not in ("json", "csv"):
        _fail(typer.BadParameter(f"--format must be json or csv, not {format!r}"), debug)
    try:
        if out is None and format == "json":
            import json

            sys.stdout.write(json.dumps(api.export(db), ensure_ascii=False, indent=1) + "\n")
            return
        settings = load_settings()
        with api.open_store(db, read_only=True) as store:
            written = api.write_outputs(store, api.build_pipeline(settings), out or Path("."), formats=(format,))
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    for path in written:
        console.print(f"wrote {path}")


@app.command()
def changes(
    db: DbOption = Path("storyfold.db"),
    since: Annotated[Optional[str], typer.Option(
        help="A run id, an ISO date or time (the runs started after it), or last (default: what the latest fold changed).")
    ] = None,
    until: Annotated[Optional[str], typer.Option(help="A run id, date or time; the latest run by default.")] = None,
    story: Annotated[Optional[str], typer.Option("--story", help="One story's changes (its id, or an id it had).")] = None,
    format: Annotated[str, typer.Option("--format", help="text, json or md.")] = "text",
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """What the folds changed since a run or date, per story: new and merged stories and events,
    new and changed commitments, conflicts, figures, sources, quotes."""
    if format not in CHANGE_FORMATS:
        _fail(typer.BadParameter(f"--format must be one of {', '.join(CHANGE_FORMATS)}, not {format!r}"), debug)
    try:
        sys.stdout.write(render_changes(api.changes(db, since=since, until=until, story=story), format))
    except StoryfoldError as exc:
        _fail(exc, debug)


@app.command()
def report(
    story: Annotated[str, typer.Option("--story", help="Story id (see `storyfold show`).")],
    db: DbOption = Path("storyfold.db"),
    format: Annotated[str, typer.Option("--format", help="md, html (one self-contained file) or json.")] = "md",
    out: Annotated[Optional[Path], typer.Option(help="File to write; stdout without it.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """One story's report: cited brief, timeline, commitments, conflicts, claims by source, quotes, sources."""
    try:
        text = api.report(db, story, format)
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    if out is None:
        sys.stdout.write(text)
        return
    out.write_text(text, encoding="utf-8")
    console.print(f"wrote {out}")


@app.command()
def recluster(
    db: DbOption = Path("storyfold.db"),
    out: Annotated[Optional[Path], typer.Option(help="Folder to rewrite storyfold.json and brief.md in.")] = None,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Recompute every story and event from scratch (a fold only places new articles)."""
    try:
        counts = api.recluster(db, out=out)
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    console.print(f"[bold]{db}[/]: " + ", ".join(f"{n} {kind}" for kind, n in counts.items()), soft_wrap=True)


@app.command()
def show(
    db: DbOption = Path("storyfold.db"),
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """A readable summary of what the database holds."""
    try:
        data = api.export(db)
        warnings, failures = api.problems(db)
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    summary = data["summary"]
    console.print(f"[bold]{db}[/]: {summary['articles']} articles; stages: {', '.join(summary['stages'])}")
    counts = ", ".join(f"{k} {v}" for k, v in summary["counts"].items() if k != "articles")
    console.print(f"records: {counts}")
    table = Table("id", "outlet", "published", "title", "chars", "removed", title="Articles", title_justify="left")
    for a in data["articles"]:
        table.add_row(
            a["id"],
            a["outlet"] or "—",
            (a["published"] or "—") + (" (est.)" if a["published_estimated"] else ""),
            (a["title"] or a["text"][:60]).strip(),
            str(len(a["text"])),
            str(len(a["removed"])),
        )
    console.print(table)
    for key in ("stories", "events"):
        for item in data[key]:
            console.print(f"{key[:-1]} {item['id']}: {item['title']} ({len(item['article_ids'])} articles)")
    if summary["unfilled"]:
        console.print(f"[dim]no stage yet fills: {', '.join(summary['unfilled'])}[/]")
    for w in warnings:
        console.print(f"[yellow]warning:[/] {escape(w.source)}{f':{w.line}' if w.line is not None else ''}: "
                      f"{escape(w.reason)}", soft_wrap=True)
    for f in failures:
        console.print(f"[red]{escape(api.not_done(f))}[/]", soft_wrap=True)


@app.command()
@_setting_options("serve")
def serve(
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default; others expose the database).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only; no uploads.")] = False,
    **options: Any,
) -> None:
    """Explore the database in the browser: stories, sources, commitments, conflicts; upload new files."""
    # the options as typed or the table's defaults: serve reads neither config file nor environment
    db, debug = options["db"], options["debug"]
    try:
        import uvicorn

        from storyfold.web import create_app, serve_access

        settings = load_settings(allowed_hosts=options["allowed_hosts"] or None, public=options["public"] or None,
                                 debug=debug or None)
        access = serve_access(host, settings, read_only=read_only)
        web = create_app(db, read_only=read_only, settings=settings, allowed_hosts=access.allowed_hosts,
                         token=access.token)
    except StoryfoldError as exc:
        _fail(exc, debug)
        return
    console.print(f"storyfold: serving {db} on http://{host}:{port}/" + (" (read-only)" if read_only else ""))
    if access.allowed_hosts is not None:
        console.print(f"answering to host names: {', '.join(access.allowed_hosts)} (setting allowed_hosts adds more)")
    if access.generated:
        console.print(f"access token (shown once; set STORYFOLD_SERVE_TOKEN to keep one): {access.token}\n"
                      f"open http://{host}:{port}/?token={access.token} once in each browser", soft_wrap=True)
    if access.public:
        err_console.print(f"[yellow]warning:[/] {host} is not loopback and --public is set: anyone who reaches it "
                          "can read the database (uploads are off)")
    uvicorn.run(web, host=host, port=port, log_level="info" if debug else "warning")


def main() -> None:
    app()


if __name__ == "__main__":
    main()
