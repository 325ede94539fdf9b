"""Commitments of other kinds than aid to Ukraine, in sentences of real articles: vaccine
donations, governments' funding and sanctions, companies' pledges and offers.

    python eval/commitments_other.py [DATA_DIR] [-v | --errors]   (also run by eval/commitments.py)

Two files, one sentence a line, from ``neus-allsides`` (an AllSides story's roundup or one side's
article body) or ``ecbplus`` (a document's sentence), annotated by reading it: the actor (and the
other names it goes by), the coarse category, the item as worded, the money amount (value,
currency) where the sentence states one, the status.

* ``eval/gold/commitments_other_dev.jsonl`` (16 sentences, from stories and ECB+ topics the other
  file does not use): the part rules were written against; its errors may be read (``-v``).
* ``eval/gold/commitments_other.jsonl`` (24 sentences): untouched; none of its sentences or errors
  was read while the stage's rules were written.
* ``eval/gold/commitments_amounts_dev.jsonl`` (35 sentences, after its ``about`` line; from stories
  and ECB+ topics neither file above uses): a second dev part, for the amount attached to a
  commitment (mostly US dollars, ECB+'s "$6 , 000" spacing, one count of troops); its errors may
  be read (``-v``).
* ``eval/gold/commitments_kinds_dev.jsonl`` (17 sentences, after its ``about`` line; from stories
  and ECB+ topics none of the files above uses): a third dev part, of other kinds (governments'
  measures, vows, a request for funds, a deployment, legislatures passing bills, a company's patch,
  teams signing players, an award); its errors may be read (``-v``).
* ``eval/gold/commitments_amounts2_dev.jsonl`` (33 sentences, after its ``about`` line; from stories
  and ECB+ topics neither untouched file uses, and from ``neus-allsides/test.source``, ref
  ``test.source/LINE``): a second amounts set, split by sha1 of the sentence (first byte even: dev,
  18, its errors may be read with ``-v``; odd: untouched, 15, never printed).
* ``eval/gold/commitments_verbs.jsonl`` (47 sentences, after its ``about`` line; one per AllSides
  story that no file above uses, drawn at random among the sentences a broad regular expression of
  commitment verbs matches; 22 with a commitment, 25 with none, actor null): split as the second
  amounts set (dev 18, its errors may be read with ``-v``; untouched 29, never printed); the
  sentences with none are scored as false (a commitment found all the same).
* ``eval/gold/commitments_news.jsonl`` (65 sentences, after its ``about`` line): sentences drawn at
  random, one per story, from AllSides article bodies that no file above uses, annotated by reading
  before the stage was run on them: the actor where the sentence holds a commitment (5), none where
  it holds none (60). Untouched: scored as found and actor on the first, false (a commitment found
  all the same) on the second; never printed row by row.

Each sentence is checked against its source text when DATA_DIR holds it, then run through the
entities, dates, quantities and commitments stages as an article of its own.

Figures: found (a commitment in the sentence), actor (one commitment's actor is the gold actor or
one of its names, ignoring case and a leading "the"), then of the sentences whose actor is right:
category, status (exact), amount (within 1%, the same currency; of the sentences stating one; a
count of items, with no currency, against the commitment's ``units``).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.commitments.commitments import CommitmentsStage
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.quantities import find_quantities

ROOT = Path(__file__).resolve().parents[1]
GOLD = ROOT / "eval" / "gold" / "commitments_other.jsonl"
DEV = ROOT / "eval" / "gold" / "commitments_other_dev.jsonl"
AMOUNTS_DEV = ROOT / "eval" / "gold" / "commitments_amounts_dev.jsonl"
KINDS_DEV = ROOT / "eval" / "gold" / "commitments_kinds_dev.jsonl"
AMOUNTS2 = ROOT / "eval" / "gold" / "commitments_amounts2_dev.jsonl"
NEWS = ROOT / "eval" / "gold" / "commitments_news.jsonl"
VERBS = ROOT / "eval" / "gold" / "commitments_verbs.jsonl"


def _sources(data: Path) -> dict[tuple[str, str], str]:
    """Source text by (data set, reference) for the references the gold file uses."""
    out: dict[tuple[str, str], str] = {}
    roundups = data / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl"
    if roundups.exists():
        for line in roundups.read_text(encoding="utf-8").splitlines():
            story = json.loads(line)
            out[("neus-allsides", f"{story['id']}/roundup")] = " ".join(story.get("roundup") or [])
            for side, art in (story.get("news") or {}).items():
                out[("neus-allsides", f"{story['id']}/news/{side}")] = " ".join(art.get("newBody") or [])
    test = data / "neus-allsides" / "test.source"
    if test.exists():
        for i, line in enumerate(test.read_text(encoding="utf-8").splitlines()):
            out[("neus-allsides", f"test.source/{i}")] = line
    texts = data / "ecbplus" / "texts.jsonl"
    if texts.exists():
        for line in texts.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line)
            for i, sent in enumerate(doc["sentences"]):
                out[("ecbplus", f"{doc['doc_id']}/{i}")] = sent
    return out


def _norm(name: str | None) -> str:
    name = (name or "").strip().lower()
    return name[4:] if name.startswith("the ") else name


def _amount_ok(value: float | None, unit: str | None, gold: dict) -> bool:
    if value is None:
        return False
    if unit and gold.get("currency") and unit != gold["currency"]:
        return False
    return abs(value - gold["value"]) <= 0.01 * max(abs(value), abs(gold["value"]))


def _pct(n: int, d: int) -> str:
    return f"{n}/{d} ({100 * n / d:.1f}%)" if d else "n/a"


def score_both(data: Path | None = None, verbose: bool = False) -> None:
    """The dev parts (their rows printed with ``verbose``), then the untouched part (never printed)."""
    score_other(DEV, data, verbose=verbose, label="dev")
    score_other(GOLD, data, label="untouched")
    score_other(AMOUNTS_DEV, data, verbose=verbose, label="amounts dev")
    score_other(KINDS_DEV, data, verbose=verbose, label="kinds dev")
    score_other(AMOUNTS2, data, verbose=verbose, label="amounts2 dev", part="dev")
    score_other(AMOUNTS2, data, label="amounts2 untouched", part="untouched")
    score_other(VERBS, data, verbose=verbose, label="verbs dev", part="dev")
    score_other(VERBS, data, label="verbs untouched", part="untouched")
    score_news(NEWS, data)


def part_of(text: str) -> str:
    """``dev`` or ``untouched``: the first byte of sha1(sentence text), even or odd."""
    return "dev" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 == 0 else "untouched"


def rows_of(gold_path: Path, part: str | None = None) -> list[dict]:
    """The annotated sentences of a gold file, without its ``about`` line if it has one; with
    ``part``, only those of that part of the file's split by sentence (``part_of``)."""
    rows = [json.loads(line) for line in gold_path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if "about" not in r and (part is None or part_of(r["text"]) == part)]


def score_other(gold_path: Path = GOLD, data: Path | None = None, verbose: bool = False,
                label: str = "", part: str | None = None) -> dict[str, str]:
    if verbose and (gold_path.resolve() == GOLD.resolve() or part == "untouched"):
        raise SystemExit(f"{gold_path.name} {part or ''}: the untouched part: its rows and errors are never printed")
    everything = rows_of(gold_path, part)
    unchecked = _check(gold_path, everything, data)
    n = {"found": 0, "actor": 0, "category": 0, "status": 0, "amount": 0, "amount_rows": 0, "false": 0}
    ran = list(zip(everything, _run(everything), strict=True))
    rows = [(g, got) for g, got in ran if g["actor"] is not None]  # the sentences holding a commitment
    nones = [(g, ms) for g, (ms, _qs) in ran if g["actor"] is None]
    for g, ms in nones:
        n["false"] += bool(ms)
        if verbose and ms:
            print(f"    {g['id']}: gold none; storyfold " + "; ".join(f"{m.actor} / {m.category.value} / {m.status.value}" for m in ms))
    for g, (ms, qs) in rows:
        money = {q.text: q for q in qs}
        names = {_norm(a) for a in g["actor_aliases"]}
        mine = [m for m in ms if _norm(m.actor) in names]
        n["found"] += bool(ms)
        n["actor"] += bool(mine)
        if mine:
            n["category"] += any(m.category.value == g["category"] for m in mine)
            n["status"] += any(m.status.value == g["status"] for m in mine)
            if g.get("amount"):
                n["amount_rows"] += 1
                n["amount"] += any(_amount_ok(m.units, None, g["amount"]) if g["amount"].get("currency") is None
                                   else m.amount in money and _amount_ok(money[m.amount].value, money[m.amount].unit,
                                                                         g["amount"]) for m in mine)
        elif g.get("amount"):
            n["amount_rows"] += 1
        if verbose:
            got = "; ".join(f"{m.actor} / {m.category.value} / {m.status.value} / {m.amount}" for m in ms) or "none"
            print(f"    {g['id']}: gold {g['actor']} / {g['category']} / {g['status']} / {(g.get('amount') or {}).get('value')}; storyfold {got}")
    out = {
        "rows": f"{len(everything)} sentences ({unchecked} not checked against their source: data absent)",
        "figures": (f"found {_pct(n['found'], len(rows))}  actor {_pct(n['actor'], len(rows))}  "
                    f"category {_pct(n['category'], n['actor'])} of actor right  "
                    f"status {_pct(n['status'], n['actor'])} of actor right  "
                    f"amount {_pct(n['amount'], n['amount_rows'])} of stated"
                    + (f"  with none: false {_pct(n['false'], len(nones))}" if nones else "")),
    }
    print(f"other kinds, {label + ' ' if label else ''}({gold_path.name}): {out['rows']}")
    print(f"  {out['figures']}")
    return out


def _check(gold_path: Path, rows: list[dict], data: Path | None) -> int:
    """How many of ``rows`` could not be checked against their source (data absent); stops where a
    sentence is not in its source."""
    sources = _sources(data) if data is not None else {}
    unchecked = 0
    for g in rows:
        src = sources.get((g["source"], g["ref"]))
        if src is None:
            unchecked += 1
        elif " ".join(g["text"].split()) not in " ".join(src.split()):
            raise SystemExit(f"{gold_path}: {g['id']}: the sentence is not in {g['source']} {g['ref']}")
    return unchecked


def _run(rows: list[dict]) -> list[tuple[tuple, tuple]]:
    """Each sentence of ``rows`` as an article of its own through the entities, dates, quantities
    and commitments stages: (its commitment mentions, its quantities)."""
    ctx = Context(settings=load_settings())
    entities, commitments = EntitiesStage(), CommitmentsStage()
    entities.setup(ctx)
    commitments.setup(ctx)
    arts = [Article(id=g["id"], source=g["ref"], text=g["text"]) for g in rows]
    out = []
    for art, ent in zip(arts, entities.process_batch(arts, [{} for _ in arts], ctx), strict=True):
        dates = find_dates(art.text, None, art.id)
        qs = tuple(find_quantities(art.text, art.id, dates))
        ms = commitments.process(art, {"dates": tuple(dates), "quantities": qs, **ent}, ctx)["commitment_mentions"]
        out.append((tuple(ms), qs))
    return out


def score_news(gold_path: Path = NEWS, data: Path | None = None) -> dict[str, str]:
    """Sentences drawn at random from news articles: of those holding a commitment, found with its
    actor; of those holding none, how many get one all the same (false). Never printed row by row:
    the file is untouched."""
    rows = rows_of(gold_path)
    unchecked = _check(gold_path, rows, data)
    pos = neg = found = actor = false = 0
    for g, (ms, _qs) in zip(rows, _run(rows), strict=True):
        if g["actor"] is None:
            neg += 1
            false += bool(ms)
        else:
            pos += 1
            found += bool(ms)
            actor += any(_norm(m.actor) in {_norm(a) for a in g["actor_aliases"]} for m in ms)
    out = {"rows": f"{len(rows)} sentences ({unchecked} not checked against their source: data absent)",
           "figures": f"with a commitment: found {_pct(found, pos)}  actor {_pct(actor, pos)};  "
                      f"with none: false {_pct(false, neg)}"}
    print(f"news sentences at random, untouched ({gold_path.name}): {out['rows']}")
    print(f"  {out['figures']}")
    return out


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a not in ("-v", "--errors")]
    score_both(Path(args[0]) if args else ROOT.parent / "shared" / "data",
               verbose=bool({"-v", "--errors"} & set(sys.argv[1:])))
