"""Commitments@31: what "agree" binds its subject to. AllSides stories no gold file uses, and one
form written for British usage (marked)."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_agreeing_with_people_or_that_something_holds_is_an_opinion(found) -> None:
    assert not found("President Biden on Monday said he did not agree with activists who followed Sen. Kyrsten "
                     "Sinema (D-Ariz.) into a bathroom over the weekend to protest her position on a reconciliation bill.")
    assert not found("On Friday, members of the CDC's Advisory Committee for Immunization Practices agreed the benefits "
                     "of the vaccine outweigh the risks from rare blood clots linked with the vaccine.")


def test_a_deal_or_a_sum_agreed_is_a_commitment(found) -> None:
    ms = found("President Joe Biden said Thursday he has agreed to a deal on infrastructure with a bipartisan group of "
               "senators after White House officials and the senators had a massive breakthrough the night before.")
    assert [(m.status, m.item) for m in ms] == [(S.COMMITTED, "deal")]
    # written: British usage, no preposition
    (m,) = found("EU leaders agreed a €50 billion aid package for Ukraine.")
    assert (m.actor, m.status, m.amount) == ("European Union", S.COMMITTED, "€50 billion")
