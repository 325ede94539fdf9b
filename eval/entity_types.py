"""Entity TYPE accuracy against ECB+'s typed participant and location mentions, train and dev
topics apart.

    PYTHONPATH=src python eval/entity_types.py [DATA_DIR] [--errors]

DATA_DIR defaults to ``../shared/data`` (or ``$STORYFOLD_SHARED/data``); the corpus is
``DATA_DIR/ecbplus`` (``ECB+/`` XML and ``index.tsv`` for the split: train topics are the set whose
errors ``--errors`` prints, dev topics 2, 5, 12, 18, 21, 23, 34 and 35 are never read).

ECB+ types the human participants (HUMAN_PART_PER, _ORG, _GPE, _MET, _VEH, _GENERIC), the locations
(LOC_GEO, LOC_FAC, LOC_OTHER) and the non-human participants (NON_HUMAN_PART: products, works,
objects) of its annotated events, in some sentences only, names and common nouns alike. It cannot
measure precision (a name outside those mentions is not annotated either way); it measures whether
each PER/ORG/place mention of the entities stage that lands on a typed mention has the right type:

* PER on HUMAN_PART_PER; ORG on HUMAN_PART_ORG; a place on LOC_* or HUMAN_PART_GPE (or _FAC);
  ORG or place on HUMAN_PART_MET (metonymy: "Washington", "the White House");
* any of them on NON_HUMAN_PART(_GENERIC) or HUMAN_PART_VEH is wrong (a product, a work, a vehicle);
* HUMAN_PART_GENERIC, a bare HUMAN_PART and UNKNOWN_INSTANCE_TAG are not scored.

A prediction lands on a gold mention when it covers the mention's head, or the mention's last word
(an apposition: "attorney, Shawn Holley"), or lies in the proper name that ends at the head ("Betty
Ford" of "the Betty Ford Center"). The head is the mention's last word before a comma, a
parenthesis, a relative pronoun or a preposition (leading prepositions skipped: "at Promises"), so
a name that only modifies the mention ("Fulton County" in "Fulton County courthouse killer", "Malibu"
in "a rehab facility in Malibu") is not judged by its type. Of several gold mentions a prediction
lands on, the tightest counts. Beside the accuracy: how many name-headed gold mentions of the
scored types (a capitalised head that does not open its sentence) some prediction of any type
overlaps, so that a rule dropping mentions shows.
"""

from __future__ import annotations

import csv
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from entities import detokenize

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, EntityMention, EntityType

RIGHT = {
    "HUMAN_PART_PER": {EntityType.PERSON},
    "HUMAN_PART_ORG": {EntityType.ORGANISATION},
    "HUMAN_PART_GPE": {EntityType.PLACE},
    "HUMAN_PART_FAC": {EntityType.PLACE},
    "LOC_GEO": {EntityType.PLACE},
    "LOC_FAC": {EntityType.PLACE},
    "LOC_OTHER": {EntityType.PLACE},
    "HUMAN_PART_MET": {EntityType.ORGANISATION, EntityType.PLACE},
    "HUMAN_PART_VEH": set(),
    "NON_HUMAN_PART": set(),
    "NON_HUMAN_PART_GENERIC": set(),
}
SCORED = (EntityType.PERSON, EntityType.ORGANISATION, EntityType.PLACE)
_CUT = frozenset(",;:()[]".split() + ["(", ")", "who", "which", "that", "whose", "where", "of", "in", "at", "on",
                                       "for", "from", "with", "by", "near", "to", "and", "-", "--"])
_LEADING = frozenset({"at", "in", "on", "to", "from", "into", "near", "by", "for", "of", "with"})


@dataclass
class Gold:
    start: int
    end: int
    tag: str
    head: tuple[int, int]  # the head word's span
    name_start: int  # where the capitalised run ending at the head starts (the head's start if none)
    named: bool  # a capitalised head that does not open its sentence


@dataclass
class Doc:
    id: str
    split: str
    text: str
    golds: list[Gold]


def _head(words: list[tuple[str, int, int]]) -> int:
    i = 0
    while i < len(words) - 1 and words[i][0].lower() in _LEADING:
        i += 1
    head = i
    for j in range(i + 1, len(words)):
        if words[j][0].lower() in _CUT:
            break
        head = j
    return head


def load_ecb(path: Path, split: str) -> Doc:
    root = ET.parse(path).getroot()
    tokens = [t for t in root.iter("token") if not (path.stem.endswith("ecbplus") and t.get("sentence") == "0")]
    text, offsets, sentence_of, sent_spans = detokenize(tokens, newline_until=10**6)
    first_of_sentence = {s: span[0] for s, span in sent_spans.items()}
    words_of = {t.get("t_id"): t.text or "" for t in tokens}
    golds = []
    for m in root.find("Markables"):
        ids = [a.get("t_id") for a in m.iter("token_anchor") if a.get("t_id") in offsets]
        if m.tag not in RIGHT or not ids:
            continue
        words = [(words_of[i], *offsets[i]) for i in ids]
        h = _head(words)
        k = h
        while k > 0 and words[h][0][:1].isupper() and words[k - 1][0][:1].isupper():
            k -= 1
        word, hs, he = words[h]
        named = word[:1].isupper() and first_of_sentence[sentence_of[ids[h]]] != hs
        golds.append(Gold(words[0][1], words[-1][2], m.tag, (hs, he), words[k][1], named))
    return Doc(path.stem, split, text, golds)


def load_corpus(data_dir: Path) -> list[Doc]:
    root = data_dir / "ecbplus"
    if not (root / "index.tsv").is_file():
        sys.exit(f"ECB+ not found under {root}; pass the data folder as the first argument")
    with (root / "index.tsv").open(encoding="utf-8") as f:
        split = {row["doc_id"]: row["split"] for row in csv.DictReader(f, delimiter="\t")}
    return [load_ecb(p, split[p.stem]) for p in sorted((root / "ECB+").glob("*/*.xml")) if p.stem in split]


def lands(m: EntityMention, g: Gold) -> bool:
    """Whether the prediction is judged against the gold mention (see the module docstring)."""
    on_head = m.start < g.head[1] and g.head[0] < m.end
    on_last = m.start < g.end <= m.end
    in_name = g.name_start <= m.start and m.end <= g.head[1]
    return m.start < g.end and g.start < m.end and (on_head or on_last or in_name)


def judge(doc: Doc, mentions: tuple[EntityMention, ...]) -> list[tuple[EntityMention, Gold, bool]]:
    out = []
    for m in mentions:
        if m.label == "TITLE" or m.type not in SCORED:
            continue
        over = [g for g in doc.golds if lands(m, g) and g.tag in RIGHT]
        if over:
            g = max(over, key=lambda g: (min(m.end, g.end) - max(m.start, g.start)) / max(m.end - m.start, g.end - g.start))
            out.append((m, g, m.type in RIGHT[g.tag]))
    return out


def report(name: str, docs: list[Doc], predicted: list[tuple[EntityMention, ...]]) -> list[tuple[Doc, EntityMention, Gold]]:
    judged = [(d, m, g, ok) for d, ms in zip(docs, predicted, strict=True) for m, g, ok in judge(d, ms)]
    print(f"  {name}: {len(docs)} documents")
    right = sum(ok for *_, ok in judged)
    print(f"    type accuracy, all scored mentions: {right}/{len(judged)} = {right / max(1, len(judged)):.3f}")
    for t in SCORED:
        mine = [ok for _, m, _, ok in judged if m.type is t]
        print(f"    {t.name:<13} {sum(mine)}/{len(mine)} = {sum(mine) / max(1, len(mine)):.3f}")
    confusion = Counter((g.tag, m.type.name) for _, m, g, _ in judged)
    print("    gold tag -> our types: " + "; ".join(
        f"{tag} " + ", ".join(f"{t} {n}" for (gt, t), n in sorted(confusion.items()) if gt == tag)
        for tag in sorted({gt for gt, _ in confusion})))
    named = [(ms, g) for d, ms in zip(docs, predicted, strict=True) for g in d.golds if g.named and RIGHT.get(g.tag)]
    found = sum(1 for ms, g in named if any(m.start < g.end and g.start < m.end and m.label != "TITLE" for m in ms))
    print(f"    name-headed gold mentions (PER/ORG/place tags) overlapped by a prediction: {found}/{len(named)} = "
          f"{found / max(1, len(named)):.3f}")
    return [(d, m, g) for d, m, g, ok in judged if not ok]


def main(data_dir: Path, errors: bool = False) -> None:
    from storyfold.stages.entities.entities import EntitiesStage

    docs = load_corpus(data_dir)
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in docs]
    ctx = Context(settings=load_settings())
    stage = EntitiesStage()
    stage.setup(ctx)
    predicted = [o["entity_mentions"] for o in stage.process_batch(articles, [{}] * len(articles), ctx)]
    print(f"ECB+ entity types ({ctx.settings.spacy_model}, entities@{stage.version})")
    wrong = []
    for split, label in (("train", "train (errors read)"), ("dev", "dev (never read)")):
        keep = [i for i, d in enumerate(docs) if d.split == split]
        got = report(label, [docs[i] for i in keep], [predicted[i] for i in keep])
        if split == "train":
            wrong = got
    if errors:
        print("  wrong types on train (our mention TYPE, gold tag: gold span):")
        for d, m, g in wrong:
            print(f"    {d.id}: {m.text!r} {m.label}->{m.type.name}  {g.tag}: {d.text[g.start:g.end]!r}")


if __name__ == "__main__":
    import os

    shared = os.environ.get("STORYFOLD_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
    args = [a for a in sys.argv[1:] if a != "--errors"]
    main(Path(args[0]) if args else Path(shared) / "data", errors="--errors" in sys.argv[1:])
