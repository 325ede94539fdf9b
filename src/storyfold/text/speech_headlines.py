"""Speech events of headlines that no reporting verb's complement gives: a verbless headline with
a reporting verb's -s form read as a noun, and the colon attribution ("Officials: ...").

Each reader returns the event as the fields of :class:`storyfold.text.speech.SpeechSpan`, in its
order: cue start and end, lemma, speaker start and end, content start and end.
"""

from __future__ import annotations

from typing import Any

from storyfold.text import wordnet
from storyfold.text.lexicon import REPORTING, VERBS
from storyfold.text.phrases import char_span

__all__ = ["colon_attribution", "verbless_headline"]

Event = tuple[int, int, str, int, int, int, int]

_S_FORMS = {VERBS[lemma][0]: lemma for lemma in REPORTING}


def verbless_headline(sent: Any) -> Event | None:
    """"Government Accountability Office requests rerun of tanker bid": a headline the parser
    finds no verb in, with a reporting verb's -s form read as a noun. The words before it are the
    speaker, the words after it what was said."""
    toks = [t for t in sent if not t.is_space]
    if len(toks) < 3 or any(t.pos_ in ("VERB", "AUX") for t in toks):
        return None
    cue = next((t for t in toks[1:-1] if t.lower_ in _S_FORMS and t.pos_ in ("NOUN", "PROPN")), None)
    if cue is None:
        return None
    before = [t for t in toks if t.i < cue.i]
    after = [t for t in toks if t.i > cue.i]
    if not any(t.pos_ in ("PROPN", "NOUN", "PRON") for t in before) or not any(t.is_alpha for t in after):
        return None
    s_start, s_end = char_span(before)
    c_start, c_end = char_span(after)
    return (cue.idx, cue.idx + len(cue.text), _S_FORMS[cue.lower_], s_start, s_end, c_start, c_end)


# the words a colon's speaker may hold: a noun phrase ("Officials", "Senate Democrats", "Biden")
_NAME_POS = ("PROPN", "NOUN", "DET", "ADJ", "PART", "PUNCT")


def colon_attribution(colon: Any) -> Event | None:
    """"Officials: Many migrants from border camp staying in US", "Biden: 'We have a deal' on
    ...", "... to Mandate COVID-19 Vaccine Passports: Officials": a headline's attribution by a
    colon. One side is a short noun phrase (at most five words, no verb, headed by a noun) that
    opens or closes the sentence, the other a statement of three words or more; the colon is the
    cue (lemma ``:``). A statement that opens with a quotation is that quotation. The phrase's
    last word names someone: WordNet's first sense of it is a person, a group of people or an
    organisation, or, a proper noun, WordNet does not know it ("Biden"; not "Update: ...",
    "The reasons: ...", "China: ...")."""
    doc = colon.doc
    sent = colon.sent
    start = sent.start
    end = sent.end if colon.i + 1 < sent.end else doc[colon.i + 1].sent.end if colon.i + 1 < len(doc) else sent.end
    left = [t for t in doc[start : colon.i] if not t.is_space]
    right = [t for t in doc[colon.i + 1 : end] if not t.is_space]
    while right and right[-1].is_punct and right[-1].text not in "”’\"'":
        right = right[:-1]
    if ":" in (t.text for t in (*left, *right)):
        return None

    def name(toks: list[Any]) -> bool:
        if not (1 <= len(toks) <= 5 and toks[-1].pos_ in ("PROPN", "NOUN") and all(t.pos_ in _NAME_POS for t in toks)
                and not any(t.text in "“”\"‘’'" for t in toks)):
            return False
        head = toks[-1].lower_
        unknown = toks[-1].pos_ == "PROPN" and not wordnet.load().senses(head)
        return unknown or wordnet.is_a(head, "person.n.01", "people.n.01", "organization.n.01")

    def statement(toks: list[Any]) -> bool:
        # a quotation, or words with a verb of their own outside a relative clause, that open with
        # no question word ("Tucker Carlson: What the Fox News host is doing ..." is a topic, and so
        # are "Ray Roseberry: Facebook Live Video From Truck" and "... : 5 Fast Facts You Need to Know")
        if sum(t.is_alpha for t in toks) < 3 or toks[0].tag_ in ("WP", "WRB", "WDT"):
            return False
        ids = {t.i for t in toks}

        def free(t: Any) -> bool:
            while t.i in ids:
                if t.dep_ in ("relcl", "acl", "amod"):
                    return False
                if t.head.i == t.i:
                    break
                t = t.head
            return True

        # a headline's future, "Los Angeles County to Mandate COVID-19 Vaccine Passports", whose
        # verb a title-case tagger reads as a name
        return toks[0].text in "“\"‘'" or any(free(t) and (t.pos_ in ("VERB", "AUX") or t.lower_ == "to" and t.i + 1 in ids
                                                        and doc[t.i + 1].pos_ in ("VERB", "PROPN")) for t in toks)

    if name(left) and statement(right):
        who, said = left, right
    elif name(right) and statement(left) and not name(left):
        who, said = right, left
    else:
        return None
    if said[0].text in "“\"‘'":  # "Biden: 'We have a deal' on infrastructure": the quotation
        close = next((t for t in said[2:] if t.text in "”\"’'" and t.is_punct), None)
        if close is not None:
            said = [t for t in said if t.i <= close.i]
    s_start, s_end = char_span(who)
    c_start, c_end = char_span(said)
    return (colon.idx, colon.idx + 1, ":", s_start, s_end, c_start, c_end)
