"""Numbers written in words (``storyfold.text.numbers.parse_number``): every number below a million
as English writes it, with and without "and", hyphenated or not."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from storyfold.stages.quantities import find_quantities
from storyfold.text.numbers import TENS, UNITS, parse_number

_UNIT = {v: k for k, v in UNITS.items()}
_TEN = {v: k for k, v in TENS.items()}


def _below_100(n: int, joint: str) -> str:
    if n < 20:
        return _UNIT[n]
    return _TEN[n - n % 10] + (joint + _UNIT[n % 10] if n % 10 else "")


def _below_1000(n: int, joint: str, conj: str) -> str:
    if n < 100:
        return _below_100(n, joint)
    head = f"{_UNIT[n // 100]} hundred"
    return head + (f"{conj}{_below_100(n % 100, joint)}" if n % 100 else "")


@given(st.integers(1, 999_999), st.sampled_from(["-", " "]), st.sampled_from([" and ", " "]))
def test_a_number_in_words_reads_as_its_value(n: int, joint: str, conj: str) -> None:
    thousands, rest = divmod(n, 1000)
    words = f"{_below_1000(thousands, joint, conj)} thousand" if thousands else ""
    if rest:
        words += (conj if thousands and rest < 100 else " " if thousands else "") + _below_1000(rest, joint, conj)
    assert parse_number(words.strip()) == n, words


def test_a_hundred_and_a_hyphenated_number_is_one_figure() -> None:
    (q,) = find_quantities("The calendar had three hundred and sixty-five days, the scribes said.")
    assert q.value == 365
    (q,) = find_quantities("The hotel had two hundred and twenty-two rooms.")
    assert (q.value, q.counts) == (222, "rooms")
    assert parse_number("2020 five") is None and parse_number("twenty twenty") is None
