"""The cited brief, told event by event: per story, a short lead, then each event in date order
with its date range, its one to three most central, best-corroborated sentences, and what changed
from the previous event.

- **Sentences** (:mod:`storyfold.stages.brief.sections`): whole sentences of the story's articles,
  chosen by LexRank centrality over the sentences of every source of their event and by how many
  independent sources carry a sentence like them; each cites its own sentence and the closest
  sentence of every corroborating source, with the count in plain words ("reported by three
  independent outlets", "according to one outlet"). The story's lead is its best-supported sentence.
- **Changes** (:mod:`storyfold.stages.brief.changes`): figures updated, commitments whose status
  changed, contested commitments, each worded from the reconciled records
  ("Japan is still considering sending peacekeepers to Ukraine").
- **Dates** (:mod:`storyfold.stages.brief.dating`): a sentence is dated by the event it reports (the
  day its clause names when that lies within its event, else the event's), never by an incidental
  date inside it.

Every sentence is put through :func:`storyfold.stages.brief.support.check_support` against its cited
spans; what fails is dropped, so every sentence emitted passes the check.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Any, ClassVar

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import (
    Article,
    BriefDigest,
    BriefSection,
    BriefSentence,
    Claim,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    DateMention,
    Event,
    Evidence,
    Lineage,
    PartialDate,
    Precision,
    date_order,
)
from storyfold.stages.brief.changes import MAX_CHANGES, Change, event_changes
from storyfold.stages.brief.dating import EventWindow, lead_day, sentence_date
from storyfold.stages.brief.digest import story_digest
from storyfold.stages.brief.sections import MAX_SENTENCE, Pick, Weights, pick_sections
from storyfold.stages.brief.support import check_support
from storyfold.text.nlp import load_spacy
from storyfold.text.sentences import sentence_spans

__all__ = ["BriefStage", "build_brief", "commitment_sentence", "name_aliases", "source_phrase"]

NUMBER_NAMES = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")

# (infinitive, gerund) phrase per commitment kind
KIND_PHRASES: dict[str, tuple[str, str]] = {
    CommitmentKind.GROUND_TROOPS: ("send ground troops", "sending ground troops"),
    CommitmentKind.PEACEKEEPERS: ("send peacekeepers", "sending peacekeepers"),
    CommitmentKind.LOGISTICS: ("provide logistical support", "providing logistical support"),
    CommitmentKind.EQUIPMENT: ("provide equipment", "providing equipment"),
    CommitmentKind.ARMS: ("supply arms", "supplying arms"),
    CommitmentKind.INTELLIGENCE: ("share intelligence", "sharing intelligence"),
    CommitmentKind.AIR_SUPPORT: ("provide air support", "providing air support"),
    CommitmentKind.AIR_DEFENCE: ("provide air defence", "providing air defence"),
    CommitmentKind.BORDER_SURVEILLANCE: ("help with border surveillance", "helping with border surveillance"),
    CommitmentKind.FUNDING: ("provide funding", "providing funding"),
    CommitmentKind.TRAINING: ("provide training", "providing training"),
    CommitmentKind.POLITICAL_GUARANTEE: ("give a political guarantee", "giving a political guarantee"),
    CommitmentKind.SECURITY_GUARANTEE: ("give security guarantees", "giving security guarantees"),
    CommitmentKind.PARTICIPATION: ("take part in the coalition", "taking part in the coalition"),
    CommitmentKind.OTHER: ("contribute", "contributing"),
}
# plain-language status words: (template with {inf}/{ing}, weight)
STATUS_WORDS: dict[str, tuple[str, float]] = {
    CommitmentStatus.COMMITTED: ("has committed to {ing}", 2.0),
    CommitmentStatus.PLEDGED: ("has pledged to {inf}", 2.0),
    CommitmentStatus.FULFILLED: ("has followed through on {ing}", 2.0),
    CommitmentStatus.WILLING: ("is ready to {inf}", 1.5),
    CommitmentStatus.CONDITIONAL: ("is ready to {inf} on conditions", 1.5),
    CommitmentStatus.CONSIDERING: ("is still considering {ing}", 1.0),
    CommitmentStatus.DECLINED: ("declined for now to {inf}", 1.0),
    CommitmentStatus.RULED_OUT: ("has ruled out {ing}", 1.5),
}

def source_phrase(n: int) -> str:
    """Plain words for a count of independent sources."""
    word = NUMBER_NAMES[n] if 0 <= n < len(NUMBER_NAMES) else str(n)
    return "according to one outlet" if n <= 1 else f"reported by {word} independent outlets"


def _with_sources(text: str, n: int) -> str:
    text = text.strip()
    end = text[-1] if text and text[-1] in ".!?" else "."
    body = text[:-1] if text and text[-1] in ".!?" else text
    return f"{body} ({source_phrase(n)}){end}"


class _Texts:
    """Article texts, sentence spans and publication dates, looked up lazily."""

    def __init__(self, articles: Mapping[str, Article]) -> None:
        self.articles = articles
        self._spans: dict[str, list[tuple[int, int]]] = {}

    def text(self, aid: str) -> str:
        a = self.articles.get(aid)
        return a.text if a else ""

    def published(self, aids: Iterable[str]) -> PartialDate | None:
        dates = sorted(a.published for aid in aids if (a := self.articles.get(aid)) and a.published)
        return PartialDate.from_date(dates[0]) if dates else None

    def spans(self, aid: str) -> list[tuple[int, int]]:
        return self._spans.setdefault(aid, sentence_spans(self.text(aid)))

    def sentence(self, ev: Evidence) -> Evidence:
        """The whole sentence(s) around an evidence span (the span itself when that is too long)."""
        text = self.text(ev.article_id)
        if not text or not 0 <= ev.start < ev.end <= len(text):
            return ev
        spans = self.spans(ev.article_id)
        start = max((s for s, _ in spans if s <= ev.start), default=ev.start)
        end = min((e for _, e in spans if e >= ev.end), default=ev.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > MAX_SENTENCE:
            start, end = ev.start, ev.end
        return Evidence(article_id=ev.article_id, start=start, end=end, text=text[start:end])


def name_aliases(groups: Iterable[Iterable[str]]) -> dict[str, tuple[str, ...]]:
    """Lower-cased name -> every name of the same entity (from the merged entities' name and
    aliases), plus common short forms of countries, for :func:`storyfold.stages.brief.support.check_support`."""
    out: dict[str, set[str]] = defaultdict(set)
    for group in groups:
        names = set(group)
        for n in names:
            out[n.lower()] |= names
    # common short forms the entity stage may not link
    for long, short in (("united states", "U.S."), ("united states", "US"), ("united states", "America"),
                        ("united kingdom", "U.K."), ("united kingdom", "UK"), ("united kingdom", "Britain"),
                        ("japan", "Tokyo"), ("japan", "Japanese"), ("russia", "Moscow"), ("ukraine", "Kyiv")):
        out[long].add(short)
    return {k: tuple(v) for k, v in out.items()}


def commitment_sentence(actor: str, status: str, kinds: Sequence[str], *, recipient: str | None = None,
                        amount: str | None = None) -> str:
    """The plain-language sentence for commitments of one actor and status (without sources)."""
    template = STATUS_WORDS.get(status, ("has committed to {ing}", 1.0))[0]
    phrases = [KIND_PHRASES.get(k, KIND_PHRASES[CommitmentKind.OTHER]) for k in kinds]
    part = 0 if "{inf}" in template else 1
    items = [p[part] for p in dict.fromkeys(phrases)]
    joined = items[0] if len(items) == 1 else ", ".join(items[:-1]) + " or " + items[-1]
    body = template.format(inf=joined, ing=joined)
    if amount:
        body += f" ({amount})"
    if recipient:
        body += f" {'for' if CommitmentKind.PARTICIPATION in kinds else 'to'} {recipient}"
    return f"{actor} {body}."




def _status_sentence(c: Commitment) -> str:
    return commitment_sentence(c.actor, str(c.status), [str(c.kind)])


def _claims_at(claims: Sequence[Claim]) -> dict[str, list[tuple[int, int, str]]]:
    out: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for c in claims:
        for e in c.evidence:
            out[e.article_id].append((e.start, e.end, c.id))
    return out


def _sentence_record(p: Pick, sentences: Sequence[Pick], texts: _Texts, story_id: str | None,
                     event_id: str | None, section: str, date: PartialDate | None,
                     claims_at: Mapping[str, Sequence[tuple[int, int, str]]],
                     aliases: Mapping[str, Sequence[str]]) -> BriefSentence | None:
    """The brief sentence of a pick: its own sentence and the closest one of each corroborating source."""
    chosen = [p, *(sentences[i] for i in p.corroborating.values())]
    evidence = tuple(Evidence(article_id=q.article_id, start=q.start, end=q.end,
                              text=texts.text(q.article_id)[q.start:q.end]) for q in chosen)
    text = _with_sources(p.text, p.sources)
    if not check_support(text, [e.text for e in evidence], aliases=aliases):
        return None
    claim_ids = tuple(dict.fromkeys(cid for q in chosen for s, e, cid in claims_at.get(q.article_id, ())
                                    if s < q.end and q.start < e))
    return BriefSentence(text=text, article_ids=tuple(dict.fromkeys(q.article_id for q in chosen)),
                         story_id=story_id, claim_ids=claim_ids, evidence=evidence, date=date, kind="sentence",
                         event_id=event_id, section=section)


def _change_record(ch: Change, story_id: str | None, event_id: str, date: PartialDate | None,
                   aliases: Mapping[str, Sequence[str]]) -> BriefSentence | None:
    if not ch.evidence or not check_support(ch.text, [e.text for e in ch.evidence], aliases=aliases):
        return None
    return BriefSentence(text=ch.text, article_ids=ch.article_ids, story_id=story_id, claim_ids=ch.claim_ids,
                         evidence=ch.evidence, date=date, kind=ch.kind, commitment_ids=ch.commitment_ids,
                         event_id=event_id, section="change")


def build_brief(story_id: str | None, articles: Mapping[str, Article], claims: Sequence[Claim] = (),
                commitments: Sequence[Commitment] = (), conflicts: Sequence[Conflict] = (),
                entities: Sequence[Any] = (), *, events: Sequence[Event] = (), lineages: Sequence[Lineage] = (),
                dates: Mapping[str, Sequence[DateMention]] | None = None,
                estimated: Mapping[str, dt.date] | None = None, size: int = 8,
                weights: Weights | None = None,
                parse: Callable[[str], Any] | None = None) -> tuple[list[BriefSentence], list[BriefSection]]:
    """The brief of one story from its records (already restricted to the story): its sentences in
    reading order (the lead, then each event's sentences and changes) and its sections.

    ``dates`` holds each article's date mentions and ``estimated`` the publication dates estimated
    for articles without one; ``parse`` (a spaCy pipeline) tells a sentence's main clause when dating it.
    Without ``events`` the story is told as one event spanning its articles."""
    texts = _Texts(articles)
    aliases = name_aliases((e.name, *e.aliases) for e in entities)
    lineage_of = {aid: lin.id for lin in lineages for aid in lin.article_ids}
    events = sorted((e for e in events if any(a in articles for a in e.article_ids)),
                    key=lambda e: (date_order(e.date), e.id))
    if not events:
        events = [Event(id=f"{story_id or 'story'}:all", story_id=story_id or "", title="",
                        article_ids=tuple(sorted(articles)))]
        synthetic = True
    else:
        synthetic = False
    event_of = {aid: e.id for e in events for aid in e.article_ids if aid in articles}
    for aid in articles:  # an article no event holds joins the story's first event
        event_of.setdefault(aid, events[0].id)
    picked = pick_sections({aid: a.text for aid, a in articles.items()}, event_of, [e.id for e in events],
                           lineage_of, headlines=[a.title for a in articles.values() if a.title], size=size,
                           contested=_contested(conflicts), weights=weights)
    published = {aid: a.published or (estimated or {}).get(aid) for aid, a in articles.items()}
    windows = {e.id: EventWindow(e, [d for aid in e.article_ids if (d := published.get(aid))]) for e in events}
    mentions = dates or {}
    own: dict[str, PartialDate | None] = {}  # each article's lead day, read once

    def dated(p: Pick) -> PartialDate | None:
        aid = p.article_id
        if aid not in own:
            own[aid] = lead_day(texts.spans(aid), mentions.get(aid, ()))
        before = [span for span in reversed(texts.spans(aid)) if span[1] <= p.start]
        return sentence_date(texts.text(aid), p.start, p.end, mentions.get(aid, ()), windows[event_of[aid]], parse,
                             own[aid], before)

    claims_at = _claims_at(claims)
    changes = event_changes([e.id for e in events], event_of, conflicts, commitments, texts.sentence,
                            _status_sentence)
    out: list[BriefSentence] = []
    sections: list[BriefSection] = []
    if picked.lead is not None:
        lead = _sentence_record(picked.lead, picked.sentences, texts, story_id, None, "lead", dated(picked.lead),
                                claims_at, aliases)
        if lead is not None:
            out.append(lead)
            sections.append(BriefSection(story_id=story_id, role="lead", sentences=(lead,)))
    for e in events:
        told = [r for p in picked.events[e.id]
                if (r := _sentence_record(p, picked.sentences, texts, story_id, e.id, "event", dated(p),
                                          claims_at, aliases)) is not None]
        told.sort(key=lambda b: date_order(b.date))
        day = windows[e.id].day
        noted = [r for ch in changes[e.id] if (r := _change_record(ch, story_id, e.id, day, aliases)) is not None]
        noted = noted[:MAX_CHANGES]
        if not told and not noted:
            continue
        out += told + noted
        sections.append(BriefSection(story_id=story_id, role="event", event_id=None if synthetic else e.id,
                                     title=e.title, date=e.date, date_end=e.date_end, sentences=tuple(told),
                                     changes=tuple(noted)))
    if synthetic:
        out = [_without_event(b) for b in out]
    return out, sections


def _contested(conflicts: Iterable[Conflict]) -> dict[str, list[tuple[int, int]]]:
    """Article id -> the spans that are a side of a contradiction (not of an update over time)."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for c in conflicts:
        if c.kind is ConflictKind.CONTRADICTION:
            for e in c.evidence:
                out[e.article_id].append((e.start, e.end))
    return out


def _without_event(b: BriefSentence) -> BriefSentence:
    return replace(b, event_id=None)


def _in(ids: Iterable[str], members: set[str]) -> bool:
    return any(a in members for a in ids)


class BriefStage(CorpusStage):
    """The brief of every story. A story whose inputs have the digest stored with its brief
    (:func:`storyfold.stages.brief.digest.story_digest`) keeps its stored sentences and sections;
    only the others are told again. ``ctx.counts`` holds how many stories there were and how
    many were told."""

    name: ClassVar[str] = "brief"
    version: ClassVar[str] = "10"
    requires: ClassVar[tuple[str, ...]] = ("claims",)
    optional: ClassVar[tuple[str, ...]] = ("commitments", "conflicts", "stories", "events", "entities", "lineages",
                                           "dates", "published_estimate")
    provides: ClassVar[Mapping[str, type]] = {"brief": BriefSentence, "brief_sections": BriefSection,
                                              "brief_digests": BriefDigest}

    def _nlp(self, ctx: Context) -> Any:
        name = ctx.settings.spacy_model
        return ctx.resource(f"spacy:{name}:claims", lambda: load_spacy(name, ("ner",)))

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        articles = {a.id: a for a in corpus.articles()}
        claims = corpus.outputs("claims")

        def get(kind: str) -> tuple[Any, ...]:
            return corpus.outputs(kind) if corpus.has(kind) else ()

        commitments, conflicts, entities, events, lineages = (
            get(k) for k in ("commitments", "conflicts", "entities", "events", "lineages"))
        dates = corpus.annotations("dates") if corpus.has("dates") else {}
        estimates = corpus.annotations("published_estimate") if corpus.has("published_estimate") else {}
        # an estimate to the day only: a year's estimate is no day of publication
        estimated = {aid: found[0].date for aid, found in estimates.items()
                     if found and found[0].precision in (Precision.DAY, Precision.TIME)}
        lineage_of = {aid: lin.id for lin in lineages for aid in lin.article_ids}
        stories = [(s.id, set(s.article_ids)) for s in get("stories")]
        if not stories:
            stories = [(None, set(articles))]
        size = ctx.settings.brief_sentences
        model = ctx.settings.spacy_model if dates else None
        kept = _stored(corpus) if corpus.whole else {}
        out: list[BriefSentence] = []
        sections: list[BriefSection] = []
        digests: list[BriefDigest] = []
        told = 0
        for sid, members in stories:
            def mine(records: Iterable[Any], members: set[str] = members) -> list[Any]:
                return [r for r in records if _in(r.article_ids, members)]

            inputs = {a: articles[a] for a in members if a in articles}
            own = (mine(claims), mine(commitments), mine(conflicts), mine(entities))
            story_events = [e for e in events if e.story_id == sid] if sid else list(events)
            story_dates = {a: dates[a] for a in members if a in dates}
            digest = story_digest(self.label, sid, inputs, *own, story_events, lineage_of, story_dates, estimated,
                                  size=size, parse=model)
            digests.append(BriefDigest(story_id=sid, digest=digest))
            if sid in kept and kept[sid][0] == digest:
                brief, parts = kept[sid][1], kept[sid][2]
            else:
                brief, parts = build_brief(sid, inputs, *own, events=story_events, lineages=lineages,
                                           dates=story_dates, estimated=estimated, size=size,
                                           parse=self._nlp(ctx) if model else None)
                told += 1
            out += brief
            sections += parts
        ctx.counts[self.label] = {"stories": len(stories), "told": told}
        return {"brief": tuple(out), "brief_sections": tuple(sections), "brief_digests": tuple(digests)}


def _stored(corpus: Corpus) -> dict[str | None, tuple[str, list[BriefSentence], list[BriefSection]]]:
    """Story id -> the digest, sentences and sections the last run stored for it."""
    found: dict[str | None, tuple[str, list[BriefSentence], list[BriefSection]]] = {
        d.story_id: (d.digest, [], []) for d in corpus.outputs("brief_digests")}
    for b in corpus.outputs("brief"):
        if b.story_id in found:
            found[b.story_id][1].append(b)
    for sec in corpus.outputs("brief_sections"):
        if sec.story_id in found:
            found[sec.story_id][2].append(sec)
    return found
