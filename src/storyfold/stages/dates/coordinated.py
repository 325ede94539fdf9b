"""What a date gives the bare date coordinated with it (:func:`coordinated`): the day of a range of
days ("6-7 January 1916"), the other end of a range of years ("(1789-1791)", "499-493 BC"), and the
year of a day, month or season joined to one that names it ("26 June - 4 August 1952", "between
March and April 1918"). TIMEX2 and TIMEX3 mark each of them as an expression of its own; the grammar
finds one end only."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

from storyfold.records import DateMention, Precision
from storyfold.stages.dates.grammar import SEASONS
from storyfold.stages.dates.values import value_day, value_month, value_season

__all__ = ["coordinated"]


# A day of the month joined to a date by a range or "and" ("6-7 January 1916", "April 13-15", "May 4
# and 5", "on the 28 and 29 August"): the bare day before a date that opens with its day, or after one
# that opens with its month; TIMEX2 and TIMEX3 mark each day of such a pair.
_DAY_BEFORE = re.compile(r"(?i)\b((?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)\s*(?:-|\u2013|and|to)\s*(?:the\s+)?$")
_DAY_AFTER = re.compile(r"(?i)^\s*(?:-|\u2013|and|to)\s*((?:the\s+)?(\d{1,2})(?:st|nd|rd|th)?)\b(?![:.,]?\d|\s*(?:%|per\b))")
# A bare season before a season with its year ("the spring and early summer of 1943").
_SEASON_BEFORE = re.compile(r"(?i)\b((?:the\s+)?(spring|summer|autumn|fall|winter))\s*(?:-|\u2013|and|to|or|through)\s*$")
# Two months or seasons joined ("between March and April 1918"): the first, said without its year, takes
# the second's.
_JOINED = re.compile(r"(?i)^\s*(?:-|\u2013|and|to|or|through)\s*$")


def coordinated(text: str, out: list[DateMention]) -> list[DateMention]:
    """``out`` (in text order) with what a coordinated date gives its bare partner: the day of a
    range of days ("6-7 January 1916": 6 January 1916, a mention of its own) or of years ("(1789-1791)",
    "499-493 BC"), the year of a day, month
    or season joined to one with its year ("the Battle of Old Baldy (26 June - 4 August 1952)": 26 June
    1952, a year back where the range turns the year; "between March and April 1918": March 1918;
    "summer-fall 1919": the summer of 1919), and a bare season so joined, which the grammar finds
    only after a signal ("the spring and early summer of 1943": the spring of 1943)."""
    taken = [(m.start, m.end) for m in out]
    added = [m for m in (_joined_day(text, m, taken) for m in out) if m is not None]
    added += [m for m in (_joined_year(text, m, taken) for m in out) if m is not None]
    for i, (a, b) in enumerate(zip(out, out[1:], strict=False)):
        if not (a.relative and not b.relative and a.precision is b.precision and a.earliest is not None
                and b.earliest is not None and _JOINED.match(text[a.end : b.start])):
            continue
        if a.precision is Precision.MONTH and a.mod is None:
            v = value_month(b.earliest.year - (a.earliest.month > b.earliest.month), a.earliest.month)
        elif a.precision is Precision.DAY and a.type == b.type == "DATE" and a.mod is None:
            later = (a.earliest.month, a.earliest.day) > (b.earliest.month, b.earliest.day)
            try:
                v = value_day(a.earliest.replace(year=b.earliest.year - later))
            except ValueError:
                continue  # "29 February" of a year that has none
        elif a.precision is Precision.SEASON and a.value and b.value:
            v = value_season(int(b.value[:4]), a.value[-2:], a.mod)
        else:
            continue
        out[i] = dataclasses.replace(a, value=v.value, earliest=v.earliest, latest=v.latest)
    for b in out:  # "the spring and early summer of 1943": a season the grammar finds only after a signal
        if b.precision is not Precision.SEASON or b.relative or not b.value or b.value.startswith("BC"):
            continue
        beside = _partner(text, b, _SEASON_BEFORE, True, 24, taken)
        if beside is None:
            continue
        found, s0, s1 = beside
        v = value_season(int(b.value[:4]), SEASONS[found.group(2).lower()][0])
        added.append(dataclasses.replace(b, text=found.group(1), start=s0, end=s1, value=v.value,
                                         earliest=v.earliest, latest=v.latest, mod=None, signal=None, relative=True))
    return sorted(out + added, key=lambda m: m.start) if added else out


# A range of years the grammar finds one end of: the later year after a year ("(1789-1791)": a year before
# 1800 is found after a parenthesis or a signal only), the earlier before a year before the common era
# ("499-493 BC", "from 499 to 493 BC": the era is written once, after the later year).
_YEAR_AFTER = re.compile(r"^\s*(?:-|\u2013|to|and)\s*(\d{3,4})\b(?!\s*(?:B\.?C|A\.?D|C\.?E|%))")
_YEAR_BEFORE = re.compile(r"\b(\d{2,4})\s*(?:-|\u2013|to|and)\s*$")


def _joined_year(text: str, m: DateMention, taken: list[tuple[int, int]]) -> DateMention | None:
    """The other end of a range of years whose one end ``m`` is, later than it by less than a century
    and found by no rule ("1791" in "(1789-1791)", "499" in "(499-493 BC)"); else ``None``."""
    if m.precision is not Precision.YEAR or m.relative or not m.value or m.mod is not None:
        return None
    bc = m.value.startswith("BC")
    if not (bc or re.fullmatch(r"\d{4}", m.value)):
        return None
    y = int(m.value[2:] if bc else m.value)
    beside = _partner(text, m, _YEAR_BEFORE if bc else _YEAR_AFTER, bc, 12, taken)
    if beside is None:
        return None
    found, s0, s1 = beside
    other = int(found.group(1))
    if not 0 < other - y < 100:
        return None
    return dataclasses.replace(m, text=text[s0:s1], start=s0, end=s1, value=(f"BC{other:04d}" if bc else str(other)),
                               earliest=None if bc else dt.date(other, 1, 1), latest=None if bc else dt.date(other, 12, 31),
                               signal=None)


def _joined_day(text: str, m: DateMention, taken: list[tuple[int, int]]) -> DateMention | None:
    """The bare day joined to the day ``m`` names, before it ("6-7 January", "the 28 and 29
    August") or after it ("April 13-15", "May 6 and 7th"), the range read in its order; else ``None``."""
    if m.precision is not Precision.DAY or m.type != "DATE" or m.earliest is None:
        return None
    before = bool(re.match(r"(?i)(?:the\s+)?\d", m.text))
    beside = _partner(text, m, _DAY_BEFORE if before else _DAY_AFTER, before, 16, taken)
    if beside is None:
        return None
    found, s0, s1 = beside
    d = int(found.group(2))
    if (d < m.earliest.day) != before:
        return None
    try:
        v = value_day(m.earliest.replace(day=d), relative=m.relative)
    except ValueError:
        return None  # "30-31 February": no such day
    return dataclasses.replace(m, text=text[s0:s1], start=s0, end=s1, value=v.value, earliest=v.earliest,
                               latest=v.latest, mod=None, signal=None)


def _partner(text: str, m: DateMention, rx: re.Pattern[str], before: bool, width: int,
             taken: list[tuple[int, int]]) -> tuple[re.Match[str], int, int] | None:
    """What ``rx`` finds in the ``width`` characters right before ``m`` (``before``: ``rx`` ends at
    ``m``) or right after it (``rx`` opens at ``m``'s end), with the span of its first group in the
    text; ``None`` where it finds nothing or a mention already holds that span."""
    if before:
        found, offset = rx.search(text, max(0, m.start - width), m.start), 0
    else:
        found, offset = rx.search(text[m.end : m.end + width]), m.end
    if found is None:
        return None
    s0, s1 = offset + found.start(1), offset + found.end(1)
    return None if any(a < s1 and s0 < b for a, b in taken) else (found, s0, s1)
