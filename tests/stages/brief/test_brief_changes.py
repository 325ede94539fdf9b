"""What changed from one event to the next, from the seeds' reconciled records (the export fixture):
the force's size updated and the contested security guarantee, told in the August event with the
spans of both versions; a status change only between commitments to the same recipient."""

from __future__ import annotations

import json
from dataclasses import replace
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
    assert kinds == ["update", "conflict"]
    update = got[august["id"]][0]
    assert "\u201cmore than 10,000\u201d at first" in update.text and "\u201cseveral hundred\u201d" in update.text


def test_a_status_change_is_one_of_the_same_commitment() -> None:
    # 002's "Japan has contributed personnel to 15 peacekeeping missions" is read as equipment
    # "fulfilled" to no one named: no later version of March's equipment "considering" for Ukraine
    doc, (march, august), _ = _changes()
    commitments = [codec.from_dict(c, Commitment) for c in doc["commitments"]]
    event_of = {a: e["id"] for e in (march, august) for a in e["article_ids"]}
    got = event_changes([march["id"], august["id"]], event_of, [], commitments, lambda ev: ev, _status_sentence)
    assert got[august["id"]] == []
    later = [replace(c, recipient="Ukraine") if c.status == "fulfilled" else c for c in commitments]
    got = event_changes([march["id"], august["id"]], event_of, [], later, lambda ev: ev, _status_sentence)
    (status,) = got[august["id"]]
    assert status.kind == "status" and status.text == (
        "Japan has followed through on providing equipment; earlier reports: considering.")
    assert len(status.commitment_ids) == 2


def test_every_change_passes_the_support_check_on_its_spans() -> None:
    doc, (_, august), got = _changes()
    aliases = name_aliases([e["name"], *e["aliases"]] for e in doc["entities"])
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    for c in got[august["id"]]:
        assert c.evidence and all(isinstance(e, Evidence) for e in c.evidence)
        assert all(texts[e.article_id][e.start : e.end] == e.text for e in c.evidence)
        assert check_support(c.text, [e.text for e in c.evidence], aliases=aliases), c.text


def test_changes_read_the_conflicts_fields_not_their_summary_line() -> None:
    doc, (march, august), got = _changes()
    events = [march["id"], august["id"]]
    event_of = {a: e["id"] for e in (march, august) for a in e["article_ids"]}
    conflicts = [replace(codec.from_dict(c, Conflict), summary="(reworded)") for c in doc["conflicts"]]
    commitments = [codec.from_dict(c, Commitment) for c in doc["commitments"]]
    texts = _Texts({a["id"]: SimpleNamespace(text=a["text"], published=None) for a in doc["articles"]})
    again = event_changes(events, event_of, conflicts, commitments, texts.sentence, _status_sentence)
    assert [c.text for c in again[august["id"]]] == [c.text for c in got[august["id"]]]
    update, conflict = got[august["id"]]
    assert update.text == "Figures differ on the force's size: \u201cmore than 10,000\u201d at first; later reports speak of \u201cseveral hundred\u201d."
    assert conflict.text.startswith("Reports differ on Japan's security guarantee: one outlet says \u201c")


def test_every_conflict_of_the_seeds_names_what_it_is_about_and_its_two_sides() -> None:
    doc, _, _ = _changes()
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    told = [c for c in doc["conflicts"] if c["about"]]
    assert len(told) >= 2
    for c in told:
        first, later = c["sides"]
        assert first["article_id"] in c["article_ids"] and later["article_id"] in c["article_ids"]
        assert first["day"] is None or later["day"] is None or first["day"] <= later["day"]
        for side in (first, later):  # a side's words are the article's, or the status it was read as
            assert side["says"] in texts[side["article_id"]] or side["cue"] in texts[side["article_id"]]
