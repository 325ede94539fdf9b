"""An article without a publication date gets the one its text supports, marked as estimated."""

from __future__ import annotations

import json
import sys
from pathlib import Path

from storyfold import api
from storyfold.present.export import validate_export

REPO = Path(__file__).resolve().parents[2]


def test_undated_article_gets_its_dateline_as_estimate(shared: Path, tmp_path: Path) -> None:
    sys.path.insert(0, str(REPO / "eval"))
    from dates import read_meantime  # eval/dates.py

    folder = shared / "data" / "meantime-en" / "intra_cross-doc_annotation" / "corpus_apple"
    doc = next(d for p in sorted(folder.glob("*.xml")) if (d := read_meantime(p)) is not None)
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "wikinews.txt").write_text(doc.text, encoding="utf-8")
    seed = next((REPO / "examples" / "seeds").glob("003_*.txt"))
    (inputs / "seed003.txt").write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")
    api.fold([inputs], db=tmp_path / "s.db", out=tmp_path / "out")
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    by_source = {Path(a["source"]).name: a for a in data["articles"]}
    wiki = by_source["wikinews.txt"]
    assert (wiki["published"], wiki["published_estimated"]) == (doc.dct.isoformat(), True)
    assert wiki["published_precision"] == "day" and wiki["published_basis"].startswith("dateline")
    # 003 says "Last year" and "Since March" but names no year: no date is invented
    undated = by_source["seed003.txt"]
    assert (undated["published"], undated["published_estimated"]) == (None, False)
    relative = [d for d in data["dates"] if d["article_id"] == undated["id"] and d["relative"]]
    assert relative and all(d["value"] is None and d["precision"] == "unresolved" for d in relative
                            if d["text"] in ("Last year", "March", "Monday", "Tuesday"))
