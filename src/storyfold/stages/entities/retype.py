"""Types the article itself gives away, for the entities stage's fixes (``fix_mentions``):

* a name spaCy calls a product, a work, an event or a law more often than a person, organisation or
  place in the article is none of ours ("Internet Explorer", "Catching Fire");
* a name tagged ORG with an age or a "he/she" statement after it is a person ("Zurana Horton, 34,"); so
  is a name tagged a place with an age, a birth or a "he/she" statement after any verb of saying
  ("Paris claims she was", of Valeska Paris);
* a one-word "person" that is the plural of a common noun is a team ("Colts"), or a group when
  the noun is an inhabitant ("Turkmens");
* a name after "the city of", "the district of", or said to be one ("Fort Lee is a city in") is a place;
* a one-word name opening a sentence that the article also writes in lower case is that common
  word ("Iodine deficiency can lead to ..." beside "an adequate intake of iodine").

The first four were written from the errors of the ECB+ train topics (``eval/entity_types.py
--errors``) and kept only where they left the MEANTIME development corpus as it was; the last from
the errors of GUM's dev documents (``eval/gum_entities.py --errors``), kept because it raised GUM's
untouched documents and left MEANTIME's held-out corpora as they were (``docs/entities.md``); the
place-tagged persons (entities@6) from GUM's dev errors, kept because they raised ECB+'s untouched dev
topics and changed nothing else.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from storyfold.records import EntityType
from storyfold.text import wordnet
from storyfold.text.gazetteer import KNOWN_PLACES, country_names
from storyfold.text.lexicon import SPEECH, alternation, verb_forms

__all__ = ["NOT_NAMES", "Found", "common_words", "not_things", "occurrences", "people_not_companies", "people_not_places",
           "places_named", "plural_noun", "pronoun_after", "teams_not_people", "vessels"]

Found = list[tuple[int, int, EntityType, str]]

# spaCy labels read as "no person, organisation or place": a name spaCy gives one of these in an
# article is not one of ours there ("Internet Explorer" PRODUCT, "The Hunger Games" WORK_OF_ART).
NOT_NAMES = frozenset({"PRODUCT", "WORK_OF_ART", "EVENT", "LAW"})


def not_things(text: str, found: Found, things: list[tuple[int, int]]) -> Found:
    """Drop the names that spaCy's own spans (``things``, of a ``NOT_NAMES`` label) call a product, a
    work, an event or a law in the article more often than it tags them a person, organisation or
    place (``found``): "Internet Explorer", "Catching Fire"."""
    votes = Counter(text[s:e] for s, e in things if e > s)
    named = Counter(text[s:e] for s, e, _, _ in found)
    return [(s, e, t, lab) for s, e, t, lab in found
            if votes[text[s:e]] <= named[text[s:e]]]


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"  # what the regex ``\w`` matches in a str pattern


def occurrences(name: str, text: str) -> Iterator[tuple[int, int]]:
    r"""``(start, end)`` of each whole-word occurrence of ``name``: not after a word character,
    "." or "-", not before a word character or "-". The same matches as
    ``re.finditer(r"(?<![\w.-])" + re.escape(name) + r"(?![\w-])", text)``, without compiling a
    pattern per name (that compiling was most of this stage's own time)."""
    n = len(name)
    pos = text.find(name)
    while pos >= 0:
        before = text[pos - 1] if pos else ""
        after = text[pos + n] if pos + n < len(text) else ""
        if not (before and (_is_word(before) or before in ".-")) and not (after and (_is_word(after) or after == "-")):
            yield pos, pos + n
            pos = text.find(name, pos + n)
        else:
            pos = text.find(name, pos + 1)


# What follows a person's name and no organisation's: an age ("Zurana Horton, 34,"), a statement
# about him or her ("White said he was ..."). Not "who": "owned by AirTanker, who retains".
_PERSON_AFTER = re.compile(r",\s+\d{1,3}\s*[,.;](?!\d)|\s+(?:said|says|told|added|argued)\s+(?:that\s+)?(?:he|she)\b")
# The same for a name tagged a place, which may be a known place's name ("Valeska Paris"): a statement
# about him or her with any verb of saying ("Paris claims she was"), or a birth ("Paris was born").
_PLACE_PERSON_AFTER = re.compile(r",\s+\d{1,3}\s*[,.;](?!\d)|\s+(?:" + alternation(verb_forms(SPEECH, ("s", "past")))
                                 + r")\s+(?:that\s+)?(?:he|she)\b|\s+(?:was|is)\s+born\b")
_AGE_BEFORE = re.compile(r"\d{1,3}\s*-\s*year\s*-\s*old\s+$")
# A personal pronoun soon after a name, with no other name between: up to eight lower-case words
# ("Betty never knew how naughty she", "Carroll put on his pants", "Williamson, since he claimed",
# "Williamson is trying to defend himself"); a capitalised word ends the reach ("the Symphony From
# the New World, which spread his reputation").
_PRONOUN_AFTER = re.compile(r"(?:[’']s)?(?:,?\s+[a-z][\w’'-]*){0,8}?,?\s+(?:he|she|him|his|her|himself|herself)\b")


def pronoun_after(text: str, written: list[tuple[int, int]]) -> bool:
    """Whether a personal pronoun ("he", "her", "himself" ...) follows one of a name's mentions
    (``written``: their spans) within eight lower-case words, no other capitalised word between:
    "Betty wiped her fingers", "Sue said since she was". A company is "it"; a person written by
    one name in fiction, letters or conversation is "he" or "she"."""
    return any(_PRONOUN_AFTER.match(text, e) for _, e in written)


@cache
def plural_noun(word: str) -> bool:
    """Whether ``word`` is the plural of a WordNet noun ("Saints", "Colts"): a team's or a group's
    name, not a surname ("Williams", "Jones" are WordNet lemmas themselves)."""
    base = wordnet.lemma(word)
    return base is not None and base != word.lower()


def _shown_people(text: str, found: Found, tagged: EntityType, after: re.Pattern[str], places: bool) -> Found:
    """Names tagged ``tagged`` that the article shows to be a person (``after`` matching after a
    mention, or an age before one) made persons in every mention; never an acronym, a name written
    after "the", one ending in a plural noun, or (``places`` false) a known place."""
    people = set()
    for s, e, t, _ in found:
        name = text[s:e]
        if t is not tagged or name in people or (not places and name in KNOWN_PLACES) or name.isupper() \
                or not name[0].isupper() or re.search(r"\d", name) or plural_noun(name.split()[-1]):
            continue
        written = list(occurrences(name, text))
        if any(text[max(0, a - 4):a].lower() == "the " for a, _ in written):
            continue
        if any(after.match(text, b) or _AGE_BEFORE.search(text, max(0, a - 20), a) for a, b in written):
            people.add(name)
    return [(s, e, EntityType.PERSON, "PERSON") if t is tagged and text[s:e] in people else (s, e, t, lab)
            for s, e, t, lab in found]


def people_not_companies(text: str, found: Found) -> Found:
    """A name tagged ORG that the article shows to be a person, by an age ("Zurana Horton, 34,", "the
    40-year-old Thompson") or a statement about "he"/"she" after it ("White said he"), is a
    person in every mention, unless it is a known place, an acronym, written after "the" ("the
    Colts") or ends in a plural noun ("Saints")."""
    return _shown_people(text, found, EntityType.ORGANISATION, _PERSON_AFTER, places=False)


def people_not_places(text: str, found: Found) -> Found:
    """A name tagged a place that the article shows to be a person, by an age after it, a birth
    ("Paris was born in Switzerland") or a statement about "he"/"she" after any verb of saying
    ("Paris claims she was"), is a person in every mention, although it may name a place too
    ("Valeska Paris"); not an acronym, a name written after "the" or one ending in a plural noun."""
    return _shown_people(text, found, EntityType.PLACE, _PLACE_PERSON_AFTER, places=True)


def teams_not_people(text: str, found: Found) -> Found:
    """A one-word name tagged PERSON that is the plural of a common noun ("Colts", "Chiefs") and no part
    of a person's longer name in the article ("Jobs" of "Steve Jobs") is a team or a group: an
    organisation; inhabitants ("Turkmens", "Iraqis") are a group."""
    parts = {w for s, e, t, _ in found if t is EntityType.PERSON and " " in text[s:e] for w in text[s:e].split()}
    teams = {text[s:e] for s, e, t, _ in found if t is EntityType.PERSON and " " not in text[s:e]
             and text[s:e] not in parts and plural_noun(text[s:e])}
    return [((s, e, EntityType.GROUP, "NORP") if wordnet.is_a(text[s:e], "inhabitant.n.01") else
             (s, e, EntityType.ORGANISATION, "ORG")) if t is EntityType.PERSON and text[s:e] in teams else (s, e, t, lab)
            for s, e, t, lab in found]


_AREAS = ("geographical_area.n.01", "district.n.01", "administrative_district.n.01")  # city, town, province
_KIND_OF_BEFORE = re.compile(r"\b(?P<noun>[a-z]+)\s+of\s+$")
# What says a name is a place: "is a/an" and a noun ending its phrase ("Fort Lee is a city in Bergen
# County", "Fort Lee is a small town but"), or "is located", "is situated" ("Fort Lee is located between").
_IS_A = re.compile(r"\s+(?:is|was)\s+(?:(?:located|situated)\b|(?:a|an)(?:\s+[a-z-]+){0,2}?\s+(?P<noun>[a-z]+)"
                   r"(?=[.,;:]|\s+(?:in|on|of|at|near|with|and|but|that|which|where|known|located|situated)\b))")


def _area(noun: str, *more: str) -> bool:
    """Whether WordNet reads ``noun`` first as a geographical area or a district (or under ``more``),
    and in none of its first three senses as an organisation."""
    return wordnet.is_a(noun, *_AREAS, *more) and not wordnet.sense_is_a(noun, 3, "organization.n.01")


def places_named(text: str, found: Found) -> Found:
    """A name tagged PERSON or ORG that the article writes after "<kind of area> of" ("the city of
    Bandar Abbas", "the Palermo district of Porta Nuova": a noun WordNet reads first as a
    geographical area or a district; not "home", as in "the original home of Douglas Aircraft"), or
    says is one ("Fort Lee is a city in", "Isfahan is located on"; entities@9: "is/was a" and a noun
    read first as an area or a location, "destination", "port", that ends its phrase, or "is
    located/situated") is that place in every mention."""
    places = set()
    for s, e, t, _ in found:
        if t in (EntityType.PERSON, EntityType.ORGANISATION):
            of = _KIND_OF_BEFORE.search(text, max(0, s - 30), s)
            is_a = _IS_A.match(text, e)
            if (of and _area(of["noun"])) or (is_a and (not is_a["noun"] or _area(is_a["noun"], "location.n.01"))):
                places.add(text[s:e])
    return [(s, e, EntityType.PLACE, "GPE") if t in (EntityType.PERSON, EntityType.ORGANISATION) and text[s:e] in places
            else (s, e, t, lab) for s, e, t, lab in found]


def vessels(text: str, found: Found) -> Found:
    """A name tagged a person, an organisation or a place whose leading words are a compound noun
    WordNet reads first as a craft ("Space Shuttle Columbia", "Cruise Ship Freewinds"; one word is
    not enough: "Jet Li") is a vessel, ``other`` like the ships, and so is every mention of its
    name written without the craft noun ("Columbia"). The craft noun alone ("Space Shuttle") is no
    name, nor is it with a word the article also writes after it in lower case ("Space Shuttle
    Program" beside "the Space Shuttle program")."""
    vessel, crafts = set(), set()
    for s, e, _, _ in found:
        words = text[s:e].split()
        for k in range(2, len(words) + 1):
            if all(w[:1].isupper() for w in words[:k]) and wordnet.is_a("_".join(words[:k]), "craft.n.02"):
                rest = " ".join(words[k:])
                lower = re.compile(r"\s+".join(map(re.escape, words[:k])) + r"\s+" + re.escape(rest.lower()) + r"\b")
                if k == len(words) or lower.search(text):
                    crafts.add(text[s:e])
                else:
                    vessel.update((text[s:e], rest))
                break
    return [(s, e, EntityType.OTHER, "VESSEL") if text[s:e] in vessel else (s, e, t, lab)
            for s, e, t, lab in found if text[s:e] not in crafts]


# What opens a sentence, right before a word: the text's start, ". ", "? ", a line break, a quote mark.
_SENTENCE_OPENS = re.compile(r"(?:^|[.!?:]\s+|[\n\"“])\s*$")


@cache
def _places() -> frozenset[str]:
    """The gazetteer's place names and every name of a country: built once, not per article."""
    return KNOWN_PLACES | country_names().keys()


def common_words(text: str, found: Found) -> Found:
    """Drop a one-word name that opens a sentence (where a capital says nothing) when the article
    also writes the word in lower case ("Iodine deficiency can lead to ..." beside "an adequate
    intake of iodine"; "Riot police fired teargas" beside "the riot"): it is that common word.
    A word of a person's longer name in the article stays ("Felt" beside "Mark Felt", although
    the article writes "felt"), and so does a country ("Turkey" beside "the turkey")."""
    parts = {w for s, e, t, _ in found if t is EntityType.PERSON and " " in text[s:e] for w in text[s:e].split()}
    places = _places()
    lower: dict[str, bool] = {}
    out = []
    for s, e, t, lab in found:
        name = text[s:e]
        if " " not in name and name not in parts and name not in places and name[:1].isupper() and name[1:].islower() \
                and _SENTENCE_OPENS.search(text, max(0, s - 3), s):
            if name not in lower:
                lower[name] = next(occurrences(name.lower(), text), None) is not None
            if lower[name]:
                continue
        out.append((s, e, t, lab))
    return out

