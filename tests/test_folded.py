"""Folded patterns match as their IGNORECASE twins do, at the same offsets of the text given."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from storyfold.stages.commitments.category import _CATEGORY
from storyfold.stages.commitments.rules import _KINDS, _STATUS
from storyfold.text.folded import Folded

_LEXICONS = [rx for _k, rx in (*_KINDS, *_STATUS, *_CATEGORY)]
# words of the lexicons in any case, with the letters whose lower case is longer ("İ") or other
_TEXT = st.lists(st.sampled_from(["Boots", "on", "THE", "ground", "would", "not", "provide", "Willing", "of", "the",
                                  "UNHCR", "IFVs", "Red", "Cross", "İstanbul", "ß", "air", "Defence", ",", "won’t",
                                  "hospital", "loans", "Ready", "to", "x"]), max_size=14).map(" ".join)


@given(_TEXT)
def test_folded_lexicons_match_as_ignorecase(text: str) -> None:
    for rx in _LEXICONS:
        twin = re.compile(rx.pattern, re.IGNORECASE)
        assert rx.spans(text) == [m.span() for m in twin.finditer(text)], rx
        assert rx.spans(text, text.lower()) == rx.spans(text)
        first = twin.search(text)
        assert rx.first(text) == (first.span() if first else None)
        assert rx.count(text) == len(twin.findall(text))


def test_capitals_of_a_pattern_are_lowered_but_not_its_escapes() -> None:
    rx = Folded(r"\bUNHCR\b", r"\b(?:IFV|APC)s?\b", r"\Wfoo\W")
    assert rx.spans("Aid from the unhcr and 40 IFVs") == [(13, 18), (26, 30)]
    assert rx.spans("a foo b") == [(1, 6)]  # \W stayed \W (lowered, it would be \w)
    assert rx.spans("afoob") == []


def test_offsets_index_the_text_when_lowering_changes_its_length() -> None:
    rx = Folded(r"\bistanbul\b", r"\baid\b")
    text = "İzmir and Istanbul sent aid"  # "İ".lower() is two characters
    assert len(text.lower()) != len(text)
    assert [text[a:b] for a, b in rx.spans(text)] == ["Istanbul", "aid"]
