"""Headlines as a reader wants them: without the site name a page title carries (" - BBC News",
"| Reuters"), and, for a story, the headline its sources bear out best.

A trailing segment after a spaced separator is taken for the site's name when it is short and the
headline before it is not, and either the separator is a bar (which headlines themselves hardly use),
or the segment names the article's own outlet or web host, or the same segment ends another
headline of the document. No list of outlets is consulted.

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


def clean_headline(title: str, *, outlet: str | None = None, host: str | None = None,
                   suffixes: frozenset[str] = frozenset()) -> str:
    """``title`` without a trailing site name (see the module's rules); unchanged otherwise."""
    title = " ".join(title.split())
    split = headline_suffix(title)
    if split is None:
        return title
    head, sep, tail = split
    key = _key(tail)
    names = {k for k in (_key(outlet), _host_key(outlet), _host_key(host)) if len(k) >= 2}
    own = any(key == n or key.startswith(n) or n.startswith(key) for n in names)
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

    def score(aid: str) -> float:
        mine = source_of.get(aid, aid)
        others: Sequence[set[str]] = [w for s, w in by_source.items() if s != mine]
        words = [w for w in _words(headlines[aid]) if len(w) >= 3]
        if not others or not words:
            return 0.0
        return sum(sum(w in o for o in others) / len(others) for w in words) / len(words)

    best = max(sorted(headlines), key=lambda aid: (round(score(aid), 6), headlines[aid] == chosen))
    return headlines[best]
