"""Cost of who-said-what: the entities, claims and quotes stages on NeuS/AllSides articles.

    PYTHONPATH=src python benchmarks/attribution_bench.py [DATA_DIR] [N]

Prints the seconds of entities + claims and of the quotes stage on the first N (default 300)
articles, each stage given a fresh context (no paragraph cache carried over), best of three, and
what all three cost over entities + claims (the speech events come from the claims stage's parse).
Run it against two trees (two PYTHONPATHs) in one session to compare them.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.claims import ClaimsStage
from storyfold.stages.dates.stage import DatesStage
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.quantities import QuantitiesStage
from storyfold.stages.quotes.quotes import QuotesStage


def _articles(data_dir: Path, n: int) -> list[Article]:
    out = []
    with (data_dir / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            for side, news in sorted(row["news"].items()):
                if news and news.get("newBody"):
                    text = "\n".join([news["newsTitle"], *news["newBody"]]).replace("\xa0", " ")
                    out.append(Article(id=f"{row['id']}/{side}", source=side, text=text))
    return out[:n]


def _run(articles: list[Article]) -> tuple[float, float]:
    ctx = Context(settings=load_settings())
    stages = [EntitiesStage(), DatesStage(), QuantitiesStage(), ClaimsStage(), QuotesStage()]
    for s in stages:
        s.setup(ctx)
    outputs: list[dict] = [{} for _ in articles]
    timed = {"entities": 0.0, "claims": 0.0, "quotes": 0.0}
    for s in stages:
        inputs = [{k: o[k] for k in (*s.requires, *getattr(s, "optional", ())) if k in o} for o in outputs]
        t0 = time.perf_counter()
        new = s.process_batch(articles, inputs, ctx)
        if s.name in timed:
            timed[s.name] += time.perf_counter() - t0
        for o, x in zip(outputs, new, strict=True):
            o.update(x)
    return timed["entities"] + timed["claims"], timed["quotes"]


def main() -> None:
    shared = os.environ.get("STORYFOLD_SHARED") or str(Path(__file__).resolve().parents[2] / "shared")
    data_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(shared) / "data"
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 300
    articles = _articles(data_dir, n)
    _run(articles[:5])  # load the models
    runs = [_run(articles) for _ in range(3)]
    base, quotes = min(r[0] for r in runs), min(r[1] for r in runs)
    print(f"{len(articles)} articles: entities + claims {base:.2f} s, quotes {quotes:.2f} s, "
          f"all three {base + quotes:.2f} s ({(base + quotes) / base:.3f}x entities + claims)")


if __name__ == "__main__":
    main()
