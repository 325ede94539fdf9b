"""The brief told event by event: which sentences of a story's articles tell it.

Every sentence of every article of the story is a candidate (whole sentences from the cleaned
text, an opening dateline such as "WASHINGTON (Reuters) -" left off, 40 to ``MAX_SENTENCE`` characters, not opening with a lower-case word, not a piece of a
quotation split across sentences: its quotation marks must pair up).
Sentences are compared by the cosine of their TF-IDF vectors (scikit-learn, fitted on the story's
sentences, English stop words removed, sublinear term frequency). For each sentence:

- **centrality**: its LexRank score (continuous LexRank: the stationary distribution of a random
  walk over the cosine graph, damping ``DAMPING``) among the sentences of all the articles of its
  event, scaled so that the event's mean is 1; centrality is over the sentences of every source,
  not over the claims of one article;
- **corroboration**: the independent sources (lineages) other than its own holding a sentence whose
  cosine with it reaches ``Weights.agree``; each lends its closest such sentence as further evidence;
- **score**: centrality x (1 + ``Weights.corroboration`` x corroborating sources), plus
  ``Weights.lead`` for an article's first sentence (news puts what matters first).

The story's **lead** is its best-supported sentence: the most corroborated, then the highest
scored over the whole story. Each **event** (in date order) then gets its best sentence, and a
second and third while they score at least ``Weights.keep`` times its best; a sentence that says
little new is skipped: one whose content terms (the TF-IDF vocabulary: words of two letters or
more, stop words removed) are, for a share ``Weights.repeat`` or more, terms of sentences already
told. (A cosine between two sentences cannot tell this: two reports of one event share their names
and clear any low cosine while each adds a different fact.) The weights were chosen on the
development part of the NeuS/AllSides split (``eval/brief.py``), never on its untouched part.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyfold.text.sentences import dateline_length, sentence_spans

__all__ = ["DAMPING", "MAX_SENTENCE", "Pick", "Sections", "Weights", "lexrank", "pick_sections", "story_sentences"]

MAX_SENTENCE = 420
MIN_SENTENCE = 40
DAMPING = 0.85
_OPEN, _CLOSE = ("\u201c", "``"), ("\u201d", "''")


def _quote_cut(text: str) -> bool:
    """A sentence holding a quotation's end without its start (or its start without its end): a
    fragment of a quotation split across sentences."""
    opened = sum(text.count(q) for q in _OPEN)
    closed = sum(text.count(q) for q in _CLOSE)
    return opened != closed or text.count('"') % 2 == 1


@dataclass(frozen=True, slots=True)
class Weights:
    """How sentences are scored and kept (see the module docstring)."""

    corroboration: float = 0.3
    lead: float = 1.0
    agree: float = 0.3
    keep: float = 0.5
    repeat: float = 0.35
    per_event: int = 3


@dataclass(slots=True)
class Pick:
    """A candidate sentence: where it is, its scores, and the closest sentence of each other source."""

    article_id: str
    start: int
    end: int
    text: str
    position: int
    index: int = 0
    centrality: float = 0.0
    score: float = 0.0
    corroborating: dict[str, int] = field(default_factory=dict)  # lineage -> index of its closest sentence

    @property
    def sources(self) -> int:
        return 1 + len(self.corroborating)


@dataclass(slots=True)
class Sections:
    lead: Pick | None
    events: dict[str, list[Pick]]
    sentences: list[Pick]


def story_sentences(texts: Mapping[str, str]) -> list[Pick]:
    """The candidate sentences of the articles ``texts`` (article id -> cleaned text), in article order."""
    out: list[Pick] = []
    for aid in sorted(texts):
        text = texts[aid]
        position = 0
        for s, e in sentence_spans(text):
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if position <= 1:  # the first sentences (after the headline line) may open with a dateline
                s += dateline_length(text[s:e])
            raw = text[s:e]
            if not raw:
                continue
            position += 1
            flat = re.sub(r"\s+", " ", raw)
            if (not MIN_SENTENCE <= len(flat) <= MAX_SENTENCE or not (flat[0].isupper() or flat[0].isdigit())
                    or _quote_cut(flat)):
                continue
            out.append(Pick(article_id=aid, start=s, end=e, text=flat, position=position - 1, index=len(out)))
    return out


def lexrank(sims: np.ndarray, damping: float = DAMPING, iterations: int = 100) -> np.ndarray:
    """Continuous LexRank: the stationary distribution of the walk over the similarity graph."""
    n = sims.shape[0]
    if n == 0:
        return np.zeros(0)
    m = sims.copy()
    np.fill_diagonal(m, 0.0)
    rows = m.sum(axis=1, keepdims=True)
    m = np.divide(m, rows, out=np.full_like(m, 1.0 / n), where=rows > 0)
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (m.T @ p)
        if np.abs(nxt - p).sum() < 1e-9:
            return nxt
        p = nxt
    return p


def _similarities(sentences: Sequence[Pick]) -> tuple[np.ndarray, list[frozenset[int]]]:
    """The sentences' cosine matrix and each sentence's content terms (indices into the vocabulary)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not sentences:
        return np.zeros((0, 0)), []
    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform([p.text for p in sentences])
    except ValueError:  # only stop words
        return np.eye(len(sentences)), [frozenset() for _ in sentences]
    x = x.tocsr()
    terms = [frozenset(x.indices[x.indptr[i]:x.indptr[i + 1]].tolist()) for i in range(x.shape[0])]
    return (x @ x.T).toarray(), terms


def _score(picks: Sequence[Pick], sims: np.ndarray, lineage: Mapping[str, str], w: Weights) -> None:
    idx = np.array([p.index for p in picks], dtype=int)
    if not len(idx):
        return
    rank = lexrank(sims[np.ix_(idx, idx)])
    rank = rank / rank.mean() if rank.mean() > 0 else rank
    for p, c in zip(picks, rank, strict=True):
        p.centrality = float(c)
        p.score = p.centrality * (1 + w.corroboration * len(p.corroborating)) + (w.lead if p.position == 0 else 0.0)


def _corroborate(sentences: Sequence[Pick], sims: np.ndarray, lineage: Mapping[str, str], w: Weights) -> None:
    for p in sentences:
        own = lineage.get(p.article_id, p.article_id)
        best: dict[str, tuple[float, int]] = {}
        for q in sentences:
            other = lineage.get(q.article_id, q.article_id)
            if other == own:
                continue
            s = float(sims[p.index, q.index])
            if s >= w.agree and s > best.get(other, (0.0, -1))[0]:
                best[other] = (s, q.index)
        p.corroborating = {k: i for k, (_, i) in sorted(best.items())}


def _repeats(p: Pick, told: set[int], terms: Sequence[frozenset[int]], w: Weights) -> bool:
    """``p`` says little new: a share ``w.repeat`` or more of its content terms are in ``told``."""
    mine = terms[p.index]
    return not mine or len(mine & told) >= w.repeat * len(mine)


def pick_sections(texts: Mapping[str, str], event_of: Mapping[str, str], events: Sequence[str],
                  lineage: Mapping[str, str], *, size: int = 8, weights: Weights | None = None) -> Sections:
    """The lead and each event's sentences of one story.

    ``texts`` maps the story's article ids to their text, ``event_of`` an article id to its event,
    ``events`` lists the events in date order, ``lineage`` maps an article id to its lineage (its
    independent source). Every event gets at least its best sentence; beyond that the sentences of
    all events together stop at ``size``."""
    w = weights or Weights()
    sentences = story_sentences(texts)
    sims, terms = _similarities(sentences)
    _corroborate(sentences, sims, lineage, w)
    _score(sentences, sims, lineage, w)
    if not sentences:
        return Sections(lead=None, events={e: [] for e in events}, sentences=[])
    story_score = {p.index: p.score for p in sentences}
    lead = max(sentences, key=lambda p: (p.sources, story_score[p.index], -p.index))
    told: set[int] = set(terms[lead.index])
    per_event: dict[str, list[Pick]] = {e: [] for e in events}
    ranked: dict[str, list[Pick]] = {}
    for e in events:
        picks = [p for p in sentences if event_of.get(p.article_id) == e]
        # centrality within the event: rescore on the event's own sentences
        scored = [Pick(**{k: getattr(p, k) for k in ("article_id", "start", "end", "text", "position", "index")},
                       corroborating=p.corroborating) for p in picks]
        _score(scored, sims, lineage, w)
        ranked[e] = sorted(scored, key=lambda p: (-p.score, p.index))
    budget = max(size - 1, 0)
    # first pass: the best sentence of each event; then the second and third while they keep up
    for round_ in range(w.per_event):
        for e in events:
            if len(per_event[e]) != round_:
                continue
            if round_ and budget <= 0:
                continue
            top = ranked[e][0].score if ranked[e] else 0.0
            for p in ranked[e]:
                if round_ and p.score < w.keep * top:
                    break
                if p.index == lead.index or _repeats(p, told, terms, w):
                    continue
                per_event[e].append(p)
                told |= terms[p.index]
                budget -= 1
                break
    for e in events:
        per_event[e].sort(key=lambda p: (-p.score, p.index))
    return Sections(lead=lead, events=per_event, sentences=sentences)
