"""Entity mentions merged across articles into entities with a canonical name and aliases.

Organisations, places and groups merge on a comparison key (case, dots, accents, "the" and
possessives folded: "Nato" = "NATO", "U.S." = "US"), through a short table of country names
("America" = "United States"), and acronym to expansion, either written out
("North Atlantic Treaty Organization (NATO)") or by initials anywhere in the corpus; a forum's
names by its number ("G-7" = "G7" = "Group of Seven").

People merge on their name's words in any order ("Ishiba Shigeru" = "Shigeru Ishiba") with
spelling variants ("Zelensky" = "Zelenskyy": every word close to a word of the other name).
A surname alone joins the full name it belongs to in the same article, else the only such full
name in the corpus. A bare title ("the Prime Minister") joins the person right before it in an
apposition, else the person in the article who carries that title anywhere in the corpus and is
named first in the article; titles that resolve to nobody are dropped.

Ids are derived from the type and canonical name, so a rerun on the same articles gives the same
ids.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from difflib import SequenceMatcher

from scipy.cluster.hierarchy import DisjointSet

from storyfold.ids import content_id
from storyfold.pipeline import Context, Corpus, CorpusStage, Outputs
from storyfold.records import Entity, EntityMention, EntityType, Evidence
from storyfold.stages.entities.names import (
    COUNTRY_ALIASES,
    DEPARTMENT_WORDS,
    TITLE_HEADS,
    forum_key,
    name_key,
    title_before,
)

__all__ = ["EntityMergeStage", "entity_index", "merge_entities"]

_SPELLING = 0.85  # SequenceMatcher ratio for two spellings of one name word ("zelensky"/"zelenskyy": 0.94)
_DOMINANT = 3  # a surname goes to the full name named this many times as often as the next
_MINOR = frozenset({"of", "the", "and", "for", "de", "du", "la", "le", "von", "van", "al", "in", "on", "&"})

# Legal and corporate suffixes: "Apple Inc." = "Apple", "Chrysler LLC" = "Chrysler".
_SUFFIX = re.compile(r"(?: (?:inc|ltd|llc|plc|co|corp|corporation|company|group|ag|sa|nv|gmbh|holdings|limited))+$")

Ref = tuple[str, int]  # (article id, index of the mention in that article's tuple)

# The canonical name of each country by its comparison key (the first canonical name with that key
# in the table's order), computed once: per entity it cost a pass over the whole table.
_COUNTRY_BY_KEY: dict[str, str] = {name_key(c): c for c in reversed(list(COUNTRY_ALIASES.values()))}


class EntityMergeStage(CorpusStage):
    """One entity per real referent across the corpus."""

    name = "entity_merge"
    version = "2"
    requires = ("entity_mentions",)
    provides = {"entities": Entity}

    def process(self, corpus: Corpus, ctx: Context) -> Outputs:
        mentions = corpus.annotations("entity_mentions")
        texts = {a.id: a.text for a in corpus.articles() if a.id in mentions}
        return {"entities": merge_entities(texts, mentions)}


class _Union:
    """Groups of mentions and name keys: scipy's :class:`~scipy.cluster.hierarchy.DisjointSet`, each
    group named by its least member by ``str``. That name depends on the members alone, where
    scipy's root depends on the sizes merged; :func:`_resolve_titles` keys the titles a person
    carries by it."""

    def __init__(self) -> None:
        self._sets = DisjointSet()
        self._least: dict[object, object] = {}  # scipy's root of each group -> its least member

    def find(self, x: object) -> object:
        if x not in self._sets:
            self._sets.add(x)
            self._least[x] = x
        return self._least[self._sets[x]]

    def union(self, a: object, b: object) -> None:
        least = min(self.find(a), self.find(b), key=str)
        if self._sets.merge(a, b):
            self._least[self._sets[a]] = least


def merge_entities(texts: Mapping[str, str], mentions: Mapping[str, Sequence[EntityMention]]) -> tuple[Entity, ...]:
    """Entities from the per-article ``mentions``; ``texts`` holds each article's cleaned text."""
    uf = _Union()
    refs: dict[Ref, EntityMention] = {(aid, i): m for aid, ms in mentions.items() for i, m in enumerate(ms)}
    persons = {r: m for r, m in refs.items() if m.type is EntityType.PERSON and m.label != "TITLE"}
    others = {r: m for r, m in refs.items() if m.type is not EntityType.PERSON}
    _merge_others(texts, others, uf)
    _merge_people(persons, uf)
    resolved = _resolve_titles(texts, refs, persons, uf)
    clusters: dict[object, list[Ref]] = defaultdict(list)
    for r in (*persons, *others, *resolved):
        clusters[uf.find(r)].append(r)
    entities = [_entity(sorted(rs), refs) for rs in clusters.values()]
    return tuple(sorted(entities, key=lambda e: (-len(e.mentions), e.name, e.id)))


def _merge_others(texts: Mapping[str, str], others: Mapping[Ref, EntityMention], uf: _Union) -> None:
    """Organisations, places, groups, other: by key, country table, short form, acronym."""
    # A short form ("Apple" after "Apple Computer") joins its long form. Where it stands for
    # different long forms in different articles ("Apple Corps"), the form most articles use
    # takes the short form; in the other articles only the mention joins its article's long form.
    short = _short_forms(others)
    targets: dict[str, Counter[str]] = defaultdict(Counter)
    for _aid, key, longer in {(r[0], _key(others[r].text), lg) for r, lg in short.items()}:
        targets[key][longer] += 1  # articles in which the short form follows this long form
    main = {k: max(c, key=lambda lg: (c[lg], lg)) for k, c in targets.items()}
    for r, m in others.items():
        key = _key(m.text)
        if r in short and short[r] != main[key]:
            uf.union(r, ("key", short[r]))
        else:
            uf.union(r, ("key", key))
    for key, longer in main.items():
        uf.union(("key", key), ("key", longer))
    _link_acronyms(texts, others, uf)


def _merge_people(persons: Mapping[Ref, EntityMention], uf: _Union) -> None:
    """People: full names by word set and spelling, then lone surnames."""
    full = {r: m for r, m in persons.items() if len(_words(m.text)) > 1}
    names: dict[frozenset[str], list[Ref]] = defaultdict(list)
    for r, m in full.items():
        names[frozenset(_words(m.text))].append(r)
    blocks: dict[str, list[frozenset[str]]] = defaultdict(list)  # compare only names sharing a word's start
    for a in names:
        uf.union(names[a][0], ("person", a))
        for r in names[a][1:]:
            uf.union(r, names[a][0])
        for prefix in {w[:4] for w in a}:
            for b in blocks[prefix]:
                if uf.find(names[a][0]) != uf.find(names[b][0]) and _same_name(a, b):
                    uf.union(names[a][0], names[b][0])
            blocks[prefix].append(a)
    by_word: dict[str, Counter[object]] = defaultdict(Counter)
    by_word_article: dict[tuple[str, str], set[object]] = defaultdict(set)
    for r, m in full.items():
        for w in _words(m.text):
            by_word[w][uf.find(r)] += 1
            by_word_article[(r[0], w)].add(uf.find(r))
    for r, m in persons.items():
        if r in full:
            continue
        word = _key(m.text)
        local = by_word_article.get((r[0], word), set())
        if len(local) == 1:
            target = next(iter(local))
        elif not local:
            target = _dominant(by_word.get(word, Counter()))
        else:
            target = None
        uf.union(r, target if target is not None else ("person", frozenset({word})))


def _dominant(counts: Counter[object]) -> object | None:
    """The full name a lone surname stands for across the corpus: the only one, or one named at
    least three times as often as the next ("Joe Biden" over "Hunter Biden")."""
    ranked = counts.most_common(2)
    if not ranked:
        return None
    if len(ranked) == 1 or ranked[0][1] >= _DOMINANT * ranked[1][1]:
        return ranked[0][0]
    return None


def entity_index(entities: Iterable[Entity]) -> dict[tuple[str, int, int], str]:
    """``{(article id, start, end): entity id}`` for every mention of every entity."""
    return {(ev.article_id, ev.start, ev.end): e.id for e in entities for ev in e.mentions}


def _key(text: str) -> str:
    key = _SUFFIX.sub("", re.sub(r" region$", "", name_key(text))) or name_key(text)
    canon = COUNTRY_ALIASES.get(key)
    return name_key(canon) if canon else forum_key(key)


def _words(text: str) -> list[str]:
    return [w for w in _key(text).split() if w not in _MINOR]


def _same_name(a: frozenset[str], b: frozenset[str]) -> bool:
    """Same number of words and each word of one spelt like a word of the other."""
    if len(a) != len(b):
        return False
    return all(any(SequenceMatcher(None, x, y).ratio() >= _SPELLING for y in b) for x in a) and all(
        any(SequenceMatcher(None, y, x).ratio() >= _SPELLING for x in a) for y in b
    )


def _initials(text: str) -> str:
    words = [w for w in re.split(r"[\s-]+", text) if w and w.lower() not in _MINOR]
    return "".join(w[0] for w in words).lower() if len(words) > 1 and all(w[0].isupper() for w in words) else ""


def _link_acronyms(texts: Mapping[str, str], others: Mapping[Ref, EntityMention], uf: _Union) -> None:
    """"North Atlantic Treaty Organization (NATO)", and any acronym whose letters are a multi-word
    name's initials elsewhere in the corpus."""
    acronyms = {_key(m.text) for m in others.values() if re.fullmatch(r"[A-Z][A-Za-z]{1,5}|(?:[A-Z]\.){2,5}", m.text)}
    for m in others.values():
        initials = _initials(m.text)
        if initials and initials in acronyms:
            uf.union(("key", _key(m.text)), ("key", initials))
    for (aid, _), m in others.items():
        after = re.match(r"\s*\(([A-Z][A-Za-z.]{1,7})\)", texts.get(aid, "")[m.end :])
        if after and len(_words(m.text)) > 1:
            uf.union(("key", _key(m.text)), ("key", _key(after.group(1))))


def _short_forms(others: Mapping[Ref, EntityMention]) -> dict[Ref, str]:
    """"Lockheed" after "Lockheed Martin" in the same article: a one-word organisation name and the
    one longer organisation name it begins, when that name came first. Returns the longer key per
    mention."""
    orgs: dict[str, list[tuple[Ref, EntityMention]]] = defaultdict(list)
    for r, m in others.items():
        if m.type is EntityType.ORGANISATION:
            orgs[r[0]].append((r, m))
    found: dict[Ref, str] = {}
    for items in orgs.values():
        for r, m in items:
            key = _key(m.text)
            if " " in key:
                continue
            longer = {_key(o.text) for _, o in items if o.start < m.start and _key(o.text).startswith(key + " ")}
            if len(longer) == 1:
                found[r] = longer.pop()
    return found


def _title_words(title: str) -> str:
    return " ".join(w for w in title.lower().replace("-", " - ").split() if w in TITLE_HEADS or w in DEPARTMENT_WORDS or w == "-").replace(
        " - ", "-"
    )


def _resolve_titles(
    texts: Mapping[str, str], refs: Mapping[Ref, EntityMention], persons: Mapping[Ref, EntityMention], uf: _Union
) -> list[Ref]:
    titles: dict[object, set[str]] = defaultdict(set)
    for (aid, _), m in persons.items():
        found = _title_words(title_before(texts.get(aid, ""), m.start))
        if found:
            titles[uf.find((aid, _))].add(found)
    resolved: list[Ref] = []
    by_article: dict[str, list[tuple[Ref, EntityMention]]] = defaultdict(list)
    for r, m in refs.items():
        by_article[r[0]].append((r, m))
    for aid, items in by_article.items():
        text = texts.get(aid, "")
        people = sorted(((r, m) for r, m in items if r in persons), key=lambda x: x[1].start)
        for r, m in items:
            if m.label != "TITLE":
                continue
            wanted = _title_words(m.text)
            before = [p for p in people if p[1].end <= m.start]
            if before and re.fullmatch(r"\s*,\s*", text[before[-1][1].end : m.start]):
                target = uf.find(before[-1][0])
                titles[target].add(wanted)
                uf.union(r, target)
                resolved.append(r)
                continue
            for p, _pm in people:
                if any(t == wanted or t.endswith(" " + wanted) for t in titles.get(uf.find(p), ())):
                    uf.union(r, uf.find(p))
                    resolved.append(r)
                    break
    return resolved


def _entity(rs: Sequence[Ref], refs: Mapping[Ref, EntityMention]) -> Entity:
    ms = [refs[r] for r in rs]
    named = [m for m in ms if m.label != "TITLE"] or ms
    types = Counter(m.type for m in named)
    type_ = max(types, key=lambda t: (types[t], t is EntityType.ORGANISATION))
    name = _canonical(named, type_)
    forms = sorted({m.text for m in ms} - {name})
    return Entity(
        id=content_id(type_.value, name_key(name), prefix="ent-", sep=":", algorithm="sha1", length=12),
        name=name,
        type=type_,
        aliases=tuple(forms),
        article_ids=tuple(sorted({m.article_id for m in ms})),
        mentions=tuple(
            Evidence(article_id=m.article_id, start=m.start, end=m.end, text=m.text)
            for m in sorted(ms, key=lambda m: (m.article_id, m.start))
        ),
    )


def _canonical(ms: Sequence[EntityMention], type_: EntityType) -> str:
    """Countries by the table; people by their most used full name; others by their most used
    form (spelling variants counted together), written as most often written."""
    keys = Counter(_key(m.text) for m in ms)
    for key in keys:
        if key in _COUNTRY_BY_KEY:
            return _COUNTRY_BY_KEY[key]
    pool = [m for m in ms if len(_words(m.text)) > 1] if type_ is EntityType.PERSON else list(ms)
    pool = pool or list(ms)
    counts = Counter(name_key(m.text) for m in pool)
    best = max(counts, key=lambda k: (counts[k], len(k), k))
    forms = Counter(re.sub(r"^(?:the|The)\s+", "", m.text) for m in pool if name_key(m.text) == best)
    return max(forms, key=lambda f: (forms[f], f))

