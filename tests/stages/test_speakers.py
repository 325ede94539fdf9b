"""Speakers linked to merged entities: quote variants and claims in reported speech."""

from __future__ import annotations

from storyfold.records import Claim, ClaimMention, Entity, EntityType, Evidence
from storyfold.stages.entities.entity_merge import entity_index
from storyfold.stages.quotes.speakers import claims_with_speakers, spans_by_article, speaker_entity_of

TEXT = "NATO Secretary-General Mark Rutte said the alliance would help. The weather was fine."


def _entity(eid: str, name: str, start: int, kind: EntityType) -> Entity:
    return Entity(id=eid, name=name, type=kind, aliases=(name,), article_ids=("a",),
                  mentions=(Evidence(article_id="a", start=start, end=start + len(name), text=name),))


ENTITIES = (_entity("ent-nato", "NATO", 0, EntityType.ORGANISATION),
            _entity("ent-rutte", "Mark Rutte", TEXT.index("Mark"), EntityType.PERSON))


def test_speaker_phrase_links_to_its_head_mention() -> None:
    index = entity_index(ENTITIES)
    by_article = spans_by_article(index)
    assert speaker_entity_of("a", 0, TEXT.index(" said"), index, by_article) == "ent-rutte"
    assert speaker_entity_of("a", 0, 4, index, by_article) == "ent-nato"
    assert speaker_entity_of("a", None, None, index, by_article) is None
    assert speaker_entity_of("a", TEXT.index("The weather"), len(TEXT), index, by_article) is None


def test_claim_in_reported_speech_carries_its_speaker_entity() -> None:
    start, end = TEXT.index("the alliance"), TEXT.index(".")
    spoken = ClaimMention(article_id="a", start=start, end=end, text=TEXT[start:end], attribution="Mark Rutte",
                          attribution_start=0, attribution_end=TEXT.index(" said"))
    plain = ClaimMention(article_id="a", start=end + 2, end=len(TEXT) - 1, text="The weather was fine")
    claims = [Claim(id=f"c{i}", text=m.text, subject=None, predicate=None, object=None, article_ids=("a",),
                    evidence=(Evidence(article_id="a", start=m.start, end=m.end),)) for i, m in enumerate((spoken, plain))]
    out = claims_with_speakers(claims, {"a": (spoken, plain)}, ENTITIES)
    assert [c.attribution_entity_id for c in out] == ["ent-rutte", None]
