"""Spans of a dependency parse (a spaCy ``Doc``): a noun phrase's words, the run of tokens around
a head, the character span of tokens. Shared by the readers of speech events."""

from __future__ import annotations

from typing import Any

__all__ = ["char_span", "contiguous", "noun_phrase"]

# the parts of a subject phrase that are not the speaker's name: "Sen. X (D., Hawaii)",
# "X, who met Y, said"
TRIM = ("relcl", "appos", "acl", "punct", "cc", "conj", "advcl", "parataxis")


def noun_phrase(head: Any) -> tuple[int, int]:
    """The speaker's words: the noun phrase of ``head`` without its relative clauses,
    appositions and what follows a comma."""
    toks = [head]
    stack = [c for c in head.children if c.dep_ not in TRIM or c.dep_ == "punct" and c.text in "-–"]
    while stack:
        t = stack.pop()
        toks.append(t)
        stack.extend(c for c in t.children if c.dep_ not in ("relcl", "appos") and (c.dep_ != "punct" or c.text in "-–"))
    toks = contiguous(head, toks)
    start, end = char_span(toks)
    return start, end


def contiguous(head: Any, toks: list[Any]) -> list[Any]:
    """The run of ``toks`` around ``head`` with no gap (a trimmed apposition leaves one)."""
    ids = {t.i for t in toks}
    lo = hi = head.i
    while lo - 1 in ids:
        lo -= 1
    while hi + 1 in ids:
        hi += 1
    return [t for t in toks if lo <= t.i <= hi]


def char_span(toks: list[Any]) -> tuple[int, int]:
    """The character span from the first of ``toks`` to the last, without punctuation at either
    end other than quotation marks."""
    toks = sorted(toks, key=lambda t: t.i)
    while len(toks) > 1 and (toks[0].is_punct or toks[0].is_space) and toks[0].text not in "“\"'‘":
        toks = toks[1:]
    while len(toks) > 1 and (toks[-1].is_punct or toks[-1].is_space) and toks[-1].text not in "”\"'’":
        toks = toks[:-1]
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)
