"""The amount a commitment carries, on sentences of real articles (AllSides stories, ECB+
documents) of ``eval/gold/commitments_amounts_dev.jsonl``, the amounts dev part;
``eval/commitments_other.py`` scores it."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_a_proposal_of_a_sum_is_the_proposers_and_binds_once_accepted(found) -> None:
    # AllSides 6108 roundup
    ms = found("On Thursday, Senate Republicans proposed a $568 billion infrastructure plan that was met with "
               "skepticism by a number of Democrats who view the package as insufficient for the economy’s needs "
               "and as an unfair burden on middle-class taxpayers.")
    assert [(m.actor, m.status, m.amount) for m in ms] == [("Senate Republicans", S.WILLING, "$568 billion")]


def test_an_act_with_no_money_of_its_own_takes_the_nearest_stated_before_its_verb(found) -> None:
    # AllSides 6093 (center): the act is "provide more help"; "$1 trillion+" only classes the package
    ms = found("President Biden on Wednesday will present his third $1 trillion+ package to Congress since taking "
               "office, asking for $1.8 trillion in new spending to expand the American education system, provide "
               "more help for childcare and create millions more jobs.")
    assert ms and {m.amount for m in ms} == {"$1.8 trillion"}


def test_a_tokenised_sum_is_carried_whole(found) -> None:
    # ECB+ 28_2ecbplus: Penn Treebank spacing inside the figure
    ms = found("Frederick Cheney LaRue , 75 , the shadowy Nixon White House aide and \"bagman\" who delivered more "
               "than $300 , 000 in payoffs to Watergate conspirators , died of coronary artery disease in a "
               "Biloxi , Miss . , motel room , where he lived .")
    assert ms and {m.amount for m in ms} == {"more than $300 , 000"}


def test_he_stands_for_the_last_person_named_where_no_place_is(found) -> None:
    # ECB+ 5_6ecbplus: no country or city named before the pronoun
    ms = found("In December , the school imposed a one - year postseason tournament ban on its men's basketball "
               "team after O'Brien acknowledged he gave about $6 , 000 to recruit Alex Radojevic in 1999 .")
    assert [(m.actor, m.amount) for m in ms] == [("O'Brien", "about $6 , 000")]
