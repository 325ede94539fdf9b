"""Commitments: who (a country, a union, an organisation) will, may or will not give what to
whom, and how firmly, on any story.

Two readings per sentence. The sub-kind rules (:mod:`storyfold.stages.commitments.rules`) find the
kinds of support a peace-keeping story names ("boots on the ground", "security guarantees") with
their status cues and conditions. The parse (:mod:`storyfold.stages.commitments.clauses`) reads every
act of giving, deciding or imposing: its governing verb decides the status, its subject the actor,
its object the item; a sentence the rules already gave for an actor is not read again for it.

* **actor**: a country or union in the subject (any country: names, spellings, demonyms, capitals
  from the gazetteer), an organisation the entities stage found there, a person the article ties
  to a country ("Arvydas Anušauskas, Lithuanian defence minister"), else the person themself; a
  pronoun or a nameless subject ("the government") stands for the last place named before it, a
  nameless organisation ("the company") for the last one named; a verbless note ("Transfer
  of 40 IFVs from Greece to Ukraine") for the country it names, else the one the title names;
* **category**: the coarse category (military, financial, humanitarian, political, other) from the
  item's words (the lexicon, then WordNet: :mod:`storyfold.stages.commitments.category`), then its
  clause's; an item that names no kind of thing ("a package", an amount) reads its sentence, then
  the rest of its paragraph; a money amount with no other word is financial. ``kind`` is the
  sub-kind where a rule names one, else ``funding`` for money or aid, else ``other``;
  what a state or a person undertakes to do (no kind of thing named) is political;
* **item** as the article words it, **units** from a count inside it;
* **amount** and **period**: the money quantity inside the act's own clause (not that of a
  coordinated act, nor a whole it takes part of or the level it rose from where the clause states
  another), else the sentence's money that no other act's clause holds: the last such before the
  act's verb (what a clause ahead of it states: "asking for $1.8 trillion in new spending to …
  provide more help", not the "$1 trillion+" class of package before that), else the first after.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import (
    Article,
    CommitmentCategory,
    CommitmentKind,
    CommitmentMention,
    CommitmentStatus,
    DateMention,
    EntityMention,
    Quantity,
)
from storyfold.stages.claims import parsed_paragraphs
from storyfold.stages.commitments.category import category_of
from storyfold.stages.commitments.clauses import NOMINAL, Clause, clauses_of_paragraphs
from storyfold.stages.commitments.headlines import common_words
from storyfold.stages.commitments.objects import REQUESTS, RULINGS
from storyfold.stages.commitments.people import OFFICE as _OFFICE
from storyfold.stages.commitments.people import body, court, deciders, legislators_propose, office_holder
from storyfold.stages.commitments.people import errand as _errand
from storyfold.stages.commitments.people import of_people as _of_people
from storyfold.stages.commitments.people import people_of as _people_of
from storyfold.stages.commitments.places import ACTOR_NAMES, LISTED, UNIONS, coordinated
from storyfold.stages.commitments.places import bracketed as _bracketed
from storyfold.stages.commitments.places import places as _places
from storyfold.stages.commitments.repeats import Reading, one_act_per_sum, with_reading
from storyfold.stages.commitments.rules import COUNTRIES, LEADERS, aided, before_name, rule_mentions, sub_kind
from storyfold.stages.commitments.status import conditions_of
from storyfold.stages.commitments.values import valued_later
from storyfold.text import wordnet
from storyfold.text.cache import CACHE_TEXTS, TextCache
from storyfold.text.gazetteer import CURRENCY_CODES, CURRENCY_SIGNS
from storyfold.text.lexicon import COMMISSIVE, verb_forms
from storyfold.text.nlp import load_spacy, paragraphs
from storyfold.text.sentences import SentenceIndex

__all__ = ["COUNTRIES", "CommitmentsStage", "find_commitments", "find_general"]

K = CommitmentKind

def find_commitments(
    text: str, article_id: str, dates: Sequence[DateMention] = (), quantities: Sequence[Quantity] = (),
    entities: Sequence[EntityMention] = (), title: str | None = None, nlp: Any | None = None,
    cache: TextCache[tuple[Clause, ...]] | None = None, docs: TextCache[Any] | None = None,
    sentences: SentenceIndex | None = None,
) -> list[CommitmentMention]:
    """Every commitment mention in one article's text: the sub-kind rules' mentions, then the acts
    the parse reads for the actors the rules did not find in that sentence. The parse is the claims
    stage's (``docs``: its Docs by paragraph text) where it holds the paragraph, else ``nlp``'s (a
    spaCy pipeline with a parser; the default model when None); ``sentences``: the article's
    sentence index (split here when None)."""
    if nlp is None:
        nlp = _default_nlp()
    index = sentences if sentences is not None and sentences.length == len(text) else SentenceIndex.of(text)
    paras = list(paragraphs(text))
    read = clauses_of_paragraphs(nlp, [text[pa:pb] for pa, pb in paras], cache, docs)
    by_paragraph = _by_paragraph(paras, index)
    found: list[tuple[int, int, tuple[Clause, ...]]] = []
    for (pa, _pb), spans, acts in zip(paras, by_paragraph, read, strict=True):
        starts = [a - pa for a, _ in spans]
        own: list[list[Clause]] = [[] for _ in spans]
        for c in acts:
            own[max(0, bisect.bisect_right(starts, c.verb[0]) - 1)].append(c)
        found.extend((a, b, tuple(_shift(c, a - pa, b - a) for c in cs)) for (a, b), cs in zip(spans, own, strict=True))
    given_to = _given_to(text, title, found)
    legacy = rule_mentions(text, article_id, dates, quantities, by_paragraph, given_to)
    taken: set[tuple] = {(m.start, m.actor) for m in legacy} | {(m.start, m.actor, m.kind, m.amount) for m in legacy}
    summed = {(m.start, m.actor, m.amount) for m in legacy if m.amount}
    read: dict[tuple, Reading] = {}
    general = find_general(text, article_id, found, quantities, entities, title, dates, taken, read, given_to)
    legacy = [with_reading(m, got) if (got := read.get((m.start, m.actor, m.kind, m.amount))) else m for m in legacy]
    # The same sum for the same actor in one sentence is one act: where the parse read it as a thing
    # of its own under another sub-kind ("150 million EUR in weapons": arms, not funding), the
    # parse's mention (with its item and units) stands for it.
    read_sums = {(m.start, m.actor, m.amount) for m in general if m.amount} & summed
    legacy = [m for m in legacy if (m.start, m.actor, m.amount) not in read_sums]
    return one_act_per_sum(sorted(legacy + general, key=lambda m: (m.start, m.end)))


def _by_paragraph(paras: Sequence[tuple[int, int]], index: SentenceIndex) -> list[list[tuple[int, int]]]:
    """The sentences of each paragraph (a paragraph the splitter left empty: itself)."""
    out = []
    for pa, pb in paras:
        i = bisect.bisect_left(index.starts, pa)
        spans = []
        while i < len(index.spans) and index.spans[i][0] < pb:
            spans.append(index.spans[i])
            i += 1
        out.append(spans or [(pa, pb)])
    return out


def _shift(c: Clause, offset: int, length: int) -> Clause:
    """``c`` with its paragraph offsets made relative to its sentence (``offset``, ``length``)."""

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        if span is None:
            return None
        a, b = max(0, span[0] - offset), min(length, span[1] - offset)
        return (a, b) if a < b else None

    scope = tuple(s for s in (move(x) for x in c.scope) if s is not None)
    aside = tuple(s for s in (move(x) for x in c.aside) if s is not None)
    return c._replace(aside=aside, verb=move(c.verb) or (0, 0), cue=move(c.cue) or move(c.verb) or (0, 0), subject=move(c.subject),
                      subject_head=move(c.subject_head), item=move(c.item), recipient=move(c.recipient), scope=scope,
                      level=move(c.level), item_at=move(c.item_at),
                      on_people=tuple((m, h, k) for m, h, k in ((move(x), move(y), k) for x, y, k in c.on_people)
                                      if m is not None and h is not None))


def _default_nlp() -> Any:
    from storyfold.config import Settings

    return load_spacy(Settings().spacy_model, ("ner",))


class CommitmentsStage(ArticleStage):
    """Per-article commitment mentions; merged by (actor, kind, item) in the reconcile stage."""

    name = "commitments"
    version = "37"
    requires: ClassVar[tuple[str, ...]] = ("dates", "quantities")
    # after the claims stage when both run: its parse is read (no second parse)
    optional: ClassVar[tuple[str, ...]] = ("entity_mentions", "claim_mentions")
    provides: ClassVar[Mapping[str, type]] = {"commitment_mentions": CommitmentMention}

    def _nlp(self, ctx: Context) -> Any:
        name = ctx.settings.spacy_model
        return ctx.resource(f"spacy:{name}:claims", lambda: load_spacy(name, ("ner",)))  # the claims stage's parser

    def setup(self, ctx: Context) -> None:
        nlp = self._nlp(ctx)
        wordnet.load()  # the category's WordNet nouns, read once per process
        if "lemmatizer" in nlp.pipe_names and nlp.get_pipe("lemmatizer").lookups.has_table("lemma_index"):
            common_words(nlp.get_pipe("lemmatizer"))  # the words a title-case headline lower-cases

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        cache = ctx.resource(f"commitments:paragraphs:{ctx.settings.spacy_model}", lambda: TextCache(CACHE_TEXTS))
        found = find_commitments(article.text, article.id, inputs.get("dates", ()), inputs.get("quantities", ()),
                                 inputs.get("entity_mentions", ()), article.title, self._nlp(ctx), cache,
                                 # the claims stage's Docs, when it read this article first
                                 parsed_paragraphs(ctx) if inputs.get("claim_mentions") is not None else None,
                                 ctx.sentences(article))
        return {"commitment_mentions": tuple(found)}


# ---------------------------------------------------------------------------------------------
# Any donor, any kind of aid: acts read from the dependency parse (stages.commitment_clauses)
# ---------------------------------------------------------------------------------------------

C = CommitmentCategory
# The head words of what is given, by coarse category (CAMEO / Kiel level). A sentence's item is
# tested first, then the rest of its clause; a money amount with no other word is financial.
_MONEY_UNITS = CURRENCY_CODES
_MONEY_HEADS = CURRENCY_CODES | set(CURRENCY_SIGNS) | {"MILLION", "BILLION", "THOUSAND", "TRILLION", "DOLLAR", "EURO"}
# A subject with no name of its own stands for the article's last actor ("the government", "it").
_STANDIN = re.compile(r"^(?:the\s+)?(?:(?:federal|national|\w+ish|\w+an|\w+ese)\s+)?"
                      r"(?:government|cabinet|ministry|minister|prime\s+minister|president|chancellor|country|state"
                      r"|parliament|donor|authorities|it|they|we|he|she|ministry\s+of\s+[\w\s]+)$", re.I)
# An amount after these is a whole the act takes part of, or the level it rose from ("part of a 31
# million EUR package", "out of 1 billion", "from 1.7 billion EUR to 2 billion EUR"): the act's own
# amount is another, where its clause states one.
_WHOLE = re.compile(r"(?i)\b(?:out\s+of|part\s+of|share\s+of|portion\s+of|from)\s+(?:an?|the|its|their)?\s*"
                    r"(?:(?:overall|total)\s+(?:amount\s+)?(?:of\s+)?)?(?:about|around|approximately|some)?\s*$")
# An item that names no kind of thing ("a package", "aid", "the support", an amount of money) takes
# its category from what the following sentences of its paragraph say the aid is (this many characters).
_CONTEXT = 800
_GENERIC = NOMINAL | {"support", "help", "item", "material", "equipment", "commitment", "money", "effort",
                      "that", "which", "it", "this", "what"}  # a pronoun names nothing either
# A place after these is a recipient, a channel ("through the EU's Civil Protection Mechanism") or a
# partner ("in cooperation with the European Union"), not a donor; after "on", a target ("imposed on
# the Afghan people"); after "in", where something happens.
_TO = before_name("to", "for", "into", "in", "on", "against", "through", "via", "with")
# An organisation that is a body of a state acts for the state ("the Ministry of Foreign Affairs").
_GOVERNMENT_BODY = re.compile(r"(?i)\b(?:ministry|ministries|department|agency|government|cabinet|council\s+of\s+ministers"
                              r"|parliament|embassy|armed\s+forces|army|navy|air\s+force|chancellery|presidency)\b")
# What a state or a person in public life vows to do ("pledged to mobilize the FBI …") or imposes
# ("imposed the eviction moratorium"), naming no kind of aid, is political (an organisation's, other).
_PROMISED = verb_forms(COMMISSIVE)
_IMPOSE = frozenset({"impose"})
_ENACT = frozenset({"pass"})
# What states a sum of public money ("a $908 billion coronavirus relief bill", "a roughly $3.5 trillion
# budget"): WordNet's laws and legal documents, and plans (a budget's second sense).
_PUBLIC_MONEY = ("legislation.n.01", "legal_document.n.01", "plan.n.01")
_WHO = re.compile(r"\s*,?\s*who\b")
_NAME_ONLY = re.compile(r"[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,2}")  # "Pfizer agreed to supply …": a name, no common noun
_PERSON_TIE = re.compile(r"(?:[A-Z][\w'’.-]*|of|for|and|the|de|[a-z]+)(?:\s+|$)")


def _given_to(text: str, title: str | None, clauses: Sequence[tuple[int, int, tuple[Clause, ...]]]) -> frozenset[str]:
    """The article's recipients (:func:`rules.aided`): the countries its sentences of acts name
    after "to", "for" or "into" (not another sentence's: "the threat the force could present to
    Russia") and those its parsed acts give to, less those that act in them."""
    acts = [(a, c) for a, _b, cs in clauses for c in cs]
    return aided("\n".join(text[a:b] for a, b, cs in clauses if cs), title, [text[a + c.subject[0] : a + c.subject[1]] for a, c in acts
                               if c.subject is not None and not c.subject_pronoun],
                 [text[a + c.recipient[0] : a + c.recipient[1]] for a, c in acts if c.recipient is not None])


def _people(text: str, people: Sequence[EntityMention]) -> dict[str, str]:
    """Person name (and its last word) -> the country the article ties the person to in a title
    ("Lithuanian defence minister Arvydas Anušauskas", "Arvydas Anušauskas, Lithuanian defence
    minister", "Spain's Secretary of State … Pilar Cancela Rodríguez")."""
    found: dict[str, str] = {}
    for p in people:
        before = text[max(0, p.start - 90) : p.start]
        line = before.rsplit("\n", 1)[-1]
        cut = max(line.rfind(". "), line.rfind(", "), line.rfind("; "))
        window = line[cut + 2 :] if cut >= 0 else line
        places = _places(window)
        country = None
        if places and _PERSON_TIE.fullmatch(window[places[-1][1] :].strip() + " " if window[places[-1][1] :].strip() else ""):
            country = places[-1][2]
        after = re.match(r",\s+(?:the\s+|a\s+)?([^,.;]{0,80})", text[p.end : p.end + 90])
        if country is None and after:
            near = _places(after.group(1))
            if near and near[0][0] < 40:
                country = near[0][2]
        title = window[places[-1][1] :] if country is not None and places else ""
        if country is not None and not _OFFICE.search(title) and any(wordnet.people(w) for w in re.findall(r"[a-z]+", title.lower())):
            country = None  # people who hold no office of state ("U.S. District Judge Robert Pitman") act as themselves
        if country and country in COUNTRIES.values():
            found.setdefault(p.text, country)
            found.setdefault(p.text.split()[-1], country)
    return found


def _actor_of(text: str, a: int, c: Clause, people: Mapping[str, str], orgs: Sequence[EntityMention],
              last: str | None, title_actor: str | None, last_person: str | None,
              persons: Sequence[EntityMention] = (), given_to: frozenset[str] = frozenset()) -> str | None:
    """Who acts: a country or union named in the subject, an organisation the entities stage found
    there, a person the article ties to a country; a pronoun or a nameless subject ("the
    government") stands for the last place named before it ("he"/"she": the last person's country),
    else for the one country the title names."""
    named = _subject_actor(text, a, c, people, orgs, last, title_actor, last_person, persons) \
        if c.subject is not None else None
    if named is not None or (c.subject is not None and not c.agentless) or not (c.nominal or c.agentless):
        return named
    # a verbless note or a passive without its own agent (its subject, if any, is a governor's that
    # names no actor: "Source 2 specifies that 100 million euros will be issued"): a country or
    # demonym its clause names, not the recipient nor one in a clause aside
    places = [p for p in _places(text[a : a + c.scope[-1][1]])
              if p[2] not in given_to and not _TO.search(text[a : a + p[0]]) and not _bracketed(text[a : a + p[0]])
              and not any(x <= p[0] < y for x, y in c.aside)
              and (c.recipient is None or text[a + p[0] : a + p[1]] != text[a + c.recipient[0] : a + c.recipient[1]])]
    if places:
        return places[0][2]
    if c.nominal:
        return title_actor
    # money or aid given by nobody named ("the remaining 262 million SEK is allocated for
    # weapons"): the last place named before it, else the one country the title names
    head = (c.item_head or "").lower()
    return (last or title_actor) if head in _GENERIC or head.upper() in _MONEY_HEADS else None


def _subject_actor(text: str, a: int, c: Clause, people: Mapping[str, str], orgs: Sequence[EntityMention],
                   last: str | None, title_actor: str | None, last_person: str | None,
                   persons: Sequence[EntityMention] = ()) -> str | None:
    """The actor that the clause's subject names or stands for, if any: a person no title ties to
    a country or organisation acts as themself where the title names no one country ("Shelley
    Moore Capito offered to add …"), and so does the one a "he" or "she" stands for where no place
    is named before it; a nameless organisation ("the company") is the last one named."""
    assert c.subject is not None
    s0, s1 = a + c.subject[0], a + c.subject[1]
    subj = text[s0:s1]
    places = [p for p in _places(subj) if not LISTED.search(subj[: p[0]])  # not "nations like France, Germany"
              and not _of_people(s0 + p[0], c, a, persons, subj)]
    if places:
        return places[0][2]
    head_at = a + c.subject_head[0] if c.subject_head is not None else -1
    # a group (a party) acts where it heads the subject ("Democrats released …"), not where it
    # qualifies the acting noun ("European officials envisioned …")
    org = next((o for o in orgs if s0 <= o.start and o.end <= s1
                and (o.type.value == "organisation" or o.start <= head_at < o.end)), None)
    if org is not None and any(p.start <= head_at < p.end for p in persons):
        org = None  # a person heads the subject, the body qualifies them ("Senate Rules Committee Chairman Amy Klobuchar")
    if org is not None and c.subject_head is not None and org.end <= a + c.subject_head[0] \
            and re.fullmatch(r"(?:\s+[A-Z][\w'’.-]*)+", text[org.end : a + c.subject_head[1]]):
        return text[org.start : a + c.subject_head[1]]  # the name modifies the acting one: "Senate Republicans"
    if org is not None:
        if org.text not in UNIONS and _GOVERNMENT_BODY.search(org.text):  # "the Department of Human Resources"
            return last or title_actor or org.text  # a body of the state named last
        return UNIONS.get(org.text, org.text)
    for name, country in people.items():
        if name in subj:
            return country
    if re.fullmatch(r"(?i)he|she|his|her", subj.strip()):
        if last_person is not None or last is not None or title_actor is not None:
            return last_person
        # no place named before it: the last person named before it, acting as themself ("after
        # O'Brien acknowledged he gave about $6 , 000")
        before = [p for p in persons if a - 400 <= p.start and p.end <= s0]
        return before[-1].text if before else None
    head = text[a + c.subject_head[0] : a + c.subject_head[1]].lower() if c.subject_head else ""
    if c.subject_pronoun or _STANDIN.match(subj.strip()) or head in NOMINAL or head.removesuffix("s") in NOMINAL:
        # a nameless subject, the aid itself ("The package provides …"); a government, else its office holder
        standin = _STANDIN.match(subj.strip()) and not c.subject_pronoun
        return last or title_actor or (office_holder(text, a, s0, persons) if standin else None)
    person = next((p.text for p in persons if s0 <= p.start and p.end <= s1), None)
    # a name the entities stage did not find is someone's where a "who" qualifies it ("Klaw , who paid …")
    # or it opens a headline whose verb is a "to" ("DeVos to cancel $150M in student loans …")
    if person is None and head.isalpha() and text[a + c.subject_head[0]].isupper() and wordnet.lemma(head) is None and (
            _WHO.match(text, s1) or (s0 == a and text[a + c.cue[0] : a + c.cue[1]] == "to") or _NAME_ONLY.fullmatch(subj.strip())):
        person = re.sub(r"^(?:the|The)\s+", "", subj.strip())
    known = LEADERS.get(person.split()[-1]) if person is not None else None
    person = known or person
    if _OFFICE.search(subj):  # an office holder no title ties to a country ("Defence Secretary Ben Wallace"),
        return known or last or title_actor or person  # but a known head of government is their country's
    if person is not None:
        return title_actor or person
    if deciders(subj, head) or body(subj, head):  # "senators unveiled …", "The state legislature approved …"
        return re.sub(r"(?i)^(?:an?|the)\s+", "", subj.strip())
    if head and subj.strip().lower() in (head, f"the {head}") and wordnet.is_a(head, "organization.n.01"):
        named = [o for o in orgs if o.end <= s0 and o.type.value == "organisation"]  # "the company would provide …"
        return named[-1].text if named else None
    return None


def find_general(
    text: str, article_id: str, clauses: Sequence[tuple[int, int, tuple[Clause, ...]]], quantities: Sequence[Quantity],
    entities: Sequence[EntityMention] = (), title: str | None = None, dates: Sequence[DateMention] = (),
    taken: set[tuple] | None = None, read: dict[tuple, Reading] | None = None,
    given_to: frozenset[str] | None = None,
) -> list[CommitmentMention]:
    """Commitments read from the parsed acts of each sentence ``(start, end, clauses)``; an act the
    rules gave already (``taken``: by sentence start, actor, sub-kind and amount) is left out, its
    reading (:class:`~storyfold.stages.commitments.repeats.Reading`) put in ``read`` under that key; ``given_to``: the article's recipients (:func:`aided`,
    read here when None)."""
    if given_to is None:
        given_to = _given_to(text, title, clauses)
    people = _people(text, [e for e in entities if e.type.value == "person"])
    orgs = [e for e in entities if e.type.value == "organisation"]
    # a group or a place the entities stage found heading the subject (a party: "Democrats released
    # their $3.5 trillion budget plan"; a city for its team or its government: "Tampa have signed
    # defensive end Patrick Chukwurah") acts as an organisation does; a nationality, a country or a
    # capital is a country, read from the gazetteer first
    actors = sorted(orgs + [e for e in entities if e.type.value in ("group", "place")], key=lambda e: e.start)
    named_persons = [e for e in entities if e.type.value == "person"]
    org_names = {o.text for o in orgs} - set(UNIONS)  # organisations that are not a union of states
    title_places = {p[2] for p in _places(title or "")} - given_to
    title_actor = next(iter(title_places)) if len(title_places) == 1 else None
    money = [q for q in quantities if q.unit in _MONEY_UNITS and q.value]
    counts = [q for q in quantities if q.unit is None and q.value and q.counts]
    out: list[CommitmentMention] = []
    last: str | None = None
    for a, b, acts in clauses:
        sent = text[a:b]
        time = next((t for d in dates if a <= d.start and d.end <= b and (t := d.date) is not None), None)
        for c in acts:
            # the places named before it, not those a recipient, a place where, a channel or a partner
            # ("trucks arrived in Ukraine", "through the EU …", as in the clause itself: _TO) nor one
            # in brackets
            lead = max(0, a - 400)
            before = [p for p in _places(text[lead : a + (c.subject or c.verb)[0]])
                      if p[2] not in given_to and not _TO.search(text[lead : lead + p[0]])
                      and not _bracketed(text[lead : lead + p[0]]) and not _people_of(text[lead + p[1] : lead + p[1] + 40])]
            last = before[-1][2] if before else last
            persons = [e for e in entities if e.type.value == "person" and e.end <= a + (c.subject or c.verb)[0]
                       and (e.text in people or e.text.split()[-1] in people or e.text.split()[-1] in LEADERS)]
            last_person = None
            if persons:
                name = persons[-1].text
                last_person = people.get(name) or people.get(name.split()[-1]) or LEADERS.get(name.split()[-1])
            if c.contents and (out or any(key[0] < a for key in taken or ())):
                continue  # what an act stated before holds: that act's part, not an act of its own
            if c.measure and (any(o is not c and not o.measure for o in acts) or any(
                    m.amount is None and "\n" not in text[m.start : a] for m in out)):
                continue  # the worth of another act in its sentence, or of one before it that states none
            actor = _actor_of(text, a, c, people, actors, last, title_actor, last_person, named_persons, given_to)
            recipient = text[a + c.recipient[0] : a + c.recipient[1]] if c.recipient else None
            recipient = ACTOR_NAMES.get(recipient or "", recipient)
            if actor is None or actor == recipient or (recipient is None and actor in given_to) or _errand(a, c, named_persons) \
                    or court(actor):
                continue
            if taken is not None and (a, actor) in taken and not c.item:
                continue
            scope = [(a + x, a + y) for x, y in c.scope]
            beside = () if c.nominal or c.agentless else [(a + x, a + y) for x, y in c.aside]  # "… until a $3.5 trillion package …"
            inside = sorted((q for q in money if any(x <= q.start and q.end <= y for x, y in scope)
                             and not any(x <= q.start < y for x, y in beside)),
                            key=lambda q: q.qualifier == "from" or bool(_WHOLE.search(text[max(a, q.start - 40) : q.start])))
            item = text[a + c.item[0] : a + c.item[1]] if c.item else ""
            head = c.item_head
            m_item = next((q for q in inside if c.item and a + c.item[0] <= q.start < a + c.item[1]), None)
            if m_item is not None and (head or "").upper() in _MONEY_HEADS:  # "70 million AUD in military aid"
                rest = re.search(r"\b(?:in|of|for|worth\s+of)\s+(.+)$", text[m_item.end : a + c.item[1]])
                item, head = (rest.group(1), rest.group(1).split()[-1].lower()) if rest else (item, "money")
            level = next((q for q in inside if c.level and a + c.level[0] <= q.start < a + c.level[1]), None)
            amount = level or m_item or (inside[0] if inside else None)  # the level a change goes to first
            if amount is None:  # the sentence's money that no other act's clause holds is this act's,
                # the nearest before its verb first
                # (a sum asked for is also that of what it is asked for: "asking for $1.8 trillion … to …
                # provide more help")
                others = [(a + x, a + y) for o in acts if o is not c and not o.nominal and not o.measure
                          and o.lemma not in REQUESTS for x, y in o.scope]
                free = [q for q in money if a <= q.start and q.end <= b
                        and not any(x <= q.start and q.end <= y for x, y in [*others, *beside])]
                before_verb = [q for q in free if q.end <= a + c.verb[0]]
                amount = before_verb[-1] if before_verb else (free[0] if free else None)
            clause_text = " ".join(text[x:y] for x, y in scope)
            para_end = text.find("\n", b)
            generic = not item.strip() or (head or "").lower() in _GENERIC or (head or "").upper() in _MONEY_HEADS
            context = text[b : para_end if para_end >= 0 else len(text)][:_CONTEXT] if generic else ""
            category = category_of(item, clause_text, amount is not None, sent if len(acts) == 1 else "", context)
            if category is C.OTHER and (c.lemma in _ENACT or actor not in org_names and (
                    c.undertaking or c.lemma in _IMPOSE or sent[c.cue[0] : c.cue[1]].lower() in _PROMISED
                    or (head or "").isalpha() and wordnet.sense_is_a(head.lower(), 2, *RULINGS))):
                category = C.POLITICAL  # what a state or a person in public life undertakes, vows, imposes
                # or signs into force, and a law a legislature passes, that names no kind of aid
            if m_item is not None and (head or "").isalpha() and (wordnet.sense_is_a(head.lower(), 2, *_PUBLIC_MONEY) or (
                    head.lower() in ("fund", "funds", "money") and wordnet.sense_is_a(actor.split()[-1].lower(), 2, "legislature.n.01"))):
                category = C.FINANCIAL  # a law, a bill or a budget stating its sum, or funds a legislature gives:
                # public money, whatever it is for
            kind = sub_kind(item, amount is not None, category)
            if taken is not None and (key := (a, actor, kind, amount.text if amount else None)) in taken:
                if read is not None:
                    read.setdefault(key, Reading(category, conditions_of(sent, c.status, c.cue), c.status,
                                                  sent[c.cue[0] : c.cue[1]], c.scope))
                continue  # the rules gave this sub-kind, with this amount, for this actor here
            unit_q = next((q for q in counts if c.item and a + c.item[0] <= q.start < a + c.item[1]), None)
            status = CommitmentStatus.WILLING if legislators_propose(text, a, c) else c.status
            out.append(CommitmentMention(
                article_id=article_id, start=a, end=b, text=sent, actor=actor, kind=kind, status=status,
                cue=sent[c.cue[0] : c.cue[1]], recipient=recipient, amount=amount.text if amount else None,
                conditions=conditions_of(sent, status, c.cue),
                period=amount.period if amount else None, time=time, category=category, item=item.strip() or None,
                units=int(unit_q.value) if unit_q and unit_q.value and unit_q.value.is_integer() else None,
                item_key=(head or kind.value).lower(),
            ))
            # one act of each state the subject coordinates with the actor ("Britain and France have
            # offered …"); a sum or a count it states is theirs jointly, left on the first state's row
            subj = text[a + c.subject[0] : a + c.subject[1]] if c.subject else ""
            named = _places(subj)
            co = coordinated(subj, named) if named and named[0][2] == actor else []
            out.extend(replace(out[-1], actor=name, amount=None, period=None, units=None) for name in co
                       if name != recipient and name not in given_to and (taken is None or (a, name) not in taken))
    return valued_later(text, clauses, money, out, taken)
