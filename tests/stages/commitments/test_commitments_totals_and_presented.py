"""What a noun of giving is worth, stated as its predicate (a total after its parts), and sums put
forward by a verb that is no act of giving: a row of the Kiel tracker set's development half
(``eval/commitments.py``'s split) and sentences of the amounts dev part
(``eval/gold/commitments_amounts_dev.jsonl``)."""

from __future__ import annotations

from kiel_inputs import found, kiel_row

from storyfold.records import CommitmentStatus as S


def test_a_total_stated_after_its_parts_is_an_act_of_its_own(shared) -> None:
    # HUH6: "… worth 52 million HUF. Moreover, the Department of Human Resources offered a truckload
    # of medicines worth 210 million HUF. In total, the aid therefore amounts to 262 million HUF."
    # (the part, whose actor is a body of the state, is read where the entities stage ran)
    text, title = kiel_row(shared, "HUH6")
    ms = found(text, title)
    assert [(m.actor, m.item, m.amount) for m in ms] == [("Hungary", "aid", "262 million HUF")]


def test_a_worth_stated_for_an_act_without_one_is_lent_to_it_not_an_act(shared) -> None:
    # AUM4: "… Australia sends additional 20 Bushmaster … Hence, … the 20 Bushmasters have a value of
    # 49 million AUD": the amountless act before takes the value (one commitment, not two)
    text, title = kiel_row(shared, "AUM4")
    ms = found(text, title)
    assert [(m.actor, m.amount) for m in ms] == [("Australia", "49 million AUD")]


def test_the_worth_of_another_act_in_its_sentence_is_that_acts(shared) -> None:
    # CZH8: "The shipment amounts to 100 million CZK and includes medical equipment, …": one act
    text, title = kiel_row(shared, "CZH8")
    ms = found(text, title)
    assert [(m.actor, m.amount) for m in ms] == [("Czechia", "100 million CZK")]


def test_a_proposal_of_the_subjects_own_that_a_verb_presents_is_put_forward(found) -> None:
    # AllSides 5999 roundup (amounts dev 14): "revealed" is no act of giving; what it presents is
    # his own budget proposal, stating a sum
    ms = found("On Friday, President Joe Biden revealed his $6 trillion budget proposal for the 2022 fiscal year, "
               "which includes a tax hike on businesses and an increase in safety net spending, and excludes the "
               "Hyde Amendment.")
    assert [(m.status, m.amount) for m in ms] == [(S.WILLING, "$6 trillion")]
    # AllSides 5822 (right; amounts dev 27): a new plan laid out, its sum inside it
    ms = found("Biden laid out a plan incentivizing Americans to take the vaccine, including paid time off to get "
               "vaccinated and $100 payments to Americans who get vaccinated, paid for by government.")
    assert [(m.actor, m.status, m.amount) for m in ms] == [("Biden", S.WILLING, "$100")]


def test_a_plan_of_someone_else_is_not_put_forward_by_its_critic(found) -> None:
    # AllSides 5999 roundup, the same sentence with its possessor changed to another's plan: a verb
    # that is no act presents only a new plan or the subject's own
    ms = found("On Friday, Republicans criticized Biden's $6 trillion budget proposal for the 2022 fiscal year.")
    assert ms == []


def test_money_spent_is_given(shared) -> None:
    # USF4: "According to "Source of Aid 2", 5 billion USD of the total 8.006 billion US will be spent
    # to support Ukraine's economy …": "spend" pays out money, not time (ECB+ 7_10ecb: "Rahman got up but
    # spent the remainder of the round in the corner")
    text, title = kiel_row(shared, "USF4")
    ms = [m for m in found(text, title) if m.amount == "5 billion USD"]
    assert [(m.actor, m.category.value, m.status) for m in ms] == [("United States", "financial", S.PLEDGED)]
    assert found("Rahman got up but spent the remainder of the round in the corner , taking a sustained "
                  "beating .", None) == []
