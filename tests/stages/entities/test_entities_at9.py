"""entities@9: spacecraft and ships named after a craft noun are vessels, not people or companies
(docs/entities.md, "entities@9")."""

from __future__ import annotations

import re

from storyfold.records import Article, EntityType
from storyfold.stages.entities.entities import fix_mentions


def _mentions(text, tagged):
    """fix_mentions' (text, type) pairs where spaCy tagged every occurrence of each name in ``tagged``
    (name -> spaCy label)."""
    raw = [(m.start(), m.end(), label) for name, label in tagged.items()
           for m in re.finditer(r"(?<![\w-])" + re.escape(name) + r"(?![\w-])", text)]
    return [(m.text, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]


# GUM news_nasa (Wikinews, CC BY 2.5), a dev document
NASA = ("Space Shuttle Discovery will take the place of Enterprise at the Udvar-Hazy Center. Discovery has "
        "already been retired following the completion of STS-133 last month, its 39th mission.")


def test_a_spacecraft_named_after_its_craft_noun_is_a_vessel():
    # spaCy tags both PERSON; before entities@9 both stayed persons ("Discovery" a word of the longer "person")
    got = _mentions(NASA, {"Space Shuttle Discovery": "PERSON", "Discovery": "PERSON"})
    assert got == [("Space Shuttle Discovery", EntityType.OTHER), ("Discovery", EntityType.OTHER)]


def test_the_craft_noun_alone_or_before_a_common_noun_is_no_name():
    # GUM news_nasa: "Space Shuttle" (PERSON) modifies "orbiters"; "Space Shuttle Program" (ORG) is the
    # programme the article also writes "the Space Shuttle program"
    text = ("NASA Administrator Charles Bolden announced the locations that would be given the three remaining "
            "Space Shuttle orbiters following the end of the Space Shuttle program. It was the conclusion of "
            "the Space Shuttle Program.")
    got = _mentions(text, {"Space Shuttle": "PERSON", "Space Shuttle Program": "ORG", "NASA": "ORG",
                           "Charles Bolden": "PERSON"})
    assert got == [("NASA", EntityType.ORGANISATION), ("Charles Bolden", EntityType.PERSON)]


def test_a_one_word_craft_noun_is_not_enough():
    # "jet" is a craft in WordNet, but "Jet Li" is a person: only compound craft nouns count
    text = "Jet Li starred in the film and said he would return to Beijing."
    assert _mentions(text, {"Jet Li": "PERSON"}) == [("Jet Li", EntityType.PERSON)]


# GUM voyage_fortlee (Wikivoyage, CC BY-SA 3.0), a dev document: spaCy tags "Fort Lee" PERSON throughout
FORT_LEE = ("Fort Lee is a city in Bergen County.\nFort Lee is located between the Paramus, NJ retail corridor and "
            "Upper Manhattan. This town is comprised of a large residential community that includes Fort Lee natives.")


def test_a_name_said_to_be_an_area_or_to_be_located_is_a_place():
    got = _mentions(FORT_LEE, {"Fort Lee": "PERSON"})
    assert [t for name, t in got if name == "Fort Lee"] == [EntityType.PLACE] * 3


def test_a_person_said_to_be_a_noun_of_no_area_stays_a_person():
    # "a resident" is a person, and "town" only modifies "councillor": neither reads the name as a place
    text = ("Joe Smith is a resident of Bergen County. Jane Doe was a town councillor in Fort Lee. "
            "Joe Smith said he would run.")
    got = _mentions(text, {"Joe Smith": "PERSON", "Jane Doe": "PERSON"})
    assert {t for _, t in got} == {EntityType.PERSON}
