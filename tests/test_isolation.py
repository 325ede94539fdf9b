"""One bad record never disables a corpus stage for the rest of the corpus: the stage's failing
partition (a story, narrowed to the articles that fail alone) is reported by name and left out,
every other partition's output is written, ``show`` and the story page say what is missing, and
the next fold tries it again."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from storyfold import api
from storyfold.cli import app
from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.present import views
from storyfold.records import Reject
from storyfold.stages.reconcile import claims as reconcile_module
from storyfold.stages.reconcile.reconcile import ReconcileStage
from storyfold.store import Store

BAD = "913b4123ad2a7ac8"  # the seeds' rewrite of the inews article
AID_400 = "Aid of $" + "9" * 400 + " was pledged by Germany to Ukraine on Monday, officials said."


def _run_corpus(db: Path) -> list[Reject]:
    failures: list[Reject] = []
    pipeline = api.build_pipeline(Settings())
    with Store(db) as store:
        pipeline.run_corpus(store, Context(settings=Settings()), (), lambda *_: None, failures.append)
    return failures


def test_a_failing_article_is_left_out_reported_and_retried(
    folded_seeds: tuple[Path, dict], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "s.db"
    shutil.copy(folded_seeds[0], db)
    clean = folded_seeds[1]
    real = reconcile_module._measure

    def measure(m):  # the real stage, failing on one article's mentions as the 400-digit figure did
        if m.article_id == BAD:
            raise OverflowError("cannot convert float infinity to integer")
        return real(m)

    monkeypatch.setattr(reconcile_module, "_measure", measure)
    reported = _run_corpus(db)
    story = clean["stories"][0]["id"]
    (failure,) = [r for r in reported if r.source.startswith("stage reconcile")]
    assert f"story {story}, article {BAD}" in failure.reason and "OverflowError" in failure.reason
    data = api.export(db)
    assert data["claims"] and data["commitments"] and data["brief"]
    assert all(BAD not in c["article_ids"] for c in data["claims"])
    assert {a for c in data["claims"] for a in c["article_ids"]} == {a["id"] for a in clean["articles"]} - {BAD}
    warnings, stored = api.problems(db)
    assert [(f.stage, f.article_id, f.partition) for f in stored] == [(f"reconcile@{ReconcileStage.version}", BAD, f"story {story}, article {BAD}")]
    shown = CliRunner().invoke(app, ["show", "--db", str(db)], env={"COLUMNS": "250"})
    assert f"article {BAD}: not reconciled (reconcile@{ReconcileStage.version}, story {story}, article {BAD})" in shown.output
    view = views.story_view(data, story, failures=stored)
    assert view is not None and view.not_done and "not reconciled" in view.not_done[0]

    monkeypatch.setattr(reconcile_module, "_measure", real)  # the next fold: the article is tried again
    assert not [r for r in _run_corpus(db) if r.source.startswith("stage")]
    assert api.problems(db)[1] == []
    again = api.export(db)
    for key in ("claims", "commitments", "conflicts", "brief"):
        assert again[key] == clean[key], key


@pytest.mark.slow
def test_the_400_digit_figure_no_longer_blinds_the_database(tmp_path: Path, seeds_dir: Path, seed_manifest: Path) -> None:
    """The report's case: the absurd figure folded first, the seeds folded into that store after."""
    line = tmp_path / "aid.jsonl"
    line.write_text(json.dumps({"title": "Aid pledged", "text": AID_400}) + "\n", encoding="utf-8")
    db = tmp_path / "s.db"
    first = api.fold([line], db=db)
    assert first.stored == 1 and not first.rejected, first.rejected
    second = api.fold([seeds_dir], manifest=seed_manifest, db=db)
    assert not second.rejected, second.rejected
    data = api.export(db)
    assert len(data["claims"]) > 0 and len(data["commitments"]) > 0 and len(data["conflicts"]) > 0
    (q,) = [q for q in data["quantities"] if q["text"].startswith("$999")]
    assert q["value"] is None
    json.dumps(data, allow_nan=False)  # strict JSON: no Infinity anywhere
