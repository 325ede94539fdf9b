"""Peak memory and CPU of each corpus stage when 100 new articles are folded into synthetic stores.

The stores are made as ``fold_bench.py --incremental`` makes them (``clone_store``: the first 100
rows of the benchmark's mix folded, then cloned with a line of their own and their annotations
copied; the corpus stages run over the clones once to settle the store), and each step runs in a
fresh process, printing one JSON line: the fold's wall and CPU seconds and peak RSS, and for each
corpus stage the resident memory when it started, the peak while it ran (the kernel's high-water
mark, reset before each stage) and its CPU seconds (all threads of the process), with what it
counted (``ctx.counts``: the brief's stories told).

    python benchmarks/stage_peaks.py ../shared/data --work /tmp/peaks --sizes 1000 3000
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
sys.path.insert(0, str(REPO / "benchmarks"))

from fold_bench import clone_store, distinct_jsonl  # noqa: E402

from storyfold.config import Settings  # noqa: E402
from storyfold.run import fold  # noqa: E402
from storyfold.stages import build_pipeline  # noqa: E402


def _status_mb(key: str) -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    raise SystemExit(f"no {key} in /proc/self/status: this benchmark needs Linux")


def measured_fold(source: Path, db: Path) -> dict:
    """One fold of ``source`` into ``db`` with every corpus stage measured."""
    settings = Settings(db=str(db), workers=1)
    pipeline = build_pipeline(settings)
    per: dict[str, dict] = {}
    for stage in pipeline.corpus_stages:
        def measured(corpus, ctx, _process=stage.process, _label=stage.label):  # type: ignore[no-untyped-def]
            with open("/proc/self/clear_refs", "w", encoding="ascii") as fh:
                fh.write("5")  # resets the peak resident size to the current one
            before, cpu = _status_mb("VmRSS"), time.process_time()
            try:
                return _process(corpus, ctx)
            finally:
                per[_label] = {"rss_before_mb": round(before), "peak_mb": round(_status_mb("VmHWM")),
                               "cpu": round(time.process_time() - cpu, 1), "counts": ctx.counts.get(_label)}
        stage.process = measured  # type: ignore[method-assign]
    cpu, started = time.process_time(), time.perf_counter()
    summary = fold([str(source)], settings=settings, pipeline=pipeline)
    return {"seconds": round(time.perf_counter() - started, 1), "cpu": round(time.process_time() - cpu, 1),
            "peak_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024), "stored": summary.stored,
            "stages": {k: round(v, 1) for k, v in summary.stage_seconds.items()}, "corpus": per}


def _step(*args: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--step", *args], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"step {' '.join(args)} failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--work", required=False, help="folder for the inputs and databases")
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--step", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.step:
        kind, *rest = args.step
        if kind == "clone":
            clone_store(Path(rest[0]), Path(rest[1]), int(rest[2]))
            print(json.dumps({"cloned": int(rest[2])}))
        else:
            print(json.dumps(measured_fold(Path(rest[0]), Path(rest[1]))))
        return 0
    if not args.work:
        parser.error("--work FOLDER is required")
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    data = Path(args.data_dir)
    distinct_jsonl(data, work / "distinct-100.jsonl", 100)
    distinct_jsonl(data, work / "new-100.jsonl", 100, 100)
    (work / "empty.jsonl").write_text("", encoding="utf-8")
    for db in work.glob("*.db*"):
        db.unlink()
    steps = [("template", "distinct-100.jsonl", "template.db"), ("empty store", "new-100.jsonl", "empty.db")]
    for name, source, db in steps:
        print(json.dumps({"step": name, **_step("fold", str(work / source), str(work / db))}), flush=True)
    for size in args.sizes:
        db = work / f"store-{size}.db"
        _step("clone", str(work / "template.db"), str(db), str(size))
        print(json.dumps({"step": f"settle {size}", **_step("fold", str(work / "empty.jsonl"), str(db))}), flush=True)
        print(json.dumps({"step": f"100 new into {size}", **_step("fold", str(work / "new-100.jsonl"), str(db))}),
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
