"""Headline cleaning (``storyfold.present.titles``) on real headlines: ``python eval/titles.py [DATA_DIR]``.

DATA_DIR defaults to ``../shared/data``. Over every AllSides article (its headline, outlet and URL),
split by roundup id (even: dev, odd: held out; the rules were written before either part was read),
prints for dev / held-out / all:

(a) kept: the share of headlines as AllSides gives them (no site name) that cleaning leaves unchanged,
    told the outlet and the URL's host;
(b) the share restored exactly when the page title carries the outlet's name after " - " or " | ",
    told only the URL's host (the usual case: a page whose outlet nobody gave);
(c) the same told nothing but the document's other headlines (a tail two of them share).
"""

from __future__ import annotations

import sys
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))
import allsides  # noqa: E402  (eval/allsides.py)

from storyfold.present.titles import clean_headline, site_suffixes  # noqa: E402
from storyfold.urls import web_host  # noqa: E402


def articles(data_dir: Path) -> list[tuple[str, str, str, str | None]]:
    """(part, headline, outlet, host) of every AllSides article with a headline and an outlet."""
    out = []
    for r in allsides.roundups(data_dir):
        part = "dev" if r["id"] % 2 == 0 else "held-out"
        for side in (r.get("news") or {}).values():
            title, outlet = (side.get("newsTitle") or "").strip(), (side.get("newsSource") or "").strip()
            if title and outlet:
                out.append((part, " ".join(title.split()), outlet, web_host(side.get("newsLink"))))
    return out


def main(argv: list[str]) -> int:
    data_dir = Path(argv[1]) if len(argv) > 1 else REPO.parent / "shared" / "data"
    rows = articles(data_dir)
    counts: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0])
    changed: list[str] = []
    suffixed = {sep: [f"{t} {sep} {o}" for _, t, o, _ in rows] for sep in ("-", "|")}
    shared = {sep: site_suffixes(titles) for sep, titles in suffixed.items()}
    for i, (part, title, outlet, host) in enumerate(rows):
        for p in (part, "all"):
            ok = clean_headline(title, outlet=outlet, host=host) == title
            counts[(p, "a kept")][0] += ok
            counts[(p, "a kept")][1] += 1
            for sep in ("-", "|"):
                page = suffixed[sep][i]
                b = clean_headline(page, host=host) == title
                c = clean_headline(page, suffixes=shared[sep]) == title
                counts[(p, f"b host, '{sep}'")][0] += b
                counts[(p, f"b host, '{sep}'")][1] += 1
                counts[(p, f"c shared, '{sep}'")][0] += c
                counts[(p, f"c shared, '{sep}'")][1] += 1
        if clean_headline(title, outlet=outlet, host=host) != title and len(changed) < 8:
            changed.append(f"  {title!r} -> {clean_headline(title, outlet=outlet, host=host)!r} ({outlet})")
    measures = sorted({m for _, m in counts})
    print(f"{'measure':<20}" + "".join(f"{p:>22}" for p in ("dev", "held-out", "all")))
    for m in measures:
        cells = [counts[(p, m)] for p in ("dev", "held-out", "all")]
        print(f"{m:<20}" + "".join(f"{ok / n:>14.3f} ({ok}/{n})".rjust(22) for ok, n in cells))
    if changed:
        print("headlines changed though AllSides gives them without a site name (first 8):")
        print("\n".join(changed))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
