"""The one lexicon of speech and reporting verbs: every stage that looks for who said what
(quotes, claims' attributions, commitments' speakers) selects its verbs here by lemma.

Each lemma lists its inflected forms once; :func:`verb_forms` gives a selection of forms, :func:`alternation`
the regular expression matching any of them.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from importlib.resources import files

__all__ = [
    "ASSERTIVE",
    "CLAUSE_VERBS",
    "COGNITION",
    "COMMISSIVE",
    "DIRECTIVE",
    "NAMING",
    "OBJECT_NOT_CONTENT",
    "REPORTING",
    "SPEECH",
    "SPEECH_NOUNS",
    "TO_CONTENT",
    "VERBS",
    "WORDNET_VERBS",
    "alternation",
    "verb_forms",
]

# lemma -> (third person singular, past, -ing); base form is the lemma itself.
VERBS: dict[str, tuple[str, str, str]] = {
    "say": ("says", "said", "saying"),
    "tell": ("tells", "told", "telling"),
    "state": ("states", "stated", "stating"),
    "add": ("adds", "added", "adding"),
    "remark": ("remarks", "remarked", "remarking"),
    "announce": ("announces", "announced", "announcing"),
    "warn": ("warns", "warned", "warning"),
    "stress": ("stresses", "stressed", "stressing"),
    "note": ("notes", "noted", "noting"),
    "explain": ("explains", "explained", "explaining"),
    "insist": ("insists", "insisted", "insisting"),
    "claim": ("claims", "claimed", "claiming"),
    "argue": ("argues", "argued", "arguing"),
    "declare": ("declares", "declared", "declaring"),
    "acknowledge": ("acknowledges", "acknowledged", "acknowledging"),
    "admit": ("admits", "admitted", "admitting"),
    "assert": ("asserts", "asserted", "asserting"),
    "confirm": ("confirms", "confirmed", "confirming"),
    "deny": ("denies", "denied", "denying"),
    "reveal": ("reveals", "revealed", "revealing"),
    "report": ("reports", "reported", "reporting"),
    "write": ("writes", "wrote", "writing"),
    "emphasise": ("emphasises", "emphasised", "emphasising"),
    "emphasize": ("emphasizes", "emphasized", "emphasizing"),
    "suggest": ("suggests", "suggested", "suggesting"),
    "predict": ("predicts", "predicted", "predicting"),
    "comment": ("comments", "commented", "commenting"),
    "reply": ("replies", "replied", "replying"),
    "inform": ("informs", "informed", "informing"),
    "urge": ("urges", "urged", "urging"),
    "ask": ("asks", "asked", "asking"),
    "pledge": ("pledges", "pledged", "pledging"),
    "promise": ("promises", "promised", "promising"),
    "vow": ("vows", "vowed", "vowing"),
    "describe": ("describes", "described", "describing"),
    "indicate": ("indicates", "indicated", "indicating"),
    "hint": ("hints", "hinted", "hinting"),
    "believe": ("believes", "believed", "believing"),
    "envision": ("envisions", "envisioned", "envisioning"),
    "envisage": ("envisages", "envisaged", "envisaging"),
    "list": ("lists", "listed", "listing"),
    # Reporting verbs read from the parse only (see REPORTING below), after the member lists of
    # VerbNet's classes of communication and judgement: say-37.7, tell-37.2, complain-37.8,
    # advise-37.9, conjecture-29.5, want-32.1, judgment-33.
    "call": ("calls", "called", "calling"),
    "cite": ("cites", "cited", "citing"),
    "tweet": ("tweets", "tweeted", "tweeting"),
    "post": ("posts", "posted", "posting"),
    "estimate": ("estimates", "estimated", "estimating"),
    "agree": ("agrees", "agreed", "agreeing"),
    "specify": ("specifies", "specified", "specifying"),
    "mention": ("mentions", "mentioned", "mentioning"),
    "observe": ("observes", "observed", "observing"),
    "propose": ("proposes", "proposed", "proposing"),
    "recommend": ("recommends", "recommended", "recommending"),
    "request": ("requests", "requested", "requesting"),
    "demand": ("demands", "demanded", "demanding"),
    "reiterate": ("reiterates", "reiterated", "reiterating"),
    "respond": ("responds", "responded", "responding"),
    "testify": ("testifies", "testified", "testifying"),
    "allege": ("alleges", "alleged", "alleging"),
    "concede": ("concedes", "conceded", "conceding"),
    "complain": ("complains", "complained", "complaining"),
    "boast": ("boasts", "boasted", "boasting"),
    "caution": ("cautions", "cautioned", "cautioning"),
    "advise": ("advises", "advised", "advising"),
    "accuse": ("accuses", "accused", "accusing"),
    "praise": ("praises", "praised", "praising"),
    "hail": ("hails", "hailed", "hailing"),
    "applaud": ("applauds", "applauded", "applauding"),
    "criticise": ("criticises", "criticised", "criticising"),
    "criticize": ("criticizes", "criticized", "criticizing"),
    "reject": ("rejects", "rejected", "rejecting"),
    "quote": ("quotes", "quoted", "quoting"),
    "think": ("thinks", "thought", "thinking"),
    "find": ("finds", "found", "finding"),
    "forecast": ("forecasts", "forecast", "forecasting"),
    "expect": ("expects", "expected", "expecting"),
    "want": ("wants", "wanted", "wanting"),
    "intend": ("intends", "intended", "intending"),
    "fear": ("fears", "feared", "fearing"),
    "conclude": ("concludes", "concluded", "concluding"),
    # naming what something is (VerbNet dub-29.3, the class of "call"): the second object is said
    "label": ("labels", "labeled", "labeling"),
    "dub": ("dubs", "dubbed", "dubbing"),
    "brand": ("brands", "branded", "branding"),
}

# Classes of the lemmas above, after the speech-act classes of reporting verbs: what a speaker
# asserts, asks of others, or commits to; and verbs that report a belief, a plan or an
# enumeration rather than an utterance.
_WORD_PATTERN_VERBS = frozenset(list(VERBS)[: list(VERBS).index("list") + 1])
ASSERTIVE = _WORD_PATTERN_VERBS - {"urge", "ask", "pledge", "promise", "vow", "hint", "believe", "envision",
                                   "envisage", "list"}
DIRECTIVE = frozenset({"urge", "ask"})
COMMISSIVE = frozenset({"pledge", "promise", "vow"})
COGNITION = frozenset({"hint", "believe", "envision", "envisage", "list"})
# Verbs of saying: a speaker and what was said.
SPEECH = ASSERTIVE | DIRECTIVE | COMMISSIVE
# Every lemma above: the verbs whose subject and complement the parse-based reader of speech
# events (storyfold.text.speech) takes as a speaker and what was said or thought. The lemmas
# after "list" are read only there: as bare words many are too often something else ("called
# the police", "found the body") for the word patterns of the quotes and claims stages.
REPORTING = frozenset(VERBS)
# Of those, the verbs whose direct object is the addressee or what was done, not what was said.
OBJECT_NOT_CONTENT = frozenset({"tell", "inform", "ask", "urge", "advise", "caution", "accuse", "praise", "hail",
                                "applaud", "criticise", "criticize", "call", "quote", "find", "want",
                                "expect", "post", "list", "write", "add", "say", "note", "label", "dub", "brand"})

# The verbs that name what something is (VerbNet dub-29.3: "call", "label", "dub", "brand"):
# what they report is their second object ("called the deal 'a disaster'").
NAMING = frozenset({"call", "label", "dub", "brand"})

# Verbs that ask for something (VerbNet's advise-37.9 and urge-58.1 senses): what they ask is
# an infinitive ("urged them to leave", "called on the platform to ban them") or "for" an
# object ("called for a re-run").
TO_CONTENT = frozenset({"urge", "ask", "call", "tell", "advise", "caution", "warn", "request", "demand",
                        "recommend"})



def _wordnet() -> tuple[dict[str, tuple[str, str, str]], frozenset[str], dict[str, str]]:
    verbs: dict[str, tuple[str, str, str]] = {}
    clausal: set[str] = set()
    nouns: dict[str, str] = {}
    for line in files("storyfold.text").joinpath("wordnet_speech.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        kind, lemma, forms, _source = line.split("\t")
        if kind in ("verb", "clause-verb"):
            s, past, ing = forms.split()
            verbs[lemma] = (s, past, ing)
            if kind == "clause-verb":
                clausal.add(lemma)
        else:
            nouns[lemma] = forms
    return verbs, frozenset(clausal), nouns


# The verbs and nouns of speech and thought taken from WordNet 3.0 (``wordnet_speech.tsv``, written
# by tools/wordnet_lexicon.py): WORDNET_VERBS, lemma -> forms as in VERBS, every verb whose most
# frequent sense is one of communication or cognition and that VERBS lacks ("negotiate",
# "justify", "decide"), and the verbs of CLAUSE_VERBS, read only with a clause as what was said
# (a sense of communication or cognition that takes a that-clause: "ruled that"); SPEECH_NOUNS, noun -> plural, the communication nouns WordNet derives
# from the verbs that report a proposition ("statement", "claim", "warning"). Read from the
# parse only, as REPORTING's lemmas after "list" are.
WORDNET_VERBS, CLAUSE_VERBS, SPEECH_NOUNS = _wordnet()

_FORM_INDEX = {"base": -1, "s": 0, "past": 1, "ing": 2}


def verb_forms(lemmas: Iterable[str], forms: Iterable[str] = ("base", "s", "past", "ing")) -> frozenset[str]:
    """The inflected ``forms`` (``base``, ``s``, ``past``, ``ing``) of ``lemmas``, lower case."""
    wanted = [_FORM_INDEX[f] for f in forms]
    return frozenset(lemma if i < 0 else VERBS[lemma][i] for lemma in lemmas for i in wanted)


def alternation(words: Iterable[str]) -> str:
    """``words`` (literal strings: verb forms, the gazetteer's names) as one non-capturing regular
    expression matching any of them, the longest first where several start at one place (as an
    alternation sorted longest first does). Built as a trie of characters: ``re`` tries the
    branches of a plain alternation one by one, so a thousand country names cost a thousand tests
    at every capital letter; the trie tests one character at a time."""
    trie: dict[str, dict] = {}
    for word in set(words):
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here
    return "(?:" + _trie_pattern(trie) + ")"


def _trie_pattern(node: dict[str, dict]) -> str:
    branches = [re.escape(ch) + _trie_pattern(child) for ch, child in sorted(node.items()) if ch]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    # a longer word first (greedy), the word that ends here after it (on backtracking)
    return f"(?:{body})?" if "" in node else body
