"""Readers: text, HTML, JSONL, manifest; and a folder mixing good and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.config import Settings
from storyfold.errors import InputRejected, InputWarning
from storyfold.ingest import discover, load_manifest, read_file, read_inputs
from storyfold.ingest.jsonl import parse_line
from storyfold.records import Document


def _docs(items: list) -> list[Document]:
    return [i for i in items if isinstance(i, Document)]


def _paragraphs_html(text: str, title: str) -> str:
    paras = "".join(f"<p>{p}</p>\n" for p in text.split("\n") if p.strip())
    return (
        f"<!DOCTYPE html><html><head><title>{title}</title>"
        '<meta property="og:site_name" content="The Example Post">'
        '<meta property="article:published_time" content="2025-08-20T08:00:00Z">'
        '<meta name="author" content="Anna Reporter"></head>'
        f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>{paras}</article>"
        "<footer>Copyright 2025 The Example Post. All rights reserved.</footer></body></html>"
    )


def test_html_reader_extracts_text_and_metadata(tmp_path: Path, seeds_dir: Path) -> None:
    text = (seeds_dir / "004_cd8e14ab71b42551.txt").read_text(encoding="utf-8")
    title, body = text.split("\n", 1)
    body = body.split("Read also:")[0]
    page = tmp_path / "page.html"
    page.write_text(_paragraphs_html(body, title), encoding="utf-8")
    (doc,) = list(read_file(page, Settings()))
    assert isinstance(doc, Document)
    assert doc.title == title
    assert doc.published is not None and doc.published.isoformat() == "2025-08-20"
    assert doc.outlet == "The Example Post"
    assert doc.author == "Anna Reporter"
    assert "Ishiba emphasized the need for an early ceasefire in Ukraine." in doc.text
    assert "Home" not in doc.text.split("\n")


def test_jsonl_reader_keeps_url_and_reports_bad_lines(tmp_path: Path, seeds_dir: Path) -> None:
    text = (seeds_dir / "000_07fd7171138e55fb.txt").read_text(encoding="utf-8")
    lines = [
        json.dumps({"text": text, "url": "https://Example.org/a?b=1", "outlet": "Example", "published": "2025-03-16"}),
        '{"text": "unterminated',
        "[1, 2, 3]",
        json.dumps({"title": "no body"}),
        json.dumps({"text": text, "published": "16 March"}),
    ]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(read_file(path, Settings()))
    doc, dated = _docs(items)
    assert doc.url == "https://Example.org/a?b=1"
    assert doc.source == f"{path}:1"
    bad = {i.line: i.reason for i in items if isinstance(i, InputRejected)}
    assert set(bad) == {2, 3, 4}
    assert "invalid JSON" in bad[2]
    assert "not an object" in bad[3]
    assert "neither" in bad[4]
    # a bad date drops the field, not the line: kept, with a warning naming the line and field
    assert dated.source == f"{path}:5" and dated.published is None
    (warning,) = [i for i in items if isinstance(i, InputWarning)]
    assert warning.line == 5 and "published" in warning.reason and "ISO date" in warning.reason


def test_jsonl_overlong_line_is_skipped_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "long.jsonl"
    good = json.dumps({"text": "A sentence of an article that is long enough to keep. " * 3})
    path.write_text(json.dumps({"text": "x" * 5000}) + "\n" + good + "\n", encoding="utf-8")
    items = list(read_file(path, Settings(max_line_bytes=1000)))
    assert isinstance(items[0], InputRejected) and items[0].line == 1 and "max_line_bytes" in items[0].reason
    assert isinstance(items[1], Document)


def test_manifest_applies_metadata_and_reports_unknown_files(tmp_path: Path, seeds_dir: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "001.txt").write_bytes((seeds_dir / "001_90c05761f4b39f40.txt").read_bytes())
    manifest = tmp_path / "in" / "manifest.jsonl"
    manifest.write_text(
        "\n".join(
            [
                json.dumps({"file": "001.txt", "outlet": "i", "url": "https://inews.co.uk/x", "published": "2025-03-17"}),
                json.dumps({"file": "missing.txt", "published": None}),
                json.dumps({"file": "../outside.txt"}),
                json.dumps({"file": "bad-date.txt", "published": "yesterday"}),
            ]
        ),
        encoding="utf-8",
    )
    loaded = load_manifest(manifest)
    (doc,) = _docs(list(read_inputs([tmp_path / "in"], Settings(), loaded)))
    assert (doc.outlet, doc.url, str(doc.published)) == ("i", "https://inews.co.uk/x", "2025-03-17")
    reasons = {r.line: r.reason for r in [*loaded.rejects, *loaded.unused()]}
    assert "outside" in reasons[3] and "not among the inputs" in reasons[2]
    (warning,) = [r for r in loaded.rejects if r.kind == "warning"]  # the bad date dropped, the entry kept
    assert warning.line == 4 and "ISO date" in warning.reason and "bad-date.txt" in loaded.entries


def test_discover_skips_hidden_and_sidecars(tmp_path: Path) -> None:
    (tmp_path / ".hidden").mkdir()
    (tmp_path / ".hidden" / "a.txt").write_text("x")
    (tmp_path / "manifest.jsonl").write_text("{}")
    (tmp_path / "b.txt").write_text("x")
    files, missing = discover([tmp_path, tmp_path / "nope"])
    assert [f.name for f in files] == ["b.txt"]
    assert missing[0].reason == "no such file or folder"


@given(st.binary(max_size=2000))
def test_jsonl_line_parser_never_crashes(raw: bytes) -> None:
    try:
        doc = parse_line(raw, "r.jsonl", 7)
    except InputRejected as exc:
        assert exc.line == 7 and exc.reason
    else:
        assert isinstance(doc, Document)


@given(st.text(max_size=3000))
def test_any_text_file_reads_or_is_rejected(tmp_path_factory: pytest.TempPathFactory, text: str) -> None:
    path = tmp_path_factory.mktemp("h") / "t.html"
    path.write_bytes(text.encode("utf-8", "replace"))
    for item in read_file(path, Settings()):
        assert isinstance(item, (Document, InputRejected))
