"""Commitments@37: a participle naming its agent qualifies what that agent gives, imposes or signs
("a moratorium imposed by the CDC"), and a ruling a state or a person in public life signs or
issues is political. Sentences of AllSides stories (the first from eval/gold/commitments_verbs.jsonl's
dev part), and forms written to pin the limits (marked)."""

from __future__ import annotations

from storyfold.records import CommitmentCategory as C
from storyfold.records import CommitmentStatus as S


def test_what_a_participle_says_its_agent_imposed_or_signed_is_the_agent_s(found) -> None:
    ms = found("A coalition of landlords and real estate trade groups in Alabama and Georgia challenged the latest "
               "extension of a moratorium imposed by the Centers for Disease Control and Prevention, issued Aug. 3 "
               "and intended to run through Oct. 3.")
    assert [(m.actor, m.status, m.item) for m in ms] == [
        ("Centers for Disease Control and Prevention", S.COMMITTED, "moratorium")]
    (m,) = found("The law, signed by Texas Republican Gov. Greg Abbott in May, prohibits abortions once medical "
                 "professionals can detect cardiac activity, usually around six weeks.")
    assert (m.actor, m.category, m.status) == ("Greg Abbott", C.POLITICAL, S.COMMITTED)
    # written: a delivery named on what was delivered
    (m,) = found("The 50 tanks sent by Germany arrived in Kyiv on Monday.")
    assert (m.actor, m.category, m.status, m.units) == ("Germany", C.MILITARY, S.FULFILLED, 50)


def test_who_a_participle_names_is_no_giver_of_people_information_or_a_recipient(found) -> None:
    assert not found("Mexican officials, assisted by the gun-control group Brady United, filed a lawsuit against "
                     "several U.S.-based firearm manufacturers.")
    assert not found("The list of cabinet members announced by chief spokesman Zabihullah Mujahid on Tuesday was "
                     "dominated by members of the group’s old guard, with no women included.")
    assert not found("According to the statement signed by CDC Director Dr. Rochelle Walensky, immunity starts to fall.")
    # written: the receiver is named by "received by"; the fund money goes to is no act of its founder's
    assert not found("The aid received by Ukraine was welcome.")
    (m,) = found("Latvia has contributed 5 million EUR to the Multi Donor Trust Fund set up by the World Bank.")
    assert m.actor == "Latvia"


def test_an_order_a_politician_will_sign_is_political(found) -> None:
    (m,) = found("President Biden will sign an executive order Friday afternoon that takes aim at what the White House "
                 "describes as the growing problem of corporate consolidation in U.S.")
    assert (m.category, m.status) == (C.POLITICAL, S.PLEDGED)
