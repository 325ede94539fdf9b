"""The command line: parse, call :mod:`storyfold.api`, render with Rich. No logic of its own."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from storyfold import api
from storyfold.config import load_settings, setting_help
from storyfold.errors import ConfigError, StoryfoldError

app = typer.Typer(add_completion=False, no_args_is_help=True, help="Fold many news reports of one story into one sourced record.")
console = Console()
err_console = Console(stderr=True)

DbOption = Annotated[Path, typer.Option("--db", help="SQLite database file.")]


def _fail(exc: Exception, debug: bool) -> None:
    if debug:
        raise exc
    err_console.print(f"[bold red]error:[/] {escape(str(exc))}", soft_wrap=True)
    raise typer.Exit(2)


@app.command()
def fold(
    paths: Annotated[
        list[str], typer.Argument(help="Files and folders to read (folders recursively), or feed URLs.")
    ],
    manifest: Annotated[Optional[Path], typer.Option(help="Metadata sidecar (JSONL: file, outlet, url, published).")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite database file [default: storyfold.db].")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Folder for storyfold.json and brief.md.")] = Path("out"),
    stages: Annotated[Optional[str], typer.Option(help="Comma-separated stages to run (default: all).")] = None,
    workers: Annotated[Optional[int], typer.Option(help="Processes (or Ray workers) for per-article stages.")] = None,
    engine: Annotated[str, typer.Option(help="local, or ray (needs storyfold[ray]).")] = "local",
    ray_address: Annotated[Optional[str], typer.Option(help="Address of a running Ray cluster (default: start one here).")] = None,
    fetch: Annotated[bool, typer.Option(help="Fetch articles that items of local feed files only summarise.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Read, clean, deduplicate and extract; store in the database; write the export and brief."""
    try:
        settings = load_settings(
            db=str(db) if db else None, stages=stages, workers=workers, debug=debug or None, fetch=fetch or None
        )
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

            summary = api.fold(paths, manifest=manifest, out=out, settings=settings, progress=progress, engine=runner)
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
def watch(
    targets: Annotated[list[str], typer.Argument(help="Folders, files or feed URLs to watch.")],
    interval: Annotated[float, typer.Option(help="Seconds between two looks.")] = 300.0,
    cycles: Annotated[Optional[int], typer.Option(help="Stop after this many looks (default: never).")] = None,
    manifest: Annotated[Optional[Path], typer.Option(help="Metadata sidecar.")] = None,
    db: Annotated[Optional[Path], typer.Option("--db", help="SQLite database file [default: storyfold.db].")] = None,
    out: Annotated[Optional[Path], typer.Option(help="Folder for storyfold.json and brief.md.")] = Path("out"),
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Fold new items as they arrive: new or changed files in folders, new entries of feeds."""
    try:
        settings = load_settings(db=str(db) if db else None, debug=debug or None)
        for summary in api.watch(targets, interval=interval, cycles=cycles, manifest=manifest, out=out, settings=settings):
            _print_summary(summary)
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
def serve(
    db: DbOption = Path("storyfold.db"),
    host: Annotated[str, typer.Option(help="Address to bind (loopback by default; others expose the database).")
                    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    read_only: Annotated[bool, typer.Option("--read-only", help="Open the database read-only; no uploads.")] = False,
    allowed_hosts: Annotated[Optional[str], typer.Option(help=setting_help("allowed_hosts"))] = None,
    public: Annotated[bool, typer.Option("--public", help=setting_help("public"))] = False,
    debug: Annotated[bool, typer.Option(help="Show tracebacks.")] = False,
) -> None:
    """Explore the database in the browser: stories, sources, commitments, conflicts; upload new files."""
    try:
        import uvicorn

        from storyfold.web import create_app, serve_access

        settings = load_settings(allowed_hosts=allowed_hosts, public=public or None, debug=debug or None)
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
