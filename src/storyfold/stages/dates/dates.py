"""Finding temporal expressions in a text (:func:`find_dates`), and the tense of the sentence around
each (:func:`tense_at`), which says which way a relative one resolves."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from storyfold.records import DateMention, PartialDate, Precision
from storyfold.stages.dates.coordinated import coordinated
from storyfold.stages.dates.grammar import COMPILED, SIGNALS
from storyfold.stages.dates.reference import (
    ANAPHORIC,
    NARRATED,
    NARRATIVE_FAR,
    Reference,
    is_narrative,
    narrative_shift,
)
from storyfold.stages.dates.resolve import Anchor, resolve
from storyfold.stages.dates.values import (
    Value,
    count_of,
    value_dated,
    value_quarter,
    value_unresolved,
)
from storyfold.text.sentences import SentenceIndex

__all__ = ["find_dates", "tense_at"]

# --------------------------------------------------------------------------------------------
# Tense
# --------------------------------------------------------------------------------------------

_FUTURE = re.compile(
    r"(?i)\b(?:will|shall|would|must|might|may|should|won't|wo\s+n't|going\s+to|due\s+to|set\s+to|scheduled|expected\s+to|plans?\s+to"
    r"|planning\s+to|upcoming|is\s+to|are\s+to)\b|'ll\b"
)
_PAST = re.compile(
    r"(?i)\b(?:was|were|had|been|did|said|told|met|made|came|went|took|gave|got|held|began|saw|left|won|lost|led|sent"
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
    its sentence (and ``TENSE_WINDOW`` characters), or within the quotation that holds it, cues after
    the expression weighing a little less; ``None`` when there is none. "Could" is no cue: it is a past
    as often as a conditional ("Neither he nor Elian's four grandparents could be located Wednesday");
    "been" is a past, the present perfect's ("have been searching ... since shortly after the Oct. 23
    slaying")."""
    s0, s1 = max(sent[0], start - TENSE_WINDOW), min(sent[1], end + TENSE_WINDOW)
    s0, s1 = _quotation(text, s0, s1, start, end) or (s0, s1)
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


_QUOTE_MARK = re.compile(r"``|''|\u201c|\u201d|\"")


def _quotation(text: str, s0: int, s1: int, start: int, end: int) -> tuple[int, int] | None:
    """The quotation between ``s0`` and ``s1`` that holds ``text[start:end]``, else ``None``: a date
    said inside a quotation takes its tense from the words quoted, not from the speech verb outside
    ("''This courageous father will leave at 4 in the morning (4 a.m. EDT Thursday),'' Castro said": the
    coming Thursday). Curly and ``...'' quotes pair by their shape, straight ones by their count."""
    marks = [(m.start(), m.end(), m.group()) for m in _QUOTE_MARK.finditer(text, s0, s1)]
    before = [m for m in marks if m[1] <= start]
    after = [m for m in marks if m[0] >= end]
    if not before or not after:
        return None
    o, c = before[-1], after[0]
    if o[2] in ("``", "\u201c") and c[2] in ("''", "\u201d"):
        return o[1], c[0]
    if o[2] == c[2] and o[2] in ('"', "''") and sum(1 for m in before if m[2] == o[2]) % 2 == 1:
        return o[1], c[0]
    return None


def _previous_word(text: str, pos: int) -> str:
    m = re.search(r"(\w+)\W*$", text[max(0, pos - 20) : pos])
    return m.group(1).lower() if m else ""


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
    for name, rx in COMPILED:
        for m in rx.finditer(text):
            s, e = (m.start("x"), m.end("x")) if m.groupdict().get("x") else (m.start(), m.end())
            if e > s:
                found.append(_Hit(s, e, name, m))
    found.sort(key=lambda h: (-(h.end - h.start), h.start))
    return found


_MODALS = {"might", "could", "would", "will", "may", "can", "should", "must", "shall"}


def _signal(text: str, start: int) -> str | None:
    m = SIGNALS.search(text[max(0, start - 16) : start])
    return m.group(1).lower() if m else None


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop a trailing possessive apostrophe and surrounding spaces from a span."""
    while end > start and text[end - 1] in " '\u2019":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


def find_dates(text: str, anchor: Anchor | dt.date | None, article_id: str = "",
               sentences: SentenceIndex | None = None) -> list[DateMention]:
    """Every temporal expression in ``text``, normalised against ``anchor`` (the publication date;
    ``None`` leaves relative expressions unresolved); ``sentences`` is the text's sentence index
    when the caller has one.

    Spans are chosen longest first; then the chosen ones are read in text order, keeping a
    :class:`~storyfold.stages.dates.reference.Reference` of what the text has named, against which
    anaphoric expressions ("the quarter", "a year earlier", "that year") resolve."""
    if isinstance(anchor, dt.date):
        anchor = Anchor(anchor)
    sentences = sentences or SentenceIndex.of(text)
    chosen: list[tuple[_Hit, tuple[int, int], str | None, str | None, object]] = []
    occupied = bytearray(len(text) + 1)
    for hit in _hits(text):
        if any(occupied[hit.start : hit.end]):
            continue
        if hit.match.group().lower() in ("one day", "some day") and (
            _previous_word(text, hit.start) in _MODALS or text[hit.start].isupper()
        ):
            continue  # "might one day have to": not a duration
        sent = sentences.sentence_at(hit.start)
        signal = _signal(text, hit.start)
        tense = tense_at(text, sent, hit.start, hit.end)
        value = None if hit.rule in ANAPHORIC else resolve(hit.rule, hit.match, anchor, tense, signal)
        if value is None and hit.rule not in ANAPHORIC:
            continue
        span = _trim(text, hit.start, hit.end)
        if span[1] <= span[0]:
            continue
        occupied[hit.start : hit.end] = b"\x01" * (hit.end - hit.start)
        chosen.append((hit, span, signal, tense, value))
    chosen.sort(key=lambda c: c[0].start)
    ref = Reference(narrative=is_narrative((_year_named(h, v) for h, *_, v in chosen), anchor))
    out: list[DateMention] = []
    for hit, (start, end), signal, tense, value in chosen:
        if hit.rule in ANAPHORIC:
            value = resolve(hit.rule, hit.match, anchor, tense, signal, ref)
            if value is None:
                continue
        assert isinstance(value, Value)
        if hit.rule == "ago" and value.type == "DURATION":
            start, end = _trim(text, start, hit.match.start("dir"))  # "two days later": the duration
        # In a narrative a year-less date lies near the date the narrative has reached; a deictic one
        # ("last year": the writer's time) and an anaphoric one ("the previous year") do not move it.
        # "Since" does not send it back: that date is only the nearest the text has named, so "since 8
        # August" after "the previous April" is the nearest August, not the one before that April.
        narrated = ref.narrated()
        moves = True
        if (narrated is not None and value.relative and _narrated_form(hit, ref)
                and (tense != "future" or not _AHEAD.search(text, *sentences.sentence_at(hit.start)))):
            value = resolve(hit.rule, hit.match, narrated, None, None if signal == "since" else signal, ref) or value
            moves = hit.rule != "relunit"
        elif ref.narrative and value.relative:
            moves = False
            if ref.before_era and _narrated_form(hit, ref):
                value = _before_era(hit, value, ref.before_era)  # "On 12 September" after "in 490 BC"
        if ref.narrative and hit.rule == "duration" and signal not in _SPAN_SIGNALS:
            shifted = _after_event(hit, ref)
            if shifted is not None:
                value, moves = shifted, False
        value = _on_the_day_narrated(hit, value, ref, tense)
        if (hit.rule == "relunit" and ref.quarter is not None and tense != "future"
                and (hit.match.group("rel") or "").lower() == "this" and (hit.match.group("unit") or "").lower() == "quarter"):
            value = value_quarter(*ref.quarter)  # "This quarter's loss includes charges": the quarter reported on
        if moves and ref.narrative and ref.date is not None and not value.relative and _until(text, hit.start):
            moves = False  # "lasted until the fall of Budapest in February 1945": an end the narrative has not reached
        if moves and hit.rule != "yy":  # "the Club of '89": a year that names, not one the text has reached
            _remember(ref, hit, value, tense)
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
    return coordinated(text, out)


_UNTIL = re.compile(r"(?i)\b(?:until|till|up\s+to)\b")


def _until(text: str, start: int) -> bool:
    """Whether the clause before ``start`` (back to a comma, stop or bracket, 60 characters at most)
    holds "until", "till" or "up to": a date there ends a span, it is not the time the text has reached."""
    return bool(_UNTIL.search(re.split(r"[,.;:()]", text[max(0, start - 60) : start])[-1]))


_AFTER_EVENT = re.compile(r"(?i)\s+(after|before)\b")
# Signals before a count of units that make it a length of time ("for two days after the battle").
_SPAN_SIGNALS = frozenset({"for", "over", "within", "during", "throughout", "in", "of"})


def _after_event(hit: _Hit, ref: Reference) -> Value | None:
    """In a narrative, a count of units before "after" or "before" ("eight days after Fort Sumter",
    "One month after Dien Bien Phu", "Two years before"): the date narrated moved by that count, the
    event named after it taken to be the one the narrative has reached, as for "N days later"; ``None``
    for a vague or approximate count, or one finer than the date narrated."""
    g = hit.match.groupdict()
    after = _AFTER_EVENT.match(hit.match.string, hit.end)
    n = count_of(g["n"] or "")
    if after is None or ref.date is None or g.get("dir") or g.get("approx") or n is None or not float(n).is_integer():
        return None
    return narrative_shift(ref.date, int(n) * (1 if after.group(1).lower() == "after" else -1), g["unit"])


# What a narrative's future in the past ("would", "was to") is not: a future told from the writer's present.
_AHEAD = re.compile(r"(?i)\b(?:will|shall|won't|wo\s+n't|(?:is|are|am)\s+(?:(?:due|set|expected|scheduled|going|planned|planning)\s+)?to)\b|'ll\b")


def _year_named(hit: _Hit, value: object) -> int | None:
    """The year an explicit date names (a year before the common era as a negative one), else ``None``."""
    if hit.rule == "era" and (hit.match.group("era") or "").startswith("B"):
        return -int(hit.match.group("n"))
    if isinstance(value, Value) and not value.relative and value.type == "DATE" and value.earliest is not None:
        return value.earliest.year
    return None


def _narrated_form(hit: _Hit, ref: Reference) -> bool:
    """Whether ``hit`` is said without its year in a form a narrative places ("in June", "June 10",
    "the summer", "the previous year", "the end of the month"), not a deictic one ("last June",
    "next year"), which the publication date places."""
    g = hit.match.groupdict()
    if hit.rule == "relunit":
        unit = (g.get("unit") or "").lower()
        rel = (g.get("rel") or "").lower()
        if not (g.get("the") or g.get("end") or rel in ("the", "previous", "same")):
            return False
        if unit == "month":
            return ref.date is not None and ref.date.precision in (Precision.MONTH, Precision.DAY)
        return unit == "year"
    return hit.rule in NARRATED and (not g.get("rel") or bool(g.get("the")))  # "the previous April" too


def _on_the_day_narrated(hit: _Hit, value: Value, ref: Reference, tense: str | None) -> Value:
    """A clock time said without its day ("was shot to death at 10 p.m.") in a past-tense clause is
    on the day the text last named, not on the publication day."""
    g = hit.match.groupdict()
    if (hit.rule not in ("time", "clock", "timeword") or g.get("wd") or g.get("d") or tense != "past"
            or value.value is None or ref.date is None or ref.date.precision is not Precision.DAY
            or ref.date.start is None):
        return value
    return value_dated(PartialDate.parse(ref.date.start.isoformat() + value.value[10:]), type="TIME")


def _before_era(hit: _Hit, value: Value, year: int) -> Value:
    """A year-less month, season or day (``value``, resolved in the anchor's year) told after the
    year ``year`` before the common era, in that year as TIMEX2 writes it ("September" after "480 BC":
    ``BC0480-09``; no calendar date holds it, so it has no first and last day); other forms no value."""
    if (hit.rule in ("m", "season", "dmy", "mdy") and value.value
            and re.fullmatch(r"\d{4}-(?:\d\d|SP|SU|FA|WI)(?:-\d\d)?", value.value)):
        return Value(f"BC{year:04d}{value.value[4:]}", value.precision, mod=value.mod, relative=True)
    return value_unresolved()


# A part of a year made of two or three quarters, said as a duration: "the nine months", "the first six months".
_PART_YEAR = re.compile(r"P[69]M")


def _remember(ref: Reference, hit: _Hit, value: Value, tense: str | None) -> None:
    """Update ``ref`` with a mention just read. A quarter the text names with its ordinal ("the third
    quarter", "Q3 2025"; not one derived from the reference, nor one told in the future tense, a
    forecast) becomes the reference period unless an earlier one is named after a later one (a
    comparison: "up from the 1988 third quarter"); a day, month or year is the last date named, and so
    is the year of a season named with it ("By the spring of 1915, ... in May": May 1915)."""
    if value.type == "DURATION" and ref.quarter is not None and _PART_YEAR.fullmatch(value.value or "") and (
            re.search(r"(?i)\bthe\s+(?:\w+\s+)?$", hit.match.string[max(0, hit.start - 16) : hit.start])
            or hit.match.group().lower().startswith("the ")):
        ref.part_year = True  # "for the nine months": a comparison now is with that part of last year
        return
    if hit.rule == "era" and value.earliest is None:
        ref.date, ref.before_era = None, int(hit.match.group("n"))  # "490 BC": no calendar date holds what follows
        return
    if value.type == "TIME" and hit.rule == "theday" and value.value:  # "the next morning": that day
        value = Value(value.value[:10], Precision.DAY, relative=True)
    if value.value is None or value.type != "DATE":
        return
    if value.precision is Precision.QUARTER and tense != "future" and (
            hit.rule in ("quarter", "qshort") or (hit.rule == "yearq" and hit.match.group("q"))):
        date = PartialDate.parse(value.value)
        assert date.year is not None and date.quarter is not None
        if ref.quarter is None or (date.year, date.quarter) >= ref.quarter:
            ref.quarter = (date.year, date.quarter)
            ref.part_year = False
    elif value.precision in (Precision.DAY, Precision.MONTH, Precision.YEAR) and hit.rule != "that":
        date = PartialDate.parse(value.value)
        if ref.narrative and _aside(hit, date, ref):
            return
        ref.date, ref.before_era = date, None
    elif value.precision is Precision.SEASON and not value.relative and value.earliest is not None:
        date = PartialDate.parse(str(value.earliest.year))
        if not (ref.narrative and _aside(hit, date, ref)):
            ref.date, ref.before_era = date, None


def _aside(hit: _Hit, date: PartialDate, ref: Reference) -> bool:
    """Whether a year named alone in a narrative is an aside that does not move the date the
    narrative has reached: a year in parentheses ("the Civil Constitution of the Clergy (1790)"),
    or, while the narrative is told by the day or month, a year more than ``NARRATIVE_FAR`` years
    from it ("the largest cavalry battle since 1813", "documents found in 2004")."""
    last = ref.date
    if date.precision is not Precision.YEAR or last is None or last.year is None or date.year is None:
        return False
    if hit.match.string[max(0, hit.start - 1) : hit.start] == "(":
        return True
    return last.precision in (Precision.DAY, Precision.MONTH) and abs(date.year - last.year) > NARRATIVE_FAR
