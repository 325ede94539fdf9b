"""Copies and rewrites: which article repeats which (see ``docs/dedup.md``).

The ``dedup`` stage (corpus) reads the signatures of the ``minhash`` stage
(:mod:`storyfold.stages.copies.minhash`) and finds exact duplicates (same normalised-text hash),
near-duplicates (MinHash LSH, estimated Jaccard >= ``near_duplicate_threshold``), then rewrites
among the rest: for each article the fold has to check, at most ``rewrite_candidates_per_article``
candidates by cosine of the cached document vectors (:mod:`storyfold.stages.copies.neighbours`), then
sentence alignment with the offline MiniLM embedder plus name and number containment
(:mod:`storyfold.stages.copies.rewrite`). Rewrite relations among articles a fold does not touch are
carried over from the earlier fold (:func:`carry_over`). Each copy gets one relation to its source;
lineages group them (:mod:`storyfold.stages.copies.lineage`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
from collections.abc import Callable, Collection, Mapping, Sequence
from typing import Any

import numpy as np

from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import (
    Article,
    DedupState,
    Evidence,
    Lineage,
    MinHashSignature,
    Relation,
    RelationKind,
    SentencePair,
)
from storyfold.stages.copies.lineage import build_lineages
from storyfold.stages.copies.minhash import NUM_PERM, make_signer, sign, stack
from storyfold.stages.copies.near_dup import NearDupIndex, jaccard, normalise
from storyfold.stages.copies.neighbours import top_k_neighbours
from storyfold.stages.copies.rewrite import (
    Alignment,
    Profile,
    align,
    dropped_qualifiers,
    profile,
    sentences_with,
    source_first,
    specifics,
    verbatim_share,
)
from storyfold.text.cache import CACHE_TEXTS, TextCache
from storyfold.text.embed import MODEL, embed_unique
from storyfold.text.sentences import sentence_spans

__all__ = [
    "DedupStage",
    "RewriteRule",
    "carry_over",
    "contained_rewrite",
    "document_vectors",
    "evidence",
    "find_relations",
    "is_rewrite",
    "plausible",
    "rewrite_candidates",
    "rewrite_relation",
]

BANDS, ROWS = 16, 4
CANDIDATE_COSINE = 0.5  # document-vector cosine a pair needs before sentence alignment is tried
CANDIDATES_PER_ARTICLE = 20  # default of the setting rewrite_candidates_per_article
VERIFY_MARGIN = 0.15  # near-duplicate candidates estimated this close to the threshold get the exact test
_NUMBER_QUALIFIERS = frozenset({"approximate", "scope"})
_KIND_RANK = {RelationKind.EXACT: 0, RelationKind.NEAR_DUPLICATE: 1, RelationKind.REWRITE: 2}


class RewriteRule:
    """Thresholds of the rewrite decision (see ``docs/dedup.md`` for how they were chosen)."""

    min_sentences = 4      # content sentences the derived article needs
    min_aligned = 4        # aligned sentences needed, whatever the share: three shared facts are
                           # what short independent reports of one event have in common
    min_cosine = 0.6       # a sentence of b aligns when its best cosine in a reaches this
    max_foreign = 0.25     # share of b's sentences allowed to carry a name or number a lacks
    strong_cosine = 0.75   # a rewrite keeps the sense of some sentences almost whole: at least
    min_strong = 0.3       # this share of the aligned pairs must reach strong_cosine
    min_distinct = 0.9     # sentences of the source per aligned sentence of b (Alignment.distinct)
    min_in_order = 0.6     # share of aligned pairs that keep the source's order (Alignment.in_order)
    verbatim = 0.5         # ... both waived when half the shorter text is the other's word for word
    few_aligned = 8        # with fewer aligned sentences than this (weak evidence: two short reports
    few_similarity = 0.8   # of one event share four facts), their mean cosine must reach this
    max_quoted = 0.5       # a sentence of b with at least this share of its words inside quotation
                           # marks is a quotation: two reports quoting one statement share it without
                           # copying each other, so it is no evidence (see evidence())


def plausible(a: Profile, b: Profile, rule: type[RewriteRule] = RewriteRule) -> bool:
    """The cheap half of :func:`is_rewrite`, before any embedding: ``b`` is long enough and few of
    its sentences carry a name or number that ``a`` never mentions."""
    if len(b.spans) < rule.min_sentences or not a.spans:
        return False
    names_a = frozenset().union(*a.names)
    nums_a = frozenset().union(*a.numbers)
    foreign = sum(bool((n - names_a) or (m - nums_a)) for n, m in zip(b.names, b.numbers, strict=True))
    return foreign <= max(1.0, rule.max_foreign * len(b.spans))


def is_rewrite(a: Profile, b: Profile, coverage: float, rule: type[RewriteRule] = RewriteRule) -> tuple[bool, float]:
    """Whether ``b`` rewrites ``a`` and the share of ``b``'s sentences aligned.

    Cosine alone cannot tell a rewrite from an independent report of the same event, so the
    decision also counts ``b``'s sentences that carry a name (capitalised word) or a number that
    ``a`` never mentions: a rewrite invents little (an added editorial line or two), an independent
    reporter brings their own sources, places and figures in many sentences. And it asks that some
    aligned sentences be near-whole paraphrases (cosine >= 0.75): independent reports of one event
    share facts at cosine 0.6-0.75 but rarely a sentence's full sense. Last, the alignment must look
    like a rewrite's: one-to-one (few sentences of ``b`` share a partner in ``a``) and in ``a``'s
    order (see :attr:`~storyfold.stages.copies.rewrite.Alignment.distinct` and ``in_order``), unless half of the
    shorter text is the other's word for word (a copy edited into another shape, e.g. a list page
    whose repeated lines were thinned out); and a short alignment (fewer than 8 pairs) must be a
    close one (mean cosine >= 0.8).

    Counts, strength and closeness are taken over the *evidence* (:func:`evidence`): aligned
    sentences of ``b`` that are neither quotations nor its headline; coverage must hold over
    ``b``'s own sentences and over all of them (quotations ``b`` has and ``a`` lacks count against it). Shared quotations and
    headlines are what independent reports of one event have in common (the seeds 002/003/004 share
    a quote; on ECB+ two outlets relaying one press release shared little else).
    """
    if not plausible(a, b, rule):
        return False, 0.0
    al = align(a, b, min_cosine=rule.min_cosine)
    # most of b's sentences must align, and most of its own ones (quotes b has and a lacks still
    # count against it); only aligned pairs of own sentences count as evidence
    own, pairs = evidence(a, b, al, rule)
    sims = [c for _, _, c in pairs]
    share = len(sims) / len(own) if own else 0.0
    strong = sum(c >= rule.strong_cosine for c in sims)
    shaped = al.distinct >= rule.min_distinct and al.in_order >= rule.min_in_order
    close = len(sims) >= rule.few_aligned or (bool(sims) and float(np.mean(sims)) >= rule.few_similarity)
    ok = (len(sims) >= rule.min_aligned and min(share, al.coverage_b) >= coverage and strong >= rule.min_strong * len(sims)
          and close and (shaped or verbatim_share(a, b) >= rule.verbatim))
    return ok, share


def evidence(a: Profile, b: Profile, al: Alignment, rule: type[RewriteRule] = RewriteRule
             ) -> tuple[list[int], list[tuple[int, int, float]]]:
    """``b``'s own sentences (neither a quotation nor its headline) and the aligned pairs
    ``(i, j, cosine)`` of ``al`` that are evidence of copying: ``b``'s sentence is one of its own and
    ``a``'s is not its headline. Two reports quoting one statement share the quotation, and two
    reports of one event have near-identical headlines, without either copying the other."""
    def own_b(j: int) -> bool:
        return b.quoted[j] < rule.max_quoted and not (j == 0 and b.title)

    own = [j for j in range(len(b.spans)) if own_b(j)]
    return own, [(i, j, c) for i, j, c in al.pairs if own_b(j) and not (i == 0 and a.title)]


class DedupStage(CorpusStage):
    name = "dedup"
    version = "3"
    requires = ("minhash",)
    optional = ("doc_vectors",)
    provides = {"relations": Relation, "lineages": Lineage, "dedup_state": DedupState}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        s = ctx.settings
        articles = list(corpus.articles())
        signatures = {aid: recs[0] for aid, recs in corpus.annotations("minhash").items() if recs}
        vectors = None
        if corpus.has("doc_vectors"):
            from storyfold.stages.cluster.doc_vector import decode_vector

            vectors = {aid: decode_vector(recs[0].vector) for aid, recs in corpus.annotations("doc_vectors").items() if recs}
        # sentences go through the store's vector cache: embedded once per database, whichever
        # fold or stage brings them (the model is loaded at the first text it lacks)
        stored = corpus.encoder(MODEL, lambda: ctx.resource("embedder", _load_embedder))
        rule = rule_key(self.version, s.rewrite_coverage, s.rewrite_candidates_per_article)
        state = DedupState(rule=rule, articles=len(articles))
        earlier = corpus.outputs("dedup_state")
        new = corpus.new_article_ids & {a.id for a in articles}
        # relations decided under another rule, or over fewer articles than all but the new ones
        # (an earlier fold whose dedup failed), are redone from scratch
        incremental = bool(earlier) and earlier[0] == DedupState(rule=rule, articles=len(articles) - len(new))
        relations = find_relations(
            articles,
            signatures,
            seed=s.seed,
            near_threshold=s.near_duplicate_threshold,
            rewrite_coverage=s.rewrite_coverage,
            embedder=lambda: stored,
            doc_vectors=vectors,
            candidates_per_article=s.rewrite_candidates_per_article,
            new_ids=new if incremental else None,
            previous=corpus.outputs("relations") if incremental else (),
        )
        return {"relations": relations, "lineages": build_lineages(relations, articles).records, "dedup_state": (state,)}


def rule_key(version: str, coverage: float, candidates_per_article: int) -> str:
    """What the stored rewrite relations depend on besides the two articles of each pair."""
    r = RewriteRule
    return (f"dedup@{version} coverage={coverage} k={candidates_per_article} candidate_cosine={CANDIDATE_COSINE} "
            f"rule={r.min_sentences},{r.min_aligned},{r.min_cosine},{r.max_foreign},{r.strong_cosine},{r.min_strong},"
            f"{r.min_distinct},{r.min_in_order},{r.verbatim},{r.few_aligned},{r.few_similarity},{r.max_quoted}")


def find_relations(
    articles: Sequence[Article],
    signatures: Mapping[str, MinHashSignature] | None = None,
    *,
    seed: int = 1,
    near_threshold: float = 0.6,
    rewrite_coverage: float = 0.5,
    embedder: Callable[[], Any] | None = None,
    doc_vectors: Mapping[str, np.ndarray] | None = None,
    candidates_per_article: int = CANDIDATES_PER_ARTICLE,
    new_ids: Collection[str] | None = None,
    previous: Sequence[Relation] = (),
    verbatim_shortcut: bool = True,
) -> tuple[Relation, ...]:
    """Every copy's relation to its source, one per copy: exact and near-duplicates from the MinHash
    index (``signatures`` as the ``minhash`` stage stored them; computed here when ``None``), then
    rewrites among the articles that are not copies.

    ``embedder`` returns the sentence embedder (loaded only when needed); ``doc_vectors`` are the
    articles' document vectors as the ``doc_vector`` stage stored them (computed here for the
    articles that lack one). With ``new_ids`` (the articles this fold added) and ``previous`` (the
    relations of the earlier fold, decided under the same rule), the rewrite pass is incremental:
    only articles :func:`carry_over` marks are checked, against their ``candidates_per_article``
    nearest articles; ``new_ids=None`` checks every article (a fold from scratch).
    ``verbatim_shortcut``: decide pairs of which one article is made of the other's sentences
    without embedding (:func:`contained_rewrite`; same result, off only to test that).
    """
    articles = sorted(articles, key=lambda a: (a.published or dt.date.max, a.id))
    missing = [a for a in articles if signatures is None or a.id not in signatures]
    fresh = {sig.article_id: sig for sig in sign(missing, make_signer(seed))}  # only what the minhash stage lacks
    signatures = {**(signatures or {}), **fresh}
    relations = _copies(articles, signatures, seed, near_threshold)
    copied = {r.b for r in relations}
    active = [a for a in articles if a.id not in copied]
    if new_ids is None:
        kept: list[Relation] = []
        todo = {a.id for a in active}
    else:
        kept, todo = carry_over({a.id for a in active}, frozenset(new_ids), previous)
    load = functools.cache(embedder or _load_embedder)  # loaded once, and only when needed
    relations += kept
    relations += _rewrites(active, todo, rewrite_coverage, load, doc_vectors or {}, candidates_per_article,
                           verbatim_shortcut)
    best: dict[str, Relation] = {}
    for rel in relations:  # one source per copy: the strongest kind, then the most similar
        cur = best.get(rel.b)
        if cur is None or (_KIND_RANK[rel.kind], -rel.similarity) < (_KIND_RANK[cur.kind], -cur.similarity):
            best[rel.b] = rel
    return tuple(sorted(best.values(), key=lambda r: (r.a, r.b)))


def carry_over(active: Collection[str], new_ids: Collection[str], previous: Sequence[Relation]) -> tuple[list[Relation], set[str]]:
    """What a fold keeps of the earlier fold's rewrites, and which articles it must check again.

    ``active`` are the articles that are not copies now (the rewrite pass runs among them),
    ``new_ids`` the articles this fold added, ``previous`` the earlier fold's relations. Whether
    ``b`` rewrites ``a`` depends on the two articles only, so a rewrite relation between two old
    articles that are both still active stays valid. What a new article can change:

    * it is checked against its nearest active articles, in both directions: it may be the source
      of an old article (earlier, or richer without dates) or derive from one, and a relation it
      takes part in replaces an old one when it is stronger (one source per copy);
    * it may make an old article a copy (exact or near-duplicate): that article leaves the rewrite
      pass, its rewrite relations are dropped, and an article that derived from it is checked again
      (its next-best source may be another old article);
    * an old article that was a copy and is not any more (its source's copy relation went to another
      article) is checked as if new.

    Returns the kept relations and the ids to check (new, no longer copies, or lost their source).
    The result equals a fold from scratch except where a new article displaces an old pair from an
    old article's nearest ``k`` (the old pair stays checked here; from scratch it would not be).
    """
    active = set(active)
    new = set(new_ids)
    was_copy = {r.b for r in previous if r.kind is not RelationKind.REWRITE}
    kept: list[Relation] = []
    todo = {a for a in active if a in new or a in was_copy}
    for r in previous:
        if r.kind is not RelationKind.REWRITE or r.a in new or r.b in new:
            continue
        if r.a in active and r.b in active:
            kept.append(r)
        elif r.b in active:  # its source became a copy: find its next-best source
            todo.add(r.b)
    return kept, todo


def document_vectors(articles: Sequence[Article], stored: Mapping[str, np.ndarray], embedder: Callable[[], Any]) -> np.ndarray:
    """``(len(articles), dim)`` float16 document vectors: the stored ones, the missing ones
    computed as the ``doc_vector`` stage would (headline and lead through ``embedder()``)."""
    from storyfold.stages.cluster.doc_vector import embed_text

    missing = [a for a in articles if a.id not in stored]
    fresh = dict(zip((a.id for a in missing), embedder().encode([embed_text(a) for a in missing]), strict=True)) if missing else {}
    return np.stack([np.asarray(stored[a.id] if a.id in stored else fresh[a.id], dtype=np.float16) for a in articles])


def rewrite_candidates(
    vectors: np.ndarray, queries: Collection[int], k: int = CANDIDATES_PER_ARTICLE, min_cosine: float = CANDIDATE_COSINE
) -> list[tuple[int, int]]:
    """Row pairs ``(i, j)``, ``i < j``, worth aligning: each query row with its at most ``k``
    nearest other rows of ``vectors`` at document-vector cosine >= ``min_cosine``."""
    pairs = {(min(q, j), max(q, j)) for q, j, _ in top_k_neighbours(vectors, sorted(queries), k, min_cosine)}
    return sorted(pairs)


def _rewrites(
    articles: list[Article],
    todo: Collection[str],
    coverage: float,
    embedder: Callable[[], Any],
    doc_vectors: Mapping[str, np.ndarray],
    k: int,
    verbatim_shortcut: bool = True,
) -> list[Relation]:
    queries = [i for i, a in enumerate(articles) if a.id in todo]
    if len(articles) < 2 or not queries:
        return []
    pairs = rewrite_candidates(document_vectors(articles, doc_vectors, embedder), queries, k)
    profiles: dict[str, Profile] = {}

    def prof(a: Article) -> Profile:
        if a.id not in profiles:
            profiles[a.id] = profile(a.id, a.text)
        return profiles[a.id]

    sentences: TextCache[np.ndarray] = TextCache(CACHE_TEXTS)  # copies and rewrites share sentences
    texts: dict[str, frozenset[str]] = {}

    def sentence_set(a: Article) -> frozenset[str]:
        if a.id not in texts:
            texts[a.id] = _sentence_set(a)
        return texts[a.id]

    def embedded(p: Profile) -> Profile:
        if p.vectors is None:
            texts = [p.sentence(i) for i in range(len(p.spans))]
            p.vectors = embed_unique(texts, embedder().encode, sentences) if texts else np.zeros((0, 1))
        return p

    out = []
    for i, j in pairs:
        x, y = articles[i], articles[j]
        px, py = prof(x), prof(y)
        if not (plausible(px, py) or plausible(py, px)):  # cheap signals first: no embedding needed
            continue
        rel = contained_rewrite(x, y, px, py, coverage, sentence_set) if verbatim_shortcut else None
        if rel is None:
            rel = rewrite_relation(x, y, embedded(px), embedded(py), coverage)
        if rel is not None:
            out.append(rel)
    return out


def contained_rewrite(
    x: Article, y: Article, px: Profile, py: Profile, coverage: float,
    sentence_set: Callable[[Article], frozenset[str]] | None = None,
) -> Relation | None:
    """The relation :func:`rewrite_relation` would give, found without any embedding, for a pair
    one of whose articles is made of sentences of the other (a copy with paragraphs dropped or
    moved: syndicated re-posts, and most of the mutated copies of the fold benchmark), when that
    article is the derived one; ``None`` when the shortcut does not apply (then embed).

    Why the result is the same: every sentence of the contained article ``b`` has its own text in
    ``a``, which the alignment picks whatever the embedding (cosine 1, and the number and name
    bonus is the highest there too), so ``is_rewrite(a, b)`` and the aligned pairs are those of
    one-hot sentence vectors. The other direction, which could need the embedding, cannot change
    the answer once ``a`` is the source by :func:`_source_first` (dates, then specifics, then
    length): when both directions pass, that decides; when only ``a -> b`` passes, it stands.
    ``tests/stages/test_dedup_shortcut.py`` checks the equality on real articles.
    ``sentence_set`` gives an article's sentence texts (a caller checking many pairs caches them).
    """
    sents = sentence_set or _sentence_set
    for a, pa, b, pb in ((x, px, y, py), (y, py, x, px)):
        if not sents(b) <= sents(a) or not _source_first(a, b):
            continue
        oa, ob = _one_hot(pa, pb)
        if is_rewrite(oa, ob, coverage)[0]:
            return _rewrite(a, oa, b, ob)
        return None
    return None


def _sentence_set(a: Article) -> frozenset[str]:
    """The texts of ``a``'s sentences: ``b`` is made of ``a``'s sentences when its set is a subset."""
    return frozenset(a.text[s:e] for s, e in sentence_spans(a.text))


def _one_hot(pa: Profile, pb: Profile) -> tuple[Profile, Profile]:
    """Copies of the profiles whose sentence vectors are one-hot by sentence text (cosine 1 for
    the same text, 0 otherwise)."""
    index: dict[str, int] = {}
    rows = [[index.setdefault(p.sentence(i), len(index)) for i in range(len(p.spans))] for p in (pa, pb)]
    eye = np.eye(max(1, len(index)), dtype=np.float32)
    return dataclasses.replace(pa, vectors=eye[rows[0]]), dataclasses.replace(pb, vectors=eye[rows[1]])


def _load_embedder() -> Any:
    from storyfold.text.embed import load_embedder

    return load_embedder()


def _source_first(x: Article, y: Article) -> bool:
    def key(a: Article) -> tuple[str, Any, frozenset[str], int]:  # length in words: layout does not count
        return a.id, a.published, specifics(a.text), len(a.text.split())

    return source_first(key(x), key(y))


def _copies(articles: list[Article], signatures: Mapping[str, MinHashSignature], seed: int, threshold: float) -> list[Relation]:
    """Exact duplicates, and near-duplicates: the index reports candidates whose *estimated*
    similarity reaches ``threshold - VERIFY_MARGIN`` (the 64-permutation estimate has a standard
    deviation of about 0.06); a candidate estimated within ``VERIFY_MARGIN`` of ``threshold`` on
    either side is kept when its exact similarity reaches ``threshold`` (and carries it), one
    estimated above that band is kept with its estimate (so the exact count is paid only in the
    uncertain band). The index reports one candidate per article (the best estimated): when it
    fails the exact test, the article goes on to the rewrite pass."""
    index = NearDupIndex(num_perm=NUM_PERM, bands=BANDS, rows=ROWS, threshold=max(0.0, threshold - VERIFY_MARGIN), seed=seed)
    if not articles:
        return []
    matches = index.add_batch(*stack([signatures[a.id] for a in articles], seed))
    out = []
    for m in matches:
        x, y = articles[m.a], articles[m.b]
        similarity = m.similarity
        if not m.exact and similarity < threshold + VERIFY_MARGIN:  # the estimate is not sure: count
            similarity = jaccard(normalise(x.text), normalise(y.text))
        if similarity < threshold:
            continue
        src, copy = (x, y) if _source_first(x, y) else (y, x)
        kind = RelationKind.EXACT if m.exact else RelationKind.NEAR_DUPLICATE
        out.append(_verbatim_relation(src, copy, kind, round(similarity, 4)))
    return out


def rewrite_relation(x: Article, y: Article, px: Profile, py: Profile, coverage: float) -> Relation | None:
    """The rewrite relation between ``x`` and ``y`` (source first), or ``None`` when neither
    rewrites the other. Known, differing publication dates fix the direction; otherwise the
    direction that passes :func:`is_rewrite`, and when both do, :func:`source_first`."""
    dated = x.published is not None and y.published is not None and x.published != y.published
    if dated:
        orders = [(x, px, y, py)] if x.published < y.published else [(y, py, x, px)]
    else:
        orders = [(x, px, y, py), (y, py, x, px)]
    passing = [(a, pa, b, pb, share) for a, pa, b, pb in orders for ok, share in [is_rewrite(pa, pb, coverage)] if ok]
    if not passing:
        return None
    if len(passing) == 2:
        passing = [passing[0] if _source_first(x, y) else passing[1]]
    a, pa, b, pb, _share = passing[0]
    return _rewrite(a, pa, b, pb)


def _rewrite(a: Article, pa: Profile, b: Article, pb: Profile) -> Relation:
    """The rewrite relation ``a -> b``: aligned sentence pairs, unsupported additions, dropped qualifiers."""
    al = align(pa, pb, min_cosine=RewriteRule.min_cosine)
    aligned = tuple(
        SentencePair(a_start=pa.spans[i][0], a_end=pa.spans[i][1], b_start=pb.spans[j][0], b_end=pb.spans[j][1], similarity=c)
        for i, j, c in al.pairs
    )
    unsupported = tuple(
        Evidence(article_id=b.id, start=pb.spans[j][0], end=pb.spans[j][1], text=pb.sentence(j)) for j in al.unaligned_b
    )
    dropped: list[str] = []
    checks = [(i, j, None) for i, j, _c in al.pairs]
    # a figure carried over from another sentence of a (a merge) keeps its scope: "300,000 troops
    # including reserves" rewritten as "300,000 troops" drops the qualifier wherever it went
    paired = {(i, j) for i, j, _c in al.pairs}
    with_number = sentences_with(pa.numbers)
    checks += [(i, j, _NUMBER_QUALIFIERS) for j in range(len(pb.spans))
               for i in sorted({i for n in pb.numbers[j] for i in with_number.get(n, ())}) if (i, j) not in paired]
    for i, j, classes in checks:
        for q in dropped_qualifiers(pa.sentence(i), pb.sentence(j), classes):
            if q not in dropped:
                dropped.append(q)
    return Relation(a=a.id, b=b.id, kind=RelationKind.REWRITE, similarity=round(al.similarity, 4), aligned=aligned,
                    unsupported=unsupported, dropped_qualifiers=tuple(dropped))


def _verbatim_relation(a: Article, b: Article, kind: RelationKind, similarity: float) -> Relation:
    """A copy's relation: sentences aligned where their normalised text is identical; sentences of
    ``b`` found nowhere in ``a`` (added boilerplate, edits) are its unsupported spans."""
    a_sents: dict[str, tuple[int, int]] = {}
    for s, e in sentence_spans(a.text):
        a_sents.setdefault(normalise(a.text[s:e]), (s, e))
    aligned, unsupported = [], []
    for s, e in sentence_spans(b.text):
        hit = a_sents.get(normalise(b.text[s:e]))
        if hit is not None:
            aligned.append(SentencePair(a_start=hit[0], a_end=hit[1], b_start=s, b_end=e, similarity=1.0))
        elif kind is not RelationKind.EXACT:
            unsupported.append(Evidence(article_id=b.id, start=s, end=e, text=b.text[s:e]))
    return Relation(a=a.id, b=b.id, kind=kind, similarity=similarity, aligned=tuple(aligned), unsupported=tuple(unsupported))
