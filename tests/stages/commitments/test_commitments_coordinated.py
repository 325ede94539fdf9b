"""Commitments@32: each state a coordinated subject names acts ("Britain and France have offered
…"), a joint sum stays with the first, and an act worded with its verb and an article is one act.
AllSides stories no gold file uses, and forms written for the coalition story (marked)."""

from __future__ import annotations

from storyfold.records import CommitmentKind as K
from storyfold.records import CommitmentStatus as S


def _rows(ms) -> list[tuple[str, S, str | None, str | None]]:
    return [(m.actor, m.status, m.item, m.amount) for m in ms]


def test_each_state_of_a_coordinated_subject_acts(found) -> None:
    ms = found("The deal will see the US and UK give Australia the technology to build nuclear-powered submarines "
               "for the first time.")
    assert {m.actor for m in ms} >= {"United States", "United Kingdom"}
    # written
    assert _rows(found("Germany, France and Italy will send tanks to Ukraine.")) == [
        ("Germany", S.PLEDGED, "tanks", None), ("France", S.PLEDGED, "tanks", None), ("Italy", S.PLEDGED, "tanks", None)]
    ms = found("Britain and France have offered to lead a reassurance force in Ukraine after a ceasefire.")
    assert {(m.actor, m.status) for m in ms} == {("United Kingdom", S.WILLING), ("France", S.WILLING)}


def test_a_joint_sum_or_count_is_not_each_states_and_names_in_no_coordination_do_not_act(found) -> None:
    # written: the sum and the count stay where they were, on the first state; the others' rows
    # state none (the sub-kind rules, which read "pledged €1 billion" first, give each state the sum)
    ms = found("Germany, France and Italy will deliver 100 tanks worth €1 billion.")
    assert [(m.actor, m.amount, m.units) for m in ms] == [("Germany", "€1 billion", 100), ("France", None, None),
                                                          ("Italy", None, None)]
    # a place after "to", a possessive: no state of its own acts
    assert {m.actor for m in found("Britain's envoy to France said the UK would send troops.")} == {"United Kingdom"}


def test_a_thing_worded_with_its_verb_and_an_article_is_one_act(found) -> None:
    # written (commitments@28 covered "sending troops" beside "troops")
    (m,) = found("Estonia is considering sending a company of troops to western Ukraine.")
    assert (m.actor, m.status, m.item) == ("Estonia", S.CONSIDERING, "company of troops")
    # commitments@36: the row kept takes the sub-kind its verb's wording named
    assert m.kind is K.GROUND_TROOPS
    (m,) = found("Germany is not ready to send ground troops.")
    assert (m.item, m.kind) == ("ground troops", K.GROUND_TROOPS)
