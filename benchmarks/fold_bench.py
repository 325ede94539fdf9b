"""End-to-end throughput of `storyfold fold` on distinct real news articles, with honest references.

    python benchmarks/fold_bench.py [DATA_DIR] [--limit N] [--workers 1 2] [--work DIR]
        [--floor-sample N] [--copies RECORDS [--pages N] [--newsplease-sample N]]

The headline case is distinct articles, what a user following several stories folds:
1. Every ECB+ document of DATA_DIR/ecbplus/texts.jsonl and the 181 Scrapinghub pages of
   DATA_DIR/scrapinghub-article-extraction (HTML, extracted by the fold), as one JSONL file
   (``--limit N``: the first N rows of the same mix).
2. Folded with every registered stage, once per ``--workers`` value, each run in a fresh process
   and database: articles per second, CPU seconds per article (less sensitive to a shared
   machine's load than wall time), peak memory (the process plus its largest worker), the load
   average, and the per-stage breakdown (``FoldSummary.stage_seconds``; with N > 1 workers, the
   work done in the workers is summed over them).
3. The floor: the same cleaned article texts through spaCy NER alone (the heaviest per-article
   component), batched, one process, in the same run; storyfold's throughput is printed as a
   ratio of it.
4. A fold of the same input again, with nothing new: seconds from the interpreter's start, and
   whether torch was imported or a spaCy pipeline loaded.

``--copies RECORDS`` adds the copy-heavy case: a gzipped WARC of the Scrapinghub pages repeated
with mutations (paragraphs dropped and swapped, a distinct URL per copy) up to RECORDS records,
folded the same way, and news-please (`pip install news-please==1.6.16`, optional) extracting the
first ``--newsplease-sample`` records of it, as a ratio.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import os
import random
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_PARA = re.compile(r"<p\b[^>]*>.*?</p>", re.S | re.I)


def build_warc(data_dir: Path, path: Path, records: int, seed: int = 5, pages: int | None = None) -> int:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    n_pages = pages
    pages = sorted((data_dir / "scrapinghub-article-extraction" / "html").glob("*.html.gz"))
    if not pages:
        raise SystemExit(f"no pages under {data_dir}/scrapinghub-article-extraction/html")
    html = [gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages[:n_pages]]
    rng = random.Random(seed)
    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for i in range(records):
            page = html[i % len(html)]
            if i >= len(html):  # mutate the copies: drop one or two paragraphs, swap two
                paras = _PARA.findall(page)
                if len(paras) > 3:
                    for drop in rng.sample(paras, k=min(2, len(paras) - 3)):
                        page = page.replace(drop, "", 1)
                    a, b = rng.sample([p for p in paras if p in page], 2) if len([p for p in paras if p in page]) > 1 else (None, None)
                    if a and b:
                        page = page.replace(a, "\x00", 1).replace(b, a, 1).replace("\x00", b, 1)
            body = page.encode("utf-8")
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://bench.example/{i % len(html)}/{i}", "response", payload=io.BytesIO(body),
                    length=len(body), http_headers=headers,
                )
            )
    return records


def distinct_jsonl(data_dir: Path, path: Path, limit: int | None = None, skip: int = 0) -> int:
    """Write the distinct-article corpus as one JSONL file: every ECB+ document of
    DATA_DIR/ecbplus/texts.jsonl (sentences joined by newlines), then the Scrapinghub pages (HTML
    as served), interleaved so that ``limit`` keeps the same mix; returns the number of rows."""
    ecb = [json.loads(line) for line in (data_dir / "ecbplus" / "texts.jsonl").open(encoding="utf-8")]
    rows = [{"url": f"https://ecbplus.example/{d['doc_id']}", "text": "\n".join(d["sentences"])} for d in ecb]
    pages = sorted((data_dir / "scrapinghub-article-extraction" / "html").glob("*.html.gz"))
    html = [{"url": f"https://scrapinghub.example/{p.name.split('.')[0]}",
             "html": gzip.decompress(p.read_bytes()).decode("utf-8", "replace")} for p in pages]
    if not rows and not html:
        raise SystemExit(f"no ECB+ texts or Scrapinghub pages under {data_dir}")
    step = max(1, round(len(rows) / max(len(html), 1)))  # one page after every `step` ECB+ documents
    mixed: list[dict] = []
    for i, row in enumerate(rows):
        mixed.append(row)
        if i % step == step - 1 and html:
            mixed.append(html.pop(0))
    mixed += html
    mixed = mixed[skip : skip + limit] if limit else mixed[skip:]
    with path.open("w", encoding="utf-8") as fh:
        for row in mixed:
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    return len(mixed)


def measure_one(source: str, db: str, workers: int) -> None:
    """Runs in a fresh process: one fold, then a fold of the same input with nothing new, printing
    a JSON line of figures."""
    sys.path.insert(0, str(REPO / "src"))
    from storyfold import api
    from storyfold.config import Settings

    settings = Settings(db=db, workers=workers)
    started = time.perf_counter()
    summary = api.fold([source], settings=settings)
    seconds = time.perf_counter() - started
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime
    worker_labels = ["read+clean", *(s.label for s in api.build_pipeline(settings).article_stages)] if workers > 1 else []
    print(json.dumps({"seconds": seconds, "articles": summary.stored, "read": summary.documents_read,
                      "rejected": len(summary.rejected), "peak_mb": (me.ru_maxrss + children.ru_maxrss) / 1024,
                      "cpu": cpu, "stages": summary.stage_seconds, "worker_labels": worker_labels,
                      "load": os.getloadavg()[0]}))


def measure_again(source: str, db: str) -> None:
    """Runs in a fresh process: a fold of an input already folded into ``db`` (nothing new), from
    the interpreter's start: wall seconds, and whether torch or a spaCy pipeline was loaded."""
    started = time.perf_counter()
    sys.path.insert(0, str(REPO / "src"))
    from storyfold import api
    from storyfold.config import Settings

    summary = api.fold([source], settings=Settings(db=db, workers=1))
    seconds = time.perf_counter() - started
    from storyfold.text import nlp

    print(json.dumps({"seconds": seconds, "fold_seconds": summary.seconds, "stored": summary.stored,
                      "torch": "torch" in sys.modules, "spacy_loaded": nlp.load_spacy.cache_info().currsize > 0,
                      "stages": summary.stage_seconds}))


def print_breakdown(workers: int, r: dict) -> None:
    """Seconds per stage. With one worker every figure is wall time in the one process. With more,
    reading+extraction+cleaning and the article stages run in the workers: their figures are
    summed over the workers (shares of workers x wall time); the rest is the main process's wall time."""
    in_workers = set(r.get("worker_labels", ()))
    main = {k: v for k, v in r["stages"].items() if k not in in_workers}
    print(f"  per-stage seconds ({workers} worker(s), {r['seconds']:.0f} s wall):")
    for label, seconds in sorted(main.items(), key=lambda kv: -kv[1]):
        print(f"    {label:<28} {seconds:8.1f}  ({seconds / r['seconds']:.0%} of wall)")
    if in_workers:
        budget = workers * r["seconds"]
        print(f"  in the {workers} workers (seconds summed over workers; share of {workers} x wall = {budget:.0f} s):")
        for label, seconds in sorted(((k, r["stages"].get(k, 0.0)) for k in in_workers), key=lambda kv: -kv[1]):
            print(f"    {label:<28} {seconds:8.1f}  ({seconds / budget:.0%})")


def ner_floor(db: str, sample: int = 0) -> tuple[int, float, int, float]:
    """Articles, seconds, tokens and CPU seconds of spaCy NER alone over the fold's cleaned texts (every
    ``len // sample``-th article when ``sample`` is set: the floor's rate does not depend on which)."""
    sys.path.insert(0, str(REPO / "src"))
    from storyfold.config import Settings
    from storyfold.store import Store
    from storyfold.text.nlp import load_spacy, paragraphs

    with Store(db, read_only=True) as store:
        texts = [a.text for a in store.iter_articles()]
    if 0 < sample < len(texts):
        texts = texts[:: len(texts) // sample][:sample]
    nlp = load_spacy(Settings().spacy_model, exclude=("parser", "lemmatizer", "tagger", "attribute_ruler", "senter"))
    paras = [t[s:e] for t in texts for s, e in paragraphs(t)]
    started, cpu = time.perf_counter(), time.process_time()
    words = sum(len(doc) for doc in nlp.pipe(paras, batch_size=256))
    return len(texts), time.perf_counter() - started, words, time.process_time() - cpu


def newsplease_rate(warc: Path, sample: int) -> tuple[int, float] | None:
    import logging
    import warnings

    warnings.filterwarnings("ignore")
    logging.disable(logging.WARNING)
    try:
        from newsplease import NewsPlease
    except ImportError:
        return None
    from warcio.archiveiterator import ArchiveIterator

    done = 0
    started = time.perf_counter()
    with warc.open("rb") as fh:
        for record in ArchiveIterator(fh):
            if record.rec_type != "response":
                continue
            if done >= sample:
                break
            try:
                NewsPlease.from_warc(record)
            except Exception:  # noqa: BLE001 - news-please raises on some pages; it still spent the time
                pass
            done += 1
    return done, time.perf_counter() - started


def clone_store(template: Path, db: Path, size: int) -> None:
    """A synthetic store of ``size`` articles made from the folded articles of ``template``: each
    real article repeated with a line of its own appended (a new id and URL), its annotations
    copied (offsets stay valid: the text only grows at its end). The clones are near-duplicates
    of their original, so the store is copy-heavy; its corpus stages are run by the caller."""
    import sqlite3

    shutil.copy(template, db)
    con = sqlite3.connect(db)
    arts = con.execute("SELECT * FROM articles ORDER BY seq").fetchall()
    cols = [c[1] for c in con.execute("PRAGMA table_info(articles)")]
    notes = con.execute("SELECT article_id, stage, kind, version, payload FROM annotations").fetchall()
    by_article: dict[str, list[tuple]] = {}
    for row in notes:
        by_article.setdefault(row[0], []).append(row)
    seq = max(r[cols.index("seq")] for r in arts)
    for n in range(len(arts), size):
        copy, row = divmod(n, len(arts))
        values = dict(zip(cols, arts[row], strict=True))
        old = values["id"]
        new = hashlib.blake2b(f"{old}/{copy}".encode(), digest_size=8).hexdigest()  # ids are 16 hex digits
        seq += 1
        values.update(id=new, seq=seq, text=values["text"] + f"\nFiled as copy {copy}.",
                      url=f"{values['url'] or 'https://bench.example/' + old}#copy{copy}")
        con.execute(f"INSERT INTO articles ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                    [values[c] for c in cols])
        con.executemany("INSERT INTO annotations VALUES (?, ?, ?, ?, ?)",
                        [(new, st, kind, version, payload.replace(old, new))
                         for _, st, kind, version, payload in by_article.get(old, ())])
    con.commit()
    con.close()


def incremental_case(data: Path, work: Path, template: Path, skip: int, sizes: Sequence[int]) -> None:
    """100 new distinct articles folded into an empty store, then into synthetic stores of each
    size (corpus stages run over the store once first, timed apart); then one table: wall and CPU
    seconds, their ratio to the empty store's, peak memory, and each stage's seconds per size
    (the corpus stages and what the fold spends outside any stage: snapshots, bookkeeping)."""
    new = work / f"new-100-from-{skip}.jsonl"
    distinct_jsonl(data, new, 100, skip)
    empty = work / "empty.jsonl"
    empty.write_text("", encoding="utf-8")

    def run(source: Path, db: Path) -> dict:
        out = subprocess.run([sys.executable, __file__, "--measure-one", str(source), str(db), "1"],
                             capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"the fold into {db.name} failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])

    base_db = work / "incr-empty.db"
    for stale in (base_db, base_db.with_name(base_db.name + "-wal"), base_db.with_name(base_db.name + "-shm")):
        stale.unlink(missing_ok=True)
    results = {0: run(new, base_db)}
    base = results[0]
    print(f"[incremental] 100 new articles into an empty store: {base['seconds']:.1f} s, {base['cpu']:.1f} CPU s, "
          f"peak {base['peak_mb']:.0f} MB, load average {base['load']:.1f} after")
    settled: dict[int, dict] = {}
    for size in sizes:
        db = work / f"incr-{size}.db"
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):
            stale.unlink(missing_ok=True)
        started = time.perf_counter()
        clone_store(template, db, size)
        cloned = time.perf_counter() - started
        settled[size] = run(empty, db)
        results[size] = r = run(new, db)
        print(f"[incremental] store of {size} articles (cloned in {cloned:.1f} s; corpus stages over it first: "
              f"{settled[size]['seconds']:.0f} s, peak {settled[size]['peak_mb']:.0f} MB): 100 new in {r['seconds']:.1f} s "
              f"= {r['seconds'] / base['seconds']:.2f} x the empty store's wall, {r['cpu'] / base['cpu']:.2f} x its CPU "
              f"seconds (goal <= 1.3); peak {r['peak_mb']:.0f} MB; load average {r['load']:.1f} after")
    cols = sorted(results)
    print("[incremental] 100 new articles into a store of | " + " | ".join(f"{n:,}" for n in cols))
    print("  wall s | " + " | ".join(f"{results[n]['seconds']:.1f}" for n in cols))
    print("  CPU s | " + " | ".join(f"{results[n]['cpu']:.1f}" for n in cols))
    print("  CPU x the empty store's | " + " | ".join(f"{results[n]['cpu'] / base['cpu']:.2f}" for n in cols))
    print("  peak MB | " + " | ".join(f"{results[n]['peak_mb']:.0f}" for n in cols))
    corpus_labels = [k for k in base["stages"] if "@" in k and k not in _article_labels(base)]
    for label in ["article stages", *corpus_labels]:
        print(f"  {label} | " + " | ".join(f"{results[n]['stages'].get(label, 0.0):.1f}" for n in cols))
    print("  outside the stages (snapshots, bookkeeping) | "
          + " | ".join(f"{_outside(results[n]):.1f}" for n in cols))


def _article_labels(r: dict) -> set[str]:
    """The article stages' labels of a one-process run: those timed before ``article stages``."""
    labels = list(r["stages"])
    before = labels[: labels.index("article stages")] if "article stages" in labels else []
    return {k for k in before if "@" in k}


def _outside(r: dict) -> float:
    """Seconds of a one-process fold spent outside reading, storing and every stage (the article
    stages are counted once, in their sum)."""
    inner = _article_labels(r)
    return r["seconds"] - sum(v for k, v in r["stages"].items() if k not in inner)


def fold_case(name: str, source: Path, work: Path, workers_list: Sequence[int], floor_sample: int) -> dict[int, dict]:
    """Fold ``source`` once per worker count (each in a fresh process and a fresh database), print
    the figures and breakdowns, then the NER floor on the same texts and each run's ratio to it,
    and a fold of the same input with nothing new."""
    results = {}
    for workers in workers_list:
        load_before = os.getloadavg()[0]
        db = work / f"{name}-w{workers}.db"
        for stale in (db, db.with_name(db.name + "-wal"), db.with_name(db.name + "-shm")):  # a killed run's too
            stale.unlink(missing_ok=True)
        out = subprocess.run([sys.executable, __file__, "--measure-one", str(source), str(db), str(workers)],
                             capture_output=True, text=True)
        if out.returncode:
            raise SystemExit(f"the fold with {workers} worker(s) failed:\n{out.stderr[-3000:]}")
        results[workers] = r = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"[{name}] storyfold fold, {workers} worker(s): {r['articles']} articles in {r['seconds']:.1f} s = "
              f"{r['articles'] / r['seconds']:.2f} articles/s; {r['cpu'] / max(r['articles'], 1):.2f} CPU s per article; "
              f"peak memory {r['peak_mb']:.0f} MB; rejected {r['rejected']}; load average {load_before:.1f} before, "
              f"{r['load']:.1f} after")
        print_breakdown(workers, r)
    first = work / f"{name}-w{workers_list[0]}.db"
    n, seconds, words, cpu = ner_floor(str(first), floor_sample)
    floor = n / seconds
    print(f"[{name}] spaCy NER alone (same texts, 1 process, {n} articles): {floor:.1f} articles/s ({words / seconds:.0f} "
          f"tokens/s), {cpu / n:.3f} CPU s per article")
    for workers, r in results.items():
        goal = 0.5 if workers == 1 else 0.7
        print(f"  ratio storyfold ({workers} worker(s)) / NER floor: {(r['articles'] / r['seconds']) / floor:.2f} (goal >= {goal}); "
              f"in CPU seconds per article (load-independent): {(cpu / n) / (r['cpu'] / max(r['articles'], 1)):.2f}")
    out = subprocess.run([sys.executable, __file__, "--measure-again", str(source), str(first)], capture_output=True, text=True)
    if out.returncode:
        raise SystemExit(f"the fold with nothing new failed:\n{out.stderr[-3000:]}")
    again = json.loads(out.stdout.strip().splitlines()[-1])
    top = ", ".join(f"{k} {v:.2f}" for k, v in sorted(again["stages"].items(), key=lambda kv: -kv[1])[:4])
    print(f"[{name}] fold with nothing new: {again['seconds']:.2f} s from interpreter start ({again['fold_seconds']:.2f} s "
          f"in fold; goal <= 2 s); torch imported: {again['torch']}; spaCy loaded: {again['spacy_loaded']}; slowest: {top}")
    return results


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(REPO.parent / "shared" / "data"))
    parser.add_argument("--limit", type=int, default=None,
                        help="distinct articles folded (default: all ECB+ documents and Scrapinghub pages)")
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--copies", type=int, default=0, metavar="RECORDS",
                        help="also fold the copy-heavy WARC of RECORDS mutated Scrapinghub pages (default 0: skip)")
    parser.add_argument("--pages", type=int, default=None,
                        help="distinct pages the WARC repeats (default: all 181); fewer makes a copy-heavier corpus")
    parser.add_argument("--floor-sample", type=int, default=0,
                        help="articles the NER floor parses (default 0: all; its rate is per article either way)")
    parser.add_argument("--newsplease-sample", type=int, default=200,
                        help="records of the WARC news-please extracts (it is slow; only with --copies)")
    parser.add_argument("--incremental", type=int, nargs="*", default=[], metavar="SIZE",
                        help="also fold 100 new distinct articles into synthetic stores of these sizes (and an empty one)")
    parser.add_argument("--work", default=None, help="folder for the inputs and databases (default: a temp folder)")
    parser.add_argument("--measure-one", nargs=3, metavar=("SOURCE", "DB", "WORKERS"), help=argparse.SUPPRESS)
    parser.add_argument("--measure-again", nargs=2, metavar=("SOURCE", "DB"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.measure_one:
        measure_one(args.measure_one[0], args.measure_one[1], int(args.measure_one[2]))
        return 0
    if args.measure_again:
        measure_again(*args.measure_again)
        return 0
    work = Path(args.work or tempfile.mkdtemp(prefix="storyfold-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    data = Path(args.data_dir)
    distinct = work / f"distinct-{args.limit or 'all'}.jsonl"
    rows = distinct_jsonl(data, distinct, args.limit)
    print(f"distinct articles: {rows} rows (ECB+ documents and Scrapinghub pages) in {distinct.name}")
    fold_case("distinct", distinct, work, args.workers, args.floor_sample)
    if args.incremental:
        incremental_case(data, work, work / f"distinct-w{args.workers[0]}.db", rows, args.incremental)
    if args.copies <= 0:
        return 0
    warc = work / f"bench-{args.copies}{f'-p{args.pages}' if args.pages else ''}.warc.gz"
    if not warc.exists():
        started = time.perf_counter()
        build_warc(data, warc, args.copies, pages=args.pages)
        print(f"built {warc.name}: {args.copies} HTML records, {warc.stat().st_size / 1e6:.1f} MB, {time.perf_counter() - started:.0f} s")
    results = fold_case("copies", warc, work, args.workers, args.floor_sample)
    rate = newsplease_rate(warc, args.newsplease_sample) if args.newsplease_sample > 0 else ()
    if rate == ():
        print("news-please: skipped (--newsplease-sample 0)")
    elif rate is None:
        print("news-please: not installed (pip install news-please==1.6.16) - comparison skipped")
    else:
        done, seconds = rate
        print(f"news-please 1.6.16 from_warc extraction alone: {done / seconds:.2f} records/s (first {done} records)")
        for workers, r in results.items():
            print(f"  ratio storyfold full pipeline ({workers} worker(s)) / news-please extraction: "
                  f"{(r['articles'] / r['seconds']) / (done / seconds):.2f} (goal > 1)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
