"""The fold's bookkeeping across folds: corpus stages and the export are redone only when the
store changed (or the settings, or the files written are no longer as written)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import Settings
from storyfold.present.export import validate_export

STAGES = "dates,timeline"  # one article stage and the corpus stage that reads it: quick, no model to load


def _corpus_ran(summary: api.FoldSummary) -> bool:
    return any(label.startswith("timeline@") for label in summary.stage_seconds)


def test_a_fold_with_nothing_new_keeps_corpus_output_and_export(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    settings = Settings(db=str(db), stages=STAGES)
    out = tmp_path / "out"
    first = api.fold([seeds_dir], settings=settings, out=out)
    assert _corpus_ran(first) and first.stored == 5
    written = {p: Path(p).stat().st_mtime_ns for p in first.outputs}
    exported = api.export(db, settings=settings)

    again = api.fold([seeds_dir], settings=settings, out=out)
    assert (again.stored, again.already_stored) == (0, 5)
    assert not _corpus_ran(again)
    assert set(again.outputs) == set(first.outputs)
    assert {p: Path(p).stat().st_mtime_ns for p in again.outputs} == written  # not rewritten
    assert api.export(db, settings=settings) == exported


def test_the_export_is_rewritten_when_its_files_changed(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    settings = Settings(db=str(db), stages=STAGES)
    out = tmp_path / "out"
    api.fold([seeds_dir], settings=settings, out=out)
    brief = out / "brief.md"
    text = brief.read_text(encoding="utf-8")
    brief.write_text("edited by hand\n", encoding="utf-8")
    (out / "storyfold.json").unlink()
    again = api.fold([seeds_dir], settings=settings, out=out)
    assert not _corpus_ran(again)
    assert brief.read_text(encoding="utf-8") == text
    validate_export(json.loads((out / "storyfold.json").read_text(encoding="utf-8")))
    other = api.fold([seeds_dir], settings=settings, out=tmp_path / "elsewhere")  # another folder: written there
    assert (tmp_path / "elsewhere" / "brief.md").read_text(encoding="utf-8") == text and not _corpus_ran(other)


def test_corpus_stages_run_again_for_a_new_article_or_other_settings(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    seeds = sorted(seeds_dir.glob("*.txt"))
    for p in seeds[:4]:
        shutil.copy(p, folder / p.name)
    settings = Settings(db=str(db), stages=STAGES)
    api.fold([folder], settings=settings)
    shutil.copy(seeds[4], folder / seeds[4].name)
    grown = api.fold([folder], settings=settings)
    assert grown.stored == 1 and _corpus_ran(grown)
    assert not _corpus_ran(api.fold([folder], settings=settings))
    changed = api.fold([folder], settings=settings.with_(brief_sentences=3))
    assert changed.stored == 0 and _corpus_ran(changed)


def test_an_interrupted_fold_is_not_taken_for_a_finished_one(seeds_dir: Path, db: Path) -> None:
    settings = Settings(db=str(db), stages=STAGES)
    api.fold([seeds_dir], settings=settings)
    with api.open_store(db) as store:
        store.start_run()  # a fold killed before it finished
    assert _corpus_ran(api.fold([seeds_dir], settings=settings))


def test_cli_fold_no_export_then_export(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    runner = CliRunner()
    out = tmp_path / "out"
    result = runner.invoke(app, ["fold", str(seeds_dir), "--db", str(db), "--out", str(out), "--stages", STAGES,
                                 "--no-export", "--quiet"])
    assert result.exit_code == 0, result.output
    assert not out.exists() and "wrote" not in result.output
    exported = runner.invoke(app, ["export", "--db", str(db), "--out", str(out)])
    assert exported.exit_code == 0, exported.output
    validate_export(json.loads((out / "storyfold.json").read_text(encoding="utf-8")))


def test_a_fold_after_recluster_writes_the_export_again(tmp_path: Path, seeds_dir: Path, db: Path) -> None:
    settings = Settings(db=str(db), stages=STAGES)
    out = tmp_path / "out"
    api.fold([seeds_dir], settings=settings, out=out)
    stamp = (out / "brief.md").stat().st_mtime_ns
    api.recluster(db, settings=settings)  # the store's corpus output changed without a fold
    again = api.fold([seeds_dir], settings=settings, out=out)
    assert _corpus_ran(again) and (out / "brief.md").stat().st_mtime_ns != stamp
