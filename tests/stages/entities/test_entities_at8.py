"""entities@8: a verb after a one-word name is no noun it modifies, and an author cited by year is a
person (docs/entities.md, "entities@8")."""

from __future__ import annotations

import re

import pytest

from storyfold.records import Article, EntityType
from storyfold.stages.entities.entities import fix_mentions
from storyfold.text import wordnet


def _types(text, name, label):
    """The types fix_mentions gives ``name`` where spaCy tagged every occurrence ``label``."""
    raw = [(m.start(), m.end(), label) for m in re.finditer(re.escape(name), text)]
    return [m.type for m in fix_mentions(Article(id="a", source="a", text=text), raw) if m.text == name]


@pytest.mark.parametrize(("word", "verb"), [("says", True), ("said", True), ("put", True), ("learned", True),
                                            ("home", False), ("officials", False), ("administration", False),
                                            ("research", False)])
def test_a_word_read_more_often_as_a_verb_than_as_a_noun(word, verb):
    assert wordnet.verb_first(word) is verb


def test_a_pronoun_after_a_name_followed_by_its_verb_counts():
    # GUM fiction_rose (CC BY-NC-SA 3.0): "put" is a noun in WordNet too, but here Carroll's verb; before
    # entities@8 the name read as a modifier there and, with no other pronoun, became an organisation
    text = ("Rachel Rook took Carroll home to meet her parents.\nCarroll put on his pants, admiring the crease.\n"
            "It filled Carroll's heart with admiration.")
    assert _types(text, "Carroll", "PERSON") == [EntityType.PERSON] * 3


def test_a_name_before_a_noun_still_modifies_it():
    # the modifier condition still holds for nouns: "Facebook research she took" is no evidence
    text = ("Her name is Frances Haugen. Facebook's own research shows it. Facebook's Instagram harms girls. "
            "The trove of private Facebook research she took.")
    raw = [(m.start(), m.end(), "PERSON") for m in re.finditer("Facebook", text)]
    raw.append((text.index("Frances Haugen"), text.index("Frances Haugen") + 14, "PERSON"))
    got = [m.type for m in fix_mentions(Article(id="a", source="a", text=text), raw) if m.text == "Facebook"]
    assert got == [EntityType.ORGANISATION] * 3


@pytest.mark.parametrize("label", ["PERSON", "ORG"])
def test_a_one_word_name_cited_by_year_is_a_person(label):
    # GUM academic_enjambment (CC BY 4.0): an author cited by surname and year, never named in full
    text = ("Quilis (1964) performed poetry reading experiments. We translated \"lexical enjambment\" from "
            "Quilis’s terms.")
    assert _types(text, "Quilis", label) == [EntityType.PERSON] * 2


def test_an_acronym_cited_by_year_stays_an_organisation():
    text = "WHO (2019) reported the figures. WHO also warned."
    assert _types(text, "WHO", "ORG") == [EntityType.ORGANISATION] * 2


def test_a_company_written_twice_without_a_citation_is_still_an_organisation():
    # the lone-name rule is unchanged where no evidence of a person is found
    text = "Shares of Pfizer rose on Monday. Analysts expect Pfizer to report higher sales."
    assert _types(text, "Pfizer", "PERSON") == [EntityType.ORGANISATION] * 2


def test_an_author_cited_inside_the_parentheses_is_a_person():
    # GUM academic_enjambment (CC BY 4.0): "(García-Paje, 1991)"
    text = "The lines may carry double interpretations (García-Paje, 1991). García-Paje also argued it."
    assert _types(text, "García-Paje", "ORG") == [EntityType.PERSON] * 2


def test_a_title_after_the_with_its_year_is_no_author():
    # GUM bio_goode (CC BY-SA 3.0): a film, "The Lookout (2007)"; spaCy's span leaves out "The"
    text = "Other roles include The Lookout (2007). Critics praised Lookout for its pace."
    assert _types(text, "Lookout", "ORG") == [EntityType.ORGANISATION] * 2
