"""The cited brief against NeuS/AllSides neutral summaries.

    python eval/brief.py [DATA_DIR] [--limit N] [--sentences K]   # DATA_DIR defaults to ../shared/data

For each of the first N items (default: all 307) of ``neus-allsides/test.source``, its three
articles (left, centre and right outlets, random order) are written as JSONL lines and folded with
every registered stage into a fresh temporary database; the brief of the resulting stories (all
stories of the item, in brief order) is compared with the item's ``test.target`` summary.

Prints ROUGE-1/2/L F1 (mean over items; lower-cased alphanumeric tokens, no stemming, ROUGE-L as
the longest common subsequence over the whole text; the brief's source-count wording such as
"(reported by two independent outlets)" is removed first), the share of brief sentences passing
:func:`storyfold.stages.brief.support.check_support` against their cited spans, the mean sentences per brief,
how many items gave no brief, and the time per item; beside each ROUGE figure, the same for the
first sentence of each of the three articles (a lead baseline). Folding is the slow part (a few seconds an item).
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyfold import api  # noqa: E402
from storyfold.config import load_settings  # noqa: E402
from storyfold.stages.brief.brief import name_aliases  # noqa: E402
from storyfold.stages.brief.support import ATTRIBUTIONS, check_support  # noqa: E402
from storyfold.text.sentences import sentence_spans  # noqa: E402

_TOKEN = re.compile(r"[a-z0-9]+")
_PART = re.compile(r"TITLE=>\s*(?P<title>.*?)\s*ARTICLE=>\s*(?P<text>.*)", re.S)


def tokens(text: str) -> list[str]:
    return _TOKEN.findall(text.lower())


def _f1(overlap: int, n_sys: int, n_ref: int) -> float:
    if not overlap or not n_sys or not n_ref:
        return 0.0
    p, r = overlap / n_sys, overlap / n_ref
    return 2 * p * r / (p + r)


def rouge_n(sys_toks: list[str], ref_toks: list[str], n: int) -> float:
    def grams(t: list[str]) -> Counter[tuple[str, ...]]:
        return Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1))

    s, r = grams(sys_toks), grams(ref_toks)
    return _f1(sum((s & r).values()), sum(s.values()), sum(r.values()))


def rouge_l(sys_toks: list[str], ref_toks: list[str]) -> float:
    if not sys_toks or not ref_toks:
        return 0.0
    prev = [0] * (len(ref_toks) + 1)
    for a in sys_toks:
        cur = [0]
        for j, b in enumerate(ref_toks, 1):
            cur.append(prev[j - 1] + 1 if a == b else max(prev[j], cur[j - 1]))
        prev = cur
    return _f1(prev[-1], len(sys_toks), len(ref_toks))


def parse(line: str) -> list[dict[str, str]]:
    out = []
    for part in line.split(" [SEP] "):
        m = _PART.match(part.strip())
        if m and m["text"].strip():
            out.append({"title": m["title"].strip().rstrip("."), "text": m["text"].strip()})
    return out


def main() -> None:
    args = sys.argv[1:]
    limit = sentences = None
    if "--limit" in args:
        i = args.index("--limit")
        limit = int(args[i + 1])
        del args[i : i + 2]
    if "--sentences" in args:
        i = args.index("--sentences")
        sentences = int(args[i + 1])
        del args[i : i + 2]
    data = Path(args[0]) if args else Path(__file__).resolve().parents[2] / "shared" / "data"
    folder = data / "neus-allsides"
    sources = (folder / "test.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / "test.target").read_text(encoding="utf-8").splitlines()
    items = list(zip(sources, targets, strict=True))[: limit or None]
    settings = load_settings(**({"brief_sentences": sentences} if sentences else {}))
    pipeline = api.build_pipeline(settings)
    scores: dict[str, list[float]] = {"rouge1": [], "rouge2": [], "rougeL": []}
    lead: dict[str, list[float]] = {"rouge1": [], "rouge2": [], "rougeL": []}
    passed = total = empty = 0
    lengths: list[int] = []
    started = time.perf_counter()
    for k, (source, target) in enumerate(items):
        articles = parse(source)
        m = _PART.match(target.strip())
        reference = m["text"] if m else target
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "item.jsonl"
            path.write_text("".join(json.dumps({**a, "id": f"item{k}-{j}"}) + "\n" for j, a in enumerate(articles)),
                            encoding="utf-8")
            api.fold([path], db=Path(tmp) / "item.db", settings=settings, pipeline=pipeline)
            doc = api.export(Path(tmp) / "item.db", settings=settings)
        texts = {a["id"]: a["text"] for a in doc["articles"]}
        aliases = name_aliases([e["name"], *e["aliases"]] for e in doc["entities"])
        brief = doc["brief"]
        lengths.append(len(brief))
        if not brief:
            empty += 1
        for b in brief:
            spans = [texts[e["article_id"]][e["start"] : e["end"]] for e in b["evidence"] if e["article_id"] in texts]
            total += 1
            passed += bool(b["article_ids"]) and bool(check_support(b["text"], spans, aliases=aliases))
        system = " ".join(ATTRIBUTIONS.sub("", b["text"]) for b in brief)
        st, rt = tokens(system), tokens(reference)
        scores["rouge1"].append(rouge_n(st, rt, 1))
        scores["rouge2"].append(rouge_n(st, rt, 2))
        scores["rougeL"].append(rouge_l(st, rt))
        # reference point: the first sentence of each of the item's articles
        lt = tokens(" ".join(a["text"][slice(*(sentence_spans(a["text"]) or [(0, 0)])[0])] for a in articles))
        lead["rouge1"].append(rouge_n(lt, rt, 1))
        lead["rouge2"].append(rouge_n(lt, rt, 2))
        lead["rougeL"].append(rouge_l(lt, rt))
        if "-v" in args:
            print(f"[{k}] R1 {scores['rouge1'][-1]:.3f} | {system[:200]}")
    elapsed = time.perf_counter() - started
    n = len(items)
    print(f"neus-allsides test: {n} items folded (brief_sentences={settings.brief_sentences})")
    for key, vals in scores.items():
        base = lead[key]
        print(f"  {key} F1: {sum(vals) / max(len(vals), 1):.4f}   (first sentence of each article: "
              f"{sum(base) / max(len(base), 1):.4f})")
    print(f"  brief sentences passing the support check: {passed}/{total} = {passed / max(total, 1):.4f}")
    print(f"  sentences per brief: {sum(lengths) / max(n, 1):.2f}; items with no brief: {empty}")
    print(f"  time: {elapsed / max(n, 1):.1f} s per item ({elapsed:.0f} s in all)")


if __name__ == "__main__":
    main()
