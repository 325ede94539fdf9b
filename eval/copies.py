"""Copies, near-duplicates and rewrites: precision and recall per relation kind.

    python eval/copies.py [DATA_DIR] [--sources 120] [--ecb-split all|train|dev] [--seed 1] [--incremental N]
                          [--parts seeds,ecb,synthetic] [--audit-ecb FILE.csv]

Three parts, all run through :func:`storyfold.stages.copies.dedup.find_relations` (what the ``dedup`` stage
runs):

(a) the seeds (examples/seeds, manifest dates): gold is 000 derived from 001 (rewrite), nothing else;
(b) ECB+ (DATA_DIR/ecbplus/texts.jsonl), one topic at a time: every pair of documents about the same
    seminal event (same sub-topic) and about the other event of the topic is a hard negative, except
    pairs that are the same text (>= 80% of the shorter one's word 8-grams in the other): ECB+ holds
    some wire stories twice; those are reported apart as copies present in the data. Every pair
    called a copy is printed with its verbatim overlap, so the calls can be audited; the same-event
    ones are broken down by their evidence, and ``--audit-ecb`` writes them, with the reading of
    ``eval/gold/ecb_same_event_links.csv``, as a table;
(c) a synthetic set built from real article texts (Scrapinghub ground-truth bodies and long ECB+
    documents as sources; NeuS/AllSides left/center/right reports of one story as same-story hard
    negatives). Each source gets one variant: a near-duplicate (truncation, added boilerplate,
    paragraph reordering, or light word edits) or a rewrite (sentences dropped, adjacent sentences
    swapped, long sentences split and short ones merged, attributions moved, words swapped for
    synonyms, and in half of them one unrelated sentence added). These rewrites are mechanical and
    keep most wording and every name and number: they are easier than human or LLM rewrites.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import functools
import itertools
import json
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from allsides import roundups  # noqa: E402  (eval/allsides.py)

from storyfold.records import Article, Relation  # noqa: E402
from storyfold.stages.clean import clean_text  # noqa: E402
from storyfold.stages.copies.dedup import RewriteRule, document_vectors, evidence, find_relations  # noqa: E402
from storyfold.stages.copies.near_dup import normalise  # noqa: E402
from storyfold.stages.copies.rewrite import align, profile  # noqa: E402
from storyfold.text.sentences import sentence_spans  # noqa: E402

KINDS = ("exact", "near_duplicate", "rewrite")

SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "announced": "revealed", "big": "large",
    "large": "big", "help": "assist", "start": "begin", "began": "started", "started": "began",
    "about": "around", "around": "about", "show": "reveal", "showed": "revealed", "important": "key",
    "key": "crucial", "major": "significant", "people": "individuals", "children": "kids", "buy": "purchase",
    "bought": "purchased", "need": "require", "needs": "requires", "use": "utilise", "used": "employed",
    "however": "nevertheless", "also": "additionally", "but": "yet", "quickly": "rapidly", "fast": "rapid",
    "many": "numerous", "often": "frequently", "get": "obtain", "got": "obtained", "want": "wish",
    "wanted": "wished", "make": "create", "made": "created", "think": "believe", "thought": "believed",
    "try": "attempt", "tried": "attempted", "end": "conclusion", "world": "globe", "country": "nation",
    "company": "firm", "officials": "authorities", "police": "officers", "city": "town", "home": "house",
    "week": "seven days", "hard": "difficult", "small": "little", "begin": "commence", "allow": "permit",
    "after": "following", "before": "prior to", "because": "since", "during": "throughout", "while": "whereas",
    "if": "should", "when": "once", "than": "compared with", "which": "that", "who": "that", "is": "remains",
    "was": "had been", "are": "remain", "were": "had been", "will": "is set to", "would": "could",
    "has": "had", "have": "had", "not": "never", "more": "further", "most": "the majority of", "new": "fresh",
    "first": "initial", "last": "previous", "year": "twelve months", "years": "years' time", "time": "occasion",
    "government": "administration", "state": "region", "group": "body", "president": "leader", "team": "side",
    "according": "per", "including": "such as", "killed": "slain", "died": "passed away", "win": "victory",
    "lost": "was defeated in", "game": "match", "found": "discovered", "took": "seized", "set": "established",
    "called": "named", "asked": "requested", "added": "continued", "went": "headed", "came": "arrived",
    "number": "count", "part": "portion", "high": "elevated", "good": "positive", "long": "lengthy",
    "early": "initial", "still": "yet", "then": "subsequently", "now": "currently", "there": "in that place",
    "out": "outside", "up": "upward", "over": "above", "under": "beneath", "into": "inside", "off": "away",
}
BOILERPLATE = (
    "Sign up for our daily newsletter to get the latest headlines in your inbox.",
    "Follow us on Twitter and Facebook for more updates.",
    "This story has been updated with additional reporting.",
    "Related: Full coverage of this story on our live blog.",
    "Photo: Staff photographer / Getty Images",
    "Copyright 2021 The Associated Press. All rights reserved.",
    "Have a news tip? Contact our newsroom.",
)


# --------------------------------------------------------------------------------------------
# Data
# --------------------------------------------------------------------------------------------


def load_ecb(data: Path) -> list[dict]:
    with (data / "ecbplus" / "texts.jsonl").open(encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def source_texts(data: Path, ecb: list[dict]) -> list[str]:
    gt = json.loads((data / "scrapinghub-article-extraction" / "ground-truth.json").read_text(encoding="utf-8"))
    texts = [v["articleBody"] for v in gt.values() if len(sentence_spans(v.get("articleBody", ""))) >= 8]
    seen: set[str] = set()  # one document per ECB+ sub-topic: two reports of one event are not copies
    for d in ecb:
        if len(d["sentences"]) >= 10 and d["subtopic"] not in seen:
            seen.add(d["subtopic"])
            texts.append("\n".join(d["sentences"]))
    return texts


def neus_stories(data: Path) -> list[list[str]]:
    stories = []
    for r in roundups(data):
        sides = [("\n".join(s.get("newBody") or [])).strip() for s in r.get("news", {}).values()]
        sides = [s for s in sides if len(sentence_spans(s)) >= 4]
        if len(sides) >= 2:
            stories.append(sides)
    return stories


# --------------------------------------------------------------------------------------------
# Synthetic variants
# --------------------------------------------------------------------------------------------


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def _synonyms(sentence: str, rng: random.Random, p: float) -> str:
    def swap(m: re.Match[str]) -> str:
        w = m.group()
        alt = SYNONYMS.get(w.lower())
        if alt is None or rng.random() > p or (w[0].isupper() and m.start() > 0):  # names stay
            return w
        return alt.capitalize() if w[0].isupper() else alt

    return re.sub(r"[A-Za-z]+", swap, sentence)


def near_duplicate(text: str, how: str, rng: random.Random) -> str:
    if how == "truncation":
        sents = _sentences(text)
        return "\n".join(sents[: max(3, int(len(sents) * rng.uniform(0.7, 0.9)))])
    if how == "boilerplate":
        extra = rng.sample(BOILERPLATE, 3)
        return f"{extra[0]}\n\n{text}\n\n{extra[1]}\n{extra[2]}"
    if how == "reorder":
        paras = [p for p in text.split("\n") if p.strip()]
        if len(paras) < 4:
            paras = _sentences(text)
        head, rest = paras[:1], paras[1:]
        rng.shuffle(rest)
        return "\n".join(head + rest)
    words = text.split(" ")  # light edits: ~4% of words changed, dropped or swapped for a synonym
    for _ in range(max(2, len(words) // 25)):
        i = rng.randrange(len(words))
        roll = rng.random()
        if roll < 0.4:
            words[i] = SYNONYMS.get(words[i].lower(), words[i])
        elif roll < 0.7 and len(words) > 10:
            words.pop(i)
        else:
            words[i] = words[i] + " really" if words[i].isalpha() else words[i]
    return " ".join(words)


def rewrite(text: str, rng: random.Random, unrelated: str | None) -> str:
    sents = _sentences(text)
    out = [sents[0]] + [s for s in sents[1:] if rng.random() > 0.25]
    edited: list[str] = []
    for s in out:
        m = re.match(r"^(.{40,}?)[,;] (and|but|which|while) (.{25,})$", s)
        if m and rng.random() < 0.5:  # split a long sentence
            edited += [m.group(1).rstrip() + ".", m.group(3)[0].upper() + m.group(3)[1:]]
            continue
        m = re.match(r"^((?:On|In|At|After|Before|During|Since|Despite|While|When|As) [^,]{3,60}), (.{20,})\.$", s)
        if m and rng.random() < 0.8:  # move a leading adverbial to the end
            s = f"{m.group(2)[0].upper()}{m.group(2)[1:]}, {m.group(1)[0].lower()}{m.group(1)[1:]}."
        m = re.match(r"^(.{25,}), ([A-Z][\w.]*(?: [\w.]+){0,3}) (said|told reporters|says)\.$", s)
        if m and rng.random() < 0.7:  # move the attribution to the front
            s = f"{m.group(2)} {m.group(3)} that {m.group(1)[0].lower()}{m.group(1)[1:]}."
        if edited and len(s.split()) < 14 and len(edited[-1].split()) < 14 and rng.random() < 0.3:
            edited[-1] = edited[-1].rstrip(".") + ", and " + s[0].lower() + s[1:]  # merge two short ones
            continue
        edited.append(s)
    edited = [_synonyms(s, rng, 1.0) for s in edited]
    for _ in range(2):  # swap two adjacent sentences after the lead
        if len(edited) > 3:
            i = rng.randrange(1, len(edited) - 1)
            edited[i], edited[i + 1] = edited[i + 1], edited[i]
    if unrelated is not None:
        edited.insert(rng.randrange(1, len(edited) + 1), unrelated)
    return "\n\n".join(" ".join(edited[i : i + 2]) for i in range(0, len(edited), 2))


def synthetic(data: Path, ecb: list[dict], n_sources: int, seed: int) -> tuple[list[Article], set[tuple[str, str, str]]]:
    rng = random.Random(seed)
    texts = source_texts(data, ecb)
    rng.shuffle(texts)
    texts = texts[:n_sources]
    articles: list[Article] = []
    gold: set[tuple[str, str, str]] = set()
    near_kinds = ("truncation", "boilerplate", "reorder", "light-edits")
    for k, text in enumerate(texts):
        src = f"src{k:03d}"
        articles.append(Article(id=src, source=src, text=text))
        if k % 2 == 0:
            how = near_kinds[(k // 2) % len(near_kinds)]
            variant, kind = near_duplicate(text, how, rng), "near_duplicate"
        else:
            other = _sentences(texts[(k + 7) % len(texts)])
            unrelated = rng.choice(other[1:] or other) if rng.random() < 0.5 else None
            variant, kind = rewrite(text, rng, unrelated), "rewrite"
            how = "rewrite"
        vid = f"var{k:03d}-{how}"
        variant = clean_text(variant)[0]
        if normalise(variant) == normalise(text):  # the cleaner took the added boilerplate out again
            kind = "exact"
        articles.append(Article(id=vid, source=vid, text=variant))
        gold.add((src, vid, kind))
    for s, sides in enumerate(neus_stories(data)[: n_sources // 2]):
        for j, side in enumerate(sides):
            articles.append(Article(id=f"neus{s:03d}-{j}", source="neus", text=side))
    return articles, gold


# --------------------------------------------------------------------------------------------
# Scoring
# --------------------------------------------------------------------------------------------


def score(relations: Sequence[Relation], gold: set[tuple[str, str, str]]) -> dict[str, dict[str, float | int]]:
    gold_kind = {frozenset((a, b)): k for a, b, k in gold}
    gold_dir = {frozenset((a, b)): a for a, b, _ in gold}
    out: dict[str, dict[str, float | int]] = {}
    for kind in (*KINDS, "any"):
        pred = [r for r in relations if kind == "any" or r.kind == kind]
        tp = [r for r in pred if gold_kind.get(frozenset((r.a, r.b))) in ((kind,) if kind != "any" else KINDS)]
        n_gold = sum(1 for _, _, k in gold if kind == "any" or k == kind)
        out[kind] = {
            "predicted": len(pred),
            "gold": n_gold,
            "tp": len(tp),
            "precision": len(tp) / len(pred) if pred else float("nan"),
            "recall": len(tp) / n_gold if n_gold else float("nan"),
            "direction_ok": sum(gold_dir[frozenset((r.a, r.b))] == r.a for r in tp),
        }
    return out


def print_scores(title: str, scores: dict[str, dict[str, float | int]]) -> None:
    print(f"\n{title}")
    print(f"  {'kind':15} {'pred':>5} {'gold':>5} {'tp':>5} {'precision':>9} {'recall':>7} {'direction ok':>12}")
    for kind, s in scores.items():
        if s["predicted"] or s["gold"]:
            print(f"  {kind:15} {s['predicted']:5d} {s['gold']:5d} {s['tp']:5d} {s['precision']:9.3f} {s['recall']:7.3f} "
                  f"{s['direction_ok']:>6d}/{s['tp']:<5d}")


def verbatim_share(a: str, b: str, n: int = 8) -> float:
    """Share of ``b``'s word ``n``-grams that occur in ``a``."""
    wa, wb = normalise(a).split(), normalise(b).split()
    ga = {tuple(wa[i : i + n]) for i in range(len(wa) - n + 1)}
    gb = [tuple(wb[i : i + n]) for i in range(len(wb) - n + 1)]
    return sum(g in ga for g in gb) / len(gb) if gb else 0.0


# --------------------------------------------------------------------------------------------
# Parts
# --------------------------------------------------------------------------------------------


def eval_seeds() -> None:
    seeds = ROOT / "examples" / "seeds"
    manifest = {json.loads(x)["file"]: json.loads(x) for x in (seeds / "manifest.jsonl").read_text().splitlines()}
    articles = []
    for path in sorted(seeds.glob("*.txt")):
        meta = manifest[path.name]
        published = dt.date.fromisoformat(meta["published"]) if meta["published"] else None
        articles.append(Article(id=path.name[:3], source=path.name, text=clean_text(path.read_text(encoding="utf-8"))[0],
                                outlet=meta["outlet"], published=published))
    rels = find_relations(articles)
    print_scores("(a) seeds: gold = 000 derived from 001 (rewrite), no other pair", score(rels, {("001", "000", "rewrite")}))
    for r in rels:
        print(f"  found {r.a} -> {r.b} {r.kind} similarity {r.similarity}; {len(r.aligned)} aligned sentences, "
              f"{len(r.unsupported)} unsupported, dropped qualifiers {list(r.dropped_qualifiers)}")


VERBATIM_COPY = 0.8  # share of the shorter text's word 8-grams found in the other: the same text


def eval_ecb(ecb: list[dict], split: str, audit: Path | None = None) -> None:
    """Every ECB+ pair of one topic is a hard negative, except the pairs that are the same text: ECB+
    itself holds some wire stories twice (>= 80% of the shorter one's word 8-grams in the other).
    Those are reported apart, as copies present in the data, with their overlap; every other pair
    called a copy is a false link. The same-event false links are broken down by their evidence
    (:func:`audit_row`); with ``audit``, every one of them and every pair of the judged list
    (``JUDGED``) is written there as a CSV row."""
    docs = [d for d in ecb if split == "all" or d["split"] == split]
    by_topic: dict[int, list[dict]] = defaultdict(list)
    for d in docs:
        by_topic[d["topic"]].append(d)
    same = cross = 0
    present: dict[frozenset[str], float] = {}  # same-event pairs that are the same text, with their overlap
    called: list[tuple[Relation, bool, float]] = []
    texts: dict[str, str] = {}
    splits = {d["doc_id"]: d["split"] for d in docs}
    embedder = _embedder()
    for topic in sorted(by_topic):
        group = by_topic[topic]
        sub = {d["doc_id"]: d["subtopic"] for d in group}
        text = {d["doc_id"]: "\n".join(d["sentences"]) for d in group}
        texts.update(text)
        for x, y in itertools.combinations(group, 2):
            if x["subtopic"] == y["subtopic"]:
                same += 1
            else:
                cross += 1
            v = copy_overlap(text[x["doc_id"]], text[y["doc_id"]])
            if v >= VERBATIM_COPY:
                present[frozenset((x["doc_id"], y["doc_id"]))] = v
        arts = [Article(id=d["doc_id"], source=d["doc_id"], text=text[d["doc_id"]]) for d in group]
        for r in find_relations(arts, embedder=embedder):
            called.append((r, sub[r.a] == sub[r.b], copy_overlap(text[r.a], text[r.b])))
    print(f"\n(b) ECB+ ({split}: {len(docs)} documents, {len(by_topic)} topics): {same} same-event pairs and "
          f"{cross} same-topic different-event pairs; {len(present)} pairs are the same text (copies present in the "
          f"data: >= {VERBATIM_COPY:.0%} of the shorter text's word 8-grams in the other), the rest are hard negatives")
    print(f"  {'called':15} {'copies present':>14} {'false links: same event':>24} {'different event':>16}")
    for kind in KINDS:
        rs = [c for c in called if c[0].kind == kind]
        hit = [c for c in rs if frozenset((c[0].a, c[0].b)) in present]
        print(f"  {kind:15} {len(hit):14d} {sum(s for r, s, _ in rs if frozenset((r.a, r.b)) not in present):24d} "
              f"{sum(not s for r, s, _ in rs if frozenset((r.a, r.b)) not in present):16d}")
    group: dict[str, str] = {}  # lineages: a copy of a copy is linked to both

    def root(x: str) -> str:
        while group.get(x, x) != x:
            x = group[x]
        return x

    for r, _, _ in called:
        group[root(r.b)] = root(r.a)
    linked = {k for k in present if len({root(x) for x in k}) == 1}
    print(f"  copies present in the data linked (same lineage): {len(linked)} of {len(present)}; not linked: "
          + (", ".join(f"{'/'.join(sorted(k))} ({v:.2f})" for k, v in sorted(present.items(), key=lambda kv: kv[1]) if k not in linked) or "none"))
    for r, s, v in sorted(called, key=lambda c: c[2]):
        tag = "copy present in the data" if frozenset((r.a, r.b)) in present else ("FALSE LINK" if s else "FALSE LINK, DIFFERENT EVENT")
        print(f"    {r.a} -> {r.b} {r.kind:14} sim {r.similarity:.3f} verbatim 8-gram overlap {v:.2f}  {tag}")
    false_same = {frozenset((r.a, r.b)): r for r, s, _ in called if s and frozenset((r.a, r.b)) not in present}
    judged = {k: v for k, v in load_judged().items() if k <= texts.keys()}
    vectors: dict[str, Any] = {}  # each document's sentences embedded once for the audit
    rows = [{"split": splits[pair[0]], **audit_row(texts, pair, false_same.get(frozenset(pair)), embedder,
                                                   judged.get(frozenset(pair)), vectors)}
            for pair in [(r.a, r.b) for r in false_same.values()] + [tuple(j["pair"]) for k, j in judged.items() if k not in false_same]]
    linked_rows = [row for row in rows if row["called"] != "not linked"]
    by_class = defaultdict(list)
    for row in linked_rows:
        by_class[row["evidence"]].append(row)
    print(f"  same-event false links ({len(linked_rows)}) by their evidence (share of 8-grams; whole sentences of "
          f">= {AUDIT_SENTENCE_WORDS} words identical, quotations apart; aligned own sentences at cosine >= 0.9):")
    for cls, label in EVIDENCE_CLASSES:
        print(f"    {len(by_class[cls]):3d} {label}")
    read = [row for row in rows if row["judgement"]]
    if read:
        counts = defaultdict(lambda: [0, 0])
        for row in read:
            counts[row["judgement"]][row["called"] != "not linked"] += 1
        print(f"  read side by side ({len(read)} pairs of this split, eval/gold/{JUDGED.name}): "
              + "; ".join(f"{j}: {c[1]} still linked, {c[0]} no longer" for j, c in sorted(counts.items())))
    if audit is not None:
        with audit.open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(rows[0]) if rows else ["a", "b"])
            w.writeheader()
            w.writerows(sorted(rows, key=lambda r: (r["called"] == "not linked", r["evidence"], r["a"], r["b"])))
        print(f"  audit table: {len(rows)} rows written to {audit}")


# --------------------------------------------------------------------------------------------
# ECB+ audit: what the same-event pairs that are linked have in common
# --------------------------------------------------------------------------------------------

JUDGED = ROOT / "eval" / "gold" / "ecb_same_event_links.csv"
AUDIT_SENTENCE_WORDS = 8  # whole sentences this long or longer count when identical in both texts
EVIDENCE_CLASSES = (
    ("one wire text", "share >= 3 whole non-quote sentences word for word, or >= 50% of the shorter text's 8-grams "
                      "(versions of one wire text)"),
    ("near-verbatim", "share >= 3 own sentences at cosine >= 0.9 but fewer whole ones (one text, edited)"),
    ("paraphrase only", "neither: the link rests on paraphrase"),
)


def load_judged() -> dict[frozenset[str], dict[str, Any]]:
    """The audit's reading of ECB+ same-event pairs (``eval/gold/ecb_same_event_links.csv``: ``a, b,
    judgement, note``): the 61 pairs the dedup@2 rule linked, ``a -> b`` as it linked them, and
    the two that dedup@3 links anew."""
    if not JUDGED.exists():
        return {}
    with JUDGED.open(encoding="utf-8") as fh:
        return {frozenset((r["a"], r["b"])): {**r, "pair": (r["a"], r["b"])} for r in csv.DictReader(fh)}


def audit_row(texts: dict[str, str], pair: tuple[str, str], rel: Relation | None, embedder: Callable[[], Any],
              judged: dict[str, Any] | None, vectors: dict[str, Any] | None = None) -> dict[str, Any]:
    """The features of one linked (or formerly linked) ECB+ pair, read ``a -> b`` as it is linked;
    ``vectors`` keeps each document's sentence vectors between calls."""
    a, b = (rel.a, rel.b) if rel is not None else pair
    pa, pb = profile(a, texts[a]), profile(b, texts[b])
    vectors = {} if vectors is None else vectors
    for p in (pa, pb):
        if p.article_id not in vectors:
            vectors[p.article_id] = embedder().encode([p.sentence(i) for i in range(len(p.spans))])
        p.vectors = vectors[p.article_id]
    al = align(pa, pb, min_cosine=RewriteRule.min_cosine)
    own, pairs = evidence(pa, pb, al)
    sents_a = {normalise(pa.sentence(i)) for i in range(len(pa.spans))}
    same_own = same_quote = 0
    for j in range(len(pb.spans)):
        if len(pb.sentence(j).split()) >= AUDIT_SENTENCE_WORDS and normalise(pb.sentence(j)) in sents_a:
            if pb.quoted[j] >= RewriteRule.max_quoted:
                same_quote += 1
            else:
                same_own += 1
    names_a = frozenset().union(*pa.names) if pa.spans else frozenset()
    nums_a = frozenset().union(*pa.numbers) if pa.spans else frozenset()
    foreign = sum(bool((n - names_a) or (m - nums_a)) for n, m in zip(pb.names, pb.numbers, strict=True))
    share_b, share_a = verbatim_share(texts[a], texts[b]), verbatim_share(texts[b], texts[a])
    close = sum(c >= 0.9 for _, _, c in pairs)
    if same_own >= 3 or max(share_a, share_b) >= 0.5:
        cls = "one wire text"
    elif close >= 3:
        cls = "near-verbatim"
    else:
        cls = "paraphrase only"
    wa, wb = normalise(texts[a]).split(), normalise(texts[b]).split()
    sh_a, sh_b = ({tuple(w[i : i + 3]) for i in range(len(w) - 2)} for w in (wa, wb))
    return {
        "a": a, "b": b, "topic": a.split("_")[0],
        "called": rel.kind if rel is not None else "not linked",
        "evidence": cls,
        "judgement": (judged or {}).get("judgement", ""),
        "note": (judged or {}).get("note", ""),
        "share_8grams_b_in_a": round(share_b, 3), "share_8grams_a_in_b": round(share_a, 3),
        "jaccard_3shingles": round(len(sh_a & sh_b) / len(sh_a | sh_b), 3) if sh_a | sh_b else 0.0,
        "same_sentences_own": same_own, "same_sentences_quote": same_quote,
        "sentences_a": len(pa.spans), "sentences_b": len(pb.spans), "words_a": len(wa), "words_b": len(wb),
        "quote_sentences_b": sum(q >= RewriteRule.max_quoted for q in pb.quoted), "headline_b": pb.title,
        "aligned": len(al.pairs), "aligned_own": len(pairs), "own_sentences_b": len(own),
        "coverage_b": round(al.coverage_b, 3), "coverage_own_b": round(len(pairs) / len(own), 3) if own else 0.0,
        "mean_cosine": round(al.similarity, 3),
        "mean_cosine_own": round(sum(c for _, _, c in pairs) / len(pairs), 3) if pairs else 0.0,
        "own_pairs_cos_ge_0.9": close, "distinct": round(al.distinct, 3), "in_order": round(al.in_order, 3),
        "foreign_specifics_share": round(foreign / len(pb.spans), 3) if pb.spans else 0.0,
    }


def copy_overlap(x: str, y: str) -> float:
    """How much of the shorter text is the other's, word for word (share of its 8-grams)."""
    return max(verbatim_share(x, y), verbatim_share(y, x))


def eval_synthetic(data: Path, ecb: list[dict], n_sources: int, seed: int, batches: int = 0) -> None:
    articles, gold = synthetic(data, ecb, n_sources, seed)
    embedder = _embedder()
    t0 = time.perf_counter()
    vectors = dict(zip((a.id for a in articles), document_vectors(articles, {}, embedder), strict=True))
    rels = find_relations(articles, embedder=embedder, doc_vectors=vectors)
    secs = time.perf_counter() - t0
    neus = sum(a.id.startswith("neus") for a in articles)
    print_scores(f"(c) synthetic: {n_sources} real sources, one variant each ({len(gold)} gold pairs), plus {neus} NeuS "
                 f"same-story reports as negatives; {len(articles)} articles, {secs:.0f} s", score(rels, gold))
    by_var: dict[str, list[bool]] = defaultdict(list)
    gold_pairs = {frozenset((a, b)): k for a, b, k in gold}
    found = {frozenset((r.a, r.b)): r.kind for r in rels}
    for a, b, k in gold:
        by_var[b.split("-", 1)[1]].append(found.get(frozenset((a, b))) == k)
    print("  recall by variant: " + ", ".join(f"{v} {sum(x)}/{len(x)}" for v, x in sorted(by_var.items())))
    wrong = [r for r in rels if frozenset((r.a, r.b)) not in gold_pairs]
    for r in wrong[:10]:
        print(f"  false link: {r.a} -> {r.b} {r.kind} sim {r.similarity}")
    kinds_wrong = [(r.a, r.b, r.kind, gold_pairs[frozenset((r.a, r.b))]) for r in rels
                   if frozenset((r.a, r.b)) in gold_pairs and gold_pairs[frozenset((r.a, r.b))] != r.kind]
    for a, b, k, g in kinds_wrong[:10]:
        print(f"  kind confused: {a} -> {b} called {k}, built as {g}")
    if batches > 1:
        eval_incremental(articles, rels, vectors, embedder, batches, seed)


def eval_incremental(articles: list[Article], scratch: Sequence[Relation], vectors: dict, embedder: Callable[[], Any],
                     batches: int, seed: int) -> None:
    """Fold the same articles in ``batches`` arrivals (random order), each fold keeping the earlier
    fold's relations, and compare with the fold from scratch."""
    order = list(articles)
    random.Random(seed).shuffle(order)
    size = -(-len(order) // batches)
    previous: tuple[Relation, ...] = ()
    t0 = time.perf_counter()
    for start in range(0, len(order), size):
        batch = order[start : start + size]
        previous = find_relations(order[: start + size], embedder=embedder, doc_vectors=vectors,
                                  new_ids={a.id for a in batch}, previous=previous)
    secs = time.perf_counter() - t0
    key = {(r.a, r.b, r.kind): r for r in scratch}
    inc = {(r.a, r.b, r.kind): r for r in previous}
    same_sim = sum(key[k] == inc[k] for k in key.keys() & inc.keys())
    print(f"  incremental, {batches} arrivals in random order ({secs:.0f} s in all): {len(inc)} relations, "
          f"{len(key.keys() & inc.keys())} equal to the fold from scratch ({same_sim} identical records), "
          f"{len(key.keys() - inc.keys())} only from scratch, {len(inc.keys() - key.keys())} only incremental")
    for k in sorted((key.keys() - inc.keys()) | (inc.keys() - key.keys())):
        print(f"    differs: {k[0]} -> {k[1]} {k[2]} ({'scratch' if k in key else 'incremental'} only)")


def _embedder() -> Callable[[], Any]:
    from storyfold.text.embed import load_embedder

    return functools.cache(load_embedder)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", default=str(ROOT / ".." / "shared" / "data"))
    ap.add_argument("--sources", type=int, default=120, help="real articles the synthetic set is built from")
    ap.add_argument("--ecb-split", default="all", choices=("all", "train", "dev"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--parts", default="seeds,ecb,synthetic")
    ap.add_argument("--audit-ecb", type=Path, default=None, metavar="FILE.csv",
                    help="write every ECB+ same-event pair linked (and every pair of eval/gold/ecb_same_event_links.csv) "
                         "with its evidence to FILE.csv")
    ap.add_argument("--incremental", type=int, default=0, metavar="N",
                    help="also fold the synthetic set in N arrivals and compare with the fold from scratch")
    args = ap.parse_args(argv)
    data = Path(args.data)
    parts = set(args.parts.split(","))
    ecb = load_ecb(data)
    if "seeds" in parts:
        eval_seeds()
    if "synthetic" in parts:
        eval_synthetic(data, ecb, args.sources, args.seed, args.incremental)
    if "ecb" in parts:
        eval_ecb(ecb, args.ecb_split, args.audit_ecb)


if __name__ == "__main__":
    main()
