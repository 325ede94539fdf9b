"""Exact + near-duplicate indexing speed and memory: storyfold's index beside plain datasketch.

    python benchmarks/dedup_bench.py [DATA_DIR] [--n 100000] [--baseline-n N]
    python benchmarks/dedup_bench.py [DATA_DIR] --candidates 10000,100000 [--new 1000]

Builds ``--n`` articles by mutating the real texts in DATA_DIR (ECB+ texts, NeuS/AllSides bodies,
Scrapinghub ground truth): each synthetic article is a real text with a random sentence window kept,
one sentence dropped or a few words changed, and a random id-like line appended, so most are distinct
and some are near-duplicates of others, as in a crawl. Then, in this one process:

1. storyfold: normalise + exact hash + numpy MinHash (64 permutations, word 3-shingles) + the
   incremental band index (:class:`storyfold.stages.copies.near_dup.NearDupIndex`), in batches of 1,000;
2. plain datasketch: ``MinHash`` (64 permutations, same shingles as UTF-8 bytes, ``MinHash.bulk``)
   + ``MinHashLSH(threshold=0.6)`` insert and query, on the first ``--baseline-n`` articles.

Each runs in its own forked process (so one's memory does not hide the other's): prints articles/s
and the peak resident memory the run added (``ru_maxrss`` minus the RSS at its start), and
extrapolates storyfold's memory to 1M articles (an extrapolation, not a measurement).

With ``--candidates SIZES``, instead: the rewrite pass's candidate search
(:func:`storyfold.stages.copies.neighbours.top_k_neighbours`, what the ``dedup`` stage runs for the articles a
fold adds). Document vectors of 500 real texts are computed with the offline MiniLM as the
``doc_vector`` stage does (headline and lead); a pool of each size is made from them by mutation
(a real vector plus Gaussian noise, renormalised, kept in float16 as the stage keeps them); ``--new``
of them are searched for their ``rewrite_candidates_per_article`` (20) nearest. Prints seconds,
milliseconds per new article and the peak memory added, each size in its own forked process.
"""

from __future__ import annotations

import argparse
import gc
import json
import multiprocessing as mp
import random
import resource
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyfold.stages.copies.minhash import NUM_PERM, make_signer  # noqa: E402
from storyfold.stages.copies.near_dup import NearDupIndex, normalise, text_hash  # noqa: E402


def load_texts(data: Path) -> list[str]:
    texts: list[str] = []
    with (data / "ecbplus" / "texts.jsonl").open(encoding="utf-8") as fh:
        texts += ["\n".join(json.loads(line)["sentences"]) for line in fh]
    with (data / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            for side in json.loads(line).get("news", {}).values():
                body = "\n".join(side.get("newBody") or [])
                if len(body) > 200:
                    texts.append(body)
    gt = json.loads((data / "scrapinghub-article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts += [v["articleBody"] for v in gt.values() if len(v.get("articleBody", "")) > 200]
    return texts


def mutate(texts: list[str], n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    split = [t.split("\n") for t in texts]
    out = []
    for k in range(n):
        if out and rng.random() < 0.05:  # an exact re-post: same words, different case and spacing
            out.append("  " + out[rng.randrange(len(out))].upper().replace("\n", "\n\n"))
            continue
        lines = split[rng.randrange(len(split))]
        lo = rng.randrange(max(1, len(lines) // 3))
        kept = list(lines[lo : lo + rng.randint(max(3, len(lines) // 2), max(3, len(lines)))])
        if len(kept) > 3 and rng.random() < 0.5:
            kept.pop(rng.randrange(len(kept)))
        if rng.random() < 0.5 and kept:
            i = rng.randrange(len(kept))
            words = kept[i].split()
            for _ in range(3):
                if words:
                    words[rng.randrange(len(words))] = rng.choice(("the", "a", "new", "said", "report"))
            kept[i] = " ".join(words)
        kept.append(f"Ref {k:07d} {rng.randrange(10**9)}")
        out.append("\n".join(kept))
    return out


def run_storyfold(docs: list[str], batch: int = 1000) -> tuple[float, float, int, int, int]:
    signer = make_signer(seed=1)  # the minhash stage's signer
    index = NearDupIndex(num_perm=NUM_PERM, bands=16, rows=4, threshold=0.6, seed=1)  # the dedup stage defaults
    exact = near = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(docs), batch):
        norms = [normalise(d) for d in docs[i : i + batch]]
        sigs = signer.signatures(norms)
        hashes = np.array([text_hash(n) for n in norms], dtype=np.uint64)
        for m in index.add_batch(sigs, hashes):
            exact += m.exact
            near += not m.exact
    return time.perf_counter() - t0, time.process_time() - c0, exact, near, index.nbytes


def run_datasketch(docs: list[str]) -> tuple[float, float, int]:
    from datasketch import MinHash, MinHashLSH

    lsh = MinHashLSH(threshold=0.6, num_perm=64)
    found = 0
    t0, c0 = time.perf_counter(), time.process_time()
    for i in range(0, len(docs), 1000):
        shingles = []
        for d in docs[i : i + 1000]:
            w = normalise(d).split()
            shingles.append([" ".join(w[j : j + 3]).encode("utf-8") for j in range(max(1, len(w) - 2))])
        for k, mh in enumerate(MinHash.bulk(shingles, num_perm=64, seed=1), start=i):
            found += bool(lsh.query(mh))
            lsh.insert(k, mh, check_duplication=False)
    return time.perf_counter() - t0, time.process_time() - c0, found


def _rss_now() -> int:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    return 0


def _measured(fn, docs, queue) -> None:  # noqa: ANN001 - runs in a forked child
    """Run ``fn(docs)`` in this fresh child process; report its result and the peak resident memory
    it added (peak RSS of the child minus its RSS at the start, which holds the shared input)."""
    gc.collect()
    start = _rss_now()
    result = fn(docs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    queue.put((result, max(0, peak - start)))


def measure(fn, docs):  # noqa: ANN001, ANN201
    ctx = mp.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_measured, args=(fn, docs, queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def real_doc_vectors(texts: list[str], n: int, seed: int) -> np.ndarray:
    from storyfold.records import Article
    from storyfold.stages.cluster.doc_vector import embed_text
    from storyfold.text.embed import load_embedder

    sample = random.Random(seed).sample(texts, min(n, len(texts)))
    arts = [Article(id=str(i), source=str(i), text=t) for i, t in enumerate(sample)]
    return np.asarray(load_embedder().encode([embed_text(a) for a in arts]), dtype=np.float32)


def mutated_pool(real: np.ndarray, n: int, seed: int, noise: float = 0.03) -> np.ndarray:
    rng = np.random.default_rng(seed)
    pool = np.empty((n, real.shape[1]), dtype=np.float16)
    for s in range(0, n, 50_000):
        v = real[rng.integers(0, len(real), min(50_000, n - s))]
        v = v + rng.normal(0.0, noise, v.shape).astype(np.float32)
        pool[s : s + len(v)] = v / np.linalg.norm(v, axis=1, keepdims=True)
    return pool


def run_candidates(args: tuple[np.ndarray, int, int]) -> tuple[float, float, int]:
    from storyfold.stages.copies.dedup import CANDIDATE_COSINE, CANDIDATES_PER_ARTICLE
    from storyfold.stages.copies.neighbours import top_k_neighbours

    pool, new, seed = args
    queries = np.random.default_rng(seed).choice(len(pool), size=min(new, len(pool)), replace=False)
    t0, c0 = time.perf_counter(), time.process_time()
    found = top_k_neighbours(pool, queries.tolist(), CANDIDATES_PER_ARTICLE, CANDIDATE_COSINE)
    return time.perf_counter() - t0, time.process_time() - c0, len(found)


def bench_candidates(data: Path, sizes: list[int], new: int, seed: int) -> None:
    real = real_doc_vectors(load_texts(data), 500, seed)
    print(f"rewrite candidate search: {len(real)} real document vectors (MiniLM, headline + lead), pools made by "
          f"mutation, {new:,} new articles each searched for their 20 nearest (float16 pool, float32 scores)")
    for n in sizes:
        pool = mutated_pool(real, n, seed)
        (secs, cpu, found), added = measure(run_candidates, (pool, new, seed))
        print(f"  pool {n:>9,}: {secs:6.1f} s wall, {cpu:6.1f} CPU s, {secs / new * 1e3:7.2f} ms per new article; "
              f"{found:,} candidate pairs; pool {pool.nbytes / 2**20:.0f} MiB; peak RSS added {added / 2**20:.0f} MiB")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(Path(__file__).resolve().parents[1] / ".." / "shared" / "data"))
    ap.add_argument("--n", type=int, default=100_000)
    ap.add_argument("--baseline-n", type=int, default=None, help="articles for datasketch (default: all --n)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--candidates", default="", metavar="SIZES",
                    help="comma-separated pool sizes: benchmark the rewrite candidate search instead")
    ap.add_argument("--new", type=int, default=1000, help="new articles searched per pool (with --candidates)")
    args = ap.parse_args(argv)
    if args.candidates:
        bench_candidates(Path(args.data), [int(x) for x in args.candidates.split(",")], args.new, args.seed)
        return
    texts = load_texts(Path(args.data))
    docs = mutate(texts, args.n, args.seed)
    words = sum(d.count(" ") + 1 for d in docs) / len(docs)
    print(f"{len(docs):,} articles mutated from {len(texts):,} real texts; mean {words:.0f} words; "
          f"{sum(len(d) for d in docs) / 2**20:.0f} MiB of text")

    (secs, cpu, exact, near, nbytes), added = measure(run_storyfold, docs)
    print(f"storyfold exact+near-dup: {len(docs) / secs:,.0f} articles/s wall ({secs:.1f} s), "
          f"{len(docs) / cpu:,.0f} per CPU-second; {exact:,} exact, "
          f"{near:,} near-duplicates; index {nbytes / 2**20:.0f} MiB; peak RSS added {added / 2**20:.0f} MiB")
    working = max(0, added - nbytes)
    print(f"  extrapolated to 1,000,000 articles (linear index + this run's batch working memory, not measured): "
          f"index {nbytes / len(docs) * 1e6 / 2**30:.2f} GiB + working {working / 2**30:.2f} GiB "
          f"= {(nbytes / len(docs) * 1e6 + working) / 2**30:.2f} GiB, plus the largest segment merge "
          f"(up to the LSH multimap's size again: {nbytes / len(docs) * 1e6 * 0.5 / 2**30:.2f} GiB)")

    base = docs[: args.baseline_n or len(docs)]
    (secs, cpu, found), added = measure(run_datasketch, base)
    print(f"datasketch MinHash.bulk + MinHashLSH: {len(base) / secs:,.0f} articles/s wall ({secs:.1f} s on {len(base):,}), "
          f"{len(base) / cpu:,.0f} per CPU-second; "
          f"{found:,} with an LSH candidate; peak RSS added {added / 2**20:.0f} MiB "
          f"(~{added / len(base) * 1e6 / 2**30:.2f} GiB per 1M, linear extrapolation)")


if __name__ == "__main__":
    main()
