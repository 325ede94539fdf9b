"""Token helpers of the commitments parse: spans, the item's subtree, lemmas set once."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

__all__ = ["ITEM_TOKENS", "RECIPIENT_PREP", "antecedent", "base_form", "holds_word", "item_span", "lemma", "marked_clauses", "span",
           "split_off", "subtree"]

RECIPIENT_PREP = frozenset({"to", "for"})


def span(tokens: Sequence[Any]) -> tuple[int, int]:
    return tokens[0].idx, tokens[-1].idx + len(tokens[-1])


def marked_clauses(head: Any) -> tuple[tuple[int, int], ...]:
    """The spans of the adverbial clauses under ``head`` that a subordinating conjunction opens
    ("until a $3.5 trillion package also cleared", "if the United States sends $2 billion"): what
    they state is a condition or another's act, no sum of ``head``'s."""
    return tuple(span(sorted(t.subtree, key=lambda x: x.i)) for t in head.children
                 if t.dep_ == "advcl" and any(c.dep_ == "mark" for c in t.children))


ITEM_TOKENS = 16  # the most tokens an item keeps


def item_span(tokens: Sequence[Any]) -> tuple[int, int]:
    """The span of an item's tokens (the first :data:`ITEM_TOKENS`) without the words that a cut or
    a misparse leaves dangling at its end: a preposition none of whose words are kept ("250 GBR
    million out of", the parse making "1 GBR billion" a subject of its own), a conjunction, a
    determiner, a punctuation mark."""
    toks = list(tokens[:ITEM_TOKENS])
    kept = {t.i for t in toks}
    while len(toks) > 1 and (toks[-1].pos_ in ("CCONJ", "DET", "PUNCT") or toks[-1].pos_ == "ADP" and not any(
            c.i in kept for c in toks[-1].children)):
        kept.discard(toks.pop().i)
    return span(toks)


def subtree(tok: Any, drop: frozenset[str] = frozenset()) -> list[Any]:
    out = [tok]
    for child in tok.children:
        if child.dep_ in drop:
            continue
        if child.dep_ == "prep" and child.lower_ in RECIPIENT_PREP | {"worth", "from", "by", "under", "amid", "on",
                                                                        "since", "during", "after", "before", "with", "at"}:
            continue
        out.extend(subtree(child, drop))
    return sorted(out, key=lambda t: t.i)


_LEMMAS: dict[tuple[int, int, int, int], str] = {}  # (lemmatizer, form, POS, morphology) -> lemma
_LEMMAS_KEPT = 50_000


def lemma(tok: Any, lemmatizer: Any | None) -> str:
    """``tok.lemma_``, set first where the parse left it unset to what ``lemmatizer`` gives (a
    rule lemmatizer's lemma depends on the form, the part of speech and the morphology only, so it
    is computed once per process for each of them)."""
    if tok.lemma == 0 and lemmatizer is not None:
        key = (id(lemmatizer), tok.orth, tok.pos, tok.morph.key)
        found = _LEMMAS.get(key)
        if found is None:
            if len(_LEMMAS) >= _LEMMAS_KEPT:
                _LEMMAS.clear()
            found = _LEMMAS[key] = lemmatizer.lemmatize(tok)[0]
        tok.lemma_ = found
    return tok.lemma_


def base_form(tok: Any) -> str:
    """``tok``'s lemma in lower case, its form where the parse set none (the key WordNet and the
    lexicons are read with)."""
    return (tok.lemma_ or tok.lower_).lower()


def antecedent(tok: Any | None) -> Any | None:
    """The noun a relative pronoun stands for, the one its clause qualifies ("the war that has been
    imposed": the war; "the document, which was released": the document), else ``tok``."""
    if tok is not None and tok.tag_ in ("WDT", "WP") and tok.head.dep_ == "relcl" and tok.head.head.pos_ in ("NOUN", "PROPN"):
        return tok.head.head
    return tok


def holds_word(verb: Any, words: Sequence[str]) -> bool:
    """Whether ``verb``'s subtree holds one of ``words`` (a form or a lemma), a particle only as the
    verb's own ("ruled Afghanistan, … carrying out public executions" holds no "out" of "rule")."""
    return any((t.lower_ in words or t.lemma_ in words) and (t.dep_ != "prt" or t.head.i == verb.i) for t in verb.subtree)


def split_off(sent: Any) -> bool:
    """Whether a parsed sentence opens with a lower-case word: a piece the parse split off a sentence
    ("… at 12:38 p.m. and 12:43 p.m. | local time (11:38 p.m. …)"), no sentence or note of its own."""
    return sent[0].is_lower and sent[0].is_alpha


def given_by(verb: Any, acts: frozenset[str] = frozenset()) -> bool:
    """Whether ``verb`` is a participle qualifying a noun and naming its agent ("the 50 tanks sent
    by Germany", "a moratorium imposed by the CDC"): an act whose object is the noun it qualifies
    (not one received: "the aid received by Ukraine" names the receiver; nor what qualifies a
    recipient: "contributed 5 million EUR to the … Trust Fund set up by the World Bank"; nor, with
    ``acts``, a noun inside another act's clause: "23 million EUR directed to Ukraine, which are part
    of a 31 million EUR package allocated by the Ministry …" describes the whole the act is part of)."""
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and verb.head.pos_ in ("NOUN", "PROPN", "NUM", "SYM") and \
        verb.lemma_ != "receive" and any(c.dep_ == "agent" for c in verb.children) and not on_recipient(verb) \
        and not any(t.lemma_ in acts and t.pos_ == "VERB" for t in verb.head.ancestors)


def on_recipient(clause: Any) -> bool:
    """Whether a relative or participle clause qualifies a recipient ("attributed to a NATO Trust Fund
    that …"; not the "to" of a complex preposition: "according to the MacArthur Foundation, which …")."""
    to = clause.head.head
    return clause.head.dep_ == "pobj" and to.lower_ in ("to", "into", "towards") \
        and to.head.lower_ not in _COMPLEX_PREP


# The first words of the complex prepositions ending in "to" ("according to", "due to", "thanks to").
_COMPLEX_PREP = frozenset({"according", "due", "thanks", "owing", "prior", "next", "close", "contrary", "pursuant"})
