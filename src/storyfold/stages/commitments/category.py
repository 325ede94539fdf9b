"""The coarse category of a commitment (military, financial, humanitarian, political, other; the
Kiel and CAMEO level): a lexicon of the words that name one ("weapons", "humanitarian", "loans"),
then, for the item's other nouns, WordNet: a noun below one of a category's anchor synsets
("howitzer" < weaponry, "blanket" < bedclothes, "budget" < fund) names that category. Used by both
readings of the commitments stage (the sub-kind rules and the parse)."""

from __future__ import annotations

import re
from collections import Counter
from functools import cache
from typing import Any

from storyfold.records import CommitmentCategory
from storyfold.stages.commitments.tokens import base_form
from storyfold.text import wordnet
from storyfold.text.folded import Folded

__all__ = ["category_of", "names_a_category", "names_aid", "noun_category", "partitive"]

C = CommitmentCategory


_CATEGORY: list[tuple[CommitmentCategory, Folded]] = [
    (C.MILITARY, Folded(r"\bmilitary\b", r"\bweapon", r"\barms\b", r"\bammunition", r"\bmunition", r"\bmissile",
                      r"\bartillery", r"\bhowitzer", r"\btanks?\b", r"\barmou?red\b", r"\bhelmets?\b",
                      r"\b(?:body\s+)?armou?r\b", r"\bvests?\b", r"\brifles?\b", r"\bguns?\b", r"\bdrones?\b",
                      r"\bair\s+defen[cs]e", r"\bdefen[cs]e\s+(?:aid|assistance|equipment|package|support)",
                      r"\blethal\b", r"\btroops\b", r"\bsoldiers\b", r"\bradars?\b", r"\banti-", r"\bgrenade",
                      r"\bmortars?\b", r"\bfighter\s+jets?\b", r"\bvehicles?\b", r"\b(?:IFV|APC|MBT|MRAP)s?\b", r"\baircraft\b", r"\bhelicopters?\b", r"\bwarships?\b",
                      r"\bcombat\b", r"\bsecurity\s+(?:assistance|guarantee)", r"\bpeacekeep",
                      # who gives or receives it: a defence ministry, the armed forces
                      r"\bdefen[cs]e\s+minist", r"\bminist\w*\s+of\s+(?:national\s+)?defen[cs]e", r"\barmed\s+forces",
                      r"\barmy\b")),
    (C.HUMANITARIAN, Folded(r"\bhumanitarian\b", r"\bmedic", r"\bfood\b", r"\bshelter", r"\brefugee", r"\brelief\b",
                          r"\bemergency\b", r"\bgenerators?\b", r"\bblankets?\b", r"\bhygiene\b", r"\bambulances?\b",
                          r"\bhospital", r"\bhealth", r"\bdrinking\s+water\b", r"\bheating\b", r"\btents?\b",
                          r"\bclothing\b", r"\bcivilian", r"\bevacuat", r"\bdisplaced\b", r"\bpharmac",
                          r"\bvaccin", r"\bfirefight", r"\brescue\b", r"\bwinter", r"\bcoal\b", r"\bfuel\b",
                          r"\bUNHCR\b", r"\bUNICEF\b", r"\bRed\s+Cross\b", r"\bWorld\s+Food\b",
                          r"\bcivil\s+protection")),
    (C.FINANCIAL, Folded(r"\bloans?\b", r"\bgrants?\b", r"\bbudget(?:ary)?\s+support", r"\bmacro-?financial",
                       r"\bfinancial\b", r"\bcredits?\b", r"\bloan\s+guarantee", r"\bbonds?\b", r"\bdebt\b",
                       r"\bfunding\b", r"\bfunds?\b", r"\bbudget\b", r"\bliquidity\b", r"\bswap\s+line",
                       r"\bdevelopment\s+(?:aid|assistance|cooperation)", r"\breconstruction\b")),
    (C.POLITICAL, Folded(r"\bsanctions?\b", r"\bembargo", r"\brecogni[sz]", r"\bdiplomat", r"\bmembership\b",
                       r"\bexpel", r"\bvisas?\b", r"\bsuspen[ds]", r"\bban\b", r"\bboycott")),
]

def names_a_category(text: str, low: str | None = None) -> bool:
    """Whether a word of the lexicon occurs in ``text`` (a cheap test before parsing it; ``low``:
    ``text.lower()``, when the caller has it)."""
    low = text.lower() if low is None else low
    return any(rx.first(text, low) is not None for _cat, rx in _CATEGORY)


# Money as such: what it is for, when the clause says, is the category ("funds … for humanitarian purposes").
_MONEY_AS_SUCH = re.compile(r"(?i)\b(?:funds?|funding|money|budget|sums?|amounts?)\b")


def _best_category(text: str, but: CommitmentCategory | None = None,
                   more: Counter[CommitmentCategory] | None = None) -> CommitmentCategory | None:
    """The category most of ``text``'s lexicon words name (``more``: further votes), ties to the
    earlier category of the lexicon; None when no word names one."""
    low = text.lower()
    hits = [(rx.count(text, low) + (more or {}).get(cat, 0), -i, cat)
            for i, (cat, rx) in enumerate(_CATEGORY) if cat is not but]
    best = max(hits)
    return best[2] if best[0] else None


# WordNet synsets whose hyponyms are what a category gives: a word of the item that the lexicon
# does not know takes the category of its first sense (of its two most frequent) that lies below one.
_ANCHORS: dict[CommitmentCategory, tuple[str, ...]] = {
    C.MILITARY: ("weaponry.n.01", "weapon.n.01", "military_vehicle.n.01", "explosive_device.n.01", "armor.n.01",
                 "materiel.n.01", "military_personnel.n.01", "military_unit.n.01"),
    C.HUMANITARIAN: ("food.n.01", "food.n.02", "drug.n.01", "medical_instrument.n.01", "medical_care.n.01",
                     "clothing.n.01", "bedclothes.n.01", "shelter.n.01", "fuel.n.01"),
    C.FINANCIAL: ("money.n.01", "money.n.02", "fund.n.01", "debt.n.02", "grant.n.01", "credit.n.02"),
    C.POLITICAL: ("sanction.n.02", "embargo.n.01"),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z-]*[A-Za-z]")


@cache
def _anchors() -> tuple[tuple[CommitmentCategory, frozenset[str]], ...]:
    nouns = wordnet.load()
    return tuple((cat, frozenset(o for o in map(nouns.synset, names) if o)) for cat, names in _ANCHORS.items())


def noun_category(word: str) -> CommitmentCategory | None:
    """The category WordNet places ``word`` (a noun, or two joined by "_") under, if any."""
    return _sense_category(word)[0]


@cache
def _sense_category(word: str) -> tuple[CommitmentCategory | None, int]:
    """:func:`noun_category` and the rank (0, 1) of the sense that gave it (-1 for none)."""
    nouns = wordnet.load()
    for rank, sense in enumerate(nouns.senses(word)[:2]):
        above = nouns.above(sense)
        for cat, anchors in _anchors():
            if anchors & above:
                return cat, rank
    return None, -1


_POSSESSIVE_PRONOUNS = frozenset({"mine", "yours", "hers", "ours", "theirs"})


def _wordnet_votes(text: str) -> tuple[Counter[CommitmentCategory], Counter[CommitmentCategory]]:
    """One vote per word of ``text`` that no lexicon entry covers and that WordNet places under a
    category (a compound with the word before it first: "personnel carrier"): those of a word's
    most frequent sense, and apart those of its second only ("shot": the act of firing first, the
    projectile second). Capitalised words after the first are names, whose common-noun senses
    mislead ("Stinger" is also a cocktail)."""
    from spacy.lang.en.stop_words import STOP_WORDS  # here: importing spaCy at import time would pull torch

    low = text.lower()
    covered = [at for _cat, rx in _CATEGORY for at in rx.spans(text, low)]
    votes: Counter[CommitmentCategory] = Counter()
    second: Counter[CommitmentCategory] = Counter()
    words = list(_WORD.finditer(text))
    for k, m in enumerate(words):
        w = m.group().lower()
        # an independent possessive pronoun never comes before a noun: such a form before another
        # word of the item is a noun ("2 mine countermeasures vessels")
        noun = w in _POSSESSIVE_PRONOUNS and k + 1 < len(words) and words[k + 1].start() == m.end() + 1
        if (w in STOP_WORDS and not noun) or any(a <= m.start() < b for a, b in covered) or (k and m.group()[0].isupper()):
            continue  # a function word, a word the lexicon read, or a name ("Stinger", "Leopard")
        before = words[k - 1].group().lower() if k and words[k - 1].end() + 1 == m.start() else None
        cat, rank = _sense_category(f"{before}_{w}") if before and before not in STOP_WORDS else (None, -1)
        if cat is None:
            cat, rank = _sense_category(w)
        if cat is not None:
            (votes if rank == 0 else second)[cat] += 1
    return votes, second


def category_of(item: str, clause: str, money: bool, sentence: str = "", context: str = "",
                second_senses: bool = True) -> CommitmentCategory:
    """The coarse category of what ``item`` names (its lexicon words, and its other nouns as WordNet
    places them), else of its ``clause``'s lexicon words; money with no
    other word is financial, and so is an item naming money as such ("its funds") unless its
    clause, else its ``sentence`` (when the sentence holds no other act), says what it is for. A
    noun placed by its second sense only yields to the clause's lexicon words ("provide enough shots
    to fully vaccinate 250 million people": humanitarian, not the projectile); without
    ``second_senses`` such a noun names nothing."""
    votes, second = _wordnet_votes(item)
    second = second if second_senses else Counter()
    found = _best_category(item) or _best_category("", more=votes)
    if found is C.FINANCIAL and _MONEY_AS_SUCH.search(item) and dict(_CATEGORY)[C.FINANCIAL].first(
            _MONEY_AS_SUCH.sub(" ", item)) is None:
        return _best_category(clause, C.FINANCIAL) or _best_category(sentence, C.FINANCIAL) or found
    return (found or _best_category(clause) or _best_category("", more=second)
            or (_best_category(sentence) if context else None)
            or _best_category(context) or (C.FINANCIAL if money else C.OTHER))


# A verbless note whose head names one of these is an act too ("Military equipment worth 4.5 million EUR").
_AID = frozenset({C.MILITARY, C.HUMANITARIAN, C.FINANCIAL})


def names_aid(root: Any, acts: frozenset[str]) -> bool:
    """Whether a verbless note's head noun, with its modifiers, names a kind of aid ("Military
    equipment, …", "Drugs and medical equipment for Ukraine", "Lethal items, such as …"): its
    words name a category other than political (the lexicon, else WordNet's most frequent sense of
    a noun: "One shot here..." is no note of arms), and no participle on it
    says what it does or undergoes without an act of ``acts`` ("The bombs … detonated within
    minutes", "Army: 40% fully vaccinated": no note; "Drugs … for Ukraine …, aimed at assisting
    Ukrainian refugees" says what they are for)."""
    if any(c.dep_ == "acl" and c.pos_ == "VERB" and not any(t.lemma_ in acts for t in c.subtree) for c in root.children):
        return False
    heads, stack = [], [root]
    while stack:  # the head, the nouns coordinated or set beside it, and what a measure or a set of them holds
        tok = stack.pop()
        heads.append(tok)
        stack.extend(c for c in tok.children if c.dep_ in ("conj", "appos") and c.pos_ == "NOUN")
        if partitive(base_form(tok)):  # "15 units of M113 armored personnel carriers"
            stack.extend(g for c in tok.children if c.dep_ == "prep" and c.lower_ == "of"
                         for g in c.children if g.dep_ == "pobj")
    words = [t for h in heads for t in h.children if t.dep_ in ("amod", "compound", "nmod") and t.i < h.i] + heads
    return category_of(" ".join(t.text for t in sorted(set(words), key=lambda t: t.i)), "", False,
                       second_senses=False) in _AID


def partitive(lemma: str) -> bool:
    """Whether WordNet's most frequent sense of the noun ``lemma`` is a measure or a collection
    ("units", "tons", "sets", "batches"): what it counts is named by its "of"."""
    return wordnet.is_a(lemma, "measure.n.02", "collection.n.01")
