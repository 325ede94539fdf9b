"""Speed of the clustering stage: ``python benchmarks/cluster_bench.py [DATA_DIR] [--sizes 10000,100000] [--fold-sample 30]``.

Articles are made from the real ECB+ and AllSides texts by mutation: each synthetic article takes a
real article's cached vector and term counts, perturbs the vector (Gaussian noise, renormalised),
drops a random fifth of the terms, adds a token of its own, and gets a publication date spread over
two years. Real texts are embedded once with MiniLM (that cost per article is measured and printed
separately: it is paid once per article, by the cached ``doc_vector`` stage, never again); the
synthetic articles reuse those vectors, so the figures are for the clustering stage itself.

``--cache FILE`` keeps the real articles' vectors between runs (the embedding figure is printed
by the run that computes them); ``--from-db DB ...`` takes the real articles and their stored
vectors from folded databases instead (those of ``eval/clusters.py --work``), embedding nothing. The stage runs over an in-memory stand-in for :class:`storyfold.pipeline.Corpus` (the same five
methods), so SQLite reads are not counted. Printed per size: a full clustering (no earlier output),
and an incremental fold of 1% new articles into that result.

The share of a fold: ``--fold-sample N`` real articles (distinct ECB+ and AllSides texts, spread
over the list) are folded with every registered stage through ``storyfold.api.fold`` into a
temporary database, which gives a fold's seconds per article; a fold of ``n`` articles is taken as
``n`` times that plus the clustering's own time at ``n``, and the clustering's share of it is
printed. The corpus stages other than ``cluster`` grow faster than linearly, so the share is an
upper bound.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import tempfile
import time
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyfold import codec  # noqa: E402
from storyfold.config import load_settings  # noqa: E402
from storyfold.pipeline import Context  # noqa: E402
from storyfold.records import Article, DocVector  # noqa: E402
from storyfold.stages.cluster.cluster import ClusterStage  # noqa: E402
from storyfold.stages.cluster.doc_vector import DocVectorStage, encode_vector  # noqa: E402


class MemoryCorpus:
    """What :class:`ClusterStage` reads of a corpus, held in memory."""

    def __init__(self, articles: list[Article], vectors: Mapping[str, tuple[DocVector, ...]],
                 earlier: Mapping[str, tuple[Any, ...]] | None = None, new_ids: frozenset[str] = frozenset()) -> None:
        self._articles, self._vectors, self._earlier = articles, vectors, earlier or {}
        self.new_article_ids = new_ids

    def articles(self) -> Iterator[Article]:
        return iter(self._articles)

    def annotations(self, kind: str) -> Mapping[str, tuple[Any, ...]]:
        return self._vectors if kind == "doc_vectors" else {}

    def outputs(self, kind: str) -> tuple[Any, ...]:
        return self._earlier.get(kind, ())

    def has(self, kind: str) -> bool:
        return kind in ("doc_vectors", "stories", "events")

    def __len__(self) -> int:
        return len(self._articles)


def real_texts(data: Path) -> list[Article]:
    out = []
    for line in (data / "ecbplus" / "texts.jsonl").open(encoding="utf-8"):
        d = json.loads(line)
        out.append(Article(id=d["doc_id"], source="ecb", text="\n".join(d["sentences"])))
    for line in (data / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        for side, news in (r.get("news") or {}).items():
            body = "\n\n".join(news.get("newBody") or [])
            if body.strip():
                out.append(Article(id=f"as{r['id']}{side}", source="allsides", title=news.get("newsTitle"), text=body))
    return out


def embed_bases(bases: list[Article]) -> tuple[list[DocVector], float]:
    """Doc vectors of the real articles with the real stage, and the seconds per article it took."""
    stage, ctx = DocVectorStage(), Context(settings=load_settings())
    stage.setup(ctx)
    sample = bases[:200]
    t0 = time.perf_counter()
    stage.process_batch(sample, [{}] * len(sample), ctx)
    per_article = (time.perf_counter() - t0) / len(sample)
    found = []
    for start in range(0, len(bases), 64):
        chunk = bases[start : start + 64]
        found.extend(r["doc_vectors"][0] for r in stage.process_batch(chunk, [{}] * len(chunk), ctx))
    return found, per_article


def synthesise(bases: list[Article], vectors: list[DocVector], n: int, rng: np.random.Generator, tag: str) -> tuple[list[Article], dict]:
    from storyfold.stages.cluster.doc_vector import decode_vector

    dense = np.stack([decode_vector(v.vector) for v in vectors])
    start = dt.date(2024, 1, 1)
    articles, annotated = [], {}
    for k in range(n):
        b = int(rng.integers(len(bases)))
        vec = dense[b] + rng.normal(scale=0.02, size=dense.shape[1]).astype(np.float32)
        vec /= np.linalg.norm(vec)
        terms = [t for t in vectors[b].terms if rng.random() > 0.2] + [(f"tok{tag}{k}", 1)]
        aid = f"{tag}{k:07d}"
        articles.append(Article(id=aid, source=bases[b].source, title=bases[b].title, text=bases[b].text[:400],
                                published=start + dt.timedelta(days=int(rng.integers(730)))))
        annotated[aid] = (DocVector(article_id=aid, model="all-MiniLM-L6-v2", vector=encode_vector(vec), terms=tuple(terms)),)
    return articles, annotated


def stored_bases(dbs: list[Path]) -> tuple[list[Article], list[DocVector]]:
    """The articles of folded databases that have a stored doc vector, with it."""
    from storyfold.store import Store

    bases, vectors = [], []
    for db in dbs:
        with Store(db) as store:
            found = store.annotations("doc_vectors", DocVector)
            for article in store.iter_articles():
                if found.get(article.id):
                    bases.append(article)
                    vectors.append(found[article.id][0])
    return bases, vectors


def fold_seconds(bases: list[Article], sample: int) -> float:
    """Seconds per article of a fold with every registered stage over ``sample`` real articles
    taken evenly from ``bases`` (one JSONL file through ``storyfold.api.fold``), measured after a
    first fold of another ``sample`` articles has loaded the models."""
    from storyfold import api

    step = max(1, len(bases) // (2 * sample))
    chosen = bases[::step][: 2 * sample]
    with tempfile.TemporaryDirectory() as tmp:
        secs = 0.0
        for part, rows in (("warm", chosen[:sample]), ("timed", chosen[sample:])):
            path = Path(tmp) / f"{part}.jsonl"
            path.write_text("".join(json.dumps({"url": f"bench:{a.id}", "title": a.title, "text": a.text}) + "\n"
                                    for a in rows), encoding="utf-8")
            t0 = time.perf_counter()
            api.fold([path], settings=load_settings().with_(db=str(Path(tmp) / f"{part}.db")))
            secs = time.perf_counter() - t0
    per_article = secs / max(1, len(chosen) - sample)
    print(f"fold of {len(chosen) - sample} real articles, every stage, models already loaded: {secs:.1f} s = "
          f"{per_article:.2f} s per article", flush=True)
    return per_article


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("data", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--cache", help="JSON file keeping the real articles' doc vectors between runs")
    parser.add_argument("--from-db", nargs="+", type=Path, help="folded databases to take the real articles from")
    parser.add_argument("--fold-sample", type=int, default=30, help="real articles folded to time a fold (0: skip)")
    args = parser.parse_args(argv[1:])
    data = Path(args.data)
    bases = real_texts(data)
    cache = Path(args.cache) if args.cache else None
    if args.from_db:
        bases, vectors = stored_bases(args.from_db)
        print(f"{len(bases)} real bases and their doc vectors read from {len(args.from_db)} folded databases "
              "(embedding not measured)", flush=True)
    elif cache is not None and cache.is_file():
        vectors = codec.loads(cache.read_text(encoding="utf-8"), tuple[DocVector, ...])
        print(f"doc vectors of {len(vectors)} real bases read from {cache} (embedding not re-measured)", flush=True)
    else:
        vectors, per_article = embed_bases(bases)
        print(f"embedding (doc_vector stage, MiniLM on CPU): {per_article * 1000:.0f} ms per article "
              f"({1 / per_article:.1f} articles/s), paid once per article; {len(bases)} real bases", flush=True)
        if cache is not None:
            cache.write_text(codec.dumps(tuple(vectors)), encoding="utf-8")
    per_article = fold_seconds(bases, args.fold_sample) if args.fold_sample else None
    stage, ctx = ClusterStage(), Context(settings=load_settings())
    for n in (int(s) for s in args.sizes.split(",")):
        rng = np.random.default_rng(n)
        articles, annotated = synthesise(bases, vectors, n, rng, "a")
        t0 = time.perf_counter()
        out = stage.process(MemoryCorpus(articles, annotated), ctx)
        full = time.perf_counter() - t0
        extra, extra_vec = synthesise(bases, vectors, max(1, n // 100), rng, "b")
        corpus = MemoryCorpus(articles + extra, {**annotated, **extra_vec}, out, frozenset(a.id for a in extra))
        t0 = time.perf_counter()
        out2 = stage.process(corpus, ctx)
        inc = time.perf_counter() - t0
        print(f"{n:>7} articles: full clustering {full:.1f} s ({n / full:,.0f} articles/s), "
              f"{len(out['stories'])} stories, {len(out['events'])} events; "
              f"incremental +{len(extra)}: {inc:.1f} s ({len(extra) / inc:,.0f} new articles/s, "
              f"{(n + len(extra)) / inc:,.0f} corpus articles/s), {len(out2['stories'])} stories", flush=True)
        if per_article is not None:
            fold = per_article * n + full
            print(f"{'':>7}  a fold of {n} articles at {per_article:.2f} s each: about {fold:,.0f} s; the cluster stage "
                  f"{full:.1f} s of it = {full / fold:.1%}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
