"""What clause a date belongs to, read from the parse: real sentences from the seeds and from the
AllSides roundups' outlet excerpts (the May 2021 Gaza war), short quotations for the reading."""

from __future__ import annotations

import pytest

from storyfold.config import load_settings
from storyfold.text.clauses import clause_holding, main_clause, names_a_thing
from storyfold.text.nlp import load_spacy


@pytest.fixture(scope="module")
def nlp():
    return load_spacy(load_settings().spacy_model, ("ner",))


def _at(text: str, needle: str) -> tuple[int, int]:
    i = text.index(needle)
    return i, i + len(needle)


def test_main_clause_reads_the_parse(nlp) -> None:
    text = "The senator, who was elected in 1963, said on Monday that he would retire."
    doc = nlp(text)
    assert not main_clause(doc, *_at(text, "1963"))
    assert main_clause(doc, *_at(text, "Monday"))


@pytest.mark.parametrize(("text", "date", "told"), [
    # the fighting of May 2021 is "the most intense" since the take-over: 2007 dates the take-over
    ("The truce comes less than two weeks after the terrorist group commenced its 4,000-rocket barrage on Israeli "
     "civilians\u2014the most intense since it took over the Gaza strip in 2007.", "2007",
     "it took over the Gaza strip in 2007"),
    # the conversation is of 19 May; "nine days earlier" dates the violence erupting
    ("It was their fourth conversation since the violence erupted between Israel and Hamas nine days earlier.",
     "nine days earlier", "the violence erupted between Israel and Hamas nine days earlier"),
    # a relative clause is told with the noun it hangs on
    ("The senator, who was elected in 1963, said on Monday that he would retire.", "1963",
     "The senator, who was elected in 1963"),
    # a seed (AP, Japan): the parse hangs "and" on the clause and the next conjunct on the main verb
    ("Any progress toward resolving the decades-old dispute between Tokyo and Moscow was scuttled when Russia "
     "invaded Ukraine in 2022 and Japan imposed the first of several rounds of sanctions against the Russians.",
     "2022", "Russia invaded Ukraine in 2022"),
])
def test_a_date_below_the_main_clause_dates_the_clause_holding_it(nlp, text: str, date: str, told: str) -> None:
    doc = nlp(text)
    span = clause_holding(doc, *_at(text, date), longest=240)
    assert span is not None and text[span[0]:span[1]] == told


def test_a_date_inside_a_noun_phrase_names_a_thing(nlp) -> None:
    text = ("The barrage of rockets from the Gaza Strip and airstrikes into the territory continued almost nonstop "
            "throughout the day, in what appeared to be some of the most intense fighting between Israel and Hamas "
            "since their 2014 war.")
    assert names_a_thing(nlp(text), *_at(text, "2014"))
    text = "The Consumer Price Index climbed 4.2 percent from a year earlier, the fastest pace since 2008."
    assert names_a_thing(nlp(text), *_at(text, "2008"))
    text = "In 1995, she became the first woman to lead the party."
    assert not names_a_thing(nlp(text), *_at(text, "1995"))


def test_a_main_clause_date_and_a_reported_one_date_the_whole_sentence(nlp) -> None:
    text = "In 1995, she became the first woman to lead the party."
    assert clause_holding(nlp(text), *_at(text, "1995"), longest=240) is None
    # the speaker stays with what is said
    text = "Dr. Anthony Fauci says the U.S. won't emerge from the COVID pandemic until next spring at the earliest."
    assert clause_holding(nlp(text), *_at(text, "next spring"), longest=240) is None


def test_a_participle_timing_the_main_act_dates_the_whole_sentence(nlp) -> None:
    # AllSides, October 2021: the borders open in November, the participle says when
    text = ("The Biden administration will open up U.S. land borders with Canada and Mexico to non-essential travel "
            "starting in November.")
    assert clause_holding(nlp(text), *_at(text, "November"), longest=240) is None
    text = "Republican lawmakers on Wednesday killed a law that underpinned coronavirus restrictions issued by Gov. Gretchen Whitmer in 2020."
    span = clause_holding(nlp(text), *_at(text, "2020"), longest=240)
    assert span is not None and text[span[0]:span[1]] == "coronavirus restrictions issued by Gov. Gretchen Whitmer in 2020"
