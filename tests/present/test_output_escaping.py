"""What an article says never becomes active in the files made from it: no CSV cell starts a
spreadsheet formula, and the Markdown outputs (``report --format md``, ``brief.md``) hold no element
or HTML that the renderer did not write itself (rendered with markdown-it-py to check)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.present.export import FORMULA_START, csv_cell
from storyfold.present.report import md_text, md_url

FORMULA = "=cmd|'/c calc'!A1 said the ministry\u2026"
HOSTILE_TITLE = "<script>alert('t1')</script> \u2026 <img src=x onerror=alert('t2')>"
ARTICLES = [
    {"title": "Ministry statement", "outlet": "=HYPERLINK(\"http://x.example\")",
     "text": FORMULA + " Germany pledged $4.5 billion to Ukraine on Monday, the ministry said in Berlin. "
             "The aid will be delivered over the next ten years, officials said."},
    {"title": HOSTILE_TITLE, "outlet": "*bold* [x](javascript:alert(1))", "url": "https://news.example/a(b)",
     "text": "France pledged $2 billion to Ukraine on Tuesday, the ministry said in Paris. "
             "\u201cWe will deliver it <b>now</b>,\u201d the minister said on Tuesday. "
             "The aid will be delivered over the next five years, officials said."},
]


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    src = folder / "hostile.jsonl"
    src.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    summary = api.fold([src], db=folder / "h.db", out=folder / "out")
    assert summary.stored == 2 and not summary.rejected, summary.rejected
    return folder / "h.db"


@pytest.mark.parametrize("lead", FORMULA_START)
def test_a_cell_starting_a_formula_gets_an_apostrophe(lead: str) -> None:
    assert csv_cell(lead + "1+1") == "'" + lead + "1+1"
    assert csv_cell("a" + lead) == "a" + lead and csv_cell(-3) == -3 and csv_cell(None) == ""


def test_no_cell_of_the_csv_export_starts_a_formula(hostile_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "csv"
    result = CliRunner().invoke(app, ["export", "--db", str(hostile_db), "--format", "csv", "--out", str(out)])
    assert result.exit_code == 0, result.output
    cells: dict[str, list[str]] = {}
    for path in out.glob("*.csv"):
        with path.open(encoding="utf-8", newline="") as fh:
            cells[path.name] = [c for row in csv.reader(fh) for c in row]
    assert all(not c.startswith(FORMULA_START) for cs in cells.values() for c in cs)
    assert any(c.startswith("'" + FORMULA) for c in cells["articles.csv"])  # the text cell, defused
    assert any(c.startswith("'=cmd|") for c in cells["claims.csv"]), "the claim on the formula sentence"
    assert any(c.startswith("'=HYPERLINK") for c in cells["articles.csv"])


_OURS = re.compile(r'^(?:<a id="src-\d+">|</a>)$')  # the source anchors, as markdown-it splits them


def _foreign_elements(markdown: str) -> list[str]:
    """Elements in the rendering that the renderer did not write: raw HTML other than the source
    anchors, images, and links other than to the http(s) URLs of the sources."""
    found = []
    for block in MarkdownIt().parse(markdown):
        if block.type == "html_block":
            found.append(block.content)
        for tok in block.children or ():
            if tok.type == "html_inline" and not _OURS.match(tok.content):
                found.append(tok.content)
            elif tok.type == "image" or (tok.type == "link_open" and not str(tok.attrs.get("href", "")).startswith("https://news.example/")):
                found.append(str(tok.attrs))
    return found


def test_the_markdown_report_and_brief_escape_hostile_titles(hostile_db: Path) -> None:
    data = api.export(hostile_db)
    (hostile,) = [a for a in data["articles"] if a["title"] == HOSTILE_TITLE]
    story = next(s["id"] for s in data["stories"] if hostile["id"] in s["article_ids"])
    report = CliRunner().invoke(app, ["report", "--db", str(hostile_db), "--story", story, "--format", "md"])
    assert report.exit_code == 0, report.output
    brief = (hostile_db.parent / "out" / "brief.md").read_text(encoding="utf-8")
    for markdown in (report.output, brief):
        html = MarkdownIt().render(markdown)
        assert "<script" not in html and "<img" not in html and 'href="javascript' not in html
        assert _foreign_elements(markdown) == []
        assert "&lt;script&gt;alert('t1')&lt;/script&gt;" in html  # the title is still shown, as text
    assert "https://news.example/a%28b%29" in report.output  # the link kept, its parentheses encoded


@pytest.mark.parametrize("text", [HOSTILE_TITLE, "*a* _b_ `c` [d](e) ![f](g) <h> &amp; | ~~i~~", "x\n# heading\n- item"])
def test_md_text_renders_as_the_text_itself(text: str) -> None:
    html = MarkdownIt().enable("strikethrough").enable("table").render("para " + md_text(text))
    assert html.count("<") == 2  # <p> and </p>: nothing else


def test_md_url_keeps_only_web_links() -> None:
    assert md_url("javascript:alert(1)") is None and md_url("data:text/html,x") is None
    assert md_url("https://a.example/x y") == "https://a.example/x%20y"
