"""Dates and quantities against gold annotation: TempEval-3 platinum and MEANTIME (English).

    python eval/dates.py [DATA_DIR] [--tbaq=DIR]   # DATA_DIR defaults to ../shared/data

Prints, for storyfold's date grammar (and, on TempEval-3, dateparser's ``search_dates`` with the
DCT as relative base, for reference):

* TempEval-3 Task A on ``tempeval3-platinum``: strict and relaxed span P/R/F1, value and type F1
  (attribute correct over system / gold counts, as the task's scorer) and value accuracy (over
  relaxed matches);
* the same on TBAQ-cleaned (TimeBank 1.2 + AQUAINT as cleaned for TempEval-3, 256 news documents),
  split by sha1 of the file name into a dev half (``--errors`` prints its errors) and a test half that
  nobody reads while writing rules (its errors are never printed).
  It is not in the shared data: see eval/README.md for where to get it; ``--tbaq=DIR`` names the folder
  that holds its ``TimeBank`` and ``AQUAINT`` folders (default ``DATA_DIR/tbaq-cleaned``);
* the same on ``meantime-en`` (DCT = the CREATION_TIME timex), and the recall of gold VALUE
  markables (MONEY, PERCENT, QUANTITY) by the quantities stage (a span overlapping counts), a
  precision proxy and how often a figure's counted noun is the head of the entity mention that
  holds its QUANTITY (``counted_noun``), on a dev part (the airbus corpus: ``--errors`` prints its misses and unmatched
  figures), an untouched part (apple, gm and any other corpus: never printed) and all;
* time per document.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import html
import os
import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from storyfold.records import Quantity  # noqa: E402
from storyfold.stages.dates.dates import find_dates  # noqa: E402
from storyfold.stages.dates.estimate import estimate_published  # noqa: E402
from storyfold.stages.quantities import find_quantities  # noqa: E402


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    value: str | None
    type: str = "DATE"
    text: str = ""


@dataclass(slots=True)
class Doc:
    name: str
    text: str
    dct: dt.date
    timex: list[Span]
    values: list[Span]
    annotated_until: int | None = None  # MEANTIME annotates only the opening lines
    corpus: str = ""  # MEANTIME: the corpus folder (corpus_airbus, ...)
    counted: tuple[tuple[int, int, str], ...] = ()  # MEANTIME: a QUANTITY's span and the noun it counts


# --------------------------------------------------------------------------------------------
# Readers
# --------------------------------------------------------------------------------------------

# MEANTIME annotates the title, the dateline and the first sentences only: 591 of the 593 gold
# TIMEX3 and VALUE markables (of the documents with a usable DCT) lie on lines 0-5 of the text built here.
MEANTIME_LINES = 6

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")


def read_tml(path: Path) -> Doc:
    """A TempEval-3 gold file: the plain TEXT and its TIMEX3 spans, and the DCT."""
    raw = path.read_text(encoding="utf-8")
    dct = re.search(r'<DCT>\s*<TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
    assert dct, path
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text: list[str] = []
    pos = 0
    open_timex: tuple[int, dict[str, str]] | None = None
    timex: list[Span] = []
    last = 0
    for m in _TAG.finditer(body):
        chunk = html.unescape(body[last : m.start()])
        text.append(chunk)
        pos += len(chunk)
        last = m.end()
        if m.group(2) != "TIMEX3":
            continue
        if m.group(1):
            assert open_timex is not None
            start, attrs = open_timex
            timex.append(Span(start, pos, attrs.get("value"), attrs.get("type", "DATE")))
            open_timex = None
        else:
            open_timex = (pos, dict(re.findall(r'(\w+)="([^"]*)"', m.group(3))))
    text.append(html.unescape(body[last:]))
    plain = "".join(text)
    timex = [Span(s.start, s.end, s.value, s.type, plain[s.start : s.end]) for s in timex]
    return Doc(path.stem, plain, dt.date.fromisoformat(dct.group(1)), timex, [])


def read_meantime(path: Path) -> Doc | None:
    """A MEANTIME CAT file: tokens joined by spaces (sentences by newlines), its TIMEX3 and VALUE
    markables as character spans, and the DCT."""
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    where: dict[str, tuple[int, int]] = {}
    pos = 0
    sentence = None
    order: dict[str, int] = {}
    for tok in root.iter("token"):
        order[tok.get("t_id", "")] = len(order)
        if sentence is not None and tok.get("sentence") != sentence:
            pieces.append("\n")
            pos += 1
        elif sentence is not None:
            pieces.append(" ")
            pos += 1
        sentence = tok.get("sentence")
        word = tok.text or ""
        where[tok.get("t_id", "")] = (pos, pos + len(word))
        pieces.append(word)
        pos += len(word)
    text = "".join(pieces)
    dct: dt.date | None = None
    timex: list[Span] = []
    values: list[Span] = []
    markables = root.find("Markables")
    if markables is None:
        return None
    mentions: list[list[int]] = []
    quantities: list[list[int]] = []
    for el in markables:
        anchors = [where[a.get("t_id", "")] for a in el.findall("token_anchor") if a.get("t_id") in where]
        ids = sorted(order[a.get("t_id", "")] for a in el.findall("token_anchor") if a.get("t_id") in order)
        if ids and el.tag == "ENTITY_MENTION":
            mentions.append(ids)
        elif ids and el.tag == "VALUE" and el.get("type") == "QUANTITY":
            quantities.append(ids)
        if el.tag == "TIMEX3" and el.get("functionInDocument") == "CREATION_TIME":
            m = re.match(r"\d{4}-\d{2}-\d{2}", el.get("value", ""))
            dct = dt.date.fromisoformat(m.group()) if m else None
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        if el.tag == "TIMEX3":
            timex.append(Span(start, end, el.get("value"), el.get("type", "DATE"), text[start:end]))
        elif el.tag == "VALUE":
            values.append(Span(start, end, el.get("type"), el.get("type", ""), text[start:end]))
    if dct is None:
        return None
    lines = text.split("\n")
    until = sum(len(line) + 1 for line in lines[: MEANTIME_LINES])
    words = [w for w in pieces if w not in (" ", "\n")]
    spans = list(where.values())
    counted = []
    for ids in quantities:
        head = counted_noun(words, ids, mentions)
        if head is not None:
            counted.append((spans[ids[0]][0], spans[ids[-1]][1], head))
    return Doc(path.stem, text, dct, timex, values, until, path.parent.name, tuple(counted))


_DETERMINERS = frozenset({"the", "its", "their", "those", "these", "a", "an", "our", "his", "her", "all"})
_HEAD_STOPS = frozenset({"of", "(", ")", ",", "including", "on", "for", "in", "which", "that", "who", "to", "from",
                         "with", "at", "by", "plus", "or", "over", "per", "a"})


def counted_noun(words: list[str], value: list[int], mentions: list[list[int]]) -> str | None:
    """The noun a QUANTITY counts, read from the smallest entity mention that holds it and goes on
    after it ("179 new aerial refueling tankers" -> "tankers"; "20 of Boeing 's larger 777 planes"
    -> "planes"): after a partitive "of", its determiner or possessor, the words up to a preposition,
    comma or participle, cut after the first plural; None when no mention goes on after the figure."""
    last = value[-1]
    holding = [m for m in mentions if set(value) <= set(m) and m[-1] > last]
    if not holding:
        return None
    rest = [words[i] for i in min(holding, key=len) if i > last]
    if rest and rest[0] == "of":
        rest = rest[1:]
        own = next((k for k, w in enumerate(rest[:4]) if w in ("'s", "'")), None)
        rest = rest[own + 1 :] if own is not None else rest
    while rest and (rest[0].lower() in _DETERMINERS or rest[0] in ("and", "+") or rest[0][:1].isdigit()
                    and rest[1:2] not in ([], ["("])):
        rest = rest[1:]
    run: list[str] = []
    for w in rest:
        if w.lower() in _HEAD_STOPS or (run and w.isalpha() and w.islower() and w.endswith("ed")):
            break
        if w in ("'s", "'") and run:
            run[-1] += w
            continue
        run.append(w)
        if re.fullmatch(r"[A-Za-z0-9-]*[A-Za-z0-9]s", w) and not w.lower().endswith(("ss", "us", "is")):
            break
    return run[-1] if run else None


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def _overlap(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _norm_value(v: str | None) -> str | None:
    return v.strip() if v else v


def score(pairs: list[tuple[list[Span], list[Span]]]) -> dict[str, float]:
    """TempEval-3 Task A figures over documents of (gold, system) spans."""
    n_gold = n_sys = strict = relaxed_sys = relaxed_gold = value_ok = type_ok = 0
    for gold, system in pairs:
        n_gold += len(gold)
        n_sys += len(system)
        strict += sum(1 for s in system if any(g.start == s.start and g.end == s.end for g in gold))
        relaxed_sys += sum(1 for s in system if any(_overlap(g, s) for g in gold))
        relaxed_gold += sum(1 for g in gold if any(_overlap(g, s) for s in system))
        used: set[int] = set()
        for g in gold:
            match = next((i for i, s in enumerate(system) if i not in used and _overlap(g, s)), None)
            if match is None:
                continue
            used.add(match)
            s = system[match]
            value_ok += _norm_value(s.value) == _norm_value(g.value)
            type_ok += s.type == g.type
    sp, sr = strict / max(n_sys, 1), strict / max(n_gold, 1)
    rp, rr = relaxed_sys / max(n_sys, 1), relaxed_gold / max(n_gold, 1)
    vp, vr = value_ok / max(n_sys, 1), value_ok / max(n_gold, 1)
    tp, tr = type_ok / max(n_sys, 1), type_ok / max(n_gold, 1)
    return {
        "gold": n_gold, "system": n_sys,
        "strict_p": sp, "strict_r": sr, "strict_f1": _f1(sp, sr),
        "relaxed_p": rp, "relaxed_r": rr, "relaxed_f1": _f1(rp, rr),
        "value_f1": _f1(vp, vr), "type_f1": _f1(tp, tr),
        "value_accuracy": value_ok / max(relaxed_gold, 1),
    }


def _scored(doc: Doc, spans: list[Span]) -> list[Span]:
    return [s for s in spans if doc.annotated_until is None or s.start < doc.annotated_until]


def storyfold_spans(doc: Doc) -> list[Span]:
    return _scored(doc, [Span(d.start, d.end, d.value, d.type, d.text) for d in find_dates(doc.text, doc.dct)])


def dateparser_spans(doc: Doc) -> list[Span]:
    """dateparser 1.5's ``search_dates`` with the DCT as relative base (day values only)."""
    from dateparser.search import search_dates

    base = dt.datetime.combine(doc.dct, dt.time())
    found = search_dates(doc.text, languages=["en"], settings={"RELATIVE_BASE": base,
                                                                 "PREFER_DATES_FROM": "current_period"}) or []
    spans: list[Span] = []
    cursor = 0
    for phrase, when in found:
        i = doc.text.find(phrase, cursor)
        if i < 0:
            continue
        cursor = i + len(phrase)
        spans.append(Span(i, i + len(phrase), when.date().isoformat(), "DATE", phrase))
    return _scored(doc, spans)


def _print_scores(label: str, s: dict[str, float], seconds: float, docs: int) -> None:
    print(
        f"  {label:28} gold={s['gold']:4d} sys={s['system']:4d}  strict P/R/F1 {s['strict_p']:.3f}/"
        f"{s['strict_r']:.3f}/{s['strict_f1']:.3f}  relaxed P/R/F1 {s['relaxed_p']:.3f}/{s['relaxed_r']:.3f}/"
        f"{s['relaxed_f1']:.3f}  value F1 {s['value_f1']:.3f}  value acc {s['value_accuracy']:.3f}  "
        f"type F1 {s['type_f1']:.3f}  {1000 * seconds / max(docs, 1):.1f} ms/doc"
    )


def _run(docs: list[Doc], fn) -> tuple[dict[str, float], float, list[tuple[list[Span], list[Span]]]]:
    t0 = time.perf_counter()
    pairs = [(d.timex, fn(d)) for d in docs]
    return score(pairs), time.perf_counter() - t0, pairs


def _errors(docs: list[Doc], pairs: list[tuple[list[Span], list[Span]]], limit: int) -> None:
    shown = 0
    for doc, (gold, system) in zip(docs, pairs, strict=True):
        for g in gold:
            s = next((s for s in system if _overlap(g, s)), None)
            if s is None or s.value != g.value:
                print(f"    {doc.name}: gold {g.text!r}={g.value}  system "
                      f"{(s.text + '=' + str(s.value)) if s else '-'}")
                shown += 1
                if shown >= limit:
                    return


# Dates in the seed articles: (file prefix, the phrase holding the date, the value it must resolve to).
SEED_CHECKS = (
    ("001", "in northwest London on Thursday", "2025-03-20"), ("001", "at the weekend", "2025-W11-WE"),
    ("001", "on Saturday", "2025-03-15"), ("001", "on Sunday", "2025-03-16"), ("001", "In January", "2025-01"),
    ("001", "In April", "2025-04"), ("001", "On Tuesday Healey", "2025-03-18"),
    ("002", "said on Tuesday", "2025-08-19"), ("002", "on Monday", "2025-08-18"), ("002", "June 2024", "2024-06"),
    ("002", "in 2022", "2022"), ("002", "the next ten years", "P10Y"), ("003", "Last year", "2024"),
    ("003", "Since March", "2025-03"), ("003", "on Monday", "2025-08-18"), ("003", "on Tuesday", "2025-08-19"),
    ("004", "early 2025", "2025"), ("004", "on Monday", "2025-08-18"),
)


def seeds(repo: Path) -> None:
    """The seed checks with the manifest's dates, and what is resolved without them."""
    import json

    folder = repo / "examples" / "seeds"
    rows = [json.loads(line) for line in (folder / "manifest.jsonl").read_text(encoding="utf-8").splitlines()]
    texts = {r["file"][:3]: (folder / r["file"]).read_text(encoding="utf-8") for r in rows}
    published = {r["file"][:3]: dt.date.fromisoformat(r["published"]) if r["published"] else None for r in rows}
    right = 0
    for prefix, phrase, value in SEED_CHECKS:
        text = texts[prefix]
        at = text.index(phrase)
        got = [d.value for d in find_dates(text, published[prefix]) if at <= d.start < at + len(phrase)]
        right += got[:1] == [value]
        if got[:1] != [value]:
            print(f"    wrong: {prefix} {phrase!r}: {got} (expected {value})")
    invented = relative = 0
    for text in texts.values():
        for d in find_dates(text, None):
            if d.relative and d.type != "DURATION":
                relative += 1
                invented += d.value is not None and d.value[:1].isdigit()
    estimates = sum(estimate_published(t) is not None for t in texts.values())
    print(f"Seeds: {right}/{len(SEED_CHECKS)} dates right with the manifest; without it {relative} relative "
          f"expressions, {invented} given a calendar value, {estimates} publication dates estimated")


def default_data() -> Path:
    """``$STORYFOLD_SHARED/data``, else ``../shared/data`` beside the repository."""
    shared = os.environ.get("STORYFOLD_SHARED")
    return Path(shared) / "data" if shared else Path(__file__).resolve().parents[1] / ".." / "shared" / "data"


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show = "--errors" in argv
    data = Path(args[0]) if args else default_data()
    seeds(Path(__file__).resolve().parents[1])
    te3 = data / "tempeval3-platinum" / "te3-platinum"
    if te3.is_dir():
        docs = [read_tml(p) for p in sorted(te3.glob("*.tml"))]
        inputs = {p.name.split(".")[0].lower().replace("sarkozy", "sarcozy"): p
                  for p in (data / "tempeval3-platinum" / "te3-platinum-input").glob("*.TE3input")}
        same = sum(1 for d in docs if d.name.lower() in inputs
                   and _input_text(inputs[d.name.lower()]) == d.text)
        print(f"TempEval-3 platinum ({len(docs)} documents; gold text equals the task input in {same}):")
        s, secs, pairs = _run(docs, storyfold_spans)
        _print_scores("storyfold dates", s, secs, len(docs))
        if show:
            _errors(docs, pairs, 80)
        try:
            s, secs, _ = _run(docs, dateparser_spans)
            _print_scores("dateparser search_dates", s, secs, len(docs))
        except ImportError:
            print("  dateparser is not installed: its reference line is left out")
        print("  reference (literature): HeidelTime value F1 0.776, strict F1 0.813, relaxed F1 0.903")
    else:
        print(f"TempEval-3 platinum not found under {data}")
    tbaq = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--tbaq=")), data / "tbaq-cleaned")
    files = sorted(tbaq.glob("*/*.tml"))
    if files:
        docs = [read_tml(p) for p in files if not p.name.startswith("._")]
        print(f"TBAQ-cleaned ({len(docs)} documents; split by sha1 of the file name: dev may be read, "
              f"test never is):")
        for part in ("dev", "test", "all"):
            some = [d for d in docs if part == "all" or tbaq_part(d.name) == part]
            s, secs, pairs = _run(some, storyfold_spans)
            _print_scores(f"storyfold dates, {part} ({len(some)})", s, secs, len(some))
            if show and part == "dev":
                _errors(some, pairs, 80)
    else:
        print(f"TBAQ-cleaned not found under {tbaq} (see eval/README.md)")
    mt = data / "meantime-en" / "intra_cross-doc_annotation"
    if mt.is_dir():
        docs = [d for p in sorted(mt.glob("*/*.xml")) if (d := read_meantime(p)) is not None]
        total_files = len(list(mt.glob("*/*.xml")))
        print(f"MEANTIME English ({len(docs)} of {total_files} documents have a usable DCT; "
              f"lines 0-{MEANTIME_LINES - 1} scored, as annotated):")
        s, secs, pairs = _run(docs, storyfold_spans)
        _print_scores("storyfold dates", s, secs, len(docs))
        if show:
            _errors(docs, pairs, 40)
        quantities_report(docs, show)
    else:
        print(f"MEANTIME not found under {data}")
    return 0


# MEANTIME corpora whose quantity misses and false positives may be read while writing rules; the
# others (apple, gm and any further corpus) are never read, as in eval/attribution.py.
MEANTIME_DEV = ("corpus_airbus",)


def meantime_part(doc: Doc) -> str:
    """``dev`` for a document of a development corpus, ``untouched`` for any other."""
    return "dev" if doc.corpus in MEANTIME_DEV else "untouched"


def _word(w: str) -> str:
    return w.lower().replace("'s", "").replace("'", "").replace("\u2019", "")


def counts_right(q: Quantity, head: str) -> bool:
    """Whether the figure ``q`` counts ``head``: the last word of its ``counts``, or, for a measure,
    its unit as written ("17,446 kilometers")."""
    words = ([q.counts.split()[-1]] if q.counts else []) + ([q.text.split()[-1]] if q.unit else [])
    return _word(head) in {_word(w) for w in words}


def quantities_report(docs: list[Doc], show: bool) -> None:
    """VALUE recall and the precision proxy of the quantities stage on MEANTIME's dev part, its
    untouched part and all; with ``show`` the dev part's misses and unmatched figures."""
    t0 = time.perf_counter()
    every = {(doc.corpus, doc.name): find_quantities(doc.text) for doc in docs}
    # Recall against every figure (two gold VALUEs lie past the annotated lines); precision on those lines.
    found_by_doc = {key: [q for q in qs if doc.annotated_until is None or q.start < doc.annotated_until]
                    for doc in docs for key, qs in [((doc.corpus, doc.name), every[doc.corpus, doc.name])]}
    secs = time.perf_counter() - t0
    for part in ("dev", "untouched", "all"):
        some = [d for d in docs if part == "all" or meantime_part(d) == part]
        found: Counter[str] = Counter()
        total: Counter[str] = Counter()
        n_sys = n_hit = n_counted = n_right = 0
        for doc in some:
            qs = found_by_doc[doc.corpus, doc.name]
            for start, end, head in doc.counted:
                n_counted += 1
                q = next((q for q in every[doc.corpus, doc.name] if q.start < end and start < q.end), None)
                n_right += q is not None and counts_right(q, head)
            n_sys += len(qs)
            gold_spans = doc.values + doc.timex
            n_hit += sum(1 for q in qs if any(q.start < g.end and g.start < q.end for g in gold_spans))
            for g in doc.values:
                total[g.type] += 1
                found[g.type] += any(q.start < g.end and g.start < q.end for q in every[doc.corpus, doc.name])
        kinds = "  ".join(f"{k} {found[k]}/{total[k]} = {found[k] / total[k]:.3f}" for k in sorted(total))
        label = f"{part} ({len(some)} docs)"
        print(f"  quantities, {label:20} VALUE recall {sum(found.values())}/{sum(total.values())} = "
              f"{sum(found.values()) / max(sum(total.values()), 1):.3f}  ({kinds});  precision proxy "
              f"{n_hit}/{n_sys} = {n_hit / max(n_sys, 1):.3f};  counted noun right {n_right}/{n_counted} = "
              f"{n_right / max(n_counted, 1):.3f}")
    print("  (precision proxy: found figures on the annotated lines that overlap a gold VALUE or TIMEX3; "
          "MEANTIME leaves counts such as '5th' or 'two sizes' unmarked; counted noun: of the QUANTITY values "
          "inside an entity mention that goes on after them, the found figure's counted noun, or its unit word, "
          f"is the mention's head, see counted_noun); {1000 * secs / max(len(docs), 1):.1f} "
          "ms/doc")
    if not show:
        return
    for doc in docs:
        if meantime_part(doc) != "dev":
            continue
        qs = found_by_doc[doc.corpus, doc.name]
        for g in doc.values:
            if not any(q.start < g.end and g.start < q.end for q in every[doc.corpus, doc.name]):
                print(f"    missed {g.type}: {g.text!r}  in {doc.text[max(0, g.start - 40):g.end + 30]!r}")
        for q in qs:
            if not any(q.start < g.end and g.start < q.end for g in doc.values + doc.timex):
                print(f"    unmatched: {q.text!r}  in {doc.text[max(0, q.start - 40):q.end + 30]!r}")


def tbaq_part(name: str) -> str:
    """The TBAQ-cleaned document's part: ``dev`` (its errors may be read) or ``test`` (never read)."""
    return "test" if hashlib.sha1(name.encode("utf-8")).digest()[0] % 2 else "dev"


def _input_text(path: Path) -> str:
    raw = path.read_text(encoding="utf-8")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    return html.unescape(_TAG.sub("", body))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
