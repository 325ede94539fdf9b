"""Who is no actor and what is no thing given, where people stand in the clause: a country that
qualifies people who hold no office of state ("Star U.S. gymnasts", "10 U.S. senators … they"),
and people sent or a body directed with a task ("dispatching Sen. Shelley Moore Capito … to lead
talks"). Read by :mod:`storyfold.stages.commitments.commitments`."""

from __future__ import annotations

import re
from collections.abc import Sequence

from storyfold.records import EntityMention
from storyfold.stages.commitments.clauses import Clause
from storyfold.text import wordnet

__all__ = ["OFFICE", "errand", "of_people", "people_of"]

# An office of state: its holder acts for the state ("Defence Secretary Ben Wallace").
OFFICE = re.compile(r"(?i)\b(?:minister|secretary|president|chancellor|premier|ambassador|spokes(?:wo)?(?:man|person)"
                     r"|head\s+of\s+state|government|ministry|cabinet)\b")


def of_people(at: int, c: Clause, a: int, persons: Sequence[EntityMention], subj: str) -> bool:
    """Whether the name at ``at`` qualifies people in the subject ("Star U.S. gymnasts", "U.S.
    District Judge Robert Pitman": a noun of people, or a person the entities stage found) that
    hold no office of state (:data:`OFFICE`): those people act, not their country."""
    return not OFFICE.search(subj) and any(a + m[0] <= at < a + m[1] and (known or any(
        p.start <= a + h[0] < p.end for p in persons)) for m, h, known in c.on_people)


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
