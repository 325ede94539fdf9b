"""The noun a figure counts, read from the words after it: the head of the noun phrase the number
opens, with the modifiers before it ("179 new aerial refueling tankers" -> "new aerial refueling
tankers"; "five new 737 aircraft" -> "new 737 aircraft"; "60 Boeing 787 Dreamliner aircraft" ->
"Boeing 787 Dreamliner aircraft"; "15,000 people including employees" -> "people").

The phrase runs over lowercase words, names and model codes ("Airbus", "A330-200", "787") up to a
stop word or punctuation (but a comma after an adjective, before another: "rapid, point-of-care tests") and ends at its first plural ("tankers", "A320s", "Americans"); with no
plural, at its last noun that WordNet knows before a word that is none ("passenger airliner
converted" -> "passenger airliner"; "people died" -> "people"). The last word of ``counts`` is
therefore the counted noun, which the reconcile stage compares across reports.
"""

from __future__ import annotations

import re

from storyfold.text import wordnet
from storyfold.text.numbers import NUMBER_WORD, TIME_CODES

__all__ = ["STOP", "counted", "one_counts", "one_figure", "plural"]

# Words that end the noun phrase a number opens: prepositions, conjunctions, determiners, auxiliaries,
# pronouns, and adverbs of place and time.
STOP = frozenset({
    "of", "from", "in", "to", "and", "or", "including", "excluding", "who", "which", "that", "the", "a", "an", "at",
    "on", "for", "with", "by", "as", "were", "was", "are", "is", "have", "has", "had", "will", "would", "could",
    "be", "been", "than", "per", "each", "into", "across", "around", "over", "under", "since", "during", "but",
    "not", "more", "less", "said", "say", "says", "it", "they", "we", "he", "she", "this", "these", "those",
    "its", "their", "his", "her", "about", "some", "all", "other", "between", "after", "before", "while", "when",
    "where", "if", "so", "up", "down", "out", "off", "also", "there", "here", "ago", "later", "earlier",
    "percent", "cent",
    "may", "might", "must", "can", "cannot", "should", "shall",  # modal auxiliaries: "one must", "street may even"
})
_WORD = re.compile(r"(?<![\w'\u2019.-])(?:[A-Za-z](?:[\w'\u2019-]|\.(?=\w))*(?:(?<=\.\w)\.)?|\d[\w,.-]*(?<![,.]))")
_MODEL_PLURAL = re.compile(r"[A-Z]*\d[\w-]*s")
_LONGEST = 6  # words in a counted phrase
_NUMBER = re.compile(NUMBER_WORD, re.IGNORECASE)
_EXPANSION = re.compile(r"(?<=[A-Z]{2}) ?\( ?[A-Z][\w-]*(?: [A-Z][\w-]*)* ?\)")


def plural(word: str) -> bool:
    """Whether ``word`` reads as a plural in -s ("tankers", "A320s", "787s"; not "class", "bus", "axis")."""
    return word.lower().endswith("s") and not word.lower().endswith(("ss", "us", "is"))


def irregular_plural(word: str) -> bool:
    """Whether ``word`` is an irregular plural WordNet lists ("men"), or a compound ending in one whose
    singular it knows ("schoolchildren": "school" and "children", "schoolchild"), which morphy does not split."""
    nouns, w = wordnet.load(), word.lower()
    return any(w[k:] in nouns.exceptions and w[:k] + nouns.exceptions[w[k:]] in nouns.index for k in (0, *range(2, len(w) - 2)))


def _noun(word: str) -> bool:
    """A noun WordNet knows, or a compound of one and an irregular plural it lists."""
    return wordnet.lemma(word) is not None or irregular_plural(word)


def _plural_head(word: str, after: str) -> bool:
    """Whether ``word`` is a plural that can head what a number counts: a lowercase or camel-case
    plural ("tankers", "iPhones"), a plural model code ("A330s", "787s"), or a capitalised plural with
    no noun after it ("22 new Boeing 787 Dreamliners,", "three Americans died"; not "five Texas towns",
    "4,000 General Motors workers")."""
    if not plural(word):
        return False
    return not word[0].isupper() or bool(_MODEL_PLURAL.fullmatch(word)) or not _follows_noun(after)


def counted(text: str, pos: int, limit: int) -> tuple[str | None, int]:
    """The phrase a number counts, from the words after ``pos`` (before ``limit``), and where it
    ends; (None, ``pos``) when the words after it name nothing counted."""
    # An abbreviation's expansion in parentheses is passed over, offsets kept: "six new A350 XWB (Extra
    # Wide Body) aircraft".
    window = _EXPANSION.sub(lambda e: " " * len(e.group()), text[pos : min(limit, pos + 100)])
    run: list[re.Match[str]] = []
    cursor = 0
    for w in _WORD.finditer(window):
        word = w.group()
        gap = window[cursor : w.start()].strip()
        if gap == "," and _coordinate(run, word):
            gap = ""  # adjectives in a row: "150 million rapid, point-of-care coronavirus tests"
        if gap or word.lower() in STOP and not (word == "other" and not run) \
                or re.search(r"['\u2019]s?$", word):
            break  # punctuation, a stop word or a possessive ends the phrase; "other" right after the number opens it
        cursor = w.end()
        if word.islower() and word.endswith("ly") and len(word) > 4:
            continue  # an adverb: "50 mainly Boeing aircraft"
        run.append(w)
        if _plural_head(word, window[w.end() :]):
            return _span(text, pos, run)
        if len(run) == _LONGEST:
            break
    head = None
    for i, w in enumerate(run):
        word = w.group()
        if not word[0].islower():
            continue  # a name or a code modifying the head: "Airbus A320 jets"
        if head is not None and i == len(run) - 1 and word.endswith("ing"):
            break  # a participle after the noun, ending the phrase: "one poster writing", "one hand supporting the"
        if _noun(word) or not word.islower():  # a camel-case name is a noun: "the 100 millionth iPod"
            head = i
        elif head is not None:
            break  # a word that is no noun after a noun: "people died", "plane built"
    if head is not None:
        return _span(text, pos, run[: head + 1])
    # Names, numbers or a conjunction first and no head among the words taken: the first lowercase
    # plural within six words ("hundreds of British and French troops", "1,600 and 400 jobs", "30 -- 40 days"),
    # or noun after another number ("102 and 21 people").
    number = False
    for w in list(_WORD.finditer(window))[:_LONGEST]:
        word = w.group()
        if word.islower() and word not in STOP and (plural(word) or number and _noun(word)):
            return word, pos + w.end()
        number = number or word[0].isdigit()
        if not (word[0].isupper() or word[0].isdigit() or word.endswith("ly") or word in ("and", "or")):
            break
    return None, pos


def one_counts(phrase: str | None) -> str | None:
    """What "one" counts, from the phrase :func:`counted` read after it: a plural after a noun there is
    a verb, which ends the phrase before it ("one person kills" -> "person"; "one eye open makes" ->
    "eye open"); the phrase as read otherwise ("no one knows" keeps "knows")."""
    words = (phrase or "").split()
    if len(words) > 1 and plural(words[-1]) and words[-1].islower() and words[-2].islower() and _noun(words[-2]):
        return phrase.rsplit(" ", 1)[0]  # type: ignore[union-attr]
    return phrase


_NOT_COUNTING = re.compile(r"(?i:\b(?:no|any|every|each|the|this|that|number)\s+)$")  # "no one", "the number one airline"


def one_figure(phrase: str | None, unit: str | None, before: str) -> bool:
    """Whether a bare "one" (no qualifier, currency or range) is a figure, from what it counts
    (:func:`one_counts`), its unit and the words ``before`` it: before a unit other than one of time
    ("one percent", "one mile"; not "one day"), or before a phrase whose head is a lowercase singular
    ("fired one shell", "one Mesoamerican culture"), and not after "no", "any", "every", "each",
    "the", "this", "that" or "number"."""
    if unit in (*TIME_CODES, "hour", "minute") or _NOT_COUNTING.search(before):
        return False
    head = (phrase or "").split()[-1:]
    return unit is not None or bool(head) and not plural(head[0]) and head[0].islower()


def _coordinate(run: list[re.Match[str]], word: str) -> bool:
    """Whether a comma between the last word of ``run`` and ``word`` parts two adjectives of one noun
    phrase: the word before it is one WordNet's tagged texts use more often as an adjective than as a
    noun, and ``word`` a lowercase word that no stop word or number is ("rapid, point-of-care tests",
    "new, larger vehicles"; not "the ministry said", "three red, two blue")."""
    if not run or not run[-1].group().islower() or not wordnet.adjective_first(run[-1].group()):
        return False
    return word.islower() and word not in STOP and not _NUMBER.fullmatch(word)


def _follows_noun(after: str) -> bool:
    """Whether ``after`` opens with a lowercase noun (a capitalised plural before it modifies it:
    "five Texas towns")."""
    nxt = re.match(r"\s+(?P<w>[a-z][\w-]*)(?P<det>\s+(?:the|a|an|its|their|his|her)\b)?", after)
    if not nxt or nxt.group("det"):
        return False  # a word before a determiner is a verb: "100,000 Greeks worship the ancient gods"
    return nxt.group("w") not in STOP and (plural(nxt.group("w")) or _noun(nxt.group("w")))


def _span(text: str, pos: int, run: list[re.Match[str]]) -> tuple[str, int]:
    return text[pos + run[0].start() : pos + run[-1].end()], pos + run[-1].end()
