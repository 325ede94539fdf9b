"""Actors the parse loses or misplaces, on rows of the Kiel tracker set's development half
(``eval/commitments.py``'s split; the shared data set's ``kiel-dev``)."""

from __future__ import annotations

import json

from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.quantities import find_quantities


def _row(shared, row_id: str) -> tuple[str, str | None]:
    for line in (shared / "data" / "kiel-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["url"] == f"kiel://{row_id}":
            return row["text"], row.get("title")
    raise AssertionError(f"no Kiel row {row_id}")


def _found(text: str, title: str | None):
    return find_commitments(text, "a", (), find_quantities(text, "a"), title=title)


def test_a_subject_the_parse_attached_to_the_phrase_before_acts(shared) -> None:
    # UKM11: "According to Ambassador …, Vadym Prystaiko, UK, is about to transfer 2 … vessels": the
    # parse reads "UK" as an apposition and leaves "is" without a subject
    text, title = _row(shared, "UKM11")
    first = text.split(". ")[0]
    assert [m.actor for m in _found(first + ".", None)] == ["United Kingdom"]


def test_a_partner_after_with_is_not_the_donor(shared) -> None:
    # USF4: "… will be spent to support Ukraine's economy in cooperation with the European Union"
    text, title = _row(shared, "USF4")
    actors = {m.actor for m in _found(text, title)}
    assert "United States" in actors and "European Union" not in actors
