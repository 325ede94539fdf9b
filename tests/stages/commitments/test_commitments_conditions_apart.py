"""Commitments@30: a sum stated inside a clause that a conjunction opens ("until …", "if …") is
not the act's, and a condition on the act's verb holds where the sub-kind rules read the act as
firm."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_a_sum_in_an_until_clause_is_not_the_acts(found) -> None:
    # AllSides roundup 5663 (left outlet), a story no gold file uses
    ms = found("Progressive lawmakers have long warned that they would not vote for the infrastructure legislation, "
               "which the Senate passed last month, until a far more expansive, $3.5 trillion domestic policy and tax "
               "package also cleared chamber.")
    (m,) = [m for m in ms if m.actor == "Progressive lawmakers"]
    assert (m.status, m.amount) == (S.RULED_OUT, None)
    # written: the act's own sum stays beside a sum in its condition
    (m,) = found("Germany will send $1 billion if the United States sends $2 billion.")
    assert (m.actor, m.status, m.amount) == ("Germany", S.CONDITIONAL, "$1 billion")


def test_a_condition_on_the_verb_holds_where_the_rules_read_a_firm_act(found) -> None:
    # written: the sub-kind rules read "will" (pledged) first and had no condition of their lexicon
    (m,) = found("Canada will provide $50 million unless Parliament objects.")
    assert (m.actor, m.status, m.conditions) == ("Canada", S.CONDITIONAL, ("unless Parliament objects",))
    (m,) = found("Norway will give $5 million if the UN asks for it.")
    assert (m.status, m.conditions) == (S.CONDITIONAL, ("if the UN asks for it",))
    # no condition, no change
    (m,) = found("Canada will provide $50 million.")
    assert m.status is S.PLEDGED
