"""``brief.md``: the cited brief of each story, rendered from an export document.

Each story's section is the brief part of its report (:func:`storyfold.present.report.render_story_markdown`):
the brief sentences with citation numbers and the numbered source list with lineage.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from storyfold.present.report import md_text, render_story_markdown
from storyfold.present.views import DocIndex, stories_list, story_view

__all__ = ["render_brief_markdown"]


def _label(article: Mapping[str, Any]) -> str:
    bits = [md_text(article.get("outlet")) or "unknown outlet", md_text(article.get("published")) or "undated"]
    title = article.get("title") or article["text"][:80].split("\n")[0]
    return f"{md_text(title)} ({', '.join(bits)}; `{article['id']}`)"


def render_brief_markdown(data: Mapping[str, Any]) -> str:
    """Markdown: per story, its brief sentences with numbered citations and a source list."""
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
    for row in stories_list(ix):
        view = story_view(ix, row.id)
        if view is not None and view.brief:
            lines.append(render_story_markdown(ix, view, full=False))
    return "\n".join(lines)
