"""Commitments on any story: more acts of giving (verbless notes, nouns of giving, receive / equip /
help / pay / gift), and the coarse category: the lexicon, WordNet's hypernyms for the nouns it does not
know, and the paragraph for an item that names no kind of thing."""

from __future__ import annotations

import pytest

from storyfold.records import CommitmentCategory as C
from storyfold.stages.commitments.category import category_of, noun_category
from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.quantities import find_quantities
from storyfold.text import wordnet


@pytest.mark.parametrize(("word", "category"), [
    ("launchers", C.MILITARY), ("shells", C.MILITARY), ("javelin", C.MILITARY), ("personnel_carrier", C.MILITARY),
    ("uniforms", C.HUMANITARIAN), ("flour", C.HUMANITARIAN), ("medicines", C.HUMANITARIAN),
    ("budget", C.FINANCIAL), ("loan", C.FINANCIAL),
    ("package", None), ("support", None), ("vessels", None),  # no sense of theirs is a kind of aid
])
def test_wordnet_places_a_noun_under_a_category(word: str, category: C | None) -> None:
    assert noun_category(word) is category


def test_wordnet_reads_the_shipped_files() -> None:
    nouns = wordnet.load()
    assert "mouse" in nouns.lemmas("mice")  # the exception list
    assert nouns.lemmas("howitzers") == ["howitzer"]
    weaponry = nouns.synset("weaponry.n.01")
    assert weaponry is not None and weaponry in nouns.above(nouns.senses("howitzer")[0])
    # noun.exc lists "is" as its own form, though "is" is no noun: an exception's lemma counts only
    # when the index has it
    assert nouns.lemmas("is") == [] and not wordnet.is_a("is", "person.n.01")


def test_the_lexicon_decides_before_wordnet() -> None:
    assert category_of("first of several rounds of sanctions", "", False) is C.POLITICAL  # not "rounds" of ammunition
    assert category_of("15 units of M113 armored personnel carriers", "", False) is C.MILITARY
    assert category_of("22 mobile launchers", "", False) is C.MILITARY  # WordNet: launcher < armament


def test_a_noun_placed_by_its_second_sense_yields_to_the_clause() -> None:
    # AllSides roundup 5966 (outlet body): "shot" is first the act of firing, the projectile second
    assert category_of("enough shots", "provide enough shots to fully vaccinate 250 million people", False) \
        is C.HUMANITARIAN
    assert category_of("40 rounds", "provided 40 rounds", False) is C.MILITARY  # nothing in the clause: WordNet
    # a first sense keeps the item's category whatever the clause names
    assert category_of("blankets", "sent blankets to the army", False) is C.HUMANITARIAN


def test_a_name_is_not_read_as_a_common_noun() -> None:
    assert category_of("new Stinger", "", False) is C.OTHER  # the cocktail sense is not food aid


def test_an_item_naming_no_kind_of_thing_takes_its_paragraph() -> None:
    text = ("Estonia announced a new aid package for Ukraine. The package includes rifles, ammunition and "
            "anti-tank weapons.")
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.actor, m.category) for m in found][:1] == [("Estonia", C.MILITARY)]


@pytest.mark.parametrize(("text", "category"), [
    ("Military equipment, helmets and lethal weapons such as rifles.", C.MILITARY),
    ("Drugs and medical equipment for Ukraine and neighbouring countries.", C.HUMANITARIAN),
    ("Lethal items, such as M72 rocket launchers and hand grenades.", C.MILITARY),
])
def test_a_verbless_note_naming_aid_is_an_act(text: str, category: C) -> None:
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Portugal aid announcement")
    assert [(m.actor, m.category) for m in found] == [("Portugal", category)]


def test_a_verbless_sentence_naming_no_aid_is_no_act() -> None:
    text = "Talks in Geneva, with no result."
    assert find_commitments(text, "a", (), find_quantities(text, "a"), title="Portugal aid announcement") == []


def test_a_channel_is_not_the_donor_of_a_note() -> None:
    text = "Drugs, as a response to a request made by Ukraine through the EU's Crisis Response Team."
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Denmark aid announcement")
    assert [m.actor for m in found] == ["Denmark"]


def test_a_verb_that_confirms_a_noun_of_giving_is_an_act() -> None:
    text = "The Polish Arms Agency confirmed the delivery of main battle tanks to Ukraine."
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert (m.actor, m.category, m.recipient) == ("Poland", C.MILITARY, "Ukraine")
    assert find_commitments("Russia condemned the delivery of tanks to Ukraine.", "a") == []


@pytest.mark.parametrize(("text", "actor", "item", "recipient"), [
    ("Ukraine received 20 tanks from Poland.", "Poland", "20 tanks", "Ukraine"),
    ("Estonia has equipped Ukraine with Javelin missiles.", "Estonia", "Javelin missiles", "Ukraine"),
    ("Norway will help Ukraine with 2 billion NOK.", "Norway", "2 billion NOK", "Ukraine"),
    ("The Netherlands will pay for 100 tanks.", "Netherlands", "100 tanks", None),
    ("The UK gifted 10 ambulances to Ukraine.", "United Kingdom", "10 ambulances", "Ukraine"),
])
def test_more_acts_of_giving(text: str, actor: str, item: str, recipient: str | None) -> None:
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert (m.actor, m.item, m.recipient) == (actor, item, recipient)


@pytest.mark.parametrize("text", ["Germany supports Ukraine.", "Japan paid tribute to the victims.",
                                  "Germany received 20,000 refugees from Syria.",
                                  "Tokyo is deeply invested in the talks."])
def test_support_without_a_thing_given_is_no_act(text: str) -> None:
    assert find_commitments(text, "a", (), find_quantities(text, "a")) == []


def test_an_act_to_help_keeps_its_amount_in_the_governing_clause() -> None:
    text = "Austria allocated 10 million EUR to help Ukraine."
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert (m.actor, m.amount) == ("Austria", "10 million EUR")


def test_money_that_goes_somewhere_is_given_by_who_said_so() -> None:
    text = "Denmark announced that 50 million DKK will go to Ukraine."
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert (m.actor, m.amount, m.recipient) == ("Denmark", "50 million DKK", "Ukraine")
    assert find_commitments("The talks will go on.", "a") == []


def test_money_allocated_by_nobody_named_is_the_last_named_donors() -> None:
    text = "The remaining 262 million SEK out of the total package is allocated for weapons and equipment."
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"), title="Sweden aid announcement")
    assert (m.actor, m.amount, m.category) == ("Sweden", "262 million SEK", C.MILITARY)
    assert find_commitments("The bridge was approved for repairs.", "a", title="Sweden aid announcement") == []


def test_coordinated_objects_with_their_own_amounts_are_one_act_each() -> None:
    text = "Canada will provide 50 million CAD in humanitarian assistance and 20 million CAD in development aid."
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.amount, m.item, m.category) for m in found if m.amount] == [
        ("50 million CAD", "humanitarian assistance", C.HUMANITARIAN), ("20 million CAD", "development aid", C.FINANCIAL)]
    text = "The Czech Republic sent T-72 tanks and BVP-1 vehicles worth 1.5 billion CZK."
    assert len(find_commitments(text, "a", (), find_quantities(text, "a"))) == 1  # one amount: one act


@pytest.mark.parametrize(("text", "amount"), [
    ("France increased its financial aid from 1.7 billion EUR to 2 billion EUR.", "2 billion EUR"),
    ("As part of a 20 million EUR package, Austria approved 5 million EUR for Ukraine.", "5 million EUR"),
])
def test_a_whole_or_a_former_level_is_not_the_acts_amount(text: str, amount: str) -> None:
    assert [m.amount for m in find_commitments(text, "a", (), find_quantities(text, "a")) if m.amount] == [amount]


@pytest.mark.parametrize(("clause", "category"), [
    ("The Ministry of Defence donated equipment", C.MILITARY),
    ("sent equipment to the armed forces", C.MILITARY),
    ("through the EU Civil Protection Mechanism", C.HUMANITARIAN),
    ("for development cooperation", C.FINANCIAL),
])
def test_who_gives_or_what_for_decides_a_generic_item(clause: str, category: C) -> None:
    assert category_of("equipment", clause, False) is category


def test_an_office_holder_or_a_state_body_acts_for_the_state_named_last() -> None:
    text = "Defence Secretary Ben Wallace announced that the UK will send 120 armoured vehicles."
    assert {m.actor for m in find_commitments(text, "a", (), find_quantities(text, "a"))} == {"United Kingdom"}
    text = "The Defence Secretary announced 120 armoured vehicles for Ukraine."
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="United Kingdom aid announcement")
    assert {m.actor for m in found} == {"United Kingdom"}


@pytest.mark.parametrize("text", ["Germany is to deliver 50 Gepard anti-aircraft tanks.",
                                  "Germany pledged 500 million EUR for weapons purchases."])
def test_a_promise_or_an_act_to_come_is_pledged(text: str) -> None:
    from storyfold.records import CommitmentStatus as S

    assert {m.status for m in find_commitments(text, "a", (), find_quantities(text, "a"))} == {S.PLEDGED}


def test_a_later_sentence_that_quantifies_the_aid_gives_its_amount() -> None:
    text = "Norway donated 22 M109 howitzers to Ukraine. The ministry quantifies this package at 7.4 million EUR."
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.actor, m.amount) for m in found] == [("Norway", "7.4 million EUR")]


@pytest.mark.parametrize(("text", "item", "units", "category"), [
    ("The aid package consists of 6 fire engines.", "6 fire engines", 6, C.OTHER),
    ("The shipment amounts to 100 million CZK and includes medical equipment, firefighting equipment and workwear.",
     "medical equipment", None, C.HUMANITARIAN),
])
def test_what_a_noun_of_giving_holds_is_an_act_where_none_came_before(text: str, item: str, units: int | None,
                                                                       category: C) -> None:
    (m,) = find_commitments(text, "a", (), find_quantities(text, "a"), title="Czech Republic aid announcement")
    assert (m.actor, m.item, m.units, m.category) == ("Czechia", item, units, category)
    if "CZK" in text:
        assert m.amount == "100 million CZK"  # the governing verb's amount, the sentence's only one


def test_what_an_act_stated_before_holds_is_no_act_of_its_own() -> None:
    text = "Estonia announced a new aid package for Ukraine. The package includes rifles, ammunition and anti-tank weapons."
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.actor, m.category) for m in found] == [("Estonia", C.MILITARY)]


def test_a_notes_participle_gives_its_money() -> None:
    text = ("23 million EUR directed to Ukraine, which are part of a 31 million EUR humanitarian package allocated "
            "by the Ministry of Foreign Affairs, European Union and Cooperation.")
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Spain aid announcement")
    assert [(m.actor, m.amount, m.category) for m in found] == [("Spain", "23 million EUR", C.HUMANITARIAN)]
    text = "We do not report in our dataset the 3.5 billion GBP committed prior to January 24, 2022."
    assert find_commitments(text, "a", (), find_quantities(text, "a"), title="United Kingdom aid announcement") == []


def test_a_measure_of_aid_names_its_kind_by_what_it_holds() -> None:
    text = "15 units of M113 armored personnel carriers, 5 units of 155-mm howitzers, communications equipment."
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Portugal aid announcement")
    assert [(m.actor, m.category, m.units) for m in found] == [("Portugal", C.MILITARY, 15)]
    assert find_commitments("Two units of the city police.", "a", title="Portugal aid announcement") == []


def test_a_place_in_a_clause_aside_is_not_the_notes_donor() -> None:
    text = "500 million GBP in loans to support Ukraine in response of Russia's aggression."
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="United Kingdom aid announcement")
    assert [(m.actor, m.amount) for m in found] == [("United Kingdom", "500 million GBP")]


def test_a_channel_named_before_is_not_what_a_pronoun_stands_for() -> None:
    text = ("The government announced a dispatch of humanitarian assistance through the EU Civil Protection "
            "Mechanism. It will also send medical supplies.")
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Malta aid announcement")
    assert {m.actor for m in found} == {"Malta"}


def test_the_acts_own_relative_clause_is_not_its_subject() -> None:
    text = ("The UK announced that 250 million GBP would go to the IFU, a flexible fund, which will be used to "
            "provide military equipment to the Armed Forces of Ukraine.")
    assert "Ukraine" not in {m.actor for m in find_commitments(text, "a", (), find_quantities(text, "a"))}


def test_distributing_aid_is_delivering_it() -> None:
    from storyfold.records import CommitmentStatus as S

    text = "Since March 20, a Turkish food truck has been distributing hot meals in Ukrainian cities."
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Turkey aid announcement")
    assert [(m.actor, m.status, m.category) for m in found] == [("Turkey", S.FULFILLED, C.HUMANITARIAN)]


def test_money_issued_is_given_by_the_donor_named_before() -> None:
    text = ("Pilar Cancela Rodríguez said that Spain might allocate EUR 250 million to Ukraine. Source of Aid 2 "
            "specifies that 100 million euros from this package will be issued as guarantee for the European Bank "
            "for Reconstruction and Development (EBRD).")
    found = find_commitments(text, "a", (), find_quantities(text, "a"), title="Spain aid announcement")
    assert [(m.actor, m.amount) for m in found] == [("Spain", "EUR 250 million"), ("Spain", "100 million euros")]
    assert find_commitments("The ministry issued a statement on the aid.", "a", title="Spain aid announcement") == []


def test_a_rules_mention_with_only_its_money_takes_the_parses_category() -> None:
    text = "Japan will give 100 million USD to Ukraine. The funds are for humanitarian purposes."
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.actor, m.amount, m.category) for m in found] == [("Japan", "100 million USD", C.HUMANITARIAN)]
    text = "Japan will give 100 million USD to Ukraine in loans."
    assert [m.category for m in find_commitments(text, "a", (), find_quantities(text, "a"))] == [C.FINANCIAL]


@pytest.mark.parametrize("text, want", [
    # the rules read a funding act and an amountless arms act, the parse one arms act with its sum
    ("Italy will provide 150 million EUR in weapons to Ukraine.", [("Italy", "arms", C.MILITARY, "150 million EUR")]),
    ("Australia will provide AUD 18 million in humanitarian assistance to Ukraine.",
     [("Australia", "funding", C.HUMANITARIAN, "AUD 18 million")]),
])
def test_one_sum_for_one_actor_in_one_sentence_is_one_act(text: str, want: list) -> None:
    found = find_commitments(text, "a", (), find_quantities(text, "a"))
    assert [(m.actor, m.kind.value, m.category, m.amount) for m in found] == want
