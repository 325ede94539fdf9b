"""A headline in title case ("Biden to Propose $6 Trillion Budget to Make U.S. More Competitive")
read in sentence case: the small English pipeline reads capitalised words as names ("Propose"
a proper noun, the root), so such a paragraph is parsed as a copy with its capitalised common
words lower-cased. The copy has the paragraph's length, so every offset read from its parse is
the paragraph's own.

A common word is one the pipeline's own lemmatizer tables list as an English lemma (noun, verb,
adjective or adverb: the ``lemma_index`` table, from WordNet), in its own form or without an
inflection's ending; a name the gazetteer knows ("Greece", "U.S."), a word with capitals inside
it ("DeVos", "GOP") and the first word keep their case. A paragraph is in title case where three
or more of its common words of four letters or more stand after its first word and all of them
are capitalised (shorter words vary with the house style: "to", "of", "for").
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from storyfold.text.gazetteer import PLACES

__all__ = ["common_words", "sentence_cased"]

_WORD = re.compile(r"(?<![\w'’.-])[A-Za-z][a-z]+(?![\w'’-])")
_ENDINGS = ("s", "es", "ed", "d", "ing")
_CAPITALISED = re.compile(r"\s[A-Z][a-z]{3}")  # a cheap test first: three capitalised words of four letters
_NAMES = frozenset(n for p in PLACES for n in (p.name, *p.spellings))


@cache
def common_words(lemmatizer: Any) -> frozenset[str]:
    """The lemmas of the lemmatizer's ``lemma_index`` table (read once per lemmatizer, in the stage's setup)."""
    table = lemmatizer.lookups.get_table("lemma_index")
    return frozenset(w for pos in ("noun", "verb", "adj", "adv") for w in table.get(pos, ()))


def _common(word: str, lemmas: frozenset[str]) -> bool:
    w = word.lower()
    return w in lemmas or any(w.endswith(e) and w[: -len(e)] in lemmas for e in _ENDINGS)


def sentence_cased(text: str, lemmatizer: Any | None) -> str | None:
    """``text`` with its capitalised common words lower-cased, where it is a headline in title case;
    else None."""
    if len(text) > 200 or len(_CAPITALISED.findall(text)) < 3 or lemmatizer is None or \
            not lemmatizer.lookups.has_table("lemma_index"):
        return None
    lemmas = common_words(lemmatizer)
    words = [m for m in _WORD.finditer(text) if m.start() > 0 and m.group() not in _NAMES
             and _common(m.group(), lemmas)]
    long = [m for m in words if len(m.group()) >= 4]
    if len(long) < 3 or any(m.group()[0].islower() for m in long):
        return None
    out = list(text)
    for m in words:
        if m.group()[0].isupper():
            out[m.start()] = m.group()[0].lower()
    return "".join(out)
