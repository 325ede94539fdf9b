"""What a verb's object makes no commitment of, and negation on the subject or on "rule out"
(commitments@20): a deed committed, a medicine licensed, a death or a name made known; "no …"
acting; "did not rule out" keeping it open. Sentences of AllSides outlet bodies (the roundups file
of ``neus-allsides``), each beside a sentence whose commitment stays."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def _acts(found, text: str) -> list[tuple[str, S, str]]:
    return [(m.actor, m.status, m.item or "") for m in found(text)]


def test_a_deed_committed_is_no_pledge(found) -> None:
    # roundup 5964
    assert found("In the tweet, Omar suggested that the United States and Israel had committed “unthinkable "
                 "atrocities” on part with those committed by terrorist organizations, including Hamas and the "
                 "Taliban.") == []
    assert found("The United States committed fraud.") == []
    assert ("United States", S.COMMITTED, "500 troops") in _acts(found, "The United States committed 500 troops to "
                                                                         "the mission.")


def test_a_medicine_licensed_for_use_is_nothing_given(found) -> None:
    # roundups 5977 and 5756: a regulator's approval
    assert found("The Food and Drug Administration on Monday approved the first new medication for Alzheimer’s "
                 "disease in nearly two decades.") == []
    assert found("The Pentagon is mandating that US military service members get fully vaccinated against Covid-19 "
                 "immediately, after the Food and Drug Administration fully approved the Pfizer/BioNTech coronavirus "
                 "vaccine this week.") == []
    # medicines approved for a recipient are given
    assert [a[0] for a in _acts(found, "Poland approved vaccines for Ukraine.")] == ["Poland"]


def test_a_death_or_a_name_made_known_is_nothing_given(found) -> None:
    # roundups 5748 and 6009
    assert found("And the Department of Defense has released the names of the U.S. troops killed in Thursday's "
                 "attack.") == []
    assert found("The Washington Post reported Wednesday that Warner’s Chief of Staff Carter Cornick announced the "
                 "former senator’s death.") == []
    ms = _acts(found, "Germany announced new aid worth 20 million euros for Ukraine.")
    assert [a[0] for a in ms] == ["Germany"]


def test_a_commitment_handed_over_is_given_not_said(found) -> None:
    # WordNet's guarantee is a message; a guarantee given is still a commitment
    assert [a[0] for a in _acts(found, "Britain gave Ukraine guarantees of support.")] == ["United Kingdom"]
    assert found("Germany sent a stern warning to Moscow.") == []


def test_no_one_acting_is_a_negated_act(found) -> None:
    # roundup 5667
    assert [a[1] for a in _acts(found, "No Republicans voted for the legislation.")] == [S.RULED_OUT]
    assert [a[1] for a in _acts(found, "Republicans voted for the legislation.")] == [S.COMMITTED]


def test_not_ruling_out_keeps_it_open(found) -> None:
    # the parse's reading and the sub-kind rules' agree
    assert {a[1] for a in _acts(found, "Macron did not rule out sending troops to Ukraine.")} == {S.CONSIDERING}
    assert {a[1] for a in _acts(found, "Britain won't rule out deploying troops.")} == {S.CONSIDERING}
    assert {a[1] for a in _acts(found, "France has ruled out sending troops to Ukraine.")} == {S.RULED_OUT}


def test_not_standing_against_is_willing(found) -> None:
    # roundup 5659 (outlet body)
    acts = _acts(found, "Sen. Rand Paul (R-Ky.), a fiscal hawk notorious for blocking spending bills, also indicated "
                        "that he wouldn’t object to quickly passing the continuing resolution.")
    assert [(a, s) for a, s, _ in acts] == [("Rand Paul", S.WILLING)]


def test_not_saying_leaves_it_undecided(found) -> None:
    # the form of roundup 5929's "she had not formally announced plans to form that committee"
    assert [s for _, s, _ in _acts(found, "The White House has not announced plans to send troops.")] == \
        [S.CONSIDERING]
    # the act negated itself is still ruled out
    assert [s for _, s, _ in _acts(found, "Germany will not send tanks to Ukraine.")] == [S.RULED_OUT]


def test_a_question_left_open_above_the_act(found) -> None:
    # the act's own "will" does not outrank what governs its clause (status._left_open)
    assert [s for _, s, _ in _acts(found, "Germany has not announced that it will send tanks to Ukraine.")] == \
        [S.CONSIDERING]
    assert [s for _, s, _ in _acts(found, "Poland did not say it plans to send jets.")] == [S.CONSIDERING]
    assert [s for _, s, _ in _acts(found, "Italy has not decided whether it will send tanks.")] == [S.CONSIDERING]
    assert [s for _, s, _ in _acts(found, "Italy will decide whether to send tanks to Ukraine.")] == [S.CONSIDERING]
    # said, it stays the pledge it reports; negated itself, ruled out
    assert [s for _, s, _ in _acts(found, "Germany said it will send tanks to Ukraine.")] == [S.PLEDGED]
    assert [s for _, s, _ in _acts(found, "Germany said it will not send tanks to Ukraine.")] == [S.RULED_OUT]


def test_not_holding_back_is_willing(found) -> None:
    assert [s for _, s, _ in _acts(found, "Poland did not hesitate to send tanks to Ukraine.")] == [S.WILLING]
    assert [s for _, s, _ in _acts(found, "Germany hesitated to send tanks to Ukraine.")] == [S.DECLINED]


def test_a_yes_no_question_asserts_nothing(found) -> None:
    # roundup 6091 (outlet body): "Was Harris paid for these books?"
    assert found("Was Germany paid for these tanks?") == []
    assert found("Will Germany send tanks to Ukraine?") == []
    assert found("Does Poland plan to send jets to Ukraine?") == []
    # a question that takes its act as given, and a tag question, are read as any clause
    assert [s for _, s, _ in _acts(found, "Why did Germany send tanks to Ukraine?")] == [S.FULFILLED]
    assert [s for _, s, _ in _acts(found, "Germany sent tanks to Ukraine, didn't it?")] == [S.FULFILLED]
    assert [s for _, s, _ in _acts(found, "Germany will send tanks to Ukraine.")] == [S.PLEDGED]
    assert [s for _, s, _ in _acts(found, "Germany did send tanks to Ukraine.")] == [S.FULFILLED]  # the past with "do"


def test_an_item_ends_on_its_own_words(found) -> None:
    # commitments@24. Kiel row UKM10.3 (dev half): the parse makes "1 GBR billion" a subject of its own,
    # and the item kept the preposition "out of" that had lost its object
    items = [m.item for m in found("British Defence Secretary Ben Wallace announced that 250 GBR million out of "
                                   "1 GBR billion would go to the IFU, a flexible low-bureaucracy fund.")]
    assert items and not any(i and i.split()[-1] in ("of", "out") for i in items)
    # a seed article: where and when an act took place ("at the G7 summit") is no part of what is given
    (m,) = found("Japan became the first country outside of the North Atlantic Treaty Organization (NATO) to sign a "
                 "security pact with Ukraine at the G7 summit in June 2024.")
    assert m.item == "security pact"
