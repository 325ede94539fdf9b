"""Folding end to end through the API: the seeds, a folder of mixed good and bad inputs, reruns,
and failures that must not leave anything half-written."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from storyfold import api
from storyfold.config import Settings
from storyfold.errors import StoreError
from storyfold.pipeline import ArticleStage, Context, Pipeline
from storyfold.present.export import validate_export
from storyfold.records import Article, EntityMention, EntityType
from storyfold.store import Store


def test_mixed_folder_keeps_good_names_bad(tmp_path: Path, mixed_folder: Path, db: Path) -> None:
    folder = mixed_folder
    summary = api.fold([folder], db=db, out=tmp_path / "out")
    assert summary.stored == 5  # good txt, latin-1, cp1252, UTF-16, the good JSONL line
    reasons = {(Path(r.source).name, r.line): r.reason for r in summary.rejected}
    assert set(reasons) == {("empty.txt", None), ("image.txt", None), ("broken.html", None), ("feed.jsonl", 2)}
    assert "empty" in reasons[("empty.txt", None)]
    assert "binary" in reasons[("image.txt", None)]
    assert re.search("no article text|characters of text after cleaning", reasons[("broken.html", None)])
    assert "invalid JSON" in reasons[("feed.jsonl", 2)]
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    texts = {Path(a["source"]).name: a["text"] for a in data["articles"]}
    assert "Ishiba remarked to reporters" in texts["latin1_003.txt"] and "«" in texts["latin1_003.txt"]
    assert "“At this point, we cannot say specifically what we are going to do,” he said." in texts["cp1252_002.txt"]
    assert texts["utf16_004.txt"].startswith("In a significant development, Japanese Prime Minister Shigeru Ishiba")
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 5
        assert conn.execute("SELECT count(*) FROM rejects").fetchone()[0] == 4


def test_seeds_fold_and_export_validates(tmp_path: Path, seeds_dir: Path, seed_manifest: Path, db: Path) -> None:
    summary = api.fold([seeds_dir], manifest=seed_manifest, db=db, out=tmp_path / "out")
    assert (summary.documents_read, summary.stored, summary.rejected) == (5, 5, ())
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    assert data["schema_version"].startswith("1.")
    by_file = {Path(a["source"]).name[:3]: a for a in data["articles"]}
    assert by_file["001"]["published"] == "2025-03-17" and by_file["001"]["outlet"] == "inews.co.uk"
    assert by_file["000"]["published"] is None
    assert (tmp_path / "out" / "brief.md").read_text(encoding="utf-8").startswith("# storyfold brief")


def test_folding_twice_adds_nothing(tmp_path: Path, seeds_dir: Path, seed_manifest: Path, db: Path) -> None:
    api.fold([seeds_dir], manifest=seed_manifest, db=db)
    before = api.export(db)
    again = api.fold([seeds_dir], manifest=seed_manifest, db=db)
    assert (again.stored, again.already_stored) == (0, 5)
    after = api.export(db)
    assert before["articles"] == after["articles"]


def test_later_manifest_fills_missing_metadata(seeds_dir: Path, seed_manifest: Path, db: Path) -> None:
    api.fold([seeds_dir], db=db)
    first = api.export(db)
    assert all(a["published"] is None for a in first["articles"])
    assert {d["value"] for d in first["dates"] if d["text"] == "Tuesday"} == {None}
    again = api.fold([seeds_dir], manifest=seed_manifest, db=db)
    assert again.stored == 0
    data = api.export(db)
    dated = [a for a in data["articles"] if a["published"]]
    assert len(dated) == 4
    # Stages read the metadata: the new publication dates resolve what was unresolved before.
    seed_002 = next(a["id"] for a in data["articles"] if a["source"].endswith("002_666835db963c7a74.txt"))
    tuesdays = {d["value"] for d in data["dates"] if d["article_id"] == seed_002 and d["text"] == "Tuesday"}
    assert tuesdays == {"2025-08-19"}


def test_a_failing_write_leaves_the_store_as_it_was(
    monkeypatch: pytest.MonkeyPatch, seeds_dir: Path, db: Path
) -> None:
    original = Store._add_article

    def flaky(self: Store, article: Article, run_id: int | None) -> bool:
        if article.source.endswith("002_666835db963c7a74.txt"):
            with self.engine.begin() as conn:  # half-write, then fail inside the same transaction
                conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('half', 'written')")
                conn.exec_driver_sql("INSERT INTO meta(key, value) VALUES ('half', 'again')")
        return original(self, article, run_id)

    monkeypatch.setattr(Store, "_add_article", flaky)
    summary = api.fold([seeds_dir], db=db)
    assert summary.stored == 4
    (failure,) = summary.rejected
    assert failure.source.endswith("002_666835db963c7a74.txt") and "not stored" in failure.reason
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM meta WHERE key = 'half'").fetchone()[0] == 0
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


class _NamesStage(ArticleStage):
    """A tiny real article stage for pipeline tests: capitalised two-word names."""

    name = "names"
    version = "1"
    provides: ClassVar[Mapping[str, type]] = {"entity_mentions": EntityMention}
    calls: ClassVar[list[str]] = []

    def process(self, article: Article, inputs: Mapping[str, Any], ctx: Context) -> Mapping[str, Any]:
        import re

        self.calls.append(article.id)
        if "Zelensky" in article.text and "fail" in ctx.settings.stages:
            raise RuntimeError("boom")
        found = tuple(
            EntityMention(text=m.group(0), type=EntityType.PERSON, article_id=article.id, start=m.start(), end=m.end())
            for m in re.finditer(r"\b[A-Z][a-z]+ [A-Z][a-z]+\b", article.text)
        )
        return {"entity_mentions": found}


def test_article_stage_output_is_cached_by_version(seeds_dir: Path, db: Path) -> None:
    _NamesStage.calls.clear()
    pipeline = Pipeline([_NamesStage()])
    first = api.fold([seeds_dir], db=db, pipeline=pipeline)
    assert first.annotated == 5 and len(_NamesStage.calls) == 5
    second = api.fold([seeds_dir], db=db, pipeline=pipeline)
    assert second.annotated == 0 and len(_NamesStage.calls) == 5
    with Store(db) as store:
        mentions = store.annotations("entity_mentions", EntityMention)
        assert len(mentions) == 5
        article = store.get_article(next(iter(mentions)))
        for m in mentions[article.id]:
            assert article.text[m.start : m.end] == m.text


def test_a_failing_stage_is_reported_and_retried(seeds_dir: Path, db: Path) -> None:
    _NamesStage.calls.clear()
    pipeline = Pipeline([_NamesStage()])
    summary = api.fold([seeds_dir], db=db, pipeline=pipeline, settings=Settings(db=str(db), stages="fail"))
    failed = [r for r in summary.rejected if "a stage failed" in r.reason]
    assert len(failed) == 3  # the three August articles name Zelensky(y)
    assert summary.annotated == 2
    retry = api.fold([seeds_dir], db=db, pipeline=pipeline)
    assert retry.annotated == 3


def test_store_refuses_a_folder_and_a_foreign_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="folder"):
        Store(tmp_path)
    foreign = tmp_path / "other.db"
    with sqlite3.connect(foreign) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a storyfold database"):
        Store(foreign)


def test_fold_with_nothing_readable(tmp_path: Path, db: Path) -> None:
    (tmp_path / "e.txt").write_text("")
    summary = api.fold([tmp_path / "e.txt", tmp_path / "missing"], db=db)
    assert summary.nothing_read and len(summary.rejected) == 2


def test_export_copies_csv(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    api.fold([seeds_dir], db=db)
    with Store(db, read_only=True) as store:
        written = api.write_outputs(store, api.build_pipeline(Settings()), tmp_path / "csv", formats=("csv",))
    names = {p.name for p in written}
    assert {"articles.csv", "claims.csv", "commitments.csv"} <= names
    header = (tmp_path / "csv" / "commitments.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("id,actor,recipient,kind")
    shutil.rmtree(tmp_path / "csv")


def test_watch_reads_only_new_files(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    shutil.copy(seeds[0], folder)
    naps: list[float] = []
    cycles = api.watch([folder], interval=5, cycles=3, settings=Settings(db=str(db)), sleep=naps.append)
    first = next(cycles)
    assert (first.documents_read, first.stored) == (1, 1)
    shutil.copy(seeds[1], folder)
    shutil.copy(seeds[2], folder)
    second = next(cycles)
    assert (second.documents_read, second.stored) == (2, 2)
    third = next(cycles)
    assert third.documents_read == 0
    assert naps == [5, 5]
    with pytest.raises(StopIteration):
        next(cycles)


def test_workers_give_the_same_annotations(tmp_path: Path, seeds_dir: Path) -> None:
    results = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        settings = Settings(db=str(db), workers=workers, stages="fail")  # "fail": the stage fails on 3 seeds
        summary = api.fold([seeds_dir], settings=settings, pipeline=Pipeline([_NamesStage()]))
        with Store(db) as store:
            results.append((summary.annotated, len(summary.rejected), store.annotations("entity_mentions", EntityMention)))
    assert results[0] == results[1]
    assert results[0][:2] == (2, 3)


def test_workers_extract_clean_and_annotate_like_one_process(tmp_path: Path, seeds_dir: Path, mixed_folder: Path) -> None:
    """With workers, HTML pages (a WARC's responses, HTML files) are extracted, cleaned and
    annotated in the pool: the same articles in the same order, the same records, the same named
    rejections (the broken page among them) as in one process; a rerun finds nothing pending."""
    from ingest.test_warc_feed import _seed_pages, _warc  # tests/ is on the path (pytest rootdir)

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "news.warc.gz").write_bytes(_warc(_seed_pages(seeds_dir), gz=True))
    shutil.copy(mixed_folder / "broken.html", inputs / "broken.html")
    shutil.copy(mixed_folder / "cp1252_002.txt", inputs / "cp1252_002.txt")
    (inputs / "page.html").write_text(_seed_pages(seeds_dir)["003"].replace("Home | World", "Menu"), encoding="utf-8")
    seen = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.db"
        summary = api.fold([inputs], settings=Settings(db=str(db), workers=workers), pipeline=Pipeline([_NamesStage()]))
        with Store(db) as store:
            articles = [(a.id, a.source, a.url, a.published, a.text) for a in store.iter_articles()]
            seen.append((summary.stored, summary.annotated, sorted((Path(r.source).name, r.reason) for r in summary.rejected),
                         articles, store.annotations("entity_mentions", EntityMention)))
        again = api.fold([inputs], settings=Settings(db=str(db), workers=workers), pipeline=Pipeline([_NamesStage()]))
        assert (again.stored, again.annotated) == (0, 0)
    assert seen[0] == seen[1]
    stored, annotated, rejected, articles, _ = seen[0]
    assert stored == annotated == 7 and len(articles) == 7
    assert [name for name, _ in rejected] == ["broken.html"]


def test_pending_annotations_are_found_in_one_query(seeds_dir: Path, db: Path) -> None:
    api.fold([seeds_dir], db=db, pipeline=Pipeline([_NamesStage()]))
    wanted = {"entity_mentions": ("names@1", EntityMention), "quotes": ("quotes@1", EntityMention)}
    with Store(db) as store:
        ids = [a.id for a in store.iter_articles()]
        status = store.annotation_status(wanted)
        assert list(status) == ids  # every article, in insertion order
        assert all(have == {"entity_mentions"} for have in status.values())
        assert not any(store.annotation_status({"entity_mentions": ("names@2", EntityMention)}).values())
