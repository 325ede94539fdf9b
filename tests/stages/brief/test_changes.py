"""What changed from one event to the next, from the seeds' reconciled records (the export fixture):
the force's size updated, Japan's equipment from "considering" to "fulfilled", the contested
security guarantee; each told in the August event with the spans of both versions."""

from __future__ import annotations

import json
from pathlib import Path
from types import SimpleNamespace

from storyfold import codec
from storyfold.records import Commitment, Conflict, Evidence
from storyfold.stages.brief.brief import _status_sentence, _Texts, name_aliases
from storyfold.stages.brief.changes import event_changes
from storyfold.stages.brief.support import check_support

FIXTURE = Path(__file__).resolve().parents[2] / "data" / "fixtures" / "seeds-export.json"


def _changes():
    doc = json.loads(FIXTURE.read_text(encoding="utf-8"))
    events = sorted(doc["events"], key=lambda e: e["date"])
    event_of = {a: e["id"] for e in events for a in e["article_ids"]}
    conflicts = [codec.from_dict(c, Conflict) for c in doc["conflicts"]]
    commitments = [codec.from_dict(c, Commitment) for c in doc["commitments"]]
    texts = _Texts({a["id"]: SimpleNamespace(text=a["text"], published=None) for a in doc["articles"]})
    got = event_changes([e["id"] for e in events], event_of, conflicts, commitments, texts.sentence, _status_sentence)
    return doc, events, got


def test_changes_are_told_in_the_later_event() -> None:
    _, (march, august), got = _changes()
    assert got[march["id"]] == []
    kinds = [c.kind for c in got[august["id"]]]
    assert kinds[0] == "update" and "status" in kinds and "conflict" in kinds
    update = got[august["id"]][0]
    assert "\u201cmore than 10,000\u201d at first" in update.text and "\u201cseveral hundred\u201d" in update.text
    status = next(c for c in got[august["id"]] if c.kind == "status")
    assert status.text.startswith("Japan ") and status.text.endswith("earlier reports: considering.")
    assert len(status.commitment_ids) == 2


def test_every_change_passes_the_support_check_on_its_spans() -> None:
    doc, (_, august), got = _changes()
    aliases = name_aliases([e["name"], *e["aliases"]] for e in doc["entities"])
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for c in got[august["id"]]:
        assert c.evidence and all(isinstance(e, Evidence) for e in c.evidence)
        assert all(texts[e.article_id][e.start : e.end] == e.text for e in c.evidence)
        assert check_support(c.text, [e.text for e in c.evidence], aliases=aliases), c.text
