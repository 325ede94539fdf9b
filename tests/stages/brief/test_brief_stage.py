"""The brief stage: plain-language pieces, and the seeds' brief (every sentence cites and passes the
support check against its cited spans)."""

from __future__ import annotations

import pytest

from storyfold.records import CommitmentKind, CommitmentStatus
from storyfold.stages import default_stages
from storyfold.stages.brief.brief import BriefStage, commitment_sentence, name_aliases, source_phrase
from storyfold.stages.brief.support import check_support


def test_registered_last() -> None:
    assert isinstance(default_stages()[-1], BriefStage)


def test_source_phrases() -> None:
    assert source_phrase(1) == "according to one outlet"
    assert source_phrase(3) == "reported by three independent outlets"
    assert source_phrase(14) == "reported by 14 independent outlets"


def test_commitment_status_words() -> None:
    assert commitment_sentence("Japan", CommitmentStatus.CONSIDERING, [CommitmentKind.PEACEKEEPERS],
                               recipient="Ukraine") == "Japan is still considering sending peacekeepers to Ukraine."
    assert commitment_sentence("United States", CommitmentStatus.RULED_OUT, [CommitmentKind.GROUND_TROOPS]) == (
        "United States has ruled out sending ground troops.")
    assert commitment_sentence("Japan", CommitmentStatus.WILLING, [CommitmentKind.LOGISTICS, CommitmentKind.EQUIPMENT],
                               amount="$4.5 billion") == (
        "Japan is ready to provide logistical support or provide equipment ($4.5 billion).")
    assert commitment_sentence("Finland", CommitmentStatus.DECLINED, [CommitmentKind.GROUND_TROOPS]).startswith(
        "Finland declined for now to")
    assert "has committed to taking part" in commitment_sentence("Japan", CommitmentStatus.COMMITTED,
                                                                 [CommitmentKind.PARTICIPATION])


@pytest.mark.slow
def test_seed_brief_cites_and_is_supported(folded_seeds) -> None:
    _, doc = folded_seeds
    texts = {a["id"]: a["text"] for a in doc["articles"]}
    brief = doc["brief"]
    aliases = name_aliases([e["name"], *e["aliases"]] for e in doc["entities"])
    assert 4 <= len(brief) <= 12
    for b in brief:
        assert b["article_ids"] and b["evidence"], b
        assert set(b["article_ids"]) <= set(texts)
        spans = [texts[e["article_id"]][e["start"] : e["end"]] for e in b["evidence"]]
        assert spans == [e["text"] for e in b["evidence"]]  # evidence spans point at the article text
        assert check_support(b["text"], spans, aliases=aliases).ok, b["text"]
    assert any("independent outlets" in b["text"] for b in brief)


@pytest.mark.slow
def test_seed_brief_is_told_event_by_event(folded_seeds) -> None:
    _, doc = folded_seeds
    sections = doc["brief_sections"]
    events = {e["id"]: e for e in doc["events"]}
    assert [s["role"] for s in sections] == ["lead", "event", "event"]
    lead, march, august = sections
    assert lead["event_id"] is None and len(lead["sentences"]) == 1 and len(lead["sentences"][0]["article_ids"]) >= 3
    assert [march["date"], august["date"]] == sorted([march["date"], august["date"]])
    assert march["date"].startswith("2025-03") and august["date"].startswith("2025-08")
    for sec in (march, august):
        members = set(events[sec["event_id"]]["article_ids"])
        assert 1 <= len(sec["sentences"]) <= 3
        for b in sec["sentences"]:
            assert b["evidence"][0]["article_id"] in members  # told from the event's own articles
            assert b["event_id"] == sec["event_id"] and b["section"] == "event"
            assert b["date"][:7] == sec["date"][:7], b  # dated by its event, not by an older year inside
    # what changed by August: the force's size, told with both figures
    assert any(c["kind"] == "update" and "10,000" in c["text"] and "several hundred" in c["text"]
               for c in august["changes"])
    assert not march["changes"] or all(c["kind"] != "update" for c in march["changes"])
    # the flat brief holds the same sentences in reading order
    flat = [b["text"] for s in sections for b in (*s["sentences"], *s["changes"])]
    assert flat == [b["text"] for b in doc["brief"]]
