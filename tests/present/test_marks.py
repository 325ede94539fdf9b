"""What the story page tags new or changed, on the seeds folded one article per run: change-set
items are found among the current records by id, else by the evidence they share."""

from __future__ import annotations

import copy
from pathlib import Path

from storyfold import api
from storyfold.present.doc_index import DocIndex
from storyfold.present.marks import CHANGED, NEW, cell_marks, change_marks
from storyfold.present.views import story_view


def test_items_are_found_by_id_else_by_evidence(seeds_by_run: tuple[Path, dict, dict]) -> None:
    db, runs, _ = seeds_by_run
    ix = DocIndex(api.export(db))
    (sid,) = ix.stories
    stories = api.changes(db, since=runs["001"], story=sid)["stories"]
    marks = change_marks(ix, sid, stories)
    by_actor = {(c["actor"], c["kind"]): marks["commitments"].get(c["id"]) for c in ix.list("commitments")}
    assert by_actor[("Japan", "security guarantee")] == NEW and by_actor[("Finland", "ground troops")] is None
    assert set(marks["claims"].values()) == {CHANGED} and set(marks["quotes"].values()) == {NEW}
    # the same change set with every id unknown (as when records were recomputed since): found by evidence
    blind = copy.deepcopy(stories)
    for story in blind:
        for key in ("new_commitments", "changed_commitments", "new_conflicts", "figures_updated", "new_quotes"):
            for item in story[key]:
                item["id"] = "unknown"
    again = change_marks(ix, sid, blind)
    assert {k: again[k] for k in ("commitments", "conflicts", "quotes", "claims")} == \
        {k: marks[k] for k in ("commitments", "conflicts", "quotes", "claims")}
    assert change_marks(ix, sid, []) == {k: {} for k in marks}


def test_a_matrix_cell_is_new_only_when_all_it_holds_is(seeds_by_run: tuple[Path, dict, dict]) -> None:
    db, runs, _ = seeds_by_run
    ix = DocIndex(api.export(db))
    (sid,) = ix.stories
    matrix = story_view(ix, sid).commitment_matrix
    ids = [cid for line in matrix.cells for cell in line for cid in cell.commitment_ids]
    assert cell_marks(matrix, {}) == [[""] * len(line) for line in matrix.cells]
    everything = cell_marks(matrix, dict.fromkeys(ids, NEW))
    assert all(m == (NEW if cell.commitment_ids else "") for line, row in zip(matrix.cells, everything, strict=True)
               for cell, m in zip(line, row, strict=True))
    full = next(cell for line in matrix.cells for cell in line if len(cell.commitment_ids) > 1)
    mixed = cell_marks(matrix, {full.commitment_ids[0]: NEW})
    assert CHANGED in {m for row in mixed for m in row}
    assert cell_marks(None, {}) == []
