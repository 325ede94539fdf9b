"""Reported speech from the claims stage's parse, joined with the quotes found by their marks.

A parse event (:mod:`storyfold.text.speech`) whose content is a direct quote gives that quote its
cue, and its speaker when the words around the marks gave none or when the verb stands right
next to the quote ("...," Mr. Biden said); one whose content holds a quotation and more is
``mixed`` ("he said the deal was 'dead'"); the others are ``indirect``. Speakers resolve to the
article's entity mentions (:func:`resolve`); one that does not resolve stays as written.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from storyfold.records import EntityMention, EntityType, QuoteVariant
from storyfold.text import wordnet

__all__ = ["with_speech"]

WORD = re.compile(r"[A-Za-z’'-]+")


@dataclass(slots=True)
class Speaker:
    name: str
    start: int
    end: int
    medium: str | None = None
    person: bool = False  # a title names a person the entity recogniser typed otherwise


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


def with_medium(text: str, who: Speaker, verb_end: int, limit: int, named: Sequence[EntityMention]) -> Speaker:
    """"told the BBC", "told Sky News’s Sunday Morning": the organisation right after the verb."""
    verb_text = text[max(0, verb_end - 12) : verb_end].lower()
    if not re.search(r"(told|tells|tell|informed|informs)$", verb_text):
        return who
    for m in named:
        if verb_end <= m.start < min(limit, verb_end + 8) and m.type is EntityType.ORGANISATION:
            return Speaker(who.name, who.start, who.end, medium=m.text, person=who.person)
    return who


# the personal pronouns and possessive determiners of the third person and of "we", by the
# antecedent they ask for ("his speech", "their claims" speak for their possessor)
_PRONOUNS = {"he": "person", "she": "person", "it": "thing", "they": "plural", "we": "plural",
             "his": "person", "her": "person", "its": "thing", "their": "plural", "our": "plural"}


def with_speech(
    text: str,
    found: list[tuple[int, QuoteVariant]],
    speech: Sequence[QuoteVariant],
    named: Sequence[EntityMention],
    marks: Sequence[tuple[int, int]],
    sents: Sequence[tuple[int, int]] = (),
) -> list[tuple[int, QuoteVariant]]:
    """``found`` (direct quotes by their marks, reported speech by word patterns) joined with the
    parse's speech events: an event whose content is a direct quote gives that quote its cue (and
    its speaker when the marks' reading found none); one whose content holds a quote and more is
    ``mixed``; the others are ``indirect``. Speakers resolve to the article's mentions (see
    :func:`resolve`); one that does not resolve stays as written."""
    directs = [(i, q) for i, (_, q) in enumerate(found) if q.direct]
    patterned = [(i, q) for i, (_, q) in enumerate(found) if not q.direct]
    out = list(found)
    read: set[int] = set()  # the word patterns' records a parse event has read again
    events = sorted(
        (sp for sp in speech if sp.speaker_start is not None and sp.cue_start is not None
         and not inside(sp.cue_start, marks)),  # a verb inside a quotation is what was said
        key=lambda sp: sp.cue_start or 0,
    )
    # a speaker outside the quotation marks is not named inside them ("“The COVID-19 vaccine is
    # safe ...,” he said": "he" is not COVID-19)
    outside_marks = [m for m in named if not inside(m.start, marks)]
    speakers: list[Speaker] = [
        Speaker(q.speaker, q.speaker_start, q.speaker_end)
        for _, q in found if q.speaker and q.speaker_start is not None and q.speaker_end is not None
    ]
    for sp in events:
        quoted = [(i, q) for i, q in directs if q.start < sp.end and sp.start < q.end]
        outside = _outside_words(text, sp.start, sp.end, [(q.start, q.end) for _, q in quoted])
        earlier = sorted((x for x in speakers if x.end <= (sp.speaker_start or 0)), key=lambda x: x.start)
        who = resolve(text, sp, outside_marks, earlier, sents)
        if quoted and outside <= 2:  # the event reports the quote itself
            for i, q in quoted:
                speaker = q.speaker
                span = (q.speaker_start, q.speaker_end)
                # the parse's subject of the verb right next to the quote ("..., Mr. Biden said")
                # over what the words around the marks gave
                beside = _near(sp.cue_start or 0, q.start, q.end)
                # the parse's speaker resolved to a mention, or is one ("Biden: 'We have a deal'")
                resolved = who.name != text[sp.speaker_start or 0 : sp.speaker_end or 0] or any(
                    (m.start, m.end) == (who.start, who.end) for m in outside_marks)
                if speaker is None or beside and resolved:
                    speaker, span = who.name, (who.start, who.end)
                    speakers.append(who)  # a later pronoun may take the quote's speaker
                out[i] = (out[i][0], _replace(q, speaker=speaker, speaker_start=span[0], speaker_end=span[1],
                                              cue=sp.cue, cue_start=sp.cue_start, cue_end=sp.cue_end))
            continue
        same = [(i, q) for i, q in patterned if i not in read
                and (q.start <= sp.start < q.end or sp.start <= q.start < sp.end)
                and q.speaker_start is not None and q.speaker_end is not None and sp.speaker_end is not None
                and (q.speaker_start < sp.speaker_end and (sp.speaker_start or 0) < q.speaker_end
                     or (q.speaker_start, q.speaker_end) == (who.start, who.end))]
        if same:  # the word patterns read this statement already: the parse gives its cue, content and speaker
            i, q = same[0]
            read.add(i)
            if out[i][1].cue is None:
                if not (_is_pronoun(who.name) and q.speaker):
                    q = _replace(q, speaker=who.name, speaker_start=who.start, speaker_end=who.end)
                q = _replace(q, text=sp.text, start=sp.start, end=sp.end)
                whole = _whole_quote(text, q.start, q.end, marks)
                kind = "direct" if whole else "mixed" if any(q.start <= m < q.end for m, _ in marks) else "indirect"
                q = _replace(q, cue=sp.cue, cue_start=sp.cue_start, cue_end=sp.cue_end, kind=kind)
                out[i] = (q.start, _as_direct(text, q, whole) if whole else q)
            continue
        whole = _whole_quote(text, sp.start, sp.end, marks)
        kind = "mixed" if quoted or any(sp.start <= m < sp.end for m, _ in marks) else "indirect"
        medium = with_medium(text, who, sp.cue_end or 0, sp.start, named).medium
        if whole:  # a short quotation the marks' reading left without a speaker: the parse names it
            sp, kind = _as_direct(text, sp, whole), "direct"
        v = _replace(sp, speaker=who.name, speaker_start=who.start, speaker_end=who.end, kind=kind, medium=medium)
        out.append((v.start, v))
        speakers.append(who)
    out = _carried(text, out)
    kept = [(s, e) for _, q in out if q.direct for s, e in [(q.start, q.end)]]
    # a statement the word patterns read out of a quotation that is kept as a quote
    return [(p, q) for p, q in out if q.direct or not any(s - 1 <= q.start and q.end <= e + 1 for s, e in kept)]


def _carried(text: str, out: list[tuple[int, QuoteVariant]]) -> list[tuple[int, QuoteVariant]]:
    """A quotation that opens its paragraph and names no speaker goes on with the speaker of the
    paragraph before it when that paragraph ends with a statement of a named speaker: "Smith
    said the plan was bad.\n“It will never work.”" (the news convention of a speaker carried
    into the next quote paragraph)."""
    done = list(out)
    for i, (pos, q) in enumerate(done):
        para = text.rfind("\n", 0, q.start) + 1
        if not q.direct or q.speaker is not None or text[para : q.start - 1].strip() or para == 0:
            continue
        prev = text.rfind("\n", 0, para - 1) + 1
        before = [x for _, x in done if x.speaker and x.speaker_start is not None and not _is_pronoun(x.speaker)
                  and prev <= x.start < para - 1 and not _WORDS_AFTER.search(text, max(x.end, x.cue_end or 0), para - 1)]
        if before:
            x = max(before, key=lambda x: x.end)
            done[i] = (pos, _replace(q, speaker=x.speaker, speaker_start=x.speaker_start, speaker_end=x.speaker_end,
                                     medium=x.medium))
    return done


_WORDS_AFTER = re.compile(r"[.!?][”’\"']?\s+\S")  # another sentence after the statement


def _whole_quote(text: str, start: int, end: int, marks: Sequence[tuple[int, int]]) -> tuple[int, int] | None:
    """The quotation-mark span that ``text[start:end]`` lies in with no word outside it."""
    return next(((m, e) for m, e in marks if start < e and m < end and _outside_words(text, start, end, [(m, e)]) == 0),
                None)


def _as_direct(text: str, q: QuoteVariant, mark: tuple[int, int]) -> QuoteVariant:
    m, e = mark
    body = text[m + 1 : e].rstrip(" ,;:.”’\"'»")
    return _replace(q, text=" ".join(body.split()), start=m + 1, end=m + 1 + len(body), direct=True, kind="direct")


def _near(cue: int, start: int, end: int) -> bool:
    """The cue is right after the quote's close or right before its open."""
    return 0 <= cue - end <= 40 or 0 <= start - cue <= 40


def _replace(q: QuoteVariant, **changes: object) -> QuoteVariant:
    return replace(q, **changes)


def _outside_words(text: str, start: int, end: int, quotes: Sequence[tuple[int, int]]) -> int:
    """Words of ``text[start:end]`` outside the ``quotes`` spans."""
    pieces, pos = [], start
    for s, e in sorted(quotes):
        pieces.append(text[pos : max(pos, s)])
        pos = max(pos, e)
    pieces.append(text[pos:end])
    return sum(len(WORD.findall(p)) for p in pieces)


def resolve(
    text: str, sp: QuoteVariant, named: Sequence[EntityMention], earlier: Sequence[Speaker],
    sents: Sequence[tuple[int, int]] = (),
) -> Speaker:
    """The speaker of a parse event: the named mention in its words (a person before an
    organisation: "Pentagon spokesman John Kirby"); a pronoun to its nearest compatible
    antecedent (:func:`_antecedent`); a description ("the president", "the pharmaceutical giant")
    to the last mention before it that the article introduced with that word ("President Joe
    Biden", "pharmaceutical giant Merck", "Merck, the drugmaker,"). Otherwise the words as written."""
    start, end = sp.speaker_start or 0, sp.speaker_end or 0
    written = Speaker(text[start:end], start, end)
    inside = [m for m in named if start <= m.start and m.end <= end and m.type is not EntityType.OTHER]
    # the name that is the phrase's head ("Pentagon spokesman John Kirby"), else a person in it;
    # a name that only modifies it ("European officials", "a coalition of ...") is not the speaker
    heads = [m for m in inside if m.end == end] or [m for m in inside if m.type is EntityType.PERSON]
    if heads:
        return Speaker(heads[0].text, heads[0].start, heads[0].end, person=_titled(written.name, heads[0]))
    words = WORD.findall(written.name)
    if len(words) == 1 and words[0].lower() in _PRONOUNS:
        pronoun = words[0].lower()
        want = _PRONOUNS[pronoun]
        if want == "person":  # he/his take no one the article calls Ms. or Mrs., she/her no one it calls Mr.
            other = "f" if pronoun in ("he", "his") else "m"
            called = _honorifics(text, named)
            named = [m for m in named if m.type is not EntityType.PERSON or called.get(_surname(m.text)) != other]
        found = _antecedent(text, start, want, named, earlier, sents)
        return found or written
    if words and words[0].lower() in ("the", "a", "an", "this") and len(words) <= 4:
        head = words[-1].lower()
        # a mention the description itself stands in apposition to ("in the Del Rio Sector, the
        # agency said") is not one it was introduced with
        for m in reversed([m for m in named if m.end <= start and m.type is not EntityType.PLACE
                           and text[m.end : start].strip(" ,")]):
            if _introduced_with(text, m, head):
                return Speaker(m.text, m.start, m.end)
    return written


def _introduced_with(text: str, m: EntityMention, word: str) -> bool:
    """The mention's own title or apposition holds ``word``: "President Joe Biden",
    "pharmaceutical giant Merck", "Merck, the drugmaker," for the word "president", "giant",
    "drugmaker"."""
    if re.search(r"\b" + re.escape(word) + r"\b", m.text.lower()):
        return True
    before = text[max(0, m.start - 40) : m.start]
    if re.search(r"(?i:\b" + re.escape(word) + r")(?:\s+(?:[A-Z][\w.’'-]*|of)){0,2}\s+$", before):
        # the title right before the name, nothing between but the title's own capitalised words
        # ("Secretary of State Antony Blinken"); "Probe finds Gov. Cuomo" does not introduce him as a probe
        return True
    after = text[m.end : m.end + 60].lower()
    return bool(re.match(r",\s+(?:the|a|an|its|their)\s+(?:[\w’'-]+\s+){0,3}?" + re.escape(word) + r"\b", after))


def _titled(phrase: str, m: EntityMention) -> bool:
    """A speaker phrase that opens with a title and ends with the name: "Secretary of Defense Lloyd
    Austin" wrote (the mention "Defense Lloyd Austin", typed an organisation). The title is a
    capitalised noun whose most frequent sense in WordNet is a person, with no determiner before
    it ("The chairman of General Motors" is no title of General Motors)."""
    words = WORD.findall(phrase)
    return (m.type is not EntityType.PERSON and len(WORD.findall(m.text)) >= 2 and len(words) > len(WORD.findall(m.text))
            and words[0][0].isupper() and wordnet.people(words[0].lower()))


def _is_pronoun(name: str) -> bool:
    words = WORD.findall(name)
    return len(words) == 1 and words[0].lower() in _PRONOUNS


def _antecedent(
    text: str, pos: int, want: str, named: Sequence[EntityMention], earlier: Sequence[Speaker],
    sents: Sequence[tuple[int, int]],
) -> Speaker | None:
    """The nearest compatible antecedent of a pronoun at ``pos``: a fitting mention earlier in
    its own sentence; else the last speaker before it of a fitting type; else, for he/she, the
    last person named before it. None when there is none."""
    sent_start = next((s for s, e in sents if s <= pos < e), None)
    if sent_start is not None:
        here = [m for m in named if sent_start <= m.start and m.end <= pos and _fits(m, want)]
        if here:
            return Speaker(here[-1].text, here[-1].start, here[-1].end)
    for x in reversed(earlier):
        if want == "person" and x.person or any(m.start == x.start and _fits(m, want) for m in named):
            return Speaker(x.name, x.start, x.end)
    before = [m for m in named if m.end <= pos and _fits(m, want)]
    if want == "person" and before:
        return Speaker(before[-1].text, before[-1].start, before[-1].end)
    return None


_HONORIFIC = re.compile(r"\b(Mr|Ms|Mrs|Miss)\.?\s+$")


def _surname(name: str) -> str:
    words = WORD.findall(name)
    return words[-1].lower() if words else ""


def _honorifics(text: str, named: Sequence[EntityMention]) -> dict[str, str]:
    """The gender the article's honorifics give its people, by surname: "Mr. Biden" (m), "Ms.
    Yellen" (f)."""
    out: dict[str, str] = {}
    for m in named:
        hit = _HONORIFIC.search(text, max(0, m.start - 6), m.start) or re.match(r"(Mr|Ms|Mrs|Miss)\.?\s", m.text)
        if m.type is EntityType.PERSON and hit:
            out.setdefault(_surname(m.text), "m" if hit.group(1) == "Mr" else "f")
    return out


def _fits(m: EntityMention, want: str) -> bool:
    if want == "person":
        return m.type is EntityType.PERSON
    if want == "thing":
        return m.type is EntityType.ORGANISATION
    return m.type in (EntityType.ORGANISATION, EntityType.GROUP)
