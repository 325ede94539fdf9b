"""Change sets as a reader sees them: plain text (the terminal, ``watch``), Markdown, and Atom feeds
(RFC 4287) a feed reader can follow, one entry per story and run.

Pure functions of the change-set documents :func:`storyfold.history.changes` builds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any
from xml.etree import ElementTree as ET

from storyfold.ids import content_id
from storyfold.present.humanize import human_amount, human_date, human_span
from storyfold.present.report import md_text
from storyfold.stages.commitments.status import CONDITION_MARKS

__all__ = ["FORMATS", "atom_feed", "entry_id", "render_changes", "story_lines"]

FORMATS = ("text", "json", "md")
ATOM = "http://www.w3.org/2005/Atom"

Item = Mapping[str, Any]


def _cites(evidence: Sequence[Item], *, limit: int = 3) -> str:
    labels = list(dict.fromkeys(e["label"] for e in evidence))
    if not labels:
        return ""
    return " [" + ", ".join(labels[:limit]) + (f", +{len(labels) - limit}" if len(labels) > limit else "") + "]"


def _when(evidence: Sequence[Item], fallback: str | None = None) -> str:
    dates = sorted({e["published"] for e in evidence if e.get("published")})
    return human_date(dates[-1] if dates else fallback, empty="undated")


def _version(v: Item) -> str:
    parts = [v.get("status") or "?"]
    if v.get("amount"):
        parts.append(human_amount(str(v["amount"]), v.get("period")))
    if v.get("conditions"):
        # a condition the article words opens with its own "if" or "unless"; a named one ("ceasefire") takes "if"
        parts.append(", ".join(c if c.partition(" ")[0].lower() in CONDITION_MARKS else f"if {c}" for c in v["conditions"]))
    return "; ".join(parts)


def _change(c: Item) -> str:
    """The fields of a commitment that changed, each as ``before -> after``."""
    parts = []
    for f in c["changed"]:
        old, new = c["before"].get(f), c["after"].get(f)
        if f == "conditions":
            old, new = ", ".join(old or ()) or "none", ", ".join(new or ()) or "none"
        elif f == "amount":
            old, new = (human_amount(v, p) if v else "none"
                        for v, p in ((old, c["before"].get("period")), (new, c["after"].get("period"))))
        parts.append(f"{old} -> {new}" if f == "status" else f"{f} {old} -> {new}")
    return "; ".join(parts)


def _commitment(c: Item) -> str:
    what = f"{c['actor']} / {c['kind']}" + (f" ({c['item']})" if c.get("item") and c["item"] != c["kind"] else "")
    return what


def story_lines(story: Item) -> list[tuple[str, list[str]]]:
    """A story's change set as (heading, lines) pairs, in reading order; empty headings omitted."""
    out: list[tuple[str, list[str]]] = []

    def add(heading: str, lines: Iterable[str]) -> None:
        lines = list(lines)
        if lines:
            out.append((heading, lines))

    if story["previous_ids"] and story["status"] == "changed":
        add("renamed", [f"was {', '.join(story['previous_ids'])} (an earlier article joined)"])
    add("merged stories", [f"{m['title']} ({m['id']})" for m in story["merged_from"]])
    add("new articles", [f"{a['label']} ({human_date(a.get('published'), empty='undated')})" for a in story["new_articles"]])
    add("new events", [f"{human_span(e.get('date'), e.get('date_end'), empty='undated')}: "
                       f"{e['title']}" for e in story["new_events"]])
    add("merged events", [f"{e['title']} <- " + "; ".join(f["title"] for f in e["from"]) for e in story["merged_events"]])
    add("split events", [f"{human_span(e.get('date'), e.get('date_end'), empty='undated')}: {e['title']}, "
                         f"{len(e['articles'])} article(s), part of {e['from'][0]['title']}" for e in story.get("split_events", ())])
    add("new commitments", [f"{_commitment(c)}: {_version(c)}, {_when(c['evidence'], c.get('time'))}"
                            f"{_cites(c['evidence'])}" for c in story["new_commitments"]])
    add("changed commitments", [
        f"{_commitment(c)}: {_change(c)}, "
        f"{_when(c['evidence'], c['after'].get('time'))}{_cites(c['evidence'])}"
        f" (was {_when(c['evidence_before'], c['before'].get('time'))}{_cites(c['evidence_before'])})"
        for c in story["changed_commitments"]])
    add("figures updated", [f"{f['summary']}{_cites(f['evidence'])}" for f in story["figures_updated"]])
    add("new conflicts", [f"{c['kind']}: {c['summary']}{_cites(c['evidence'])}" for c in story["new_conflicts"]])
    add("resolved conflicts", [f"{c['kind']}: {c['summary']}" for c in story["resolved_conflicts"]])
    add("claims with more independent sources",
        [f"{c['text']} ({c['before']} -> {c['after']}){_cites(c['evidence'])}" for c in story["claims_gained_sources"]])
    add("claims with fewer independent sources",
        [f"{c['text']} ({c['before']} -> {c['after']})" for c in story["claims_lost_sources"]])
    add("new quotes by known speakers",
        [f"{q['speaker']}: “{q['text']}”{_cites(q['evidence'])}" for q in story["new_quotes"]])
    return out


def _span(doc: Item) -> str:
    since, until = doc["since"], doc["until"]
    start = f"run {since['run']} ({human_date(since['time'])})" if since["run"] else "the first run"
    return f"changes from {start} to run {until['run']} ({human_date(until['time'])})"


def render_changes(doc: Item, fmt: str = "text") -> str:
    """The change set ``doc`` as ``text``, ``md`` or ``json``."""
    if fmt == "json":
        return json.dumps(doc, ensure_ascii=False, indent=1) + "\n"
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    md = fmt == "md"
    esc = md_text if md else (lambda t: t)
    span = _span(doc)
    span = span[:1].upper() + span[1:]
    lines = [f"# {esc(span)}" if md else span, ""]
    if not doc["stories"]:
        lines.append("Nothing changed." if doc["runs"] else "No run in between.")
    for story in doc["stories"]:
        title = f"{story['title']} ({story['story_id']}): {story['status']}"
        lines += [f"## {esc(title)}" if md else f"story {title}"]
        for heading, items in story_lines(story):
            lines += [f"\n**{heading}**\n" if md else f"  {heading}:"]
            lines += [f"- {esc(i)}" if md else f"    - {i}" for i in items]
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def entry_id(story_id: str, run_id: int) -> str:
    """The Atom id of the entry for story ``story_id``'s changes in run ``run_id``: the same on
    every request and every server (derived with :func:`storyfold.ids.content_id`)."""
    return "urn:storyfold:change:" + content_id("change", story_id, run_id)


def _el(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    if text is not None:
        el.text = text
    return el


def atom_feed(title: str, feed_url: str, page_url: str, feed_key: str,
              runs: Sequence[Item], story_url: Any) -> bytes:
    """An Atom feed: one entry per story and run of ``runs`` (change-set documents, each the
    changes of one run, newest first). ``story_url(story_id, since_run, until_run)`` is the page
    an entry links to; ``feed_key`` names the feed in its id."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed")
    _el(feed, "id", "urn:storyfold:feed:" + content_id("feed", feed_key))
    _el(feed, "title", title)
    _el(feed, "link", rel="self", href=feed_url, type="application/atom+xml")
    _el(feed, "link", rel="alternate", href=page_url, type="text/html")
    _el(_el(feed, "author"), "name", "storyfold")
    _el(feed, "generator", "storyfold")
    stamps = [doc["until"]["time"] for doc in runs if doc["until"]["time"]]
    _el(feed, "updated", max(stamps) if stamps else "1970-01-01T00:00:00+00:00")
    for doc in runs:
        run_id, when = doc["until"]["run"], doc["until"]["time"] or "1970-01-01T00:00:00+00:00"
        for story in doc["stories"]:
            entry = _el(feed, "entry")
            _el(entry, "id", entry_id(story["story_id"], run_id))
            _el(entry, "title", f"{story['title']}: {_headline(story)}")
            _el(entry, "updated", when)
            _el(entry, "link", rel="alternate", type="text/html", href=story_url(story["story_id"], doc["since"]["run"], run_id))
            body = "\n".join(f"{h}:\n" + "\n".join(f"  - {i}" for i in items) for h, items in story_lines(story))
            _el(entry, "content", body, type="text")
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)


def _headline(story: Item) -> str:
    if story["status"] in ("new", "merged", "removed"):
        return {"new": "new story", "merged": "stories merged", "removed": "story removed"}[story["status"]]
    counts = [(len(story[k]), name) for k, name in (
        ("changed_commitments", "commitment changes"), ("new_commitments", "new commitments"),
        ("figures_updated", "figures updated"), ("new_conflicts", "new conflicts"),
        ("resolved_conflicts", "resolved conflicts"), ("new_events", "new events"),
        ("new_quotes", "new quotes"), ("claims_gained_sources", "claims better sourced"),
        ("new_articles", "new articles"))]
    shown = [f"{n} {name}" for n, name in counts if n]
    return ", ".join(shown[:3]) or "changes"
