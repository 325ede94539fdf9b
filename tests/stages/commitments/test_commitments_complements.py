"""What an act's object really commits (commitments@14): the complement of a noun of resolving, not
the noun; nothing for a thing said or facts released, people released, a pronoun naming nothing,
a consequence of another act, or a condition set on someone else's act. Sentences of the two judged
AllSides dev samples of issue 17 (the roundups' stress sample)."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_a_noun_of_resolving_commits_its_complement(found) -> None:
    ms = found("Biden announced his decision to end U.S. military involvement in Afghanistan back in April.")
    assert [m.actor for m in ms] == ["Biden"]
    assert ms[0].item.startswith("end U.S. military involvement in Afghanistan")
    ms = found("The European Union on Wednesday agreed on a proposal to relax COVID-19 travel restrictions for "
               "travelers visiting from outside its 27 countries.")
    assert [(m.actor, m.status, m.item) for m in ms] == [
        ("European Union", S.COMMITTED, "relax COVID-19 travel restrictions")]
    # a plan announced is put forward
    ms = found("Last month, the Biden administration announced a plan to begin administering third shots of the two "
               "mRNA COVID-19 vaccines to healthy people in mid-September to shore up potentially flagging immunity "
               "to the coronavirus.")
    assert [m.status for m in ms] == [S.WILLING] and ms[0].item.startswith("begin administering third shots")


def test_an_act_under_a_noun_of_resolving_is_read_on_its_own_verb(found) -> None:
    ms = found("The White House on Thursday formally announced its plan to purchase and donate 500 million doses of "
               "the Pfizer-BioNTech vaccine to 92 poorer countries and the African Union.")
    assert [(m.actor, m.status, m.item) for m in ms] == [
        ("United States", S.WILLING, "500 million doses of the Pfizer-BioNTech vaccine")]


def test_things_said_and_facts_released_are_not_given(found) -> None:
    assert found("Justice Samuel Alito delivered the majority opinion.") == []
    ms = found("New York Gov. Andrew Cuomo resigned from his position on Tuesday, one week after state Attorney "
               "General Letitia James released a report that found he sexually harassed 11 women.")
    assert "Letitia James" not in {m.actor for m in ms}
    # and what the release brings about is no act of its own
    assert found("The Census Bureau on Thursday will release the data used to draw voting districts, setting up a "
                 "scramble of map-drawing and litigation ahead of the 2022 midterm elections that could influence the "
                 "balance of power in the House.") == []
    # money released is still given (a delivery verb with a thing: the seeds' and kiel's acts are unchanged)
    ms = found("The Food and Drug Administration on Wednesday authorized Pfizer booster shots for people above the "
               "age of 65 or who are at high risk.")
    assert [m.actor for m in ms] == ["Food and Drug Administration"]


def test_people_released_and_pronouns_are_no_thing_given(found) -> None:
    assert found("Thousands of Haitian migrants who were camping out at the small Texas border town of Del Rio have "
                 "been released into the US, a new report said — even as the Biden administration has warned that "
                 "those who cross into the country illegally will be sent back home.") == []


def test_a_condition_on_another_s_act_is_no_commitment(found) -> None:
    assert found("Federal funding will lapse if Congress fails to pass an appropriations plan before midnight "
                 "Thursday.") == []
