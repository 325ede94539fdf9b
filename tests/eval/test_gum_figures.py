"""The gold figures of eval/gum_figures.py on GUM's own Wikinews files (a copy of the public
repository amir-zeldes/gum named by $STORYFOLD_GUM; skipped without it)."""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _figures():  # noqa: ANN202
    sys.path.insert(0, str(REPO / "eval"))
    import gum_figures  # eval/gum_figures.py

    return gum_figures


def _gold(gum_dir: Path, name: str) -> tuple[str, dict[str, str | None]]:
    gf = _figures()
    doc, sentences = gf.read_conllu(gum_dir / "dep" / f"{name}.conllu")
    figures, _ = gf.gold_figures(doc, sentences)
    return doc.text, {doc.text[f.start : f.end]: f.counted for f in figures}


def test_numerals_in_mentions_are_figures_with_the_noun_they_count(gum_dir: Path) -> None:
    text, gold = _gold(gum_dir, "GUM_news_iodine")
    assert gold["1709"] == "schoolchildren"  # "a survey of 1709 schoolchildren"
    assert gold["88"] == "schools"
    assert "2006" not in gold and "23" not in gold  # "Thursday, February 23, 2006" is a time mention


def test_a_scale_noun_is_a_figure_and_counts_through_of(gum_dir: Path) -> None:
    _, gold = _gold(gum_dir, "GUM_news_lanterns")
    assert gold["hundreds of thousands"] == "people"  # "hundreds" heads "thousands", which heads "of people"


def test_ordinals_and_pronominal_one_are_no_figures(gum_dir: Path) -> None:
    text, gold = _gold(gum_dir, "GUM_news_nasa")
    assert "30th" not in gold and "first" not in gold  # NumType=Ord
    assert "one" not in gold  # "one of these national treasures", "but one that was made"
