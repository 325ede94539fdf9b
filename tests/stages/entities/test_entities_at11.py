"""entities@11: two person spans that only a space parts are one person (docs/entities.md,
"entities@11")."""

from __future__ import annotations

from storyfold.records import Article, EntityType
from storyfold.stages.entities.entities import fix_mentions


def _mentions(text: str, raw=()):
    return [(m.text, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), list(raw))]


def test_a_person_the_model_cut_in_two_is_one_person():
    # en_core_web_sm's own spans for this sentence: "Amy Berman" and "Jackson", both PERSON; alone,
    # "Jackson" is a city of more than 100,000 people and was read as the place
    text = "Judge Amy Berman Jackson granted the request on Friday."
    raw = [(6, 16, "PERSON"), (17, 24, "PERSON")]
    assert ("Amy Berman Jackson", EntityType.PERSON) in _mentions(text, raw)
    assert not any(t is EntityType.PLACE for _, t in _mentions(text, raw))


def test_people_a_comma_or_a_word_parts_stay_apart():
    text = "Amy Berman, Jackson and Smith met."
    raw = [(0, 10, "PERSON"), (12, 19, "PERSON"), (24, 29, "PERSON")]
    assert [m for m, _ in _mentions(text, raw) if m in ("Amy Berman", "Jackson", "Smith")] == ["Amy Berman", "Jackson", "Smith"]
