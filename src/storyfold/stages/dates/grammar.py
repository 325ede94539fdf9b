"""The grammar of temporal expressions: one regex per rule (tried longest match first) and the word
tables the resolver reads (months, weekdays, seasons, modifiers, units, signals)."""

from __future__ import annotations

import calendar
import re

from storyfold.text.numbers import NUMBER_WORD, TENS
from storyfold.text.numbers import UNITS as NUMBER_UNITS

__all__ = [
    "APPROX_BEFORE",
    "BARE_HOLIDAYS",
    "HOLIDAYS",
    "HOLIDAY_WEEKDAYS",
    "COMPILED",
    "DECADE_WORDS",
    "MODS",
    "MONTHS",
    "MONTHS_BY_PREFIX",
    "MONTH_SIGNALS",
    "OLD_YEAR_SIGNALS",
    "PARTS",
    "NUM",
    "RULES",
    "SEASONS",
    "SIGNALS",
    "SMALL_NUMBERS",
    "UNITS",
    "VAGUE_CODES",
    "VAGUE_NUMBERS",
    "WEEKDAYS",
]

_MONTH = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December"
    r"|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept?\.?|Oct\.?|Nov\.?|Dec\.?)"
)
_MONTH_FULL = (
    r"(?P<mon>January|February|March|April|May|June|July|August|September|October|November|December)"
)
_WD = r"(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_MOD = (
    r"(?:(?P<mod>(?i:early|mid|late|the\s+end\s+of|the\s+start\s+of|the\s+beginning\s+of|the\s+middle\s+of"
    r"|end\s+of|the\s+first\s+half\s+of|the\s+second\s+half\s+of))[\s-]+)?"
)
NUM = (
    rf"(?:\d+(?:\.\d+)?|(?i:{NUMBER_WORD})|(?i:a|an|a\s+few|a\s+couple\s+of|a\s+couple|several|few|many|some"
    r"|a\s+dozen|dozens\s+of|a\s+half|half\s+a))"
)
_NUM_HALF = rf"{NUM}(?:\s+and\s+a\s+half|\s+1/2|\s*\u00bd)?"
_TZ = r"(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|JST)"
_ORD = r"(?i:first|second|third|fourth|final|1st|2nd|3rd|4th)"
_APPROX = r"(?i:about|around|nearly|almost|more\s+than|over|some|roughly|less\s+than|just\s+over|just\s+under)"
_UNIT = r"(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?|weekends?|nights?)"
_UNIT_SG = r"(?i:year|month|week|day|decade|century|hour|minute|quarter|night)"
_UNIT_PL = r"(?i:years|months|weeks|days|decades|centuries|hours|minutes)"

# A year said in words, as broadcast transcripts write it: "nineteen ninety-one", "the year two thousand".
_DIGIT_WORD = "|".join(w for w, n in NUMBER_UNITS.items() if 1 <= n <= 9)
_TEEN_WORD = "|".join(w for w, n in NUMBER_UNITS.items() if n >= 10)
_TWO_DIGITS = rf"(?:(?:{'|'.join(TENS)})(?:[\s-]+(?:{_DIGIT_WORD}))?|{_TEEN_WORD}|(?:oh|o)[\s-]+(?:{_DIGIT_WORD}))"
_WORD_YEAR = (
    rf"(?i:(?:eighteen|nineteen|twenty)[\s-]+{_TWO_DIGITS}"
    rf"|two\s+thousand(?:(?:\s+and)?\s+(?:{_TWO_DIGITS}|{_DIGIT_WORD}))?)"
)

# Holidays of the English-speaking calendar, each the day it falls on in a year: a fixed (month,
# day), the n-th (or, -1, last) weekday of a month, "election" (the Tuesday after the first Monday
# of November) or an offset from Easter Sunday. A bare name ("Christmas", "Easter") is a date only
# after a temporal signal, a "last"/"next" or with its year ("Christmas shopping" is not).
HOLIDAYS: dict[str, tuple[str, int, int]] = {
    "christmas day": ("fixed", 12, 25), "christmas eve": ("fixed", 12, 24), "christmas": ("fixed", 12, 25),
    "boxing day": ("fixed", 12, 26), "new year's day": ("fixed", 1, 1), "new year's eve": ("fixed", 12, 31),
    "independence day": ("fixed", 7, 4), "the fourth of july": ("fixed", 7, 4), "halloween": ("fixed", 10, 31),
    "valentine's day": ("fixed", 2, 14), "veterans day": ("fixed", 11, 11), "st. patrick's day": ("fixed", 3, 17),
    "thanksgiving day": ("nth", 11, 4), "thanksgiving": ("nth", 11, 4), "labor day": ("nth", 9, 1),
    "memorial day": ("last", 5, 1), "martin luther king day": ("nth", 1, 1), "election day": ("election", 11, 1),
    "easter sunday": ("easter", 0, 0), "easter": ("easter", 0, 0), "good friday": ("easter", -2, 0),
    "easter monday": ("easter", 1, 0),
}
BARE_HOLIDAYS = frozenset({"christmas", "thanksgiving", "easter", "halloween"})
# Monday is weekday 0: the n-th rules' weekday, by holiday
HOLIDAY_WEEKDAYS = {"thanksgiving day": 3, "thanksgiving": 3, "labor day": 0, "memorial day": 0,
                    "martin luther king day": 0}
_HOLIDAY = "|".join(
    re.escape(name).replace("\\ ", r"\s+").replace("'", "['\u2019]") for name in sorted(HOLIDAYS, key=len, reverse=True)
)
_HOLIDAY = rf"(?i:{_HOLIDAY})"

# a part of the day -> its TIMEX code, and the pattern of its words
PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
_PART = "(?i:" + "|".join(PARTS) + ")"
# a decade in words -> its decade of the 20th century (2: the twenties), and the pattern of its words
DECADE_WORDS = {w: n for n, w in enumerate(
    ("twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties"), start=2)}
_DECADE_WORD = "(?i:" + "|".join(DECADE_WORDS) + ")"

_SEASON = r"(?i:spring|summer|autumn|fall|winter)\b"
# The noun of an event or a period that a season before it dates ("the summer offensive", "the spring term").
_SEASON_NOUN = (r"[\s-]+(?i:offensives?|counter-?offensives?|campaigns?|invasions?|sessions?|terms?|semesters?|recess"
                r"|vacations?|holidays?|break)\b")

_ERA = r"BCE|BC|B\.C\.E\.|B\.C\.|AD|A\.D\.|CE|C\.E\."

RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("mdy", rf"\b(?:{_WD},?\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"),
    (
        "dmy",
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)"
        rf"(?:\s*,?\s*(?P<y>\d{{4}})\b)?",
    ),
    ("my", rf"\b{_MOD}{_MONTH}\s*,?\s+(?:of\s+)?(?P<y>\d{{4}})\b"),
    # "October of next year", "June last year": the month of the year that names
    ("myrel", rf"\b{_MOD}{_MONTH_FULL}\s+(?:of\s+)?(?P<yrel>(?i:last|this|next))\s+(?i:year)\b"),
    # "the previous April", "the following March": the one before or after the date narrated (or the anchor)
    ("m", rf"\b{_MOD}(?:(?:(?P<the>(?i:the))\s+(?=(?i:previous|following)))?(?P<rel>(?i:last|next|this|past|coming"
          rf"|previous|following))\s+)?{_MONTH_FULL}\b(?!\s*,?\s*\d)"),
    # a year with its era: "490 BC", "ca. 55 BCE", "AD 1066", "800 AD"
    (
        "era",
        rf"(?:\b(?P<circa>(?i:ca\.|c\.|circa))\s*)?\b{_MOD}(?:(?:{_MONTH_FULL}|(?:(?i:the)\s+)?(?P<season>(?i:spring|summer"
        r"|autumn|fall|winter))(?:\s+of)?)\s+(?=\d{1,4}\s*B))?"
        rf"(?:(?P<n>\d{{1,4}})\s*(?P<era>{_ERA})|(?P<ad>AD|A\.D\.)\s*(?P<n2>\d{{1,4}}))(?!\w)",
    ),
    ("y", rf"\b{_MOD}(?:(?i:fiscal\s+(?:year\s+)?|FY\s*))?(?P<y>1\d\d\d|20\d\d)\b(?![,.]\d)(?!\s*(?:%|(?i:per)))"),
    # the second year of a span written short, "1957-58", "the 1994-95 season": its own year
    ("yearend2", r"(?<=\b(?:1[89]|20)\d\d[-\u2013/])(?P<yy>\d\d)\b(?![-\u2013/.,]\d)"),
    # a year written with its last two digits: "the Club of '89", "the '99 Boys" (not "the '80s", a decade)
    ("yy", r"(?<![\w'\u2019])['\u2019](?P<yy>\d\d)\b(?!['\u2019]|[-.,:/]\d|%)"),
    ("wordyear", rf"\b(?:(?P<the>(?i:the\s+year))\s+)?(?P<wy>{_WORD_YEAR})\b(?![\s-]+(?i:hundred|thousand|million|billion))"),
    (
        "holiday",
        rf"\b(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<hol>{_HOLIDAY})(?:,?\s+(?:of\s+)?(?P<y>\d{{4}}))?(?![\w'\u2019])",
    ),
    # "the week of March 6", "Easter week": the (ISO) week that holds the day named
    (
        "weekof",
        rf"\b(?:(?i:the)\s+(?i:week)\s+(?i:of)\s+{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"
        rf"|(?P<hol>{_HOLIDAY})\s+(?i:week)\b)",
    ),
    # "the last week of August", "the first week in May": that week of the month
    (
        "weekofmonth",
        rf"\b(?i:the)\s+(?P<ord>(?i:first|second|third|fourth|last|final))\s+(?i:week)\s+(?i:of|in)\s+{_MONTH_FULL}"
        r"(?:\s*,?\s+(?P<y>\d{4}))?\b(?!\s*,?\s*\d)",
    ),
    # "the year ended Aug. 31": an accounting year, twelve months ending on the day named
    ("yearended", r"\b(?i:the)\s+(?:(?i:fiscal)\s+)?(?i:year)(?=\s+(?i:ended|ending)\b)"),
    ("decade", rf"\b(?:the\s+)?{_MOD}(?P<dec>(?:1[89]|20)\d)0s\b"),
    # a decade before the common era: "the 470s BC", "the end of the 460s BC"
    ("decadebc", rf"\b(?:the\s+)?{_MOD}(?:the\s+)?(?P<dec>\d{{1,3}})0s\s*(?:BCE|BC|B\.C\.E\.|B\.C\.)(?!\w)"),
    # a decade written short: "the '80s", "the 70s and 80s" (not "in their 80s", an age)
    ("decade2", rf"(?:\b(?i:the)\s+{_MOD}['\u2019]?|['\u2019]|(?<=\d0s\s(?i:and)\s))(?P<dec2>[2-9])0s\b"),
    # a decade in words: "through the nineties", "the late sixties" (not "in their twenties", an age)
    ("decadeword", rf"\b(?i:the)\s+{_MOD}['\u2019]?(?P<dw>{_DECADE_WORD})\b"),
    ("century", r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b"
                r"(?:\s*(?P<era>BCE|BC|B\.C\.E\.|B\.C\.)(?!\w))?"),
    (
        "dayword",
        r"\b(?P<dw>(?i:today|yesterday|tomorrow|tonight))\b"
        rf"(?:\s+(?P<part>{_PART}))?",
    ),
    # "the day before last Tuesday's hearing", "the day after March 6": the day next to the one named
    (
        "dayshift",
        rf"\b(?i:the)\s+(?i:day)\s+(?P<shift>(?i:before|after))\s+(?:(?P<rel>(?i:last|next|this|coming|past|previous))\s+)?"
        rf"(?:{_WD}|{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?)",
    ),
    ("partday", rf"\b(?P<rel>(?i:this|last))\s+(?P<part>{_PART})\b"),
    (
        "weekday",
        rf"\b(?:(?P<rel>(?i:last|next|this|coming|past|previous))\s+)?{_WD}(?P<plural>s)?\b"
        rf"(?:\s+(?P<part>{_PART})(?P<parts>s)?\b)?",
    ),
    (
        "relunit",
        rf"\b(?:(?P<el>(?i:earlier|later))\s+)?{_MOD}(?:(?P<the>(?i:the))\s+)?"
        r"(?P<rel>(?i:this|last|next|coming|past|previous|current|same|the))\s+"
        r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century|spring|summer|autumn|fall|winter"
        r"|fiscal\s+year))\b",
    ),
    # "earlier in the year", "Late in the month": the start or end of the year (month) narrated or the anchor's
    ("relunit", r"\b(?:(?P<el>(?i:earlier|later))|(?P<mod>(?i:early|late)))\s+(?i:in)\s+(?P<rel>(?i:the))\s+"
                r"(?P<unit>(?i:year|month))\b(?![-'\u2019])"),
    # "at month's end", "by year's end": the end of the unit the text is in ("the end of the month")
    ("relunit", r"\b(?P<unit>(?i:week|month|year))['\u2019]s\s+(?P<end>(?i:end))\b"),
    ("weekend", r"\b(?P<x>(?i:the\s+weekend))\b"),
    # "by year end", "around year-end": the end of the anchor's year
    ("yearend", r"\b(?:(?P<the>(?i:the))\s+)?(?i:year)[\s-](?i:end)\b"),
    # a season after a signal ("in winter", "during the early summer": the determiner is part of it, unless
    # it is a noun's that the season modifies, "in the Spring Offensive") or with a year
    (
        "season",
        rf"\b(?:(?P<the>(?i:the))\s+(?=(?:\w+[\s-]+)?{_SEASON}(?!{_SEASON_NOUN}|\s+[A-Z]|\s+\d{{4}}{_SEASON_NOUN})))?"
        rf"{_MOD}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))"
        rf"(?:\s+(?:of\s+)?(?:(?P<y>\d{{4}})|(?P<wy>{_WORD_YEAR})))?\b",
    ),
    (
        "ago",
        rf"\b(?:(?P<approx>{_APPROX})\s+)?(?P<n>{NUM})\s+(?P<unit>{_UNIT})\s+(?P<dir>(?i:ago|earlier|later))\b(?!\s+(?i:than))",
    ),
    # The reporting period's year-ago twin ("the year-earlier quarter", "a year-ago loss"), the
    # latest period, the quarter said alone and a year's quarter or period: resolved against the
    # quarter the article last named (its reference period), see reference.Reference.
    (
        "yearago",
        rf"\b(?:(?P<the>(?i:the))\s+)?(?i:year)-(?i:ago|earlier)\s+(?:(?P<q>{_ORD})[\s-]+)?(?P<unit>(?i:quarter|period))\b"
        r"|\b(?i:year)-(?i:ago|earlier)\b",
    ),
    (
        "sameperiod",
        r"\b(?:(?i:the)\s+)?(?i:same|corresponding|comparable|year-ago|year-earlier)\s+(?P<unit>(?i:period|quarter))"
        r"\s+(?:(?i:of|in)\s+)?(?:(?i:a\s+year\s+(?:ago|earlier))|(?:(?i:the)\s+)?(?i:last|previous|prior)\s+(?i:year))\b",
    ),
    ("latest", r"\b(?:(?i:the)\s+)?(?i:latest|most\s+recent)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter|period))\b"),
    ("thequarter", r"\b(?i:the)\s+(?:(?i:fiscal)\s+)?(?P<unit>(?i:quarter))\b(?!-|\s+(?i:point|mile|final|century))"),
    (
        "yearq",
        rf"\b(?:(?P<rel>(?i:this|last|next))\s+(?i:year)['\u2019]s|(?:(?i:the)\s+)?(?P<y>(?:19|20)\d\d))\s+"
        rf"(?:(?i:fiscal)[\s-]+)?(?:(?P<q>{_ORD})[\s-]+)?(?P<unit>(?i:quarter|period))\b",
    ),
    ("fullyear", r"\b(?i:the)\s+(?i:entire|full|whole)\s+(?:(?i:fiscal)\s+)?(?i:year)\b(?![-'\u2019])"),
    # "that year", "later that month"; "July of that year", "the 28th of that month": of the date last named
    (
        "that",
        rf"\b(?:(?P<el>(?i:earlier|later))\s+|{_MONTH_FULL}\s+(?i:of)\s+(?=(?i:that\s+year))"
        r"|(?:(?i:the)\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?i:of)\s+(?=(?i:that\s+month)))?"
        r"(?i:that)\s+(?P<unit>(?i:year|month|day))\b(?![-'\u2019])",
    ),
    # "On the 5th,", "the onslaught on the 20th was": a day of the month last named, after a signal and
    # before a stop or a closed-class word (not "the 5th Army", "the 20th century", "the 38th parallel")
    ("theord", r"\b(?i:on|by|until|till|from|since|before|after)\s+(?P<x>(?i:the)\s+(?P<d>\d{1,2})(?:st|nd|rd|th))\b"
               r"(?=\s*[,.;:)]|\s+(?i:was|were|had|and|but|when|the|a|an|he|she|it|they|we)\b)"),
    # "the next day", "that same day": the day a narrative last named, and the one after or before it
    # ... and its part: "the next morning", "that same evening"
    # ... and "The day before,", "the day following saw" (not in apposition to a date: "2 October 1950-the day after")
    ("theday", r"\b(?:(?:(?i:the)\s+(?P<which>(?i:next|following|previous|same))|(?i:that\s+same))"
               rf"\s+(?:(?i:day)|(?P<part>{_PART}))\b(?![-'\u2019])"
               r"|(?<!\d[-\u2013])(?<!\d,\s)(?i:the)\s+(?i:day)\s+(?P<dir>(?i:before|after|following))\b)"),
    (
        "duration",
        r"\b(?:(?P<dir>(?i:the\s+(?:past|last|next|previous|coming|first|final|following)|the|past|next|previous"
        r"|coming|following|another))\s+)?(?:(?P<approx>(?i:about|around|nearly|almost|more\s+than|over|some"
        r"|roughly|at\s+least|up\s+to|less\s+than|fewer\s+than|just\s+over|just\s+under))\s+)?"
        rf"(?P<n>{_NUM_HALF})\s+(?:(?i:full|more|straight|consecutive|whole|trading|business|working)\s+)?(?P<unit>{_UNIT})"
        r"(?P<poss>')?(?!\w)(?![\s-]+(?i:old)\b)",
    ),
    # the first count of a range of durations, "between 60 and 90 days", "two to three weeks": its own duration
    (
        "durfirst",
        rf"\b(?P<n>\d+(?:\.\d+)?|(?i:{NUMBER_WORD}))(?=\s*(?:-|\u2013|(?i:to|and|or))\s*"
        rf"(?:\d+(?:\.\d+)?|(?i:{NUMBER_WORD}))\s+(?P<unit>{_UNIT_PL})\b)",
    ),
    ("adjdur", rf"\b(?P<n>\d+|(?i:{NUMBER_WORD}))-(?P<unit>{_UNIT_SG})(?:-long)?\b(?!-old)"),
    (
        "vague",
        r"\b(?P<pre>(?i:recent|the\s+past(?:\s+(?:several|few))?|the\s+last(?:\s+(?:several|few))?|the\s+coming"
        r"|the\s+next(?:\s+(?:several|few))?|several|many|a\s+few|coming))\s+"
        rf"(?P<unit>{_UNIT_PL})\b",
    ),
    ("vagueadj", r"\b(?P<unit>(?i:decades|years|centuries|months|weeks))-(?:old|long)\b"),
    # a vague duration after a preposition ("for years", "within weeks", "the first time in years", "over
    # the years", "in the years that followed"): the preposition is its signal, not part of it
    ("vaguefor", r"\b(?i:for|within|in)\s+(?P<x>(?P<unit>(?i:years|decades|months|weeks|days|centuries)))\b"
                 r"(?!\s+(?i:of|old)\b)"),
    (
        "vaguethe",
        r"\b(?i:over|in|during|throughout)\s+(?P<x>(?i:the)\s+(?P<unit>(?i:years|decades|months|weeks|days)))\b"
        r"(?:(?<=(?i:over)\s(?i:the)\s(?i:years))|(?<=(?i:over)\s(?i:the)\s(?i:decades))"
        r"|(?=\s+(?i:that|since|after|following|ahead|to\s+come)\b))",
    ),
    (
        "ref",
        r"\b(?P<ref>(?i:now|currently|at\s+present|presently|nowadays|these\s+days|recently|lately|the\s+past"
        r"|the\s+future))\b(?!-)",
    ),
    # "recent" before what it dates ("the recent sale", "a recent SEC filing"): TIMEX3's PAST_REF; not
    # "most recent" (the latest of a series) and not before a unit of time, which makes a duration of its own
    ("recent", r"(?<!(?i:most)\s)\b(?P<ref>(?i:recent))\b(?!\s+(?i:years?|months?|weeks?|days?|decades?|centur\w+"
               r"|hours?|minutes?|quarters?|seasons?|periods?|times?)\b)"),
    (
        "set",
        rf"\b(?P<every>(?i:every|each))\s+(?:(?P<n>{NUM})\s+)?(?P<unit>{_UNIT_SG}|(?i:season)|{_WD}|{_MONTH_FULL}"
        r"|(?P<season>(?i:spring|summer|autumn|fall|winter)))\b",
    ),
    ("setadv", r"\b(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))\b"),
    ("setfreq", rf"\b(?i:once|twice|(?:{NUM})\s+times)\s+(?P<x>(?i:a|an|per)\s+(?P<unit>{_UNIT_SG}))\b"),
    (
        "time",
        r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"
        rf"(?:\s*(?P<tz>{_TZ})\b)?(?:,?\s+(?:(?i:on)\s+)?(?:{_WD}\b|{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b))?",
    ),
    ("timeword", r"\b(?P<tw>(?i:noon|midday|midnight))\b"),
    (
        "clock",
        # a 24-hour clock time: with its zone, "hrs", or (see resolve) after "at", "by", "until" ... or in a
        # range of two ("at 10:57", "05:30hrs", "(19:00-03:00hrs)"); not a ratio, a score or a verse
        rf"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)(?:\s*(?P<tz>{_TZ})\b|(?P<hrs>\s*(?i:hrs|hours|h))\b|(?![:.,]?\d))"
        rf"(?:,?\s+(?:(?i:on)\s+)?(?:{_WD}\b|{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b))?",
    ),
    (
        "quarter",
        rf"\b(?:(?i:the)\s+(?=(?:(?i:fiscal)[\s-]+)?{_ORD}\s+(?i:quarter)))?(?:(?i:fiscal)[\s-]+)?(?P<q>{_ORD})[\s-]+"
        r"(?i:quarter)"
        r"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?:(?P<y>\d{4})|(?P<yrel>(?i:last|this|next))\s+(?i:year)))?\b",
    ),
    ("qshort", r"\b(?P<q>Q[1-4])(?:\s*(?P<y>\d{4}))?\b"),
)
COMPILED = tuple((name, re.compile(rx)) for name, rx in RULES)

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
MODS = {
    "early": "START", "the start of": "START", "the beginning of": "START", "the first half of": "START",
    "mid": "MID", "the middle of": "MID", "late": "END", "the end of": "END", "end of": "END",
    "the second half of": "END",
}
# unit word -> (TIMEX3 duration code, multiplier, is a time-of-day unit)
UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False), "day": ("D", 1, False),
    "night": ("D", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "hour": ("H", 1, True), "minute": ("M", 1, True), "quarter": ("Q", 1, False), "weekend": ("WE", 1, False),
}
VAGUE_CODES = {"decade": "DE", "century": "CE"}
VAGUE_NUMBERS = {"a few", "several", "few", "many", "some", "dozens of"}
SMALL_NUMBERS = {"a": 1, "an": 1, "a couple": 2, "a couple of": 2, "a dozen": 12, "a half": 0.5, "half a": 0.5}
SIGNALS = re.compile(
    r"(?i)\b(on|in|since|until|till|by|before|after|from|during|at|over|through|throughout|for|of|to|between|into"
    r"|within)\s+(?:the\s+)?$"
)
APPROX_BEFORE = re.compile(r"(?i)\b(?:about|around|some|over|than|nearly|almost|up\s+to|roughly)\s+$")
# Signals that make a year of a number before 1800 ("in 1793", "since 1614", "the constitution of 1791"):
# such a number alone is more often a count than a year.
OLD_YEAR_SIGNALS = frozenset({"in", "since", "until", "till", "before", "after", "during", "of", "by", "throughout"})
MONTH_SIGNALS = {"in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through", "to",
                  "between", "over", "into", "throughout"}

MONTHS_BY_PREFIX = {name[:3]: i for name, i in MONTHS.items()}
