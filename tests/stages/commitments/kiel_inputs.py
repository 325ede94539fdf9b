"""Rows of the Kiel tracker set's development half (the shared data set's ``kiel-dev``), and the
commitments the stage finds in a text, for the tests beside this module."""

from __future__ import annotations

import json
from pathlib import Path

from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.quantities import find_quantities


def kiel_row(shared: Path, row_id: str) -> tuple[str, str | None]:
    """The text and title of the row ``kiel://row_id``."""
    for line in (shared / "data" / "kiel-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["url"] == f"kiel://{row_id}":
            return row["text"], row.get("title")
    raise AssertionError(f"no Kiel row {row_id}")


def found(text: str, title: str | None):
    """The commitments of ``text`` read alone (no entities), its quantities found first."""
    return find_commitments(text, "a", (), find_quantities(text, "a"), title=title)
