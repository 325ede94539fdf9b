"""HTML main-text extraction quality on the Scrapinghub/Zyte article-extraction benchmark.

    python eval/extraction.py [DATA_DIR]

DATA_DIR defaults to ../shared/data; the benchmark is DATA_DIR/scrapinghub-article-extraction.
Prints shingle precision/recall/F1 (the benchmark's own metric, re-implemented from its README:
word 4-gram multisets, per-document TP/FP/FN normalised by their sum, means over documents, F1 of
the means) and exact-token accuracy for storyfold's HTML path (trafilatura + storyfold's cleaner)
and for trafilatura alone, plus pages per second. Exits non-zero if storyfold falls below the
pinned floor.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import trafilatura

from storyfold.config import Settings
from storyfold.errors import InputRejected
from storyfold.ingest import read_file
from storyfold.stages.clean import clean

FLOOR_F1 = 0.95  # pinned quality gate: storyfold's HTML path must stay at or above it

_TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text: str, n: int = 4) -> Counter[tuple[str, ...]]:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(len(tokens) - n + 1, 1)) if tokens)


def score(gold: dict[str, str], predicted: dict[str, str]) -> dict[str, float]:
    precisions, recalls, exact = [], [], 0
    for item_id, truth in gold.items():
        pred = predicted.get(item_id, "")
        g, p = shingles(truth), shingles(pred)
        tp = sum((g & p).values())
        fp = sum((p - g).values())
        fn = sum((g - p).values())
        total = tp + fp + fn
        if total:
            tp, fp, fn = tp / total, fp / total, fn / total
        precisions.append(1.0 if fp == 0 else tp / (tp + fp))
        recalls.append(1.0 if fn == 0 else tp / (tp + fn))
        exact += _TOKEN.findall(truth) == _TOKEN.findall(pred)
    p = sum(precisions) / len(precisions)
    r = sum(recalls) / len(recalls)
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "accuracy": exact / len(gold)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("data_dir", nargs="?", default=str(Path(__file__).resolve().parents[1].parent / "shared" / "data"))
    args = parser.parse_args()
    root = Path(args.data_dir) / "scrapinghub-article-extraction"
    if not root.is_dir():
        print(f"no benchmark at {root}; pass the data folder as the first argument", file=sys.stderr)
        return 2
    gold = {k: v["articleBody"] for k, v in json.loads((root / "ground-truth.json").read_text(encoding="utf-8")).items()}
    pages = sorted((root / "html").glob("*.html.gz"))
    settings = Settings()

    ours: dict[str, str] = {}
    rejected = []
    t0 = time.perf_counter()
    for page in pages:
        item_id = page.name.split(".")[0]
        for item in read_file(page, settings):
            if isinstance(item, InputRejected):
                rejected.append((item_id, item.reason))
                continue
            try:
                ours[item_id] = clean(item, settings).text
            except InputRejected as exc:
                rejected.append((item_id, exc.reason))
    ours_seconds = time.perf_counter() - t0

    import gzip

    plain: dict[str, str] = {}
    t0 = time.perf_counter()
    for page in pages:
        html = gzip.decompress(page.read_bytes()).decode("utf-8", "replace")
        plain[page.name.split(".")[0]] = trafilatura.extract(html) or ""
    plain_seconds = time.perf_counter() - t0

    print(f"Scrapinghub article-extraction benchmark: {len(pages)} pages, {len(gold)} gold bodies")
    print(f"{'system':<38} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'pages/s':>8}")
    for name, found, seconds in (
        ("storyfold (trafilatura + cleaner)", ours, ours_seconds),
        (f"trafilatura {trafilatura.__version__} extract() alone", plain, plain_seconds),
    ):
        s = score(gold, found)
        print(f"{name:<38} {s['f1']:6.3f} {s['precision']:6.3f} {s['recall']:6.3f} {s['accuracy']:6.3f} {len(pages) / seconds:8.1f}")
    print("published reference: trafilatura 2.0.0 F1 0.958, P 0.938, R 0.978 (upstream README)")
    if rejected:
        print(f"rejected by storyfold: {len(rejected)}: " + "; ".join(f"{i[:8]}: {r}" for i, r in rejected[:5]))
    f1 = score(gold, ours)["f1"]
    if f1 < FLOOR_F1:
        print(f"FAIL: storyfold F1 {f1:.3f} is below the pinned floor {FLOOR_F1}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
