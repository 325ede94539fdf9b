"""Headlines as a reader wants them: without the site name a page title carries (" - BBC News",
"| Reuters"), and, for a story, the headline its sources bear out best.

A trailing segment after a spaced separator is taken for the site's name when it is short and the
headline before it is not, and either the separator is a bar (which headlines themselves hardly use),
or the segment names the article's own outlet or web host (the same letters, one holding the other,
or a host spelling its words whole or by their initials: "nytimes.com" for "New York Times"), or the
same segment ends another headline of the document. No list of outlets is consulted.

A story's title is chosen among its articles' headlines: each headline word (three letters or more)
scores the share of the story's other independent sources whose text holds it, and the headline
with the best mean wins, so a headline that says what most sources say beats one with words only
its own article uses (a typo among them); ties go to the headline the cluster stage chose.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["SUFFIX_WORDS", "best_headline", "clean_headline", "headline_suffix", "site_suffixes"]

SUFFIX_WORDS = 4  # the longest site name taken off a headline, in words
_SEPARATOR = re.compile(r"\s+([|\-–—:·•])\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def _key(text: str | None) -> str:
    """Letters and digits only, case-folded: "BBC News" and "bbcnews" match."""
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def headline_suffix(title: str) -> tuple[str, str, str] | None:
    """``(head, separator, tail)`` of a headline split at its last spaced separator, when the tail
    is short enough to be a site's name and the head long enough to stand alone; else ``None``."""
    parts = list(_SEPARATOR.finditer(title))
    if not parts:
        return None
    m = parts[-1]
    head, tail = title[: m.start()].strip(), title[m.end() :].strip()
    if not tail or len(tail.split()) > SUFFIX_WORDS or len(head.split()) < 3:
        return None
    return head, m.group(1), tail


def site_suffixes(titles: Iterable[str | None]) -> frozenset[str]:
    """Tails (:func:`headline_suffix`, as keys) that end two or more of ``titles``: site names."""
    counts = Counter(_key(s[2]) for t in titles if t and (s := headline_suffix(t)))
    return frozenset(k for k, n in counts.items() if n >= 2)


def _host_key(host: str | None) -> str:
    """A web host without its ``www.`` and its public suffix: "www.bbc.co.uk" -> "bbc"."""
    labels = [x for x in (host or "").casefold().split(".") if x and x != "www"]
    while len(labels) > 1 and len(labels[-1]) <= 3:
        labels.pop()
    return _key(labels[0]) if labels else ""


def _spells(words: Sequence[str], key: str) -> bool:
    """Whether ``key`` spells ``words`` with each word whole or by its initial, in order: "nytimes"
    and "nyt" spell "New York Times", "wsj" "Wall Street Journal", "latimes" "Los Angeles Times"."""
    if not words:
        return not key
    first, rest = words[0], words[1:]
    return any(key.startswith(part) and _spells(rest, key[len(part) :]) for part in dict.fromkeys((first, first[:1])))


def _names(tail: str, key: str, name: str) -> bool:
    """Whether a headline's ``tail`` (``key``: its letters and digits) is the site ``name``: the same
    letters or one starting the other, one holding the other (four letters or more), or ``name``
    spelling its words (all of them, or all but the first)."""
    if len(name) < 2:
        return False
    if key.startswith(name) or name.startswith(key) or (min(len(key), len(name)) >= 4 and (name in key or key in name)):
        return True
    words = [_key(w) for w in tail.split() if _key(w)]
    # the first word may be left out ("nytimes" for "The New York Times")
    return any(len(w) >= 2 and _spells(w, name) for w in (words, words[1:]))


def clean_headline(title: str, *, outlet: str | None = None, host: str | None = None,
                   suffixes: frozenset[str] = frozenset()) -> str:
    """``title`` without a trailing site name (see the module's rules); unchanged otherwise."""
    title = " ".join(title.split())
    split = headline_suffix(title)
    if split is None:
        return title
    head, sep, tail = split
    key = _key(tail)
    own = any(_names(tail, key, n) for n in {_key(outlet), _host_key(outlet), _host_key(host)})
    return head if sep == "|" or own or key in suffixes else title


def _words(text: str) -> set[str]:
    return {w.casefold().replace("’", "'") for w in _WORD.findall(text)}


def best_headline(headlines: Mapping[str, str], texts: Mapping[str, str], source_of: Mapping[str, str],
                  chosen: str | None = None) -> str | None:
    """The headline (of ``headlines``: article id -> cleaned headline) best borne out by the other
    independent sources of the story (``texts``: article id -> text; ``source_of``: article id -> its
    independent source); ``chosen`` wins ties. ``None`` when no article has a headline."""
    if not headlines:
        return None
    by_source: dict[str, set[str]] = {}
    for aid, text in texts.items():
        by_source.setdefault(source_of.get(aid, aid), set()).update(_words(text))
    holding = Counter(w for words in by_source.values() for w in words)  # word -> sources whose text holds it

    def score(aid: str) -> float:
        # linear in the story: each word's count of sources, less the headline's own source
        own = by_source.get(source_of.get(aid, aid), set())
        others = len(by_source) - (source_of.get(aid, aid) in by_source)
        words = [w for w in _words(headlines[aid]) if len(w) >= 3]
        if others <= 0 or not words:
            return 0.0
        return sum((holding[w] - (w in own)) / others for w in words) / len(words)

    best = max(sorted(headlines), key=lambda aid: (round(score(aid), 6), headlines[aid] == chosen))
    return headlines[best]
