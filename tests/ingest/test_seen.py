"""Input files a fold read to the end are not read again by a later fold (storyfold.ingest.seen)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import Settings
from storyfold.errors import StoreError
from storyfold.ingest.seen import InputLedger, input_digest
from storyfold.pipeline import Pipeline
from storyfold.store import Store

BARE = Pipeline([])  # reading and storing only: what this file is about


@pytest.fixture
def inbox(tmp_path: Path, seeds_dir: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(seeds_dir, folder)
    return folder


def test_an_unchanged_input_is_not_read_again_but_counted_as_stored(inbox: Path, db: Path) -> None:
    first = api.fold([inbox], manifest=inbox / "manifest.jsonl", db=db, pipeline=BARE)
    assert (first.documents_read, first.stored, first.unchanged_inputs) == (5, 5, 0)
    again = api.fold([inbox], manifest=inbox / "manifest.jsonl", db=db, pipeline=BARE)
    assert (again.documents_read, again.stored, again.already_stored) == (0, 0, 5)
    assert (again.unchanged_inputs, again.unchanged_documents) == (5, 5) and not again.nothing_read
    with Store(db, read_only=True) as store:
        assert store.count_articles() == 5


def test_changed_bytes_or_a_changed_manifest_entry_are_read_again(inbox: Path, db: Path) -> None:
    api.fold([inbox], db=db, pipeline=BARE)
    seed = sorted(inbox.glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA paragraph added by a later version of the report.\n",
                    encoding="utf-8")
    again = api.fold([inbox], db=db, pipeline=BARE)
    assert (again.documents_read, again.stored, again.unchanged_inputs) == (1, 1, 4)
    # the manifest gives the seeds their dates: each is read again and its metadata filled in
    third = api.fold([inbox], manifest=inbox / "manifest.jsonl", db=db, pipeline=BARE)
    assert third.documents_read >= 5 and third.unchanged_inputs <= 1
    with Store(db, read_only=True) as store:
        assert sum(1 for a in store.iter_articles() if a.published) >= 4


def test_a_rejected_input_is_read_and_reported_again(tmp_path: Path, db: Path) -> None:
    bad = tmp_path / "in" / "empty.txt"
    bad.parent.mkdir()
    bad.write_text("", encoding="utf-8")
    lines = tmp_path / "in" / "rows.jsonl"
    lines.write_text(json.dumps({"text": "A real sentence about a pledge of aid, long enough to be kept. " * 3}) + "\n"
                     + "{not json\n", encoding="utf-8")
    first = api.fold([bad.parent], db=db, pipeline=BARE)
    assert first.stored == 1 and len(first.rejected) == 2
    again = api.fold([bad.parent], db=db, pipeline=BARE)
    # the empty file gave no document: read and rejected again; the JSONL file's good row is stored
    assert [r.source for r in again.rejected] == [str(bad)] and again.unchanged_inputs == 1


def test_nothing_is_recorded_when_an_article_could_not_be_stored(inbox: Path, db: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    real = Store.add_article

    def failing(self: Store, article, run_id):  # noqa: ANN001, ANN202
        if "666835db963c7a74" in article.source:
            raise StoreError("disk full")
        return real(self, article, run_id)

    monkeypatch.setattr(Store, "add_article", failing)
    first = api.fold([inbox], db=db, pipeline=BARE)
    assert first.stored == 4 and any("could not be stored" in r.reason for r in first.rejected)
    monkeypatch.setattr(Store, "add_article", real)
    again = api.fold([inbox], db=db, pipeline=BARE)
    assert (again.documents_read, again.stored, again.unchanged_inputs) == (5, 1, 0)


def test_a_feed_is_read_again_when_fetching_is_on(tmp_path: Path) -> None:
    feed = tmp_path / "news.rss"
    feed.write_text("<rss><channel></channel></rss>", encoding="utf-8")
    assert InputLedger(known=lambda _d: 1, settings=Settings(fetch=True)).digest(feed, None, feed=True) is None
    assert InputLedger(known=lambda _d: 1, settings=Settings()).digest(feed, None, feed=True) is not None


def test_the_digest_names_the_bytes_the_entry_and_the_reading_settings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("one", encoding="utf-8")
    base = input_digest(path, None, Settings())
    assert input_digest(path, None, Settings()) == base
    assert input_digest(path, None, Settings(db="other.db", workers=2)) == base  # not what reading depends on
    assert input_digest(path, None, Settings(max_article_chars=10)) != base
    assert input_digest(path, {"outlet": "x"}, Settings()) != base
    path.write_text("two", encoding="utf-8")
    assert input_digest(path, None, Settings()) != base


def test_the_cli_says_what_it_did_not_read_and_exits_0(inbox: Path, db: Path) -> None:
    args = ["fold", str(inbox), "--db", str(db), "--no-export", "--stages", "entities"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    again = CliRunner().invoke(app, args, env={"COLUMNS": "200"})
    assert again.exit_code == 0, again.output
    assert "5 already stored (5 of them in 5 unchanged inputs, not read again)" in again.output


def test_a_file_whose_only_document_is_rejected_when_cleaned_is_read_again(tmp_path: Path, db: Path) -> None:
    short = tmp_path / "in" / "short.txt"
    short.parent.mkdir()
    short.write_text("Too short.", encoding="utf-8")  # read as a document, rejected by cleaning
    first = api.fold([short.parent], db=db, pipeline=BARE)
    assert first.stored == 0 and len(first.rejected) == 1
    again = api.fold([short.parent], db=db, pipeline=BARE)
    assert len(again.rejected) == 1 and again.unchanged_inputs == 0
