"""Temporal expressions: found by a small regex grammar, normalised against the publication date.

Every expression becomes a :class:`~storyfold.records.DateMention` with a TIMEX3-like ``value``
(``2025-03-20``, ``2025-03``, ``2025-W12``, ``2025-W11-WE``, ``2025-SU``, ``2025``, ``P10Y``,
``PAST_REF``), a :class:`~storyfold.records.Precision`, the first and last day it covers and the
preposition before it ("since", "on").

Relative expressions ("on Tuesday", "in April", "last year") are resolved against the article's
publication date (the *anchor*) in the direction the sentence's tense points: a past-tense
sentence takes the latest such day on or before the anchor, a future one ("will meet on Thursday")
the first on or after it, a sentence with neither the nearest. Without an anchor they stay
unresolved (``value=None``, precision ``unresolved``) with their text kept: no year is invented.

When an article has no publication date, :func:`estimate_published` infers one only where the text
pins it: a dateline at the top, or an absolute date said to be "last year" / "this year" in the
same sentence, clipped by the bounds that past- and future-tense absolute dates impose.

Anaphoric expressions ("the quarter", "a year earlier", "that year") resolve against what the text
named before them (:class:`~storyfold.stages.dates.reference.Reference`), read in text order.

The grammar was written against the seed articles and TempEval-3's *training* conventions, then
the errors of TempEval-3 platinum, MEANTIME and the dev half of TBAQ-cleaned; the test half of
TBAQ-cleaned is never read and is the untouched measure (``python eval/dates.py``; figures in
docs/dates.md).

The package: :mod:`~storyfold.stages.dates.grammar` (the rules and their word tables),
:mod:`~storyfold.stages.dates.resolve` (values against an anchor), :mod:`~storyfold.stages.dates.values`
(the values and the anchor), :mod:`~storyfold.stages.dates.reference` (reference times read in text
order, anaphoric values), :mod:`~storyfold.stages.dates.holidays` (the day a holiday falls on),
:mod:`~storyfold.stages.dates.dates`
(finding expressions, and the tense of their sentence), :mod:`~storyfold.stages.dates.estimate`
(publication-date estimates) and :mod:`~storyfold.stages.dates.stage` (the ``dates`` stage).
"""
