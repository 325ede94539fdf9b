"""Claims: the factual assertions of each sentence, with who says them and how firmly.

Every sentence with a finite verb becomes a :class:`~storyfold.records.ClaimMention`: subject,
predicate and object read from spaCy's dependency parse, the first quantity and the first resolved
date inside the sentence (from the ``quantities`` and ``dates`` stages), the attribution and the
modality. A reporting verb whose clausal complement carries the content ("Bloomberg reported that
X", "officials suggest it could involve Y") gives the attribution (its subject) and the claim is
read from the complement.

Modality, first rule that fires:

* ``conditional``: "if", "unless", "provided that", "without a ceasefire/peace deal/US support",
  "once a ceasefire";
* ``hedged``: "it is hoped", "expected to", "is seen as", "is set to", modal verbs (could, may,
  might, would), "possibly", "reportedly", "likely", "aims to";
* ``attributed``: an attribution was found ("according to Bloomberg", "Bloomberg reported",
  "Whitehall insiders said", a quote's speaker);
* ``asserted`` otherwise.

Text is parsed paragraph by paragraph (:func:`storyfold.text.nlp.paragraphs`): the small English
pipeline glues a headline onto the lead otherwise.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

from storyfold.pipeline import ArticleStage, Context, Outputs
from storyfold.records import Article, ClaimMention, DateMention, Modality, Quantity, QuoteVariant
from storyfold.text.cache import CACHE_TEXTS, TextCache, cached_map
from storyfold.text.lexicon import ASSERTIVE, COGNITION, alternation, verb_forms
from storyfold.text.nlp import FastAttributeRuler, load_spacy, paragraphs
from storyfold.text.speech import SpeechSpan, speech_of_doc

__all__ = ["ClaimsStage", "attribution_of", "claims_of_articles", "find_claims", "modality_of", "parsed_paragraphs",
           "read_articles"]

_CONDITIONAL = re.compile(
    r"\b(?:if|unless|provided\s+that|as\s+long\s+as|on\s+condition\s+that|once\s+a\s+(?:ceasefire|peace)"
    r"|without\s+(?:a|an|the)?\s*(?:ceasefire|peace\s+(?:deal|process|agreement)|US|U\.S\.|American|clear)"
    r"|in\s+case)\b",
    re.IGNORECASE,
)
_HEDGED = re.compile(
    r"\b(?:it\s+is\s+hoped|hope[sd]?\s+that|(?:is|are|was|were)\s+(?:expected|likely|set|due|poised)\s+to"
    r"|(?:is|are)\s+seen\s+as|could|may|might|would|possibly|potentially|reportedly|likely|perhaps|aims?\s+to"
    r"|is\s+understood\s+to|appears?\s+to|seems?\s+to|envisioned|expected)\b",
    re.IGNORECASE,
)
_REPORTING = ASSERTIVE | COGNITION  # a sentence whose root is one of these lemmas reports what someone says
_ACCORDING = re.compile(r"\baccording\s+to\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of))*)")
_REPORTED_BY = re.compile(
    r"\b(?:as\s+)?reported\s+by\s+(?P<who>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|of))*)"
)
# The verbs of "X said" attributions, and of a speaker named after a quote ("…,” X said).
_SAID_VERBS = alternation(
    verb_forms(["say", "report"], ("s", "past")) | verb_forms(["suggest"], ("base", "s", "past"))
    | verb_forms(["tell", "state", "note", "add", "announce", "warn", "remark", "inform", "assert"], ("past",))
)
_SAYS = verb_forms(["say"], ("s", "past"))
_SAID = re.compile(
    r"(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}(?:[A-Z][\w.'’-]*|officials|insiders|sources|diplomats|analysts|"
    r"he|she|they))\s+(?:has\s+|have\s+|had\s+)?" + _SAID_VERBS + r"\b"
)
_SAID_AFTER = re.compile(
    r"[\"”»]\s*,?\s*(?:(?P<who1>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}|he|she|they)\s+"
    + alternation(_SAYS | verb_forms(["add", "tell", "remark", "state"], ("past",)))
    + r"|" + alternation(_SAYS | verb_forms(["add"], ("past",))) + r"\s+(?P<who2>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))"
)
_MAX_SLOT = 90
_MIN_TOKENS = 5  # a sentence shorter than this gives no claim
DOCS_KEPT = 2_048  # parsed paragraphs kept for the later article stages of a batch (a batch is 32 articles)


def modality_of(sentence: str, attribution: str | None) -> Modality:
    """``conditional``, ``hedged``, ``attributed`` or ``asserted`` (first that applies)."""
    if _CONDITIONAL.search(sentence):
        return Modality.CONDITIONAL
    if _HEDGED.search(sentence):
        return Modality.HEDGED
    if attribution:
        return Modality.ATTRIBUTED
    return Modality.ASSERTED


def attribution_of(sentence: str) -> str | None:
    """Who the sentence says says it: "according to X", "as reported by X", "X said/reported",
    a quote's speaker ("…,” Ishiba said)."""
    for rx in (_ACCORDING, _REPORTED_BY):
        m = rx.search(sentence)
        if m:
            return _tidy(m.group("who"))
    m = _SAID_AFTER.search(sentence)
    if m:
        return _tidy(m.group("who1") or m.group("who2"))
    m = _SAID.search(sentence)
    if m:
        return _tidy(m.group("who"))
    return None


def _tidy(who: str) -> str:
    words = who.strip().rstrip(",.").split()
    while words and words[0] in {"The", "But", "And", "So", "As", "On", "In", "While", "Also"}:
        words.pop(0)
    return " ".join(words)


def _span_text(tokens: Iterable[Any]) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    text = doc[toks[0].i : toks[-1].i + 1].text.strip(" ,;:\"“”«»")
    return text if len(text) <= _MAX_SLOT else text[:_MAX_SLOT].rsplit(" ", 1)[0] + "…"


def _subject(verb: Any) -> Any | None:
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass", "csubj", "expl"):
            return child
    if verb.dep_ in ("conj", "xcomp", "advcl") and verb.head is not verb:
        return _subject(verb.head)
    return None


def _object(verb: Any) -> Any | None:
    for dep in ("dobj", "attr", "oprd", "acomp", "xcomp", "ccomp", "prep", "dative", "agent"):
        for child in verb.children:
            if child.dep_ == dep:
                return child
    return None


def _predicate(verb: Any) -> tuple[str, bool]:
    negated = any(c.dep_ == "neg" for c in verb.children)
    aux = [c.text for c in verb.children if c.dep_ in ("aux", "auxpass", "neg") and c.i < verb.i]
    prt = [c.text for c in verb.children if c.dep_ == "prt"]
    return " ".join([*aux, verb.text, *prt]).strip(), negated


def _lemma(token: Any, lemmatizer: Any | None) -> str:
    """``token.lemma_`` as the pipeline's lemmatizer would set it. The stage runs the pipeline with
    its lemmatizer disabled (it would lemmatise every token; only clause roots are asked) and calls
    it here, on the one token, exactly as the component does (a lemma an earlier component set is
    kept unless the lemmatizer overwrites)."""
    if lemmatizer is None or (token.lemma != 0 and not lemmatizer.overwrite):
        return token.lemma_
    return lemmatizer.lemmatize(token)[0]


def _content_verb(sent: Any, lemmatizer: Any | None = None) -> tuple[Any, str | None]:
    """The verb carrying the claim and, when the root is a reporting verb, its subject."""
    root = sent.root
    if _lemma(root, lemmatizer).lower() in _REPORTING:
        comp = next((c for c in root.children if c.dep_ in ("ccomp", "xcomp") and c.pos_ in ("VERB", "AUX")), None)
        if comp is not None:
            subj = _subject(root)
            who = _span_text(subj.subtree) if subj is not None and subj.lower_ not in ("it",) else None
            return comp, who
    return root, None


def _in_span(items: Sequence[Any], start: int, end: int) -> Any | None:
    return next((x for x in items if start <= x.start and x.end <= end), None)


def _clauses(sent: Any) -> list[tuple[int, int, Any | None]]:
    """``(start token, end token, verb)`` per main clause: a sentence whose root has a conjoined
    verb with its own subject ("X have committed …, but it is hoped that …") is split before the
    conjunction, so each clause is its own claim; ``verb`` None means "read it from the root"."""
    root = sent.root
    cuts = []
    for child in root.children:
        if child.dep_ == "conj" and child.pos_ in ("VERB", "AUX") and _subject_own(child):
            first = min(t.i for t in child.subtree)
            cc = next((t for t in root.children if t.dep_ == "cc" and root.i < t.i < first), None)
            cut = cc.i if cc is not None else first
            while cut > sent.start and sent.doc[cut - 1].is_punct:
                cut -= 1
            cuts.append((cut, child))
    if not cuts:
        return [(sent.start, sent.end, None)]
    out: list[tuple[int, int, Any | None]] = []
    start, verb = sent.start, None
    for cut, child in sorted(cuts, key=lambda c: c[0]):
        out.append((start, cut, verb))
        start, verb = cut, child
    out.append((start, sent.end, verb))
    return out


def _subject_own(verb: Any) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


class _Clause(NamedTuple):
    """What the parse of one paragraph gives for one claim, offsets relative to the paragraph:
    depends on the paragraph's text alone, so it is cached by that text."""

    start: int
    end: int
    subject: str
    predicate: str | None
    object: str | None
    negated: bool
    reporter: str | None


def clauses_of_doc(doc: Any, lemmatizer: Any | None = None) -> tuple[_Clause, ...]:
    """The claim clauses of one parsed paragraph. ``lemmatizer``: the pipeline's lemmatizer when
    it was disabled while parsing (see :func:`_lemma`)."""
    text = doc.text
    out: list[_Clause] = []
    for sent in doc.sents:
        if len(sent) < _MIN_TOKENS or sent.text.rstrip().endswith("?"):
            continue
        for ts, te, given in _clauses(sent):
            span = doc[ts:te]
            start, end = span.start_char, span.end_char
            while end > start and text[end - 1] in " ,;:–—-":
                end -= 1
            while start < end and text[start] in " ,;:–—-":
                start += 1
            if len(span) < 4 or not any(t.pos_ in ("VERB", "AUX") for t in span):
                continue
            verb, reporter = (given, None) if given is not None else _content_verb(span, lemmatizer)
            subj = _subject(verb)
            if subj is None:
                continue
            obj = _object(verb)
            predicate, negated = _predicate(verb)
            out.append(_Clause(start, end, _span_text(subj.subtree), predicate or None,
                               _span_text(obj.subtree) if obj is not None else None, negated, reporter))
    return tuple(out)


def claims_from_doc(
    doc: Any, offset: int, text: str, article_id: str, dates: Sequence[DateMention], quantities: Sequence[Quantity],
    lemmatizer: Any | None = None,
) -> list[ClaimMention]:
    """The claims in one parsed paragraph (``offset``: where it starts in the article)."""
    speech = speech_of_doc(doc)
    return [_mention(article_id, offset, c, text, dates, quantities, speech) for c in clauses_of_doc(doc, lemmatizer)]


_FIRST_SECOND = frozenset({"i", "we", "you"})


class _Reading(NamedTuple):
    """What the parse of one paragraph gives: its claim clauses and its speech events."""

    clauses: tuple[_Clause, ...]
    speech: tuple[SpeechSpan, ...]


def _source(clause: _Clause, speech: Sequence[SpeechSpan], text: str = "") -> SpeechSpan | None:
    """The speech event whose content holds most of the clause: the claim is its speaker's. A
    first- or second-person speaker ("I think", inside someone's quote) names no one here."""
    best, best_overlap = None, 0
    for sp in speech:
        if sp.speaker_start < 0 or text[sp.speaker_start : sp.speaker_end].lower() in _FIRST_SECOND:
            continue
        overlap = min(sp.content_end, clause.end) - max(sp.content_start, clause.start)
        if overlap > best_overlap and overlap >= 0.5 * (clause.end - clause.start) and not (
            sp.speaker_start >= clause.start and sp.speaker_end <= clause.end and sp.cue_start < clause.start
        ):
            best, best_overlap = sp, overlap
    return best


def _mention(
    article_id: str, offset: int, clause: _Clause, text: str, dates: Sequence[DateMention], quantities: Sequence[Quantity],
    speech: Sequence[SpeechSpan] = (),
) -> ClaimMention:
    start, end = offset + clause.start, offset + clause.end
    stext = text[start:end]
    source = _source(clause, speech, text[offset:])
    attribution = clause.reporter or attribution_of(stext)
    if source is not None and (attribution is None or clause.reporter):
        attribution = text[offset + source.speaker_start : offset + source.speaker_end]
    q = _in_span(quantities, start, end)
    time = next((t for x in dates if start <= x.start and x.end <= end and (t := x.date) is not None), None)
    return ClaimMention(
        article_id=article_id, start=start, end=end, text=stext, subject=clause.subject,
        predicate=clause.predicate, object=clause.object, negated=clause.negated,
        value=q.value if q else None, unit=q.unit if q else None, qualifier=q.qualifier if q else None,
        counts=q.counts if q else None, time=time, attribution=attribution,
        modality=modality_of(stext, attribution),
        attribution_start=offset + source.speaker_start if source is not None else None,
        attribution_end=offset + source.speaker_end if source is not None else None,
    )


def find_claims(
    text: str, article_id: str, dates: Sequence[DateMention], quantities: Sequence[Quantity], nlp: Any
) -> list[ClaimMention]:
    """Every claim in ``text`` (one article), parsed with ``nlp``."""
    return claims_of_articles(nlp, [(text, article_id, dates, quantities)])[0]


def claims_of_articles(
    nlp: Any, articles: Sequence[tuple[str, str, Sequence[DateMention], Sequence[Quantity]]], batch_size: int = 64,
    cache: TextCache[_Reading] | None = None,
) -> list[list[ClaimMention]]:
    """The claims of each ``(text, article id, dates, quantities)`` (see :func:`read_articles`)."""
    return [claims for claims, _ in read_articles(nlp, articles, batch_size, cache)]


def parsed_paragraphs(ctx: Context) -> TextCache[Any]:
    """The spaCy Docs of the paragraphs this stage parsed last, by paragraph text, for a later
    article stage that reads the same parse. Their lemmas are not set (see :func:`_lemma`)."""
    return ctx.resource(f"claims:docs:{ctx.settings.spacy_model}", lambda: TextCache(DOCS_KEPT))


def read_articles(
    nlp: Any, articles: Sequence[tuple[str, str, Sequence[DateMention], Sequence[Quantity]]], batch_size: int = 64,
    cache: TextCache[_Reading] | None = None, keep: TextCache[Any] | None = None,
) -> list[tuple[list[ClaimMention], list[QuoteVariant]]]:
    """The claims and the speech events of each ``(text, article id, dates, quantities)``, both
    read from one parse (a speech event as a reported-speech :class:`QuoteVariant`: speaker as
    written, ``cue``, content span; the quotes stage resolves the speaker and tells direct from
    indirect). Parsed paragraph by paragraph
    in one ``nlp.pipe`` stream. Three savings that leave the result unchanged: a paragraph of fewer
    than five tokens is not parsed (no sentence in it can give a claim), the lemmatizer runs only
    on the clause roots whose lemma is read, instead of on every token, and the attribute ruler's
    rules are applied by :class:`~storyfold.text.nlp.FastAttributeRuler` instead of its Matcher. A
    paragraph ``cache`` holds (by the paragraph's text) the clauses an earlier parse gave; the
    article's dates and figures are joined in afterwards. ``keep`` receives each parsed Doc."""
    pieces = [(i, a, b) for i, (text, *_rest) in enumerate(articles) for a, b in paragraphs(text)]
    names = nlp.pipe_names
    lemmatizer = nlp.get_pipe("lemmatizer") if "lemmatizer" in names else None
    disable = ["lemmatizer"] if lemmatizer is not None else []
    # the fast ruler stands in for the component only where nothing after it but the lemmatizer runs
    after_ruler = names[names.index("attribute_ruler") + 1 :] if "attribute_ruler" in names else ["-"]
    ruler = FastAttributeRuler.of(nlp) if set(after_ruler) <= {"lemmatizer"} else None
    if ruler is not None:
        disable.append("attribute_ruler")

    def parse(texts: list[str]) -> Iterator[_Reading]:
        docs = [nlp.make_doc(t) for t in texts]
        parsed = nlp.pipe((d for d in docs if len(d) >= _MIN_TOKENS), batch_size=batch_size, disable=disable)
        for d in docs:
            if len(d) < _MIN_TOKENS:
                yield _Reading((), ())
                continue
            doc = next(parsed)
            if ruler is not None:
                ruler(doc)
            if keep is not None:
                keep.put(doc.text, doc)
            yield _Reading(clauses_of_doc(doc, lemmatizer), speech_of_doc(doc))

    readings = cached_map([articles[i][0][a:b] for i, a, b in pieces], parse, cache)
    found: list[tuple[list[ClaimMention], list[QuoteVariant]]] = [([], []) for _ in articles]
    for (i, a, _b), reading in zip(pieces, readings, strict=True):
        text, article_id, dates, quantities = articles[i]
        found[i][0].extend(_mention(article_id, a, c, text, dates, quantities, reading.speech) for c in reading.clauses)
        found[i][1].extend(_speech_variant(article_id, a, text, sp) for sp in reading.speech)
    return found


def _speech_variant(article_id: str, offset: int, text: str, sp: SpeechSpan) -> QuoteVariant:
    has_speaker = sp.speaker_start >= 0
    return QuoteVariant(
        article_id=article_id, text=text[offset + sp.content_start : offset + sp.content_end],
        start=offset + sp.content_start, end=offset + sp.content_end,
        speaker=text[offset + sp.speaker_start : offset + sp.speaker_end] if has_speaker else None,
        direct=False, kind="indirect", cue=sp.lemma,
        cue_start=offset + sp.cue_start, cue_end=offset + sp.cue_end,
        speaker_start=offset + sp.speaker_start if has_speaker else None,
        speaker_end=offset + sp.speaker_end if has_speaker else None,
    )


class ClaimsStage(ArticleStage):
    """Per-article claim mentions; merged across articles by the reconcile stage."""

    name = "claims"
    version = "6"
    requires: ClassVar[tuple[str, ...]] = ("dates", "quantities")
    provides: ClassVar[Mapping[str, type]] = {"claim_mentions": ClaimMention, "speech_mentions": QuoteVariant}

    def _nlp(self, ctx: Context) -> Any:
        name = ctx.settings.spacy_model
        return ctx.resource(f"spacy:{name}:claims", lambda: load_spacy(name, ("ner",)))

    def setup(self, ctx: Context) -> None:
        self._nlp(ctx)

    def process(self, article: Article, inputs: Outputs, ctx: Context) -> Outputs:
        return self.process_batch([article], [inputs], ctx)[0]

    def process_batch(self, articles: Sequence[Article], inputs: Sequence[Outputs], ctx: Context) -> list[Outputs]:
        jobs = [(a.text, a.id, i.get("dates", ()), i.get("quantities", ())) for a, i in zip(articles, inputs, strict=True)]
        cache = ctx.resource(f"claims:paragraphs:{ctx.settings.spacy_model}", lambda: TextCache(CACHE_TEXTS))
        return [{"claim_mentions": tuple(c), "speech_mentions": tuple(s)}
                for c, s in read_articles(self._nlp(ctx), jobs, cache=cache, keep=parsed_paragraphs(ctx))]
