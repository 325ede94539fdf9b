"""Named entities against GUM's Wikinews documents (Georgetown University Multilayer corpus: every
entity mention annotated, with its type, its coreference chain and, for named entities, a Wikipedia
identity), dev and untouched documents apart.

    PYTHONPATH=src python eval/gum_entities.py GUM_DIR [--errors] [--other]

GUM_DIR is a copy of the public GitHub repository ``amir-zeldes/gum`` (or its ``dep`` folder): the
script reads the CoNLL-U files ``dep/GUM_news_*.conllu`` (Wikinews news articles) and
``dep/GUM_interview_*.conllu`` (Wikinews interviews, a further untouched part). Without GUM_DIR it
tries ``$STORYFOLD_GUM``.

* **Gold names**: the mentions whose head (the one word of the mention whose dependency head lies
  outside it) is a proper noun (UPOS PROPN), or has a proper noun as its ``flat`` or ``appos``
  dependent (GUM heads "Senior researcher Mu Li" and "English captain Harry Kane" on the title):
  "Barack Obama", "the United States", "U.S. President Barack Obama" (scored by overlap, as
  MEANTIME's modifiers are). The Wikipedia identity is not the test: GUM gives it to every mention
  of a linked entity ("he", "the company") and to common nouns with an article ("iodine").
* **Types**: person -> PER, organization -> ORG, place -> LOC; the other GUM types (object, event,
  abstract, substance, time ...) are names of no scored type. GUM annotates every mention, so a
  predicted PER/ORG/LOC name on anything else (a product, an event, a common noun) is a precision
  error of its predicted type, as is a name on a gold name of another type.
* **Scoring** is eval/entities.py's (``_mention_scores``: overlap match, one to one, tightest
  first; per type P/R/F1; any type; instances found, a GUM coreference chain with a PER/ORG/LOC
  name mention being the instance).
* **Parts**: a news document is development data (its errors may be read, ``--errors`` prints
  them) when the SHA-1 of its name (e.g. ``GUM_news_iodine``) is even, else untouched (never
  read); interviews are all untouched. Printed for dev, untouched, all news, and interviews;
  ``--other`` adds GUM's other genres (but reddit, whose texts GUM does not ship), not news, split
  by the same rule into a dev part (its errors printed too) and an untouched part, and all of them.
"""

from __future__ import annotations

import hashlib
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from entities import GOLD_TYPES, NAME_MENTIONS, Doc, Gold, _mention_scores, _words

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, EntityMention
from storyfold.stages.entities.entities import TYPES, EntitiesStage, raw_entities

GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}
_NAME_OF_HEAD = {"flat", "appos"}  # "researcher Mu Li" (flat), "captain Harry Kane" (appos): GUM heads them on the title
_BRACKET = re.compile(r"\((\d+)-([^()]*)|(\d+)?\)")


@dataclass
class Word:
    start: int
    end: int
    upos: str
    head: int  # the word id of its head in the sentence, 0 for the root
    deprel: str
    form: str = ""
    lemma: str = ""
    feats: str = ""


def is_dev(name: str) -> bool:
    """A GUM news document is development data when the SHA-1 of its name is even."""
    return int(hashlib.sha1(name.encode("utf-8")).hexdigest(), 16) % 2 == 0


def load_conllu(path: Path) -> Doc:
    """One GUM CoNLL-U document: its text (a line per paragraph, words spaced as written) and every
    entity mention as a ``Gold`` (type PER/ORG/LOC or GUM's own; syntactic "NAM" for a name, "NOM"
    otherwise; instance the document's coreference chain)."""
    return read_conllu(path)[0]


def read_conllu(path: Path) -> tuple[Doc, list[dict[int, Word]]]:
    """:func:`load_conllu`'s document and its sentences' words (word id -> ``Word``, offsets into
    the document's text)."""
    pieces: list[str] = []
    pos = 0
    mentions: list[Gold] = []
    sentences: list[tuple[int, int]] = []
    words: list[dict[int, Word]] = []
    sentence: dict[int, Word] = {}
    misc: dict[int, str] = {}
    pending_space = ""

    def close_sentence() -> None:
        if not sentence:
            return
        sentences.append((sentence[min(sentence)].start, sentence[max(sentence)].end))
        open_: dict[str, list[tuple[int, str]]] = {}
        last = ""
        for wid in sorted(misc):
            for m in _BRACKET.finditer(misc[wid]):
                if m[1]:  # "(ID-etype-infstat-salience-centering-minspan-link[-identity]"
                    open_.setdefault(m[1], []).append((wid, m[2]))
                    last = m[1]
                else:  # ")" closes the mention just opened on this word, "ID)" the open one of that id
                    gid = m[3] or last
                    if not open_.get(gid):
                        continue
                    first, attrs = open_[gid].pop()
                    mentions.append(_mention(path.stem, gid, attrs, sentence, first, wid))
        words.append(dict(sentence))
        sentence.clear()
        misc.clear()

    with path.open(encoding="utf-8") as fh:
        multi: list | None = None  # a multiword token: its last word's id, where its next word starts, its start and text
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("# newpar") and not line.startswith("# newpar_"):
                pending_space = "\n" if pieces else ""
                continue
            if not line or line.startswith("#"):
                if not line:
                    close_sentence()
                    pending_space = pending_space or " "
                continue
            cols = line.split("\t")
            if "." in cols[0]:
                continue  # an empty node of enhanced dependencies
            if "-" in cols[0]:
                b = int(cols[0].split("-")[1])
                pieces.append(pending_space)
                pos += len(pending_space)
                multi = [b, pos, pos, cols[1]]
                pieces.append(cols[1])
                pos += len(cols[1])
                pending_space = "" if "SpaceAfter=No" in cols[9] else " "
                continue
            wid = int(cols[0])
            if multi and wid <= multi[0]:
                last, cursor, tok_start, surface = multi
                if surface[cursor - tok_start:].startswith(cols[1]):  # "Trump" and "'s" of "Trump's"
                    start, end = cursor, cursor + len(cols[1])
                    multi[1] = end
                else:
                    start, end = tok_start, tok_start + len(surface)
                if wid == last:
                    multi = None
            else:
                pieces.append(pending_space)
                pos += len(pending_space)
                start, end = pos, pos + len(cols[1])
                pieces.append(cols[1])
                pos = end
                pending_space = "" if "SpaceAfter=No" in cols[9] else " "
            sentence[wid] = Word(start, end, cols[3], int(cols[6]) if cols[6].isdigit() else 0, cols[7], cols[1], cols[2],
                                 cols[5])
            misc[wid] = next((f[len("Entity="):] for f in cols[9].split("|") if f.startswith("Entity=")), "")
    close_sentence()
    text = "".join(pieces)
    genre = path.stem.split("_")[1]
    doc = Doc(id=path.stem, corpus=genre, text=text, scored_until=len(text), sentences=sentences, mentions=mentions)
    return doc, words


def _mention(doc: str, gid: str, attrs: str, sentence: dict[int, Word], first: int, last: int) -> Gold:
    ids = range(first, last + 1)
    head = next((i for i in ids if not first <= sentence[i].head <= last), first)
    name = sentence[head].upos == "PROPN" or any(
        sentence[i].head == head and sentence[i].deprel in _NAME_OF_HEAD and sentence[i].upos == "PROPN" for i in ids)
    etype = attrs.split("-")[0]
    return Gold(sentence[first].start, sentence[last].end, GUM_TYPES.get(etype, etype),
                "NAM" if name else "NOM", f"{doc}:{gid}")


def _errors(docs: list[Doc], predicted: list) -> None:
    """The dev documents' mistakes: typed predictions matching no gold name of their type (with the
    GUM mentions they overlap: type, N for a name, n for a common noun), then gold names missed."""
    print("  typed errors on the dev documents (prediction -> GUM mentions it overlaps):")
    for doc, mentions in zip(docs, predicted, strict=True):
        for m in mentions:
            if m.label == "TITLE" or m.type not in GOLD_TYPES.values():
                continue
            want = next(n for n, t in GOLD_TYPES.items() if t is m.type)
            over = [g for g in doc.mentions if g.start < m.end and m.start < g.end]
            if any(g.type == want and g.syntactic in NAME_MENTIONS for g in over):
                continue
            shown = ", ".join(f"{g.type}/{'N' if g.syntactic in NAME_MENTIONS else 'n'} {doc.text[g.start:g.end]!r}"
                              for g in sorted(over, key=lambda g: g.end - g.start)[:3])
            print(f"    {doc.id}: {m.text!r} {m.label}->{m.type.name}: {shown or '-'}")
    print("  gold names missed (no prediction overlaps):")
    for doc, mentions in zip(docs, predicted, strict=True):
        for g in doc.mentions:
            if g.syntactic in NAME_MENTIONS and g.type in GOLD_TYPES and not any(
                    m.start < g.end and g.start < m.end for m in mentions if m.label != "TITLE"):
                print(f"    {doc.id}: {doc.text[g.start:g.end]!r} {g.type}")


def gum_paths(gum_dir: Path, other: bool = False) -> list[Path]:
    """The CoNLL-U files of the news and interview documents; with ``other``, of every other GUM
    genre too but reddit (whose texts GUM does not distribute)."""
    dep = gum_dir / "dep" if (gum_dir / "dep").is_dir() else gum_dir
    paths = sorted([*dep.glob("GUM_news_*.conllu"), *dep.glob("GUM_interview_*.conllu")])
    if other:
        paths += sorted(p for p in dep.glob("GUM_*.conllu") if p.stem.split("_")[1] not in ("news", "interview", "reddit"))
    return paths


DEV = "news dev (SHA-1 of the name even: errors read)"
OTHER_DEV = "other genres dev (SHA-1 of the name even: errors read)"


def gum_parts(docs: list[Doc], other: bool = False) -> dict[str, list[bool]]:
    """The parts every GUM script reports, as a flag per document: news dev (:data:`DEV`), news
    untouched, all news, the interviews (untouched) and, with ``other``, the other genres split by
    the same rule into a dev part (:data:`OTHER_DEV`) and an untouched part, and all of them. Only
    the dev parts' errors are printed (:func:`readable`)."""
    news = [d.corpus == "news" for d in docs]
    rest = [d.corpus not in ("news", "interview") for d in docs]
    parts = {DEV: [n and is_dev(d.id) for n, d in zip(news, docs, strict=True)],
             "news untouched (never read)": [n and not is_dev(d.id) for n, d in zip(news, docs, strict=True)],
             "news all": news,
             "interviews (untouched)": [d.corpus == "interview" for d in docs]}
    if other:
        parts[OTHER_DEV] = [r and is_dev(d.id) for r, d in zip(rest, docs, strict=True)]
        parts["other genres untouched (never read)"] = [r and not is_dev(d.id) for r, d in zip(rest, docs, strict=True)]
        parts["other genres all (not news: academic, biographies, fiction, travel guides ...)"] = rest
    return parts


def readable(parts: dict[str, list[bool]]) -> list[bool]:
    """The documents whose errors may be printed: those of the dev parts (news dev and, where the
    parts hold it, other genres dev)."""
    dev = [parts[name] for name in (DEV, OTHER_DEV) if name in parts]
    return [any(flags) for flags in zip(*dev, strict=True)]


def load_gum(gum_dir: Path, other: bool = False) -> list[Doc]:
    """The news and interview documents; with ``other``, every other GUM genre too but reddit."""
    return [load_conllu(p) for p in gum_paths(gum_dir, other)]


def main(gum_dir: Path, errors: bool = False, other: bool = False) -> None:
    docs = load_gum(gum_dir, other)
    if not docs:
        sys.exit(f"no GUM_news_*.conllu under {gum_dir} (or its dep/); pass a copy of amir-zeldes/gum")
    articles = [Article(id=d.id, source=d.id, text=d.text) for d in docs]
    ctx = Context(settings=load_settings())
    stage = EntitiesStage()
    stage.setup(ctx)
    predicted = [o["entity_mentions"] for o in stage.process_batch(articles, [{}] * len(articles), ctx)]
    raw = raw_entities(stage._nlp(ctx), articles)
    spacy_only = [
        [EntityMention(text=a.text[s:e], type=TYPES[lab], article_id=a.id, start=s, end=e, label=lab)
         for s, e, lab in r if lab in TYPES]
        for a, r in zip(articles, raw, strict=True)
    ]
    parts = gum_parts(docs, other)
    news = parts["news all"]
    names = sum(1 for d in docs for g in d.mentions if g.syntactic in NAME_MENTIONS)
    print(f"GUM: {sum(news)} news documents, {sum(d.corpus == 'interview' for d in docs)} interviews, "
          f"{sum(d.corpus not in ('news', 'interview') for d in docs)} others, "
          f"{_words([d.text for d in docs])} words, {sum(len(d.mentions) for d in docs)} entity mentions, "
          f"{names} of them names (proper-noun head)")
    print(f"spaCy pipeline: {ctx.settings.spacy_model}, NER only")
    for name, keep in parts.items():
        def pick(items: list, keep: list[bool] = keep) -> list:
            return [x for x, k in zip(items, keep, strict=True) if k]

        print(f"  {name}: {len(pick(docs))} documents, {_words([d.text for d in pick(docs)])} words")
        print("  entities stage:")
        _mention_scores(pick(docs), pick(predicted))
        print("  spaCy alone (its labels mapped, none of the fixes):")
        _mention_scores(pick(docs), pick(spacy_only))
    if errors:
        dev = readable(parts)
        _errors([d for d, k in zip(docs, dev, strict=True) if k], [m for m, k in zip(predicted, dev, strict=True) if k])


def run(main_of: Callable[..., None], script: str) -> None:
    """The command line the GUM scripts share: ``GUM_DIR [--errors] [--other]`` (GUM_DIR defaults to
    $STORYFOLD_GUM)."""
    args = [a for a in sys.argv[1:] if a not in ("--errors", "--other")]
    where = args[0] if args else os.environ.get("STORYFOLD_GUM")
    if not where:
        sys.exit(f"usage: eval/{script} GUM_DIR [--errors] [--other] (a copy of github.com/amir-zeldes/gum)")
    main_of(Path(where), errors="--errors" in sys.argv[1:], other="--other" in sys.argv[1:])


if __name__ == "__main__":
    run(main, "gum_entities.py")
