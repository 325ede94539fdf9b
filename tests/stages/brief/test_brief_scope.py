"""The brief stage tells again only the stories whose inputs changed: a fold that touches one story
keeps the others' stored brief, and the result equals a brief told from scratch over the same store."""

from __future__ import annotations

import json
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from storyfold import api
from storyfold.config import load_settings
from storyfold.pipeline import Context, Corpus
from storyfold.stages.brief import brief as brief_module
from storyfold.stages.brief.brief import BriefStage
from storyfold.store import Store

SEEDS = Path(__file__).resolve().parents[3] / "examples" / "seeds"
KINDS = ("brief", "brief_sections", "brief_digests")


def _told(monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """The story ids :func:`build_brief` is called for from now on."""
    told: list[str | None] = []
    build = brief_module.build_brief

    def counting(story_id, *args, **kwargs):  # type: ignore[no-untyped-def]
        told.append(story_id)
        return build(story_id, *args, **kwargs)

    monkeypatch.setattr(brief_module, "build_brief", counting)
    return told


def _stored(db: Path) -> dict[str, tuple]:
    pipeline = api.build_pipeline(load_settings())
    with Store(db) as store:
        return {k: store.outputs(k, pipeline.kinds[k]) for k in KINDS}


def _run_stage(db: Path) -> dict[str, tuple]:
    """The brief stage over the store as it is (its stored brief and digests included)."""
    settings = load_settings().with_(db=str(db))
    pipeline = api.build_pipeline(settings)
    with Store(db) as store:
        found = BriefStage().process(Corpus(store, pipeline.kinds), Context(settings=settings))
    return {k: tuple(found[k]) for k in KINDS}


def _from_scratch(db: Path, tmp: Path) -> dict[str, tuple]:
    """The brief stage over a copy of the store whose stored brief was wiped first."""
    copy = tmp / "scratch.db"
    shutil.copy(db, copy)
    with Store(copy) as store:
        store.replace_outputs(BriefStage.name, BriefStage.version, {k: () for k in KINDS})
    return _run_stage(copy)


def _story_of(db: Path, article_id: str) -> str:
    pipeline = api.build_pipeline(load_settings())
    with Store(db) as store:
        return next(s.id for s in store.outputs("stories", pipeline.kinds["stories"]) if article_id in s.article_ids)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> Path:
    """Four seeds (000-003) and three ECB+ reports of another story in one folder; seed 004 apart."""
    folder = tmp_path_factory.mktemp("scope")
    entries = [json.loads(line) for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    first = folder / "first"
    first.mkdir()
    for entry in entries[:4]:
        shutil.copy(SEEDS / entry["file"], first / entry["file"])
    (first / "manifest.jsonl").write_text("".join(json.dumps(e) + "\n" for e in entries[:4]), encoding="utf-8")
    ecb = [json.loads(line) for line in (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8")]
    reid = [d for d in ecb if d["subtopic"] == "1_ecb"][:3]
    (first / "ecb.jsonl").write_text("".join(
        json.dumps({"url": f"https://ecbplus.example/{d['doc_id']}", "text": "\n".join(d["sentences"])}) + "\n"
        for d in reid), encoding="utf-8")
    last = folder / "last"
    last.mkdir()
    shutil.copy(SEEDS / entries[4]["file"], last / entries[4]["file"])
    (last / "manifest.jsonl").write_text(json.dumps(entries[4]) + "\n", encoding="utf-8")
    return folder


def test_a_fold_touching_one_story_tells_only_it_and_equals_a_full_brief(
    inputs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "scope.db"
    api.fold([inputs / "first"], manifest=inputs / "first" / "manifest.jsonl", db=db)
    ecb_article = next(a["id"] for a in api.export(db)["articles"] if (a["url"] or "").startswith("https://ecbplus"))
    other = _story_of(db, ecb_article)
    told = _told(monkeypatch)
    summary = api.fold([inputs / "last"], manifest=inputs / "last" / "manifest.jsonl", db=db)
    assert summary.stored == 1
    new_id = next(a["id"] for a in api.export(db)["articles"] if a["source"].endswith(
        json.loads((inputs / "last" / "manifest.jsonl").read_text(encoding="utf-8"))["file"]))
    seeds_story = _story_of(db, new_id)
    assert seeds_story != other
    assert seeds_story in told and other not in told  # the ECB+ story kept its stored brief
    stored = _stored(db)
    assert any(b.story_id == other for b in stored["brief"]) and any(b.story_id == seeds_story for b in stored["brief"])
    assert stored == _from_scratch(db, tmp_path)

    # nothing changed: every story is kept, and the output is the same
    told.clear()
    assert _run_stage(db) == stored
    assert told == []

    # one claim of the ECB+ story changes: that story, and only it, is told again
    pipeline = api.build_pipeline(load_settings())
    with Store(db) as store:
        found = {k: store.outputs(k, pipeline.kinds[k]) for k in ("claims", "commitments", "conflicts")}
        stories = {s.id: set(s.article_ids) for s in store.outputs("stories", pipeline.kinds["stories"])}
        target = next(c for c in found["claims"] if set(c.article_ids) & stories[other])
        found["claims"] = tuple(replace(c, id=c.id + "-changed") if c is target else c for c in found["claims"])
        version = next(s.version for s in pipeline.corpus_stages if s.name == "reconcile")
        store.replace_outputs("reconcile", version, found)
    rerun = _run_stage(db)
    assert told == [other]
    assert rerun == _from_scratch(db, tmp_path)
    assert rerun["brief_digests"] != stored["brief_digests"]
