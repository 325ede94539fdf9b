"""The date grammar's errors on the development sets, every one, sorted into classes.

    python eval/date_errors.py [DATA_DIR] [--tbaq=DIR] [--list]

For TBAQ-cleaned's dev half (never its test half: that part's errors are not read), TempEval-3
platinum and MEANTIME (both read while writing rules, so development sets too), prints the number of
gold TIMEX3 expressions and system expressions, the correct values, and the errors by class:

* ``missed``: a gold expression no system expression overlaps;
* ``spurious``: a system expression that overlaps no gold one;
* ``resolution``: a matched expression whose value has the gold value's shape (digits aside) but
  another value: the anchor, the direction (a weekday sent back instead of ahead), the reference time;
* ``underspecified gold``: the gold value writes unknown digits as ``X`` ("1994-XX-XX", "1989-WXX",
  "198X") where the system writes the period ("1994", "1989-W43", "198");
* ``vague reference``: one of the two is ``PRESENT_REF``/``PAST_REF``/``FUTURE_REF``, the other a
  different form;
* ``duration vs point``: one of the two is a duration (``P3D``, ``PXY``), the other is not;
* ``other form``: any other difference of granularity or format (a day against a part of a day,
  an unpadded week).

Then the value F1 the same system would reach were every ``resolution`` error right: the most that
better anchors, tense and reference times can give without following an annotation's conventions.
``--list`` prints every error with its context, class by class.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dates import (  # noqa: E402
    Doc,
    Span,
    _overlap,
    default_data,
    read_meantime,
    read_tml,
    storyfold_spans,
    tbaq_part,
)

CLASSES = ("missed", "spurious", "resolution", "underspecified gold", "duration vs point", "vague reference",
           "other form")


_DURATION = re.compile(r"PT?[\dX.]")  # "P3D", "PT5H", "PXY"; not "PAST_REF", "PRESENT_REF"


def _shape(value: str | None) -> str:
    return re.sub(r"\d", "9", value or "")


def error_class(gold: Span | None, system: Span | None) -> str | None:
    """The class of the pair (``None`` on either side for an unmatched one); ``None`` when the value is right."""
    if system is None:
        return "missed"
    if gold is None:
        return "spurious"
    g, s = gold.value or "", system.value or ""
    if g == s:
        return None
    if _shape(g) == _shape(s):
        return "resolution"
    if "X" in g and "X" not in s and s:
        return "underspecified gold"
    if g.endswith("_REF") or s.endswith("_REF"):
        return "vague reference"
    if bool(_DURATION.match(g)) != bool(_DURATION.match(s)):
        return "duration vs point"
    return "other form"


def classify(docs: list[Doc]) -> tuple[dict[str, list[str]], int, int, int]:
    """The errors by class (each with its context), and the gold, system and correct counts,
    matching as ``eval/dates.py`` scores (a gold expression takes the first unused system one it overlaps)."""
    errors: dict[str, list[str]] = defaultdict(list)
    n_gold = n_sys = right = 0
    for doc in docs:
        system = storyfold_spans(doc)
        n_gold, n_sys = n_gold + len(doc.timex), n_sys + len(system)
        used: set[int] = set()
        pairs: list[tuple[Span | None, Span | None]] = []
        for g in doc.timex:
            i = next((i for i, s in enumerate(system) if i not in used and _overlap(g, s)), None)
            if i is not None:
                used.add(i)
            pairs.append((g, system[i] if i is not None else None))
        pairs += [(None, s) for i, s in enumerate(system) if i not in used and not any(_overlap(g, s) for g in doc.timex)]
        for g, s in pairs:
            kind = error_class(g, s)
            if kind is None:
                right += 1
                continue
            at = (g or s)
            assert at is not None
            context = doc.text[max(0, at.start - 70) : at.end + 40].replace("\n", " ")
            errors[kind].append(f"{doc.name} (DCT {doc.dct}): gold {g.text + '=' + str(g.value) if g else '-'}; "
                                f"system {s.text + '=' + str(s.value) if s else '-'} | ...{context}...")
    return errors, n_gold, n_sys, right


def report(label: str, docs: list[Doc], show: bool) -> None:
    errors, n_gold, n_sys, right = classify(docs)
    f1 = 2 * right / max(n_gold + n_sys, 1)
    bound = 2 * (right + len(errors["resolution"])) / max(n_gold + n_sys, 1)
    counts = ", ".join(f"{k} {len(errors[k])}" for k in CLASSES)
    print(f"{label}: gold {n_gold}, system {n_sys}, right values {right}, value F1 {f1:.3f}; errors: {counts}; "
          f"value F1 with every resolution error right {bound:.3f}")
    if show:
        for kind in CLASSES:
            for line in errors[kind]:
                print(f"    [{kind}] {line}")


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    show = "--list" in argv
    data = Path(args[0]) if args else default_data()
    tbaq = next((Path(a.split("=", 1)[1]) for a in argv if a.startswith("--tbaq=")), data / "tbaq-cleaned")
    files = [p for p in sorted(tbaq.glob("*/*.tml")) if not p.name.startswith("._")]
    if files:
        report("TBAQ dev", [d for d in map(read_tml, files) if tbaq_part(d.name) == "dev"], show)
    te3 = sorted((data / "tempeval3-platinum" / "te3-platinum").glob("*.tml"))
    if te3:
        report("TempEval-3 platinum", [read_tml(p) for p in te3], show)
    meantime = sorted((data / "meantime-en" / "intra_cross-doc_annotation").glob("*/*.xml"))
    if meantime:
        report("MEANTIME", [d for p in meantime if (d := read_meantime(p)) is not None], show)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
