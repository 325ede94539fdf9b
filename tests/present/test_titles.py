"""Headlines without site names, and a story's best-supported headline."""

from __future__ import annotations

import pytest

from storyfold.present.titles import best_headline, clean_headline, site_suffixes


@pytest.mark.parametrize(("title", "outlet", "host", "clean"), [
    ("Japan to join Ukraine coalition - BBC News", "BBC News", None, "Japan to join Ukraine coalition"),
    ("Japan to join Ukraine coalition - BBC News", None, "www.bbc.co.uk", "Japan to join Ukraine coalition"),
    ("Japan to join Ukraine coalition | Reuters", None, None, "Japan to join Ukraine coalition"),  # a bar: a site name
    ("Japan to join Ukraine coalition – The Japan Times", "The Japan Times", None, "Japan to join Ukraine coalition"),
    ("Ukraine war: Japan to join coalition", "BBC News", None, "Ukraine war: Japan to join coalition"),
    ("Japan to join - and lead - the coalition", "Reuters", None, "Japan to join - and lead - the coalition"),
    ("Japan ready to help: report", "Reuters", None, "Japan ready to help: report"),  # not the outlet's name
    ("Peace - BBC News", "BBC News", None, "Peace - BBC News"),  # too short a head to stand alone
    ("Japan weighs sending peacekeepers - The New York Times", None, "www.nytimes.com", "Japan weighs sending peacekeepers"),
    ("Japan weighs sending peacekeepers - Wall Street Journal", None, "wsj.com", "Japan weighs sending peacekeepers"),
    ("Japan weighs sending peacekeepers - The Daily Caller", None, "dailycaller.com", "Japan weighs sending peacekeepers"),
    ("Japan weighs sending peacekeepers - New Zealand", None, "nytimes.com", "Japan weighs sending peacekeepers - New Zealand"),
])
def test_clean_headline(title: str, outlet: str | None, host: str | None, clean: str) -> None:
    assert clean_headline(title, outlet=outlet, host=host) == clean


def test_a_tail_ending_two_headlines_is_a_site_name() -> None:
    titles = ["Japan to join Ukraine coalition - Daily Planet", "Finland rules out troops for now - Daily Planet",
              "A quiet week in Tokyo politics - weekend edition"]
    suffixes = site_suffixes(titles)
    assert clean_headline(titles[0], suffixes=suffixes) == "Japan to join Ukraine coalition"
    assert clean_headline(titles[2], suffixes=suffixes) == titles[2]


def test_best_headline_is_the_one_the_other_sources_bear_out() -> None:
    texts = {"a": "Japan will join the coalition to guarantee Ukraine's security.",
             "b": "Tokyo said Japan would join the coalition for Ukraine.",
             "c": "The coalition for Ukraine grew as Japan agreed to join."}
    headlines = {"a": "Japan to join Ukraines coalition", "b": "Japan to join coalition for Ukraine"}
    assert best_headline(headlines, texts, {k: k for k in texts}) == "Japan to join coalition for Ukraine"
    # one source: nothing else to bear a headline out; the stage's choice stands
    assert best_headline({"a": "One", "b": "Two"}, {"a": "x", "b": "y"}, {"a": "s", "b": "s"}, "Two") == "Two"
    assert best_headline({}, texts, {}) is None
