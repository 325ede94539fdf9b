"""What ordinary news prose is not (commitments@18): sentences from AllSides outlet bodies on world,
foreign-policy, military, security and disaster stories (the roundups file of ``neus-allsides``)
that the stage read as commitments although nothing is given, and the Kiel notes that must stay
commitments beside them."""

from __future__ import annotations

from kiel_inputs import found


def _pairs(text: str, title: str | None = None) -> set[tuple[str, str]]:
    return {(m.actor, m.item or "") for m in found(text, title)}


def test_a_piece_the_parse_splits_off_a_sentence_is_no_verbless_note() -> None:
    # roundup 5702: the parse ends a sentence after "12:43 p.m." and reads "local time (…)" as a note
    text = ("Japan’s coast guard said it believes the two missiles were launched five minutes apart, at 12:38 p.m. "
            "and 12:43 p.m. local time (11:38 p.m. and 11:43 p.m. ET) and that they landed outside its exclusive "
            "economic zone in the waters between Japan and the Korean Peninsula.")
    assert found(text, None) == []


def test_arms_or_a_body_said_to_do_or_undergo_something_are_no_note_of_aid() -> None:
    # roundup 5750: "bombs" with its verb read as a participle on it
    assert found("The bombs – reportedly a car bomb and a suicide vest – detonated within minutes of each other at 6pm "
                  "local time yesterday, one near Abbey gate and another near the Baron hotel in Kabul.", None) == []
    # roundup 5756, after "Here are figures Kirby provided, by branch:" and a US title
    assert found("Army: 40% fully vaccinated with 57% with one dose.", "US military vaccination rates") == []


def test_a_note_of_aid_with_its_purpose_stays_a_note() -> None:
    # Kiel DKH4: "aimed at assisting" says what the drugs are for
    ms = found('Drugs and medical equipment for Ukraine and neighboring countries, aimed at assisting Ukrainian '
               'refugees. For an explanation about additional amounts reported in "Source of Aid 1", refer to DKH1.',
               "Denmark aid announcement")
    assert [(m.actor, m.category.value) for m in ms] == [("Denmark", "humanitarian")]


def test_what_an_actor_urges_another_to_fund_is_no_commitment_of_its_own() -> None:
    # roundup 5721: the spending is asked of Congress, and so is the funding it is for
    assert found("The White House budget office on Tuesday urged Congress to spend more than $30 billion to fund "
                 "natural disaster aid and the resettlement of Afghan refugees as part of a stopgap bill to avoid a "
                 "government shutdown.", None) == []
    # the actor's own act of spending, with its purpose, stays
    ms = found("Canada will spend $30 million to fund natural disaster aid in Haiti.", None)
    assert ms and {m.actor for m in ms} == {"Canada"}


def test_missiles_launched_are_fired_not_given() -> None:
    # roundup 5702: launched from a place, passive
    assert found("JCS said the missiles were launched from central North Korea and that South Korea is currently "
                 "analyzing more details about the launches.", None) == []


def test_one_person_sent_is_an_errand_people_sent_in_numbers_are_aid() -> None:
    # roundup 5760 (with a country named before it)
    assert found("Poland dispatched his top spy, a veteran of the Foreign Service, amid a frantic effort to evacuate "
                 "people from Kabul international airport.", None) == []
    assert ("Poland", "200 doctors") in _pairs("Poland sent 200 doctors and a field hospital to Ukraine.")


def test_another_verbs_particle_does_not_make_rule_into_rule_out() -> None:
    # roundup 5775: "carrying out" lies under "ruled"
    text = ("The Taliban swept through southern Afghanistan. They insist they have changed and won’t impose the same draconian restrictions they did when they last "
            "ruled Afghanistan, all but eliminating women’s rights, carrying out public executions and harboring "
            "al-Qaida in the years before the 9/11 attacks.")
    assert all(m.cue != "ruled" for m in found(text, None))


def test_a_sum_with_no_act_of_giving_is_no_funding() -> None:
    # roundup 5773: what deposits are worth, and what they could do
    assert found("But in 2010, US military officials and geologists revealed that the country, which lies at the "
                 "crossroads of Central and South Asia, was sitting on mineral deposits worth nearly $1 trillion that "
                 "could dramatically transform its economic prospects.", None) == []


def test_a_relative_pronoun_stands_for_the_noun_it_qualifies() -> None:
    # roundup 5783: "the war that has been imposed": a war, no thing given, and the Afghan people are its target
    assert found("Ghani spoke in Afghanistan. “As a historic responsibility, I am trying to not let the war that has "
                 "been imposed on the Afghan people cause the further killing of innocents.", None) == []


def test_a_country_is_no_thing_handed_over() -> None:
    # roundup 5742
    assert found("The aircraft's departure was the final chapter in a contentious military effort, which eventually "
                 "saw the US handing Afghanistan back.", None) == []


def test_a_demonym_after_a_preposition_and_the_is_a_recipient_or_a_place_not_the_actor() -> None:
    # a verbless note whose donor is the title's: "to the Ukrainian army" is who receives
    assert {m.actor for m in found("Transfer of 40 infantry fighting vehicles to the Ukrainian army.",
                                   "Greece aid announcement")} == {"Greece"}
    assert all(m.actor != "Ukraine" for m in found("The 20 armoured vehicles were handed over on the Ukrainian border.",
                                                  "Greece aid announcement"))


def test_a_kind_named_as_a_thing_is_support_only_where_the_sentence_gives() -> None:
    # roundup 6017: "intelligence" and "could", no act of giving
    assert found("Three researchers from China’s Wuhan Institute of Virology became sick enough in November 2019 that "
                 "they sought hospital care, according to a previously undisclosed U.S. intelligence report that could "
                 "add weight to growing calls for a fuller probe.", None) == []
    # seed 002's kind of sentence: the support is given
    ms = found("America might provide air support and intelligence for the peacekeeping effort.", None)
    assert {m.kind.value for m in ms} >= {"intelligence"}


def test_an_agencys_initials_are_no_currency() -> None:
    # roundup 5616: "FDA" read as a three-letter currency code made the panel a sum of money
    assert found("A Food and Drug Administration (FDA) advisory panel voted unanimously on Thursday to recommend the "
                 "agency let millions of Americans get a booster of Moderna’s COVID-19 vaccine.", None) == []
    # a country's code written for its money stays money (Kiel UKM10.3's "250 GBR million")
    from storyfold.stages.commitments.commitments import _default_nlp
    from storyfold.stages.commitments.objects import is_money

    doc = _default_nlp()("Britain gave 250 GBR million.")
    assert is_money(next(t for t in doc if t.lower_ == "million"))



def test_a_country_after_a_preposition_and_the_is_no_actor_of_the_rules() -> None:
    # Kiel NZM2 (dev half): since commitments@19 the sub-kind rules read money in any currency code
    # ("NZD"), and "to the Ukrainian army" is where the money goes, not who gives it
    text = ("The total sum is attributed to a NATO Trust Fund that provides non-lethal military aid to Ukraine as well "
            "as a direct transfer to the Ukrainian army. However we still report the whole donation value of NZD 5 "
            "million here, as both the donation to the NATO trust fund as well as the direct transfer to the "
            "Ukrainian army are considered bilateral military aid.")
    assert "Ukraine" not in {m.actor for m in found(text, "New Zealand aid announcement")}


def test_a_noun_that_names_arms_by_its_second_sense_only_makes_no_note() -> None:
    # AllSides roundup 5679 (outlet body, its truncated last paragraph, under its title): "shot" is
    # first the act of firing; before commitments@19 "One shot here..." was a note of arms
    title = "Biden: U.S. will buy and donate 500M more COVID-19 vaccine doses for the world"
    text = ("“For every one shot we have administered in this country to date, we are now donating three shots to "
            "other countries. One shot here...")
    assert [m.item for m in found(text, title) if m.category.value == "military"] == []
    # a first sense still makes a note ("Tanks": the armoured vehicle)
    assert [m.category.value for m in found("Delivery of 14 tanks to Ukraine.", "Norway aid announcement")] == ["military"]
