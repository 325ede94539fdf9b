"""The GUM reader of eval/gum_entities.py on GUM's own Wikinews files (a copy of the public
repository amir-zeldes/gum named by $STORYFOLD_GUM; skipped without it)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _gum():  # noqa: ANN202
    sys.path.insert(0, str(REPO / "eval"))
    import gum_entities  # eval/gum_entities.py

    return gum_entities


def test_reader_gives_the_text_and_typed_name_mentions(gum_dir: Path) -> None:
    gum = _gum()
    doc = gum.load_conllu(gum_dir / "dep" / "GUM_news_iodine.conllu")
    assert doc.text.split("\n")[:2] == ["Australian children suffering from iodine deficiency", "Thursday, February 23, 2006"]
    spans = {(doc.text[g.start:g.end], g.type, g.syntactic) for g in doc.mentions}
    assert ("Australia", "LOC", "NAM") in spans
    assert ("Australian children", "PER", "NOM") in spans  # a common noun's head: no name
    assert ("iodine deficiency", "abstract", "NOM") in spans  # GUM types every mention, not only names
    # the head of "Senior researcher Mu Li, of ..." is "researcher"; the name is its flat dependent
    assert any(t.startswith("Senior researcher Mu Li") and ty == "PER" and s == "NAM" for t, ty, s in spans)
    chains = {g.instance for g in doc.mentions if doc.text[g.start:g.end] == "Australia"}
    assert len(chains) == 1  # every "Australia" is one coreference chain


def test_multiword_tokens_split_into_their_words(gum_dir: Path) -> None:
    doc = _gum().load_conllu(gum_dir / "dep" / "GUM_news_flag.conllu")
    at = doc.text.index("I'll")
    assert [doc.text[g.start:g.end] for g in doc.mentions if g.start == at] == ["I"]  # "I" of the token "I'll"
    doc = _gum().load_conllu(gum_dir / "dep" / "GUM_news_afghan.conllu")
    at = doc.text.index("Afghanistan's")
    names = [(doc.text[g.start:g.end], g.type) for g in doc.mentions if g.start == at and g.syntactic == "NAM"]
    assert names == [("Afghanistan's", "LOC")]  # GUM's possessor mention takes the "'s"


def test_split_is_fixed_by_the_document_name(gum_dir: Path) -> None:
    gum = _gum()
    news = sorted(p.stem for p in (gum_dir / "dep").glob("GUM_news_*.conllu"))
    dev = [n for n in news if gum.is_dev(n)]
    assert 0 < len(dev) < len(news)
    assert gum.is_dev("GUM_news_iodine") and not gum.is_dev("GUM_news_afghan")


def test_every_sentence_and_every_mention_of_the_news_files_is_read(gum_dir: Path) -> None:
    import re

    gum = _gum()
    for path in sorted((gum_dir / "dep").glob("GUM_news_*.conllu")):
        lines = path.read_text(encoding="utf-8").splitlines()
        doc = gum.load_conllu(path)
        flat = doc.text.replace("\n", " ")
        sentences = [line[len("# text = "):] for line in lines if line.startswith("# text = ")]
        assert all(s in flat for s in sentences), path.name  # words spaced as the file writes each sentence
        opened = sum(len(re.findall(r"\(\d+-", line.split("\t")[9])) for line in lines if line.count("\t") == 9)
        assert len(doc.mentions) == opened, path.name


def test_other_genres_are_split_by_the_same_rule_and_only_dev_parts_are_readable() -> None:
    gum = _gum()
    from entities import Doc  # eval/entities.py

    names = ["GUM_news_iodine", "GUM_news_afghan", "GUM_interview_x", *(f"GUM_bio_{i}" for i in range(8))]
    docs = [Doc(id=n, corpus=n.split("_")[1], text="", scored_until=0, sentences=[], mentions=[]) for n in names]
    parts = gum.gum_parts(docs, other=True)
    dev, rest = parts[gum.OTHER_DEV], parts["other genres untouched (never read)"]
    assert [d.id for d, k in zip(docs, dev, strict=True) if k] == [n for n in names[3:] if gum.is_dev(n)]
    assert all(a != b for a, b in zip(dev[3:], rest[3:], strict=True)) and not any(dev[:3] + rest[:3])
    assert any(dev) and any(rest)
    readable = gum.readable(parts)
    assert readable == [a or b for a, b in zip(parts[gum.DEV], dev, strict=True)]
    assert gum.readable(gum.gum_parts(docs)) == parts[gum.DEV]  # without the other genres, news dev only
