"""Conflicts as a reader follows them: each side named by the sources that say it and the speaker
entity behind it (never a pronoun or a bare "officials"), article ids in summaries named by their
source labels, and a rewrite's additions shown as a note on the rewrite rather than as a
contradiction between sources.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from typing import Any

from storyfold.present.doc_index import DocIndex
from storyfold.present.humanize import human_date
from storyfold.present.models import ConflictView, RewriteNote, Side

__all__ = ["Speakers", "conflict_view", "readable", "rewrite_note"]

_ARTICLE_ID = re.compile(r"\b[0-9a-f]{16}\b")
_TIMEX_DATE = re.compile(r"\b\d{4}-(?:\d{2}(?:-\d{2})?|W\d{2}(?:-WE)?|Q[1-4]|SP|SU|FA|WI)\b")


def readable(ix: DocIndex, text: str) -> str:
    """``text`` (a conflict's summary) with article ids named by their source labels and TIMEX3
    dates as people write them."""
    text = _ARTICLE_ID.sub(lambda m: ix.label(m.group()) if m.group() in ix.articles else m.group(), text)
    return _TIMEX_DATE.sub(lambda m: human_date(m.group()), text)


class Speakers:
    """Who says what a claim's evidence span says: the speaker entity of a quote overlapping it, else
    the entity whose mention inside the span is the claim's attribution."""

    def __init__(self, ix: DocIndex) -> None:
        self.ix = ix
        self.quotes: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for q in ix.list("quotes"):
            if q.get("speaker_entity_id") in ix.entities:
                for v in q.get("variants", ()):
                    self.quotes[v["article_id"]].append((v["start"], v["end"], q["speaker_entity_id"]))
        self.mentions: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
        for e in ix.list("entities"):
            for m in e.get("mentions", ()):
                self.mentions[m["article_id"]].append((m["start"], m["end"], e["id"]))

    def of(self, record: Mapping[str, Any], *, speech: bool = False) -> str | None:
        """The speaker entity id of a claim (its ``attribution`` and ``evidence``), or ``None``;
        with ``speech``, of passages that need no attribution (a quote overlapping them suffices)."""
        said = (record.get("attribution") or "").casefold()
        if not said and not speech:
            return None
        for ev in record.get("evidence", ()):
            aid, a, b = ev["article_id"], ev["start"], ev["end"]
            for s, e, eid in self.quotes.get(aid, ()):
                if s < b and a < e:
                    return eid
            if not said:
                continue
            text = self.ix.articles.get(aid, {}).get("text", "")
            for s, e, eid in self.mentions.get(aid, ()):
                if a <= s and e <= b and text[s:e].casefold() in said:
                    return eid
        return None

    def inside(self, entity_id: str, record: Mapping[str, Any]) -> bool:
        """Whether a mention of ``entity_id`` lies inside one of ``record``'s evidence spans."""
        return any(eid == entity_id and ev["start"] <= s and e <= ev["end"]
                   for ev in record.get("evidence", ()) for s, e, eid in self.mentions.get(ev["article_id"], ()))


def _side(ix: DocIndex, speakers: Speakers, record: Mapping[str, Any], text: str, speech: bool = False) -> Side:
    outlets = ", ".join(sorted({ix.label(a) for a in record.get("article_ids", ())}))
    eid = speakers.of(record, speech=speech)
    name = ix.entities[eid]["name"] if eid else None
    return Side(label=" · ".join(x for x in (outlets, name) if x), text=text, speaker=name, speaker_entity_id=eid,
                sources=outlets,
                citations=ix.citations(record.get("article_ids", ()), record.get("evidence", ())))


def conflict_view(ix: DocIndex, c: Mapping[str, Any], speakers: Speakers) -> ConflictView:
    """A conflict with its sides. A conflict over a commitment's status or content has one side per
    article, its evidence passages (what each source says, in its words); any other has one side per
    claim; lacking both, one side per cited article."""
    sides: list[Side] = []
    if c.get("commitment_ids") and c.get("evidence"):
        by_article: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for ev in c["evidence"]:
            if ev.get("article_id") in ix.articles:
                by_article[ev["article_id"]].append(ev)
        for aid, evs in by_article.items():
            text = " … ".join(ix.articles[aid]["text"][e["start"] : e["end"]] for e in evs)
            sides.append(_side(ix, speakers, {"article_ids": [aid], "evidence": evs}, text, speech=True))
    else:
        for cid in c.get("claim_ids", ()):
            claim = ix.claims.get(cid)
            if claim:
                sides.append(_side(ix, speakers, claim, claim["text"]))
    if len(sides) < 2:  # no claim/commitment records to stand for the sides: one side per cited article
        sides = [Side(label=cit.label, text=cit.passage, citations=[cit], sources=cit.label)
                 for cit in ix.citations(c.get("article_ids", ()), c.get("evidence", ()))]
    return ConflictView(id=c.get("id", ""), kind=str(c.get("kind", "")), summary=readable(ix, c.get("summary", "")),
                        sides=sides)


def rewrite_note(ix: DocIndex, c: Mapping[str, Any]) -> RewriteNote | None:
    """The rewrite note a conflict stands for: its articles are a relation's source and rewrite, and
    its evidence is the relation's unsupported sentences (or it has none and the relation drops
    qualifiers); ``None`` for a conflict between sources."""
    involved = set(c.get("article_ids", ()))
    spans = {(e["article_id"], e["start"], e["end"]) for e in c.get("evidence", ())}
    for r in ix.list("relations"):
        if {r["a"], r["b"]} != involved or r["a"] == r["b"] or r["b"] not in ix.articles:
            continue
        unsupported = [(u.get("article_id", r["b"]), u["start"], u["end"]) for u in r.get("unsupported", ())]
        if spans and spans <= set(unsupported) or not spans and r.get("dropped_qualifiers"):
            text = ix.articles[r["b"]]["text"]
            return RewriteNote(id=c.get("id", ""), rewrite_id=r["b"], rewrite_label=ix.label(r["b"]),
                               source_id=r["a"], source_label=ix.label(r["a"]),
                               added=[text[s:e] for aid, s, e in unsupported if aid == r["b"]],
                               dropped_qualifiers=list(r.get("dropped_qualifiers") or ()))
    return None
