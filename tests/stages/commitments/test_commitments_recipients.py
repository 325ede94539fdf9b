"""Who is given to (commitments@17): the recipient is read from the article, never assumed. A
country named after "to", "for" or "into", or the recipient of a parsed act, is the article's
recipient and no actor where nothing has it act (by its own name: a demonym or a seat only
qualifies); on a story about another country the record names
that country or nobody, and a country that acts ("Ukraine pledged grain") is an actor like any."""

from __future__ import annotations

from kiel_inputs import found, kiel_row

from storyfold.stages.commitments.rules import aided


def test_the_recipient_is_the_country_the_sentence_gives_to() -> None:
    ms = found("The United States will provide training and weapons to Taiwan.", None)
    assert ms and {(m.actor, m.recipient) for m in ms} == {("United States", "Taiwan")}


def test_a_story_that_names_no_recipient_country_gets_none() -> None:
    # before commitments@17 every rules' mention was given to Ukraine, whatever the story
    ms = found("Germany has pledged 50 million EUR for reconstruction in the region.", None)
    assert ms and all(m.actor == "Germany" and m.recipient is None for m in ms)


def test_the_country_that_usually_receives_can_give() -> None:
    ms = found("Ukraine pledged 100,000 tons of grain to Somalia.", None)
    assert [(m.actor, m.recipient) for m in ms] == [("Ukraine", "Somalia")]


def test_recipients_are_named_after_to_for_into_and_never_a_country_that_acts() -> None:
    assert aided("Lithuania sent aid to Ukraine and trucks into Moldova.") == {"Ukraine", "Moldova"}
    assert aided("Funding for Ukraine was approved.", acting=["Ukraine"]) == frozenset()
    # a demonym qualifies ("for the Canadian budget"), a place after "in" is where something happens
    assert aided("Money for the Canadian budget. The carrier's arrival in Japan.") == frozenset()
    # the recipient of a parsed act counts by its own name; a demonym there qualifies (seed 001:
    # "an extraordinary escalation for Russian troops")
    assert aided("", given=["the armed forces of Ukraine"]) == {"Ukraine"}
    assert aided("", given=["Russian troops"]) == frozenset()


def test_the_seed_story_keeps_its_recipient() -> None:
    text = ("Lithuania's defence minister announced that Lithuania will send 10 million EUR of military aid "
            "to Ukraine. The package includes ammunition.")
    ms = found(text, None)
    assert ms and all(m.actor == "Lithuania" for m in ms) and {m.recipient for m in ms} <= {"Ukraine", None}


def test_a_place_where_aid_arrived_does_not_give_it(shared) -> None:
    # HUH6: "Five trucks arrived in Ukraine, …. Moreover, the Department of Human Resources offered …":
    # the donor is the title's country, not the place the trucks arrived in
    text, title = kiel_row(shared, "HUH6")
    actors = {m.actor for m in found(text, title)}
    assert actors == {"Hungary"}


def test_a_country_named_in_brackets_is_a_reference_not_an_actor(shared) -> None:
    # USM1.2: "… of 3 billion USD approved on March 15, 2022 (Ukraine Supplemental Act, 2022)"
    text, title = kiel_row(shared, "USM1.2")
    actors = {m.actor for m in found(text, title)}
    assert "United States" in actors and "Ukraine" not in actors
