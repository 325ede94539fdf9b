"""The commitments stage's cost per article beside the entities stage's, on the same articles in
the same run (the target: at most 20% of the entities stage's time).

    PYTHONPATH=src python benchmarks/commitments_speed.py [DATA_DIR] [--own-parse] [--repeat=N]

Articles: the seed articles and the Kiel tracker rows (``DATA_DIR/kiel-dev``, DATA_DIR defaults to
``../shared/data``). Both stages run cold (empty paragraph / sentence caches) through their stage
objects, each model loaded before timing. Quantities and dates, which the commitments stage reads,
are computed before and not timed (with the article's sentence index, which the stages share); so is the claims stage, which runs before the commitments stage
in the pipeline and whose parse the commitments stage reads (``--own-parse``: without it, the
commitments stage parsing every paragraph itself). Each of ``N`` runs (3) starts from empty caches;
the machine's load moves both stages' times, so the median ratio is the figure.
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.commitments import tokens
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


def _run(articles: list[Article], ctx: Context, own_parse: bool) -> tuple[float, float]:
    """Seconds of the entities stage and of the commitments stage over ``articles``, cold."""
    entities, commitments, claims = EntitiesStage(), CommitmentsStage(), ClaimsStage()
    entities.setup(ctx)
    commitments.setup(ctx)
    claims.setup(ctx)
    inputs = []
    for a in articles:
        dates = find_dates(a.text, None, a.id)
        quantities = find_quantities(a.text, a.id, dates, ctx.sentences(a))  # the split every stage shares
        inputs.append({"dates": tuple(dates), "quantities": tuple(quantities)})
    t = time.perf_counter()
    found = entities.process_batch(articles, [{} for _ in articles], ctx)
    t_ent = time.perf_counter() - t
    for inp, ent in zip(inputs, found, strict=True):
        inp.update(ent)
    if not own_parse:  # the claims stage's mentions go with the article, as in a fold
        for inp, read in zip(inputs, claims.process_batch(articles, inputs, ctx), strict=True):
            inp.update(read)
    t = time.perf_counter()
    for a, inp in zip(articles, inputs, strict=True):
        commitments.process(a, inp, ctx)
    return t_ent, time.perf_counter() - t


def main(data: Path, own_parse: bool = False, repeat: int = 3) -> None:
    articles = _articles(data)
    n = len(articles)
    print(f"{n} articles ({sum(len(a.text) for a in articles)} characters); {repeat} cold runs")
    models = Context(settings=load_settings())
    ratios = []
    for _ in range(repeat):
        # a fresh context each run (empty caches), the loaded spaCy pipelines kept
        ctx = Context(settings=models.settings, _resources={k: v for k, v in models._resources.items()
                                                            if k.startswith("spacy:")})
        tokens._LEMMAS.clear()
        t_ent, t_com = _run(articles, ctx, own_parse)
        models._resources.update({k: v for k, v in ctx._resources.items() if k.startswith("spacy:")})
        ratios.append(t_com / t_ent)
        print(f"  entities stage {1000 * t_ent / n:.2f} ms per article, commitments stage {1000 * t_com / n:.2f} ms "
              f"({100 * t_com / t_ent:.0f}% of entities)")
    print(f"commitments stage: median {100 * statistics.median(ratios):.0f}% of the entities stage's time")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    rep = next((int(a.split("=", 1)[1]) for a in sys.argv[1:] if a.startswith("--repeat=")), 3)
    main(Path(args[0]) if args else ROOT.parent / "shared" / "data", "--own-parse" in sys.argv[1:], rep)
