"""Figures (the quantities stage) against GUM's entity annotation: recall of the numbers GUM's
mentions hold, a precision proxy and the counted noun, dev and untouched documents apart.

    PYTHONPATH=src python eval/gum_figures.py GUM_DIR [--errors] [--other]

GUM_DIR is a copy of the public GitHub repository ``amir-zeldes/gum``, read by eval/gum_entities.py's
reader (``read_conllu``; without GUM_DIR, ``$STORYFOLD_GUM``). GUM's current release types every
entity mention (person, place, object, abstract, time ...) but has no ``quantity`` type any more, so
a figure is read from the parse inside the mentions:

* **Gold figures**: a number word, a word of the mention that is a numeral: UPOS NUM, a word
  with a ``NumType`` feature ("half"), or a plural noun whose lemma is a number ("thousands",
  "hundreds") that lies inside an entity mention whose smallest holder is no ``time`` mention
  (so "February 23, 2006" and "three years" are no gold figure), and that is no part of a name (a
  numeral after the proper noun it depends on: "Apollo 11", "Flight 447"). A numeral whose head is
  another numeral joins it ("5 million", "two and a half"): one figure, spanning its words.
* **Counted noun**: for a figure that modifies a noun after it (``nummod``: "two brigades",
  "70,000 tons"), that noun; for a figure that heads an "of" phrase ("thousands of people", "two of
  the engines"), the noun of that phrase. Right when the last word of the found figure's
  ``counts``, or for a measure its unit as written, is that noun (eval/dates.py's ``counts_right``).
* **Recall**: gold figures that a found figure overlaps. **Precision proxy**: found figures that
  overlap a gold figure, a ``time`` mention, or any numeral inside a gold mention (GUM annotates
  every mention, so a figure overlapping none of these is most likely no figure).
* **Parts**: eval/gum_entities.py's: a news document is development data (``--errors`` prints its
  misses and unmatched figures) when the SHA-1 of its name is even, else untouched (never read);
  interviews are all untouched; ``--other`` adds GUM's other genres (but reddit), split by the same
  rule into a dev part (``--errors`` prints it too) and an untouched part.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from dates import counts_right
from entities import Doc
from gum_entities import Word, gum_parts, gum_paths, read_conllu, readable, run

from storyfold.records import Quantity
from storyfold.stages.quantities import find_quantities
from storyfold.text.numbers import SCALES


@dataclass
class Figure:
    start: int
    end: int
    counted: str | None  # the noun it counts, as written; None where it counts none that GUM's parse shows


def _numeral(w: Word) -> bool:
    """A cardinal or a fraction (UPOS NUM or a ``NumType`` feature, not an ordinal), or a plural
    noun of a scale word ("hundreds", "thousands", "dozens")."""
    if "NumType=Ord" in w.feats:
        return False
    return w.upos == "NUM" or "NumType=" in w.feats or (
        w.upos == "NOUN" and w.form.lower().endswith("s") and (w.lemma.lower() in SCALES or w.lemma.lower() == "dozen"))


def gold_figures(doc: Doc, sentences: list[dict[int, Word]]) -> tuple[list[Figure], list[tuple[int, int]]]:
    """The gold figures of a document, and the spans of every numeral inside a gold mention."""
    figures: list[Figure] = []
    numerals: list[tuple[int, int]] = []
    for words in sentences:
        for wid, w in words.items():
            if not _numeral(w):
                continue
            holders = [g for g in doc.mentions if g.start <= w.start and w.end <= g.end]
            if not holders:
                continue
            numerals.append((w.start, w.end))
            if min(holders, key=lambda g: g.end - g.start).type == "time":
                continue
            head = words.get(w.head)
            if w.lemma.lower() == "one" and w.deprel != "nummod":
                continue  # pronominal "one", heading its own phrase: "one of the reasons", "one that was made"
            if head is not None and _numeral(head):
                continue  # a part of the numeral it depends on: read with it
            if head is not None and head.upos == "PROPN" and w.head < wid:
                continue  # a name's number: "Apollo 11"
            parts = _subtree_numerals(words, wid)
            start, end = min(words[i].start for i in parts), max(words[i].end for i in parts)
            figures.append(Figure(start, end, _counted(words, wid)))
    return figures, numerals


def _subtree_numerals(words: dict[int, Word], wid: int) -> list[int]:
    out, todo = [wid], [wid]
    while todo:
        at = todo.pop()
        for i, w in words.items():
            if w.head == at and _numeral(w):
                out.append(i)
                todo.append(i)
    return out


_PERCENT = frozenset({"percent", "per", "cent", "%", "percentage"})  # a share, which counts nothing itself


def _counted(words: dict[int, Word], wid: int) -> str | None:
    w = words[wid]
    head = words.get(w.head)
    if w.deprel == "nummod" and head is not None and w.head > wid and head.upos in ("NOUN", "PROPN"):
        return None if head.lemma.lower() in _PERCENT else head.form
    for i, d in sorted(words.items()):
        if i > wid and d.head == wid and d.deprel.startswith("nmod") and d.upos in ("NOUN", "PROPN") and any(
                c.head == i and c.deprel == "case" and c.lemma == "of" for c in words.values()):
            return _counted(words, i) if _numeral(d) else d.form  # "hundreds of thousands of people"
    return None


def _right(q: Quantity, noun: str) -> bool:
    """eval/dates.py's ``counts_right``, and a measure's unit after a hyphen ("an 11-year lull": year)."""
    return counts_right(q, noun) or bool(q.unit) and q.text.split()[-1].split("-")[-1].lower() == noun.lower()


def _hit(q: Quantity, start: int, end: int) -> bool:
    return q.start < end and start < q.end


def main(gum_dir: Path, errors: bool = False, other: bool = False) -> None:
    paths = gum_paths(gum_dir, other)
    if not paths:
        sys.exit(f"no GUM_news_*.conllu under {gum_dir} (or its dep/); pass a copy of amir-zeldes/gum")
    read = [read_conllu(p) for p in paths]
    docs = [d for d, _ in read]
    golds = [gold_figures(d, s) for d, s in read]
    found = [find_quantities(d.text, d.id) for d in docs]
    parts = gum_parts(docs, other)
    print(f"GUM figures: {len(docs)} documents, {sum(len(f) for f, _ in golds)} gold figures "
          f"({sum(f.counted is not None for g, _ in golds for f in g)} with a counted noun)")
    for name, keep in parts.items():
        n_gold = n_found = n_sys = n_hit = n_counted = n_right = 0
        for doc, (figures, numerals), qs, k in zip(docs, golds, found, keep, strict=True):
            if not k:
                continue
            times = [(g.start, g.end) for g in doc.mentions if g.type == "time"]
            for f in figures:
                n_gold += 1
                q = next((q for q in qs if _hit(q, f.start, f.end)), None)
                n_found += q is not None
                if f.counted is not None:
                    n_counted += 1
                    n_right += q is not None and _right(q, f.counted)
            n_sys += len(qs)
            n_hit += sum(1 for q in qs if any(_hit(q, a, b) for a, b in
                                               [(f.start, f.end) for f in figures] + times + numerals))
        print(f"  {name}: {sum(keep)} documents")
        print(f"    recall {n_found}/{n_gold} = {n_found / max(n_gold, 1):.3f};  precision proxy {n_hit}/{n_sys} = "
              f"{n_hit / max(n_sys, 1):.3f};  counted noun right {n_right}/{n_counted} = {n_right / max(n_counted, 1):.3f}")
    if errors:
        dev = readable(parts)
        for doc, (figures, numerals), qs, k in zip(docs, golds, found, dev, strict=True):
            if not k:
                continue
            t = doc.text
            times = [(g.start, g.end) for g in doc.mentions if g.type == "time"]
            for f in figures:
                q = next((q for q in qs if _hit(q, f.start, f.end)), None)
                if q is None:
                    print(f"    {doc.id}: missed {t[f.start:f.end]!r} in {t[max(0, f.start - 40):f.end + 30]!r}")
                elif f.counted is not None and not _right(q, f.counted):
                    print(f"    {doc.id}: counted {q.counts!r} (unit {q.unit}) for {f.counted!r}: {q.text!r} in "
                          f"{t[max(0, q.start - 30):q.end + 40]!r}")
            for q in qs:
                if not any(_hit(q, a, b) for a, b in [(f.start, f.end) for f in figures] + times + numerals):
                    print(f"    {doc.id}: unmatched {q.text!r} in {t[max(0, q.start - 40):q.end + 30]!r}")


if __name__ == "__main__":
    run(main, "gum_figures.py")
