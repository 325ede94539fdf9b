"""Status from the clause (commitments@9): what is put forward is ``willing``, a past act of
giving ``fulfilled``; legislatures' and parties' acts. Sentences of ``eval/gold/commitments_amounts_dev.jsonl``
(the amounts dev part: AllSides stories, ECB+ documents) and of the seed articles."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_a_presented_blueprint_is_willing_an_approved_budget_committed(found) -> None:
    # AllSides 5796 (right) and 5757 (left): the same sum, presented and then adopted
    unveiled = found("Senate Democrats on Monday unveiled a sweeping, $3.5 trillion blueprint to boost social spending, "
                     "raise taxes and pass a range of Democratic policies from electric car purchases to immigration "
                     "reform under special budget rules.")
    assert [(m.actor, m.status, m.amount) for m in unveiled] == [("Senate Democrats", S.WILLING, "$3.5 trillion")]
    approved = found("House Democrats on Tuesday approved a roughly $3.5 trillion budget that could enable sweeping "
                     "changes to the nation’s health-care, education and tax laws, overcoming their own internal "
                     "divisions to take the next step toward enacting President Biden’s broader economic agenda.")
    assert [(m.actor, m.status) for m in approved] == [("House Democrats", S.COMMITTED)]


def test_a_budget_released_is_a_plan_in_its_second_sense(found) -> None:
    # AllSides 5999 (right): WordNet's "budget" is a fund first and a plan second
    ms = found("President Biden on Friday released his massive $6 trillion budget for fiscal 2022 pushing a surge in "
               "spending on social programs and broadly defined infrastructure through tax hikes on businesses and "
               "higher-earners.")
    assert ms and {m.status for m in ms} == {S.WILLING}


def test_will_propose_is_still_a_proposal(found) -> None:
    # AllSides 6003 (left): "will" says when the proposal is made, not that it binds
    ms = found("President Biden will propose a $6 trillion budget on Friday that would take the United States to its "
               "highest sustained levels of federal spending since World War II, while running deficits above $1.3 "
               "trillion throughout the next decade.")
    assert ms and {(m.status, m.amount) for m in ms} == {(S.WILLING, "$6 trillion")}


def test_a_past_gift_of_money_is_fulfilled(found) -> None:
    # ECB+ 5_6ecbplus, sentence 9
    ms = found("In December , the school imposed a one - year postseason tournament ban on its men's basketball "
               "team after O'Brien acknowledged he gave about $6 , 000 to recruit Alex Radojevic in 1999 .")
    assert [(m.actor, m.status) for m in ms] == [("O'Brien", S.FULFILLED)]


def test_a_legislature_passes_legislation_not_a_ball(found) -> None:
    # AllSides 5969 (right)
    ms = found("The Senate passed sweeping legislation Tuesday designed to counter and compete with China’s growing "
               "power by investing more than $200 billion over the next five years into scientific research and "
               "technology.")
    assert [(m.actor, m.status, m.amount) for m in ms] == [("Senate", S.COMMITTED, "more than $200 billion")]
    assert not found("The Senate passed the ball to the House, Schumer said on Tuesday.")


def test_agreeing_on_a_plan_is_adopting_it_not_agreeing_to_assurances(found, seed_articles) -> None:
    # AllSides 5867 (center)
    ms = found("President Joe Biden's drive for big new infrastructure investment got a boost on Tuesday when leading "
               "Senate Democrats agreed on a $3.5 trillion investment plan they aim to include in a budget resolution "
               "to be debated soon, Senate Majority Leader Chuck Schumer said.")
    assert [(m.actor, m.status, m.amount) for m in ms] == [("Senate Democrats", S.COMMITTED, "$3.5 trillion")]
    # seed 003: what Trump asserts Putin would agree to is no act of Russia's
    text = seed_articles["003"].text
    sentence = next(s for s in text.split("\n") if "agree to security assurances" in s)
    assert not [m for m in found(sentence) if m.actor == "Russia"]


def test_a_party_heading_the_subject_acts_a_demonym_qualifying_it_does_not(found, seed_articles) -> None:
    # AllSides 5796 (center): the entities stage's group "Democrats"
    ms = found("As the Senate was putting the finishing touches on a bipartisan infrastructure bill Monday, Democrats "
               "released their $3.5 trillion budget plan that sets the stage for a massive investment in social "
               "programs and climate policy.")
    assert [(m.actor, m.status, m.amount) for m in ms] == [("Democrats", S.WILLING, "$3.5 trillion")]
    # seed 002: "European officials envisioned …": "European" qualifies the officials
    text = seed_articles["002"].text
    sentence = next(s for s in text.split("\n") if "European officials envisioned" in s)
    assert not [m for m in found(sentence) if m.actor == "European"]
