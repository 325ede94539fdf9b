"""Resolution: the TIMEX3-like value of a rule's match, its precision and the days it covers,
relative expressions resolved against an :class:`Anchor` in the direction the sentence's tense
points."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Mapping

from storyfold.records import PartialDate, Precision
from storyfold.stages.dates.grammar import (
    APPROX_BEFORE,
    BARE_HOLIDAYS,
    DECADE_WORDS,
    MODS,
    MONTH_SIGNALS,
    MONTHS,
    MONTHS_BY_PREFIX,
    OLD_YEAR_SIGNALS,
    PARTS,
    SEASONS,
    UNITS,
    VAGUE_NUMBERS,
    WEEKDAYS,
)
from storyfold.stages.dates.holidays import holiday_date
from storyfold.stages.dates.pick import ENDPOINT_SIGNALS, pick_day, pick_year
from storyfold.stages.dates.reference import ANAPHORIC, Reference, era_shift, narrative_shift, resolve_anaphoric
from storyfold.stages.dates.values import (
    YEAR_STEP,
    Anchor,
    Value,
    count_of,
    ordinal_of,
    shift_month,
    value_dated,
    value_day,
    value_decade,
    value_duration,
    value_month,
    value_quarter,
    value_quarter_shifted,
    value_season,
    value_time,
    value_unresolved,
    value_weekend,
    value_year,
    week_slots,
    word_year,
)
from storyfold.text import wordnet
from storyfold.text.counted import irregular_plural

__all__ = ["ANAPHORIC", "Anchor", "Reference", "count_of", "resolve"]


# Signals before a bare 24-hour clock time ("at 10:57", "by 05:30"), and two such times in a range.
_CLOCK_SIGNALS = frozenset({"at", "by", "until", "till", "from", "before", "after", "since"})
_CLOCK_RANGE = re.compile(r"\d:[0-5]\d\s*[-\u2013]\s*\d{1,2}:[0-5]\d")


def _mod(m: re.Match[str]) -> str | None:
    raw = m.groupdict().get("mod")
    return MODS.get(re.sub(r"\s+", " ", raw.lower())) if raw else None


def resolve(rule: str, m: re.Match[str], anchor: Anchor | None, tense: str | None, signal: str | None,
            ref: Reference | None = None) -> Value | None:
    """The value of match ``m`` of ``rule``; ``None`` drops the match (not a temporal expression).
    ``ref`` is what the text named before the match (rules in :data:`ANAPHORIC` read it).
    A value off the calendar ("99999 days ago", a 25-digit decade) leaves the mention unresolved."""
    try:
        if rule in ANAPHORIC and rule not in ("ago", "yy"):
            return resolve_anaphoric(rule, m.groupdict(), anchor, ref or Reference())
        return _resolve(rule, m, anchor, tense, signal, ref or Reference())
    except (OverflowError, ValueError):
        return value_unresolved()


def _resolve(rule: str, m: re.Match[str], anchor: Anchor | None, tense: str | None, signal: str | None,
             ref: Reference) -> Value | None:
    g = m.groupdict()
    day_anchor = anchor.date if anchor is not None and not anchor.year_only else None
    year_anchor = anchor.date.year if anchor is not None else None
    if rule == "iso":
        try:
            return value_day(dt.date(int(g["y"]), int(g["m"]), int(g["d"])), relative=False)
        except ValueError:
            return None
    if rule in ("mdy", "dmy"):
        return _month_day(g, day_anchor, tense, signal)
    if rule == "weekofmonth":
        month = MONTHS[(g["mon"] or "").lower()]
        if g.get("y"):
            y = int(g["y"] or 0)
        elif day_anchor is None:
            return value_unresolved()
        else:
            y = pick_year(month, day_anchor, tense, None, signal=signal)
        last = calendar.monthrange(y, month)[1]
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4}.get((g["ord"] or "").lower())
        return Value(**{**week_slots(dt.date(y, month, 7 * n - 3 if n else last - 3)), "relative": not g.get("y")})
    if rule == "weekof":
        if g.get("hol"):
            if day_anchor is None:
                return value_unresolved()
            name = re.sub(r"\s+", " ", (g["hol"] or "").lower()).replace("\u2019", "'")
            near = holiday_date(name, day_anchor.year)
            said = value_day(holiday_date(name, pick_year(near.month, day_anchor, tense, None, day=near.day,
                                                      signal=signal)))
        else:
            said = _month_day(g, day_anchor, tense, signal)
        if said is None or said.earliest is None:
            return said
        return Value(**{**week_slots(said.earliest), "relative": said.relative})
    if rule == "yy":  # the year with those last two digits nearest the year narrated, else the anchor's
        if re.search(r"(?:^|[^.!?\s]\s*)\s\w*[A-Z]\w*\s*$", m.string[max(0, m.start() - 40) : m.start()]):
            return None  # after a name, not at a sentence's start: a version ("iLife '11", "Windows '95")
        base = ref.date.year if ref.narrative and ref.date is not None and ref.date.year is not None else year_anchor
        if base is None:
            return value_unresolved()
        year = base - base % 100 + int(g["yy"])
        return value_year(min((year - 100, year, year + 100), key=lambda y: (abs(y - base), y)))
    if rule == "my":
        return value_month(int(g["y"]), MONTHS_BY_PREFIX[g["mon"][:3].lower()], _mod(m), relative=False)
    if rule == "m":
        month = MONTHS[g["mon"].lower()]
        if g["mon"] in ("May", "March") and not (g.get("mod") or g.get("rel") or signal in MONTH_SIGNALS):
            return None
        if day_anchor is None:
            return value_unresolved()
        rel = {"previous": "last", "following": "next"}.get((g.get("rel") or "").lower(), (g.get("rel") or "").lower())
        return value_month(pick_year(month, day_anchor, tense, rel or None, signal=signal), month, _mod(m))
    if rule == "y":
        if m.start() > 0 and m.string[m.start() - 1] in "$£€#":
            return None
        before = m.string[max(0, m.start() - 14) : m.start()]
        after = m.string[m.end() : m.end() + 24]
        if not g.get("mod") and APPROX_BEFORE.search(before):
            return None
        year = int(g["y"])
        if year < 1800 and not (g.get("mod") or signal in OLD_YEAR_SIGNALS or before.endswith("(")):
            return None  # a number before 1800 is a year only where a signal or a modifier says so
        plural = re.match(r"\s+([a-z]+s)\b", after)
        if (plural and signal is None and plural.group(1) not in _AUXILIARIES and not _singular_noun(plural.group(1))
                and not (year >= 1900 and _POSSESSOR.search(before))):
            return None  # "2000 soldiers": a count before a plural noun; "a 2009 analysis", "the 1992 protests" a year
        if year < 1800 and (word := re.match(r"\s+([a-z]+)\b", after)) and irregular_plural(word.group(1)):
            return None  # "a survey of 1709 schoolchildren": a signal does not make a count a year
        return value_year(year, _mod(m), relative=False)
    if rule == "era":
        n = int(g.get("n") or g.get("n2") or 0)
        mod = "APPROX" if g.get("circa") else _mod(m)
        if n < 1:
            return None
        if g.get("era") and g["era"].startswith("B"):
            # before the common era, as TIMEX2 and TIMEX3 write it ("BC0490"); no PartialDate holds
            # such a year, so it has no first and last day and DateMention.date is None
            if g.get("mon"):  # "April 480 BC"
                return Value(f"BC{n:04d}-{MONTHS[g['mon'].lower()]:02d}", Precision.MONTH, mod=mod)
            if g.get("season"):  # "the spring of 480 BC"
                return Value(f"BC{n:04d}-{SEASONS[g['season'].lower()][0]}", Precision.SEASON, mod=mod)
            return Value(f"BC{n:04d}", Precision.YEAR, mod=mod)
        return value_year(n, mod, relative=False)
    if rule == "holiday":
        name = re.sub(r"\s+", " ", g["hol"].lower()).replace("\u2019", "'")
        rel = g["rel"].lower() if g.get("rel") else None
        if name in BARE_HOLIDAYS and not (rel or g.get("y") or signal):
            return None
        if g.get("y"):
            return value_day(holiday_date(name, int(g["y"])), relative=False)
        if day_anchor is None:
            return value_unresolved()
        near = holiday_date(name, day_anchor.year)  # the year is picked as for a day said without one
        return value_day(holiday_date(name, pick_year(near.month, day_anchor, tense, rel, day=near.day, signal=signal)))
    if rule == "yearend":
        if not (signal or g.get("the")):
            return None  # "year-end results": an adjective
        return value_unresolved() if year_anchor is None else value_year(year_anchor, "END")
    if rule == "yearended":
        return value_duration(1, "year")
    if rule == "yearend2":
        first = int(m.string[m.start() - 5 : m.start() - 1])
        second = first // 100 * 100 + int(g["yy"])
        second += 100 if second < first else 0  # "1999-00"
        return value_year(second, relative=False) if second - first <= 10 else None
    if rule == "wordyear":
        return word_year(g, m)
    if rule == "decade":
        return value_decade(int(g["dec"]) * 10, _mod(m))
    if rule == "decadebc":  # "the 470s BC": BC047, no calendar day
        return Value(f"BC{int(g['dec']):03d}", Precision.DECADE, mod=_mod(m), relative=False)
    if rule == "decade2":  # the 20th century's, as news writes them
        return value_decade(1900 + int(g["dec2"]) * 10, _mod(m))
    if rule == "decadeword":  # the 20th century's too
        return value_decade(1900 + DECADE_WORDS[(g["dw"] or "").lower()] * 10, _mod(m))
    if rule == "myrel":
        if year_anchor is None:
            return value_unresolved()
        return value_month(year_anchor + YEAR_STEP[g["yrel"].lower()], MONTHS[g["mon"].lower()], _mod(m))
    if rule == "century":
        c = int(g["c"])
        if not 1 <= c <= 21:
            return None
        if g.get("era"):  # "the 4th century BC": its hundreds as TIMEX2 writes them, no calendar day
            return Value(f"BC{c - 1:02d}", Precision.CENTURY, relative=False)
        return value_dated(PartialDate(precision=Precision.CENTURY, year=(c - 1) * 100), relative=False)
    if rule in ("dayword", "partday"):
        if day_anchor is None:
            return value_unresolved()
        word = (g.get("dw") or g.get("rel") or "").lower()
        part = (g.get("part") or "").lower()
        shift = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
        if word == "tonight" or (word == "last" and not part):
            part = part or "night"
        d = day_anchor + dt.timedelta(days=shift)
        if part:
            code = PARTS[part]
            return value_time(d, code)
        return value_day(d)
    if rule == "dayshift":
        if g.get("wd"):
            if day_anchor is None:
                return value_unresolved()
            rel = g["rel"].lower() if g.get("rel") else None
            possessive = re.match(r"['\u2019]s\b", m.string[m.end() : m.end() + 3])
            said = value_day(pick_day(WEEKDAYS[g["wd"].lower()], day_anchor, "past" if possessive else tense, rel))
        else:
            said = _month_day(g, day_anchor, tense, signal)
        if said is None or said.earliest is None:
            return said
        return value_day(said.earliest + dt.timedelta(days=-1 if g["shift"].lower() == "before" else 1),
                         relative=said.relative)
    if rule == "weekday":
        if g.get("plural") or g.get("parts"):  # "on Tuesdays", "Tuesday nights": every Tuesday
            return Value(f"XXXX-WXX-{WEEKDAYS[g['wd'].lower()] + 1}", Precision.SET, type="SET")
        if day_anchor is None:
            return value_unresolved()
        rel = g["rel"].lower() if g.get("rel") else None
        if re.match(r"['\u2019]s\b", m.string[m.end() : m.end() + 3]):
            tense = "past"  # "Wednesday's ruling", "over Thursday's closing price": news names a past day so
        d = pick_day(WEEKDAYS[g["wd"].lower()], day_anchor, None if signal in ENDPOINT_SIGNALS else tense, rel)
        if g.get("part"):
            code = PARTS[g["part"].lower()]
            return value_time(d, code)
        return value_day(d)
    if rule == "relunit":
        if g.get("end"):  # "at month's end": "the end of the month"
            return _resolve_relunit({**g, "rel": "the", "the": "the"}, "END", anchor, tense)
        return _resolve_relunit(g, _mod(m), anchor, tense)
    if rule == "weekend":
        if day_anchor is None:
            return value_unresolved()
        sat = pick_day(5, day_anchor, tense, None)
        if tense != "future" and day_anchor.weekday() == 6:
            sat = day_anchor - dt.timedelta(days=1)
        return value_weekend(sat)
    if rule == "season":
        code, month = SEASONS[g["season"].lower()]
        rel = g["rel"].lower() if g.get("rel") else None
        if g.get("y"):
            return value_season(int(g["y"]), code, _mod(m), relative=False)
        if g.get("wy") and (said := word_year(g, m)) is not None and said.earliest is not None:
            return value_season(said.earliest.year, code, _mod(m), relative=False)
        if not rel and not (signal in MONTH_SIGNALS and g["season"].lower() != "fall"):
            return None
        if day_anchor is None:
            return value_unresolved()
        return value_season(pick_year(month, day_anchor, tense, rel), code, _mod(m))
    if rule == "ago":
        n = count_of(g["n"] or "")
        unit = (g["unit"] or "").lower()
        later = (g["dir"] or "").lower() == "later"
        if (later or (g["dir"] or "").lower() == "earlier") and ref.narrative and ref.date is not None and (
                n is not None and float(n).is_integer()):
            shifted = narrative_shift(ref.date, int(n) * (1 if later else -1), unit)
            if shifted is not None:
                return shifted  # "twelve days later", "twenty years earlier": from the date the narrative reached
        if (g["dir"] or "").lower() in ("later", "earlier") and (shifted := era_shift(ref, n, unit, later)) is not None:
            return shifted  # "just 14 years later" after 445 BC: BC0431
        if later and n is None and ref.narrative:
            return Value("FUTURE_REF", Precision.RANGE, relative=True)  # "a few days later": after the date narrated
        if later:  # a duration ("two days"), its "later" the signal of a time no date names
            return value_duration(n, unit, "APPROX" if g.get("approx") else None)
        if (ref.quarter is not None and not ref.part_year and unit.startswith("year") and n is not None
                and float(n).is_integer()):
            return value_quarter_shifted(*ref.quarter, -4 * int(n))  # "a year earlier": the reporting quarter then
        return _resolve_ago(g, anchor)
    if rule == "duration":
        n = count_of(g["n"])
        if n is None and g["n"].strip().lower() not in VAGUE_NUMBERS:
            return None
        if re.fullmatch(r"(?:1[89]|20)\d\d", g["n"].strip()) and not g["unit"].lower().endswith("s"):
            return None  # "the 1988 quarter": a year before a unit, not a count of it
        if g["unit"].lower().startswith("weekend"):
            return None
        approx = "APPROX" if g.get("approx") else None
        return value_duration(n, g["unit"], approx)
    if rule == "durfirst":
        n = count_of(g["n"])
        return None if n is None else value_duration(n, g["unit"])
    if rule == "adjdur":
        n = count_of(g["n"])
        return None if n is None else value_duration(n, g["unit"])
    if rule in ("vague", "vagueadj", "vaguefor", "vaguethe"):
        return value_duration(None, g["unit"])
    if rule in ("ref", "recent"):
        word = re.sub(r"\s+", " ", g["ref"].lower())
        value = {"recently": "PAST_REF", "recent": "PAST_REF", "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF"}
        return Value(value.get(word, "PRESENT_REF"), Precision.RANGE, relative=True)
    if rule in ("set", "setadv", "setfreq"):
        unit = (g.get("unit") or g.get("adv") or "").lower()
        if unit.lower() in WEEKDAYS:
            return Value(f"XXXX-WXX-{WEEKDAYS[unit] + 1}", Precision.SET, type="SET")
        if unit in MONTHS or unit in SEASONS:  # "each July", "every summer"
            slot = f"{MONTHS[unit]:02d}" if unit in MONTHS else SEASONS[unit][0]
            return Value(f"XXXX-{slot}", Precision.SET, type="SET")
        unit = {"daily": "day", "weekly": "week", "monthly": "month", "annually": "year", "yearly": "year",
                "hourly": "hour", "nightly": "night", "season": "year"}.get(unit, unit)
        n = count_of(g["n"]) if g.get("n") else 1
        value = value_duration(n, unit).value if unit in UNITS else "P1D"
        return Value(value, Precision.SET, type="SET")
    if rule in ("time", "timeword", "clock"):
        if rule == "clock":
            if not (g.get("tz") or g.get("hrs") or signal in _CLOCK_SIGNALS or _CLOCK_RANGE.search(
                    m.string[max(0, m.start() - 7) : m.end() + 7])):
                return None
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
            return Value(None, Precision.UNRESOLVED, type="TIME", relative=True)
        day = day_anchor  # a clock time alone is on the anchor's day; "9 a.m. Tuesday" on that Tuesday
        if g.get("wd"):
            day = pick_day(WEEKDAYS[(g["wd"] or "").lower()], day_anchor,
                            None if signal in ENDPOINT_SIGNALS else tense, None)
        elif g.get("mon") and g.get("d"):
            month = MONTHS_BY_PREFIX.get((g["mon"] or "")[:3].lower())
            if month is None or not 1 <= int(g["d"] or 0) <= calendar.monthrange(day_anchor.year, month)[1]:
                return None
            d = int(g["d"] or 0)
            day = dt.date(pick_year(month, day_anchor, tense, None, day=d, signal=signal), month, d)
        # said in UTC: ISO 8601's "Z" ("16:00 UTC" -> T16:00Z, as MEANTIME writes it); a GMT time keeps
        # no zone, as TempEval-3 writes it (in Britain it names the local winter clock)
        return value_time(day, hour=hour, minute=minute, utc=(g.get("tz") or "").upper() == "UTC")
    if rule in ("quarter", "qshort"):
        q = ordinal_of(g["q"])
        if g.get("y"):
            return value_quarter(int(g["y"]), q, relative=False)
        if year_anchor is None:
            return value_unresolved()
        if g.get("yrel"):
            return value_quarter(year_anchor + YEAR_STEP[g["yrel"].lower()], q)
        if day_anchor is not None:
            # told in the past, a quarter a season or more ahead is last year's; in the future, one over is next year's
            if tense == "past" and (dt.date(year_anchor, 3 * q - 2, 1) - day_anchor).days > 92:
                return value_quarter(year_anchor - 1, q)
            if tense == "future" and q < (day_anchor.month - 1) // 3 + 1:
                return value_quarter(year_anchor + 1, q)
        return value_quarter(year_anchor, q)
    return None


def _month_day(g: Mapping[str, str | None], day_anchor: dt.date | None, tense: str | None, signal: str | None
               ) -> Value | None:
    """A day of a month ("March 17", "17 March 2025"), its year picked as :func:`_pick_year` does
    when it is not said; ``None`` for no such day."""
    month = MONTHS_BY_PREFIX.get((g["mon"] or "")[:3].lower())
    d = int(g["d"] or 0)
    if month is None or not 1 <= d <= 31:
        return None
    if g.get("y"):
        try:
            return value_day(dt.date(int(g["y"] or 0), month, d), relative=False)
        except ValueError:
            return None
    if day_anchor is None:
        return value_unresolved()
    y = pick_year(month, day_anchor, tense, None, day=d, signal=signal)
    try:
        return value_day(dt.date(y, month, d))
    except ValueError:
        return None


# A determiner or possessive before a year that modifies a plural noun ("the 1992 protests", "its 1989
# results"): a count that large is written with its thousands comma ("the 2,000 soldiers").
_POSSESSOR = re.compile(r"(?i)\b(?:the|its|their|his|her|our|whose)\s+$")
# Verbs in -s that follow a year as its predicate ("1989 is following the trend"), not a plural it counts.
_AUXILIARIES = frozenset({"is", "was", "has", "does"})


def _singular_noun(word: str) -> bool:
    """Whether ``word`` (ending in s) is a noun in its own right in WordNet ("analysis", "sales"),
    not only the plural of one ("soldiers")."""
    return wordnet.lemma(word) == word.lower()


def _resolve_relunit(g: Mapping[str, str | None], mod: str | None, anchor: Anchor | None, tense: str | None
                     ) -> Value | None:
    rel = (g["rel"] or "").lower()
    unit = re.sub(r"\s+", " ", (g["unit"] or "").lower())
    if rel == "the" and not mod and not g.get("el"):
        return None  # "the year" alone: anaphoric, not resolvable here
    if rel == "past" and g.get("the"):
        return value_duration(1, unit) if unit in UNITS else None  # "the past year": a duration
    step = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1}.get(rel, 0)
    if g.get("el") and not step:
        mod = mod or ("START" if g["el"].lower() == "earlier" else "END")
    if anchor is None:
        return Value(None, Precision.UNRESOLVED, mod=mod, relative=True)
    y = anchor.date.year
    if unit in ("year", "fiscal year"):
        return value_year(y + step, mod)
    if anchor.year_only:
        return value_unresolved()
    d = anchor.date
    if unit == "month":
        yy, mm = shift_month(d.year, d.month, step)
        return value_month(yy, mm, mod)
    if unit == "week":
        return Value(**{**week_slots(d + dt.timedelta(weeks=step)), "mod": mod})
    if unit == "weekend":
        sat = d - dt.timedelta(days=(d.weekday() - 5) % 7) if rel in ("last", "past", "previous") else (
            d + dt.timedelta(days=(5 - d.weekday()) % 7) if d.weekday() != 6 else d - dt.timedelta(days=1))
        if rel in ("next", "coming"):
            sat = d + dt.timedelta(days=(5 - d.weekday()) % 7 or 7)
        return value_weekend(sat)
    if unit == "quarter":
        q = (d.month - 1) // 3 + step
        yy = y + (q // 4)
        return value_quarter(yy, q % 4 + 1)
    if unit == "decade":
        return value_decade((y // 10 + step) * 10, mod, relative=True)
    if unit == "century":
        c = y // 100 + step
        return Value(str(PartialDate(precision=Precision.CENTURY, year=c * 100)), Precision.CENTURY, mod=mod,
                      relative=True)
    if unit in SEASONS:
        code, month = SEASONS[unit]
        return value_season(pick_year(month, d, tense, rel or "this"), code, mod)
    return None


def _resolve_ago(g: Mapping[str, str | None], anchor: Anchor | None) -> Value | None:
    n = count_of(g["n"] or "")
    unit = (g["unit"] or "").lower().rstrip("s").replace("centurie", "century")
    if anchor is None or n is None or not float(n).is_integer():
        return value_unresolved() if n is not None else Value("PAST_REF", Precision.RANGE, relative=True)
    k = int(n)
    d = anchor.date
    if unit in ("year", "decade", "century"):
        years = k * {"year": 1, "decade": 10, "century": 100}[unit]
        return value_year(d.year - years)
    if anchor.year_only:
        return value_unresolved()
    if unit == "month":
        yy, mm = shift_month(d.year, d.month, -k)
        return value_month(yy, mm)
    if unit == "week":
        return Value(**week_slots(d - dt.timedelta(weeks=k)))
    if unit in ("day", "night"):
        return value_day(d - dt.timedelta(days=k))
    return Value("PAST_REF", Precision.RANGE, relative=True)
