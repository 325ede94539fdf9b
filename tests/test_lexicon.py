"""lexicon.alternation: a trie of its words that matches what a longest-first alternation matches."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from storyfold.stages.commitments.rules import COUNTRIES
from storyfold.text.lexicon import alternation

_WORDS = st.lists(st.text(alphabet="ab.S ", min_size=1, max_size=5), min_size=1, max_size=12)


def _plain(words: list[str]) -> str:
    return "(?:" + "|".join(sorted((re.escape(w) for w in set(words)), key=len, reverse=True)) + ")"


@given(_WORDS, st.text(alphabet="ab.S x", max_size=30))
def test_trie_matches_the_longest_first_alternation(words: list[str], text: str) -> None:
    for tail in ("", r"(?![\w])", r"(?![\w.])"):
        trie, plain = re.compile(alternation(words) + tail), re.compile(_plain(words) + tail)
        assert [m.span() for m in trie.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_country_names_longest_first() -> None:
    rx = re.compile(alternation(COUNTRIES) + r"(?![\w])")
    text = "Nigeria and Niger, the United States of America, the U.S. and Guinea-Bissau"
    assert [m.group() for m in rx.finditer(text)] == ["Nigeria", "Niger", "United States of America", "U.S.",
                                                     "Guinea-Bissau"]
