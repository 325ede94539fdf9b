"""Time of the ``reconcile`` corpus stage on a corpus of many copies of real pages.

    python benchmarks/reconcile_bench.py [DATA_DIR] [--records 200] [--work DIR] [--block N]

1. Builds the WARC of ``benchmarks/fold_bench.py`` (the 181 real pages of
   DATA_DIR/scrapinghub-article-extraction, repeated with mutations up to ``--records``) and folds it
   with every registered stage but ``reconcile`` and ``brief`` into DIR/reconcile-N.db (skipped when
   that database exists: rerun with the same ``--work`` to time reconcile alone).
2. Runs the article stages the database lacks (after an upgrade, timed), then the reconcile stage
   over the stored corpus twice: cold (the store's vector cache emptied: every claim that can meet
   another article's is embedded) and warm (everything cached), and prints seconds (wall and CPU
   of this process), the claim mentions, the units compared after copies are collapsed, the units
   embedded, the blocks, the largest block, and the numbers of claims, commitments and conflicts.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))


def _fold(warc: Path, db: Path) -> dict[str, float]:
    from storyfold import api
    from storyfold.config import Settings
    from storyfold.stages import default_stages

    names = [s.name for s in default_stages() if s.name not in ("reconcile", "brief")]
    started = time.perf_counter()
    summary = api.fold([warc], settings=Settings(db=str(db), workers=1, stages=",".join(names)))
    print(f"fold without reconcile: {summary.stored} articles in {time.perf_counter() - started:.1f} s")
    return summary.stage_seconds


def _annotate(db: Path) -> dict[str, float]:
    """The article stages missing from the stored articles (after an upgrade)."""
    from storyfold import run
    from storyfold.config import Settings
    from storyfold.pipeline import Context, Pipeline
    from storyfold.stages import default_stages
    from storyfold.store import Store

    ctx = Context(settings=Settings(db=str(db), workers=1))
    with Store(db) as store:
        run.annotate_pending(store, Pipeline(default_stages()), ctx, lambda *_: None, lambda r: print("failed:", r.reason))
    return ctx.timings


def _reconcile(db: Path, block: int | None, cold: bool, by_story: bool = True) -> tuple[float, float, dict, dict]:
    from storyfold.config import Settings
    from storyfold.pipeline import Context, Corpus, Pipeline
    from storyfold.stages import default_stages
    from storyfold.stages.reconcile.reconcile import ReconcileStage
    from storyfold.store import Store
    from storyfold.text.embed import load_embedder

    pipeline = Pipeline(default_stages())
    settings = Settings(db=str(db)) if block is None else Settings(db=str(db), reconcile_block=block)
    ctx = Context(settings=settings)
    ctx.resource("embedder", load_embedder)  # loaded before the clock starts
    stage = ReconcileStage(by_story=by_story)
    with Store(db) as store:
        if cold:
            with store.engine.begin() as conn:
                conn.exec_driver_sql("DELETE FROM vectors")
        corpus = Corpus(store, pipeline.kinds)
        stage.setup(ctx)
        wall, cpu = time.perf_counter(), time.process_time()
        out = stage.process(corpus, ctx)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    return wall, cpu, out, dict(ctx.counts.get(stage.label, {}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--records", type=int, default=200)
    parser.add_argument("--work", default=None, help="folder for the WARC and database (default: a temp folder)")
    parser.add_argument("--block", type=int, default=None, help="reconcile_block setting (default: the setting's)")
    parser.add_argument("--whole", action="store_true",
                        help="also run the whole corpus as one block (no stories, no cap: as reconcile@1; warm)")
    args = parser.parse_args()
    from fold_bench import build_warc

    work = Path(args.work or tempfile.mkdtemp(prefix="reconcile-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    db = work / f"reconcile-{args.records}.db"
    if not db.exists():
        warc = work / f"bench-{args.records}.warc.gz"
        if not warc.exists():
            build_warc(Path(args.data_dir), warc, args.records)
        for label, seconds in sorted(_fold(warc, db).items(), key=lambda kv: -kv[1]):
            print(f"  {label:<24} {seconds:8.1f} s")
    for label, seconds in _annotate(db).items():
        print(f"article stages missing from the database: {label} {seconds:.1f} s")
    runs = [("cold vector cache", True, True), ("warm vector cache", False, True)]
    runs += [("whole corpus, warm", False, False)] if args.whole else []
    found = {}
    for label, cold, by_story in runs:
        wall, cpu, out, stats = _reconcile(db, args.block if by_story else 10**9, cold, by_story)
        found[label] = out
        extra = ", ".join(f"{k} {v}" for k, v in stats.items())
        print(f"reconcile, {label}: {wall:.1f} s ({cpu:.1f} s CPU); claims {len(out['claims'])}, commitments "
              f"{len(out['commitments'])}, conflicts {len(out['conflicts'])}" + (f"; {extra}" if extra else ""))
    a, b = found["cold vector cache"], found["warm vector cache"]
    print(f"same claims both ways: {[c.id for c in a['claims']] == [c.id for c in b['claims']]}")


if __name__ == "__main__":
    main()
