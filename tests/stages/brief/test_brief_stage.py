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
    assert 4 <= len(brief) <= 8
    for b in brief:
        assert b["article_ids"] and b["evidence"], b
        assert set(b["article_ids"]) <= set(texts)
        spans = [texts[e["article_id"]][e["start"] : e["end"]] for e in b["evidence"]]
        assert spans == [e["text"] for e in b["evidence"]]  # evidence spans point at the article text
        assert check_support(b["text"], spans, aliases=aliases).ok, b["text"]
    dates = [b["date"] or "" for b in brief]
    assert dates == sorted(dates)  # told in time order
    march = [b for b in brief if (b["date"] or "").startswith("2025-03") and "10,000" in b["text"]]
    assert march, [b["text"] for b in brief]
    august = [b for b in brief if (b["date"] or "").startswith("2025-08") and "Japan" in b["text"]
              and any(w in b["text"] for w in ("ready", "considering"))]
    assert august, [b["text"] for b in brief]
    assert any(b["text"].startswith("Figures differ") and "10,000" in b["text"] and "several hundred" in b["text"]
               for b in brief)
    assert any("independent outlets" in b["text"] for b in brief)
