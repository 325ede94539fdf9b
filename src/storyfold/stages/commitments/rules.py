"""The sub-kind rules of the commitments stage (:mod:`storyfold.stages.commitments.commitments`): the
kinds, status cues, actors and conditions of the story they were written on (troops for Ukraine),
and the coarse category lexicon that both the rules and the parse-based reading use.

A sentence gives a :class:`~storyfold.records.CommitmentMention` per (actor, kind) when it names a
kind of support ("boots on the ground", "air support", "security guarantees", "$4.5 billion in
defense assistance", "join the coalition") and a status cue. Rules, in order:

* **kind**: a small lexicon per :class:`~storyfold.records.CommitmentKind`; a money amount makes
  ``funding``; a sentence with a status cue but no kind ("we cannot say specifically what we are
  going to do") carries the kinds of the same actor's previous mention in the article (not
  ``participation``: whether a country is in a coalition is not what it is still weighing).
* **status**: the status cue nearest the kind (a cue before it preferred) in the sentence:
  "would not"/"will not" + verb -> ruled out ("did not rule out", "won't rule out" -> considering); "too early to", "premature" -> declined;
  "considering", "under deliberation", "cannot say", "evaluating", "might", "could",
  "potentially", "not known whether", "yet to be confirmed" -> considering; "if"/"unless" ->
  conditional; "ready to", "willing", "willingness" -> willing; "committed to", "agreed to",
  "signed", "established", "joined" -> committed; "will provide", "promised", "pledged" ->
  pledged; "has contributed", "delivered" -> fulfilled.
* **actor**: the country names before the cue ("The UK and France have committed"), a
  leader or minister mapped to the country the article gives them ("Japanese Prime Minister
  Ishiba" -> Japan; a few heads of government are known without it: Trump, Starmer, Macron,
  Ishiba, Stubb, Zelensky), a capital as metonym ("Tokyo" -> Japan), "we"/"he" in a leader's
  words -> the leader's country. Countries named as examples ("nations like France", "including
  Japan") and the recipient (after "to", "in", "for", "with") are not actors, nor the article's
  recipients (:func:`aided`).
* **recipient**: the country the sentence names after "to", "for", "into" or "in", else the
  article's one recipient, else none.
* **conditions**: a ceasefire, a peace deal / peace process, a US backstop or guarantee, a legal
  (and capability) review, found in the sentence or a following "Because …" sentence.
* **amount** and **period** from the sentence's quantities ("$4.5 billion", "over the next ten
  years" / "10-year" -> ``P10Y``); **time** from its first resolved date, else the previous
  sentence's in the same paragraph.

Actors here come from the gazetteer's countries (:mod:`storyfold.text.gazetteer`) and leader
patterns; organisations, people of any country and verbless notes are the parse-based reading's
(:mod:`storyfold.stages.commitments.commitments`). No model is used by these rules.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from storyfold.records import (
    CommitmentCategory,
    CommitmentKind,
    CommitmentMention,
    CommitmentStatus,
    DateMention,
    PartialDate,
    Quantity,
)
from storyfold.stages.commitments.category import category_of
from storyfold.stages.commitments.clauses import CANDIDATE
from storyfold.text.folded import Folded
from storyfold.text.gazetteer import (
    CURRENCY_CODES,
    PLACES,
    PlaceKind,
    country_alternation,
    country_mention,
    country_names,
)
from storyfold.text.lexicon import alternation, verb_forms
from storyfold.text.nlp import paragraphs
from storyfold.text.sentences import sentence_spans

__all__ = ["COUNTRIES", "KINDS", "LEADERS", "aided", "before_name", "category_of", "rule_mentions", "sub_kind"]


K = CommitmentKind
S = CommitmentStatus


def before_name(*prepositions: str) -> re.Pattern[str]:
    """What ends right before a name that one of ``prepositions`` governs, with or without "the"
    ("to ", "for the "): searched in the text before the name."""
    return re.compile(rf"\b(?:{'|'.join(prepositions)})\s+(?:the\s+)?$", re.I)


# name -> canonical country: names, demonyms, capitals used as metonyms.
COUNTRIES: dict[str, str] = country_names()
# Heads of government the text often names without their country.
LEADERS = {"Trump": "United States", "Biden": "United States", "Starmer": "United Kingdom", "Macron": "France",
           "Ishiba": "Japan", "Stubb": "Finland", "Zelensky": "Ukraine", "Zelenskyy": "Ukraine", "Putin": "Russia",
           "Merz": "Germany", "Meloni": "Italy", "Albanese": "Australia"}

_TITLE = (
    r"(?:Prime\s+Minister|President|prime\s+minister|president|Chancellor|Foreign\s+Minister"
    r"|Defen[cs]e\s+Secretary|Defen[cs]e\s+Minister|leader)"
)
_NAMES = country_alternation()  # the longest name first: "Niger" is no match in "Nigeria"
_COUNTRY = country_mention()
_LEADER = re.compile(rf"{_TITLE}\s+(?P<name>(?:[A-Z][\w'’-]+\s+){{0,2}}[A-Z][\w'’-]+)")
_BEFORE_TITLE = re.compile(rf"(?<![\w.])(?P<c>{_NAMES})\s+$")

_KINDS: list[tuple[CommitmentKind, Folded]] = [
    (K.GROUND_TROOPS, Folded(r"boots\s+on\s+the\s+ground", r"ground\s+forces", r"forces\s+on\s+the\s+ground",
                           r"sending\s+forces", r"(?:deploy(?:ing)?|send(?:ing)?)\s+(?:\w+\s+){0,5}troops",
                           r"personnel\s+on\s+the\s+ground", r"armed\s+forces\s+personnel")),
    (K.PEACEKEEPERS, Folded(r"\bpeacekeepers\b", r"deploy(?:ment\s+of)?\s+(?:a\s+)?peacekeeping")),
    (K.LOGISTICS, Folded(r"\blogistic(?:s|al\s+support)\b")),
    (K.EQUIPMENT, Folded(r"\bequipment\b")),
    (K.ARMS, Folded(r"\b(?:arms|armaments|weapons|munitions)\b")),
    (K.INTELLIGENCE, Folded(r"\bintelligence\b")),
    (K.AIR_SUPPORT, Folded(r"\bair\s+support\b", r"air\s+power")),
    (K.AIR_DEFENCE, Folded(r"\bair\s+defen[cs]e\b")),
    (K.BORDER_SURVEILLANCE, Folded(r"\bborder\s+surveillance\b")),
    (K.TRAINING, Folded(r"\btraining\b")),
    (K.FUNDING, Folded(r"\bnon-?lethal\s+(?:aid|assistance)\b", r"\bhumanitarian\s+(?:aid|support|assistance)\b",
                     r"\b(?:defen[cs]e|financial|military)\s+assistance\b", r"\baid\s+for\s+reconstruction\b",
                     r"\breconstruction\s+(?:support|aid)\b", r"\bfunding\b")),
    (K.SECURITY_GUARANTEE, Folded(r"security\s+(?:guarantees?|assurances)", r"guarantee\s+the\s+security",
                                r"guaranteeing\s+\w+(?:['’]s)?\s+security")),
    (K.PARTICIPATION, Folded(r"(?:participate|participation|join(?:s|ed|ing)?|part\s+of|taking\s+part)\s+(?:in\s+)?"
                           r"(?:an?\s+|the\s+|his\s+|\w+['’]s\s+)?(?:[\w\"“”’'-]+\s+){0,3}[\"“]?coalition")),
]
# In order: where two cues overlap, the earlier status wins ("would not provide" is not "provide").
_STATUS: list[tuple[CommitmentStatus, Folded]] = [
    # a negated "rule out" keeps it open ("did not rule out", "won't rule out", "has not ruled out")
    (S.CONSIDERING, Folded(r"\b(?:not|n[o’']t|never)\s+(?:\w+\s+)?rul(?:e|ed|es|ing)\s+out\b",
                         r"\bwon[’']t\s+(?:\w+\s+)?rule\s+out\b")),
    (S.RULED_OUT, Folded(r"\b(?:would|will|did|does|do)\s*(?:not|n[o’']t)\s+(?:\w+\s+)?(?:put|send|provide|deploy"
                       r"|contribute|offer|commit|join|participate)\b", r"\bwon[’']t\b", r"\bruled?\s+out\b",
                       r"\brefuses?\b", r"\brejects?\b")),
    (S.DECLINED, Folded(r"\btoo\s+early\s+to\b", r"\b(?:(?:could|would|might)\s+be\s+)?premature\b",
                      r"\bdeclined?\s+to\b", r"\bnot\s+(?:yet\s+)?ready\s+to\b")),
    (S.CONDITIONAL, Folded(r"\b(?:under|after|in\s+the\s+context\s+of)\s+(?:a|an|the)\s+"
                         r"(?:potential|prospective|possible)\s+(?:[\w.-]+\s+)?peace\s+(?:deal|agreement|settlement)")),
    (S.CONSIDERING, Folded(r"\bconsider(?:ing|s|ed)?\b", r"\bunder\s+(?:deliberation|consideration|review)\b",
                         r"\bcan(?:not|[’']t|\s+not)\s+say\b", r"\bevaluat(?:ing|e|es)\b", r"\bmight\b", r"\bcould\b",
                         r"\bpotential(?:ly)?\b", r"\bpossible\b", r"\bnot\s+known\s+whether\b",
                         r"\byet\s+to\s+be\s+(?:confirmed|announced|decided)\b", r"\bthoroughly\s+discuss\b",
                         r"\bweigh(?:ing|s)?\b")),
    (S.CONDITIONAL, Folded(r"\b(?:if|unless|provided\s+that|on\s+condition)\b")),
    (S.WILLING, Folded(r"\bready\s+to\b", r"\b(?<!of\sthe\s)willing(?:ness)?\b", r"\bprepared\s+to\b", r"\bopen\s+to\b",
                     r"\boffered\s+to\b")),
    (S.COMMITTED, Folded(r"\bcommitted\s+to\b", r"\bagreed\s+to\b", r"\bsigned\b", r"\bestablished\b",
                       r"\bjoin(?:ed|ing|s)?\b", r"\bhas\s+been\s+part\s+of\b", r"\bis\s+the\s+latest\s+ally\b")),
    (S.PLEDGED, Folded(r"\bwill\s+(?:provide|offer|send|give|contribute|deploy|supply|be\s+involved)\b", r"\bpromised\b",
                     r"\bpledged?\b", r"\bvowed\b", r"\bset\s+to\s+(?:play|provide|contribute|send)\b")),
    (S.FULFILLED, Folded(r"\bha(?:s|ve)\s+(?:already\s+)?(?:contributed|delivered|sent|provided)\b")),
]
_CONDITIONS = [
    ("ceasefire", Folded(r"\bcease-?fire\b")),
    ("peace deal", Folded(r"\bpeace\s+(?:deal|agreement|settlement|process)\b", r"post-war\s+(?:deal|settlement)")),
    ("US backstop", Folded(r"\b(?:US|U\.S\.|American)\s+(?:backstop|guarantee|support|clear\s+guarantee)\b",
                           r"\bbackstop\b")),
    ("legal and capability review", Folded(r"\blegal\s+(?:and\s+capability\s+)?(?:aspects|considerations|"
                                           r"framework|review)", r"legal\s+and\s+policy\s+review")),
]
# What a recipient is named after: "aid to Ukraine", "funding for Gaza", "trucks delivered into Ukraine",
# by its own name (a demonym or a seat there qualifies: "for the Canadian budget"; a place after "in" is
# where something happens: "the carrier's arrival in Japan for joint drills").
_OWN_NAMES = frozenset(n for p in PLACES if p.kind is PlaceKind.COUNTRY for n in (p.name, *p.spellings))
_AIDED_BEFORE = before_name("to", "for", "into")
# Where a rules' kind is sent, in its own sentence: also "in" ("peacekeepers on the ground in Ukraine").
_SENT_TO = before_name("to", "for", "into", "in")
_EXAMPLE = re.compile(r"(?:like|such\s+as|including|as|among|with|than)\s*$", re.I)
_RECIPIENT = before_name("to", "in", "for", "into", "with", "against", "from", "between")
# A cue that puts the whole sentence in doubt: "It is not known whether Japan … will offer".
_SCOPE = re.compile(r"\bnot\s+known\s+whether\b|\bunclear\s+whether\b|\bremains?\s+to\s+be\s+seen\b|"
                    r"\byet\s+to\s+be\s+(?:confirmed|decided)\b", re.I)
_AGREEMENT = re.compile(r"\b(?:pact|deal|agreement|accord)\b", re.I)
_FIRM = (S.COMMITTED, S.PLEDGED, S.WILLING, S.FULFILLED)
_WE = re.compile(r"(?<![\w])(?:we|We|our|Our|he|He|his country)(?![\w])")
_PERIOD = re.compile(r"(?:(?P<n>\d+|ten|five|three|two|twenty)[- ]year\b|over\s+(?:the\s+course\s+of\s+)?the\s+next\s+"
                     r"(?P<m>\d+|ten|five|three|two|twenty)\s+years)", re.I)
_WORDNUM = {"two": 2, "three": 3, "five": 5, "ten": 10, "twenty": 20}
_CONTENT = re.compile(r"(?:non-?lethal|lethal|humanitarian|defen[cs]e|reconstruction|financial|military)"
                      r"\s*(?:aid|assistance|support|efforts)?|aid\s+for\s+reconstruction(?:\s+efforts)?", re.I)
_SPEAKS = re.compile(r"\b([A-Z][\w'’-]+)\s+(?:has\s+)?" + alternation(
    verb_forms(["say"], ("s", "past")) | verb_forms(["tell", "remark", "state", "add", "announce", "note"], ("past",))) + r"\b")
_GIVING = Folded(r"\b(?:provid|suppl|send|sent|offer|contribut|involv|deliver|coalition)")
_ACTS_NAMED = frozenset({K.GROUND_TROOPS, K.PEACEKEEPERS, K.SECURITY_GUARANTEE, K.PARTICIPATION})
_FOLLOW = re.compile(r"^\W*(?:Because|Since|Unless|Until|As\s+long\s+as)\b")


def _leaders(text: str) -> dict[str, str]:
    """Surname -> country from "Japanese Prime Minister Ishiba Shigeru" / "Finnish prime minister
    Alexander Stubb" in this article, over the built-in table."""
    found = dict(LEADERS)
    for m in _LEADER.finditer(text):  # the title first, then the country before it: one scan of the text
        c = _BEFORE_TITLE.search(text, max(0, m.start() - 40), m.start())
        if c is None:
            continue
        for name in m.group("name").split():
            found[name] = COUNTRIES[c.group("c")]
    return found


def _status_cues(sent: str, low: str) -> list[tuple[int, int, CommitmentStatus]]:
    cues: list[tuple[int, int, CommitmentStatus]] = []
    taken: list[tuple[int, int]] = []
    for status, rx in _STATUS:  # earlier statuses win where cues overlap ("would not provide")
        for start, end in rx.spans(sent, low):
            if any(start < b and a < end for a, b in taken):
                continue
            cues.append((start, end, status))
            taken.append((start, end))
    return sorted(cues)


def _actors(sent: str, before: int, leaders: Mapping[str, str], speaker: str | None,
            aided: frozenset[str] = frozenset()) -> tuple[list[str], str | None]:
    """Countries acting in ``sent`` before offset ``before``: the last subject group, else a leader,
    else the speaker's country for "we"/"he"; never the article's recipient (``aided``). Returns
    them and the speaker's name when used."""
    head = sent[:before]
    groups: list[tuple[int, list[str]]] = []
    skipped_at = -1
    for m in _COUNTRY.finditer(head):
        name = m.group("name")
        country = COUNTRIES.get(name)
        if country is None or country in aided or country == "Russia":
            continue
        left = head[: m.start()]
        between = head[skipped_at : m.start()]
        in_list = skipped_at >= 0 and re.fullmatch(r"\s*(?:,|and|or|,\s*(?:and|or))\s*(?:the\s+)?", between)
        if _EXAMPLE.search(left) or _RECIPIENT.search(left) or in_list:
            skipped_at = m.end()
            continue
        if groups and re.fullmatch(r"\s*(?:,|and|,\s*and)\s*", head[groups[-1][0] : m.start()]):
            groups[-1][1].append(country)
        else:
            groups.append((m.end(), [country]))
        groups[-1] = (m.end(), groups[-1][1])
    if groups:
        return list(dict.fromkeys(groups[-1][1])), None
    if skipped_at >= 0 and not _WE.search(head[skipped_at:]):
        return [], None
    names = [m for m in re.finditer(r"\b[A-Z][\w'’-]+\b", head) if m.group() in leaders]
    if names:
        return [leaders[names[-1].group()]], names[-1].group()
    if speaker and _WE.search(head) and speaker in leaders:
        return [leaders[speaker]], speaker
    return [], None


def _recipient(sent: str, aided: frozenset[str]) -> str | None:
    """Whom a rule's mention gives to: a country ``sent`` names by its own name after "to", "for",
    "into" or "in" (troops "on the ground in Ukraine"), else the article's one recipient, else
    nobody named."""
    sent_to = _own_names(sent, _SENT_TO)
    return sent_to[0] if sent_to else next(iter(aided)) if len(aided) == 1 else None


def _kind_words(sent: str, kind: CommitmentKind, low: str) -> str | None:
    """The words of ``sent`` that named ``kind`` ("boots on the ground"), for the record's item."""
    rx = dict(_KINDS).get(kind)
    at = rx.first(sent, low) if rx is not None else None
    return sent[at[0] : at[1]] if at else None


def _period(sent: str) -> str | None:
    m = _PERIOD.search(sent)
    if not m:
        return None
    n = m.group("n") or m.group("m")
    years = int(n) if n.isdigit() else _WORDNUM[n.lower()]
    return f"P{years}Y"


C = CommitmentCategory


def _legacy_category(kind: CommitmentKind, content: Sequence[str]) -> CommitmentCategory:
    if kind is K.FUNDING:  # what the money is for ("humanitarian aid", "defense assistance"), else financial
        return category_of(" ".join(content), "", True)
    if kind is K.POLITICAL_GUARANTEE:
        return C.POLITICAL
    if kind is K.OTHER:
        return C.OTHER
    return C.MILITARY



def _named(words: str) -> set[str]:
    """The countries ``words`` name, by name or demonym."""
    return {COUNTRIES[m.group("name")] for m in _COUNTRY.finditer(words)}


def _own_names(words: str, after: re.Pattern[str] | None = None) -> list[str]:
    """The countries ``words`` name by their own name (:data:`_OWN_NAMES`), in order; with
    ``after``, only those right after what it matches (its end anchored: "to the ")."""
    return [COUNTRIES[m.group()] for m in _COUNTRY.finditer(words) if m.group() in _OWN_NAMES
            and (after is None or after.search(words[max(0, m.start() - 12) : m.start()]))]


def aided(text: str, title: str | None = None, acting: Sequence[str] = (), given: Sequence[str] = ()) -> frozenset[str]:
    """The countries an article (with its title) tells of giving to: each named by its own name after
    "to", "for" or "into" ("aid to Ukraine", "funding for Gaza", "trucks delivered into Ukraine"),
    or in ``given`` (the recipients of its parsed acts: "handed the armed forces of Ukraine 40
    trucks"; a demonym or a seat there only qualifies: "an escalation for Russian troops"), and
    never the one country a subject in ``acting`` names (the subjects of its acts: "Ukraine will buy
    …" acts; "Japan and Ukraine established a … pact that promised … assistance" is a pact with the
    recipient). Such a country is no actor where nothing names it so: it is the recipient."""
    named = {c for words in (title or "", text) for c in _own_names(words, _AIDED_BEFORE)}
    named.update(c for words in given for c in _own_names(words))
    return frozenset(named - {c for words in acting if len(one := _named(words)) == 1 for c in one})


def rule_mentions(
    text: str, article_id: str, dates: Sequence[DateMention] = (), quantities: Sequence[Quantity] = (),
    by_paragraph: Sequence[Sequence[tuple[int, int]]] | None = None, aided: frozenset[str] = frozenset(),
) -> list[CommitmentMention]:
    """The sub-kind rules' mentions (see the module's docstring); ``by_paragraph``: the sentences
    of each paragraph (split here when None); ``aided``: the article's recipients (:func:`aided`)."""
    leaders = _leaders(text)
    out: list[CommitmentMention] = []
    last_kinds: dict[str, tuple[CommitmentKind, ...]] = {}
    speaker: str | None = None
    if by_paragraph is None:
        by_paragraph = [[(pa + a, pa + b) for a, b in sentence_spans(text[pa:pb])] or [(pa, pb)]
                        for pa, pb in paragraphs(text)]
    for sents in by_paragraph:
        prev_time: PartialDate | None = None
        for si, (a, b) in enumerate(sents):
            sent = text[a:b]
            named = [m.group() for m in re.finditer(r"\b[A-Z][\w'’-]+\b", sent) if m.group() in leaders]
            time = next((t for d in dates if a <= d.start and d.end <= b and (t := d.date) is not None), None)
            found = _mentions(text, sent, a, b, article_id, leaders, speaker, last_kinds, sents, si, dates, quantities,
                              time or prev_time, aided)
            out.extend(found)
            said = [m.group(1) for m in _SPEAKS.finditer(sent) if m.group(1) in leaders]
            if said or named:
                speaker = (said or named)[-1]
            prev_time = time or prev_time
    return out


def _mentions(
    text: str, sent: str, a: int, b: int, article_id: str, leaders: Mapping[str, str], speaker: str | None,
    last_kinds: dict[str, tuple[CommitmentKind, ...]], sents: Sequence[tuple[int, int]], si: int,
    dates: Sequence[DateMention], quantities: Sequence[Quantity], time: PartialDate | None,
    aided: frozenset[str] = frozenset(),
) -> list[CommitmentMention]:
    low = sent.lower()
    kinds: list[tuple[int, CommitmentKind]] = [(start, kind) for kind, rx in _KINDS for start, _end in rx.spans(sent, low)]
    # a kind named as a thing ("intelligence", "training", "equipment") is support only in a sentence
    # that gives, offers or commits ("an intelligence report that could fuel further debate": none);
    # the kinds whose words are acts themselves ("deploying troops", "join the coalition") need none
    # (equipment and arms, the words of many a story about a military, only beside a verb that hands over)
    gives = _GIVING.first(sent, low)
    candidate = CANDIDATE.first(sent, low)
    kinds = [(p, k) for p, k in kinds if k in _ACTS_NAMED or gives or (k not in (K.EQUIPMENT, K.ARMS) and candidate)]
    money = [q for q in quantities if a <= q.start and q.end <= b and q.unit in CURRENCY_CODES]
    if money and candidate:  # a sum with no verb or noun of giving is no act ("deposits worth $1 trillion")
        kinds.append((money[0].start - a, K.FUNDING))
    if not kinds and not last_kinds:  # no kind named and none to carry: no mention, whatever the cues
        return []
    cues = _status_cues(sent, low)
    if not cues:
        return []
    tail = sent
    if si + 1 < len(sents) and _FOLLOW.search(text[sents[si + 1][0] : sents[si + 1][1]]):
        tail = sent + " " + text[sents[si + 1][0] : sents[si + 1][1]]
    conditions = tuple(name for name, rx in _CONDITIONS if rx.first(tail))
    content = tuple(dict.fromkeys(m.group().strip().lower() for m in _CONTENT.finditer(sent)))
    found: dict[tuple[str, CommitmentKind], CommitmentMention] = {}
    carried = False
    if not kinds:
        start, end, status = cues[0]
        actors, who = _actors(sent, start, leaders, speaker, aided)
        carry = [k for c in actors for k in last_kinds.get(c, ()) if k is not K.PARTICIPATION]
        if status not in (S.CONSIDERING, S.DECLINED, S.RULED_OUT, S.CONDITIONAL) or not carry:
            return []
        kinds = [(start, k) for k in dict.fromkeys(carry)]
        carried = True
    for pos, kind in kinds:
        best = min(cues, key=lambda c: (abs(pos - c[0]) + (40 if c[0] > pos else 0)))
        start, end, status = best
        if status is S.CONDITIONAL and conditions == ():
            continue
        actors, who = _actors(sent, start, leaders, speaker, aided)
        scope = _SCOPE.search(sent)
        if scope and status in _FIRM:
            start, end, status = scope.start(), scope.end(), S.CONSIDERING
        if kind is K.FUNDING and _AGREEMENT.search(sent):
            firm = [c for c in cues if c[2] is S.COMMITTED]
            if firm:
                start, end, status = firm[0]
        for actor in actors:
            key = (actor, kind)
            if key in found:
                continue
            found[key] = CommitmentMention(
                article_id=article_id, start=a, end=b, text=sent, actor=actor, kind=kind, status=status,
                cue=sent[start:end], recipient=_recipient(sent, aided), amount=money[0].text if money and kind is K.FUNDING else None,
                period=_period(sent) if kind is K.FUNDING else None, time=time,
                conditions=tuple(c for c in conditions if not (c == "US backstop" and actor == "United States")),
                speaker=who, content=content if kind is K.FUNDING else (), carried=carried,
                category=_legacy_category(kind, content), item=_kind_words(sent, kind, low),
            )
    for actor in {m.actor for m in found.values()}:
        if not carried:
            last_kinds[actor] = tuple(k for (c, k) in found if c == actor)
    return list(found.values())


KINDS = _KINDS  # the sub-kind lexicon, for the parse-based reading


def sub_kind(item: str, money: bool, category: CommitmentCategory) -> CommitmentKind:
    """The sub-kind of an act the parse read: the lexicon's that its item names first, else
    equipment for military items that name no aid, funding for money, financial and humanitarian
    aid, else other."""
    for kind, rx in _KINDS:
        if rx.first(item):
            return kind
    if category is CommitmentCategory.MILITARY and not re.search(
            r"(?i)\b(?:aid|assistance|support|funding|package)\b", item):
        return CommitmentKind.EQUIPMENT
    if money or category in (CommitmentCategory.FINANCIAL, CommitmentCategory.HUMANITARIAN):
        return CommitmentKind.FUNDING
    return CommitmentKind.OTHER
