"""Commitments@29: a place where the act is done is not who does it, a "would" that a past verb of
saying reports is the reported "will" in the sub-kind rules too, and a court's acts are rulings.
Sentences written for the forms where no development set has them (marked), else AllSides stories
no gold file uses."""

from __future__ import annotations

from storyfold.records import CommitmentStatus as S


def test_a_gathering_or_a_participle_names_the_venue_not_the_actor(found) -> None:
    assert not any(m.actor == "Belgium" for m in found("Donors at a conference in Brussels pledged $2 billion for Syria."))
    assert not any(m.actor == "France" for m in found("Leaders meeting in Paris agreed to send troops to Ukraine."))
    assert not any(m.actor == "Switzerland" for m in found("Delegates at the summit in Geneva promised new aid."))
    # a place that qualifies the people themselves still says whose they are
    (m,) = found("Officials in Berlin said they would send 20 tanks.")
    assert (m.actor, m.status) == ("Germany", S.PLEDGED)
    # and a country named in the acting phrase still acts at the venue
    (m,) = found("Germany's delegation at the summit in Geneva promised 20 tanks.")
    assert m.actor == "Germany"


def test_a_reported_would_provide_is_pledged(found) -> None:
    (m,) = found("Officials in Tokyo said Japan would provide $10 million.")
    assert (m.actor, m.status, m.amount) == ("Japan", S.PLEDGED, "$10 million")
    # a "would" no verb of saying reports stays a doubt
    (m,) = found("Germany would provide troops under a peace deal.")
    assert (m.actor, m.status) == ("Germany", S.CONSIDERING)


def test_what_a_court_grants_or_takes_up_is_a_ruling(found) -> None:
    # AllSides stories no gold file uses
    assert not found("The Supreme Court on Monday agreed to take up a blockbuster dispute over a Mississippi ban on "
                     "abortions after 15 weeks of pregnancy, setting up a high-stakes showdown over the future of Roe v. Wade.")
    assert not found("A federal court dismissed the Federal Trade Commission's antitrust lawsuit against Facebook, "
                     "handing the social media giant a victory as it battles claims of unfair monopolistic behavior.")
    # written: a court named by its circuit, the noun before the "of"
    assert not found("The Court of Appeals for the Ninth Circuit granted the government's request on Friday.")
