"""Writes ``src/storyfold/text/currency_signs.tsv``: the currency signs that the quantities stage
reads before or after a number ("₴5 million", "3 million €", "R$ 20 million"), from CLDR (Babel).

    python tools/currency_signs.py

* the English locale's symbol of every currency of the gazetteer (``storyfold.text.gazetteer``,
  ISO 4217 codes from ``countryinfo``) that holds a currency sign (Unicode category Sc) or a
  dollar sign: "$" USD, "€" EUR, "£" GBP, "¥" JPY, "A$" AUD, "CA$" CAD, "₹" INR, "₩" KRW, ...;
* then, for each country, the symbol of its currency (CLDR's first legal tender there now) in the
  country's most likely locale (CLDR's likely subtags, "und_UA" -> "uk_Cyrl_UA"), where it holds
  such a sign and no currency has it yet: "₴" UAH, "₽" RUB, "₺" TRY, "₸" KZT, ... A sign two
  currencies share in the English locale is its English one's ("$": USD, "£": GBP).
* News style (Reuters, AP) writes "C$" for Canadian dollars; CLDR gives "C$" to the Nicaraguan
  córdoba. English news is what storyfold reads, so "C$" is kept for CAD (the one entry not from CLDR).

The output is committed, so nothing reads CLDR's locales at run time (about a second); rerun this
after a Babel update (tests/test_gazetteer.py checks the file against the installed Babel).
"""

from __future__ import annotations

import datetime
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src" / "storyfold" / "text" / "currency_signs.tsv"
NEWS_STYLE = {"C$": "CAD"}


def _is_sign(symbol: str) -> bool:
    return any(unicodedata.category(ch) == "Sc" for ch in symbol)


def signs() -> list[tuple[str, str, str]]:
    """(sign, ISO 4217 code, where it comes from), in the order they are decided."""
    from babel import Locale
    from babel.core import UnknownLocaleError, get_global
    from babel.numbers import get_territory_currencies
    from countryinfo import all_countries

    sys.path.insert(0, str(ROOT / "src"))
    from storyfold.text.gazetteer import CURRENCY_CODES

    out: dict[str, tuple[str, str]] = {sign: (code, "news style") for sign, code in NEWS_STYLE.items()}
    en = Locale("en").currency_symbols
    for code in sorted(CURRENCY_CODES):
        symbol = en.get(code, code)
        if _is_sign(symbol):
            out.setdefault(symbol, (code, "en"))
    likely = get_global("likely_subtags")
    for country in sorted(all_countries(), key=lambda c: str(c.info().get("name"))):
        iso = country.info().get("ISO") or {}
        alpha2 = iso.get("alpha2") if isinstance(iso, dict) else None
        tag = likely.get(f"und_{alpha2}") if isinstance(alpha2, str) else None
        if not tag:
            continue
        found = get_territory_currencies(alpha2, datetime.date.today(), tender=True)
        if not found or found[0] not in CURRENCY_CODES:
            continue
        try:
            symbol = Locale.parse(tag).currency_symbols.get(found[0], "")
        except UnknownLocaleError:  # a likely locale Babel ships no data for ("sm_Latn_AS")
            continue
        if _is_sign(symbol):
            out.setdefault(symbol, (found[0], str(tag)))
    return sorted(((s, c, w) for s, (c, w) in out.items()), key=lambda r: (r[1], r[0]))


def main() -> None:
    lines = ["# sign\tISO 4217 code\tsource (CLDR locale, through Babel): written by tools/currency_signs.py"]
    lines += [f"{s}\t{c}\t{w}" for s, c, w in signs()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{OUT}: {len(lines) - 1} signs")


if __name__ == "__main__":
    main()
