"""Records: the modality order, and the codec's round trip of enums."""

from __future__ import annotations

from storyfold import codec
from storyfold.records import ClaimMention, Modality


def test_modality_order_is_the_declared_order() -> None:
    assert [m.caution for m in Modality] == [0, 1, 2, 3]
    assert max(Modality, key=lambda m: m.caution) is Modality.CONDITIONAL
    assert [str(m) for m in Modality] == ["asserted", "attributed", "hedged", "conditional"]


def test_modality_is_exported_as_its_string_and_read_back_as_the_enum() -> None:
    m = ClaimMention(article_id="a", start=0, end=4, text="text", modality=Modality.HEDGED)
    data = codec.to_dict(m)
    assert data["modality"] == "hedged"
    back = codec.from_dict(data, ClaimMention)
    assert back == m and back.modality is Modality.HEDGED
