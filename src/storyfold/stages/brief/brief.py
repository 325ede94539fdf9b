"""The cited brief: per story, a short account in which every sentence cites what supports it.

Candidates come from the reconciled records:

- **claims**: the claim's whole sentence, taken from the article (extractive), with its source count
  in plain words ("reported by three independent outlets", "according to one outlet");
- **commitments**: a template, "Japan is still considering sending peacekeepers to Ukraine", whose
  slots (actor, status, kind, amount, recipient) come from the record; commitments of one actor and
  status resting on the same passages are told in one sentence;
- **conflicts**: an update ("Figures differ on the force's size: “more than 10,000” at first; later
  reports speak of “several hundred”.") or a contradiction between outlets ("Reports differ on
  Japan and a security guarantee: one outlet says “considering”, another says “will provide”.");
- **quotes**: a quote reported by two or more articles, with the sentence that carries it.

Each candidate gets an importance (independent sources, a figure, a date, a commitment or conflict)
and a date (the record's time as a year, month or day, else the earliest cited publication date).
The ``brief_sentences`` most important, not repeating one another, are kept and told in date order.

Every sentence is put through :func:`storyfold.stages.brief.support.check_support` against its cited spans: a
template that fails loses its optional slots, then falls back to the cited sentence itself; what
still fails is dropped. So every sentence emitted passes the check.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, ClassVar

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import (
    Article,
    BriefSentence,
    Claim,
    ClaimStatus,
    Commitment,
    CommitmentKind,
    CommitmentStatus,
    Conflict,
    ConflictKind,
    Evidence,
    PartialDate,
    Quote,
    date_order,
)
from storyfold.stages.brief.support import check_support
from storyfold.text.sentences import sentence_spans

__all__ = ["BriefStage", "build_brief", "commitment_sentence", "name_aliases", "source_phrase"]

NUMBER_NAMES = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
MAX_SENTENCE = 420

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
# plain-language status words: (template with {inf}/{ing}, importance)
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
_UPDATE = re.compile(r"^(?P<what>.+?): \u201c(?P<a>[^\u201d]+)\u201d \((?P<aid_a>\w+)[^)]*\) vs "
                     r"\u201c(?P<b>[^\u201d]+)\u201d \((?P<aid_b>\w+)")
_DIFFER = re.compile(r"^(?P<actor>[^/:]+?) / (?P<kind>[^:]+): \w+ says [^(]*\(\u201c(?P<a>[^\u201d]+)\u201d\) "
                     r"while \w+ says [^(]*\(\u201c(?P<b>[^\u201d]+)\u201d\)")
_WORDS = re.compile(r"[a-z0-9]+")


def source_phrase(n: int) -> str:
    """Plain words for a count of independent sources."""
    word = NUMBER_NAMES[n] if 0 <= n < len(NUMBER_NAMES) else str(n)
    return "according to one outlet" if n <= 1 else f"reported by {word} independent outlets"


def _with_sources(text: str, n: int) -> str:
    text = text.strip()
    end = text[-1] if text and text[-1] in ".!?" else "."
    body = text[:-1] if text and text[-1] in ".!?" else text
    return f"{body} ({source_phrase(n)}){end}"


def _placed(time: PartialDate | None) -> PartialDate | None:
    """The date a record's time places a sentence at: a year, a month or a day ("2025-W34" at its
    Monday, a weekend "2025-W11-WE" at its Saturday)."""
    return time.calendar_date() if time is not None else None


def _month(date: PartialDate | None) -> tuple[int | None, int | None] | None:
    """The year and month of a year, month or day (``None`` for a year's month)."""
    return (date.year, date.month) if date is not None else None


@dataclass(slots=True)
class _Candidate:
    text: str
    kind: str
    score: float
    date: PartialDate | None
    article_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    claim_ids: tuple[str, ...] = ()
    quote_ids: tuple[str, ...] = ()
    commitment_ids: tuple[str, ...] = ()
    fallbacks: list[str] = field(default_factory=list)  # rewrites to try when the text fails the check


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

    def sentence(self, ev: Evidence) -> Evidence:
        """The whole sentence(s) around an evidence span (the span itself when that is too long)."""
        text = self.text(ev.article_id)
        if not text or not 0 <= ev.start < ev.end <= len(text):
            return ev
        spans = self._spans.setdefault(ev.article_id, sentence_spans(text))
        start = max((s for s, _ in spans if s <= ev.start), default=ev.start)
        end = min((e for _, e in spans if e >= ev.end), default=ev.end)
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if end - start > MAX_SENTENCE:
            start, end = ev.start, ev.end
        return Evidence(article_id=ev.article_id, start=start, end=end, text=text[start:end])


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


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


def _claim_candidates(claims: Sequence[Claim], texts: _Texts, in_conflict: Mapping[str, float]) -> list[_Candidate]:
    out = []
    for c in claims:
        if not c.evidence:
            continue
        first = texts.sentence(c.evidence[0])
        sentence = _clean(first.text)
        if len(sentence) < 40 or sentence[0] in "\u201c\"'" or sentence[0].islower():
            continue  # a bare quotation or a fragment reads badly out of context
        n = max(c.independent_sources, 1)
        score = 1.5 * n + (1.0 if c.status == ClaimStatus.CORROBORATED else 0.0)
        score += 0.7 if c.value is not None else 0.0
        score += 0.4 if c.time else 0.0
        score += in_conflict.get(c.id, 0.0)
        score += 0.5 if re.search(r"\b(?:ready|will|agreed|committed|expected|plans?)\b", sentence) else 0.0
        score -= 0.5 if re.search(r"\b(?:I|we|our)\b", sentence) else 0.0
        evidence = (first, *(e for e in c.evidence[1:] if e.article_id != first.article_id))
        out.append(_Candidate(text=_with_sources(sentence, n), kind="claim", score=score,
                              date=_placed(c.time) or texts.published(c.article_ids),
                              article_ids=tuple(c.article_ids), evidence=evidence, claim_ids=(c.id,)))
    return out


def _commitment_candidates(commitments: Sequence[Commitment], texts: _Texts) -> list[_Candidate]:
    groups: dict[tuple[str, str, tuple[tuple[str, int], ...]], list[Commitment]] = defaultdict(list)
    for c in commitments:
        groups[(c.actor, str(c.status), tuple(sorted((e.article_id, e.start) for e in c.evidence)))].append(c)
    out = []
    for (actor, status, _), group in groups.items():
        kinds = [str(c.kind) for c in group]
        amount = next((c.amount for c in group if c.amount), None)
        recipient = group[0].recipient
        aids = tuple(dict.fromkeys(a for c in group for a in c.article_ids))
        evidence = tuple(dict.fromkeys(texts.sentence(e) for c in group for e in c.evidence))
        n = max(max(c.independent_sources for c in group), 1)
        plain = commitment_sentence(actor, status, kinds)
        fallbacks = [_with_sources(plain, n)]
        text = _with_sources(commitment_sentence(actor, status, kinds, recipient=recipient, amount=amount), n)
        if amount:  # the figure may come from fewer outlets than the commitment: say so
            giving = {e.article_id for e in evidence if check_support(amount, [e.text])}
            if 0 < len(giving) < n:
                text = (_with_sources(commitment_sentence(actor, status, kinds, recipient=recipient), n)[:-1]
                        + f"; {NUMBER_NAMES[min(len(giving), 10)]} outlet{'s' if len(giving) > 1 else ''} "
                        f"put{'s' if len(giving) == 1 else ''} it at {amount}.")
        if evidence:
            fallbacks.append(_with_sources(_clean(evidence[0].text), n))
        score = 1.2 * n + STATUS_WORDS.get(status, ("", 1.0))[1] + (0.7 if amount else 0.0)
        out.append(_Candidate(text=text, kind="commitment", score=score,
                              date=_placed(group[0].time) or texts.published(aids), article_ids=aids,
                              evidence=evidence, claim_ids=tuple(dict.fromkeys(i for c in group for i in c.claim_ids)),
                              commitment_ids=tuple(c.id for c in group), fallbacks=fallbacks))
    return out


def _conflict_candidates(conflicts: Sequence[Conflict], claims: Mapping[str, Claim], texts: _Texts) -> list[_Candidate]:
    out = []
    for c in conflicts:
        evidence = tuple(dict.fromkeys(texts.sentence(e) for e in c.evidence))
        involved = [claims[i] for i in c.claim_ids if i in claims]
        dates = sorted(d for d in (_placed(x.time) or texts.published(x.article_ids) for x in involved) if d)
        date = dates[-1] if dates else texts.published(c.article_ids)
        text = None
        if c.kind == ConflictKind.UPDATE and (m := _UPDATE.match(c.summary)):
            text = (f"Figures differ on {m['what']}: \u201c{m['a']}\u201d at first; "
                    f"later reports speak of \u201c{m['b']}\u201d.")
        elif c.kind == ConflictKind.CONTRADICTION and (m := _DIFFER.match(c.summary)):
            text = (f"Reports differ on {m['actor'].strip()}'s {m['kind'].strip()}: one outlet says "
                    f"\u201c{m['a']}\u201d, another says \u201c{m['b']}\u201d.")
        if text is None:
            continue  # e.g. a rewrite adding sentences: the report lists it, the brief does not retell it
        out.append(_Candidate(text=text, kind="update" if c.kind == ConflictKind.UPDATE else "conflict", score=7.0,
                              date=date, article_ids=tuple(c.article_ids), evidence=evidence,
                              claim_ids=tuple(c.claim_ids), commitment_ids=tuple(c.commitment_ids)))
    return out


def _quote_candidates(quotes: Sequence[Quote], texts: _Texts) -> list[_Candidate]:
    out = []
    for q in quotes:
        aids = tuple(dict.fromkeys(v.article_id for v in q.variants))
        if len(aids) < 2 or not q.speaker or len(q.text) < 30:
            continue
        v = q.variants[0]
        sentence = texts.sentence(Evidence(article_id=v.article_id, start=v.start, end=v.end, text=v.text))
        evidence = (sentence, *(Evidence(article_id=x.article_id, start=x.start, end=x.end, text=x.text)
                                for x in q.variants[1:]))
        out.append(_Candidate(text=_with_sources(_clean(sentence.text), len(aids)), kind="quote",
                              score=1.0 * len(aids), date=texts.published(aids), article_ids=aids,
                              evidence=evidence, quote_ids=(q.id,)))
    return out


def _words(text: str) -> set[str]:
    return {w for w in _WORDS.findall(text.lower()) if len(w) > 3}


def _overlap(a: Sequence[Evidence], b: Sequence[Evidence]) -> bool:
    return any(x.article_id == y.article_id and x.start < y.end and y.start < x.end for x in a for y in b)


def _repeats(cand: _Candidate, chosen: Sequence[_Candidate]) -> bool:
    words = _words(cand.text)
    for other in chosen:
        if set(cand.claim_ids) & set(other.claim_ids) and cand.kind == other.kind == "claim":
            return True
        # a commitment and a claim it rests on, placed at the same time, tell one fact twice
        if ({cand.kind, other.kind} == {"claim", "commitment"} and _overlap(cand.evidence[:1], other.evidence)
                and _month(cand.date) == _month(other.date)
                and len(cand.article_ids) <= len(other.article_ids)):
            return True
        ow = _words(other.text)
        if words and ow and len(words & ow) / min(len(words), len(ow)) > 0.6:
            return True
    return False


def _passing(cand: _Candidate, aliases: Mapping[str, Sequence[str]]) -> str | None:
    spans = [e.text for e in cand.evidence]
    for text in (cand.text, *cand.fallbacks):
        if check_support(text, spans, aliases=aliases):
            return text
    return None


def build_brief(story_id: str | None, articles: Mapping[str, Article], claims: Sequence[Claim],
                commitments: Sequence[Commitment] = (), conflicts: Sequence[Conflict] = (),
                quotes: Sequence[Quote] = (), entities: Sequence[Any] = (), *, size: int = 8) -> list[BriefSentence]:
    """The brief of one story from its records (already restricted to the story)."""
    texts = _Texts(articles)
    aliases = name_aliases((e.name, *e.aliases) for e in entities)
    by_id = {c.id: c for c in claims}
    # claims a conflict rests on matter: both sides of a contradiction, and most the figures an
    # update changed (the reader needs the first figure to follow "later reports speak of")
    in_conflict: dict[str, float] = {}
    for c in conflicts:
        m = _UPDATE.match(c.summary) if c.kind == ConflictKind.UPDATE else None
        figures = (m["a"], m["b"]) if m else ()
        for i in c.claim_ids:
            text = by_id[i].text if i in by_id else ""
            boost = 3.5 if any(f in text for f in figures) else 1.0
            in_conflict[i] = max(in_conflict.get(i, 0.0), boost)
    candidates = [
        *_conflict_candidates(conflicts, by_id, texts),
        *_commitment_candidates(commitments, texts),
        *_claim_candidates(claims, texts, in_conflict),
        *_quote_candidates(quotes, texts),
    ]
    candidates.sort(key=lambda c: (-c.score, date_order(c.date), c.text))
    chosen: list[_Candidate] = []
    per_kind: dict[str, int] = defaultdict(int)
    limits = {"commitment": max(2, size // 2), "quote": 1, "conflict": 2, "update": 2}
    for cand in candidates:
        if len(chosen) >= size:
            break
        if per_kind[cand.kind] >= limits.get(cand.kind, size) or _repeats(cand, chosen):
            continue
        text = _passing(cand, aliases)
        if text is None:
            continue
        cand.text = text
        chosen.append(cand)
        per_kind[cand.kind] += 1
    chosen.sort(key=lambda c: (date_order(c.date), -c.score))
    return [BriefSentence(text=c.text, article_ids=c.article_ids, story_id=story_id, claim_ids=c.claim_ids,
                          quote_ids=c.quote_ids, evidence=c.evidence, date=c.date, kind=c.kind,
                          commitment_ids=c.commitment_ids) for c in chosen]


def _in(ids: Iterable[str], members: set[str]) -> bool:
    return any(a in members for a in ids)


class BriefStage(CorpusStage):
    name: ClassVar[str] = "brief"
    version: ClassVar[str] = "1"
    requires: ClassVar[tuple[str, ...]] = ("claims",)
    optional: ClassVar[tuple[str, ...]] = ("commitments", "conflicts", "quotes", "stories", "entities")
    provides: ClassVar[Mapping[str, type]] = {"brief": BriefSentence}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        articles = {a.id: a for a in corpus.articles()}
        claims = corpus.outputs("claims")

        def get(kind: str) -> tuple[Any, ...]:
            return corpus.outputs(kind) if corpus.has(kind) else ()

        commitments, conflicts, quotes, entities = (get(k) for k in ("commitments", "conflicts", "quotes", "entities"))
        stories = [(s.id, set(s.article_ids)) for s in get("stories")]
        if not stories:
            stories = [(None, set(articles))]
        size = ctx.settings.brief_sentences
        out: list[BriefSentence] = []
        for sid, members in stories:
            def mine(records: Iterable[Any], members: set[str] = members) -> list[Any]:
                return [r for r in records if _in(r.article_ids, members)]

            out += build_brief(sid, {a: articles[a] for a in members if a in articles}, mine(claims),
                               mine(commitments), mine(conflicts), mine(quotes), mine(entities), size=size)
        return {"brief": tuple(out)}
