"""``brief.md``: the cited brief of each story, rendered from an export document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

__all__ = ["render_brief_markdown"]


def _label(article: Mapping[str, Any]) -> str:
    bits = [article.get("outlet") or "unknown outlet", article.get("published") or "undated"]
    title = article.get("title") or article["text"][:80].split("\n")[0]
    return f"{title} ({', '.join(bits)}; `{article['id']}`)"


def render_brief_markdown(data: Mapping[str, Any]) -> str:
    """Markdown: per story, its brief sentences with numbered citations and a source list."""
    articles = {a["id"]: a for a in data["articles"]}
    lines = ["# storyfold brief", ""]
    stories = data.get("stories") or []
    brief = data.get("brief") or []
    if not brief:
        lines += [
            "_No brief yet: no brief stage has run on this database. Below are the articles stored._",
            "",
            "## Articles",
            "",
        ]
        lines += [f"- {_label(a)}" for a in data["articles"]]
        return "\n".join(lines) + "\n"
    by_story: dict[str | None, list[Mapping[str, Any]]] = {}
    for sentence in brief:
        by_story.setdefault(sentence.get("story_id"), []).append(sentence)
    titles = {s["id"]: s["title"] for s in stories}
    for story_id, sentences in by_story.items():
        lines += [f"## {titles.get(story_id, 'Story') if story_id else 'Story'}", ""]
        cited: list[str] = []
        paragraph = []
        for sentence in sentences:
            marks = []
            for aid in sentence["article_ids"]:
                if aid not in cited:
                    cited.append(aid)
                marks.append(f"[{cited.index(aid) + 1}]")
            paragraph.append(f"{sentence['text']} {''.join(marks)}")
        lines += [" ".join(paragraph), "", "Sources:", ""]
        lines += [f"{i}. {_label(articles[aid])}" for i, aid in enumerate(cited, 1) if aid in articles]
        lines.append("")
    return "\n".join(lines)
