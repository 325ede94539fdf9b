"""Quotes of the seed articles and their speakers, as read from the articles."""

from __future__ import annotations

import logging
from dataclasses import replace

import pytest

from storyfold.config import load_settings
from storyfold.pipeline import Context
from storyfold.records import Article, EntityMention, EntityType
from storyfold.stages.quotes.quotes import QuotesStage, find_quotes


@pytest.fixture(scope="module")
def quotes(seed_articles, seed_mentions):
    return {k: find_quotes(seed_articles[k], seed_mentions[k]) for k in seed_articles}


def _quote(quotes, key, opening):
    hits = [q for q in quotes[key] if q.text.startswith(opening)]
    assert len(hits) == 1, (key, opening, [q.text[:40] for q in quotes[key]])
    return hits[0]


# (article, how the quote opens, speaker as written or resolved, direct?, medium, how it ends)
EXPECTED = [
    ("001", "There are different capabilities", "the Prime Minister", True, None, "will be able to provide."),
    ("001", "We are willing to do concrete measures", "Alexander Stubb", True, "BBC",
     "strong leadership coming from the UK."),
    ("001", "To be credible, a deterrent force", "Peter Ricketts", True, "Sky News",
     "without an American clear guarantee."),
    ("001", "I think it would be an extraordinary escalation", "Streeting", True, "Sky News",
     "our own security is intertwined with Ukraine’s."),
    ("001", "the Tokyo government is the latest ally", "Keir Starmer", False, None, None),
    ("001", "a European force in Ukraine is", "Peter Ricketts", False, None, None),
    ("001", "Japanese officials are taking part", "Whitehall insiders", False, None, None),  # unnamed, no "that"
    ("001", "any confrontation between Russian and British troops", "Wes Streeting", False, None, None),
    ("002", "his country is ready to participate", "Ishiba Shigeru", False, None, None),
    ("002", "We’ll watch the ongoing discussions closely", "Ishiba", True, None, "we’ll play an appropriate role"),
    ("002", "At this point, we cannot say", "Ishiba", True, None, None),
    ("002", "achieving a fair peace is an extremely difficult task", "Ishiba", True, None, None),
    ("002", "does not undermine global security", "Ishiba", True, None, None),
    ("002", "Over the last couple of months", "Rutte", True, None, "security guarantees"),
    ("002", "America would not put", "Trump", False, None, None),
    ("003", "We will closely monitor the ongoing discussions", "Ishiba", True, None, "we aim to play a suitable role"),
    ("003", "Japan is ready to participate", "Shigeru Ishiba", False, None, None),
    ("003", "the alliance is working on guarantees", "Mark Rutte", False, "Fox News", None),
    ("003", "agree to security assurances for Ukraine", "Donald Trump", True, None, None),
    ("003", "first line of defense since they are present", "Donald Trump", True, None, None),
    ("003", "But we’ll support them", "Trump", True, None, None),
    ("004", "achieving peace will take time", "Ishiba", False, None, None),
    ("004", "30 countries, including Japan", "Mark Rutte", False, None, None),
    ("000", "deploying troops without a ceasefire", "Alexander Stubb", False, None, None),
    ("000", "deploying a European force without US support", "Peter Ricketts", False, None, None),
    ("000", "for the peacekeeping mission to be effective", "Peter Ricketts", False, None, None),
]


@pytest.mark.parametrize(("key", "opening", "speaker", "direct", "medium", "ending"), EXPECTED)
def test_quote_and_speaker(quotes, seed_articles, key, opening, speaker, direct, medium, ending):
    q = _quote(quotes, key, opening)
    assert q.speaker == speaker
    assert q.direct is direct
    assert q.medium == medium
    if ending:
        assert q.text.endswith(ending.rstrip("."))
    text = seed_articles[key].text
    assert text[q.speaker_start : q.speaker_end] == speaker
    assert q.article_id == seed_articles[key].id


@pytest.mark.parametrize(
    ("key", "opening", "paragraphs"),
    [("001", "We are willing", 2), ("001", "To be credible", 3), ("001", "I think it would be", 4)],
)
def test_quote_runs_over_paragraphs(quotes, seed_articles, key, opening, paragraphs):
    q = _quote(quotes, key, opening)
    span = seed_articles[key].text[q.start : q.end]
    assert span.count("\n\n") == paragraphs - 1
    assert "\n" not in q.text and "“" not in q.text


def test_pronoun_speaker_is_the_last_named_speaker(quotes, seed_articles):
    # "“At this point ...,” he said." follows Ishiba's quote, with Trump and Zelensky named between.
    q = _quote(quotes, "002", "At this point")
    assert seed_articles["002"].text[q.speaker_start : q.speaker_end] == "Ishiba"
    he = seed_articles["002"].text.index("he said")
    assert q.speaker_start < he


def test_every_statement_quote_has_a_speaker(quotes):
    assert all(q.speaker for qs in quotes.values() for q in qs)
    assert len([q for q in quotes["001"] if q.direct]) == 4
    assert len([q for q in quotes["003"] if q.direct]) == 4


@pytest.mark.parametrize("phrase", ["coalition of the willing", "boots on the ground", "considerable risk",
                                    "extraordinary escalation", "reassurance force"])
def test_scare_quotes_are_not_statements(quotes, phrase):
    assert not any(q.direct and q.text.strip(".,") == phrase for qs in quotes.values() for q in qs)


def test_quote_spans_lie_in_the_article(quotes, seed_articles):
    for key, qs in quotes.items():
        text = seed_articles[key].text
        for q in qs:
            assert 0 <= q.start < q.end <= len(text)
            if "\n" not in text[q.start : q.end]:
                assert text[q.start : q.end] == q.text


def _article(text: str) -> tuple[Article, tuple[EntityMention, ...]]:
    article = Article(id="a", source="s", text=text)
    name = "Pia Olsen"
    mentions = []
    pos = text.find(name)
    if pos >= 0:
        mentions.append(EntityMention(text=name, type=EntityType.PERSON, article_id="a", start=pos, end=pos + len(name)))
    return article, tuple(mentions)


@pytest.mark.parametrize(
    "text",
    [
        "“We will stay the course in every region,” Pia Olsen said.",
        '"We will stay the course in every region," Pia Olsen said.',
        "‘We will stay the course in every region,’ Pia Olsen said.",
        "'We will stay the course in every region,' Pia Olsen said.",
        "«We will stay the course in every region,» Pia Olsen said.",
        "Pia Olsen said: “We will stay the course in every region.”",
    ],
)
def test_every_quote_style(text):
    article, mentions = _article(text)
    (q,) = find_quotes(article, mentions)
    assert q.text == "We will stay the course in every region"
    assert q.speaker == "Pia Olsen" and q.direct


def test_a_quote_after_a_quote_that_ran_over_paragraphs():
    article, mentions = _article(
        "Pia Olsen told reporters: “We are willing to act on this.\n"
        "“You also have to remember the border,” she said. “We take care of the north flank.”"
    )
    quotes = find_quotes(article, mentions)
    assert [q.text for q in quotes] == [
        "We are willing to act on this. You also have to remember the border",
        "We take care of the north flank",
    ]
    assert [q.speaker for q in quotes] == ["Pia Olsen", "Pia Olsen"]


def test_apostrophes_do_not_close_a_single_quote():
    article, mentions = _article("‘Britain’s farmers can’t wait another year for this,’ Pia Olsen said.")
    (q,) = find_quotes(article, mentions)
    assert q.text == "Britain’s farmers can’t wait another year for this"


def _allsides_article(path, phrase: str) -> Article:
    """The AllSides outlet article (shared data) whose body holds ``phrase``."""
    import json

    for line in path.read_text(encoding="utf-8").splitlines():
        for side in json.loads(line).get("news", {}).values():
            text = "\n".join(p.strip() for p in side.get("newBody", []) if p.strip())
            if phrase in text:
                return Article(id="allsides", source=side.get("newsLink") or "allsides", text=text)
    raise AssertionError(f"no AllSides article holds {phrase!r}")


@pytest.mark.parametrize(
    ("phrase", "opening", "speaker"),
    [
        # "“…,” X said Friday. “…”": the second quote goes on with the first one's speaker.
        ("Mark Ghaly said Friday", "We are now at a point", "Mark Ghaly"),
        # Curly opening, straight closing: “…," Becerra said on CNN's "New Day." "…"
        ("Becerra said on CNN", "The federal government has spent trillions", "Becerra"),
        ("Becerra said on CNN", "So it is absolutely the government", "Becerra"),
        # "…, according to Gasbuddy analyst Patrick De Haan": the person, not the company.
        ("according to Gasbuddy analyst", "As of Tuesday afternoon", "Patrick De Haan"),
    ],
)
def test_real_outlet_quotes(allsides_file, phrase, opening, speaker):
    from storyfold.config import load_settings
    from storyfold.pipeline import Context
    from storyfold.stages.entities.entities import EntitiesStage

    article = _allsides_article(allsides_file, phrase)
    (out,) = EntitiesStage().process_batch([article], [{}], Context(settings=load_settings()))
    hits = [q for q in find_quotes(article, out["entity_mentions"]) if q.text.startswith(opening)]
    assert len(hits) == 1 and hits[0].speaker == speaker


def test_a_quote_over_the_length_cap_is_skipped_and_named(seed_articles, seed_mentions, caplog):
    article = seed_articles["001"]
    whole = _quote({"001": find_quotes(article, seed_mentions["001"])}, "001", "I think it would be")
    length = whole.end - whole.start
    stage_settings = replace(load_settings(), max_quote_chars=length - 20)
    with caplog.at_level(logging.WARNING, logger="storyfold"):
        (out,) = [QuotesStage().process(article, {"entity_mentions": seed_mentions["001"]}, Context(settings=stage_settings))]
    texts = [q.text for q in out["quote_mentions"]]
    assert not any(t.startswith("I think it would be an extraordinary escalation") for t in texts)
    assert any(t.startswith("We are willing to do concrete measures") for t in texts)  # shorter quotes stay
    assert "setting max_quote_chars" in caplog.text and article.source in caplog.text
