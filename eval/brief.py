"""The brief told event by event, measured on real data.

    python eval/brief.py [DATA_DIR] [--limit N] [--sentences K] [--only neus|ecb] [--part dev|untouched|all]
                         [--ecb dev|train|both] [--every N] [--work DIR] [-v]

DATA_DIR defaults to ``../shared/data``.

(a) **NeuS/AllSides test split** (307 items, ``neus-allsides/test.source``): each item's three articles
    (left, centre and right outlets, random order) are written as JSONL lines and folded with every
    registered stage into a fresh temporary database; the brief of the resulting stories (all
    stories of the item, in brief order: lead, then each event's sentences and changes) is compared
    with the item's ``test.target`` summary. The items are split by a hash of their source line:
    the **dev** part (hash mod 3 = 0, 116 items) is the one the brief's weights were chosen on
    (``storyfold.stages.brief.sections.Weights``); the **untouched** part (191 items) was never looked
    at while tuning. Printed for dev, untouched and all: ROUGE-1/2/L F1 (mean over items;
    lower-cased alphanumeric tokens, no stemming, ROUGE-L as the longest common subsequence over the
    whole text; the brief's source-count wording such as "(reported by two independent outlets)" is
    removed first) of the brief, of the first sentence of each of the three articles (a lead
    baseline), and of LexRank (the ``sumy`` package, over the three articles' sentences, three
    sentences: the length of the lead baseline; sentences from storyfold's splitter, words by a
    regular expression and sumy's own stemmer and stop words, so no NLTK download is needed); the
    share of brief sentences passing :func:`storyfold.stages.brief.support.check_support` against
    their cited spans, recomputed from the exported evidence; sentences per brief.
(b) **ECB+ dev topics** (2, 5, 12, 18, 21, 23, 34, 35; 197 documents, never tuned on): folded into
    one database (``--work DIR`` keeps it); for every story with two or more events, each sentence of
    an event section is a point whose predicted cluster is its section's event and whose gold cluster
    is the gold sub-topic of the article it was taken from: B-cubed P/R/F1. Then the brief
    sentences' dates (the lead's and every event sentence's) against ``eval/gold/brief_dates_ecb.jsonl``,
    the dates a reader gives each sentence (see that file's header line): the share right, the
    dates told (a sentence may be left undated), the share of those that are right and how many of
    the others only are coarser than the reader's (a year holding the day), and the
    share by the gold's basis (``text``: what the document's words give; ``text+recall``/``recall``:
    what only the public record gives). ``--ecb train`` does the same on a fixed third of the train
    topics (3, 6, 9, 24, 27, 30, 33), every story's lead and event sentences, against
    ``eval/gold/brief_dates_ecb_train.jsonl`` (annotated after the dating rules were written: the
    untouched date set); ``--ecb both`` (the default) runs both.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
import clusters  # noqa: E402  (eval/clusters.py)

from storyfold import api, codec  # noqa: E402
from storyfold.config import load_settings  # noqa: E402
from storyfold.pipeline import Context, Corpus  # noqa: E402
from storyfold.records import PartialDate  # noqa: E402
from storyfold.stages import build_pipeline  # noqa: E402
from storyfold.stages.brief.brief import BriefStage, name_aliases  # noqa: E402
from storyfold.stages.brief.support import ATTRIBUTIONS, check_support  # noqa: E402
from storyfold.store import Store  # noqa: E402
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


GOLD_DATES = Path(__file__).resolve().parent / "gold" / "brief_dates_ecb.jsonl"
ECB_DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
# a fixed third of the train topics (their numbers divisible by 3), whose brief dates were annotated
# after the dating rules were written, and never read while writing them: the untouched date set
ECB_TRAIN_TOPICS = (3, 6, 9, 24, 27, 30, 33)
GOLD_DATES_TRAIN = GOLD_DATES.with_name("brief_dates_ecb_train.jsonl")
PARTS = ("dev", "untouched", "all")
LEXRANK_SENTENCES = 3


def neus_part(source: str) -> str:
    """``dev`` for the items the brief was tuned on, ``untouched`` for the others (a hash of the line)."""
    return "dev" if int(hashlib.sha256(source.encode("utf-8")).hexdigest()[:8], 16) % 3 == 0 else "untouched"


class _Tokenizer:
    """sumy's tokenizer interface over storyfold's sentence splitter (no NLTK data needed)."""

    language = "english"

    def to_sentences(self, text: str) -> list[str]:
        return [text[s:e].strip() for s, e in sentence_spans(text) if text[s:e].strip()]

    def to_words(self, sentence: str) -> list[str]:
        return re.findall(r"[A-Za-z0-9][A-Za-z0-9'\u2019-]*", sentence)


def lexrank_summary(texts: list[str], count: int = LEXRANK_SENTENCES) -> str:
    """LexRank (sumy) over the sentences of ``texts``: the ``count`` most central, in text order."""
    from sumy.nlp.stemmers import Stemmer
    from sumy.parsers.plaintext import PlaintextParser
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.utils import get_stop_words

    parser = PlaintextParser.from_string("\n\n".join(texts), _Tokenizer())
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = get_stop_words("english")
    return " ".join(str(s) for s in summarizer(parser.document, count))


def _scores(system: str, reference: str) -> tuple[float, float, float]:
    st, rt = tokens(system), tokens(reference)
    return rouge_n(st, rt, 1), rouge_n(st, rt, 2), rouge_l(st, rt)


def _support(doc: dict) -> tuple[int, int]:
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    aliases = name_aliases([e["name"], *e["aliases"]] for e in doc["entities"])
    passed = 0
    for b in doc["brief"]:
        spans = [texts[e["article_id"]][e["start"] : e["end"]] for e in b["evidence"] if e["article_id"] in texts]
        passed += bool(b["article_ids"]) and bool(check_support(b["text"], spans, aliases=aliases))
    return passed, len(doc["brief"])


def _mean(rows: list[tuple[float, ...]], i: int) -> float:
    return sum(r[i] for r in rows) / max(len(rows), 1)


def part_neus(data: Path, settings, pipeline, limit: int | None, verbose: bool, only: str = "all",  # noqa: ANN001
               every: int = 0) -> None:
    folder = data / "neus-allsides"
    sources = (folder / "test.source").read_text(encoding="utf-8").splitlines()
    targets = (folder / "test.target").read_text(encoding="utf-8").splitlines()
    items = [(k, s, t) for k, (s, t) in enumerate(zip(sources, targets, strict=True))
             if only == "all" or neus_part(s) == only][: limit or None]
    rows: dict[str, list[dict]] = defaultdict(list)
    started = time.perf_counter()
    for n, (k, source, target) in enumerate(items, 1):
        articles = parse(source)
        m = _PART.match(target.strip())
        reference = m["text"] if m else target
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "item.jsonl"
            path.write_text("".join(json.dumps({**a, "id": f"item{k}-{j}"}) + "\n" for j, a in enumerate(articles)),
                            encoding="utf-8")
            api.fold([path], db=Path(tmp) / "item.db", settings=settings, pipeline=pipeline)
            doc = api.export(Path(tmp) / "item.db", settings=settings)
        system = " ".join(ATTRIBUTIONS.sub("", b["text"]) for b in doc["brief"])
        first = " ".join(a["text"][slice(*(sentence_spans(a["text"]) or [(0, 0)])[0])] for a in articles)
        row = {"brief": _scores(system, reference), "lead": _scores(first, reference),
               "lexrank": _scores(lexrank_summary([a["text"] for a in articles]), reference),
               "support": _support(doc), "sentences": len(doc["brief"])}
        part = neus_part(source)
        rows[part].append(row)
        rows["all"].append(row)
        if verbose:
            print(f"[{k} {part}] R1 {row['brief'][0]:.3f} | {system[:200]}")
        if every and n % every == 0 and n < len(items):
            _print_neus(rows, n, settings, time.perf_counter() - started)
    _print_neus(rows, len(items), settings, time.perf_counter() - started)


def _print_neus(rows: dict[str, list[dict]], n: int, settings, elapsed: float) -> None:  # noqa: ANN001
    print(f"(a) NeuS/AllSides test: {n} items folded (brief_sentences={settings.brief_sentences}); "
          "weights chosen on the dev part only", flush=True)
    for part in PARTS:
        got = rows[part]
        if not got:
            continue
        tag = {"dev": "dev (tuned on)", "untouched": "untouched (never tuned on)", "all": "all"}[part]
        print(f"  {tag}: {len(got)} items")
        for i, name in enumerate(("rouge1", "rouge2", "rougeL")):
            b, f, x = (_mean([r[key] for r in got], i) for key in ("brief", "lead", "lexrank"))
            print(f"    {name} F1: brief {b:.4f}   first sentence of each article {f:.4f}   LexRank (sumy, "
                  f"{LEXRANK_SENTENCES} sentences) {x:.4f}   {'beats both' if b > max(f, x) else 'DOES NOT beat both'}")
        passed, total = (sum(r["support"][i] for r in got) for i in (0, 1))
        print(f"    brief sentences passing the support check: {passed}/{total} = {passed / max(total, 1):.4f}; "
              f"sentences per brief {sum(r['sentences'] for r in got) / len(got):.2f}; "
              f"items with no brief {sum(1 for r in got if not r['sentences'])}")
    print(f"  time: {elapsed / max(n, 1):.1f} s per item ({elapsed:.0f} s in all)", flush=True)


def date_right(got: str | None, gold: str) -> bool:
    """A brief date against a reader's: one lies within the other (a day within the reader's month,
    or the brief's week or month holding the reader's day), and the brief's covers at most a month
    when the reader's does (a year is not right for a day)."""
    if not got:
        return False
    g, b = PartialDate.parse(gold), PartialDate.parse(got)
    if None in (g.start, g.end, b.start, b.end):
        return got == gold
    if _within(b, g):
        return True
    month = (g.end - g.start).days < 31  # type: ignore[operator]
    return _within(g, b) and (not month or (b.end - b.start).days < 31)  # type: ignore[operator]


def _holds(got: str | None, gold: str) -> bool:
    """The brief's date holds the reader's (a year or a week for a day of it)."""
    if not got:
        return False
    g, b = PartialDate.parse(gold), PartialDate.parse(got)
    return None not in (g.start, g.end, b.start, b.end) and _within(g, b)


def _within(inner: PartialDate, outer: PartialDate) -> bool:
    """Whether the span of ``inner`` lies within that of ``outer`` (both bounded)."""
    return outer.start <= inner.start and inner.end <= outer.end  # type: ignore[operator]


def ecb_briefs(data: Path, work: Path, topics: tuple[int, ...] = ECB_DEV_TOPICS,
               name: str = "ecb-dev-brief") -> tuple[dict, list[dict]]:
    """The ECB+ documents of ``topics`` folded into one database: (export document, rows with gold keys)."""
    rows = [r for r in clusters.ecb_rows(data) if r["topic"] in topics]
    db = work / f"{name}.db"
    stamp = work / f"{name}.urls"
    want = hashlib.sha256("\n".join(r["url"] for r in rows).encode()).hexdigest()
    settings = load_settings().with_(db=str(db))
    if not (db.is_file() and stamp.is_file() and stamp.read_text() == want):
        clusters.fold_jsonl([{k: r[k] for k in ("id", "url", "text")} for r in rows], work, name)
        stamp.write_text(want)
    doc = api.export(db, settings=settings)
    # a kept database: the brief stage alone, over the stored records, gives the brief of this code
    with Store(db) as store:
        out = BriefStage().process(Corpus(store, build_pipeline(settings).kinds, frozenset()), Context(settings=settings))
    for kind in ("brief", "brief_sections"):
        doc[kind] = [codec.to_dict(r) for r in out[kind]]
    return doc, rows


def part_ecb(data: Path, work: Path, verbose: bool, which: str = "dev") -> None:
    topics, name, gold_file = ((ECB_DEV_TOPICS, "ecb-dev-brief", GOLD_DATES) if which == "dev" else
                               (ECB_TRAIN_TOPICS, "ecb-train-brief", GOLD_DATES_TRAIN))
    doc, rows = ecb_briefs(data, work, topics, name)
    by_url = {r["url"]: r for r in rows}
    doc_of = {a["id"]: by_url[a["url"]]["id"] for a in doc["articles"] if a.get("url") in by_url}
    gold_sub = {a["id"]: by_url[a["url"]]["subtopic"] for a in doc["articles"] if a.get("url") in by_url}
    two = {s["id"] for s in doc["stories"] if len(s.get("event_ids") or ()) >= 2}
    pred, gold = [], []
    for sec in doc["brief_sections"]:
        if sec["role"] != "event" or sec["story_id"] not in two:
            continue
        for b in sec["sentences"]:
            pred.append(sec["event_id"])
            gold.append(gold_sub[b["evidence"][0]["article_id"]])
            if verbose:
                print(f"  [{sec['event_id']} / {gold[-1]}] {b['text'][:120]}")
    print(f"(b) ECB+ {which} topics {', '.join(map(str, topics))}: {len(rows)} documents, {len(doc['stories'])} stories, "
          f"{len(two)} with two or more events")
    if pred:
        p, r, f = clusters.bcubed(pred, gold)
        print(f"  event-section sentences vs gold sub-topic ({len(pred)} sentences): B-cubed P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    # dev: the stories with two or more events, as annotated; train: every story
    told = [(b, doc_of[b["evidence"][0]["article_id"]]) for b in doc["brief"] if b["section"] in ("lead", "event")
            and (b["story_id"] in two or which == "train")]
    if not gold_file.is_file():
        print(f"  brief sentence dates: no gold file {gold_file.name}")
        return
    lines = gold_file.read_text(encoding="utf-8").splitlines()
    golds = [g for g in map(json.loads, lines[1:]) if g]
    gold_dates = {(g["doc_id"], g["sentence"]): g["date"] for g in golds}
    basis_of = {(g["doc_id"], g["sentence"]): g["basis"] for g in golds}
    right = known = undatable = given = coarse = 0
    by_basis: dict[str, list[int]] = {}
    missing = []
    for b, doc_id in told:
        key = (doc_id, ATTRIBUTIONS.sub("", b["text"]).strip())
        if key not in gold_dates:
            missing.append(key)
            continue
        if gold_dates[key] is None:
            undatable += 1
            continue
        known += 1
        got = b.get("date")
        ok = date_right(got, gold_dates[key])
        right += ok
        given += got is not None
        coarse += not ok and _holds(got, gold_dates[key])
        tally = by_basis.setdefault(basis_of[key], [0, 0])
        tally[0] += ok
        tally[1] += 1
        if verbose and not ok:
            print(f"  wrong date {got} (gold {gold_dates[key]}, {basis_of[key]}): {doc_id} {key[1][:100]}")
    print(f"  brief sentence dates right: {right}/{known} = {right / max(known, 1):.4f} "
          f"({undatable} undatable by reading, left out; {len(missing)} of {len(told)} brief sentences not in the gold file)")
    # a wrong date told is worse than none: the share of the dates told that are right
    print(f"    dates told: {given}/{known}, right {right}/{given} = {right / max(given, 1):.4f}; "
          f"told wrong {given - right} (of them {coarse} only coarser: a year or week holding the day), "
          f"left undated {known - given}")
    # what the texts give ('text') apart from what the reader added from the public record
    print("    by the gold's basis: " + "; ".join(f"{k} {r}/{n}" for k, (r, n) in sorted(by_basis.items())))
    if verbose:
        for doc_id, text in missing:
            print(f"  not annotated: {doc_id} | {text}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=Path(__file__).resolve().parents[2] / "shared" / "data")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--sentences", type=int)
    ap.add_argument("--only", choices=("neus", "ecb"))
    ap.add_argument("--part", choices=("dev", "untouched", "all"), default="all",
                    help="NeuS items of one part only")
    ap.add_argument("--every", type=int, default=0, help="print the NeuS figures so far every N items")
    ap.add_argument("--ecb", choices=("dev", "train", "both"), default="both",
                    help="ECB+ dev topics, the untouched third of the train topics (brief dates), or both")
    ap.add_argument("--work", type=Path)
    ap.add_argument("-v", action="store_true")
    args = ap.parse_args()
    settings = load_settings(**({"brief_sentences": args.sentences} if args.sentences else {}))
    if args.only != "ecb":
        part_neus(args.data, settings, api.build_pipeline(settings), args.limit, args.v, args.part, args.every)
    if args.only != "neus":
        sets = ("dev", "train") if args.ecb == "both" else (args.ecb,)
        if args.work:
            args.work.mkdir(parents=True, exist_ok=True)
            for which in sets:
                part_ecb(args.data, args.work, args.v, which)
        else:
            with tempfile.TemporaryDirectory() as tmp:
                for which in sets:
                    part_ecb(args.data, Path(tmp), args.v, which)


if __name__ == "__main__":
    main()
