"""Temporal expressions: found by a small regex grammar, normalised against the publication date.

Every expression becomes a :class:`~storyfold.records.DateMention` with a TIMEX3-like ``value``
(``2025-03-20``, ``2025-03``, ``2025-W12``, ``2025-W11-WE``, ``2025-SU``, ``2025``, ``P10Y``,
``PAST_REF``), a :class:`~storyfold.records.Precision`, the first and last day it covers and the
preposition before it ("since", "on").

Relative expressions ("on Tuesday", "in April", "last year") are resolved against the article's
publication date (the *anchor*) in the direction the sentence's tense points: a past-tense
sentence takes the latest such day on or before the anchor, a future one ("will meet on Thursday")
the first on or after it, a sentence with neither the nearest. Without an anchor they stay
unresolved (``value=None``, precision ``unresolved``) with their text kept: no year is invented.

When an article has no publication date, :func:`estimate_published` infers one only where the text
pins it: a dateline at the top, or an absolute date said to be "last year" / "this year" in the
same sentence, clipped by the bounds that past- and future-tense absolute dates impose.

The grammar was written against the seed articles and TempEval-3's *training* conventions and
measured on TempEval-3 platinum and MEANTIME (``python eval/dates.py``; figures in docs/dates.md).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import ClassVar

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, DateMention, Evidence, Precision, PublishedEstimate
from storyfold.text.numbers import NUMBER_WORD, parse_number
from storyfold.text.sentences import sentence_of, sentence_spans

__all__ = ["Anchor", "DatesStage", "estimate_published", "find_dates", "tense_at"]

# --------------------------------------------------------------------------------------------
# Grammar
# --------------------------------------------------------------------------------------------

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
_NUM = (
    rf"(?:\d+(?:\.\d+)?|(?i:{NUMBER_WORD})|(?i:a|an|a\s+few|a\s+couple\s+of|a\s+couple|several|few|many|some"
    r"|a\s+dozen|dozens\s+of|a\s+half|half\s+a))"
)
_NUM_HALF = rf"{_NUM}(?:\s+and\s+a\s+half)?"
_UNIT = r"(?i:years?|months?|weeks?|days?|decades?|centur(?:y|ies)|hours?|minutes?|quarters?|weekends?|nights?)"
_UNIT_SG = r"(?i:year|month|week|day|decade|century|hour|minute|quarter|night)"
_UNIT_PL = r"(?i:years|months|weeks|days|decades|centuries|hours|minutes)"

_RULES: tuple[tuple[str, str], ...] = (
    ("iso", r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b"),
    ("mdy", rf"\b(?:{_WD},?\s+)?{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:\s*,?\s*(?P<y>\d{{4}})\b)?"),
    (
        "dmy",
        rf"\b(?:{_WD},?\s+)?(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?{_MONTH}(?!\w)"
        rf"(?:\s*,?\s*(?P<y>\d{{4}})\b)?",
    ),
    ("my", rf"\b{_MOD}{_MONTH}\s*,?\s+(?:of\s+)?(?P<y>\d{{4}})\b"),
    ("m", rf"\b{_MOD}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?{_MONTH_FULL}\b(?!\s*,?\s*\d)"),
    ("y", rf"\b{_MOD}(?:(?i:fiscal\s+(?:year\s+)?|FY\s*))?(?P<y>(?:1[89]|20)\d\d)\b(?![,.]\d)(?!\s*(?:%|(?i:per)))"),
    ("decade", rf"\b(?:the\s+)?{_MOD}(?P<dec>(?:1[89]|20)\d)0s\b"),
    ("century", r"\b(?:the\s+)?(?P<c>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)\b"),
    (
        "dayword",
        r"\b(?P<dw>(?i:today|yesterday|tomorrow|tonight))\b"
        r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night)))?",
    ),
    ("partday", r"\b(?P<rel>(?i:this|last))\s+(?P<part>(?i:morning|afternoon|evening|night))\b"),
    (
        "weekday",
        rf"\b(?:(?P<rel>(?i:last|next|this|coming|past|previous))\s+)?{_WD}"
        r"(?:\s+(?P<part>(?i:morning|afternoon|evening|night))\b)?",
    ),
    (
        "relunit",
        rf"\b(?:(?P<el>(?i:earlier|later))\s+)?{_MOD}(?:(?P<the>(?i:the))\s+)?"
        r"(?P<rel>(?i:this|last|next|coming|past|previous|current|same|the))\s+"
        r"(?P<unit>(?i:week|month|year|quarter|weekend|decade|century|spring|summer|autumn|fall|winter"
        r"|fiscal\s+year))\b",
    ),
    ("weekend", r"\b(?P<x>(?i:the\s+weekend))\b"),
    (
        "season",
        rf"\b{_MOD}(?:(?P<rel>(?i:last|next|this|past|coming))\s+)?(?P<season>(?i:spring|summer|autumn|fall|winter))"
        r"(?:\s+(?:of\s+)?(?P<y>\d{4}))?\b",
    ),
    ("ago", rf"\b(?P<n>{_NUM})\s+(?P<unit>{_UNIT})\s+(?i:ago)\b"),
    (
        "duration",
        r"\b(?:(?P<dir>(?i:the\s+(?:past|last|next|previous|coming|first|final|following)|past|next|previous"
        r"|coming|following|another))\s+)?(?:(?P<approx>(?i:about|around|nearly|almost|more\s+than|over|some"
        r"|roughly|at\s+least|up\s+to|less\s+than|fewer\s+than|just\s+over|just\s+under))\s+)?"
        rf"(?P<n>{_NUM_HALF})\s+(?:(?i:full|more|straight|consecutive|whole)\s+)?(?P<unit>{_UNIT})(?P<poss>')?(?!\w)",
    ),
    ("adjdur", rf"\b(?P<n>\d+|(?i:{NUMBER_WORD}))-(?P<unit>{_UNIT_SG})(?:-(?:long|old))?\b"),
    (
        "vague",
        r"\b(?P<pre>(?i:recent|the\s+past(?:\s+(?:several|few))?|the\s+last(?:\s+(?:several|few))?|the\s+coming"
        r"|the\s+next(?:\s+(?:several|few))?|several|many|a\s+few|in\s+recent|coming))\s+"
        rf"(?P<unit>{_UNIT_PL})\b",
    ),
    ("vagueadj", r"\b(?P<unit>(?i:decades|years|centuries|months|weeks))-(?:old|long)\b"),
    ("vaguefor", r"\b(?i:for)\s+(?P<x>(?P<unit>(?i:years|decades|months|weeks|days|centuries)))\b"),
    (
        "ref",
        r"\b(?P<ref>(?i:now|currently|at\s+present|presently|nowadays|these\s+days|recently|lately|the\s+past"
        r"|the\s+future))\b",
    ),
    ("set", rf"\b(?P<every>(?i:every|each))\s+(?:(?P<n>{_NUM})\s+)?(?P<unit>{_UNIT_SG}|(?i:season)|{_WD})\b"),
    ("setadv", r"\b(?P<adv>(?i:daily|weekly|monthly|annually|yearly|hourly|nightly))\b"),
    ("setfreq", rf"\b(?i:once|twice|(?:{_NUM})\s+times)\s+(?P<x>(?i:a|an|per)\s+(?P<unit>{_UNIT_SG}))\b"),
    ("time", r"\b(?P<h>\d{1,2})(?:[:.](?P<mi>\d{2}))?\s*(?P<ap>(?i:a\.m\.|p\.m\.|am\b|pm\b))"),
    ("timeword", r"\b(?P<tw>(?i:noon|midday|midnight))\b"),
    ("clock", r"\b(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?P<tz>GMT|UTC|BST|CET|CEST|EST|EDT|PST|PDT|ET|JST)\b"),
    (
        "quarter",
        r"\b(?:the\s+)?(?P<q>(?i:first|second|third|fourth|1st|2nd|3rd|4th))[\s-]+(?i:quarter)"
        r"(?:\s+(?:of\s+)?(?:(?i:fiscal)\s+)?(?P<y>\d{4}))?\b",
    ),
    ("qshort", r"\b(?P<q>Q[1-4])(?:\s*(?P<y>\d{4}))?\b"),
)
_COMPILED = tuple((name, re.compile(rx)) for name, rx in _RULES)

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
_SEASONS = {"spring": ("SP", 3), "summer": ("SU", 6), "autumn": ("FA", 9), "fall": ("FA", 9), "winter": ("WI", 12)}
_MODS = {
    "early": "START", "the start of": "START", "the beginning of": "START", "the first half of": "START",
    "mid": "MID", "the middle of": "MID", "late": "END", "the end of": "END", "end of": "END",
    "the second half of": "END",
}
# unit word -> (TIMEX3 duration code, multiplier, is a time-of-day unit)
_UNITS = {
    "year": ("Y", 1, False), "month": ("M", 1, False), "week": ("W", 1, False), "day": ("D", 1, False),
    "night": ("D", 1, False), "decade": ("Y", 10, False), "century": ("Y", 100, False),
    "hour": ("H", 1, True), "minute": ("M", 1, True), "quarter": ("Q", 1, False), "weekend": ("WE", 1, False),
}
_VAGUE_CODES = {"decade": "DE", "century": "CE"}
_VAGUE_NUMBERS = {"a few", "several", "few", "many", "some", "dozens of"}
_SMALL = {"a": 1, "an": 1, "a couple": 2, "a couple of": 2, "a dozen": 12, "a half": 0.5, "half a": 0.5}
_SIGNALS = re.compile(
    r"(?i)\b(on|in|since|until|till|by|before|after|from|during|at|over|through|throughout|for|of|to|between"
    r"|within)\s+(?:the\s+)?$"
)
_APPROX_BEFORE = re.compile(r"(?i)\b(?:about|around|some|over|than|nearly|almost|up\s+to|roughly)\s+$")
_MONTH_SIGNALS = {"in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through", "to",
                  "between"}


# --------------------------------------------------------------------------------------------
# Sentences and tense
# --------------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|won't|wo\s+n't|going\s+to|due\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planning\s+to|upcoming|is\s+to|are\s+to)\b|'ll\b"
)
_PAST = re.compile(
    r"(?i)\b(?:was|were|had|did|said|told|met|made|came|went|took|gave|got|held|began|saw|left|won|lost|led|sent"
    r"|spent|fell|rose|paid|sold|bought|ran|wrote|spoke|struck|hit|kept|brought|thought|knew|became|found|put"
    r"|[a-z]{3,}ed)\b"
)
_PRESENT = re.compile(r"(?i)\b(?:is|are|am|says|say|tells)\b")
_NOT_VERB_ED = {
    "need", "united", "based", "indeed", "feed", "seed", "speed", "proceed", "exceed", "succeed", "embed", "breed",
    "hundred", "limited", "armed", "related", "advanced", "red", "bed", "shed", "wed", "allied", "proposed",
    "expected", "scheduled", "planned", "so-called", "detailed", "concerned", "supposed",
}
_DETERMINERS = {"the", "a", "an", "of", "from", "with", "for", "across", "by", "its", "their", "his", "her", "our",
                "in", "and", "to", "on", "at", "than", "as", "into"}
_BE = {"be", "been", "being", "is", "are", "am"}


TENSE_WINDOW = 200  # characters either side of an expression searched for its verb


def tense_at(text: str, sent: tuple[int, int], start: int, end: int) -> str | None:
    """The tense ("past", "future", "present") of the verb cue closest to ``text[start:end]`` within
    its sentence (and ``TENSE_WINDOW`` characters), cues after the expression weighing a little
    less; ``None`` when there is none."""
    s0, s1 = max(sent[0], start - TENSE_WINDOW), min(sent[1], end + TENSE_WINDOW)
    best: tuple[float, str] | None = None
    for kind, rx in (("future", _FUTURE), ("past", _PAST), ("present", _PRESENT)):
        for m in rx.finditer(text, s0, s1):
            if m.start() < end and m.end() > start:
                continue
            word = m.group().lower()
            if kind == "past" and word not in ("was", "were", "had", "did") and (
                word in _NOT_VERB_ED
                or (word.endswith("ed") and _previous_word(text, m.start()) in _DETERMINERS)
                or _previous_word(text, m.start()) in _BE
            ):
                continue  # an adjective ("allied countries") or a passive whose auxiliary tells the tense
            distance = start - m.end() if m.end() <= start else 1.5 * (m.start() - end) + 5
            if best is None or distance < best[0]:
                best = (distance, kind)
    return best[1] if best else None


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, pos - 20) : pos])
    return m.group(1).lower() if m else ""


# --------------------------------------------------------------------------------------------
# Resolution
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Anchor:
    """The date relative expressions resolve against. ``year_only``: only its year is known
    (an estimate), so only year-relative expressions ("last year") resolve."""

    date: dt.date
    year_only: bool = False
    estimated: bool = False


@dataclass(slots=True)
class _Value:
    value: str | None
    precision: Precision
    type: str = "DATE"
    mod: str | None = None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    relative: bool = False


def _month_bounds(y: int, m: int) -> tuple[dt.date, dt.date]:
    return dt.date(y, m, 1), dt.date(y, m, calendar.monthrange(y, m)[1])


def _week_value(d: dt.date) -> str:
    iso = d.isocalendar()
    return f"{iso.year}-W{iso.week:02d}"


def _shift_month(y: int, m: int, k: int) -> tuple[int, int]:
    n = y * 12 + (m - 1) + k
    return n // 12, n % 12 + 1


def _pick_year(month: int, anchor: dt.date, tense: str | None, rel: str | None, day: int = 1) -> int:
    """The year of ``month`` (and ``day``) said in a sentence of ``tense`` relative to ``anchor``."""
    y = anchor.year
    key = (month, day)
    now = (anchor.month, anchor.day)
    if rel in ("last", "past"):
        return y if key < now and month != anchor.month else y - 1
    if rel in ("next", "coming"):
        return y if key > now and month != anchor.month else y + 1
    if rel == "this":
        return y
    if tense == "past":
        return y if key <= now else y - 1
    if tense == "future":
        return y if key >= now else y + 1
    if day != 1:  # a full date without tense: the nearest occurrence
        cands = [dt.date(yy, month, min(day, calendar.monthrange(yy, month)[1])) for yy in (y - 1, y, y + 1)]
        return min(cands, key=lambda c: abs((c - anchor).days)).year
    return y


def _pick_day(target_wd: int, anchor: dt.date, tense: str | None, rel: str | None) -> dt.date:
    """The date of weekday ``target_wd`` relative to ``anchor``: past tense the latest on or before
    it, future the first on or after it, neither the nearest (ties go to the past)."""
    back = (anchor.weekday() - target_wd) % 7
    fwd = (target_wd - anchor.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return anchor - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return anchor + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return anchor - dt.timedelta(days=anchor.weekday()) + dt.timedelta(days=target_wd)
    if tense == "past":
        return anchor - dt.timedelta(days=back)
    if tense == "future":
        return anchor + dt.timedelta(days=fwd)
    return anchor - dt.timedelta(days=back) if back <= fwd else anchor + dt.timedelta(days=fwd)


def _unresolved() -> _Value:
    return _Value(None, Precision.UNRESOLVED, relative=True)


def _day(d: dt.date, relative: bool = True) -> _Value:
    return _Value(d.isoformat(), Precision.DAY, earliest=d, latest=d, relative=relative)


def _month(y: int, m: int, mod: str | None = None, relative: bool = True) -> _Value:
    a, b = _month_bounds(y, m)
    return _Value(f"{y:04d}-{m:02d}", Precision.MONTH, mod=mod, earliest=a, latest=b, relative=relative)


def _year(y: int, mod: str | None = None, relative: bool = True) -> _Value:
    return _Value(f"{y:04d}", Precision.YEAR, mod=mod, earliest=dt.date(y, 1, 1), latest=dt.date(y, 12, 31),
                  relative=relative)


def _week(d: dt.date) -> _Value:
    monday = d - dt.timedelta(days=d.weekday())
    return _Value(_week_value(d), Precision.WEEK, earliest=monday, latest=monday + dt.timedelta(days=6), relative=True)


def _weekend(saturday: dt.date) -> _Value:
    return _Value(_week_value(saturday) + "-WE", Precision.WEEK, earliest=saturday,
                  latest=saturday + dt.timedelta(days=1), relative=True)


def _season(y: int, code: str, month: int, mod: str | None = None, relative: bool = True) -> _Value:
    a = dt.date(y, month, 1)
    ey, em = _shift_month(y, month, 2)
    return _Value(f"{y:04d}-{code}", Precision.SEASON, mod=mod, earliest=a, latest=_month_bounds(ey, em)[1],
                  relative=relative)


def _quarter(y: int, q: int, relative: bool = True) -> _Value:
    a = dt.date(y, 3 * q - 2, 1)
    return _Value(f"{y:04d}-Q{q}", Precision.QUARTER, earliest=a, latest=_month_bounds(y, 3 * q)[1], relative=relative)


def _count(text: str) -> float | None:
    """A duration's count: a number, "a"/"an" (1), or ``None`` for a vague one ("several")."""
    t = re.sub(r"\s+", " ", text.strip().lower())
    if t.endswith(" and a half"):
        base = _count(t[: -len(" and a half")])
        return None if base is None else base + 0.5
    if t in _SMALL:
        return _SMALL[t]
    if t in _VAGUE_NUMBERS:
        return None
    return parse_number(t)


def _duration(n: float | None, unit: str, mod: str | None = None) -> _Value:
    unit = unit.lower().rstrip("s").replace("centurie", "century").replace("centuri", "century")
    code, mult, is_time = _UNITS.get(unit, ("D", 1, False))
    if n is None:
        qty, code = "X", _VAGUE_CODES.get(unit, code)
    else:
        v = n * mult
        qty = str(int(v)) if float(v).is_integer() else f"{v:g}"
    return _Value(f"PT{qty}{code}" if is_time else f"P{qty}{code}", Precision.DURATION, type="DURATION", mod=mod)


def _mod(m: re.Match[str]) -> str | None:
    raw = m.groupdict().get("mod")
    return _MODS.get(re.sub(r"\s+", " ", raw.lower())) if raw else None


def _resolve(rule: str, m: re.Match[str], anchor: Anchor | None, tense: str | None, signal: str | None
             ) -> _Value | None:
    """The value of match ``m`` of ``rule``; ``None`` drops the match (not a temporal expression)."""
    g = m.groupdict()
    day_anchor = anchor.date if anchor is not None and not anchor.year_only else None
    year_anchor = anchor.date.year if anchor is not None else None
    if rule == "iso":
        try:
            return _day(dt.date(int(g["y"]), int(g["m"]), int(g["d"])), relative=False)
        except ValueError:
            return None
    if rule in ("mdy", "dmy"):
        month = _MONTHS_BY_PREFIX.get(g["mon"][:3].lower())
        d = int(g["d"])
        if month is None or not 1 <= d <= 31:
            return None
        if g.get("y"):
            try:
                return _day(dt.date(int(g["y"]), month, d), relative=False)
            except ValueError:
                return None
        if day_anchor is None:
            return _unresolved()
        y = _pick_year(month, day_anchor, tense, None, day=d)
        try:
            return _day(dt.date(y, month, d))
        except ValueError:
            return None
    if rule == "my":
        return _month(int(g["y"]), _MONTHS_BY_PREFIX[g["mon"][:3].lower()], _mod(m), relative=False)
    if rule == "m":
        month = _MONTHS[g["mon"].lower()]
        if g["mon"] in ("May", "March") and not (g.get("mod") or g.get("rel") or signal in _MONTH_SIGNALS):
            return None
        if day_anchor is None:
            return _unresolved()
        rel = g["rel"].lower() if g.get("rel") else None
        return _month(_pick_year(month, day_anchor, tense, rel), month, _mod(m))
    if rule == "y":
        if m.start() > 0 and m.string[m.start() - 1] in "$£€#":
            return None
        before = m.string[max(0, m.start() - 14) : m.start()]
        after = m.string[m.end() : m.end() + 16]
        if not g.get("mod") and _APPROX_BEFORE.search(before):
            return None
        if re.match(r"\s+[a-z]+s\b", after) and signal is None:
            return None
        return _year(int(g["y"]), _mod(m), relative=False)
    if rule == "decade":
        dec = int(g["dec"])
        return _Value(str(dec), Precision.DECADE, mod=_mod(m), earliest=dt.date(dec * 10, 1, 1),
                      latest=dt.date(dec * 10 + 9, 12, 31))
    if rule == "century":
        c = int(g["c"])
        if not 1 <= c <= 21:
            return None
        return _Value(f"{c - 1:02d}", Precision.CENTURY, earliest=dt.date(max(1, (c - 1) * 100), 1, 1),
                      latest=dt.date((c - 1) * 100 + 99, 12, 31))
    if rule in ("dayword", "partday"):
        if day_anchor is None:
            return _unresolved()
        word = (g.get("dw") or g.get("rel") or "").lower()
        part = (g.get("part") or "").lower()
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
        if word == "tonight" or (word == "last" and not part):
            part = part or "night"
        d = day_anchor + dt.timedelta(days=shift)
        if part:
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[part]
            return _Value(f"{d.isoformat()}T{code}", Precision.TIME, type="TIME", earliest=d, latest=d, relative=True)
        return _day(d)
    if rule == "weekday":
        if day_anchor is None:
            return _unresolved()
        rel = g["rel"].lower() if g.get("rel") else None
        d = _pick_day(_WEEKDAYS[g["wd"].lower()], day_anchor, tense, rel)
        if g.get("part"):
            code = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}[g["part"].lower()]
            return _Value(f"{d.isoformat()}T{code}", Precision.TIME, type="TIME", earliest=d, latest=d, relative=True)
        return _day(d)
    if rule == "relunit":
        return _resolve_relunit(g, _mod(m), anchor, tense)
    if rule == "weekend":
        if day_anchor is None:
            return _unresolved()
        sat = _pick_day(5, day_anchor, tense, None)
        if tense != "future" and day_anchor.weekday() == 6:
            sat = day_anchor - dt.timedelta(days=1)
        return _weekend(sat)
    if rule == "season":
        code, month = _SEASONS[g["season"].lower()]
        rel = g["rel"].lower() if g.get("rel") else None
        if g.get("y"):
            return _season(int(g["y"]), code, month, _mod(m), relative=False)
        if not rel and not (signal in _MONTH_SIGNALS and g["season"].lower() != "fall"):
            return None
        if day_anchor is None:
            return _unresolved()
        return _season(_pick_year(month, day_anchor, tense, rel), code, month, _mod(m))
    if rule == "ago":
        return _resolve_ago(g, anchor)
    if rule == "duration":
        n = _count(g["n"])
        if n is None and g["n"].strip().lower() not in _VAGUE_NUMBERS:
            return None
        if g["unit"].lower().startswith("weekend"):
            return None
        approx = "APPROX" if g.get("approx") else None
        return _duration(n, g["unit"], approx)
    if rule == "adjdur":
        n = _count(g["n"])
        return None if n is None else _duration(n, g["unit"])
    if rule in ("vague", "vagueadj", "vaguefor"):
        return _duration(None, g["unit"])
    if rule == "ref":
        word = re.sub(r"\s+", " ", g["ref"].lower())
        value = {"recently": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}
        return _Value(value.get(word, "PRESENT_REF"), Precision.RANGE, relative=True)
    if rule in ("set", "setadv", "setfreq"):
        unit = (g.get("unit") or g.get("adv") or "").lower()
        if unit.lower() in _WEEKDAYS:
            return _Value(f"XXXX-WXX-{_WEEKDAYS[unit] + 1}", Precision.SET, type="SET")
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour", "nightly": "night", "season": "year"}.get(unit, unit)
        n = _count(g["n"]) if g.get("n") else 1
        value = _duration(n, unit).value if unit in _UNITS else "P1D"
        return _Value(value, Precision.SET, type="SET")
    if rule in ("time", "timeword", "clock"):
        if rule == "clock":
            hour, minute = int(g["h"]), int(g["mi"])
        elif g.get("tw"):
            hour, minute = (0, 0) if g["tw"].lower() == "midnight" else (12, 0)
        else:
            hour, minute = int(g["h"]), int(g["mi"] or 0)
            if not (1 <= hour <= 12 and minute < 60):
                return None
            if g["ap"].lower().startswith("p") and hour != 12:
                hour += 12
            elif g["ap"].lower().startswith("a") and hour == 12:
                hour = 0
        if day_anchor is None:
            return _Value(None, Precision.UNRESOLVED, type="TIME", relative=True)
        return _Value(f"{day_anchor.isoformat()}T{hour:02d}:{minute:02d}", Precision.TIME, type="TIME",
                      earliest=day_anchor, latest=day_anchor, relative=True)
    if rule in ("quarter", "qshort"):
        digits = re.sub(r"\D", "", g["q"])
        q = int(digits) if digits else {"first": 1, "second": 2, "third": 3, "fourth": 4}[g["q"].lower()]
        if g.get("y"):
            return _quarter(int(g["y"]), q, relative=False)
        if year_anchor is None:
            return _unresolved()
        return _quarter(year_anchor, q)
    return None


_MONTHS_BY_PREFIX = {name[:3]: i for name, i in _MONTHS.items()}


def _resolve_relunit(g: Mapping[str, str | None], mod: str | None, anchor: Anchor | None, tense: str | None
                     ) -> _Value | None:
    rel = (g["rel"] or "").lower()
    unit = re.sub(r"\s+", " ", (g["unit"] or "").lower())
    if rel == "the" and not mod:
        return None  # "the year" alone: anaphoric, not resolvable here
    if rel == "past" and g.get("the"):
        return _duration(1, unit) if unit in _UNITS else None  # "the past year": a duration
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if g.get("el") and not step:
        mod = mod or ("START" if g["el"].lower() == "earlier" else "END")
    if anchor is None:
        return _Value(None, Precision.UNRESOLVED, mod=mod, relative=True)
    y = anchor.date.year
    if unit in ("year", "fiscal year"):
        return _year(y + step, mod)
    if anchor.year_only:
        return _unresolved()
    d = anchor.date
    if unit == "month":
        yy, mm = _shift_month(d.year, d.month, step)
        return _month(yy, mm, mod)
    if unit == "week":
        return _Value(**{**_week_slots(d + dt.timedelta(weeks=step)), "mod": mod})
    if unit == "weekend":
        sat = d - dt.timedelta(days=(d.weekday() - 5) % 7) if rel in ("last", "past", "previous") else (
            d + dt.timedelta(days=(5 - d.weekday()) % 7) if d.weekday() != 6 else d - dt.timedelta(days=1))
        if rel in ("next", "coming"):
            sat = d + dt.timedelta(days=(5 - d.weekday()) % 7 or 7)
        return _weekend(sat)
    if unit == "quarter":
        q = (d.month - 1) // 3 + step
        yy = y + (q // 4)
        return _quarter(yy, q % 4 + 1)
    if unit == "decade":
        dec = y // 10 + step
        return _Value(str(dec), Precision.DECADE, mod=mod, earliest=dt.date(dec * 10, 1, 1),
                      latest=dt.date(dec * 10 + 9, 12, 31), relative=True)
    if unit == "century":
        c = y // 100 + step
        return _Value(f"{c:02d}", Precision.CENTURY, mod=mod, relative=True)
    if unit in _SEASONS:
        code, month = _SEASONS[unit]
        return _season(_pick_year(month, d, tense, rel or "this"), code, month, mod)
    return None


def _week_slots(d: dt.date) -> dict[str, object]:
    w = _week(d)
    return {"value": w.value, "precision": w.precision, "earliest": w.earliest, "latest": w.latest, "relative": True}


def _resolve_ago(g: Mapping[str, str | None], anchor: Anchor | None) -> _Value | None:
    n = _count(g["n"] or "")
    unit = (g["unit"] or "").lower().rstrip("s").replace("centurie", "century")
    if anchor is None or n is None or not float(n).is_integer():
        return _unresolved() if n is not None else _Value("PAST_REF", Precision.RANGE, relative=True)
    k = int(n)
    d = anchor.date
    if unit in ("year", "decade", "century"):
        years = k * {"year": 1, "decade": 10, "century": 100}[unit]
        return _year(d.year - years)
    if anchor.year_only:
        return _unresolved()
    if unit == "month":
        yy, mm = _shift_month(d.year, d.month, -k)
        return _month(yy, mm)
    if unit == "week":
        return _Value(**_week_slots(d - dt.timedelta(weeks=k)))
    if unit in ("day", "night"):
        return _day(d - dt.timedelta(days=k))
    return _Value("PAST_REF", Precision.RANGE, relative=True)


# --------------------------------------------------------------------------------------------
# Finding
# --------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Hit:
    start: int
    end: int
    rule: str
    match: re.Match[str]


def _hits(text: str) -> list[_Hit]:
    """Every rule's matches, longest first (ties: earliest, then rule order)."""
    found: list[_Hit] = []
    for name, rx in _COMPILED:
        for m in rx.finditer(text):
            s, e = (m.start("x"), m.end("x")) if m.groupdict().get("x") else (m.start(), m.end())
            if e > s:
                found.append(_Hit(s, e, name, m))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    return found


_MODALS = {"might", "could", "would", "will", "may", "can", "should", "must", "shall"}


def _signal(text: str, start: int) -> str | None:
    m = _SIGNALS.search(text[max(0, start - 16) : start])
    return m.group(1).lower() if m else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive apostrophe and surrounding spaces from a span."""
    while end > start and text[end - 1] in " '\u2019":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_dates(text: str, anchor: Anchor | dt.date | None, article_id: str = "") -> list[DateMention]:
    """Every temporal expression in ``text``, normalised against ``anchor`` (the publication date;
    ``None`` leaves relative expressions unresolved)."""
    if isinstance(anchor, dt.date):
        anchor = Anchor(anchor)
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    out: list[DateMention] = []
    occupied = bytearray(len(text) + 1)
    for hit in _hits(text):
        if any(occupied[hit.start : hit.end]):
            continue
        if hit.match.group().lower() in ("one day", "some day") and (
            _previous_word(text, hit.start) in _MODALS or text[hit.start].isupper()
        ):
            continue  # "might one day have to": not a duration
        sent = sentence_of(sentences, starts, hit.start, len(text))
        signal = _signal(text, hit.start)
        tense = tense_at(text, sent, hit.start, hit.end)
        try:
            value = _resolve(hit.rule, hit.match, anchor, tense, signal)
        except (OverflowError, ValueError):
            # off the calendar ("99999 days ago", year 10,000): the mention is kept, unresolved
            value = _unresolved()
        if value is None:
            continue
        start, end = _trim(text, hit.start, hit.end)
        if end <= start:
            continue
        occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        out.append(
            DateMention(
                text=text[start:end],
                value=value.value,
                precision=value.precision,
                article_id=article_id,
                start=start,
                end=end,
                type=value.type,
                relative=value.relative,
                mod=value.mod,
                signal=signal,
                earliest=value.earliest,
                latest=value.latest,
                anchor_estimated=bool(anchor and anchor.estimated and value.relative and value.value is not None),
            )
        )
    out.sort(key=lambda d: d.start)
    return out


# --------------------------------------------------------------------------------------------
# Publication-date estimates
# --------------------------------------------------------------------------------------------

_YEAR_OFFSETS = {"last": 1, "past": 1, "previous": 1, "this": 0, "current": 0, "next": -1, "coming": -1}


def _absolute(mentions: list[DateMention]) -> Iterator[DateMention]:
    return (d for d in mentions if not d.relative and d.value is not None and d.earliest is not None)


def estimate_published(text: str, article_id: str = "") -> PublishedEstimate | None:
    """The publication date the text supports, with bounds, or ``None`` when nothing pins one.

    1. a *dateline*: a full date (day, month and year) alone on one of the first three lines;
    2. an absolute date in the same sentence as "last year" / "this year" / "N years ago": "in June
       2024, last year" puts publication in 2025. All such pairs must agree.
    The year found is clipped by the bounds absolute dates impose: one told in the past tense (or
    after "since") happened before publication, one told in the future after it."""
    mentions = find_dates(text, None, article_id)
    sentences = sentence_spans(text)
    starts = [s for s, _ in sentences]
    lines = [m for m in re.finditer(r"[^\n]*\S[^\n]*", text)][:3]
    for line in lines:
        for d in _absolute(mentions):
            if d.precision is Precision.DAY and line.start() <= d.start and d.end <= line.end() and \
                    len(line.group().strip()) <= len(d.text) + 25:
                day = d.earliest
                assert day is not None
                return PublishedEstimate(article_id=article_id, date=day, precision=Precision.DAY, earliest=day,
                                         latest=day, basis=f"dateline {d.text!r}",
                                         evidence=(Evidence(article_id=article_id, start=d.start, end=d.end,
                                                            text=d.text),))
    years: set[int] = set()
    evidence: list[Evidence] = []
    basis: list[str] = []
    by_sentence: dict[tuple[int, int], list[DateMention]] = {}
    for d in mentions:
        by_sentence.setdefault(sentence_of(sentences, starts, d.start, len(text)), []).append(d)
    for inside in by_sentence.values():
        offsets: list[tuple[int, DateMention]] = []
        for d in inside:
            m = re.fullmatch(r"(?i)(?:(?:earlier|later)\s+)?(?:the\s+)?(last|past|previous|this|current|next|coming)"
                             r"\s+(?:fiscal\s+)?year", d.text)
            if m:
                offsets.append((_YEAR_OFFSETS[m.group(1).lower()], d))
                continue
            m = re.fullmatch(rf"(?i)({_NUM})\s+years?\s+ago", d.text)
            if m and (n := _count(m.group(1))) is not None and float(n).is_integer():
                offsets.append((int(n), d))
        absolute = [d for d in _absolute(inside) if d.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR)]
        if not offsets or not absolute:
            continue
        abs_years = {d.earliest.year for d in absolute if d.earliest is not None}
        if len(abs_years) != 1 or len(offsets) != 1:
            continue
        offset, rel = offsets[0]
        year = abs_years.pop() + offset
        years.add(year)
        evidence.extend(Evidence(article_id=article_id, start=d.start, end=d.end, text=d.text)
                        for d in (rel, *absolute))
        basis.append(f"{absolute[0].text!r} said with {rel.text!r}")
    if len(years) != 1:
        return None
    year = years.pop()
    lower, upper = dt.date(year, 1, 1), dt.date(year, 12, 31)
    for d in _absolute(mentions):
        assert d.earliest is not None and d.latest is not None
        tense = tense_at(text, sentence_of(sentences, starts, d.start, len(text)), d.start, d.end)
        if d.signal == "since" or tense == "past":
            lower = max(lower, d.earliest)
        elif tense == "future":
            upper = min(upper, d.latest)
    if lower > upper:
        return None
    return PublishedEstimate(article_id=article_id, date=lower, precision=Precision.DAY if lower == upper else
                             Precision.YEAR, earliest=lower, latest=upper, basis="; ".join(basis),
                             evidence=tuple(evidence))


# --------------------------------------------------------------------------------------------
# Stage
# --------------------------------------------------------------------------------------------


class DatesStage(ArticleStage):
    """Temporal expressions of each article, resolved against its publication date or, when it has
    none, against an estimate the text supports (``published_estimate``)."""

    name: ClassVar[str] = "dates"
    version: ClassVar[str] = "1"
    provides: ClassVar[Mapping[str, type]] = {"dates": DateMention, "published_estimate": PublishedEstimate}

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        estimate = None
        if article.published is not None:
            anchor: Anchor | None = Anchor(article.published, estimated=article.published_estimated)
        else:
            estimate = estimate_published(article.text, article.id)
            anchor = None if estimate is None else Anchor(
                estimate.date, year_only=estimate.precision is not Precision.DAY, estimated=True
            )
        return {
            "dates": tuple(find_dates(article.text, anchor, article.id)),
            "published_estimate": (estimate,) if estimate else (),
        }
