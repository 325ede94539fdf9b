"""Story reports: one story's view model (:func:`storyfold.present.views.story_view`) rendered as
Markdown, as a single self-contained HTML file (inline CSS, no scripts, no external resources; it
opens offline and prints), or as JSON.

Markdown quotes article text (titles, outlets, sentences, quotes) through :func:`md_text`, which
escapes every character that could start an element or raw HTML; only the renderer's own markup
(headings, lists, tables, citations, the source anchors) is Markdown.

The report numbers the story's articles once (the source list) and every citation -- in the brief,
the timeline, the commitments, the conflicts -- points at that number. The source list says how
each article relates to the others: the original of its lineage, a rewrite of another, or a copy.
"""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import jinja2

from storyfold.errors import StoryfoldError
from storyfold.present.export import csv_cell, export_schema
from storyfold.present.humanize import human_amount, human_date, human_span
from storyfold.present.views import Citation, DocIndex, MatrixRow, StoryView, stories_list, story_view, to_json
from storyfold.urls import safe_url

__all__ = ["CSV_TABLES", "FORMATS", "Source", "md_text", "md_url", "render_report", "render_story_markdown", "sources",
           "story_csv"]

FORMATS = ("md", "html", "json")
CSV_TABLES = ("claims", "commitments", "conflicts", "timeline", "quotes", "events", "articles")
KEY_CLAIMS = 30  # rows of the claims-by-sources matrix in md/html (the JSON report has them all)

# What is escaped in quoted text: CommonMark's inline metacharacters, "|" (tables), "&" before what
# could read as an entity, "_" where it could open or close emphasis (not inside a word: file names)
_MD_META = re.compile(r"[\\`*\[\]<>#!|~]|&(?=[#A-Za-z0-9])|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])")
_LINE_BREAK = re.compile(r"[\r\n]+")


def md_text(text: str | None) -> str:
    """``text`` as literal Markdown inline text: no element, link, image or HTML can come of it,
    and it stays on one line."""
    return _MD_META.sub(lambda m: "\\" + m.group(), _LINE_BREAK.sub(" ", text or ""))


def md_url(url: str | None) -> str | None:
    """An http(s) URL (:func:`~storyfold.urls.safe_url`) fit for a Markdown link destination
    (characters that would end or break it percent-encoded); None for any other."""
    safe = safe_url(url)
    if safe is None:
        return None
    return re.sub(r"[\s()<>\\`]", lambda m: "%{:02X}".format(ord(m.group())), safe)


def key_claims(view: StoryView, limit: int = KEY_CLAIMS) -> list[MatrixRow]:
    """The matrix rows worth a reader's look: claims the brief rests on, contested claims and
    claims reported by two or more independent sources, most sources first."""
    in_brief = {cid for b in view.brief for cid in b.claim_ids}
    rows = [m for m in view.matrix if m.claim_id in in_brief or m.status == "contested" or m.independent_sources >= 2]
    rows.sort(key=lambda m: (m.claim_id not in in_brief, m.status != "contested", -m.independent_sources))
    return rows[:limit]


def with_numbers(text: str, number: Mapping[str, int]) -> str:
    """``text`` with the story's article ids (as in conflict summaries) replaced by source numbers."""
    return re.sub(r"\b[0-9a-f]{16}\b", lambda m: f"[{number[m.group()]}]" if m.group() in number else m.group(), text)


@dataclass
class Source:
    number: int
    article_id: str
    title: str
    outlet: str
    published: str | None
    url: str | None
    role: str  # "original", "rewrite of [n]", "copy of [n]", "same source as [n]"


def sources(ix: DocIndex, view: StoryView) -> list[Source]:
    """The story's articles, numbered, each with its place in its lineage."""
    number = {a.id: i for i, a in enumerate(view.articles, 1)}
    out = []
    for a in view.articles:
        if a.copy_of in number:
            role = f"copy of [{number[a.copy_of]}]"
        elif a.rewrite_of in number:
            role = f"rewrite of [{number[a.rewrite_of]}]"
        else:
            rel = next((r for r in ix.list("relations") if r.get("b") == a.id and r.get("a") in number), None)
            if rel is not None:
                kind = "rewrite" if rel.get("kind") == "rewrite" else "copy"
                role = f"{kind} of [{number[rel['a']]}]"
            elif a.lineage != a.id and a.lineage in number:
                role = f"same source as [{number[a.lineage]}]"
            else:
                role = "original"
        out.append(Source(number=number[a.id], article_id=a.id, title=a.title, outlet=ix.outlet(a.id) or "outlet unknown",
                          published=a.published, url=safe_url(ix.articles.get(a.id, {}).get("url")), role=role))
    return out


def _marks(citations: Sequence[Citation], number: Mapping[str, int]) -> str:
    return "".join(f"[{n}]" for n in sorted({number[c.article_id] for c in citations if c.article_id in number}))


def _cell(text: str | None) -> str:
    return md_text(text)


def render_story_markdown(ix: DocIndex, view: StoryView, *, full: bool = True) -> str:
    """One story in Markdown: the brief and its sources; with ``full``, every section of the report."""
    src = sources(ix, view)
    number = {s.article_id: s.number for s in src}
    s = view.story
    span = human_span(s.first_date, s.last_date)
    lines = [f"## {md_text(s.title)}", "",
             f"{s.articles} articles from {s.independent_sources} independent sources" + (f"; {span}" if span else "")
             + ".", "", "### Brief", ""]
    if view.brief:
        lines += [f"{i}. {f'**{md_text(human_date(b.date))}** ' if b.date else ''}{md_text(b.text)} "
                  f"{_marks(b.citations, number)}"
                  for i, b in enumerate(view.brief, 1)]
    else:
        lines.append("_No brief: no brief stage has run on this database._")
    lines.append("")
    if full:
        lines += ["### Timeline", ""]
        lines += [f"- **{md_text(human_date(t.date, empty='undated'))}** {md_text(t.text)} {_marks(t.citations, number)}"
                  for t in view.timeline] or ["_none_"]
        lines += ["", "### Commitments", ""]
        if view.commitments:
            lines += ["| actor | kind | amount | status | conditions | sources |", "|---|---|---|---|---|---|"]
            lines += [f"| {_cell(c.actor)} | {_cell(c.kind)} | {_cell(human_amount(c.amount, c.period))} | {_cell(c.status)} | "
                      f"{_cell(', '.join(c.conditions))} | {c.independent_sources} {_marks(c.citations, number)} |"
                      for c in view.commitments]
        else:
            lines.append("_none_")
        lines += ["", "### Conflicts", ""]
        for c in view.conflicts:
            lines += [f"**{md_text(c.kind)}**: {with_numbers(md_text(c.summary), number)}", ""]
            lines += [f"> {md_text(side.label)}: \u201c{md_text(side.text)}\u201d {_marks(side.citations, number)}" + "\n>"
                      for side in c.sides]
            lines.append("")
        if not view.conflicts:
            lines += ["_none_", ""]
        if view.rewrite_notes:
            lines += ["### Rewrites that add to their source", ""]
            for n in view.rewrite_notes:
                what = [f"adds {len(n.added)} sentence(s) its source does not support"] if n.added else []
                what += ["drops the qualifiers " + ", ".join(f"\u201c{md_text(q)}\u201d" for q in n.dropped_qualifiers)
                         ] if n.dropped_qualifiers else []
                lines.append(f"- [{number.get(n.rewrite_id, '?')}] rewrites [{number.get(n.source_id, '?')}] and "
                             + "; ".join(what) + ":")
                lines += [f"  - \u201c{md_text(a)}\u201d" for a in n.added]
            lines.append("")
        lines += ["### Claims by source", ""]
        rows = key_claims(view)
        if rows:
            cols = [f"[{number[c['article_id']]}]" for c in view.matrix_columns]
            lines += ["| claim | status | " + " | ".join(cols) + " |", "|---|---|" + "---|" * len(cols)]
            sign = {"supports": "✓", "contradicts": "✗", "silent": "·"}
            lines += [f"| {_cell(m.text)} | {m.status} | " + " | ".join(sign.get(x, x) for x in m.cells) + " |"
                      for m in rows]
            lines += ["", f"✓ supports, ✗ contradicts, · silent; {len(rows)} key claims of {len(view.matrix)} "
                          "(the JSON report lists all)"]
        else:
            lines.append("_none_")
        lines += ["", "### Quotes by speaker", ""]
        for sp in view.quotes_by_speaker:
            lines.append(f"**{md_text(sp.speaker)}**")
            lines.append("")
            for q in sp.quotes:
                nums = "".join(dict.fromkeys(f"[{number[v['article_id']]}]" for v in q.variants
                                             if v["article_id"] in number))
                lines.append(f"- \u201c{md_text(q.text)}\u201d {nums}")
            lines.append("")
        if not view.quotes_by_speaker:
            lines += ["_none_", ""]
    lines += ["### Sources", ""]
    for x in src:
        url = md_url(x.url)
        title = f"[{md_text(x.title)}]({url})" if url else md_text(x.title)
        lines.append(f"{x.number}. <a id=\"src-{x.number}\"></a>{title} ({md_text(x.outlet)}, "
                     f"{md_text(human_date(x.published, empty='undated'))}; {x.role}; `{x.article_id}`)")
    lines.append("")
    return "\n".join(lines)


def _env(number: Mapping[str, int]) -> jinja2.Environment:
    loader = jinja2.FileSystemLoader(str(resources.files("storyfold.present") / "templates"))
    env = jinja2.Environment(loader=loader, autoescape=True, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(human_date=human_date, human_span=human_span, human_amount=human_amount)
    # citations of the story's articles, in source-list order, one per article
    env.filters["numbered"] = lambda cits: sorted({c.article_id: c for c in cits if c.article_id in number}.values(),
                                                  key=lambda c: number[c.article_id])
    return env


def render_report(doc: Mapping[str, Any] | DocIndex, story_id: str, fmt: str) -> str:
    """The report of story ``story_id`` in ``fmt`` (md, html or json)."""
    if fmt not in FORMATS:
        raise StoryfoldError(f"report format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    ix = doc if isinstance(doc, DocIndex) else DocIndex(doc)
    view = story_view(ix, story_id, claims="all")  # key_claims picks the md/html rows; the JSON has them all
    if view is None:
        known = ", ".join(f"{r.id} ({r.title})" for r in stories_list(ix)) or "none"
        raise StoryfoldError(f"no story {story_id!r}; stories: {known}")
    if fmt == "md":
        return f"# storyfold report: {md_text(view.story.title)}\n\n" + render_story_markdown(ix, view)
    src = sources(ix, view)
    if fmt == "json":
        return json.dumps({"story_id": story_id, "view": to_json(view), "sources": to_json(src)},
                          ensure_ascii=False, indent=1) + "\n"
    number = {s.article_id: s.number for s in src}
    env = _env(number)
    env.filters["with_numbers"] = lambda text: with_numbers(text, number)
    return env.get_template("report.html").render(view=view, sources=src, number=number, matrix=key_claims(view))


def story_csv(ix: DocIndex, story_id: str, table: str) -> str:
    """One kind of story ``story_id``'s export records (``table``, one of :data:`CSV_TABLES`) as CSV:
    the contract's required columns first, nested values JSON-encoded, no cell starting a formula
    (:func:`~storyfold.present.export.csv_cell`)."""
    if table not in CSV_TABLES:
        raise StoryfoldError(f"CSV table must be one of {', '.join(CSV_TABLES)}, not {table!r}")
    if story_id not in ix.stories:
        raise StoryfoldError(f"no story {story_id!r}")
    if table == "articles":
        rows = [ix.articles[a] for a in ix.story_articles(story_id)]
    elif table == "events":
        rows = [e for e in ix.list("events") if e.get("story_id") == story_id]
    else:
        rows = [r for r in ix.list(table) if ix.in_story(story_id, r)]
    columns: list[str] = list(export_schema()["properties"][table]["items"]["required"])
    for row in rows:
        columns.extend(c for c in row if c not in columns)
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(columns)
    for row in rows:
        writer.writerow([csv_cell(row.get(c)) for c in columns])
    return out.getvalue()
