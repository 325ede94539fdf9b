"""Commitments@33 to @35: a quantifier with the noun it takes part of is a thing given ("all of its
artillery"), a thing "to be sent" is still to come, "not ready to" declines, and a cue of the rules
outside the act's clause yields to the parse. Forms written for
the coalition story."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_all_of_a_thing_is_given(found) -> None:
    (m,) = found("Denmark has donated all of its artillery to Ukraine.")
    assert (m.actor, m.status, m.item) == ("Denmark", S.FULFILLED, "all of its artillery")
    # a pronoun that names nothing still gives nothing
    assert not found("Denmark has donated it.")


def test_a_thing_to_be_sent_is_not_yet_delivered(found) -> None:
    ms = found("Latvia has allocated €40 million for drones to be sent to Ukraine.")
    assert S.FULFILLED not in {m.status for m in ms}
    (m,) = found("Germany has delivered 20 tanks.")
    assert m.status is S.FULFILLED


def test_not_ready_to_send_is_declined(found) -> None:
    # commitments@34, written: the negation stands on the copula of "ready", not on "ready"
    ms = found("Germany is not ready to send ground troops.")
    assert [(m.actor, m.status) for m in ms] == [("Germany", S.DECLINED)]
    (m,) = found("Sweden is willing to deliver jets.")
    assert m.status is S.WILLING


def test_a_rules_cue_outside_the_acts_clause_yields_to_the_parse(found) -> None:
    # commitments@35, written: the rules gave "air defence" the nearest cue, "not ready to"
    ms = found("Germany said it was not ready to send ground troops but would finance air defence.")
    assert {(m.item, m.status) for m in ms} == {("ground troops", S.DECLINED), ("air defence", S.PLEDGED)}
