"""Who said what: speech events, their speakers and what they said, against two gold sets.

    PYTHONPATH=src python eval/attribution.py [DATA_DIR]      (DATA_DIR defaults to ../shared/data)

The articles run through the real article stages (entities, dates, quantities, claims, quotes),
the speech events coming from the claims stage's one parse. Every figure is printed for the
development part (the part whose errors were read), the held-out part (never read) and all.

* **MEANTIME** (English Wikinews; airbus is the development corpus, apple and gm are held out):
  a gold speech event is a SPEECH_COGNITIVE event mention with an Arg0 participant, outside
  quotation marks (a verb inside a quotation is part of what was said). *Coverage*: an exported
  quote record's cue overlaps the event, or the record (speaker, cue and content) spans it.
  *Speaker accuracy*, over all gold events: the covering record's speaker span (the name a
  pronoun resolves to, else the words as written) overlaps the Arg0 mention or any mention of
  its instance. *Direct quotations*: every quotation in marks in a sentence holding such an
  event outside the marks, the event's Arg0 its speaker; right when the record of the quote has
  that speaker.
* **AllSides** (``eval/gold/attribution_allsides.jsonl``, 248 events in 95 articles annotated by
  reading; dev: even roundup ids, held out: odd): *cue recall*, the gold cue overlapped by a
  record's cue; *speaker accuracy* over all gold events, the matched record's speaker span
  overlapping the gold speaker as written or the name it refers to, or its text equal to either;
  *content F1*, the token-overlap F1 of the matched record's content with the gold content,
  averaged over all gold events (0 when unmatched) and over the matched ones; *direct quotes*,
  speaker right on the gold ``direct`` events; *partial quotes*, the ``mixed`` gold events whose
  quoted fragment lies in a record of kind ``mixed`` or ``direct`` (a gold content that is the
  quoted words alone, without their marks, is its own fragment).

A record matches a gold event by its cue (of several records with that cue, the one whose content
overlaps the gold content best), else by content overlap.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "eval"))
from allsides import roundups  # noqa: E402  (eval/allsides.py)
from entities import load_doc  # noqa: E402

from storyfold.config import load_settings  # noqa: E402
from storyfold.pipeline import Context  # noqa: E402
from storyfold.records import Article, QuoteVariant  # noqa: E402
from storyfold.stages.claims import ClaimsStage  # noqa: E402
from storyfold.stages.dates.stage import DatesStage  # noqa: E402
from storyfold.stages.entities.entities import EntitiesStage  # noqa: E402
from storyfold.stages.quantities import QuantitiesStage  # noqa: E402
from storyfold.stages.quotes.quotes import QuotesStage  # noqa: E402

GOLD = ROOT / "eval" / "gold" / "attribution_allsides.jsonl"
MEANTIME_DEV = ("corpus_airbus",)
_TOKEN = re.compile(r"\w+")


def fold_quotes(articles: Sequence[Article]) -> dict[str, tuple[QuoteVariant, ...]]:
    """The quote records of each article, through the real article stages."""
    ctx = Context(settings=load_settings())
    stages = [EntitiesStage(), DatesStage(), QuantitiesStage(), ClaimsStage(), QuotesStage()]
    outputs: list[dict] = [{} for _ in articles]
    for stage in stages:
        stage.setup(ctx)
        inputs = [{k: o[k] for k in (*stage.requires, *stage.optional) if k in o} for o in outputs]
        for o, new in zip(outputs, stage.process_batch(list(articles), inputs, ctx), strict=True):
            o.update(new)
    return {a.id: o["quote_mentions"] for a, o in zip(articles, outputs, strict=True)}


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _extent(q: QuoteVariant) -> tuple[int, int]:
    points = [q.start, q.end, *(x for x in (q.cue_start, q.cue_end, q.speaker_start, q.speaker_end) if x is not None)]
    return min(points), max(points)


def _cue(q: QuoteVariant) -> tuple[int, int] | None:
    return (q.cue_start, q.cue_end) if q.cue_start is not None and q.cue_end is not None else None


def _speaker(q: QuoteVariant) -> tuple[int, int] | None:
    return (q.speaker_start, q.speaker_end) if q.speaker_start is not None and q.speaker_end is not None else None


@dataclass
class Counts:
    gold: int = 0
    covered: int = 0
    speaker: int = 0
    direct: int = 0
    direct_right: int = 0
    mixed: int = 0
    mixed_found: int = 0
    f1_sum: float = 0.0

    def add(self, other: Counts) -> None:
        for k in self.__dataclass_fields__:
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _ratio(a: float, b: int) -> str:
    return f"{a / b:.3f} ({a:g}/{b})" if b else "n/a"


# MEANTIME ---------------------------------------------------------------------------------------


def meantime(data_dir: Path) -> None:
    corpus_dir = data_dir / "meantime-en" / "intra_cross-doc_annotation"
    docs = [load_doc(p) for p in sorted(corpus_dir.glob("*/*.xml"))]
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in docs]
    quotes = fold_quotes(articles)
    parts: dict[str, Counts] = defaultdict(Counts)
    for doc in docs:
        c = _meantime_doc(doc, quotes[doc.id])
        parts["dev" if doc.corpus in MEANTIME_DEV else "held out"].add(c)
    print(f"MEANTIME English: {len(docs)} documents; dev {', '.join(MEANTIME_DEV)}; held out: the others")
    _print_meantime(parts)


def _meantime_doc(doc, quotes: Sequence[QuoteVariant]) -> Counts:
    c = Counts()
    instance_spans = defaultdict(list)
    for g in doc.mentions:
        if g.instance:
            instance_spans[g.instance].append((g.start, g.end))
    marks = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", doc.text)]

    def gold_spans(ev) -> list[tuple[int, int]]:
        spans = [(ev.arg0.start, ev.arg0.end)]
        return spans + (instance_spans[ev.arg0.instance] if ev.arg0.instance else [])

    def right(q: QuoteVariant, ev) -> bool:
        sp = _speaker(q)
        return sp is not None and any(_overlaps(sp, g) for g in gold_spans(ev))

    events = [ev for ev in doc.speech if ev.end <= doc.scored_until and not any(s <= ev.start < e for s, e in marks)]
    for ev in events:
        c.gold += 1
        span = (ev.start, ev.end)
        here = [q for q in quotes if _cue(q) and _overlaps(_cue(q), span)]
        here = here or [q for q in quotes if _extent(q)[0] <= ev.start < _extent(q)[1]]
        if not here:
            continue
        c.covered += 1
        c.speaker += any(right(q, ev) for q in here)
    for s, e in marks:
        sent = next(((a, b) for a, b in doc.sentences if a <= s < b), None)
        if sent is None or e > doc.scored_until or len(_TOKEN.findall(doc.text[s:e])) < 3:
            continue
        evs = [ev for ev in events if sent[0] <= ev.start < sent[1]]
        if not evs:
            continue
        ev = min(evs, key=lambda ev: min(abs(ev.start - s), abs(ev.start - e)))
        c.direct += 1
        mine = [q for q in quotes if q.kind == "direct" and _overlaps((q.start, q.end), (s, e))]
        c.direct_right += any(right(q, ev) for q in mine)
    return c


def _print_meantime(parts: dict[str, Counts]) -> None:
    whole = Counts()
    for c in parts.values():
        whole.add(c)
    for name, c in [*sorted(parts.items()), ("all", whole)]:
        print(f"  {name:9s} gold speech events {c.gold}: coverage {_ratio(c.covered, c.gold)}, "
              f"speaker accuracy {_ratio(c.speaker, c.gold)}; direct quotations {c.direct}: "
              f"speaker right {_ratio(c.direct_right, c.direct)}")


# AllSides ---------------------------------------------------------------------------------------


def allsides(data_dir: Path) -> None:
    rows = {r["id"]: r for r in roundups(data_dir)}
    gold = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = sorted({g["article"] for g in gold})
    articles = []
    for aid in ids:
        rid, side = aid.split("/")
        row = rows[int(rid)]
        n = row["news"][side]
        text = "\n".join([n["newsTitle"], *n["newBody"]]).replace("\xa0", " ")
        articles.append(Article(id=aid, source=aid, text=text, outlet=n["newsSource"],
                                published=dt.date.fromisoformat(row["date"][:10])))
    quotes = fold_quotes(articles)
    texts = {a.id: a.text for a in articles}
    parts: dict[str, Counts] = defaultdict(Counts)
    cue_gold: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for g in gold:
        c, cue_hit = _allsides_event(g, quotes[g["article"]], texts[g["article"]])
        parts[g["split"]].add(c)
        if g["cue"] is not None:
            cue_gold[g["split"]][0] += 1
            cue_gold[g["split"]][1] += cue_hit
    print(f"AllSides (eval/gold/attribution_allsides.jsonl): {len(gold)} events in {len(ids)} articles")
    whole, whole_cue = Counts(), [0, 0]
    for name in sorted(parts):
        whole.add(parts[name])
        whole_cue[0] += cue_gold[name][0]
        whole_cue[1] += cue_gold[name][1]
    for name, c, cg in [*((n, parts[n], cue_gold[n]) for n in sorted(parts)), ("all", whole, whole_cue)]:
        print(f"  {name:9s} events {c.gold}: cue recall {_ratio(cg[1], cg[0])}, speaker accuracy "
              f"{_ratio(c.speaker, c.gold)}, content F1 {c.f1_sum / max(c.gold, 1):.3f} over all "
              f"({c.f1_sum / max(c.covered, 1):.3f} over the {c.covered} matched); direct quotes speaker right "
              f"{_ratio(c.direct_right, c.direct)}; partial quotes found {_ratio(c.mixed_found, c.mixed)}")


def _tokens(text: str, start: int, end: int) -> set[int]:
    return {start + m.start() for m in _TOKEN.finditer(text[start:end])}


def _f1(text: str, a: tuple[int, int], b: tuple[int, int]) -> float:
    x, y = _tokens(text, *a), _tokens(text, *b)
    both = len(x & y)
    return 2 * both / (len(x) + len(y)) if both else 0.0


def _allsides_event(g: dict, quotes: Sequence[QuoteVariant], text: str) -> tuple[Counts, bool]:
    c = Counts(gold=1)
    content = (g["content"]["start"], g["content"]["end"])
    cue = (g["cue"]["start"], g["cue"]["end"]) if g["cue"] else None
    # one cue can introduce two quotes ("“A,” she said. “B.”"): of the records with the gold cue,
    # the one whose content is the gold content
    by_cue = sorted((q for q in quotes if cue and _cue(q) and _overlaps(_cue(q), cue)),
                    key=lambda q: -_f1(text, (q.start, q.end), content))
    by_content = sorted((q for q in quotes if _overlaps((q.start, q.end), content)),
                        key=lambda q: -_f1(text, (q.start, q.end), content))
    match = (by_cue or by_content)[:1]
    golds = [(g["speaker"]["start"], g["speaker"]["end"])]
    names = {g["speaker"]["text"].lower()}
    if g.get("speaker_ref"):
        golds.append((g["speaker_ref"]["start"], g["speaker_ref"]["end"]))
        names.add(g["speaker_ref"]["text"].lower())

    def right(q: QuoteVariant) -> bool:
        sp = _speaker(q)
        return (sp is not None and any(_overlaps(sp, x) for x in golds)) or (q.speaker or "").lower() in names

    if match:
        q = match[0]
        c.covered = 1
        c.speaker = int(right(q))
        c.f1_sum = _f1(text, (q.start, q.end), content)
    if g["kind"] == "direct":
        c.direct = 1
        c.direct_right = int(bool(match) and right(match[0]))
    if g["kind"] == "mixed":
        c.mixed = 1
        fragments = _fragments(text, *content)
        c.mixed_found = int(bool(fragments) and all(
            any(q.kind in ("mixed", "direct") and q.start <= s + 1 and e - 1 <= q.end for q in quotes) for s, e in fragments
        ))
    return c, bool(by_cue)


def _fragments(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The quoted fragments inside ``text[start:end]`` (their words, without the marks); a gold
    content that opens a quote it does not close (cut by the outlet's "...") gives its tail."""
    piece = text[start:end]
    found = [(start + m.start() + 1, start + m.end() - 1)
             for m in re.finditer(r"(?<!\w)[“\"‘'][^“”\"‘’]+?[”\"’'](?!\w)", piece)]
    if not found:
        m = re.search(r"(?<!\w)[“\"‘'](?=\w)", piece)
        if m:
            found = [(start + m.end(), end)]
    if not found and start > 0 and text[start - 1] in "“\"‘'" and re.match(r"[.,!?]?[”\"’']", text[end : end + 2]):
        found = [(start, end)]  # the gold content is the quoted words themselves, without their marks
    return found


def main(data_dir: Path, which: Iterable[str]) -> None:
    if "meantime" in which:
        meantime(data_dir)
        print()
    if "allsides" in which:
        allsides(data_dir)


if __name__ == "__main__":
    import os

    shared = os.environ.get("STORYFOLD_SHARED") or str(ROOT.parent / "shared")
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    only = [a[2:] for a in sys.argv[1:] if a.startswith("--")]
    main(Path(args[0]) if args else Path(shared) / "data", only or ("meantime", "allsides"))
