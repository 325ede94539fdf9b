"""Story reports over the folded seeds: Markdown, one self-contained HTML file, JSON."""

from __future__ import annotations

import json
import re

import pytest

from storyfold import api
from storyfold.errors import StoryfoldError

pytestmark = pytest.mark.slow


def _story(doc: dict) -> str:
    return max(doc["stories"], key=lambda s: len(s["article_ids"]))["id"]


def test_markdown_report_has_every_section(folded_seeds) -> None:
    db, doc = folded_seeds
    md = api.report(db, _story(doc), "md")
    for heading in ("### Brief", "### Timeline", "### Commitments", "### Conflicts", "### Claims by source",
                    "### Quotes by speaker", "### Sources"):
        assert heading in md
    assert "| actor | kind | amount | status | conditions | sources |" in md
    assert "rewrite of [" in md  # the seeds hold a rewrite: the source list shows the lineage
    brief = md.split("### Brief")[1].split("### Timeline")[0]
    lines = [x for x in brief.splitlines() if re.match(r"\d+\. ", x)]
    assert lines and all(re.search(r"\[\d+\]$", x) for x in lines)  # every brief sentence cites


def test_html_report_is_one_offline_file(folded_seeds) -> None:
    db, doc = folded_seeds
    html = api.report(db, _story(doc), "html")
    assert html.startswith("<!doctype html>") and "<style>" in html
    assert "<script" not in html and "<link" not in html and "@import" not in html
    urls = {a["url"] for a in doc["articles"] if a.get("url")}
    for m in re.finditer(r"""(?:src|href)\s*=\s*["']?(https?:[^"' >]+)""", html):
        assert m.group(1) in urls, m.group(1)  # only article links in the source list
    assert "url(" not in html.split("</style>")[0]
    nums = set(re.findall(r'href="#src-(\d+)"', html))
    ids = set(re.findall(r'id="src-(\d+)"', html))
    assert nums and nums <= ids  # every citation links to an entry of the source list
    assert "Figures differ" in html


def test_json_report_validates(folded_seeds) -> None:
    db, doc = folded_seeds
    data = json.loads(api.report(db, _story(doc), "json"))
    assert data["story_id"] == _story(doc)
    assert [s["number"] for s in data["sources"]] == list(range(1, len(data["sources"]) + 1))
    assert data["view"]["brief"] and all(b["citations"] for b in data["view"]["brief"])
    assert {"timeline", "commitments", "conflicts", "matrix", "quotes_by_speaker", "articles"} <= set(data["view"])


def test_unknown_story_and_format_are_refused(folded_seeds) -> None:
    db, doc = folded_seeds
    with pytest.raises(StoryfoldError, match="no story"):
        api.report(db, "st-nope", "md")
    with pytest.raises(StoryfoldError, match="format"):
        api.report(db, _story(doc), "pdf")


def test_fold_writes_the_brief(folded_seeds, tmp_path) -> None:
    db, doc = folded_seeds
    with api.open_store(db, read_only=True) as store:
        (path,) = api.write_outputs(store, api.build_pipeline(api.load_settings()), tmp_path, formats=("brief",))
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# storyfold brief")
    assert all(b["text"] in text for b in doc["brief"])


def test_cli_report_writes_the_file(folded_seeds, tmp_path) -> None:
    from typer.testing import CliRunner

    from storyfold.cli import app

    db, doc = folded_seeds
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["report", "--db", str(db), "--story", _story(doc), "--format", "html",
                                      "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert out.read_text(encoding="utf-8").startswith("<!doctype html>")
    bad = CliRunner().invoke(app, ["report", "--db", str(db), "--story", "st-nope"])
    assert bad.exit_code != 0
