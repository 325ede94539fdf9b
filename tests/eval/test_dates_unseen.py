"""The WikiWars reader of eval/dates_unseen.py on WikiWars' own files (a copy of the corpus folder,
or of a checkout that holds it, named by $STORYFOLD_WIKIWARS; skipped without it)."""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def _unseen():  # noqa: ANN202
    sys.path.insert(0, str(REPO / "eval"))
    import dates_unseen  # eval/dates_unseen.py

    return dates_unseen


@pytest.fixture
def files() -> list[Path]:
    where = os.environ.get("STORYFOLD_WIKIWARS")
    found = _unseen().wikiwars_files(Path(where)) if where else []
    if not found:
        pytest.skip("no WikiWars copy (set STORYFOLD_WIKIWARS to its folder, the one holding keyinline/)")
    return found


def _doc(files: list[Path], name: str):  # noqa: ANN202
    return _unseen().read_wikiwars(next(p for p in files if p.name == f"{name}.key.xml"))


def test_reader_gives_the_text_the_values_and_the_download_day(files: list[Path]) -> None:
    doc = _doc(files, "16_SpanishCivilWar")
    assert doc.name == "16_SpanishCivilWar" and doc.dct.isoformat() == "2009-12-19"
    assert "<" not in doc.text and doc.text.lstrip().startswith("1936")
    spans = {(g.text, g.value, g.type) for g in doc.timex}
    assert ("20 July", "1936-07-20", "DATE") in spans
    assert ("the end of September", "1936-09", "DATE") in spans
    assert all(doc.text[g.start:g.end] == g.text for g in doc.timex)


def test_an_embedded_timex2_is_left_to_the_one_around_it(files: list[Path]) -> None:
    doc = _doc(files, "16_SpanishCivilWar")
    outer = next(g for g in doc.timex if g.text.startswith("Eight days before"))
    assert (outer.text, outer.value) == ("Eight days before the new year", "1938-12-24")
    assert not any(g.text == "the new year" for g in doc.timex)
    assert next(g for g in doc.timex if g.text == "the first two months of 1939").type == "DURATION"


def test_every_outermost_timex2_of_every_file_is_read(files: list[Path]) -> None:
    unseen = _unseen()
    total = 0
    for path in files:
        raw = path.read_text(encoding="utf-8")
        body = raw[raw.index("<TEXT>"):raw.index("</TEXT>")]
        depth = outermost = 0
        for m in re.finditer(r"<(/?)TIMEX2\b", body):
            depth += -1 if m.group(1) else 1
            outermost += not m.group(1) and depth == 1
        doc = unseen.read_wikiwars(path)
        assert len(doc.timex) == outermost, path.name
        total += outermost
    assert len(files) == 22 and total == 2636  # 2,659 expressions in the texts, 23 of them embedded


def test_split_is_fixed_by_the_document_name(files: list[Path]) -> None:
    unseen = _unseen()
    names = [unseen.read_wikiwars(p).name for p in files]
    dev = [n for n in names if unseen.part(n) == "dev"]
    assert 0 < len(dev) < len(names)
    assert unseen.part("16_SpanishCivilWar") == "dev" and unseen.part("07_IraqWar") == "untouched"
