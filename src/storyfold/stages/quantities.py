"""Numeric facts: a number, its unit, what it counts, its qualifier and, where the sentence says so,
whose it is.

"around 300,000 troops including reserves" -> value 300000, qualifier "around", counts "troops",
scope "including reserves"; "$4.5 billion ... over the next ten years" -> value 4.5e9, unit "USD",
period "P10Y"; "1,340 kilometres of border" -> unit "km", counts "border"; "30-nation" -> counts
"nation". ``counts`` is the noun phrase the number opens, its head last (:mod:`storyfold.text.counted`:
"179 new aerial refueling tankers", "20 of Boeing's larger 777 planes" -> "larger 777 planes").

Vague amounts stay vague but ordered, coded the ACLED way (conservative: the amount's own unit): "dozens" 12,
"hundreds" / "several hundred" / "a few hundred" 100, "thousands" 1000, "tens of thousands" 10000, "a dozen" 12, "a
couple of" 2, "several dozen" 12, "tens of" 10; the words are kept in ``text`` and ``qualifier``. "Dozen" is a scale
("two dozen" 24), and "a", "half a" or "a quarter of a" count one ("a million" 1e6, "half a million" 5e5, "a
half-dozen" 6); "two-thirds of", "one-third", "a tenth of" are fractions. "-plus" and "-odd" after a numeral qualify
it ("5,000-plus"). A plural model name is what a number counts ("50 787s", "six more A350s"). Money: a currency sign
or ISO 4217 code before or after the number, or the currency's English name from CLDR after it ("1.66 million US
dollars", "50 million zlotys"); scales "mln", "bln", "mio" as well as "m", "bn"; thousands grouped by spaces where a
currency follows ("500 000 EUR"); the spaced comma and point of tokenised text ("$300 , 000", "$5 . 3 million").
Ranges ("15-20%", "between $12 million and $20 million") give ``value`` and ``value_max``. An explicit qualifier
("more than 10,000", "up to 60") keeps the stated number as ``value`` and the qualifier says which side it bounds.

Numbers inside date expressions (years, days of the month), URLs and identifiers are skipped, and so are numbers
inside names: a bare integer with no plural noun right after it, following a capitalised word that is not a function
word ("Boeing 787", "Flight 447", "Terminal 3") or joined to a code with letters ("777-200LR"), and, in the same text,
the same integer elsewhere ("the 787 Dreamliner"). A capitalised number word inside a sentence with no plural noun
after it is a name too ("the Group of Eight"); other number words stand for what they count ("rights to five"). What a
figure counts ends where a date begins ("300 people last year" counts "people"; "fell 92,000 last week" counts
nothing). A figure out of range (:func:`storyfold.text.numbers.in_range`, :func:`~storyfold.text.numbers.bounded`) is
kept as text with ``value`` None, and the stage logs a warning naming the article.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Mapping, Sequence
from typing import ClassVar

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, DateMention, Quantity
from storyfold.stages.dates.dates import find_dates
from storyfold.text import gazetteer
from storyfold.text.counted import STOP as _STOP
from storyfold.text.counted import counted as _counted
from storyfold.text.counted import one_counts as _one_counts
from storyfold.text.counted import one_figure as _one_figure
from storyfold.text.counted import plural as _plural
from storyfold.text.gazetteer import COUNTRY_CODE_CURRENCIES, CURRENCY_CODES, CURRENCY_NAMES, CURRENCY_SIGNS
from storyfold.text.numbers import CURRENCY_WORDS as _CURRENCY_WORDS
from storyfold.text.numbers import MAX_DIGITS, NUMBER_WORD, SCALES, bounded, in_range, list_label, parse_number
from storyfold.text.numbers import MEASURES as _MEASURES
from storyfold.text.numbers import TIME_CODES as _TIME_CODES
from storyfold.text.sentences import ELLIPSIS, SentenceIndex

__all__ = ["QuantitiesStage", "VAGUE_VALUES", "find_quantities"]

VAGUE_VALUES: dict[str, float] = {
    "a couple of": 2, "tens": 10, "a dozen": 12, "dozens": 12, "dozens of": 12, "a score of": 20, "scores of": 20, "hundreds": 100,
    "thousands": 1e3, "tens of thousands": 1e4, "hundreds of thousands": 1e5, "millions": 1e6,
    "tens of millions": 1e7, "hundreds of millions": 1e8, "billions": 1e9,
}
_QUAL = (
    r"(?P<qual>(?i:around|about|approximately|approx\.|roughly|some|nearly|almost|more\s+than|over|at\s+least"
    r"|up\s+to|less\s+than|fewer\s+than|under|just\s+over|just\s+under|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as"
    r"|close\s+to|an\s+estimated|estimated|upwards\s+of|in\s+excess\s+of|no\s+more\s+than|no\s+fewer\s+than"
    r"|below|above|only|exactly|at\s+most|a\s+maximum\s+of|a\s+minimum\s+of|all|between|from))\s+"
)
# ISO 4217 codes (the gazetteer's currencies) before the number: "EUR 250 million", "AUD 10 million".
_CODES = "|".join(sorted(CURRENCY_CODES))
# Currency signs from CLDR (gazetteer CURRENCY_SIGNS: "$", "€", "A$", "₴", "₽"), longest first; a class of the one-character ones.
_SIGNS = "|".join(re.escape(s) for s in sorted(CURRENCY_SIGNS, key=lambda s: (-len(s), s)))
_SIGN = "[" + "".join(re.escape(s) for s in sorted(CURRENCY_SIGNS) if len(s) == 1) + "]"
_CUR = rf"(?P<cur>(?:[A-Z]{{1,3}})?\$|{_SIGNS}|(?:{_CODES})(?![A-Za-z])\s?)"
_CUR2 = rf"(?P<cur2>US\$|USD\$|{_SIGNS})"
_SCALE = r"(?i:hundred|thousand|million|billion|trillion|dozen|mln|bln|mio|mil)\b|(?:bn|mn|tn|m|k|M|B|Bn|BN)(?![A-Za-z])"
_MONEY_AFTER = rf"\s?(?:(?:{_CODES})\b|{_SIGN}|(?i:euros?|dollars?|pounds?)\b)"
# Thousands grouped by commas; by spaces where a currency follows or comes before ("500 000 EUR",
# "EUR 20 000"); by dots, the European way, in two groups or more ("1.500.000 EUR") or in one where
# a currency follows with no scale ("100.000 EUR"); a decimal comma before a scale ("2,5 million EUR").
# Text tokenised the Penn Treebank way (ECB+) spaces the comma of a thousands group ("$300 , 000")
# and, before a scale, the decimal point ("$5 . 3 million").
_NUMERAL = (r"\d{1,3}(?: , \d{3})+(?!\d| , \d| \. \d)"
            r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?"
            rf"|\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?={_MONEY_AFTER})"
            rf"|(?:(?<=(?:{_CODES}) )|(?<=(?:{_CODES}))|(?<={_SIGN} )|(?<={_SIGN}))\d{{1,3}}(?:[ \u00a0\u202f]\d{{3}})+(?!\d|[.,]\d)"
            rf"|\d{{1,3}}(?:\.\d{{3}}){{2,}}(?!\d|[.,]\d)|\d{{1,3}}\.\d{{3}}(?={_MONEY_AFTER})"
            rf"|\d+,\d{{1,2}}(?=\s?(?:{_SCALE}))"
            rf"|\d+ \. \d+(?=\s?(?:{_SCALE}))"
            r"|\d+(?:\.\d+)?|\.\d+(?=\s)")  # ".2 grams"
_GROUPED = re.compile(r"(?<=\d)[ \u00a0\u202f](?=\d{3})")
_DOTTED = re.compile(r"\d{1,3}(?:\.\d{3})+")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_NUM = rf"(?:{_NUMERAL}|(?i:{NUMBER_WORD}))"
_PCT = r"(?P<pct>%|(?i:per\s*cent|percent|percentage\s+points?))"

_SUFFIX = r"(?P<usfx>km|kg|GB|MB|TB|cm|mm|kW|kWh|MW|GW|mph)(?![A-Za-z])"
_FIRST = rf"(?<![\w.,/-])(?:{_QUAL})?(?:{_CUR}\s?)?(?P<num>{_NUM})(?![.,]\d)(?:(?:\s*|-(?=[a-zA-Z]{{7}}))(?P<scale>{_SCALE})|{_SUFFIX})?"
_SECOND = rf"(?:{_CUR2}\s?)?(?P<num2>{_NUM})(?![.,]\d)(?:\s*(?P<scale2>{_SCALE}))?"
_EXACT = re.compile(rf"{_FIRST}(?:\s*(?:-|\u2013|to)\s*{_SECOND})?(?:\s*{_PCT})?(?![\w])")
# An approximation written as two number words joined by "or" ("two or three goals"): a range when
# the second is the larger, else two figures.
_OR_RANGE = re.compile(rf"(?<![\w.,/-])(?:{_QUAL})?(?P<num>(?i:{NUMBER_WORD}))\s+or\s+(?P<num2>(?i:{NUMBER_WORD}))(?![\w-])")
_BETWEEN = re.compile(
    rf"\b(?P<qual>(?i:between))\s+(?:{_CUR}\s?)?(?P<num>{_NUM})(?:\s*(?P<scale>{_SCALE}))?(?:\s*{_PCT})?"
    rf"\s+and\s+(?:{_CUR2}\s?)?(?P<num2>{_NUM})(?:\s*(?P<scale2>{_SCALE}))?(?:\s*(?P<pct2>%|(?i:per\s*cent|percent)))?"
    r"(?![\w])"
)
_VAGUE = re.compile(
    rf"\b(?:{_QUAL})?(?P<vague>(?i:(?:several|a\s+few|a\s+couple\s+of|a\s+handful\s+of|many)\s+"
    r"(?:hundred|thousand|million"
    r"|billion|dozen)|tens\s+of\s+(?:thousands|millions)|tens|hundreds\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands"
    r"|millions|billions|a\s+dozen|a\s+couple\s+of|a\s+score\s+of|scores\s+of))(?:\s+of)?\b"
)
# Fractions of a whole ("about half of those cuts", "about a quarter, of its dealers", "one-third of
# the cost", "cut by two-fifths"): a numerator in words and an ordinal denominator; unit "fraction".
_NUMERATORS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
               "eight": 8, "nine": 9}
_DENOMINATORS = {"half": 2, "halves": 2, "third": 3, "quarter": 4, "fourth": 4, "fifth": 5, "sixth": 6,
                 "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10}
_FRACTION = re.compile(
    rf"\b(?:{_QUAL})?(?P<frac>(?i:half|(?P<fnum>{'|'.join(_NUMERATORS)})(?P<fsep>\s+|-)"
    rf"(?P<fden>{'|'.join(_DENOMINATORS)})s?))(?![\w-])"
)
_OF_WHOLE = re.compile(r"\s+of\b|\s*,")  # what follows a fraction not written with a hyphen
# A scale word counted by "a", "half a" or a fraction of "a": "a million people", "half a million",
# "a quarter of a million", "a half-dozen".
# "N and a half" before a scale ("two and a half million") and "a hundred and fifty" are one figure.
_ONE_SCALE = re.compile(
    rf"\b(?:{_QUAL})?(?P<one>(?i:(?:half|a\s+quarter\s+of|three[\s-]quarters\s+of)\s+an?|an?|a\s+half-?"
    rf"|(?P<whole>\d+|{NUMBER_WORD})\s+and\s+a\s+half))"
    r"\s*(?<![a-z])(?<=[\s-])(?P<scale>(?i:hundred|thousand|million|billion|trillion|dozen))\b"
    rf"(?:(?:(?<=undred)|(?<=housand))\s+and\s+(?P<rest>(?i:{NUMBER_WORD}))(?![\w-]))?"
)
_ONES = {"a": 1, "an": 1, "half a": 0.5, "a half ": 0.5, "a half": 0.5, "a quarter of a": 0.25,
         "three quarters of a": 0.75}
# A currency's English name after the number (CLDR, through the gazetteer): "1.66 million US dollars",
# "100 million Czech korunas", "50 million zlotys".
_CURRENCY_NAME = re.compile(
    r"\s*(?P<name>" + "|".join(sorted((re.escape(n) for n in CURRENCY_NAMES), key=len, reverse=True)) + r")(?![\w])",
    re.IGNORECASE,
)
_CURRENCY_SIGNS = {sign.lower(): code for sign, code in CURRENCY_SIGNS.items()}
# Words a numeral takes after a hyphen that say how it bounds or what it sizes, not what it counts.
_NUMERAL_SUFFIXES = {"plus": "more than", "odd": "about", "strong": ""}
# "or more", "or so", "or fewer" after a number: how the stated number bounds the figure; a plus sign
# right after it is a numeral's "-plus" ("10,000+ troops"), not an operand's ("2+2").
_OR_BOUND = re.compile(r"\s+or\s+(?P<w>(?i:more|so|fewer|less))\b|(?P<plus>\+)(?![\w+])")
_OR_BOUNDS = {"more": "at least", "so": "about", "fewer": "at most", "less": "at most", "+": "more than"}
_ENTITY = re.compile(
    r"(?P<ent>(?:[A-Z][\w'\u2019.-]*)(?:\s+(?:[A-Z][\w'\u2019.-]*|of|de|the))*)\s*(?:,\s*(?:which|who)\s+)?"
    r"(?:\s*(?:also|already|now|still|reportedly|has|have|had|will|would|could|is|was|has\s+been|had\s+been))*\s*"
    r"(?i:has|have|had|contributed|contribute|sent|send|deployed|deploy|pledged|pledge|provided|provide|committed"
    r"|commit|agreed\s+to\s+(?:provide|send|give|spend|contribute)|spent|spend|offered|offer|joined|join|signed|gave"
    r"|give|promised|promise|announced\s+(?:a|an)|approved|allocated|owns|fields|counts|employs|lost|lose)\b"
)
_LEADING = {"The", "In", "But", "And", "So", "While", "As", "If", "When", "Since", "After", "Before", "Following",
            "Last", "This", "That", "It", "Its", "A", "An", "On", "At", "For", "However", "Meanwhile", "Also"}
_PERIOD = re.compile(
    r"\s(?:over|across|during|for|within|in)\s+(?:the\s+(?:course\s+of\s+the\s+)?)?(?:next\s+|coming\s+|following\s+)?"
    rf"(?P<n>{_NUM})(?:-|\s+)(?P<unit>years?|months?|weeks?|days?|decades?)\b",
    re.IGNORECASE,
)
# What comes between a count and the noun it counts: "more", or "of" and a determiner or a possessor.
_PARTITIVE = re.compile(r"\s+(?:more\s+)?(?:of\s+(?:all\s+)?(?:(?:the|its|their|those|these|our|his|her)\s+"
                        r"|(?:[A-Z][\w&.-]*\s+){0,2}[A-Z][\w&.-]*\s?(?:'s|'|\u2019s?)\s+))?")
_SCOPE = re.compile(r"\s*,?\s*(?P<scope>(?:including|excluding|not\s+including|plus)\s+[a-z][\w-]*(?:\s+[a-z][\w-]*)?)")


_SCALE_VALUES = {**SCALES, "dozen": 12, "mln": 1e6, "mio": 1e6, "mil": 1e6, "bln": 1e9}


def _scale(word: str | None) -> float:
    return _SCALE_VALUES.get((word or "").lower(), 1.0)


def _fraction(g: Mapping[str, str | None]) -> float:
    """The value of a fraction in words: "half" 0.5, "two-thirds" 2/3, "a tenth" 0.1."""
    if not g.get("fnum"):
        return 0.5
    return _NUMERATORS[(g["fnum"] or "").lower()] / _DENOMINATORS[(g["fden"] or "").lower()]


def _numeral(num: str, money_follows: bool = False) -> str:
    """A numeral as :func:`parse_number` reads it: thousands grouped by spaces or dots (two groups
    or more, or one with a currency right after) ungrouped, a decimal comma made a point, a
    tokenised group or point ("300 , 000", "5 . 3") closed up."""
    num = ("0" if num[0] == "." else "") + num.replace(" , ", ",").replace(" . ", ".")
    if _DOTTED.fullmatch(num) and (num.count(".") > 1 or money_follows):
        return num.replace(".", "")
    if _DECIMAL_COMMA.fullmatch(num):
        return num.replace(",", ".")
    return _GROUPED.sub("", num)


_ABBREVIATED = frozenset({"mln", "bln", "mio", "mil", "bn", "mn"})
# A scale after a code after the number ("30 EUR million", "4 USD bn"; not the one-letter "4 EUR m").
_LATE_SCALE = re.compile(r"\s+(?P<s>(?i:thousand|million|billion|trillion|mln|bln|mio|bn|mn|tn))\b")


def _country_money(code: str, g: Mapping[str, str | None], text: str, at: int) -> bool:
    """Whether ``code``, after a number, is a country's code written for its currency: with a scale
    before it or right after it ("250 million GBR", "1 GBR billion")."""
    return code in COUNTRY_CODE_CURRENCIES and bool(g.get("scale") or _LATE_SCALE.match(text, at))


def _token(text: str, start: int, end: int) -> str:
    a = text.rfind(" ", 0, start) + 1
    b = text.find(" ", end)
    return text[a : b if b >= 0 else len(text)]


def _entity(text: str, sent_start: int, start: int) -> str | None:
    """The named subject of the clause the quantity sits in, when a possession or giving verb links
    them ("Finland has 1,340 kilometres", "Japan, which has a defence force of around 300,000")."""
    best = None
    for m in _ENTITY.finditer(text, sent_start, start):
        if start - m.end() <= 60 and not re.search(r"[;:]", text[m.end() : start]):
            best = m
    if best is None:
        return None
    words = best.group("ent").split()
    while words and (words[0] in _LEADING or words[0].lower() in {"of", "the", "de"}):
        words.pop(0)
    while words and words[-1].lower() in {"of", "the", "de"}:
        words.pop()
    return " ".join(words) or None


def find_quantities(
    text: str, article_id: str = "", dates: Sequence[DateMention] | None = None, sentences: SentenceIndex | None = None
) -> list[Quantity]:
    """Every quantity in ``text``. ``dates`` (the article's date mentions) keeps years and days of
    the month out; when not given they are found here without an anchor."""
    if dates is None:
        dates = find_dates(text, None, article_id)
    spans = sorted((d.start, d.end) for d in dates if d.type != "DURATION" and d.type != "SET")
    blocked, starts = bytearray(len(text) + 1), [a for a, _ in spans]
    for a, b in spans:
        blocked[a:b] = b"\x01" * (b - a)
    sentences = sentences or SentenceIndex.of(text)
    found: list[tuple[int, int, re.Match[str], bool]] = []
    for m in _VAGUE.finditer(text):
        found.append((m.start(), m.end(), m, True))
    for rx in (_EXACT, _BETWEEN, _OR_RANGE):
        for m in rx.finditer(text):
            found.append((m.start(), m.end(), m, False))
    for m in _FRACTION.finditer(text):
        if m.group("fsep") == "-" and m.group("fnum").lower() not in ("a", "an") or _OF_WHOLE.match(text, m.end()):
            found.append((m.start(), m.end(), m, True))
    for m in _ONE_SCALE.finditer(text):
        found.append((m.start(), m.end(), m, True))
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    taken = bytearray(len(text) + 1)
    out: list[Quantity] = []
    bare: list[tuple[Quantity, bool]] = []  # bare integers, and whether a name precedes them
    for start, end, m, vague in found:
        key = "num" if not vague else next(k for k in ("frac", "one", "vague") if m.groupdict().get(k))
        num_start, num_end = m.start(key), m.end(key)
        if any(taken[start:end]) or any(blocked[num_start:num_end]):
            continue
        tok = _token(text, num_start, num_end)
        if ("http" in tok or "/" in tok or "=" in tok or "_" in tok or list_label(text, m.start())
                or ELLIPSIS.match(text, num_end)):
            continue  # a link's digits, a list label, or a number its source cut off ("another $10...")
        sent, cut = sentences.sentence_at(m.start()), bisect_left(starts, num_end)  # what a figure counts
        q = _read(text, m, vague, article_id, (sent[0], min(sent[1], starts[cut])) if cut < len(starts) else sent)
        if q is None:
            continue
        taken[q.start : q.end] = b"\x01" * (q.end - q.start)
        if not vague and _bare(text, m, q):
            bare.append((q, _named(text, sentences.sentence_at(m.start())[0], q.start, q.end, q.counts is None)))
        out.append(q)
    names = {q.text.split("-")[0] for q, named in bare if named} | _variants(text)
    drop = {id(q) for q, named in bare if named or q.text.split("-")[0] in names}
    out = [q for q in out if id(q) not in drop]
    out.sort(key=lambda q: q.start)
    return out


def _bare(text: str, m: re.Match[str], q: Quantity) -> bool:
    """Whether ``q`` is a bare integer (or a hyphenated pair of them, "737-800") with nothing that makes
    it a figure: no qualifier, currency, scale, percent or unit, and no plural noun right after it
    (a phrase led by a name, "787 Dreamliners", is none: a model code has a digit, "50 A380s")."""
    g = m.groupdict()
    if not re.fullmatch(r"\d+(?:-\d+)?", q.text) or g.get("qual") or g.get("scale") or q.unit is not None:
        return False
    first = (q.counts or "-").split()[0]
    if q.counts is None or not _plural(q.counts.split()[-1]) or first[0].isupper() and not re.search(r"\d", first):
        return True
    return not re.match(rf"\s+{re.escape(q.counts)}(?!\w)", text[q.end : q.end + len(q.counts) + 4])


_NAME_BEFORE = re.compile(r"(?P<w>[A-Z][\w-]*)(?:\s*'s)?\s+$")


_VARIANT = re.compile(r"(?<![\w.,-])(?P<a>[1-9]\d{2,})-(?P<b>\d+)(?![\w.,-])")


def _variants(text: str) -> set[str]:
    """Integers of three digits or more that a lower number follows after a hyphen ("737-800",
    "787-8"): a model and its variant, never a range, so the integer names a model wherever it stands bare."""
    return {m.group("a") for m in _VARIANT.finditer(text) if int(m.group("b")) < int(m.group("a"))}


def _named(text: str, sent_start: int, start: int, end: int, uncounted: bool = False) -> bool:
    """Whether the bare integer at ``start``-``end`` is part of a name: right after a capitalised word
    that is not a function word ("Boeing 787", "Flight 447"; not before "of" and a count: "Part 1 of 2"), right before a capitalised
    singular when it counts nothing (``uncounted``: "the new 787 Dreamliner"; not "60 Boeing 787
    Dreamliner aircraft"), or joined by a hyphen to a code with letters
    ("777-200LR")."""
    if re.match(r"-[0-9A-Za-z]*[A-Za-z]", text[end : end + 12]) and re.match(r"-\w*\d", text[end : end + 12]):
        return True
    after = re.match(r"[ \t]+(?P<w>[A-Z][a-z][\w-]*)(?![\w'-])", text[end : end + 40])
    if uncounted and after and not _plural(after.group("w")) and after.group("w") not in _LEADING:
        return True
    before = _NAME_BEFORE.search(text, sent_start, start)
    if before is None or re.match(r"\s+of\s+\d{1,3}(?![\d.,])", text[end : end + 12]):  # "Part 1 of 2": a count
        return False
    word = before.group("w")
    return word.lower() not in _STOP and word not in _LEADING


def _read(text: str, m: re.Match[str], vague: bool, article_id: str,
          sent: tuple[int, int]) -> Quantity | None:
    g = m.groupdict()
    qual = re.sub(r"\s+", " ", g["qual"].lower()) if g.get("qual") else None
    value_max: float | None = None
    unit: str | None = None
    end = m.end()
    if vague and g.get("one"):
        whole = parse_number(g["whole"]) if g.get("whole") else None
        if g.get("whole") and whole is None:
            return None  # "of and a half million": no number before "and a half"
        one = whole + 0.5 if whole is not None else _ONES[re.sub(r"[\s-]+", " ", g["one"].lower())]
        value = one * _scale(g["scale"]) + (parse_number(g["rest"]) or 0 if g.get("rest") else 0)
        counts, cend = _counted(text, m.end(), sent[1])
        if counts in _CURRENCY_WORDS:  # "a million dollars", "two and a half billion euros"
            unit, counts, end = _CURRENCY_WORDS[counts], None, cend
        return Quantity(text=text[m.start() : end], value=float(value), unit=unit, article_id=article_id,
                        start=m.start(), end=end, qualifier=qual, counts=counts,
                        entity=_entity(text, sent[0], m.start()))
    if vague and g.get("frac"):
        value, unit = _fraction(g), "fraction"
        of = re.match(r"\s*,?\s*(?:of\s+)?(?:all\s+)?(?:the\s+|its\s+|their\s+|those\s+|these\s+)?", text[m.end() : sent[1]])
        counts, _ = _counted(text, m.end() + (of.end() if of else 0), sent[1])
        return Quantity(text=text[m.start() : m.end()], value=value, unit=unit, article_id=article_id,
                        start=m.start(), end=m.end(), qualifier=qual, counts=counts,
                        entity=_entity(text, sent[0], m.start()))
    if vague:
        words = re.sub(r"\s+", " ", g["vague"].lower())
        head = words.split()[-1]
        value = VAGUE_VALUES.get(words) or VAGUE_VALUES.get(head + "s") or _scale(head)
        qual = " ".join(x for x in (qual, words) if x)
        if text[m.start("vague") : m.end()].lower().endswith(" of"):
            end = m.end() - 3
    else:
        n1 = parse_number(_numeral(g["num"], bool(re.match(_MONEY_AFTER, text[m.end("num") :]))))
        if n1 is None and in_range(g["num"]):
            return None
        value = bounded(n1 * _scale(g.get("scale"))) if n1 is not None else None
        if g.get("num2"):
            n2 = parse_number(_numeral(g["num2"]))
            if n2 is None and in_range(g["num2"]):
                return None
            value_max = bounded(n2 * _scale(g.get("scale2") or g.get("scale"))) if n2 is not None else None
            if n1 is not None and n2 is not None and not g.get("scale") and g.get("scale2") and n1 <= n2:
                value = bounded(n1 * _scale(g["scale2"]))  # "5 to 10 million"; not "$888,600 to $1.4 million"
            if value is None or value_max is None:
                value = value_max = None  # out of range: kept as text
            elif value_max < value or m.re is _OR_RANGE and value_max == value:
                return None
        pct = g.get("pct") or g.get("pct2")
        if pct:
            unit = "percent" if "point" not in pct.lower() else "percentage point"
        if g.get("usfx"):
            unit = _MEASURES.get(g["usfx"].lower(), g["usfx"])
        cur = (g.get("cur") or g.get("cur2") or "").strip().lower()
        if cur:
            unit = _CURRENCY_SIGNS.get(cur) or gazetteer.dollar_currency(cur.upper())
        if g.get("scale") == "B" and not cur:
            return None  # "B" is billions after a currency sign only ("$5B"), else a name ("5B")
        if g.get("scale") and g["scale"].lower() in _ABBREVIATED and re.match(rf"\.{_MONEY_AFTER}", text[end:]):
            end += 1  # "3 Mio. EUR", "3.5 mln. EUR": the scale's point
        bound = _OR_BOUND.match(text, end)
        if bound and not g.get("num2"):  # "one or more donations", "20 or so people", "$1 trillion+"
            qual, end = qual or _OR_BOUNDS[(bound.group("w") or "+").lower()], bound.end()
    after_sign = re.match(rf"\s?(?P<sign>{_SIGN})(?!\s?\d)", text[end:]) if not vague and unit is None else None
    if after_sign:  # "3 million €"
        unit, end = _CURRENCY_SIGNS[after_sign.group("sign")], end + after_sign.end()
    after = re.match(r"\s*-?\s*(?P<w>[A-Za-z][\w/]*(?:\s+(?:kilomet(?:re|er)s?|miles?|met(?:re|er)s?|feet|foot)\b)?)", text[end:])
    counts: str | None = None
    cend = end
    if after and unit is None and not vague:
        word = after.group("w").lower()
        hyphen = text[end : end + 1] == "-"
        named = _CURRENCY_NAME.match(text, end)
        if not hyphen and not (named and " " in named.group("name")) and (local := gazetteer.local_currency(word, text, sent, m.start())):
            unit, end = local, end + after.end()  # "Norway will give 10 billion kroner": NOK
        elif named and not hyphen and (word not in _CURRENCY_WORDS or " " in named.group("name")):
            unit, end = CURRENCY_NAMES[named.group("name").lower()], named.end()
        elif word in _CURRENCY_WORDS or after.group("w") in CURRENCY_CODES or _country_money(after.group("w"), g, text,
                                                                                              end + after.end()):
            # "35 million AUD", "30 EUR million"; a country's code for its currency with a scale ("250 GBR million")
            unit = _CURRENCY_WORDS.get(word) or COUNTRY_CODE_CURRENCIES.get(after.group("w")) or after.group("w")
            end += after.end()
            late = None if g.get("scale") else _LATE_SCALE.match(text, end)
            if late and unit.isupper():
                value, end = value * _scale(late.group("s")), late.end()
        elif word in _MEASURES and not (hyphen and _MEASURES[word] in _TIME_CODES):
            unit, end = _MEASURES[word], end + after.end()
        elif hyphen and word.split("-")[0] in _MEASURES:
            unit, end = _MEASURES[word.split("-")[0]], end + after.end()
        elif hyphen and word in _NUMERAL_SUFFIXES:  # "5,000-plus employees", "a 5,000-strong force"
            end += after.end()
            qual = qual or _NUMERAL_SUFFIXES[word] or None
        elif hyphen:
            counts, end = word, end + after.end()
    elif after and unit and unit.isupper() and after.group("w").lower() in _CURRENCY_WORDS:
        end += after.end()  # "USD$ 23 billion dollar"
    limit = sent[1]
    if counts is None:
        of = re.match(r"\s+(?:of|in|for|worth\s+of)\s+", text[end:limit])
        if unit is not None and unit not in ("percent", "percentage point") and of:
            counts, _ = _counted(text, end + of.end(), limit)
        elif unit is None:
            counts, cend = _counted(text, end, limit)
        elif unit in ("percent", "percentage point"):
            of = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", text[end:limit])
            if of:
                counts, _ = _counted(text, end + of.end(), limit)
    if not vague and g["num"].lower() == "one":
        counts = _one_counts(counts)
        if not (qual or g.get("cur") or g.get("num2") or _one_figure(counts, unit, text[max(sent[0], m.start() - 8) : m.start()])):
            return None  # "one of them", "might one day", "no one knows": a pronoun or an idiom, not "one shell"
    if not vague and (not g["num"][0].isdigit() or unit is None) and counts is None and g["num"].lower() != "one":
        part = _PARTITIVE.match(text, end, limit)
        if part and part.end() > end + 1:  # "two of the engines", "six more A350s", "20 of Boeing's 777 planes"
            counts, _ = _counted(text, part.end(), limit)
    if not vague and g["num"][0].isupper() and m.start("num") > sent[0] and unit is None and not g.get("qual") \
            and not g.get("cur") and (counts is None or not _plural(counts.split()[-1])):
        return None  # a capitalised number word inside a sentence names something ("the Group of Eight")
    if not vague and unit is None and counts is None and not g.get("qual") and g["num"].isdigit() and \
            len(g["num"]) == 4 and 1900 <= int(g["num"]) <= 2099:
        return None  # a bare year the date grammar left alone
    if vague and counts is None:
        counts, cend = _counted(text, m.end(), limit)
        if counts in _CURRENCY_WORDS:  # "hundreds of millions of dollars"
            unit, counts, end = _CURRENCY_WORDS[counts], None, cend
    scope = _SCOPE.match(text[max(end, cend) : limit])
    period = None
    if unit in _CURRENCY_SIGNS.values() or unit in _CURRENCY_WORDS.values() or unit in CURRENCY_CODES:
        p = _PERIOD.search(text[end:limit])
        if p:
            n = parse_number(p.group("n"))
            u = p.group("unit").lower().rstrip("s")
            if n is not None:
                k = n * (10 if u == "decade" else 1)
                period = f"P{int(k) if float(k).is_integer() else k}{_TIME_CODES.get(u, 'Y')}"
    start = m.start("qual") if g.get("qual") else m.start()
    span_end = end if vague else max(m.end(), end)
    return Quantity(
        text=text[start:span_end],
        value=None if value is None else float(value),
        unit=unit,
        article_id=article_id,
        start=start,
        end=span_end,
        qualifier=qual,
        value_max=value_max,
        counts=counts,
        entity=_entity(text, sent[0], start),
        scope=scope.group("scope") if scope else None,
        period=period,
    )


class QuantitiesStage(ArticleStage):
    """Numbers with their unit, counted noun, qualifier and owner, per article."""

    name: ClassVar[str] = "quantities"
    version: ClassVar[str] = "12"
    requires: ClassVar[tuple[str, ...]] = ("dates",)
    provides: ClassVar[Mapping[str, type]] = {"quantities": Quantity}

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        found = find_quantities(article.text, article.id, inputs.get("dates", ()), ctx.sentences(article))
        for q in found:
            if q.value is None:
                ctx.logger.warning(
                    "article %s (%s): figure %r at %d-%d is out of range (over %d digits or not a finite "
                    "number); kept as text with no value", article.id, article.source,
                    q.text[:40] + ("…" if len(q.text) > 40 else ""), q.start, q.end, MAX_DIGITS,
                )
        return {"quantities": tuple(found)}
