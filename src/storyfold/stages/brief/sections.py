"""The brief told event by event: which sentences of a story's articles tell it.

Every sentence of every article of the story is a candidate (whole sentences from the cleaned
text, an opening dateline such as "WASHINGTON (Reuters) -" left off, 40 to ``MAX_SENTENCE`` characters, not opening with a lower-case word, not a piece of a
quotation split across sentences: its quotation marks must pair up, not cut off by the source: a
sentence ending in an ellipsis, as feed summaries and aggregators' lead paragraphs end).
Sentences are compared by the cosine of their TF-IDF vectors (scikit-learn, fitted on the story's
sentences and headlines, English stop words removed, sublinear term frequency). For each sentence:

- **centrality**: its LexRank score (continuous LexRank: the stationary distribution of a random
  walk over the cosine graph, damping ``DAMPING``) among the sentences of all the articles of its
  event, scaled so that the event's mean is 1; centrality is over the sentences of every source,
  not over the claims of one article;
- **corroboration**: the independent sources (lineages) other than its own holding a sentence whose
  cosine with it reaches ``Weights.agree``; each lends its closest such sentence as further evidence;
- **score**: a linear model over :data:`FEATURES` (centrality, corroborating sources, whether it
  opens its article, the inverse of its position, its length, its mean cosine with the story's
  headlines, whether it quotes), fitted by ``eval/brief_weights.py`` (ridge regression) on the
  AllSides roundups of ``neus-allsides/allsides_roundups_2021-10-19.jsonl`` that share no article
  with the NeuS test split: the target is how much of each sentence is in the roundup's neutral
  summary (its ROUGE-1 and twice its ROUGE-2 overlap, per word of the sentence).

The story's **lead** is its best-supported sentence: one that no other source contradicts (no
side of a contradiction the reconcile stage found), the most corroborated, then the highest scored
over the whole story. Each **event** (in date order) then gets its best sentence, and a
second and third while they score at least ``Weights.keep`` times its best; a sentence that says
little new is skipped: one whose content terms (the TF-IDF vocabulary: words of two letters or
more, stop words removed) are, for a share ``Weights.repeat`` or more, terms of sentences already
told. (A cosine between two sentences cannot tell this: two reports of one event share their names
and clear any low cosine while each adds a different fact.) ``repeat`` and ``per_event`` were
chosen on the development part of the NeuS/AllSides test split (``eval/brief.py``), never on its
untouched part, and so was ``keep``, which sets how long a brief runs: the roundups, whose
summaries are longer (115 tokens on average, the NeuS targets 70), do best at 0.5 and the NeuS
development part at 0.7 (``eval/brief_weights.py`` prints the first).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from storyfold.text.sentences import cut_off, dateline_length, sentence_spans

__all__ = ["DAMPING", "FEATURES", "MAX_SENTENCE", "Pick", "Sections", "Weights", "lexrank", "pick_sections", "story_sentences",
           "story_picks"]

MAX_SENTENCE = 420
MIN_SENTENCE = 40
DAMPING = 0.85
SIMS_BLOCK = 1 << 22  # cosines computed at a time (32 MiB of float64)
_OPEN, _CLOSE = ("\u201c", "``"), ("\u201d", "''")
_QUOTED = re.compile("[\"\u201c\u201d]")


def _quote_cut(text: str) -> bool:
    """A sentence holding a quotation's end without its start (or its start without its end): a
    fragment of a quotation split across sentences."""
    opened = sum(text.count(q) for q in _OPEN)
    closed = sum(text.count(q) for q in _CLOSE)
    return opened != closed or text.count('"') % 2 == 1


FEATURES = ("centrality", "corroborating", "first", "early", "length", "headlines", "quoted")


@dataclass(frozen=True, slots=True)
class Weights:
    """How sentences are scored and kept (see the module docstring). ``coef`` (one per
    :data:`FEATURES`) and ``intercept`` are printed by ``eval/brief_weights.py``."""

    coef: tuple[float, ...] = (0.1322, 0.1943, -0.1455, 0.2339, -0.0443, 1.5479, 0.0299)
    intercept: float = 0.3998
    agree: float = 0.3
    keep: float = 0.7
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
    headlines: float = 0.0  # mean cosine with the story's headlines

    def features(self) -> tuple[float, ...]:
        """The sentence's :data:`FEATURES`, in order."""
        return (self.centrality, float(len(self.corroborating)), float(self.position == 0), 1.0 / (1 + self.position),
                len(self.text.split()) / 30.0, self.headlines, float(bool(_QUOTED.search(self.text))))

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
                    or _quote_cut(flat) or cut_off(flat)):
                continue
            out.append(Pick(article_id=aid, start=s, end=e, text=flat, position=position - 1, index=len(out)))
    return out


def lexrank(sims: np.ndarray, damping: float = DAMPING, iterations: int = 100) -> np.ndarray:
    """Continuous LexRank: the stationary distribution of the walk over the similarity graph."""
    n = sims.shape[0]
    if n == 0:
        return np.zeros(0)
    m = sims.copy()  # normalised in place: a story's matrix is its brief's biggest structure
    np.fill_diagonal(m, 0.0)
    rows = m.sum(axis=1, keepdims=True)
    np.divide(m, rows, out=m, where=rows > 0)
    m[~(rows > 0).ravel()] = 1.0 / n
    p = np.full(n, 1.0 / n)
    for _ in range(iterations):
        nxt = (1 - damping) / n + damping * (m.T @ p)
        if np.abs(nxt - p).sum() < 1e-9:
            return nxt
        p = nxt
    return p


def _similarities(sentences: Sequence[Pick], headlines: Sequence[str] = ()) -> tuple[np.ndarray, list[frozenset[int]]]:
    """The sentences' cosine matrix and each sentence's content terms (indices into the vocabulary);
    each sentence's mean cosine with ``headlines`` is set on it (``Pick.headlines``)."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    if not sentences:
        return np.zeros((0, 0)), []
    heads = [h for h in headlines if h and h.strip()]
    try:
        x = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(
            [p.text for p in sentences] + heads).tocsr()
    except ValueError:  # only stop words
        return np.eye(len(sentences)), [frozenset() for _ in sentences]
    n = len(sentences)
    xs = x[:n]
    if heads:
        for p, c in zip(sentences, np.asarray((xs @ x[n:].T).mean(axis=1)).ravel(), strict=True):
            p.headlines = float(c)
    terms = [frozenset(xs.indices[xs.indptr[i]:xs.indptr[i + 1]].tolist()) for i in range(n)]
    # filled a block of rows at a time: the sparse product of a copy-heavy story is nearly dense,
    # and whole it would sit beside its dense copy (each row is computed alone either way)
    sims = np.empty((n, n))
    step = max(1, SIMS_BLOCK // max(n, 1))
    xt = xs.T.tocsr()
    for i in range(0, n, step):
        sims[i : i + step] = (xs[i : i + step] @ xt).toarray()
    return sims, terms


def _score(picks: Sequence[Pick], sims: np.ndarray, w: Weights) -> None:
    """Each pick's centrality among ``picks`` and its score (the linear model of ``w``)."""
    idx = np.array([p.index for p in picks], dtype=int)
    if not len(idx):
        return
    whole = len(idx) == len(sims) and bool((idx == np.arange(len(idx))).all())
    rank = lexrank(sims if whole else sims[np.ix_(idx, idx)])  # lexrank copies what it is given
    rank = rank / rank.mean() if rank.mean() > 0 else rank
    for p, c in zip(picks, rank, strict=True):
        p.centrality = float(c)
        p.score = max(w.intercept + sum(a * b for a, b in zip(w.coef, p.features(), strict=True)), 1e-6)


def _corroborate(sentences: Sequence[Pick], sims: np.ndarray, lineage: Mapping[str, str], w: Weights) -> None:
    """Each sentence's ``corroborating``: per other lineage, its most similar sentence there with
    a cosine of at least ``w.agree`` (and above 0; the earliest of equals). Row by row in numpy:
    pairwise in Python this was quadratic in the story's sentences."""
    if not sentences:
        return
    names = [lineage.get(q.article_id, q.article_id) for q in sentences]
    codes = {name: n for n, name in enumerate(sorted(set(names)))}
    lin = np.array([codes[name] for name in names])
    cols = np.array([q.index for q in sentences])
    order = np.arange(len(sentences))
    for p, own in zip(sentences, lin, strict=True):
        s = sims[p.index, cols].astype(float)
        ok = np.flatnonzero((lin != own) & (s >= w.agree) & (s > 0.0))
        if not len(ok):
            p.corroborating = {}
            continue
        ranked = ok[np.lexsort((order[ok], -s[ok]))]  # best first, the earliest of equals first
        _, first = np.unique(lin[ranked], return_index=True)  # lineages in code (= name) order
        p.corroborating = {names[j]: int(cols[j]) for j in ranked[first]}


def _repeats(p: Pick, told: set[int], terms: Sequence[frozenset[int]], w: Weights) -> bool:
    """``p`` says little new: a share ``w.repeat`` or more of its content terms are in ``told``."""
    mine = terms[p.index]
    return not mine or len(mine & told) >= w.repeat * len(mine)


def story_picks(texts: Mapping[str, str], lineage: Mapping[str, str], headlines: Sequence[str] = (),
                weights: Weights | None = None) -> tuple[list[Pick], np.ndarray, list[frozenset[int]]]:
    """The story's candidate sentences, scored over the whole story (their :meth:`Pick.features`
    set), with their cosine matrix and content terms."""
    w = weights or Weights()
    sentences = story_sentences(texts)
    sims, terms = _similarities(sentences, headlines)
    _corroborate(sentences, sims, lineage, w)
    _score(sentences, sims, w)
    return sentences, sims, terms


def pick_sections(texts: Mapping[str, str], event_of: Mapping[str, str], events: Sequence[str],
                  lineage: Mapping[str, str], *, headlines: Sequence[str] = (), size: int = 8,
                  contested: Mapping[str, Sequence[tuple[int, int]]] | None = None,
                  weights: Weights | None = None) -> Sections:
    """The lead and each event's sentences of one story.

    ``texts`` maps the story's article ids to their text, ``event_of`` an article id to its event,
    ``events`` lists the events in date order, ``lineage`` maps an article id to its lineage (its
    independent source), ``headlines`` are the story's articles' headlines, ``contested`` maps an
    article id to the spans that other sources contradict (a sentence over one is no lead). Every
    event gets at least its best sentence; beyond that the sentences of all events together stop
    at ``size``."""
    w = weights or Weights()
    sentences, sims, terms = story_picks(texts, lineage, headlines, w)
    if not sentences:
        return Sections(lead=None, events={e: [] for e in events}, sentences=[])
    story_score = {p.index: p.score for p in sentences}
    spans = contested or {}

    def uncontested(p: Pick) -> bool:
        return not any(s < p.end and p.start < e for s, e in spans.get(p.article_id, ()))

    lead = max(sentences, key=lambda p: (uncontested(p), p.sources, story_score[p.index], -p.index))
    told: set[int] = set(terms[lead.index])
    per_event: dict[str, list[Pick]] = {e: [] for e in events}
    ranked: dict[str, list[Pick]] = {}
    for e in events:
        picks = [p for p in sentences if event_of.get(p.article_id) == e]
        # centrality within the event: rescore on the event's own sentences
        scored = [Pick(**{k: getattr(p, k) for k in ("article_id", "start", "end", "text", "position", "index",
                                                      "headlines")}, corroborating=p.corroborating) for p in picks]
        _score(scored, sims, w)
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
