"""Commitments@13: bodies of legislators and voters that no name is theirs, agreements reached on a
sum, bills and deals introduced, debts forgiven or cancelled, a headline's "to", what a proposal
holds, the giver named on what is received, and a nameless government's office holder. Sentences
of the second amounts set's dev half (``eval/gold/commitments_amounts2_dev.jsonl``, split by sha1
of the sentence) and, for what is no act, of AllSides stories no gold file uses."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S
from storyfold.stages.commitments.clauses import clauses_of_paragraphs
from storyfold.stages.commitments.commitments import _default_nlp


def _acts(ms):
    return [(m.actor, m.status, m.amount) for m in ms]


def test_legislators_and_voters_act_as_the_subject_words_them(found) -> None:
    # amounts2 dev 22 (test.source 238), 32 (ECB+ 13_5ecbplus/57)
    ms = found("Negotiations were stalled for months, but on Dec. 1, a group of bipartisan lawmakers introduced a "
               "roughly $908 billion stimulus proposal while additional proposals were also introduced with some "
               "differences.")
    assert _acts(ms) == [("group of bipartisan lawmakers", S.WILLING, "roughly $908 billion")]
    ms = found("Palmer voters in 2010 approved a $3 million bond to pay for purchase of the property .")
    assert _acts(ms) == [("Palmer voters", S.COMMITTED, "$3 million")]


def test_what_legislators_do_with_a_sum_other_than_adopting_it_puts_it_forward(found) -> None:
    # amounts2 dev 25 (AllSides 5816, left): unveiled, not passed
    ms = found("After much delay, senators unveiled a nearly $1 trillion bipartisan infrastructure package, wrapping "
               "up days of painstaking work on the inches-thick bill and launching what is certain to be a lengthy "
               "debate over President Joe Biden’s big priority.")
    assert _acts(ms) == [("senators", S.WILLING, "nearly $1 trillion")]


def test_people_who_only_call_for_something_commit_nothing(found) -> None:
    # AllSides 5644 (center): lawmakers, but no act of giving
    assert found("Lawmakers called for strengthening privacy and competition laws, special online protections for "
                 "children, more transparency into social-media algorithms and toughening of the platforms’ "
                 "accountability.") == []


def test_an_agreement_reached_on_a_sum_is_an_act(found) -> None:
    # amounts2 dev 12 (test.source 187, a headline): "reach" is no act of giving, the deal on money is
    ms = found("Congress reaches deal on $900 billion COVID relief bill: McConnell.")
    assert _acts(ms) == [("Congress", S.COMMITTED, "$900 billion")]


def test_a_bill_or_a_deal_introduced_is_put_forward(found) -> None:
    # amounts2 dev 19 (test.source 222, a headline); test.source 26: a bill without a sum
    ms = found("Senators reveal bill text and introduce $1.2 trillion infrastructure deal after rare weekend session.")
    assert _acts(ms) == [("Senators", S.WILLING, "$1.2 trillion")]
    ms = found("Rand Paul introduced a bill that would prevent police officers from forcibly entering homes without "
               "announcing their presence or purpose for entering.")
    assert [(m.actor, m.status, m.item) for m in ms] == [("Rand Paul", S.WILLING, "bill")]


def test_a_debt_cancelled_is_given_and_a_headlines_to_is_a_pledge() -> None:
    # amounts2 dev 1 (test.source 6, a headline): the act as the parse reads it (no entity names DeVos)
    text = "DeVos to cancel $150M in student loans from closed for-profit colleges."
    [(c,)] = clauses_of_paragraphs(_default_nlp(), [text])
    assert (c.lemma, c.status, text[c.item[0] : c.item[1]]) == ("cancel", S.PLEDGED, "$150M")


def test_what_is_cancelled_when_it_is_no_debt_is_no_act(found) -> None:
    # AllSides 5628 and 5662 roundups: flights and a trip
    assert found("Southwest canceled a total of 1,826 flights and delayed 1,784 flights on Saturday and Sunday, "
                 "according to data from FlightAware.") == []
    assert found("President Joe Biden canceled a Wednesday trip to Chicago and is staying in Washington D.C. as "
                 "negotiations on his administration's spending bills have stalled.") == []


def test_what_a_proposal_holds_is_put_forward_by_its_owner(found) -> None:
    # amounts2 dev 17 (test.source 212, a headline)
    ms = found("Biden’s budget will include $5 trillion in new federal spending over the next decade.")
    assert _acts(ms) == [("Biden", S.WILLING, "$5 trillion")]


def test_the_giver_named_on_what_is_received(found) -> None:
    # amounts2 dev 33 (ECB+ 34_9ecbplus/8): no "from", the foundation's name on the grant
    ms = found("She had to rebuild the clinic after it burned down , receiving a $500 , 000 MacArthur Foundation "
               "\"genius grant\" in 2008 for the effort .")
    assert [(m.actor, m.amount) for m in ms] == [("MacArthur Foundation", "$500 , 000")]


def test_a_nameless_government_with_no_place_named_is_its_office_holders(found) -> None:
    # amounts2 dev 5 (test.source 38): the count of items given is the commitment's units
    ms = found("President Trump announced on Monday that the federal government will distribute 150 million rapid, "
               "point-of-care coronavirus tests to states over the next few weeks, including to K-12 schools and "
               "vulnerable communities like nursing homes and assisted living facilities.")
    assert [(m.actor, m.status, m.units) for m in ms] == [("Trump", S.PLEDGED, 150_000_000)]
