"""Every input of the bad-input corpus gets a clear, named rejection or a correct decode, the run
goes on, and nothing half-written is stored."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from bad_inputs import BAD, LARGE, SMALL, write_large

from storyfold import api
from storyfold.config import Settings

pytestmark = pytest.mark.slow  # about a minute: it folds 50 MB of text


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("bad")
    for path in BAD.iterdir():
        shutil.copy(path, folder / path.name)
    write_large(folder)
    return folder


def test_committed_small_files_match_their_builders() -> None:
    for name, (build, _expected) in SMALL.items():
        assert (BAD / name).read_bytes() == build(), f"regenerate tests/data/bad: python tests/bad_inputs.py ({name})"


@pytest.mark.slow
def test_bad_corpus(corpus: Path, tmp_path: Path) -> None:
    manifest = corpus / "manifest.jsonl"
    manifest.write_text(
        "\n".join(json.dumps(x) for x in ({"file": "missing.txt"}, {"file": "../../etc/passwd"}, {"file": "utf16-bom.txt", "published": "2025-08-20"})),
        encoding="utf-8",
    )
    db = tmp_path / "bad.db"
    summary = api.fold([corpus], manifest=manifest, settings=Settings(db=str(db)))
    data = api.export(db)
    texts: dict[str, list[str]] = {}
    for article in data["articles"]:
        texts.setdefault(Path(article["source"].split("#")[0].split(":")[0]).name, []).append(article["text"])
    reasons: dict[str, list[str]] = {}
    for reject in summary.rejected:
        reasons.setdefault(Path(reject.source.split("#")[0]).name, []).append(reject.reason)
    for name, (_build, expected) in {**SMALL, **LARGE}.items():
        for part in expected.split("|"):
            kind, words = part.split(":", 1)
            if kind == "ok":
                assert any(words in t for t in texts.get(name, [])), f"{name}: no stored article holds {words!r}"
            else:
                assert any(words in r for r in reasons.get(name, [])), f"{name}: no rejection says {words!r}: {reasons.get(name)}"
    manifest_reasons = " ".join(reasons["manifest.jsonl"])
    assert "outside" in manifest_reasons and "not among the inputs" in manifest_reasons
    assert next(a for a in data["articles"] if a["source"].endswith("utf16-bom.txt"))["published"] == "2025-08-20"
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert stored == summary.stored == sum(len(v) for v in texts.values())
    cap = Settings().max_quote_chars
    assert data["quotes"] and all(len(v["text"]) <= cap for q in data["quotes"] for v in q["variants"])
