"""Which spaCy components the entity stage needs: speed of each choice, and whether its entities
differ from the full pipeline's.

    PYTHONPATH=src python benchmarks/entities_speed.py [DATA_DIR]

Texts: the MEANTIME English articles (``DATA_DIR/meantime-en``, DATA_DIR defaults to
``../shared/data``) and the seed articles, parsed paragraph by paragraph as the stage does.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

import spacy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "eval"))

from entities import _seed_articles, load_doc  # noqa: E402  (the evaluation's reader)

from storyfold.config import load_settings  # noqa: E402
from storyfold.text.nlp import paragraphs  # noqa: E402

CHOICES = {
    "full pipeline": (),
    "senter + ner (no tagger, parser, lemmatizer)": ("tagger", "parser", "attribute_ruler", "lemmatizer"),
    "ner only (the stage's choice)": ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer"),
}


def main(data_dir: Path) -> None:
    model = load_settings().spacy_model
    docs = [load_doc(p) for p in sorted((data_dir / "meantime-en" / "intra_cross-doc_annotation").glob("*/*.xml"))]
    texts = [d.text for d in docs] + [a.text for a in _seed_articles(data_dir)]
    pieces = [t[s:e] for t in texts for s, e in paragraphs(t)]
    words = sum(len(p.split()) for p in pieces)
    print(f"{model}: {len(texts)} articles, {len(pieces)} paragraphs, {words} words")
    reference = None
    for label, exclude in CHOICES.items():
        nlp = spacy.load(model, exclude=list(exclude))
        if "senter" in nlp.disabled and "parser" not in nlp.pipe_names:
            nlp.enable_pipe("senter")
        list(nlp.pipe(pieces[:50]))  # warm up
        best = float("inf")
        for _ in range(2):
            t0 = time.perf_counter()
            out = [[(e.start_char, e.end_char, e.label_) for e in d.ents] for d in nlp.pipe(pieces, batch_size=64)]
            best = min(best, time.perf_counter() - t0)
        reference = reference or out
        same = sum(a == b for a, b in zip(out, reference, strict=True))
        print(f"  {label:48s} {words / best:8,.0f} words/s   components {nlp.pipe_names}   "
              f"paragraphs with the full pipeline's entities: {same}/{len(pieces)}")


if __name__ == "__main__":
    shared = os.environ.get("STORYFOLD_SHARED") or str(Path(__file__).resolve().parent.parent.parent / "shared")
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(shared) / "data")
