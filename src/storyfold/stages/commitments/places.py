"""The states and unions of states a text names, as actors: every name, spelling, demonym and
seat of a country (the gazetteer's) and every union's name, each with its canonical name; where a
name stands as no actor of its own (in brackets, in a list "like …"); and the states a coordinated
subject names beside the first ("Britain and France have offered …"). Read by
:mod:`storyfold.stages.commitments.commitments`."""

from __future__ import annotations

import re

from storyfold.stages.commitments.rules import COUNTRIES
from storyfold.text.gazetteer import PLACES, PlaceKind, without_possessive
from storyfold.text.lexicon import alternation

__all__ = ["ACTOR_NAMES", "LISTED", "UNIONS", "bracketed", "coordinated", "places"]

# Union and organisation names the gazetteer knows ("the EU", "NATO") -> canonical name.
UNIONS: dict[str, str] = {n: p.name for p in PLACES if p.kind is PlaceKind.UNION for n in (p.name, *p.spellings)}
ACTOR_NAMES = {**COUNTRIES, **UNIONS}
_PLACE = re.compile(rf"(?<![\w.])(?=[A-ZÀ-Þ])(?:{alternation(ACTOR_NAMES)})(?![\w])(?:[’']s)?")
# A name after these is one of a list of examples, not who acts ("nations like France, Germany").
LISTED = re.compile(r"\b(?:like|such\s+as|including|among|other\s+than|except)\b", re.I)
# What parts two names of one coordinated subject: "Britain and France", "Germany, France and Italy".
_AND = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+|&\s*)(?:the\s+)?")


def places(text: str) -> list[tuple[int, int, str]]:
    """Every state or union ``text`` names: (start, end, canonical name)."""
    return [(m.start(), m.end(), ACTOR_NAMES[without_possessive(m.group())]) for m in _PLACE.finditer(text)]


def bracketed(before: str) -> bool:
    """Whether a name after ``before`` stands inside brackets it opens, an aside ("… approved on
    March 15, 2022 (Ukraine Supplemental Act, 2022)"): a reference, not who acts."""
    return before.count("(") > before.count(")")


def coordinated(subject: str, found: list[tuple[int, int, str]]) -> list[str]:
    """The states after the first of ``found`` (the subject's places, in order) that the subject
    coordinates with it, only "and" or a comma between each and the one before ("Britain and
    France", "Germany, France and Italy"; not "Britain's envoy to France", nor a possessive one:
    "Britain and France's leaders" name the leaders of both, who act as one)."""
    out: list[str] = []
    for (_s0, e0, _n0), (s1, e1, name) in zip(found, found[1:], strict=False):
        if not _AND.fullmatch(subject[e0:s1]) or subject[s1:e1].endswith(("'s", "’s")) or name in out:
            break
        out.append(name)
    return out
