"""Change sets on large stores: the time and the rows read of a change set between the last two
runs, which changed a handful of stories, on stores of 1k, 10k and 100k articles.

The stores are synthetic and written directly (no pipeline): articles of five per story, each
story snapshotted (with :func:`storyfold.present.changes.story_snapshots`, from made-up records
of the real shape) by the run that brought it, spread over ``--runs`` runs; the last run adds an
article to ``--touched`` stories. A change set should read rows for those stories only, whatever
the store's size.

    python benchmarks/changes_bench.py [--sizes 1000,10000,100000] [--runs 50] [--touched 10]
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from storyfold.history import changes
from storyfold.present.changes import article_digest, story_snapshots
from storyfold.store import Store, schema

PER_STORY = 5


def _story_doc(story: int, articles: list[str], run: int) -> dict[str, Any]:
    sid = f"st-{story:012x}"
    ev = [{"article_id": a, "start": 0, "end": 40, "text": f"Country {story} will send troops, officials said."}
          for a in articles]
    return {
        "articles": [{"id": a, "source": f"feed/{a}.html", "url": f"https://outlet{i % 7}.example/{a}",
                      "outlet": f"Outlet {i % 7}", "published": (dt.date(2025, 1, 1) + dt.timedelta(days=run)).isoformat(),
                      "story_id": sid, "lineage_id": f"lin_{a}"} for i, a in enumerate(articles)],
        "stories": [{"id": sid, "title": f"Story {story}", "article_ids": articles, "event_ids": [f"ev-{story:012x}"]}],
        "events": [{"id": f"ev-{story:012x}", "story_id": sid, "title": f"Story {story}", "date": "2025-01-01",
                    "date_end": None, "article_ids": articles}],
        "commitments": [{"id": f"commitment-{story:08x}{k}", "actor": f"Country {story}", "kind": kind,
                         "status": status, "conditions": ["peace deal"], "article_ids": articles,
                         "independent_sources": len(articles), "evidence": ev}
                        for k, (kind, status) in enumerate((("ground troops", "willing"), ("funding", "pledged")))],
        "conflicts": [],
        "claims": [{"id": f"claim-{story:08x}{k}", "text": f"Claim {k} of story {story}.", "article_ids": articles,
                    "independent_sources": len(articles) - k % 2,
                    "evidence": [{**e, "start": 50 * k, "end": 50 * k + 40} for e in ev]} for k in range(4)],
        "quotes": [{"id": f"quote-{story:08x}", "speaker": f"Minister {story}", "speaker_entity_id": None,
                    "text": "We will help.", "article_ids": articles,
                    "variants": [{**e, "speaker": f"Minister {story}"} for e in ev]}],
        "entities": [], "lineages": [],
    }


def build(path: Path, n_articles: int, n_runs: int, touched: int) -> Store:
    store = Store(path)
    stories = n_articles // PER_STORY
    runs = [store.start_run() for _ in range(n_runs)]
    now = dt.datetime.now(dt.UTC).isoformat(timespec="seconds")
    with store.engine.begin() as conn:
        conn.execute(insert(schema.articles), [
            {"id": f"{i:016x}", "seq": i + 1, "source": f"feed/{i:016x}.html", "text": f"Article {i}. " * 40,
             "removed": "[]", "run_id": runs[(i // PER_STORY) * (n_runs - 1) // stories], "created_at": now,
             "published_estimated": False}
            for i in range(n_articles)])
    for run_index, run in enumerate(runs[:-1]):
        first, last = run_index * stories // (n_runs - 1), (run_index + 1) * stories // (n_runs - 1)
        rows = {}
        for story in range(first, last):
            ids = [f"{story * PER_STORY + k:016x}" for k in range(PER_STORY - (1 if story < touched else 0))]
            snap = story_snapshots(_story_doc(story, ids, run_index), [f"st-{story:012x}"])[f"st-{story:012x}"]
            rows[snap["id"]] = (article_digest(ids), False, snap)
        store.put_snapshots(run, rows)
    rows = {}
    for story in range(touched):  # the last run adds each touched story's fifth article
        ids = [f"{story * PER_STORY + k:016x}" for k in range(PER_STORY)]
        snap = story_snapshots(_story_doc(story, ids, n_runs), [f"st-{story:012x}"])[f"st-{story:012x}"]
        rows[snap["id"]] = (article_digest(ids), False, snap)
    store.put_snapshots(runs[-1], rows)
    for run in runs:
        store.finish_run(run, {})
    return store


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,10000,100000")
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--touched", type=int, default=10)
    args = parser.parse_args()
    print("articles  stories  snapshot rows  snapshot MB  build s  change set ms  rows read  stories changed  heads ms")
    for n in (int(x) for x in args.sizes.split(",")):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = time.perf_counter()
            store = build(Path(tmp) / "big.db", n, args.runs, args.touched)
            built = time.perf_counter() - t0
            rows, size = store.snapshot_size()
            t0 = time.perf_counter()
            doc = changes(store, since="last")
            took = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            store.snapshot_heads()  # what each fold reads to find the stories it changed
            heads = (time.perf_counter() - t0) * 1000
            assert len(doc["stories"]) == args.touched, len(doc["stories"])
            print(f"{n:>8}  {n // PER_STORY:>7}  {rows:>13}  {size / 1e6:>11.1f}  {built:>7.1f}  {took:>13.1f}"
                  f"  {doc['rows_read']:>9}  {len(doc['stories']):>15}  {heads:>8.1f}")
            store.close()


if __name__ == "__main__":
    main()
