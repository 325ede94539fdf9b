"""Small word lists the entity and quote stages share: titles and name normalisation;
place names come from the one gazetteer (:mod:`storyfold.text.gazetteer`).

These are general news vocabulary, not answers for any one corpus. Each list is short on purpose:
a word goes in when leaving it out makes a systematic error (see ``docs/entities.md``).
"""

from __future__ import annotations

import re
import unicodedata

from storyfold.text.gazetteer import PLACES, without_possessive
from storyfold.text.numbers import NUMBER_WORD, parse_number

__all__ = [
    "ACRONYM_ORGS",
    "COUNTRY_ALIASES",
    "DEPARTMENT_WORDS",
    "FORUM",
    "HONORIFICS",
    "PERSON_TITLES",
    "SHIP_PREFIXES",
    "TITLE_HEADS",
    "forum_key",
    "name_key",
    "title_before",
]

# Organisations written as a word in British style ("Nato") that the model can miss or mistag.
ACRONYM_ORGS = frozenset(
    "NATO Nato OPEC Opec ASEAN Asean UNESCO Unesco UNICEF Unicef NASA Nasa FIFA Fifa Interpol Europol "
    "Frontex Ofcom Ofgem Ofsted Unhcr UNHCR".split()
)

# Titles before a name ("Prime Minister Keir Starmer"); the head words end a title.
TITLE_HEADS = frozenset(
    """president vice-president prime premier minister secretary secretary-general chancellor king queen
    prince princess pope governor mayor senator congressman congresswoman representative ambassador
    spokesman spokeswoman spokesperson chief director chairman chairwoman chair ceo adviser advisor
    commissioner general admiral colonel commander leader envoy judge justice speaker""".split()
)
# Titles that, first in a span tagged ORG or GPE, show the rest is a person's name.
PERSON_TITLES = frozenset(
    """spokeswoman spokesman spokesperson president senator ceo minister mr mrs ms dr sir lord lady dame
    chairman chairwoman governor mayor ambassador prime congressman congresswoman""".split()
)
HONORIFICS = frozenset("sir dame lord lady baroness baron mr mrs ms miss dr prof professor rev".split())
# Words that name a ministry in a title ("Defence Secretary"); the model tags them ORG.
DEPARTMENT_WORDS = frozenset(
    """defence defense health home foreign finance interior justice education environment energy trade
    treasury transport culture business work pensions labour security culture agriculture""".split()
)
SHIP_PREFIXES = ("HMS", "USS", "HMAS", "HMCS", "HMNZS", "RFA", "INS", "JS", "RV", "MV", "SS")

_DOTS = re.compile(r"\.(?=\w|$)")
_NON_WORD = re.compile(r"[^\w]+")


def name_key(text: str) -> str:
    """A comparison key: accents folded, dots and punctuation dropped, lower case, a leading
    "the" and a trailing possessive removed. "The U.S.'s" -> "us"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = without_possessive(text.strip())
    text = _DOTS.sub("", text)
    words = _NON_WORD.sub(" ", text).lower().split()
    if words and words[0] == "the":
        words = words[1:]
    return " ".join(words)


# Forums named by their number of members: "the Group of Seven", "Group of 20", "G-7", "the G20".
FORUM = re.compile(rf"\bGroup\s+of\s+(?:\d{{1,2}}|(?i:{NUMBER_WORD}))(?![\w-])|(?<![\w.-])G-?\d{{1,2}}(?![\w-])")
_FORUM_KEY = re.compile(r"(?:g ?(\d{1,2})|group of (.+))")


def forum_key(key: str) -> str:
    """The one key of a forum's names (a :func:`name_key`): "g 7" and "group of seven" -> "g7";
    any other key as it is."""
    m = _FORUM_KEY.fullmatch(key)
    if m is None:
        return key
    n = int(m.group(1)) if m.group(1) else parse_number(m.group(2))
    return f"g{int(n)}" if n is not None and n == int(n) and 2 <= n < 100 else key


# Spelling variants of one place (the key, see name_key, -> canonical name).
COUNTRY_ALIASES: dict[str, str] = {name_key(v): p.name for p in PLACES for v in (p.name, *p.spellings)}


def title_before(text: str, start: int) -> str:
    """The title written right before position ``start`` ("UK Prime Minister " -> "prime minister"):
    words back from ``start`` while each is a title word, a department or an honorific."""
    words: list[str] = []
    pos = start
    while len(words) < 5:
        chunk = text[max(0, pos - 40) : pos]
        m = re.search(r"([A-Za-z][A-Za-z-]*)\s+$", chunk)
        if not m:
            break
        word = m.group(1).lower()
        if word in TITLE_HEADS or word in DEPARTMENT_WORDS or word in HONORIFICS or (words and word == "deputy"):
            words.insert(0, word)
            pos -= len(chunk) - m.start()
        else:
            break
    return " ".join(w for w in words if w not in HONORIFICS)
