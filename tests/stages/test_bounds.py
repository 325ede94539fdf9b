"""Figures and dates are bounded where they are parsed: an absurd figure is kept as text with no
value, an off-calendar date stays unresolved, and nothing downstream meets an infinite float."""

from __future__ import annotations

import datetime as dt
import math

from hypothesis import given, settings
from hypothesis import strategies as st

from storyfold.stages.dates.dates import find_dates
from storyfold.stages.quantities import find_quantities
from storyfold.text.numbers import MAX_DIGITS, MAX_FIGURE, bounded, in_range, parse_number
from storyfold.text.sentences import SentenceIndex

AID_400 = ("Aid of $" + "9" * 400 + " was pledged by Germany to Ukraine on Monday, officials said.")


def _quantities(text: str) -> list:
    return find_quantities(text, "a", find_dates(text, dt.date(2025, 3, 17), "a"), SentenceIndex.of(text))


def test_the_400_digit_aid_figure_is_kept_as_text_without_a_value() -> None:
    (q,) = _quantities(AID_400)
    assert q.value is None and q.value_max is None and q.unit == "USD"
    assert q.text == AID_400[q.start : q.end] and q.text.startswith("$999")


def test_numerals_over_the_digit_cap_are_not_read() -> None:
    assert parse_number("9" * MAX_DIGITS) == float("9" * MAX_DIGITS)
    assert parse_number("9" * (MAX_DIGITS + 1)) is None and not in_range("9" * (MAX_DIGITS + 1))
    assert parse_number("1," + ",".join(["000"] * 10)) is None  # 31 digits with separators: over the cap
    assert not in_range("1," + ",".join(["000"] * 10))
    assert bounded(math.inf) is None and bounded(math.nan) is None and bounded(MAX_FIGURE) is None
    assert bounded(4.5e9) == 4.5e9


def test_a_figure_scaled_out_of_range_has_no_value() -> None:
    (q,) = _quantities("The fund holds $" + "9" * 25 + " trillion, officials said.")
    assert q.value is None


def test_an_off_calendar_date_stays_unresolved() -> None:
    for text in ("Officials said 99999 days ago that aid came.", "Officials said " + "9" * 25 + " days ago that aid came."):
        (d,) = find_dates(text, dt.date(1, 1, 1), "a")
        assert d.value is None


_NUMERAL = st.one_of(
    st.integers(min_value=0, max_value=10**60).map(str),
    st.integers(min_value=0, max_value=10**40).map(lambda n: f"{n:,}"),
    st.floats(allow_nan=True, allow_infinity=True).map(repr),
    st.text(alphabet="0123456789.,", min_size=1, max_size=80),
)
_TEMPLATE = st.sampled_from([
    "Germany pledged ${n} billion to Ukraine over the next {n} years, officials said.",
    "Between {n} and {n} troops were sent {n} days ago.",
    "More than {n}% of {n} people joined in {n}, on {n} March {n}.",
    "The fund reached €{n}m on {n}-{n}-{n} and {n} decades ago.",
])


@settings(max_examples=300, deadline=None)
@given(_TEMPLATE, st.lists(_NUMERAL, min_size=5, max_size=5), st.sampled_from([dt.date(1, 1, 1), dt.date(2025, 3, 17),
                                                                               dt.date(9999, 12, 31), None]))
def test_random_and_extreme_figures_never_raise_and_stay_finite(template: str, numbers: list[str],
                                                                anchor: dt.date | None) -> None:
    n = iter(numbers)
    text = template.replace("{n}", "{}").format(*(next(n) for _ in range(template.count("{n}"))))
    dates = find_dates(text, anchor, "a")
    for q in find_quantities(text, "a", dates, SentenceIndex.of(text)):
        for v in (q.value, q.value_max):
            assert v is None or (math.isfinite(v) and abs(v) < MAX_FIGURE)
        assert q.text == text[q.start : q.end]


def test_reconcile_reads_an_out_of_range_numeral_as_no_figure() -> None:
    from storyfold.stages.reconcile.claims import _numbers

    huge = "Aid of $" + "9" * 400 + " and 5,000 troops were pledged by Germany in 2025."
    assert _numbers(huge) == frozenset({5000.0})  # two 400-digit figures never "agree" as infinity
