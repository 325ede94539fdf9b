"""Writes ``src/storyfold/text/country_adjectives.tsv``: the adjectives of countries that news
writes before "government", "ministry" or "president" ("the Icelandic government", "the
Slovenian Ministry of Defence", "Saudi") where ``countryinfo``'s demonyms give another form
("Icelander", "Slovene"), from Princeton WordNet 3.0's pertainyms (an adjective's ``\\`` pointer
to the noun it pertains to: "Icelandic" -> "Iceland").

    python tools/country_adjectives.py

Kept: a capitalised adjective whose pertainym is a synset holding the name or a spelling of one
country of the gazetteer (``storyfold.text.gazetteer``), of that one country only, that the
gazetteer does not know already, and that is formed from the country's name: it begins with the
first four letters of the first word of four letters or more of the country's name ("Icelandic"
Iceland, "Saudi" Saudi Arabia, "Salvadorean" El Salvador), which leaves out the old or figurative
names and the peoples' names WordNet also ties to a country ("Gallic", "Norse", "Hellenic",
"Soviet", "Cambrian", "Afrikaans").

The output is committed, so nothing reads WordNet's adjectives at run time; rerun this after a
WordNet or countryinfo update (tests/test_gazetteer.py checks the file against both).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "storyfold" / "text" / "country_adjectives.tsv"


def _synsets(path: Path) -> dict[str, tuple[list[str], list[tuple[str, str, str, str]]]]:
    """Synset offset -> (its words, its pointers (symbol, offset, part of speech, source/target))."""
    out: dict[str, tuple[list[str], list[tuple[str, str, str, str]]]] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith(" "):
                continue
            parts = line.split(" ")
            n = int(parts[3], 16)
            words = [parts[4 + 2 * i].split("(")[0].replace("_", " ") for i in range(n)]
            at = 4 + 2 * n
            pointers = [tuple(parts[at + 1 + 4 * j : at + 5 + 4 * j]) for j in range(int(parts[at]))]
            out[parts[0]] = (words, pointers)  # type: ignore[assignment]
    return out


def adjectives() -> list[tuple[str, str]]:
    """(adjective, country), sorted."""
    sys.path.insert(0, str(ROOT / "src"))
    from storyfold.text import wordnet
    from storyfold.text.gazetteer import PLACES, PlaceKind

    folder = wordnet.data_folder()
    nouns = _synsets(folder / "data.noun")
    names: dict[str, str] = {}
    known: set[str] = set()
    for place in PLACES:
        if place.kind is PlaceKind.COUNTRY:
            for name in (place.name, *place.spellings):
                names.setdefault(name.lower(), place.name)
            known.update((place.name, *place.spellings, *place.demonyms, *place.seats))
    found: dict[str, set[str]] = {}
    for words, pointers in _synsets(folder / "data.adj").values():
        for symbol, offset, pos, st in pointers:
            if symbol != "\\" or pos != "n":
                continue
            source = int(st[:2], 16)
            own = words if source == 0 else words[source - 1 : source]
            countries = {names[w.lower()] for w in nouns.get(offset, ([], []))[0] if w.lower() in names}
            for adjective in own:
                for country in countries:
                    found.setdefault(adjective, set()).add(country)
    out = []
    for adjective, countries in found.items():
        if len(countries) != 1 or not adjective[:1].isupper() or adjective in known:
            continue
        country = next(iter(countries))
        stem = next((w[:4].lower() for w in country.split() if len(w) >= 4), None)
        if stem is not None and adjective[:4].lower() == stem:
            out.append((adjective, country))
    return sorted(out)


def main() -> None:
    lines = ["# adjective\tcountry: written by tools/country_adjectives.py from WordNet 3.0's pertainyms"]
    lines += [f"{a}\t{c}" for a, c in adjectives()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 1} adjectives")


if __name__ == "__main__":
    main()
