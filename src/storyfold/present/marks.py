"""What the story page tags as new or changed: the items a change set lists, found in each section.

A change set (:func:`storyfold.present.changes.change_set`) names its items by id and by the
article spans they rest on. The records now shown may carry other ids (a claim's or conflict's id
is a hash of its evidence and grows with it), so each item is matched to the story's current
records by id, else by a shared evidence span (and, for a commitment, the same actor and kind;
for a conflict, the same kind); an event by id, else as the event holding all of its articles.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from storyfold.present.doc_index import DocIndex
from storyfold.present.models import CommitmentMatrix

__all__ = ["CHANGED", "NEW", "SECTIONS", "cell_marks", "change_marks"]

NEW, CHANGED = "new", "changed"
SECTIONS = ("events", "commitments", "conflicts", "claims", "quotes")

# change-set list -> (section of the page, the tag its items get there)
_LISTS = {
    "new_events": ("events", NEW), "merged_events": ("events", CHANGED),
    "split_events": ("events", CHANGED),
    "new_commitments": ("commitments", NEW), "changed_commitments": ("commitments", CHANGED),
    "new_conflicts": ("conflicts", NEW), "figures_updated": ("conflicts", NEW),
    "claims_gained_sources": ("claims", CHANGED), "claims_lost_sources": ("claims", CHANGED),
    "new_quotes": ("quotes", NEW),
}
_RECORDS = {"commitments": ("commitments", "evidence"), "conflicts": ("conflicts", "evidence"),
            "claims": ("claims", "evidence"), "quotes": ("quotes", "variants")}

_SAME = {"commitments": ("actor", "kind"), "conflicts": ("kind",)}  # besides a span, a match shares these

Span = tuple[str, int, int]


def _spans(items: Iterable[Mapping[str, Any]]) -> set[Span]:
    return {(e["article_id"], e["start"], e["end"]) for e in items if "start" in e and "end" in e}


def _find(section: str, item: Mapping[str, Any], records: Sequence[Mapping[str, Any]]) -> list[str]:
    """The ids of the current ``records`` of ``section`` that change-set ``item`` names."""
    ids = [r["id"] for r in records if item.get("id") and r["id"] == item["id"]]
    if ids:
        return ids
    if section == "events":
        wanted = {a["article_id"] for a in item.get("articles", ())}
        return [r["id"] for r in records if wanted and wanted <= set(r.get("article_ids", ()))]
    spans = _spans(item.get("evidence", ()))
    key = _RECORDS[section][1]
    same = _SAME.get(section, ())
    return [r["id"] for r in records if spans & _spans(r.get(key, ()))
            and all(r.get(f) == item.get(f) for f in same)]


def change_marks(doc: Mapping[str, Any] | DocIndex, story_id: str,
                 changes: Iterable[Mapping[str, Any]]) -> dict[str, dict[str, str]]:
    """Per section of story ``story_id``'s page (:data:`SECTIONS`), the ids of the records that
    the story change sets ``changes`` (the ``stories`` of a change-set document) list, each with
    its tag, :data:`NEW` or :data:`CHANGED` (new wins where an item is both)."""
    ix = doc if isinstance(doc, DocIndex) else DocIndex(doc)
    records: dict[str, list[dict[str, Any]]] = {
        "events": [e for e in ix.list("events") if e.get("story_id") == story_id],
        **{section: [r for r in ix.list(key) if ix.in_story(story_id, r)] for section, (key, _) in _RECORDS.items()},
    }
    out: dict[str, dict[str, str]] = {section: {} for section in SECTIONS}
    for story in changes:
        for name, (section, tag) in _LISTS.items():
            for item in story.get(name, ()):
                for rid in _find(section, item, records[section]):
                    if out[section].get(rid) != NEW:
                        out[section][rid] = tag
    return out


def cell_marks(matrix: CommitmentMatrix | None, commitments: Mapping[str, str]) -> list[list[str]]:
    """Per cell of the commitments ``matrix`` (parallel to its ``cells``): :data:`NEW` when every
    commitment of the cell is tagged new, :data:`CHANGED` when some are tagged and it held others
    or one changed, ``""`` when none is tagged."""
    if matrix is None:
        return []
    out = []
    for line in matrix.cells:
        row = []
        for cell in line:
            tags = [commitments.get(cid, "") for cid in cell.commitment_ids]
            row.append("" if not any(tags) else NEW if all(t == NEW for t in tags) else CHANGED)
        out.append(row)
    return out
