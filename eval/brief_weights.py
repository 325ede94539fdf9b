"""Fit the brief's sentence scoring (``storyfold.stages.brief.sections.Weights.coef``) on AllSides roundups.

    python eval/brief_weights.py [DATA_DIR]          (DATA_DIR defaults to ../shared/data)

Data: ``neus-allsides/allsides_roundups_2021-10-19.jsonl``, the AllSides roundups of 2021 with
their three outlets' lead paragraphs and the editors' neutral summary, less every roundup that
shares a headline with the NeuS test split (``test.source``), which ``eval/brief.py`` scores.
For every candidate sentence of a roundup's three articles (one story, one event, each outlet its
own source), the features of :data:`storyfold.stages.brief.sections.FEATURES`, computed by the
brief's own code, and the target: the sentence's unigram plus twice its bigram overlap with the
first paragraph of the roundup's summary (lower-cased alphanumeric tokens, as ``eval/brief.py``),
per token of the sentence. A ridge regression (scikit-learn, alpha 1) over all of them gives the
coefficients printed (to paste into ``Weights``). Then, to choose ``keep``: the roundups split in
two halves by position, a model fitted on one half, the briefs of the other half (``pick_sections``
with those coefficients) scored with ROUGE-1/2/L F1 against the summaries, both ways, for a few
values of ``keep``, beside the brief with the coefficients in the code.
"""

from __future__ import annotations

import json
import sys
from collections import Counter
from dataclasses import replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import brief as neus  # noqa: E402  (eval/brief.py: its tokens, parser and ROUGE)

from storyfold.stages.brief.sections import FEATURES, Weights, pick_sections, story_picks  # noqa: E402


def roundups(data: Path) -> list[dict]:
    folder = data / "neus-allsides"
    test_titles = {a["title"].strip().lower() for line in (folder / "test.source").read_text(encoding="utf-8").splitlines()
                   for a in neus.parse(line)}
    out = []
    for line in (folder / "allsides_roundups_2021-10-19.jsonl").read_text(encoding="utf-8").splitlines():
        r = json.loads(line)
        sides = [v for v in (r.get("news") or {}).values() if v.get("newBody")]
        if len(sides) < 3 or not r.get("roundup") or any((v.get("newsTitle") or "").strip().lower() in test_titles
                                                           for v in sides):
            continue
        ids = [f"{r['id']}-{k}" for k in range(len(sides))]
        out.append({"texts": {i: " ".join(v["newBody"]) for i, v in zip(ids, sides, strict=True)},
                    "headlines": [v.get("newsTitle") or "" for v in sides], "summary": r["roundup"][0]})
    return out


def target(sentence: str, summary: str) -> float:
    s, r = neus.tokens(sentence), neus.tokens(summary)

    def grams(t: list[str], n: int) -> Counter:
        return Counter(tuple(t[i : i + n]) for i in range(len(t) - n + 1))

    overlap = sum((grams(s, 1) & grams(r, 1)).values()) + 2 * sum((grams(s, 2) & grams(r, 2)).values())
    return overlap / max(len(s), 1)


def rows(items: list[dict]) -> tuple[np.ndarray, np.ndarray]:
    x, y = [], []
    for it in items:
        picks, _, _ = story_picks(it["texts"], {a: a for a in it["texts"]}, it["headlines"])
        for p in picks:
            x.append(p.features())
            y.append(target(p.text, it["summary"]))
    return np.array(x), np.array(y)


def fit(items: list[dict]) -> tuple[tuple[float, ...], float]:
    from sklearn.linear_model import Ridge

    x, y = rows(items)
    model = Ridge(alpha=1.0).fit(x, y)
    return tuple(round(float(c), 4) for c in model.coef_), round(float(model.intercept_), 4)


def briefs(items: list[dict], w: Weights) -> list[float]:
    scores = []
    for it in items:
        texts = it["texts"]
        got = pick_sections(texts, {a: "e" for a in texts}, ["e"], {a: a for a in texts}, headlines=it["headlines"],
                            weights=w)
        text = " ".join([got.lead.text] + [p.text for p in got.events["e"]]) if got.lead else ""
        scores.append(neus._scores(text, it["summary"]))
    return [float(np.mean([s[i] for s in scores])) for i in range(3)]


def main() -> None:
    data = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "data"
    items = roundups(data)
    coef, intercept = fit(items)
    print(f"{len(items)} roundups (none sharing a headline with the NeuS test split)")
    print(f"features {FEATURES}")
    print(f"fitted on all: coef={coef} intercept={intercept}")
    halves = items[0::2], items[1::2]
    code = Weights()
    print("briefs of one half with a model fitted on the other, ROUGE-1/2/L F1 (mean of both ways):")
    table = {"coefficients in the code": [briefs(h, code) for h in halves]}
    fitted = [fit(halves[1]), fit(halves[0])]
    for keep in (0.5, 0.6, 0.7, 0.8):
        table[f"fitted on the other half, keep {keep}"] = [
            briefs(h, replace(code, coef=c, intercept=b, keep=keep)) for h, (c, b) in zip(halves, fitted, strict=True)]
    for name, (a, b) in table.items():
        print(f"  {name:40s} " + "  ".join(f"{(x + y) / 2:.4f}" for x, y in zip(a, b, strict=True)))


if __name__ == "__main__":
    main()
