"""A JSONL line whose text is fine but whose metadata is not keeps its article: the field is
dropped, and a warning names the file, line and field (the summary, the store, ``show``)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import Settings
from storyfold.errors import InputWarning
from storyfold.ingest import read_file
from storyfold.ingest.manifest import load_manifest
from storyfold.records import Document
from storyfold.store import Store

TEXT = "Germany pledged more aid to Ukraine on Monday, officials in Berlin said in a statement on the matter."


@pytest.mark.parametrize("published", ["not a date", "2025-13-45"])
def test_a_bad_published_field_is_dropped_with_a_warning(tmp_path: Path, published: str) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(json.dumps({"title": "Aid", "text": TEXT, "published": published}) + "\n", encoding="utf-8")
    warning, doc = list(read_file(path, Settings()))
    assert isinstance(warning, InputWarning) and isinstance(doc, Document)
    assert (warning.source, warning.line) == (str(path), 1)
    assert "published" in warning.reason and published in warning.reason
    assert doc.text == TEXT and doc.published is None and doc.title == "Aid"


def test_the_fold_stores_the_article_and_reports_the_warning(tmp_path: Path) -> None:
    path = tmp_path / "feed.jsonl"
    lines = [{"title": "A", "text": TEXT, "published": "not a date"},
             {"title": "B", "text": TEXT.replace("Germany", "France"), "published": "2025-13-45"}]
    path.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    db = tmp_path / "s.db"
    summary = api.fold([path], db=db, pipeline=api.build_pipeline(Settings(stages="dates")))
    assert summary.stored == 2 and summary.rejected == ()
    assert [(w.line, w.kind) for w in summary.warnings] == [(1, "warning"), (2, "warning")]
    with Store(db, read_only=True) as store:
        assert [r.kind for r in store.rejects()] == ["warning", "warning"]
        assert all(a.published is None for a in store.iter_articles())
    shown = CliRunner().invoke(app, ["show", "--db", str(db)], env={"COLUMNS": "250"})
    assert shown.exit_code == 0, shown.output
    assert f"warning: {path}:1: field published dropped" in shown.output
    assert f"warning: {path}:2: field published dropped" in shown.output


def test_a_manifest_entry_with_a_bad_date_keeps_its_other_fields(tmp_path: Path) -> None:
    manifest = tmp_path / "manifest.jsonl"
    manifest.write_text(json.dumps({"file": "a.txt", "outlet": "Reuters", "published": "2025-13-45"}) + "\n",
                        encoding="utf-8")
    loaded = load_manifest(manifest)
    assert loaded.entries["a.txt"].outlet == "Reuters" and loaded.entries["a.txt"].published is None
    (w,) = loaded.rejects
    assert w.kind == "warning" and w.line == 1 and "2025-13-45" in w.reason
