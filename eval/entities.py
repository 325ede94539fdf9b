"""Entities and quotes against MEANTIME (English Wikinews, gold entity mentions, cross-document
entity instances, speech events with their Arg0 speaker), plus the entity stage's speed.

    PYTHONPATH=src python eval/entities.py [DATA_DIR] [--errors]

DATA_DIR defaults to ``../shared/data`` (or ``$STORYFOLD_SHARED/data``); the corpus is ``DATA_DIR/meantime-en``. Prints:

* entity mention precision / recall / F1 by type (PER, ORG, LOC) for the development corpus
  (airbus, whose errors ``--errors`` prints), the held-out corpora (apple, gm, never read) and all, names only (NAM and PRE.NAM
  mentions), a prediction matching a gold mention when the spans overlap (gold spans carry
  modifiers: "U.S. automaker Chrysler"), one to one; and exact-span figures;
* entity instances found: per document, the gold instances (a name mention's cross-document
  instance; a name linked to none counts on its own) any of whose name mentions a prediction
  matched, over all of them;
* cross-document merging: B-cubed precision / recall / F1 over the gold mentions that a predicted
  mention matched, gold clusters being the annotated instances, predicted ones the merged
  entities; beside it the same score for clustering by the mention's text alone;
* speaker accuracy on speech events (SPEECH_COGNITIVE with an Arg0 participant, outside quotation
  marks: a verb inside a quotation is part of what was said): of the events whose sentence holds
  a quote or reported statement we found, how many have our speaker on the gold speaker (the
  Arg0 mention or any mention of its instance);
* words per second of the entity stage on the seed articles and on the MEANTIME texts.

Mentions are scored only up to the last sentence of the document-level layer (mentions with a
syntactic type: NAM, NOM, PRO ...); after it the files mark only mentions linked across
documents, with no syntactic type, so names there cannot be told from other mentions.
"""

from __future__ import annotations

import re
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, EntityMention, EntityType
from storyfold.stages.entities.entities import TYPES, EntitiesStage, raw_entities
from storyfold.stages.entities.entity_merge import entity_index, merge_entities
from storyfold.stages.quotes.quotes import find_quotes

GOLD_TYPES = {"PER": EntityType.PERSON, "ORG": EntityType.ORGANISATION, "LOC": EntityType.PLACE}
NAME_MENTIONS = {"NAM", "PRE.NAM"}
_NO_SPACE_BEFORE = {",", ".", ":", ";", "!", "?", ")", "]", "%", "'s", "n't", "'", "'re", "'ve", "'ll", "'d", "'m", "”"}
_NO_SPACE_AFTER = {"(", "[", "$", "#", "“"}
_PTB_QUOTES = {"``": "“", "''": "”"}  # the files use Penn Treebank quote tokens


@dataclass
class Gold:
    start: int
    end: int
    type: str
    syntactic: str
    instance: str | None


@dataclass
class Speech:
    start: int
    end: int
    arg0: Gold


@dataclass
class Doc:
    id: str
    corpus: str
    text: str
    scored_until: int
    sentences: list[tuple[int, int]]
    mentions: list[Gold] = field(default_factory=list)
    speech: list[Speech] = field(default_factory=list)


def detokenize(tokens: list[ET.Element], newline_until: int = 2) -> tuple[str, dict[str, tuple[int, int]], dict[str, int],
                                                                      dict[int, list[int]]]:
    """The text of CAT-format tokens (MEANTIME, ECB+), spaced as written ("Lohan's", “quotes”), with a
    line break before each sentence numbered up to ``newline_until`` (MEANTIME: title, date line,
    body); returns the text, each token's span, each token's sentence and each sentence's span."""
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, int] = {}
    sent_spans: dict[int, list[int]] = {}
    pos = 0
    prev_sent = None
    in_quote = False
    prev_tok = ""
    for tok in tokens:
        word = _PTB_QUOTES.get(tok.text or "", tok.text or "")
        sent = int(tok.get("sentence"))
        if prev_sent is None:
            sep = ""
        elif sent != prev_sent and sent <= newline_until:
            sep = "\n"
        elif word == '"':
            sep = "" if in_quote else " "
        elif word in _NO_SPACE_BEFORE or prev_tok in _NO_SPACE_AFTER or (prev_tok == '"' and in_quote):
            sep = ""
        else:
            sep = " "
        if word == '"':
            in_quote = not in_quote
        pieces.append(sep)
        pos += len(sep)
        offsets[tok.get("t_id")] = (pos, pos + len(word))
        sentence_of[tok.get("t_id")] = sent
        span = sent_spans.setdefault(sent, [pos, pos + len(word)])
        span[1] = pos + len(word)
        pieces.append(word)
        pos += len(word)
        prev_sent, prev_tok = sent, word
    return "".join(pieces), offsets, sentence_of, sent_spans


def load_doc(path: Path) -> Doc:
    root = ET.parse(path).getroot()
    text, offsets, sentence_of, sent_spans = detokenize(list(root.iter("token")))
    markables = root.find("Markables")
    relations = root.find("Relations")

    def span(el: ET.Element) -> tuple[int, int] | None:
        ids = [a.get("t_id") for a in el.iter("token_anchor")]
        return (offsets[ids[0]][0], offsets[ids[-1]][1]) if ids else None

    instances = {e.get("m_id"): e for e in markables.iter("ENTITY")}
    events = {e.get("m_id"): e for e in markables.iter("EVENT")}
    refers: dict[str, str] = {}
    for rel in relations.iter("REFERS_TO"):
        target = rel.find("target")
        for src in rel.iter("source"):
            if target is not None:
                refers[src.get("m_id")] = target.get("m_id")
    golds: dict[str, Gold] = {}
    last_sent = 0  # the document-level layer (mentions with a syntactic type) ends here
    for m in markables.iter("ENTITY_MENTION"):
        anchors = [a.get("t_id") for a in m.iter("token_anchor")]
        if anchors and m.get("syntactic_type"):
            last_sent = max(last_sent, max(sentence_of[a] for a in anchors))
    for m in markables.iter("ENTITY_MENTION"):
        sp = span(m)
        inst = instances.get(refers.get(m.get("m_id"), ""))
        if sp is None or inst is None:
            continue
        golds[m.get("m_id")] = Gold(sp[0], sp[1], inst.get("ent_type", ""), m.get("syntactic_type") or "",
                                    inst.get("instance_id"))
    speech_mentions = {
        m.get("m_id"): span(m)
        for m in markables.iter("EVENT_MENTION")
        if events.get(refers.get(m.get("m_id"), ""), ET.Element("x")).get("class") == "SPEECH_COGNITIVE"
    }
    doc = Doc(
        id=root.get("doc_id"),
        corpus=path.parent.name,
        text=text,
        scored_until=sent_spans[last_sent][1],
        sentences=[tuple(v) for _, v in sorted(sent_spans.items())],
        mentions=list(golds.values()),
    )
    for rel in relations.iter("HAS_PARTICIPANT"):
        if rel.get("sem_role") != "Arg0":
            continue
        src, tgt = rel.find("source").get("m_id"), rel.find("target").get("m_id")
        if speech_mentions.get(src) and tgt in golds:
            s, e = speech_mentions[src]
            doc.speech.append(Speech(s, e, golds[tgt]))
    return doc


def _match(preds: list[EntityMention], golds: list[Gold]) -> list[tuple[EntityMention, Gold]]:
    """One-to-one matching of overlapping spans, tightest fits first."""
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            if p.start < g.end and g.start < p.end:
                overlap = min(p.end, g.end) - max(p.start, g.start)
                pairs.append((overlap / max(p.end - p.start, g.end - g.start), i, j))
    used_p: set[int] = set()
    used_g: set[int] = set()
    out = []
    for _, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((preds[i], golds[j]))
    return out


def _prf(tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {tp}, predicted {n_pred}, gold {n_gold})"


def _b_cubed(items: list[tuple[str, str]]) -> tuple[float, float, float]:
    """B-cubed over (gold cluster, predicted cluster) pairs, one pair per mention."""
    gold = Counter(g for g, _ in items)
    pred = Counter(p for _, p in items)
    both = Counter(items)
    n = len(items)
    if not n:
        return 0.0, 0.0, 0.0
    p = sum(both[(g, q)] / pred[q] for g, q in items) / n
    r = sum(both[(g, q)] / gold[g] for g, q in items) / n
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _words(texts: list[str]) -> int:
    return sum(len(t.split()) for t in texts)


def _stage_speed(stage: EntitiesStage, ctx: Context, articles: list[Article]) -> tuple[list, float]:
    t0 = time.perf_counter()
    out = stage.process_batch(articles, [{}] * len(articles), ctx)
    seconds = time.perf_counter() - t0
    return [o["entity_mentions"] for o in out], _words([a.text for a in articles]) / seconds


MEANTIME_DEV = ("corpus_airbus",)  # the corpus whose errors may be read (as in eval/attribution.py)


def _type_errors(docs: list[Doc], predicted: list) -> None:
    """The development corpus's typed mistakes: predictions of a type that match no gold mention of
    that type (what lowers a type's precision), with the gold type when the span is a gold name."""
    print("  typed errors on the development corpus (prediction -> gold type, or - when no gold name):")
    for doc, mentions in zip(docs, predicted, strict=True):
        golds = [g for g in doc.mentions if g.syntactic in NAME_MENTIONS and g.type in GOLD_TYPES]
        for m in mentions:
            if m.label == "TITLE" or m.end > doc.scored_until or m.type not in GOLD_TYPES.values():
                continue
            over = [g for g in golds if g.start < m.end and m.start < g.end]
            want = next((n for n, t in GOLD_TYPES.items() if t is m.type), "")
            if not any(g.type == want for g in over):
                print(f"    {doc.id}: {m.text!r} {m.label}->{m.type.name} gold {','.join(g.type for g in over) or '-'}")


def main(data_dir: Path, errors: bool = False) -> None:
    corpus_dir = data_dir / "meantime-en" / "intra_cross-doc_annotation"
    if not corpus_dir.is_dir():
        sys.exit(f"MEANTIME not found under {corpus_dir}; pass the data folder as the first argument")
    docs = [load_doc(p) for p in sorted(corpus_dir.glob("*/*.xml"))]
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in docs]
    ctx = Context(settings=load_settings())
    stage = EntitiesStage()
    stage.setup(ctx)
    stage.process_batch(articles[:2], [{}, {}], ctx)  # warm up
    predicted, wps_meantime = _stage_speed(stage, ctx, articles)

    print(f"MEANTIME English (airbus, apple, gm): {len(docs)} documents, {_words([d.text for d in docs])} words")
    print(f"spaCy pipeline: {ctx.settings.spacy_model}, NER only")
    print()
    raw = raw_entities(stage._nlp(ctx), articles)
    spacy_only = [
        [EntityMention(text=a.text[s:e], type=TYPES[lab], article_id=a.id, start=s, end=e, label=lab) for s, e, lab in r if lab in TYPES]
        for a, r in zip(articles, raw, strict=True)
    ]
    print("Entity mentions (names: NAM + PRE.NAM; overlap match, one to one)")
    parts = {"dev (airbus: errors read)": [d.corpus in MEANTIME_DEV for d in docs],
             "held out (apple, gm: never read)": [d.corpus not in MEANTIME_DEV for d in docs],
             "all": [True] * len(docs)}
    matches: dict[str, list[tuple[EntityMention, Gold]]] = {}
    for name, keep in parts.items():
        def pick(items: list, keep: list[bool] = keep) -> list:
            return [x for x, k in zip(items, keep, strict=True) if k]

        print(f"  entities stage, {name}:")
        matches.update(_mention_scores(pick(docs), pick(predicted)))
        print(f"  spaCy alone (its labels mapped, none of the fixes), {name}:")
        _mention_scores(pick(docs), pick(spacy_only))
    if errors:
        _type_errors([d for d in docs if d.corpus in MEANTIME_DEV],
                     [m for d, m in zip(docs, predicted, strict=True) if d.corpus in MEANTIME_DEV])
    print()
    entities = merge_entities({a.id: a.text for a in articles}, {a.id: m for a, m in zip(articles, predicted, strict=True)})
    index = entity_index(entities)
    merged, by_text = [], []
    for doc in docs:
        for m, g in matches[doc.id]:
            if g.instance and (doc.id, m.start, m.end) in index:
                merged.append((g.instance, index[(doc.id, m.start, m.end)]))
                by_text.append((g.instance, m.text.lower()))
    p, r, f = _b_cubed(merged)
    bp, br, bf = _b_cubed(by_text)
    print(f"Cross-document entities: {len(entities)} merged entities; B-cubed over {len(merged)} matched gold mentions "
          f"of {len({g for g, _ in merged})} gold instances")
    print(f"  entity_merge:        P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    print(f"  same text only:      P {bp:.3f}  R {br:.3f}  F1 {bf:.3f}")
    print()

    _speakers(docs, articles, predicted)
    print()

    seeds = _seed_articles(data_dir)
    if seeds:
        _, wps_seeds = _stage_speed(stage, ctx, seeds)
        print(f"Entity stage speed: seeds {wps_seeds:,.0f} words/s ({_words([a.text for a in seeds])} words, "
              f"{len(seeds)} articles); MEANTIME {wps_meantime:,.0f} words/s")
    else:
        print(f"Entity stage speed: MEANTIME {wps_meantime:,.0f} words/s (seeds not found)")


def _mention_scores(docs: list[Doc], predicted: list) -> dict[str, list[tuple[EntityMention, Gold]]]:
    by_type: dict[str, list[int]] = {k: [0, 0, 0, 0] for k in GOLD_TYPES}  # tp, pred, gold, exact tp
    all_counts = [0, 0, 0, 0]
    instances = [0, 0]  # found, gold: per document, a gold instance with a name mention
    matches: dict[str, list[tuple[EntityMention, Gold]]] = {}
    for doc, mentions in zip(docs, predicted, strict=True):
        preds = [m for m in mentions if m.label != "TITLE" and m.type is not EntityType.OTHER and m.end <= doc.scored_until]
        golds = [g for g in doc.mentions if g.syntactic in NAME_MENTIONS and g.type in GOLD_TYPES]
        scored_preds = [m for m in preds if m.type is not EntityType.GROUP]
        pairs = _match(preds, golds)
        matches[doc.id] = pairs
        all_counts[0] += len(pairs)
        all_counts[1] += len(scored_preds) + sum(1 for m, _ in pairs if m.type is EntityType.GROUP)
        all_counts[2] += len(golds)
        all_counts[3] += sum(1 for m, g in pairs if (m.start, m.end) == (g.start, g.end))
        def instance(g: Gold) -> str:
            return g.instance or f"{g.start}:{g.end}"  # a name linked to no instance is one of its own

        gold_instances = {instance(g) for g in golds}
        instances[0] += len(gold_instances & {instance(g) for _, g in pairs})
        instances[1] += len(gold_instances)
        for name, type_ in GOLD_TYPES.items():
            c = by_type[name]
            c[0] += sum(1 for m, g in pairs if g.type == name and m.type is type_)
            c[1] += sum(1 for m in preds if m.type is type_)
            c[2] += sum(1 for g in golds if g.type == name)
            c[3] += sum(1 for m, g in pairs if g.type == name and m.type is type_ and (m.start, m.end) == (g.start, g.end))
    for name, c in by_type.items():
        print(f"    {name}:   {_prf(c[0], c[1], c[2])}   exact-span F1 {_f(c[3], c[1], c[2]):.3f}")
    print(f"    any type (untyped; group mentions scored only where they match): {_prf(*all_counts[:3])}")
    print(f"    entity instances found (per document, a gold instance any of whose name mentions a prediction "
          f"overlaps): {instances[0]}/{instances[1]} = {instances[0] / max(1, instances[1]):.3f}")
    return matches



def _f(tp: int, n_pred: int, n_gold: int) -> float:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def _speakers(docs: list[Doc], articles: list[Article], predicted: list) -> None:
    """Speech events whose sentence holds one of our quotes: is our speaker the gold Arg0?"""
    total = covered = right = 0
    for doc, article, mentions in zip(docs, articles, predicted, strict=True):
        quotes = find_quotes(article, mentions)
        instance_spans = defaultdict(list)
        for g in doc.mentions:
            if g.instance:
                instance_spans[g.instance].append((g.start, g.end))
        marks = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", doc.text)]
        for ev in doc.speech:
            if ev.end > doc.scored_until or any(s <= ev.start < e for s, e in marks):
                continue  # a verb inside a quotation ("we want") is what the speaker said, not who
            total += 1
            sent = next(((s, e) for s, e in doc.sentences if s <= ev.start < e), None)
            if sent is None:
                continue
            here = [q for q in quotes if q.speaker_start is not None and (
                sent[0] <= q.start < sent[1] or sent[0] <= q.speaker_start < sent[1])]
            if not here:
                continue
            covered += 1
            q = min(here, key=lambda q: abs(q.speaker_start - ev.start))
            gold_spans = [(ev.arg0.start, ev.arg0.end)]
            if ev.arg0.instance:
                gold_spans += instance_spans[ev.arg0.instance]
            if any(q.speaker_start < e and s < q.speaker_end for s, e in gold_spans):
                right += 1
    print(f"Speakers: {total} gold speech events with an Arg0 outside quotation marks; {covered} in a sentence where we found a quote "
          f"({covered / total:.1%}); speaker right on {right} of those: accuracy {right / max(covered, 1):.3f}")


def _seed_articles(data_dir: Path) -> list[Article]:
    from storyfold.ingest import load_manifest, read_inputs
    from storyfold.stages import clean

    seeds = data_dir.parent / "seeds"
    if not seeds.is_dir():
        seeds = Path(__file__).resolve().parent.parent / "examples" / "seeds"
    if not (seeds / "manifest.jsonl").is_file():
        return []
    settings = load_settings()
    manifest = load_manifest(seeds / "manifest.jsonl")
    files = sorted(seeds.glob("*.txt"))
    return [clean.clean(d, settings) for d in read_inputs(files, settings, manifest) if not isinstance(d, Exception)]


if __name__ == "__main__":
    import os

    shared = os.environ.get("STORYFOLD_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
    args = [a for a in sys.argv[1:] if a != "--errors"]
    main(Path(args[0]) if args else Path(shared) / "data", errors="--errors" in sys.argv[1:])
