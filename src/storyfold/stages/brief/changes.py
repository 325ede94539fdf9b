"""What changed from one event of a story to the next, told in the brief's event sections.

- **figures updated**: an ``update`` conflict (the reconcile stage's figure changed between events)
  is told in the event of its later report: "Figures differ on the force's size: “more than 10,000”
  at first; later reports speak of “several hundred”.";
- **status changes**: a commitment of one actor, kind and recipient whose status differs from that
  of the same actor, kind and recipient in an earlier event: "Japan is ready to send peacekeepers
  to Ukraine; earlier reports: considering.";
- **contested**: a ``contradiction`` between outlets on a commitment, told in the event holding
  most of its reports: "Reports differ on Japan's security guarantee: one outlet says
  “considering”, another says “will provide”.".

Each comes with the spans it rests on (the sentences of both versions), for the support check.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from storyfold.records import Commitment, Conflict, ConflictKind, Evidence

__all__ = ["MAX_CHANGES", "Change", "event_changes"]

MAX_CHANGES = 3  # change lines per event


@dataclass(slots=True)
class Change:
    text: str
    kind: str  # update, status, conflict
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    claim_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()


def _event_of_ids(ids: Sequence[str], event_of: Mapping[str, str], order: Mapping[str, int]) -> str | None:
    found = Counter(event_of[a] for a in ids if a in event_of)
    return min(found, key=lambda e: (-found[e], order[e])) if found else None


def event_changes(events: Sequence[str], event_of: Mapping[str, str], conflicts: Sequence[Conflict],
                  commitments: Sequence[Commitment], sentence: Callable[[Evidence], Evidence],
                  status_sentence: Callable[[Commitment], str]) -> dict[str, list[Change]]:
    """Change lines per event id (``events`` in date order; ``event_of`` maps article ids to events).
    ``sentence`` widens an evidence span to its sentence, ``status_sentence`` words a commitment."""
    order = {e: i for i, e in enumerate(events)}
    out: dict[str, list[Change]] = {e: [] for e in events}
    for c in conflicts:
        evidence = tuple(dict.fromkeys(sentence(e) for e in c.evidence))
        if not c.about or len(c.sides) != 2:
            continue  # e.g. a rewrite adding sentences: the report lists it, the brief does not retell it
        first, later = c.sides
        if c.kind == ConflictKind.UPDATE and not c.commitment_ids:  # a figure changed between events
            where = event_of.get(later.article_id) or _event_of_ids(c.article_ids, event_of, order)
            text = (f"Figures differ on {c.about}: \u201c{first.says}\u201d at first; "
                    f"later reports speak of \u201c{later.says}\u201d.")
            kind = "update"
        elif c.kind == ConflictKind.CONTRADICTION and first.cue and later.cue:  # statuses at the same time
            where = _event_of_ids(c.article_ids, event_of, order)
            text = (f"Reports differ on {c.about}: one outlet says \u201c{first.cue}\u201d, "
                    f"another says \u201c{later.cue}\u201d.")
            kind = "conflict"
        else:
            continue  # a status that changed between events is told as a status change below
        if where is not None:
            out[where].append(Change(text=text, kind=kind, article_ids=tuple(c.article_ids), evidence=evidence,
                                     claim_ids=tuple(c.claim_ids), commitment_ids=tuple(c.commitment_ids)))
    # status changes: the first event a commitment is reported in, against the same actor and kind before
    first: dict[str, int] = {}
    for c in commitments:
        seen = [order[event_of[a]] for a in c.article_ids if a in event_of]
        if seen:
            first[c.id] = min(seen)
    for c in commitments:
        if c.id not in first or first[c.id] == 0:
            continue
        if c.recipient is None:
            continue  # a commitment to no one named is no later version of one to someone
        earlier = [o for o in commitments if o.id in first and first[o.id] < first[c.id] and o.actor == c.actor
                   and o.kind == c.kind and o.recipient == c.recipient and o.status != c.status
                   and all(order.get(event_of.get(a, ""), 0) < first[c.id] for a in o.article_ids)]
        if not earlier:
            continue
        before = max(earlier, key=lambda o: (first[o.id], o.independent_sources, o.id))
        evidence = tuple(dict.fromkeys(sentence(e) for e in (*c.evidence, *before.evidence)))
        text = status_sentence(c)[:-1] + f"; earlier reports: {before.status}."
        aids = tuple(dict.fromkeys((*c.article_ids, *before.article_ids)))
        out[events[first[c.id]]].append(Change(text=text, kind="status", article_ids=aids, evidence=evidence,
                                               claim_ids=tuple(dict.fromkeys((*c.claim_ids, *before.claim_ids))),
                                               commitment_ids=(before.id, c.id)))
    rank = {"update": 0, "status": 1, "conflict": 2}
    for e in out:
        out[e].sort(key=lambda ch: (rank[ch.kind], ch.text))
    return out
