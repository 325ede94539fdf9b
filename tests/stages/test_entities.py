"""The entity stage on the real seed articles: spans, types and the news fixes."""

from __future__ import annotations

import re

import pytest

from storyfold.records import EntityType


def _at(mentions, article, text, context=None):
    """The mention covering ``text`` where it first occurs (inside ``context`` when given), or None."""
    context = context or text
    pos = article.text.index(context) + context.index(text)
    hits = [m for m in mentions if m.start <= pos and pos + len(text) <= m.end]
    return hits[0] if hits else None


def test_offsets_point_into_the_cleaned_text(seed_articles, seed_mentions):
    for key, mentions in seed_mentions.items():
        article = seed_articles[key]
        assert mentions, key
        for m in mentions:
            assert article.text[m.start : m.end] == m.text
            assert m.article_id == article.id
            assert m.text == m.text.strip()


@pytest.mark.parametrize("key", ["000", "001", "003"])
def test_kyiv_is_a_place_not_a_person(seed_articles, seed_mentions, key):
    m = _at(seed_mentions[key], seed_articles[key], "Kyiv")
    assert m is not None and m.type is EntityType.PLACE


@pytest.mark.parametrize("key", ["000", "001"])
def test_a_ship_is_one_mention_not_a_place(seed_articles, seed_mentions, key):
    m = _at(seed_mentions[key], seed_articles[key], "HMS Prince of Wales")
    assert m is not None and m.text == "HMS Prince of Wales" and m.type is EntityType.OTHER
    assert not any(x.text == "Wales" for x in seed_mentions[key])


@pytest.mark.parametrize(
    ("key", "written", "name"),
    [
        ("000", "UK Prime Minister Keir Starmer", "Keir Starmer"),
        ("001", "Sir Keir Starmer", "Keir Starmer"),
        ("000", "Defence Secretary John Healey", "John Healey"),
        ("001", "Lord Peter Ricketts", "Peter Ricketts"),
        ("002", "Japanese Prime Minister Ishiba Shigeru", "Ishiba Shigeru"),
        ("004", "Prime Minister Ishiba", "Ishiba"),
    ],
)
def test_titles_are_not_glued_to_names(seed_articles, seed_mentions, key, written, name):
    m = _at(seed_mentions[key], seed_articles[key], name, written)
    assert m is not None and m.text == name and m.type is EntityType.PERSON


def test_a_ministry_word_before_a_title_is_not_an_organisation(seed_mentions):
    assert not any(m.text == "Defence" for ms in seed_mentions.values() for m in ms)


def test_lower_case_nato_is_an_organisation(seed_articles, seed_mentions):
    article = seed_articles["001"]
    natos = [m for m in seed_mentions["001"] if m.text == "Nato"]
    assert len(natos) == article.text.count("Nato")
    assert all(m.type is EntityType.ORGANISATION for m in natos)


def test_non_nato_keeps_nato(seed_mentions):
    assert any(m.text == "NATO" for m in seed_mentions["000"] if m.start > 0)
    assert not any(m.text.startswith("Non") for ms in seed_mentions.values() for m in ms)


def test_surname_tagged_as_organisation_follows_the_full_name(seed_articles, seed_mentions):
    # spaCy tags "Ishiba" ORG in 002 and 003; the full name in the same article makes it a person.
    for key in ("002", "003"):
        surnames = [m for m in seed_mentions[key] if m.text == "Ishiba"]
        assert surnames and all(m.type is EntityType.PERSON for m in surnames)


def test_untagged_repeat_of_a_name_is_found(seed_articles, seed_mentions):
    # "Streeting told Sky News" is missed by the model; the article names Wes Streeting before.
    m = _at(seed_mentions["001"], seed_articles["001"], "Streeting", "Streeting told")
    assert m is not None and m.text == "Streeting" and m.type is EntityType.PERSON


def test_possessive_is_not_part_of_the_name(seed_mentions):
    assert any(m.text == "Sky News" for m in seed_mentions["001"])
    assert not any(m.text.endswith(("’s", "'s")) for ms in seed_mentions.values() for m in ms)


def test_bare_title_is_kept_for_the_merge(seed_mentions):
    titles = [m for m in seed_mentions["001"] if m.label == "TITLE"]
    assert [t.text for t in titles] == ["the Prime Minister"] * 4


def test_ner_only_pipeline_keeps_a_shared_embedding_layer(tmp_path):
    """A pipeline whose NER listens to a shared tok2vec keeps it; the small English model's NER
    has its own and runs alone."""
    import spacy
    from spacy.pipeline.tok2vec import Tok2VecListener

    from storyfold.config import load_settings
    from storyfold.stages.entities.entities import load_ner

    nlp = spacy.blank("en")
    nlp.add_pipe("tok2vec")
    listener = {"@architectures": "spacy.Tok2VecListener.v1", "width": 96, "upstream": "*"}
    model = {"@architectures": "spacy.TransitionBasedParser.v2", "state_type": "ner", "extra_state_tokens": False,
             "hidden_width": 32, "maxout_pieces": 2, "use_upper": True, "tok2vec": listener}
    nlp.add_pipe("ner", config={"model": model}).add_label("PERSON")
    nlp.initialize()
    nlp.to_disk(tmp_path / "listening")
    assert load_ner(str(tmp_path / "listening")).pipe_names == ["tok2vec", "ner"]

    small = load_ner(load_settings().spacy_model)
    assert small.pipe_names == ["ner"]
    assert not any(isinstance(n, Tok2VecListener) for n in small.get_pipe("ner").model.walk())


def test_name_search_matches_the_regex_it_replaces(seed_articles):
    """Whole-word occurrences of every capitalised word and two-word run of the seeds, found
    without a regex, are exactly the regex's matches (boundaries: word characters, ".", "-")."""
    import re

    from storyfold.stages.entities.retype import occurrences

    for article in seed_articles.values():
        text = article.text + " Kyiv-based U.S.Kyiv _Kyiv Kyiv_ Kyiv."  # edge cases beside the real text
        names = set(re.findall(r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?", text)) | {"Kyiv"}
        for name in names:
            expected = [m.span() for m in re.finditer(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", text)]
            assert list(occurrences(name, text)) == expected, name


def test_overlaps_resolve_as_before():
    """Longer spans win, then the earlier listed; touching spans both stay."""
    from storyfold.stages.entities.entities import _dedupe

    found = [(0, 5, EntityType.PERSON, "A"), (3, 9, EntityType.PLACE, "B"), (9, 12, EntityType.PLACE, "C"),
             (10, 11, EntityType.OTHER, "D"), (20, 23, EntityType.OTHER, "E"), (20, 23, EntityType.PERSON, "F"),
             (1, 4, EntityType.OTHER, "G")]
    assert [m[3] for m in _dedupe(found)] == ["B", "C", "E"]


def test_a_city_tagged_as_a_one_word_person_is_the_city_unless_a_person_bears_the_name():
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    text = "Abraham Lincoln was born far from Lincoln. The jets were built in Toulouse. Lincoln spoke."
    raw = [(text.index("Abraham"), text.index("Abraham") + len("Abraham Lincoln"), "PERSON"),
           (text.index("Toulouse"), text.index("Toulouse") + len("Toulouse"), "PERSON"),
           (text.rindex("Lincoln"), text.rindex("Lincoln") + len("Lincoln"), "PERSON")]
    got = {(m.text, m.start): m.type for m in fix_mentions(Article(id="a", source="a", text=text), raw)}
    assert got[("Toulouse", text.index("Toulouse"))] is EntityType.PLACE
    assert got[("Lincoln", text.rindex("Lincoln"))] is EntityType.PERSON  # the person named in full


def test_a_repeated_one_word_person_never_named_in_full_is_an_organisation_everywhere():
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    text = "Ryanair ordered new planes on Monday. Shares of Ryanair rose. Michael O'Leary said Ryanair would grow."
    raw = [(0, len("Ryanair"), "PERSON"), (text.index("Michael"), text.index("Michael") + len("Michael O'Leary"), "PERSON")]
    got = [(m.text, m.start, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert [m for m in got if m[0] == "Ryanair"] == [("Ryanair", m.start(), EntityType.ORGANISATION)
                                                     for m in re.finditer("Ryanair", text)]
    assert ("Michael O'Leary", text.index("Michael"), EntityType.PERSON) in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # seed 001: the article's only "Trump", in a quotation (the corpus names him in full elsewhere)
        ("“I just don’t think Trump is going to give that kind of commitment,” he said.", "Trump"),
        ("President Putin spoke on Monday. Putin said the talks would go on.", "Putin"),
    ],
)
def test_a_one_word_person_named_once_or_with_a_title_stays_a_person(text, name):
    got = _fixed(text, [(name, "PERSON")])
    assert (name, text.index(name), EntityType.PERSON) in got


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # GUM letter_attorney (CC BY-NC-SA 4.0), a person written by surname only; the second is untagged
        ("It is our considered opinion: Williamson should have sent them to the owner's daughter as a very personal "
         "matter.\nNow it appears that Williamson is trying to defend himself to the public.", "Williamson"),
        # GUM fiction_claus (CC BY-NC-SA 3.0), a person written by first name only
        ("Santa had said he needed to leave at eight. So Betty had made Christmas Eve dinner. Betty never knew how "
         "naughty she should feel about wanting to strangle him sometimes.", "Betty"),
    ],
)
def test_a_repeated_one_word_person_followed_by_he_or_she_stays_a_person_everywhere(text, name):
    got = [(start, type_) for n, start, type_ in _fixed(text, [(name, "PERSON")]) if n == name]
    assert got == [(m.start(), EntityType.PERSON) for m in re.finditer(name, text)]


def test_a_pronoun_after_a_name_that_modifies_a_noun_is_no_evidence():
    # AllSides (shared data, Haugen roundup): "she" is Haugen, "Facebook" only modifies "research"
    text = ("Her name is Frances Haugen. The complaints say Facebook's own research shows that it amplifies hate. "
            "One complaint alleges that Facebook's Instagram harms teenage girls. What makes Haugen's complaints "
            "unprecedented is the trove of private Facebook research she took when she quit in May.")
    got = _fixed(text, [("Facebook", "PERSON"), ("Frances Haugen", "PERSON")])
    assert [t for n, _, t in got if n == "Facebook"] == [EntityType.ORGANISATION] * 3


@pytest.mark.parametrize(
    ("text", "name", "found"),
    [
        ("Betty wiped her fingers on a hand-towel.", "Betty", True),  # GUM fiction_claus
        ("Sue said since she was getting ready.", "Sue", True),  # GUM letter_marcie2 (CC BY-NC-SA 4.0)
        # GUM bio_dvorak (Wikipedia, CC BY-SA 3.0): a capitalised word ends the reach
        ("the Symphony From the New World, which spread his reputation", "Symphony", False),
        ("Shares of Ryanair rose, Michael O'Leary said in his statement.", "Ryanair", False),
    ],
)
def test_a_pronoun_after_a_name_counts_within_eight_lower_case_words(text, name, found):
    from storyfold.stages.entities.retype import occurrences, pronoun_after

    assert pronoun_after(text, list(occurrences(name, text))) is found


def test_a_repeated_one_word_person_after_a_model_designation_is_a_product():
    # MEANTIME airbus 73808: "Dreamliner", tagged a person, is the 787's name
    text = ("Boeing unveils new 787 Dreamliner. Aircraft manufacturer Boeing have unveiled their new 787 Dreamliner "
            "at their Everett Factory.")
    assert not [m for m in _fixed(text, [("Dreamliner", "PERSON")]) if m[0] == "Dreamliner"]


def _fixed(text, tagged, at=None):
    """fix_mentions over ``tagged`` ((text, label) where ``at`` first occurs, else the text's first
    occurrence) as spaCy's spans."""
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    raw = [(text.index(at or name), text.index(at or name) + len(name), label) for name, label in tagged]
    return [(m.text, m.start, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]


def test_a_makers_name_in_a_product_is_no_organisation_in_its_repeats_either():
    # MEANTIME airbus 11714: "Boeing" is tagged once; its repeats before a model number are the product's name.
    text = ("Ryanair exercises options on five Boeing 737s. Irish low cost airline Ryanair announced today that it "
            "is exercising options with Boeing to purchase five new 737 aircraft. “The Boeing 737-800 has the best "
            "technical reliability,” he said.")
    got = _fixed(text, [("Boeing", "ORG")], at="Boeing to purchase")
    boeing = [start for name, start, type_ in got if name == "Boeing" and type_ is EntityType.ORGANISATION]
    assert boeing == [text.index("Boeing to purchase")]


@pytest.mark.parametrize(
    ("text", "span", "kept"),
    [
        ("The plane is built with four Rolls-Royce Trent 900 engines.", "Rolls-Royce Trent 900", False),
        ("First Airbus A380 delivered to Singapore Airlines.", "First Airbus A380", False),
        ("The losses of Adam Air Flight 574 and Garuda Indonesia Flight 200 killed 102.", "Adam Air Flight 574", True),
    ],
)
def test_a_span_ending_in_a_model_designation_is_a_product(text, span, kept):
    got = _fixed(text, [(span, "ORG")])
    assert ((span, text.index(span), EntityType.ORGANISATION) in got) is kept


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # MEANTIME airbus 11714 and 149731: the small model tags both as people
        ("Irish low cost airline, Ryanair, announced today that it is buying five jets. Ryanair CEO, Michael "
         "O'Leary, justified the choice. Ryanair is the number one on-time airline.", "Ryanair"),
        ("The problem became public this weekend, when German magazine Der Spiegel cited confidential documents.",
         "Der Spiegel"),
    ],
)
def test_a_name_in_apposition_to_an_organisation_noun_is_an_organisation(text, name):
    got = _fixed(text, [(name, "PERSON")])
    mentions = [(start, type_) for n, start, type_ in got if n == name]
    assert mentions and all(type_ is EntityType.ORGANISATION for _, type_ in mentions)
    if name == "Ryanair":
        assert len(mentions) == 3  # every repeat follows the evidence, not the model's PERSON tag


@pytest.mark.parametrize(
    "text",
    ["Manchester United striker Wayne Rooney scored twice.", "The company founder Steve Wozniak spoke on Monday."],
)
def test_a_person_after_a_person_noun_stays_a_person(text):
    name = "Wayne Rooney" if "Rooney" in text else "Steve Wozniak"
    assert (name, text.index(name), EntityType.PERSON) in _fixed(text, [(name, "PERSON")])


def test_a_person_after_a_determiner_and_an_organisation_noun_stays_a_person():
    # a reduced relative clause, no apposition
    text = "It is the company Steve Jobs founded in 1976."
    assert ("Steve Jobs", text.index("Steve"), EntityType.PERSON) in _fixed(text, [("Steve Jobs", "PERSON")])


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # AllSides articles: a title with a dot or a prefix, a name only ever modifying a noun, a code
        ("Mr. Foote, a former ambassador to Zambia, resigned. Foote wrote that the policy was wrong.", "Foote"),
        ("When then-President Trump ordered a strike, critics spoke up. Trump's attack killed two leaders.", "Trump"),
        ("A senior Biden administration official spoke. It underscores the Biden administration's efforts.", "Biden"),
        ("COVID-19 cases rose. Hospitals said COVID-19 patients filled the wards.", "COVID-19"),
    ],
)
def test_a_repeated_one_word_person_keeps_its_tag_with_a_title_only_as_a_modifier_or_with_digits(text, name):
    got = _fixed(text, [(name, "PERSON")])
    assert (name, text.index(name), EntityType.PERSON) in got


# The article's own evidence of a type (stages/entities/retype.py), on sentences of the ECB+ train
# topics (CC BY 3.0, Cybulska and Vossen 2014) and of MEANTIME's development corpus.


def test_a_name_spacy_calls_a_work_more_often_than_a_name_is_dropped():
    # ECB+ 6_6ecbplus: the film "Catching Fire", tagged PERSON once and WORK_OF_ART twice
    text = ("According to THR, Ross will resume negotiating with Lionsgate about returning for the \"Games\" sequel "
            "\"Catching Fire\" at some point on Monday. After all, \"Catching Fire\" begins shooting in August. "
            "Catching Fire is the second film.")
    at = [m.start() for m in re.finditer("Catching Fire", text)]
    n = len("Catching Fire")
    raw = [(at[0], at[0] + n, "WORK_OF_ART"), (at[1], at[1] + n, "WORK_OF_ART"), (at[2], at[2] + n, "PERSON"),
           (text.index("Ross"), text.index("Ross") + 4, "PERSON")]
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    got = [(m.text, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert not [m for m in got if "Fire" in m[0]]
    assert ("Ross", EntityType.PERSON) in got  # spaCy's other spans are untouched


def test_a_name_tagged_person_as_often_as_a_work_stays():
    text = "Gary Ross spoke on Monday. Gary Ross said the talks would go on."
    raw = [(0, 9, "PERSON"), (text.rindex("Gary Ross"), text.rindex("Gary Ross") + 9, "WORK_OF_ART")]
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    got = [(m.text, m.start, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert [m for m in got if m[0] == "Gary Ross"] == [("Gary Ross", 0, EntityType.PERSON),
                                                       ("Gary Ross", text.rindex("Gary Ross"), EntityType.PERSON)]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        # ECB+ 33_3ecbplus and 1_8ecbplus, both tagged ORG by the small model
        ("Zurana Horton, 34, a mother of 12, was fatally shot in 2011 while picking up her daughter, 11, from school.",
         "Zurana Horton"),
        ("White said he has received confirmation that Lohan has checked in to a rehab facility.", "White"),
        # ECB+ 7_8ecbplus
        ("The Ukrainian world champion extended his unbeaten run by overcoming 40 - year - old Thompson in Berne. "
         "Thompson never recovered from a big right hand.", "Thompson"),
    ],
)
def test_an_organisation_with_an_age_or_a_he_statement_is_a_person(text, name):
    got = _fixed(text, [(name, "ORG")])
    mentions = [type_ for n, _, type_ in got if n == name]
    assert mentions and all(type_ is EntityType.PERSON for type_ in mentions)


@pytest.mark.parametrize(
    "text",
    [
        # MEANTIME airbus 102977: "who" after a company
        "They will be owned by AirTanker, who retains commercial leasing rights to five.",
        "The Colts, 12, said he would play.",  # written after "the": no person
    ],
)
def test_an_organisation_without_a_persons_evidence_stays(text):
    name = "AirTanker" if "AirTanker" in text else "Colts"
    assert (name, text.index(name), EntityType.ORGANISATION) in _fixed(text, [(name, "ORG")])


def test_a_one_word_person_that_is_a_plural_noun_is_a_team():
    # ECB+ 29_6ecb: "Colts" tagged PERSON
    text = ("Peyton Manning completed 29-of-34 passes for 364 yards and three touchdowns to lead the Colts over the "
            "Jaguars in Week 16.")
    got = _fixed(text, [("Peyton Manning", "PERSON"), ("Colts", "PERSON")])
    assert ("Colts", text.index("Colts"), EntityType.ORGANISATION) in got
    assert ("Peyton Manning", 0, EntityType.PERSON) in got


def test_a_plural_surname_of_a_person_named_in_full_stays_a_person():
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    text = "Steve Jobs unveiled the phone. Jobs said it would sell."
    raw = [(0, 10, "PERSON"), (text.rindex("Jobs"), text.rindex("Jobs") + 4, "PERSON")]
    got = [(m.text, m.start, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert ("Jobs", text.rindex("Jobs"), EntityType.PERSON) in got


def test_a_name_after_the_city_of_is_a_place_and_not_after_home_of():
    # ECB+ 8_1ecbplus ("Thessaloniki" tagged ORG); MEANTIME airbus 41882 ("the original home of")
    text = "The rioting spread to the northern city of Thessaloniki. Police in Thessaloniki said two died."
    got = _fixed(text, [("Thessaloniki", "ORG")])
    assert [t for n, _, t in got if n == "Thessaloniki"] == [EntityType.PLACE, EntityType.PLACE]
    text = "The plane was built by the Long Beach plant, the original home of Douglas Aircraft and McDonnell Douglas."
    assert ("Douglas Aircraft", text.index("Douglas Aircraft"), EntityType.ORGANISATION) in _fixed(
        text, [("Douglas Aircraft", "ORG")])


def test_a_one_word_name_opening_a_sentence_that_the_article_writes_in_lower_case_is_dropped():
    # GUM news iodine (Wikinews, CC BY 2.5): "Iodine" tagged ORG at a sentence's start
    text = ("Professor Cres Eastman says it is crucial that children and pregnant women in particular have an "
            "adequate intake of iodine. Iodine deficiency can lead to serious health problems including brain damage.")
    got = _fixed(text, [("Cres Eastman", "PERSON"), ("Iodine", "ORG")])
    assert not [m for m in got if m[0] == "Iodine"]
    assert ("Cres Eastman", text.index("Cres Eastman"), EntityType.PERSON) in got


@pytest.mark.parametrize(
    ("text", "tagged", "name"),
    [
        # ECB+ 28_7ecb: "Felt" is Mark Felt's surname, although the article also writes "he felt"
        ("Mark Felt was the FBI's number two. He felt betrayed. Felt later said he believed that Nixon had been "
         "misusing the FBI.", ["Mark Felt", "Felt later"], "Felt"),
        # no lower-case "iodine" in the article: a capital opening a sentence is no evidence either way
        ("The company Iodine Pharmaceuticals said sales rose. Iodine employs 400 people.", ["Iodine employs"], "Iodine"),
        # a country (the gazetteer's) stays although the article also writes the common noun
        ("Farmers sold the turkey early. Turkey imposed a tariff on grain.", ["Turkey imposed"], "Turkey"),
    ],
)
def test_a_sentence_opening_name_stays_in_a_persons_name_or_without_a_lower_case_form(text, tagged, name):
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    raw = [(text.index(t), text.index(t) + len(t.split(" later")[0].split(" employs")[0].split(" imposed")[0]),
            {"Felt": "PERSON", "Iodine": "ORG", "Turkey": "GPE"}[name]) for t in tagged]
    got = [(m.text, m.start) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert (name, text.rindex(name + " ")) in got


def test_a_place_with_a_persons_evidence_is_a_person_everywhere():
    # GUM news imprisoned (Wikinews, CC BY 2.5): "Paris", a person, tagged GPE by the small model
    text = ("Valeska Paris, an Australian woman and former Scientologist, has claimed that the Church of Scientology "
            "imprisoned her for twelve years aboard the Scientology - owned cruise ship, Freewinds.\n"
            "Paris was born in Switzerland but her parents moved her to the United Kingdom when she was six so they "
            "could be closer to the church's headquarters.\n"
            "Paris claims she was first sent to the ship aged eighteen for two weeks as a teenager but ended up "
            "spending twelve years there.")
    from storyfold.records import Article
    from storyfold.stages.entities.entities import fix_mentions

    # the model tags every "Paris" GPE (and not "Valeska" with it)
    raw = [(m.start(), m.end(), "GPE") for m in re.finditer(r"Paris|Switzerland", text)]
    got = [(m.text, m.start, m.type) for m in fix_mentions(Article(id="a", source="a", text=text), raw)]
    assert [t for n, _, t in got if n == "Paris"] == [EntityType.PERSON] * 3
    assert ("Switzerland", text.index("Switzerland"), EntityType.PLACE) in got
    # without the evidence the model's tag stays
    plain = "Valeska Paris moved to Paris in 2007."
    assert ("Paris", plain.rindex("Paris"), EntityType.PLACE) in _fixed(plain, [("Paris", "GPE")], at="Paris in")


def test_figures_after_a_place_are_no_age():
    # MEANTIME airbus 61389: ", 3,700 in Germany" is no age of "France"
    text = "The company expects to cut approximately 4,300 jobs in France, 3,700 in Germany, 1,600 in UK and 400 in Spain."
    got = _fixed(text, [("France", "GPE"), ("Germany", "GPE")])
    assert ("France", text.index("France"), EntityType.PLACE) in got
    assert ("Germany", text.index("Germany"), EntityType.PLACE) in got
    assert ("AirTanker", 0, EntityType.ORGANISATION) in _fixed("AirTanker, 2,500 staff strong, said he", [("AirTanker", "ORG")])


def test_a_span_without_a_capital_is_no_name():
    # GUM news warhol (Wikinews, CC BY 2.5): "disco club" tagged ORG; MEANTIME airbus 145930: "140bn" tagged PERSON
    text = ("The exhibit at USI includes Polaroids of actor Dennis Hopper; disco club owner Steve Rubell of Studio 54; "
            "making the 787 worth in the region of US$ 140bn for Boeing.")
    got = _fixed(text, [("disco club", "ORG"), ("Steve Rubell", "PERSON"), ("140bn", "PERSON"), ("Boeing", "ORG")])
    assert [n for n, _, _ in got] == ["Steve Rubell", "Boeing"]
