"""Story and event clustering, measured on real data: ``python eval/clusters.py [DATA_DIR]``.

DATA_DIR defaults to ``../shared/data``. Prints:

(a) ECB+ (train topics, on which the thresholds were tuned, and dev topics, reported): B-cubed
    P/R/F1 of ``event_id`` against the gold sub-topic and of ``story_id`` against the gold topic,
    beside a TF-IDF + k-means reference that is told the true number of clusters;
(b) AllSides roundups: how many roundups are kept whole in one story, how many stories mix roundups;
(c) incremental vs full: the ECB+ dev set folded in ten batches against one full fold;
(d) the seeds: one story, two events (000+001, 002+003+004).

Every corpus goes through the real path: a JSONL file read by ``storyfold.ingest.jsonl`` and folded
with ``storyfold.api.fold`` into a temporary database.
"""

from __future__ import annotations

import json
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Hashable, Sequence
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from storyfold import api  # noqa: E402
from storyfold.config import load_settings  # noqa: E402


def bcubed(pred: Sequence[Hashable], gold: Sequence[Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of clustering ``pred`` against ``gold`` (same items)."""
    by_pred: dict[Hashable, set[int]] = defaultdict(set)
    by_gold: dict[Hashable, set[int]] = defaultdict(set)
    for i, (p, g) in enumerate(zip(pred, gold, strict=True)):
        by_pred[p].add(i)
        by_gold[g].add(i)
    p = r = 0.0
    for pi, gi in zip(pred, gold, strict=True):
        both = len(by_pred[pi] & by_gold[gi])
        p += both / len(by_pred[pi])
        r += both / len(by_gold[gi])
    n = len(pred)
    p, r = p / n, r / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def fmt(prf: tuple[float, float, float]) -> str:
    return f"P {prf[0]:.3f}  R {prf[1]:.3f}  F1 {prf[2]:.3f}"


def fold_jsonl(rows: Sequence[dict], workdir: Path, name: str, batches: int = 1) -> dict[str, dict]:
    """Fold ``rows`` (JSONL objects with a unique ``url``) into a fresh database, in ``batches``
    successive folds; returns the exported articles keyed by url."""
    db = workdir / f"{name}.db"
    settings = load_settings().with_(db=str(db))
    size = -(-len(rows) // batches)
    for b in range(batches):
        path = workdir / f"{name}-{b}.jsonl"
        path.write_text("".join(json.dumps(r) + "\n" for r in rows[b * size : (b + 1) * size]), encoding="utf-8")
        api.fold([path], settings=settings)
    return {a["url"]: a for a in api.export(db, settings=settings)["articles"]}


def ecb_rows(data: Path, split: str) -> list[dict]:
    docs = [json.loads(line) for line in (data / "ecbplus" / "texts.jsonl").open(encoding="utf-8")]
    return [
        {"id": d["doc_id"], "url": f"ecbplus:{d['doc_id']}", "text": "\n".join(d["sentences"]), "topic": d["topic"],
         "subtopic": d["subtopic"]}
        for d in docs
        if d["split"] == split
    ]


def kmeans_reference(rows: Sequence[dict], key: str, seeds: int = 5) -> float:
    """Mean B-cubed F1 of TF-IDF + k-means told the true k, over ``seeds`` seeds."""
    from sklearn.cluster import KMeans
    from sklearn.feature_extraction.text import TfidfVectorizer

    x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([r["text"] for r in rows])
    gold = [r[key] for r in rows]
    k = len(set(gold))
    scores = [bcubed(KMeans(k, n_init=10, random_state=s).fit_predict(x), gold)[2] for s in range(seeds)]
    return sum(scores) / len(scores)


def part_ecb(data: Path, work: Path) -> dict[str, dict]:
    print("(a) ECB+ — B-cubed against gold (thresholds tuned on train; dev is the reported figure)")
    for split in ("train", "dev"):
        rows = ecb_rows(data, split)
        t0 = time.perf_counter()
        got = fold_jsonl(rows, work, f"ecb-{split}")
        secs = time.perf_counter() - t0
        ev = bcubed([got[r["url"]]["event_id"] for r in rows], [r["subtopic"] for r in rows])
        st = bcubed([got[r["url"]]["story_id"] for r in rows], [r["topic"] for r in rows])
        n_ev = len({got[r["url"]]["event_id"] for r in rows})
        n_st = len({got[r["url"]]["story_id"] for r in rows})
        print(f"  {split:5} {len(rows)} docs, {secs:.0f} s fold")
        print(f"    event vs sub-topic: {fmt(ev)}   ({n_ev} events, gold {len({r['subtopic'] for r in rows})})")
        print(f"    story vs topic:     {fmt(st)}   ({n_st} stories, gold {len({r['topic'] for r in rows})})")
        print(f"    reference TF-IDF + k-means told k (mean of 5 seeds): event F1 {kmeans_reference(rows, 'subtopic'):.3f}, "
              f"story F1 {kmeans_reference(rows, 'topic'):.3f}")
    return got


def part_allsides(data: Path, work: Path) -> None:
    print("(b) AllSides roundups — each roundup's articles should form one story")
    rows, roundup_of = [], {}
    for line in (data / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8"):
        r = json.loads(line)
        for side, news in (r.get("news") or {}).items():
            body = "\n\n".join(p for p in news.get("newBody") or [] if p.strip())
            if not body.strip():
                continue
            url = f"allsides:{r['id']}:{side}"
            rows.append({"url": url, "title": news.get("newsTitle"), "text": body, "outlet": news.get("newsSource"),
                         "published": r["date"][:10]})
            roundup_of[url] = r["id"]
    got = fold_jsonl(rows, work, "allsides")
    members: dict[int, set[str]] = defaultdict(set)
    for url, rid in roundup_of.items():
        if url in got:
            members[rid].add(got[url]["story_id"])
    multi = {rid: s for rid, s in members.items() if len({u for u in roundup_of if roundup_of[u] == rid and u in got}) > 1}
    whole = sum(1 for s in multi.values() if len(s) == 1)
    story_roundups: dict[str, set[int]] = defaultdict(set)
    for url, a in got.items():
        story_roundups[a["story_id"]].add(roundup_of[url])
    mixed = sum(1 for s in story_roundups.values() if len(s) > 1)
    pr = bcubed([got[u]["story_id"] for u in got], [roundup_of[u] for u in got])
    ev_whole = sum(1 for rid in multi if len({got[u]["event_id"] for u in roundup_of if roundup_of[u] == rid and u in got}) == 1)
    ev = bcubed([got[u]["event_id"] for u in got], [roundup_of[u] for u in got])
    print(f"  {len(got)} articles from {len(members)} roundups; {len(story_roundups)} stories")
    print(f"  roundups with 2+ articles kept whole: {whole} / {len(multi)} ({whole / len(multi):.1%})")
    print(f"  stories merging articles of 2+ roundups: {mixed} / {len(story_roundups)}")
    print(f"  story B-cubed vs roundup: {fmt(pr)}")
    print(f"  events ({len({a['event_id'] for a in got.values()})}): roundups kept whole in one event {ev_whole} / {len(multi)}; "
          f"event B-cubed vs roundup: {fmt(ev)}")
    print("  (a roundup is one day's coverage; several roundups can be one developing story, so 'mixed'")
    print("   counts an upper bound of wrong merges)")


def part_incremental(data: Path, work: Path, full: dict[str, dict]) -> None:
    """``full``: the dev set folded at once (part a; the result does not depend on input order)."""
    print("(c) incremental vs full — ECB+ dev, shuffled (seed 1), folded in 10 batches vs one fold")
    rows = ecb_rows(data, "dev")
    random.Random(1).shuffle(rows)
    t0 = time.perf_counter()
    inc = fold_jsonl(rows, work, "dev-inc", batches=10)
    secs = time.perf_counter() - t0
    for level, gold_key in (("event", "subtopic"), ("story", "topic")):
        a = [inc[r["url"]][f"{level}_id"] for r in rows]
        b = [full[r["url"]][f"{level}_id"] for r in rows]
        same_pairs = _pairwise_agreement(a, b)
        print(f"  {level}: incremental vs full B-cubed {fmt(bcubed(a, b))}; pairwise agreement {same_pairs:.3f}; "
              f"incremental vs gold F1 {bcubed(a, [r[gold_key] for r in rows])[2]:.3f}, "
              f"full vs gold F1 {bcubed(b, [r[gold_key] for r in rows])[2]:.3f}")
    print(f"  ten incremental folds took {secs:.0f} s")


def _pairwise_agreement(a: Sequence[Hashable], b: Sequence[Hashable]) -> float:
    n = len(a)
    agree = sum((a[i] == a[j]) == (b[i] == b[j]) for i in range(n) for j in range(i + 1, n))
    return agree / (n * (n - 1) / 2)


def part_seeds(work: Path) -> None:
    print("(d) seeds — expected one story, events {000, 001} and {002, 003, 004}")
    seeds = REPO / "examples" / "seeds"
    db = work / "seeds.db"
    api.fold([seeds], manifest=seeds / "manifest.jsonl", settings=load_settings().with_(db=str(db)))
    data = api.export(db)
    by_event: dict[str, list[str]] = defaultdict(list)
    for a in sorted(data["articles"], key=lambda a: a["source"]):
        by_event[a["event_id"]].append(Path(a["source"]).name[:3])
    groups = sorted(sorted(v) for v in by_event.values())
    ok = len(data["stories"]) == 1 and groups == [["000", "001"], ["002", "003", "004"]]
    for st in data["stories"]:
        print(f"  story {st['id']}: {st['title']}")
    for ev in data["events"]:
        print(f"  event {ev['id']} {ev['date']}..{ev['date_end'] or ''}: {ev['title']} ({by_event[ev['id']]})")
    print(f"  {'as expected' if ok else 'NOT as expected'}")


def main(argv: Sequence[str]) -> int:
    data = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "data"
    if not (data / "ecbplus" / "texts.jsonl").is_file():
        print(f"no ECB+ data under {data}; pass DATA_DIR (the folder holding ecbplus/ and neus-allsides/)")
        return 2
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        dev = part_ecb(data, work)
        part_allsides(data, work)
        part_incremental(data, work, dev)
        part_seeds(work)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
