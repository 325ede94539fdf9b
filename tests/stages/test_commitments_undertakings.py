"""Commitments of any actor and of any kind: pledges to do something (not only to give), offers,
"rule out", the reported "would", people and companies as actors, and conjectures that are no
one's act. The sentences are from real articles (AllSides roundups, ECB+ documents) of
``eval/gold/commitments_other_dev.jsonl``, the part written against; ``eval/commitments_other.py``
scores it beside the untouched ``commitments_other.jsonl``."""

from __future__ import annotations

from storyfold.records import CommitmentCategory as C
from storyfold.records import CommitmentStatus as S


def test_a_pledge_to_do_something_is_a_political_commitment(found) -> None:
    (m,) = found("Obama has promised to reverse the new rules .")
    assert (m.actor, m.status, m.category, m.item) == ("Obama", S.PLEDGED, C.POLITICAL, "to reverse the new rules")


def test_a_pledge_to_give_is_read_on_its_own_verb(found) -> None:
    (m,) = found("Germany pledged to send 20 tanks to Ukraine.")
    assert (m.actor, m.category, m.item_key, m.units) == ("Germany", C.MILITARY, "tank", 20)


def test_what_companies_commit_to_is_theirs_and_not_political(found) -> None:
    ms = found("UPS, FedEx and Walmart have also reportedly committed to 24/7 work hours to help remedy the supply "
               "chain crunch.")
    assert ms and all(m.status is S.COMMITTED and m.category is C.OTHER for m in ms)
    assert {m.actor for m in ms} <= {"UPS", "FedEx", "Walmart"}


def test_an_offer_is_willing_and_keeps_its_own_amount(found) -> None:
    (m,) = found("Shelley Moore Capito (R-W.Va.) offered to add $50 billion to the GOP's $928 billion counteroffer "
                 "on Friday.")
    assert (m.actor, m.status, m.amount, m.category) == ("Shelley Moore Capito", S.WILLING, "$50 billion", C.FINANCIAL)


def test_would_reported_by_a_past_verb_of_saying_is_a_pledge(found) -> None:
    (m,) = found("On Sunday, the White House said it would send protective gear, rapid diagnostic test kits and "
                 "ventilators to India.")
    assert m.status is S.PLEDGED
    assert found("Germany would send tanks to Ukraine.")[0].status is S.CONSIDERING  # a would of its own


def test_a_nameless_company_is_the_last_one_named(found) -> None:
    (m,) = found("Kraft said the plant would be closed until further notice and the company would provide "
                 "employees with counseling .")
    assert (m.actor, m.status, m.item) == ("Kraft", S.PLEDGED, "counseling")


def test_rule_out(found) -> None:
    (m,) = found("On Monday, Iranian President-elect Ebrahim Raisi ruled out a meeting with President Joe Biden even "
                 "if current U.S. sanctions are lifted.")
    assert (m.actor, m.status, m.category) == ("Iran", S.RULED_OUT, C.POLITICAL)


def test_someone_elses_conjecture_is_no_commitment(found) -> None:
    # a seed article's quote: the speaker doubts that the United States will commit
    assert found("“I just don’t think Trump is going to give that kind of commitment, so while I admire the work "
                 "going into this.”") == []
    (m,) = found("Germany believes it will deliver the tanks in May.")  # the actor's own expectation
    assert m.actor == "Germany"


def test_a_name_modifying_the_acting_group_is_part_of_the_actor(found) -> None:
    (m,) = found("On Thursday, Senate Republicans unveiled their infrastructure counteroffer to President Joe Biden, "
                 "aiming to spend more than $920 billion on fixing the nation’s roads and bridges.")
    assert (m.actor, m.amount) == ("Senate Republicans", "more than $920 billion")
