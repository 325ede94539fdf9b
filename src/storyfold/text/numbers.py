"""English number words and numerals to floats, shared by the dates and quantities stages.

``parse_number("ten")`` is 10, ``parse_number("1,340")`` is 1340, ``parse_number("4.5 billion")``
is 4.5e9, ``parse_number("twenty-five")`` is 25. Anything it cannot read is ``None``.

Figures are bounded where they are read: a numeral of more than :data:`MAX_DIGITS` digits, or a
value of :data:`MAX_FIGURE` or more, is out of range (:func:`in_range` says which; the quantities
stage keeps such a figure as text with no value), so no stage downstream meets an infinite or
absurd float. The words of a figure's unit (:data:`CURRENCY_WORDS`, :data:`MEASURES`,
:data:`TIME_CODES`) live here too.
"""

from __future__ import annotations

import math
import re

__all__ = [
    "CURRENCY_WORDS", "MAX_DIGITS", "MAX_FIGURE", "MEASURES", "NUMBER_WORD", "SCALES", "TIME_CODES", "bounded", "in_range",
    "list_label", "parse_number",
]

MAX_DIGITS = 30  # digits of a numeral read as a figure; longer ones are out of range
MAX_FIGURE = 1e30  # values from here on are out of range (no news figure comes near it)

# The words of a figure's unit, as the quantities stage reads them after the number: currencies named in
# words (beside CLDR's names, through the gazetteer), measures (with their code) and units of time.
CURRENCY_WORDS = {
    "dollars": "USD", "dollar": "USD", "euros": "EUR", "euro": "EUR", "pounds": "GBP", "pound": "GBP",
    "yen": "JPY", "yuan": "CNY", "usd": "USD", "eur": "EUR", "gbp": "GBP", "jpy": "JPY", "cny": "CNY",
    "roubles": "RUB", "rubles": "RUB", "hryvnias": "UAH", "rupees": "INR", "francs": "CHF",
}
MEASURES = {
    "km": "km", "kilometres": "km", "kilometers": "km", "kilometre": "km", "kilometer": "km", "miles": "mi",
    "mile": "mi", "metres": "m", "meters": "m", "metre": "m", "meter": "m", "tonnes": "t", "tons": "t",
    "tonne": "t", "ton": "t", "kg": "kg", "kilograms": "kg", "hectares": "ha", "barrels": "barrel",
    "litres": "l", "liters": "l", "mph": "mph", "km/h": "km/h", "square kilometres": "km2", "square miles": "mi2",
    "square kilometers": "km2", "square kilometre": "km2", "square kilometer": "km2", "square mile": "mi2",
    "square metres": "m2", "square meters": "m2", "square metre": "m2", "square meter": "m2", "square feet": "ft2",
    "square foot": "ft2", "feet": "ft", "inches": "in", "yards": "yd",
    "acres": "ac", "grams": "g",
    "years": "year", "year": "year", "months": "month", "month": "month", "weeks": "week", "week": "week",
    "days": "day", "day": "day", "hours": "hour", "hour": "hour", "minutes": "minute", "decades": "decade",
    "decade": "decade", "gigawatts": "GW", "megawatts": "MW", "mw": "MW", "gw": "GW", "kw": "kW", "kwh": "kWh",
    "gb": "GB", "mb": "MB", "tb": "TB", "cm": "cm", "mm": "mm",
}
TIME_CODES = {"year": "Y", "month": "M", "week": "W", "day": "D", "decade": "Y"}


UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
SCALES = {
    "hundred": 1e2, "thousand": 1e3, "million": 1e6, "m": 1e6, "mn": 1e6, "billion": 1e9, "bn": 1e9,
    "b": 1e9, "trillion": 1e12, "tn": 1e12, "k": 1e3,
}
_SCALE_WORDS = ("hundred", "thousand", "million", "billion", "trillion")

# One number written in words: "ten", "twenty-five", "two hundred", "three thousand".
_WORD = "|".join(sorted((*UNITS, *TENS), key=len, reverse=True))
NUMBER_WORD = (
    rf"(?:(?:{_WORD})(?:[-\s](?:{'|'.join(UNITS)}))?"
    rf"(?:\s+(?:{'|'.join(_SCALE_WORDS)}))?(?:\s+and\s+(?:{_WORD})(?:-(?:{'|'.join(UNITS)}))?)?)"
)

_NUMERAL = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$")


def parse_number(text: str) -> float | None:
    """The value of a numeral ("1,340", "4.5"), a number in words ("twenty-five", "two hundred"),
    or either followed by scale words ("4.5 billion", "ten thousand"); ``None`` otherwise, and for a
    numeral out of range (:func:`in_range`)."""
    if not in_range(text):
        return None
    words = re.split(r"[\s-]+", text.strip().lower().replace("\u2013", "-"))
    words = [w for w in words if w and w != "and"]
    if not words:
        return None
    total = 0.0
    current: float | None = None
    for last, word in zip(["", *words], words, strict=False):
        if _NUMERAL.match(word):
            if current is not None:
                return None
            current = float(word.replace(",", ""))
        elif word in UNITS or word in TENS:
            value = UNITS.get(word, TENS.get(word, 0))
            if current is not None and current % 100 == 0 and current >= 20 and word in UNITS and current < 100:
                current += value  # twenty-five
            elif current is not None and current >= 100 and current % 100 == 0 and value < 100:
                current += value  # two hundred and five
            elif current is None:
                current = float(value)
            elif last in TENS and value < 10:
                current += value  # twenty-five; three hundred and sixty-five
            else:
                return None
        elif word in SCALES:
            if current is None:
                return None
            if SCALES[word] == 100:
                current *= 100
            else:
                total += current * SCALES[word]
                current = None
        else:
            return None
    return total + (current or 0.0)


# A list item's or a section's number: an integer with a point or a colon, or a dotted section number,
# before a capitalised word.
_LABEL = re.compile(r"\d+(?:[.:]|(?:\.\d+)+)[ \t]+(?P<w>[A-Z][a-z]*)")


def list_label(text: str, start: int) -> bool:
    """Whether the numeral at ``start`` opens a line as a list or section label, not a figure:
    "1. Introduction", "10: How to Save the Middle Class", "2.3 Measures of the Location" (not a
    title-case headline's figure: "2.5 Million Jobs", "3.5 Percent")."""
    label = _LABEL.match(text, start)
    if label is None or text[text.rfind("\n", 0, start) + 1 : start].strip():
        return False
    word = label.group("w").lower()
    return word not in SCALES and word != "percent" and word not in MEASURES


def in_range(text: str) -> bool:
    """Whether the numerals in ``text`` are short enough to be read as a figure (at most
    :data:`MAX_DIGITS` digits each, separators aside)."""
    return all(len(run.replace(",", "")) <= MAX_DIGITS for run in re.findall(r"\d[\d,]*", text))


def bounded(value: float | None) -> float | None:
    """``value`` when it is a finite figure below :data:`MAX_FIGURE` in size, else ``None``."""
    if value is None or not math.isfinite(value) or abs(value) >= MAX_FIGURE:
        return None
    return value
