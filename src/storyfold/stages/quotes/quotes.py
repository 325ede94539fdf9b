"""Quotations and reported speech in one article, with their speaker.

Direct quotes are found by their marks: “ ” « » ‘ ’ and straight " and ' (an opening mark follows
a space or the start of a paragraph; a closing one is followed by no letter). A quote that is
still open at the end of a paragraph goes on when the next paragraph opens with a quote mark (the
news convention); otherwise it ends with the paragraph.

The speaker is looked for in the quote's own sentence, outside the quote: a speech verb
("said", "told", "added" ...) with a named mention, a title ("the Prime Minister") or a pronoun
next to it, before or after the quote; then in the sentence before it (when that one ends with a
colon) or after it. "he"/"she" resolve to the last named speaker of the article, else the last
person named. "told the BBC" records the BBC as the ``medium``.

Quoted fragments inside a sentence (scare quotes such as "boots on the ground") are kept only
when the sentence attributes them with a speech verb and they have at least five words.

Reported speech needs a clear speech verb: "X said (on Tuesday) that ...", "X said <clause>"
(say/tell only, the speaker right before the verb), "..., stated X", "according to X, ..." and
"..., according to X"; it is marked ``direct=False``. A speaker with no name ("the company said",
"Whitehall insiders said") is kept as written when it sits next to the verb; it links to no entity.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, EntityMention, EntityType, QuoteVariant
from storyfold.stages.quotes.speech import WORD as _WORD
from storyfold.stages.quotes.speech import Speaker as _Speaker
from storyfold.stages.quotes.speech import inside as _inside
from storyfold.stages.quotes.speech import with_medium as _with_medium
from storyfold.stages.quotes.speech import with_speech
from storyfold.text.lexicon import SPEECH, alternation, verb_forms
from storyfold.text.nlp import paragraphs
from storyfold.text.sentences import SentenceIndex

__all__ = ["QuotesStage", "find_quotes"]

_MIN_FRAGMENT_WORDS = 5
_OPEN = {"“": "”", "«": "»", "‘": "’", '"': '"', "'": "'", "„": "“"}
_CLOSE = {"“": '”"', '"': '"”', "«": "»", "‘": "’'", "'": "'’", "„": '“”"'}
_FAMILY = {"“": "double", '"': "double", "„": "double", "«": "guillemet", "‘": "single", "'": "single"}
# Speech verbs in every form but -ing, which is often a noun ("a warning"), except for the verbs
# whose -ing form rarely is.
SPEECH_VERBS = verb_forms(SPEECH, ("base", "s", "past")) | verb_forms(["say", "tell", "state", "add"], ("ing",))
_VERBS = alternation(SPEECH_VERBS)
_VERB = re.compile(r"\b" + _VERBS + r"\b")
_PREPOSITION = re.compile(
    r"\b(?:to|in|at|from|with|of|for|on|by|into|about|against|after|before|than|over|between|and)\s+(?:the\s+)?$"
)
_NOUNISH = frozenset(
    "claims reports notes states comments replies promises pledges vows remarks warns denies admits urges".split()
)
_NOUN_BEFORE = re.compile(r"(?:[’']s|\b(?:the|a|an|his|her|its|their|these|those|such))\s+$")


class QuotesStage(ArticleStage):
    """Direct and reported quotes of one article, with their speaker."""

    name = "quotes"
    version = "7"
    requires = ("entity_mentions",)
    optional = ("speech_mentions",)
    provides = {"quote_mentions": QuoteVariant}

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        cap = ctx.settings.max_quote_chars

        def skipped(start: int, end: int) -> None:
            ctx.logger.warning(
                "%s: quoted span at characters %d-%d is %d characters, over the cap of %d (setting max_quote_chars); "
                "not taken as a quote", article.source, start, end, end - start, cap,
            )

        found = find_quotes(article, inputs.get("entity_mentions", ()), max_chars=cap, on_skip=skipped,
                            sentences=ctx.sentences(article), speech=inputs.get("speech_mentions"))
        return {"quote_mentions": found}


def _direct_spans(text: str) -> list[tuple[int, int, int]]:
    """``(start, end, after)`` per quote: ``start:end`` is its content (over several paragraphs
    when it runs on), ``after`` the position after its closing mark."""
    out = []
    paras = list(paragraphs(text))
    i, pos = 0, 0
    while i < len(paras):
        p_start, p_end = paras[i]
        pos = max(pos, p_start)
        while pos < p_end:
            ch = text[pos]
            if ch not in _OPEN or not _is_open(text, pos, p_start):
                pos += 1
                continue
            close = _find_close(text, pos + 1, p_end, ch)
            j = i
            # Open at the paragraph's end: it goes on when the next paragraph opens with a mark.
            while close is None and j + 1 < len(paras) and _FAMILY.get(text[paras[j + 1][0]]) == _FAMILY[ch]:
                j += 1
                close = _find_close(text, paras[j][0] + 1, paras[j][1], ch)
            end = close if close is not None else paras[j][1]
            out.append((pos + 1, end, end + 1 if close is not None else end))
            pos = end + 1
            if j != i:  # go on scanning the paragraph the quote ended in
                i = j
                p_start, p_end = paras[i]
        i += 1
    return out


def _is_open(text: str, pos: int, p_start: int) -> bool:
    ch = text[pos]
    before = text[pos - 1] if pos > p_start else " "
    after = text[pos + 1] if pos + 1 < len(text) else " "
    if ch in "“«„":
        return True
    if ch in "'\"‘":
        return (before.isspace() or before in "([—–-:") and not after.isspace()
    return False


def _find_close(text: str, start: int, end: int, open_ch: str) -> int | None:
    """The closing mark of a quote opened by ``open_ch``; outlets mix curly and straight marks
    (“…," is common), so either closes a double quote, and either closes a single one."""
    closers = _CLOSE[open_ch]
    for m in re.finditer("[" + re.escape(closers) + "]", text[start:end]):
        pos = start + m.start()
        ch = text[pos]
        nxt = text[pos + 1] if pos + 1 < len(text) else " "
        if ch in "’'" and (nxt.isalpha() or text[pos - 1].isspace()):
            continue  # an apostrophe ("Britain’s"), not a closing mark
        if ch == '"' and text[pos - 1].isspace() and not nxt.isspace() and nxt not in ",.;:!?":
            continue  # a straight mark opening a nested quote
        return pos
    return None


def find_quotes(
    article: Article,
    mentions: Sequence[EntityMention],
    *,
    max_chars: int = 3000,
    on_skip: Callable[[int, int], None] | None = None,
    sentences: SentenceIndex | None = None,
    speech: Sequence[QuoteVariant] | None = None,
) -> tuple[QuoteVariant, ...]:
    """Direct and reported quotes in ``article``; ``mentions`` are its entity mentions. A quoted
    span longer than ``max_chars`` (in practice a mark that is never closed, or a pasted document)
    is not taken as a quote: ``on_skip(start, end)`` hears of it, and its sentences are read as
    plain text. ``speech``: the speech events the claims stage read from its parse (speaker as
    written); given, they carry the reported speech and name the cue of direct quotes, and the
    word patterns read only the sentences that hold none."""
    text = article.text
    sents = (sentences or SentenceIndex.of(text)).spans
    named = sorted((m for m in mentions if m.type is not EntityType.OTHER), key=lambda m: m.start)
    found: list[tuple[int, QuoteVariant]] = []
    quoted: list[tuple[int, int]] = []
    last_speaker: list[_Speaker] = []
    last_direct: list[tuple[int, _Speaker]] = []  # (end of the quote, its speaker)

    directs = []
    for start, end, after in _direct_spans(text):
        if end - start <= max_chars:
            directs.append((start, end, after))
        elif on_skip is not None:
            on_skip(start, end)
    items: list[tuple[int, str, tuple[int, ...]]] = [(s, "direct", (s, e, after)) for s, e, after in directs]
    for s_start, s_end in sents:
        items.append((s_start, "sentence", (s_start, s_end)))
    items.sort(key=lambda x: (x[0], x[1] == "direct"))

    for _pos, kind, data in items:
        if kind == "direct":
            start, end, after = data
            quoted.append((start - 1, after))
            q = _direct(article.id, text, (start, end, after), sents, named, last_speaker, quoted, last_direct)
            if q is not None:
                found.append((start, q))
                if q.speaker_start is not None and q.speaker_end is not None and q.speaker:
                    last_direct.append((after, _Speaker(q.speaker, q.speaker_start, q.speaker_end, q.medium)))
        else:
            s_start, s_end = data
            q = _indirect(article, s_start, s_end, named, last_speaker, directs)
            if q is not None:
                found.append((q.start, q))
    if speech is not None:
        found = with_speech(text, found, speech, named, [(s - 1, a) for s, _e, a in directs], sents)
    return tuple(q for _, q in sorted(found, key=lambda x: x[0]))


def _sentence_of(sents: Sequence[tuple[int, int]], pos: int) -> int:
    for i, (s, e) in enumerate(sents):
        if s <= pos < e or (pos == e and i == len(sents) - 1):
            return i
    return max(0, min(range(len(sents)), key=lambda i: abs(sents[i][0] - pos))) if sents else -1


def _direct(
    article_id: str,
    text: str,
    span: tuple[int, int, int],
    sents: Sequence[tuple[int, int]],
    named: Sequence[EntityMention],
    last: list[_Speaker],
    quoted: Sequence[tuple[int, int]],
    last_direct: Sequence[tuple[int, _Speaker]] = (),
) -> QuoteVariant | None:
    start, end, after = span
    body_end = end
    while body_end > start and text[body_end - 1] in ",;:. ":
        body_end -= 1
    body = text[start:body_end]
    words = len(_WORD.findall(body))
    if words == 0:
        return None
    first, last_i = _sentence_of(sents, start - 1), _sentence_of(sents, max(start, end - 1))
    s_start = sents[first][0] if first >= 0 else start
    s_end = sents[max(last_i, first)][1] if first >= 0 else after
    if after > s_end:  # the closing mark ended the sentence
        s_end = after
        for s, e in sents:
            if s <= after < e:
                s_end = e
    pre = (s_start, start - 1)
    post = (after, s_end)
    own_sentence = not text[pre[0] : pre[1]].strip() or text[pre[0] : pre[1]].rstrip().endswith(":")
    speaker = _speaker_around(text, pre, post, named, last, quoted)
    if speaker is None and own_sentence:
        prev_i = first - 1
        if prev_i >= 0 and text[sents[prev_i][0] : sents[prev_i][1]].rstrip().endswith(":"):
            speaker = _speaker_around(text, sents[prev_i], (sents[prev_i][1], sents[prev_i][1]), named, last, quoted)
        if speaker is None:
            nxt = [s for s in sents if s[0] >= s_end]
            if nxt and re.match(r"\s*\S+(?:\s+\S+){0,3}\s+" + _VERBS + r"\b", text[nxt[0][0] : nxt[0][1]]):
                speaker = _speaker_around(text, (nxt[0][0], nxt[0][0]), nxt[0], named, last, quoted)
    if speaker is None and own_sentence and last_direct:
        speaker = _same_speaker_goes_on(text, start - 1, last_direct[-1])
    fragment = text[pre[0] : pre[1]].strip() and not text[pre[0] : pre[1]].rstrip().endswith(":")
    fragment = fragment and not _VERB.match(text, after + 1) and not re.match(r"[,\s]*[A-Za-z]+\s+" + _VERBS, text[after:s_end])
    if fragment and (speaker is None or words < _MIN_FRAGMENT_WORDS):
        return None
    if speaker is None and words < _MIN_FRAGMENT_WORDS:
        return None
    if speaker is not None:
        last.append(speaker)
    joined = re.sub(r"\s*\n\s*[“‘\"'«]?", " ", body)
    return QuoteVariant(
        article_id=article_id,
        text=joined,
        start=start,
        end=body_end,
        speaker=speaker.name if speaker else None,
        direct=True,
        medium=speaker.medium if speaker else None,
        speaker_start=speaker.start if speaker else None,
        speaker_end=speaker.end if speaker else None,
    )


def _same_speaker_goes_on(text: str, mark: int, previous: tuple[int, _Speaker]) -> _Speaker | None:
    """"“A,” X said on Friday. “B.”" and "“A,” X said.\n“B.”": a quote with no speaker of its own
    right after an attributed one, in the same paragraph or opening the next, goes on with it."""
    prev_end, speaker = previous
    between = text[prev_end:mark]
    if len(_WORD.findall(between)) > 25 or between.count("\n") > 0 and between.rstrip(" ")[-1:] != "\n":
        return None
    if len(re.findall(r"\n\s*\S", between)) > 0:  # a paragraph in between
        return None
    return speaker


def _speaker_around(
    text: str,
    pre: tuple[int, int],
    post: tuple[int, int],
    named: Sequence[EntityMention],
    last: Sequence[_Speaker],
    quoted: Sequence[tuple[int, int]],
) -> _Speaker | None:
    """The speaker named with a speech verb right after the quote, else before it."""
    m = re.match(r"[\s,.!?]*(?P<who>[^,.;:!?]{1,80}?)\s+(?P<verb>" + _VERBS + r")\b", text[post[0] : post[1]])
    if m:
        who = _who(text, post[0] + m.start("who"), post[0] + m.end("who"), named, last, quoted, before_verb=True)
        if who:
            return _with_medium(text, who, post[0] + m.end("verb"), post[1], named)
    m = re.match(r"[\s,]*(?P<verb>" + _VERBS + r")\s+(?P<who>[^,.;:!?]{1,80})", text[post[0] : post[1]])
    if m:
        who = _who(text, post[0] + m.start("who"), post[0] + m.end("who"), named, last, quoted, before_verb=False)
        if who:
            return _with_medium(text, who, post[0] + m.end("verb"), post[1], named)
    verbs = [v for v in _VERB.finditer(text, pre[0], pre[1]) if not _inside(v.start(), quoted)]
    for v in reversed(verbs):
        clause_start = max(pre[0], text.rfind(",", pre[0], v.start()) + 1, text.rfind(";", pre[0], v.start()) + 1)
        who = _who(text, clause_start, v.start(), named, last, quoted, before_verb=True)
        if who is None:
            who = _who(text, pre[0], v.start(), named, last, quoted, before_verb=True)
        if who and v.group() in _NOUNISH and len(_WORD.findall(text[who.end : v.start()])) > 1:
            continue  # "drawing vows of retaliation": a noun
        if who:
            return _with_medium(text, who, v.end(), pre[1], named)
    return None


def _who(
    text: str,
    start: int,
    end: int,
    named: Sequence[EntityMention],
    last: Sequence[_Speaker],
    quoted: Sequence[tuple[int, int]],
    *,
    before_verb: bool,
    subject: bool = True,
) -> _Speaker | None:
    """The speaker in ``text[start:end]``: the mention nearest the verb (a person, organisation,
    group, place or title), or "he"/"she" resolved."""
    if before_verb:  # skip a relative clause: "Trump, who met Putin in Alaska, asserted"
        rel = re.search(r",\s*(?:who|which|whose)\b[^;]*,\s*$", text[start:end])
        if rel:
            end = start + rel.start()
    inside = [
        m
        for m in named
        if start <= m.start
        and m.end <= end
        and not _inside(m.start, quoted)
        and not (subject and _PREPOSITION.search(text, max(0, m.start - 12), m.start))
    ]
    pron = [p for p in re.finditer(r"\b(?:he|she|He|She)\b", text[start:end])]
    candidates: list[tuple[int, _Speaker]] = []
    for m in inside:
        if m.type is EntityType.GROUP and not m.text.endswith("s"):
            continue  # "Japanese" as an adjective, not a speaker
        pos = m.end if before_verb else -m.start
        gap = len(_WORD.findall(text[m.end : end])) if before_verb else len(_WORD.findall(text[start : m.start]))
        if gap <= 12:
            candidates.append((pos, _Speaker(m.text, m.start, m.end)))
    for p in pron:
        s = start + p.start()
        gap = len(_WORD.findall(text[start + p.end() : end])) if before_verb else len(_WORD.findall(text[start:s]))
        if gap <= 12:
            resolved = _resolve_pronoun(s, named, last, quoted)
            if resolved:
                candidates.append(((start + p.end()) if before_verb else -s, resolved))
    if not candidates:
        return _nominal(text, start, end, before_verb=before_verb)
    if not before_verb:  # "according to Pentagon spokesperson John Kirby": the person
        people = [c for c in candidates if any(m.start == c[1].start and m.type is EntityType.PERSON for m in inside)]
        candidates = people or candidates
    return max(candidates, key=lambda c: c[0])[1]


def _nominal(text: str, start: int, end: int, *, before_verb: bool) -> _Speaker | None:
    """An unnamed speaker right next to the verb: "the company said", "said Whitehall insiders"."""
    if before_verb:
        m = _NOMINAL_BEFORE.search(text, start, end)
    else:
        m = _NOMINAL_AFTER.match(text, start, end)
    return _Speaker(m.group("who"), m.start("who"), m.end("who")) if m else None


def _resolve_pronoun(
    pos: int, named: Sequence[EntityMention], last: Sequence[_Speaker], quoted: Sequence[tuple[int, int]]
) -> _Speaker | None:
    """The last named speaker, else the last person named before ``pos``."""
    for sp in reversed(last):
        if sp.start < pos:
            return _Speaker(sp.name, sp.start, sp.end)
    people = [m for m in named if m.type is EntityType.PERSON and m.end <= pos and not _inside(m.start, quoted)]
    return _Speaker(people[-1].text, people[-1].start, people[-1].end) if people else None


_NOMINAL = (
    r"(?P<who>(?<![\w’'-])(?:(?:the|The|a|A)\s+)?(?:(?!(?:[Bb]ut|[Aa]nd|[Oo]r|[Ss]o|[Yy]et|[Tt]hen|[Aa]lso|[Aa]lthough|[Ww]hile|[Bb]ecause|[Aa]s|[Ww]hen|[Ii]f|[Tt]hat|[Ww]hich|[Ss]ince|[Aa]fter|[Bb]efore)\b)[A-Za-z][\w-]*\s+){0,2}?(?:company|firm|ministry|government|spokesman|"
    r"spokeswoman|spokesperson|statement|report|agency|airline|carrier|manufacturer|automaker|carmaker|department|"
    r"police|military|officials|insiders|sources|analysts|experts|diplomats|lawmakers|executives|investigators|giant|"
    r"administration|campaign|office|committee|prosecutors|authorities|organization|organisation))"
)
_NOMINAL_BEFORE = re.compile(_NOMINAL + r"\s*,?\s*$")
_NOMINAL_AFTER = re.compile(r"\s*" + _NOMINAL + r"\b")
_SAY = alternation(verb_forms(["say", "tell"], ("base", "s", "past")))
# "X said (on Tuesday) Japanese officials are ...": a clause straight after a say-verb, no "that".
_SAID_CLAUSE = re.compile(
    r"\b(?P<verb>" + _SAY + r")(?:\s+(?:on|at|in|last|this)\s+[A-Z]?\w+)?\s+"
    r"(?P<clause>(?:the|a|an|it|he|she|they|we|there|this|[A-Z][\w’'-]*|\d[\d,.]*)\s+\w+(?:\s+\S+){2,})"
)
_THAT = re.compile(r"(?P<verb>" + _VERBS + r")\b(?P<mid>(?:\s+[^\s,.;:]+){0,6}?)\s+that\s+(?P<clause>\S)")
_INVERTED = re.compile(r",\s*(?P<verb>" + _VERBS + r")\s+(?P<who>[^,.;:!?]{2,80}?)\s*(?:\bon\s+\w+\s*)?[.!?]?$")
_TRAILING = re.compile(
    r",\s*(?P<who>[^,;:!?]{2,80}?)\s+(?P<verb>" + _VERBS + r")(?:\s+(?:on\s+)?[A-Z]?[a-z]+day|\s+\w+)?\s*[.!?]?$"
)
_ACCORDING_PRE = re.compile(r"^According to (?P<who>[^,]{2,80}),\s*(?P<clause>\S)")
_ACCORDING_POST = re.compile(r",\s*according to (?P<who>[^,.;:]{2,80})\s*[.!?]?$")


def _indirect(
    article: Article,
    s_start: int,
    s_end: int,
    named: Sequence[EntityMention],
    last: list[_Speaker],
    directs: Sequence[tuple[int, int, int]],
) -> QuoteVariant | None:
    """Reported speech in one sentence with a clear speech verb; none when the sentence holds a
    direct quote of its own (that one carries the statement)."""
    text = article.text
    if any(s_start <= s - 1 < s_end and len(_WORD.findall(text[s:e])) >= _MIN_FRAGMENT_WORDS for s, e, _ in directs):
        return None
    sentence = text[s_start:s_end]
    quoted: list[tuple[int, int]] = []
    who: _Speaker | None = None
    clause: tuple[int, int] | None = None
    m = _ACCORDING_PRE.match(sentence)
    if m:
        who = _who(
            text, s_start + m.start("who"), s_start + m.end("who"), named, last, quoted, before_verb=True, subject=False
        )
        clause = (s_start + m.start("clause"), s_end)
    if who is None:
        m = _ACCORDING_POST.search(sentence) or _INVERTED.search(sentence)
        if m:
            who = _who(
                text, s_start + m.start("who"), s_start + m.end("who"), named, last, quoted, before_verb=False, subject=False
            )
            clause = (s_start, s_start + m.start())
    if who is None:
        m = _TRAILING.search(sentence)
        if m and m.start() > 0:
            who = _who(text, s_start + m.start("who"), s_start + m.end("who"), named, last, quoted, before_verb=True)
            if who is not None and len(_WORD.findall(text[who.end : s_start + m.start("verb")])) <= 1:
                clause = (s_start, s_start + m.start())
            else:
                who = None
    if who is None:
        for m in _THAT.finditer(sentence):
            v = s_start + m.start("verb")
            if _NOUN_BEFORE.search(text, max(s_start, v - 8), v):
                continue  # "Russia's claims that": a noun, not a speech verb
            clause_start = max(s_start, text.rfind(";", s_start, v) + 1)
            who = _who(text, clause_start, v, named, last, quoted, before_verb=True)
            if who is not None and m.group("verb") in _NOUNISH and len(_WORD.findall(text[who.end : v])) > 1:
                who = None  # "his baseless claims that": a noun unless the speaker is right before it
            if who is not None:
                who = _with_medium(text, who, s_start + m.end("verb"), s_start + m.start("clause"), named)
                clause = (s_start + m.start("clause"), s_end)
                break
    if who is None:
        for m in _SAID_CLAUSE.finditer(sentence):
            v = s_start + m.start("verb")
            who = _who(text, max(s_start, v - 60), v, named, last, quoted, before_verb=True)
            if who is not None and len(_WORD.findall(text[who.end : v])) <= 2:
                who = _with_medium(text, who, s_start + m.end("verb"), s_start + m.start("clause"), named)
                clause = (s_start + m.start("clause"), s_end)
                break
            who = None
    if who is None or clause is None:
        return None
    c_start, c_end = clause
    while c_end > c_start and text[c_end - 1] in ".!?,;: ”’\"»":
        c_end -= 1
    if len(_WORD.findall(text[c_start:c_end])) < 3:
        return None
    last.append(who)
    return QuoteVariant(
        article_id=article.id,
        text=text[c_start:c_end],
        start=c_start,
        end=c_end,
        speaker=who.name,
        direct=False,
        medium=who.medium,
        speaker_start=who.start,
        speaker_end=who.end,
    )

