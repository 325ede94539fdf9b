"""Commitments@25: who an "it" or a "they" reporting its own act stands for, nameless bodies that
their own words qualify, and a name the entities stage did not find heading the subject. Sentences
of AllSides stories no gold file uses, and two written for the forms (marked)."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def _actors(ms) -> list[tuple[str, S]]:
    return [(m.actor, m.status) for m in ms]


def test_an_it_that_reports_its_own_act_is_the_body_that_says_it(found) -> None:
    ms = found("The Food and Drug Administration (FDA) announced Monday that it has granted full approval to the "
               "COVID-19 vaccine developed by Pfizer and BioNTech for individuals 16 years of age or older.")
    assert ("Food and Drug Administration", S.COMMITTED) in _actors(ms)
    # written: an organisation's amount, as the Kiel tracker's notes report it
    (m,) = found("The World Bank announced that it will give EUR 4 million to the UN World Food Programme "
                 "for its work in Ukraine.")
    assert (m.actor, m.status, m.amount) == ("World Bank", S.PLEDGED, "EUR 4 million")


def test_an_it_that_stands_for_what_follows_is_no_one(found) -> None:
    ms = found("The head of the World Health Organization said it was “premature” to rule out the possibility "
               "that the novel coronavirus leaked from a laboratory, in comments to reporters on Thursday.")
    assert not ms


def test_a_nameless_body_its_own_words_qualify_acts_as_worded(found) -> None:
    ms = found("An influential federal advisory panel overwhelmingly rejected a plan Friday to give Pfizer COVID-19 "
               "booster shots to most Americans, but it endorsed the extra shots for those who are 65 or older.")
    assert ("influential federal advisory panel", S.RULED_OUT) in _actors(ms)
    # a family is a unit in WordNet, but "his family" is someone's kin, no body
    ms = found('"We have lost a remarkable and loving husband, father, grandfather and a great American," his family '
               "said, offering thanks to the staff of the hospital near Washington, D.C. who treated Powell.")
    assert not any(m.actor == "his family" for m in ms)
    # written: a bare "the company" stands for the last one named, never for itself
    assert not found("The company pledged $5 million.")


def test_a_name_alone_heading_the_subject_acts(found) -> None:
    ms = found("Pelosi had promised centrist Democrats she would bring the Senate-passed measure to the floor today, "
               "and spent hours negotiating with members in order to fulfill her pledge.")
    assert ("Pelosi", S.PLEDGED) in _actors(ms)


def test_a_sum_the_parse_hangs_on_the_verb_is_what_is_given(found) -> None:
    # commitments@27, forms written for the small model's slips: a code or a scale letter read as an
    # adverb ("NOK", "m"), a sentence-initial "Aid" read as a clause
    (m,) = found("Norway contributed NOK 1 billion to the International Fund for Ukraine, which buys weapons "
                 "for the Ukrainian army.")
    assert (m.actor, m.amount) == ("Norway", "NOK 1 billion")
    (m,) = found("Estonian Defence Minister Hanno Pevkur transferred € 12m to the Ukrainian army on Tuesday.")
    assert (m.actor, m.amount) == ("Estonia", "€ 12m")
    (m,) = found("Aid worth EUR 4 million was delivered to Ukraine by Norway.")
    assert (m.actor, m.status, m.amount) == ("Norway", S.FULFILLED, "EUR 4 million")
    # an adverb that is no sum is no object
    (m,) = found("Norway sent aid last week.")
    assert m.item == "aid"


def test_an_act_worded_with_its_verb_is_one_act(found) -> None:
    # commitments@28, written: the undertaking ("sending troops") and the act it names ("troops") were two rows
    (m,) = found("Britain ruled out sending troops to Ukraine.")
    assert (m.actor, m.status, m.item) == ("United Kingdom", S.RULED_OUT, "troops")
    (m,) = found("Japan will not send troops unless the UN asks.")
    assert (m.actor, m.status, m.item) == ("Japan", S.RULED_OUT, "troops")
