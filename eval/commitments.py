"""Commitments on text storyfold was never tuned on: the Kiel Ukraine Support Tracker rows.

    python eval/commitments.py [DATA_DIR] [--export EXPORT.json] [--errors]    (DATA_DIR defaults to ../shared/data)

Folds ``kiel-dev/articles.jsonl`` (entities, dates, quantities, claims, commitments, entity_merge, reconcile)
into a temporary database, or reads an ``--export`` already made from it, and scores the export
with the data set's own ``score.py`` (imported by path: its measures, not a copy of them).

The split is fixed and blind to the rows' content: a row is in the **dev** half when the first
byte of sha1(row id) is even, else in the **test** half. Rules are written looking at dev rows and
their errors only; test is reported beside dev and all and is not read.

Figures per half (rows whose text names the donor, then the terse notes that do not):
found (a commitment in the row), actor (the donor among its actors), category (coarse category
agrees, of rows with a donor commitment), amount (the row's own mention amount within 1%,
currency-aware, of rows whose text states the gold amount), false (pairs whose actor is not the
donor).

``--errors`` prints the errors of the dev parts only: the kiel dev half's failures and the rows of
the dev gold files (``commitments_other_dev.jsonl``, ``commitments_amounts_dev.jsonl``,
``commitments_kinds_dev.jsonl``, the dev half of ``commitments_amounts2_dev.jsonl``). It has no
form that prints the test half's or the untouched files' and half's rows.
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STAGES = "entities,dates,quantities,claims,commitments,entity_merge,reconcile"


def half(row_id: str) -> str:
    """``dev`` or ``test``: the first byte of sha1(row id), even or odd."""
    return "dev" if hashlib.sha1(row_id.encode("utf-8")).digest()[0] % 2 == 0 else "test"


def _score_module(kiel: Path):
    spec = importlib.util.spec_from_file_location("kiel_score", kiel / "score.py")
    if spec is None or spec.loader is None:
        raise SystemExit(f"no score.py in {kiel}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _fold(kiel: Path, out: Path) -> Path:
    cmd = [sys.executable, "-m", "storyfold", "fold", str(kiel / "articles.jsonl"), "--db", str(out / "kiel.db"),
           "--out", str(out), "--quiet", "--stages", STAGES]
    env = {"PYTHONPATH": str(ROOT / "src")}
    import os

    subprocess.run(cmd, check=True, env={**os.environ, **env}, cwd=ROOT, stdout=subprocess.DEVNULL)
    return out / "storyfold.json"


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else "n/a"


def figures(score, export: dict, gold: list[dict], per_row: dict, ingested: set) -> dict[str, str]:
    _R, _k, _w, _s, _b, _d, verdicts = score.score(export, gold, per_row, ingested)
    named = [g for g in gold if g.get("donor_named_in_text")]
    terse = [g for g in gold if not g.get("donor_named_in_text")]
    out = {}
    for label, rows in (("named", named), ("terse", terse)):
        v = [verdicts[g["row_id"]] for g in rows]
        with_donor = [x for x in v if x["actor_ok"]]
        stated = [verdicts[g["row_id"]] for g in rows if g.get("amount") and g.get("amount_in_text")]
        pairs = sum(len(per_row.get(g["row_id"], [])) for g in rows)
        false = sum(x["false"] for x in v)
        out[label] = (f"found {_pct(sum(x['covered'] for x in v), len(v))}  "
                      f"actor {_pct(sum(x['actor_ok'] for x in v), sum(x['covered'] for x in v))} of found  "
                      f"category {_pct(sum(bool(x['kind_ok']) for x in with_donor), len(with_donor))}  "
                      f"amount {_pct(sum(bool(x['amount_mention_ok']) for x in stated), len(stated))}  "
                      f"false {_pct(false, pairs)}")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("data", nargs="?", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--export", help="score this export instead of folding")
    ap.add_argument("--examples", choices=("dev",), help="print the dev half's failures (never the test half's)")
    ap.add_argument("--errors", action="store_true",
                    help="print the dev parts' errors: kiel dev half, other kinds dev, amounts dev (never test/untouched)")
    a = ap.parse_args()
    kiel = Path(a.data) / "kiel-dev"
    score = _score_module(kiel)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(a.export) if a.export else _fold(kiel, Path(tmp))
        export, gold, per_row, ingested, _stray = score.load(str(path), str(kiel / "gold.jsonl"))
    print(f"kiel-dev: {len(gold)} rows; split by sha1(row id): "
          f"dev {sum(half(g['row_id']) == 'dev' for g in gold)}, test {sum(half(g['row_id']) == 'test' for g in gold)}")
    for name in ("dev", "test", "all"):
        rows = [g for g in gold if name == "all" or half(g["row_id"]) == name]
        for label, line in figures(score, export, rows, per_row, ingested).items():
            print(f"  {name:4s} {label:5s} {line}")
    if a.examples == "dev" or a.errors:
        rows = [g for g in gold if half(g["row_id"]) == "dev"]
        _R, _k, _w, _s, _b, _d, verdicts = score.score(export, rows, per_row, ingested)
        for line in score.examples(rows, per_row, verdicts, 60):
            print(line)
    from commitments_other import score_both  # type: ignore[import-not-found]

    score_both(Path(a.data), verbose=a.errors)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    main()
