"""The commitments stage's cost per article beside the entities stage's, on the same articles in
the same run (the target: at most 20% of the entities stage's time).

    PYTHONPATH=src python benchmarks/commitments_speed.py [DATA_DIR] [--own-parse]

Articles: the seed articles and the Kiel tracker rows (``DATA_DIR/kiel-dev``, DATA_DIR defaults to
``../shared/data``). Both stages run cold (empty paragraph / sentence caches) through their stage
objects, each model loaded before timing. Quantities and dates, which the commitments stage reads,
are computed before and not timed; so is the claims stage, which runs before the commitments stage
in the pipeline and whose parse the commitments stage reads (``--own-parse``: without it, the
commitments stage parsing every paragraph itself).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.commitments.commitments import CommitmentsStage
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.quantities import find_quantities

ROOT = Path(__file__).resolve().parents[1]


def _articles(data: Path) -> list[Article]:
    out = [Article(id=p.stem, source=str(p.name), text=p.read_text(encoding="utf-8"))
           for p in sorted((ROOT / "examples" / "seeds").glob("*.txt"))]
    kiel = data / "kiel-dev" / "articles.jsonl"
    if kiel.exists():
        for i, line in enumerate(kiel.read_text(encoding="utf-8").splitlines()):
            row = json.loads(line)
            out.append(Article(id=f"k{i}", source=row["url"], text=row["text"], title=row.get("title")))
    return out


def main(data: Path, own_parse: bool = False) -> None:
    articles = _articles(data)
    ctx = Context(settings=load_settings())
    entities, commitments = EntitiesStage(), CommitmentsStage()
    claims = ClaimsStage()
    entities.setup(ctx)
    commitments.setup(ctx)
    claims.setup(ctx)
    inputs = []
    for a in articles:
        dates = find_dates(a.text, None, a.id)
        inputs.append({"dates": tuple(dates), "quantities": tuple(find_quantities(a.text, a.id, dates))})
    t = time.perf_counter()
    found = entities.process_batch(articles, [{} for _ in articles], ctx)
    t_ent = time.perf_counter() - t
    for inp, ent in zip(inputs, found, strict=True):
        inp.update(ent)
    if not own_parse:
        claims.process_batch(articles, inputs, ctx)
    t = time.perf_counter()
    for a, inp in zip(articles, inputs, strict=True):
        commitments.process(a, inp, ctx)
    t_com = time.perf_counter() - t
    n = len(articles)
    print(f"{n} articles ({sum(len(a.text) for a in articles)} characters)")
    print(f"entities stage:    {1000 * t_ent / n:.2f} ms per article")
    print(f"commitments stage: {1000 * t_com / n:.2f} ms per article ({100 * t_com / t_ent:.0f}% of entities)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--own-parse"]
    main(Path(args[0]) if args else ROOT.parent / "shared" / "data", "--own-parse" in sys.argv[1:])
