"""``brief.md``: the cited brief of each story, told event by event, rendered from an export document.

Each story's section is the brief part of its report (:func:`storyfold.present.report.render_story_markdown`:
the heading, the counts and the numbered source list with lineage) with the brief told as its
sections (``brief_sections[]``): the lead ("In short"), then each event in date order under its
date range and title (dates as people write them), its sentences (each with its date and citation numbers) and what changed from
the previous event. An export without sections (an older brief stage) shows the flat brief.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from storyfold.present.humanize import human_date, human_span
from storyfold.present.report import md_text, render_story_markdown, sources
from storyfold.present.views import DocIndex, stories_list, story_view

__all__ = ["render_brief_markdown", "render_sections"]

_BRIEF, _SOURCES = "### Brief\n", "### Sources\n"


def _label(article: Mapping[str, Any]) -> str:
    bits = [md_text(article.get("outlet")) or "unknown outlet", md_text(article.get("published")) or "undated"]
    title = article.get("title") or article["text"][:80].split("\n")[0]
    return f"{md_text(title)} ({', '.join(bits)}; `{article['id']}`)"


def _marks(sentence: Mapping[str, Any], number: Mapping[str, int]) -> str:
    return "".join(f"[{n}]" for n in sorted({number[a] for a in sentence.get("article_ids", ()) if a in number}))


def _dated(sentence: Mapping[str, Any], number: Mapping[str, int]) -> str:
    date = sentence.get("date")
    return f"{f'**{md_text(human_date(date))}** ' if date else ''}{md_text(sentence['text'])} {_marks(sentence, number)}"


def render_sections(sections: Sequence[Mapping[str, Any]], number: Mapping[str, int]) -> list[str]:
    """The lines of one story's brief told event by event (``number``: article id -> source number)."""
    lines: list[str] = []
    n = 0
    for sec in sections:
        if sec["role"] == "lead":
            for b in sec["sentences"]:
                lines += [f"**In short.** {md_text(b['text'])} {_marks(b, number)}", ""]
            continue
        span = human_span(sec.get("date"), sec.get("date_end"))
        head = f"{md_text(span)}: {md_text(sec.get('title'))}" if span and sec.get("title") else (
            md_text(span) or md_text(sec.get("title")) or "Undated")
        lines += [f"#### {head}", ""]
        for b in sec["sentences"]:
            n += 1
            lines.append(f"{n}. {_dated(b, number)}")
        if sec["sentences"]:
            lines.append("")
        if sec["changes"]:
            lines += ["What changed:", ""]
            lines += [f"- {md_text(b['text'])} {_marks(b, number)}" for b in sec["changes"]]
            lines.append("")
    return lines


def render_brief_markdown(data: Mapping[str, Any]) -> str:
    """Markdown: per story, its brief told event by event with numbered citations, and a source list."""
    lines = ["# storyfold brief", ""]
    if not data.get("brief"):
        lines += [
            "_No brief yet: no brief stage has run on this database. Below are the articles stored._",
            "",
            "## Articles",
            "",
        ]
        lines += [f"- {_label(a)}" for a in data["articles"]]
        return "\n".join(lines) + "\n"
    ix = DocIndex(data)
    by_story: dict[str | None, list[Mapping[str, Any]]] = {}
    for sec in data.get("brief_sections") or ():
        by_story.setdefault(sec.get("story_id"), []).append(sec)
    for row in stories_list(ix):
        view = story_view(ix, row.id)
        if view is None or not view.brief:
            continue
        text = render_story_markdown(ix, view, full=False)
        parts = by_story.get(row.id) or (by_story.get(None) if len(by_story) == 1 else None)
        if parts and _BRIEF in text and _SOURCES in text:
            number = {s.article_id: s.number for s in sources(ix, view)}
            before, rest = text.split(_BRIEF, 1)
            after = rest.split(_SOURCES, 1)[1]
            text = before + _BRIEF + "\n" + "\n".join(render_sections(parts, number)) + "\n" + _SOURCES + after
        lines.append(text)
    return "\n".join(lines)
