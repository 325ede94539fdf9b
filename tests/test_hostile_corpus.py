"""The hostile corpus folded beside the seeds in one fold: absurd figures, dates and amounts,
deeply nested quotes, an article of 2,999 sentences, one naming 500 entities, control and
bidirectional-override characters, formula and markup in metadata, and the bad inputs that are
rejected. No stage fails, and the seeds' claims, commitments, conflicts and brief are exactly those
of a clean fold (the committed fixture).

The bad inputs built from the seeds' own text (copies, re-encodings) are left out here: a copy of
a seed rightly changes the seeds' records (it corroborates them); tests/test_bad_inputs.py folds them.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from bad_inputs import BAD, SMALL

from storyfold import api

pytestmark = pytest.mark.slow  # about three minutes: spaCy over 3,000 sentences and 500 names

FIXTURE = Path(__file__).parent / "data" / "fixtures" / "seeds-export.json"
TOWNS = ["Aldbury", "Brackley", "Corrin", "Dunmore", "Elstow", "Farleigh", "Gorran", "Hexley", "Ilmer", "Jevington"]


def _hostile_lines() -> list[dict]:
    amounts = ("$" + "9" * 400, "€" + "9" * 31 + " trillion", "1e308 dollars", "between 5 and " + "9" * 40 + " people",
               "-" + "9" * 35 + " tonnes", "0." + "0" * 60 + "1 percent")
    dates = ("99999 days ago", "in the year 99999", "on 31 February 2025", "9" * 25 + " decades ago", "on 2025-13-45",
             "in the 99999th century")
    nested = "The clerk said " + "\u201cthe mayor said " * 60 + "no" + "\u201d" * 60 + " on Friday in Aldbury."
    names = " ".join(f"Councillor {a}{b} Smithers-{i} of {TOWNS[i % 10]} met Judge Ortwin{i} Varga." for i, (a, b) in
                     enumerate((chr(65 + i % 26), chr(97 + i // 26 % 26)) for i in range(250)))
    return [
        {"title": "Aid pledged", "text": "Aid of $" + "9" * 400 + " was pledged by Germany to Ukraine on Monday, officials said."},
        {"title": "Absurd budget", "outlet": "=cmd|'/c calc'!A1", "published": "not a date",
         "text": " ".join(f"The Aldbury council approved {a} for the ring road {d}, the treasurer said." for a in amounts for d in dates)},
        {"title": "Nested quotes", "published": "2025-13-45", "text": nested},
        {"title": "A long ledger", "text": " ".join(f"Ledger line {i} of the Brackley drainage board was approved." for i in range(2999))},
        {"title": "Five hundred names", "text": names},
        {"title": "<script>alert('t1')</script> \u2026 <img src=x onerror=alert('t2')>",
         "text": "The Corrin harbour \u202eevomer\u202c board met on Friday.\u0007 Its chair, \u200fMara\u200f Quill, said "
                 "\u201cthe dredging \u2066will\u2069 start in May\u201d.\x1b[31m The cost is \u00a34.2 million.\x00 "
                 "Residents of Corrin objected on Saturday, the harbour board said."},
    ]


def test_the_hostile_corpus_leaves_the_seeds_export_as_in_a_clean_fold(tmp_path: Path, seeds_dir: Path) -> None:
    folder = tmp_path / "in"
    shutil.copytree(seeds_dir, folder)
    rejected_only = [name for name, (_b, expected) in SMALL.items() if "ok:" not in expected]
    for name in rejected_only:
        shutil.copy(BAD / name, folder / name)
    (folder / "hostile.jsonl").write_text("".join(json.dumps(x) + "\n" for x in _hostile_lines()), encoding="utf-8")
    summary = api.fold([folder], manifest=folder / "manifest.jsonl", db=tmp_path / "h.db", out=tmp_path / "out")
    assert not [r for r in summary.rejected if r.source.startswith("stage")], summary.rejected
    rejected = {Path(r.source.split(":")[0]).name for r in summary.rejected}
    assert set(rejected_only) <= rejected and "hostile.jsonl" not in rejected
    assert summary.stored == 5 + len(_hostile_lines())
    assert {w.line for w in summary.warnings} == {2, 3}
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    json.dumps(data, allow_nan=False)
    clean = json.loads(FIXTURE.read_text(encoding="utf-8"))
    seeds = {a["id"] for a in clean["articles"]}

    def of_seeds(doc: dict, key: str) -> list[dict]:
        return [r for r in doc[key] if set(r.get("article_ids") or ()) <= seeds]

    for key in ("claims", "commitments", "conflicts", "brief"):
        assert of_seeds(data, key) == clean[key], key
    assert all(q["value"] is None or abs(q["value"]) < 1e30 for q in data["quantities"])
