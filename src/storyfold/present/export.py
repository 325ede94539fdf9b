"""The export contract (v1): every top-level list is always present; see ``docs/export.md``.

Pure functions of what is stored: the store and the names of the kinds the pipeline provides.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

from storyfold import codec
from storyfold.present.doc_index import DocIndex
from storyfold.records import Article

__all__ = [
    "ARTICLE_KINDS",
    "CORPUS_KINDS",
    "ESTIMATE_KIND",
    "SCHEMA_VERSION",
    "build_export",
    "csv_cell",
    "export_schema",
    "validate_export",
    "write_csv",
    "write_json",
]

SCHEMA_VERSION = "1.0"

# Export lists filled from per-article annotations, and from corpus-stage outputs.
ARTICLE_KINDS = ("dates", "quantities")
# Per-article kind that fills an article's missing ``published`` (not a top-level list).
ESTIMATE_KIND = "published_estimate"
CORPUS_KINDS = (
    "relations",
    "lineages",
    "stories",
    "events",
    "entities",
    "quotes",
    "claims",
    "commitments",
    "conflicts",
    "timeline",
    "brief",
    "brief_sections",
)
TOP_LEVEL = ("articles", "stories", "events", "entities", "quotes", "dates", "quantities", "claims",
             "commitments", "conflicts", "timeline", "brief", "brief_sections", "relations",
             "lineages")


def _article_dict(
    article: Article, links: Mapping[str, dict[str, str | None]], estimate: Any = None
) -> dict[str, Any]:
    data = codec.to_dict(article)
    if article.published is None and estimate is not None:
        # No date in the metadata: show the one the text supports, marked as estimated, with its bounds.
        data.update({
            "published": estimate.date.isoformat(),
            "published_estimated": True,
            "published_precision": str(estimate.precision),
            "published_earliest": estimate.earliest.isoformat(),
            "published_latest": estimate.latest.isoformat(),
            "published_basis": estimate.basis,
        })
    data.update({"duplicate_of": None, "derived_from": None, "lineage_id": None, "story_id": None, "event_id": None})
    data.update(links.get(article.id, {}))
    return data


def _links(lists: Mapping[str, list[dict[str, Any]]]) -> dict[str, dict[str, str | None]]:
    """Per-article fields that corpus stages decide: copies, rewrites, lineage, story and event."""
    links: dict[str, dict[str, str | None]] = {}
    for rel in lists.get("relations", []):
        field = "derived_from" if rel["kind"] == "rewrite" else "duplicate_of"
        links.setdefault(rel["b"], {}).setdefault(field, rel["a"])
    for lineage in lists.get("lineages", []):
        for aid in lineage["article_ids"]:
            links.setdefault(aid, {})["lineage_id"] = lineage["id"]
    for story in lists.get("stories", []):
        for aid in story["article_ids"]:
            links.setdefault(aid, {})["story_id"] = story["id"]
    for event in lists.get("events", []):
        for aid in event["article_ids"]:
            links.setdefault(aid, {})["event_id"] = event["id"]
    return links


def build_export(
    articles: Iterable[Article],
    annotations: Mapping[str, Mapping[str, tuple[Any, ...]]],
    outputs: Mapping[str, tuple[Any, ...]],
    stages: Iterable[str] = (),
) -> dict[str, Any]:
    """The export document.

    ``annotations[kind]`` maps article ids to that article's records; ``outputs[kind]`` holds corpus
    records; ``stages`` names the stages that ran (``name@version``). Lists no stage fills stay
    empty and are named in ``summary.unfilled``.
    """
    lists: dict[str, list[dict[str, Any]]] = {k: [] for k in TOP_LEVEL}
    for kind in CORPUS_KINDS:
        lists[kind] = [codec.to_dict(r) for r in outputs.get(kind, ())]
    for kind in ARTICLE_KINDS:
        for _aid, records in sorted(annotations.get(kind, {}).items()):
            lists[kind].extend(codec.to_dict(r) for r in records)
    links = _links(lists)
    estimates = {aid: records[0] for aid, records in annotations.get(ESTIMATE_KIND, {}).items() if records}
    lists["articles"] = [_article_dict(a, links, estimates.get(a.id)) for a in articles]
    filled = set(outputs) | (set(annotations) - {ESTIMATE_KIND})
    doc = {
        "schema_version": SCHEMA_VERSION,
        **lists,
        "summary": {
            "articles": len(lists["articles"]),
            "stages": sorted(stages),
            "counts": {k: len(v) for k, v in lists.items()},
            "unfilled": [k for k in (*ARTICLE_KINDS, *CORPUS_KINDS) if k not in filled],
        },
    }
    # a story's and an event's title as every view shows it: the headline of its articles that
    # their sources bear out best, cleaned; a brief section is titled by its event
    index = DocIndex(doc)
    for story in lists["stories"]:
        story["title"] = index.story_title(story["id"])
    for event in lists["events"]:
        event["title"] = index.event_title(event)
    event_titles = {e["id"]: e["title"] for e in lists["events"]}
    for section in lists["brief_sections"]:
        if section.get("event_id") in event_titles:
            section["title"] = event_titles[section["event_id"]]
    return doc


@cache
def export_schema() -> dict[str, Any]:
    """The JSON Schema of the export, shipped in the package."""
    text = resources.files("storyfold.schemas").joinpath("export-v1.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def validate_export(data: Mapping[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` when ``data`` breaks the contract."""
    import jsonschema  # imported here: only tests and `storyfold export --validate` need it

    jsonschema.validate(data, export_schema())


def write_json(data: Mapping[str, Any], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)
    return path


FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell that a spreadsheet shows and never runs: a text starting with ``=``,
    ``+``, ``-``, ``@``, tab or carriage return gets a leading apostrophe (OWASP, CSV injection).
    Numbers stay numbers."""
    if value is None:
        return ""
    if isinstance(value, (list, dict)):
        value = json.dumps(value, ensure_ascii=False)
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def write_csv(data: Mapping[str, Any], folder: Path) -> list[Path]:
    """One CSV per top-level list; nested values are JSON-encoded in their cell; no cell starts a
    formula (:func:`csv_cell`)."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for key in TOP_LEVEL:
        rows = data.get(key, [])
        columns: list[str] = list(export_schema()["properties"][key]["items"]["required"])
        for row in rows:
            columns.extend(c for c in row if c not in columns)
        path = folder / f"{key}.csv"
        with path.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([csv_cell(row.get(c)) for c in columns])
        written.append(path)
    return written
