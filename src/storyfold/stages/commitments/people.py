"""Who is no actor and what is no thing given, where people stand in the clause: a country that
qualifies people who hold no office of state ("Star U.S. gymnasts", "10 U.S. senators … they"),
and people sent or a body directed with a task ("dispatching Sen. Shelley Moore Capito … to lead
talks"); people who act as a body though no name is theirs (legislators, voters); courts, whose
acts are rulings. Read by :mod:`storyfold.stages.commitments.commitments`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyfold.records import CommitmentStatus, EntityMention
from storyfold.stages.commitments.clauses import Clause
from storyfold.stages.commitments.status import ADOPT
from storyfold.text import wordnet

__all__ = ["OFFICE", "body", "court", "deciders", "errand", "legislators_propose", "of_people", "office_holder", "people_of"]

# An office of state: its holder acts for the state ("Defence Secretary Ben Wallace").
OFFICE = re.compile(r"(?i)\b(?:minister|secretary|president|chancellor|premier|ambassador|spokes(?:wo)?(?:man|person)"
                     r"|head\s+of\s+state|government|ministry|cabinet)\b")


def of_people(at: int, c: Clause, a: int, persons: Sequence[EntityMention], subj: str) -> bool:
    """Whether the name at ``at`` qualifies people in the subject ("Star U.S. gymnasts", "U.S.
    District Judge Robert Pitman": a noun of people, or a person the entities stage found) that
    hold no office of state (:data:`OFFICE`): those people act, not their country."""
    return not OFFICE.search(subj) and any(a + m[0] <= at < a + m[1] and (known or any(
        p.start <= a + h[0] < p.end for p in persons)) for m, h, known in c.on_people)


def court(actor: str) -> bool:
    """Whether ``actor`` is a court or a judge ("Supreme Court", "Fifth Circuit Court of Appeals",
    "the country's highest court", "federal judge"): the noun heading it (the last word before an
    "of") is one in WordNet's most frequent sense. What a court grants, extends or agrees to take up
    is a ruling, no commitment of its own."""
    words = re.split(r"\s+of\s+", actor, maxsplit=1)[0].split()
    head = words[-1].lower() if words else ""
    return head.isalpha() and wordnet.is_a(head, "court.n.01", "judge.n.01")


def people_of(after: str) -> bool:
    """Whether the words after a place name people of it who hold no office of state ("10 U.S.
    senators say they agree …"): a "they" after them stands for those people, not the place."""
    word = re.match(r"\s+([a-z]+)\b", after)
    return word is not None and not OFFICE.match(word.group(1)) and wordnet.people(word.group(1))


def errand(a: int, c: Clause, persons: Sequence[EntityMention]) -> bool:
    """Whether the act sends or directs people with a task, nothing given ("dispatching Sen. Shelley
    Moore Capito … to lead talks"): a person the entities stage found; or directs a body ("directed
    the FBI and U.S. attorneys' offices to meet …": WordNet's people or organisation; troops
    deployed "to quell the riots" are sent)."""
    head = (c.item_head or "").lower()
    return c.errand and c.item_at is not None and (any(p.start <= a + c.item_at[0] < p.end for p in persons) or (
        c.lemma == "direct" and head.isalpha() and (wordnet.people(head) or wordnet.sense_is_a(head, 2, "organization.n.01"))))


# People who decide on public money as a body: legislators and voters (WordNet's nouns under these).
_LEGISLATORS = ("legislator.n.01", "lawgiver.n.01")
_DECIDERS = (*_LEGISLATORS, "voter.n.01")


def deciders(subj: str, head: str, anchors: tuple[str, ...] = _DECIDERS) -> bool:
    """Whether a subject that names no one is a body of legislators or voters, headed by them
    ("senators", "Palmer voters") or by a group of them ("a group of bipartisan lawmakers"): they
    act as the subject words them."""
    words = re.findall(r"[A-Za-z]+", subj)
    if not head or not head.isalpha() or not words:
        return False
    return wordnet.is_a(head, *anchors) or (wordnet.is_a(head, "group.n.01", "social_group.n.01")
                                            and wordnet.is_a(words[-1].lower(), *anchors))


_POSSESSORS = frozenset({"my", "your", "his", "her", "its", "our", "their"})


def body(subj: str, head: str) -> bool:
    """Whether a subject that names no one is one body its own words qualify ("The state
    legislature", "the city council", "the university's board"): a singular noun whose two most
    frequent WordNet senses include an organisation or an assembly, after a word of its own (a bare
    "the company" stands for the last one named, "his family" for no body)."""
    words = [w for w in re.findall(r"[\w'’]+", subj) if w.lower() not in ("the", "a", "an")]
    return len(words) >= 2 and words[0].lower() not in _POSSESSORS and words[-1].lower() == head and head.isalpha() \
        and wordnet.lemma(head) == head and wordnet.sense_is_a(head, 2, "organization.n.01", "assembly.n.04")


def legislators_propose(text: str, a: int, c: Clause) -> bool:
    """Whether the act ``c`` (its sentence at ``a`` in ``text``), committed as the clause reads it,
    only puts forward what a body of legislators (not voters) states: they bind by adopting
    (passing, approving, voting), and what else they do with a sum ("senators unveiled a nearly $1
    trillion bipartisan infrastructure package") proposes it."""
    if c.status is not CommitmentStatus.COMMITTED or c.lemma in ADOPT or c.subject is None or c.subject_head is None:
        return False
    head = text[a + c.subject_head[0] : a + c.subject_head[1]].lower()
    return deciders(text[a + c.subject[0] : a + c.subject[1]], head, _LEGISLATORS)


def office_holder(text: str, a: int, at: int, persons: Sequence[EntityMention]) -> str | None:
    """The last person named between ``a`` (the sentence's start) and ``at`` (a nameless
    government's) with an office of state (:data:`OFFICE`) before or in their name: "President
    Trump announced on Monday that the federal government will distribute …" is Trump's act."""
    return next((p.text for p in reversed(persons) if a <= p.start and p.end <= at
                 and OFFICE.search(text[max(a, p.start - 25) : p.end])), None)
