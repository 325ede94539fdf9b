"""eval/brief.py's reading of a brief date against a reader's: right when one lies within the other
at the reader's precision; a year or a week holding the reader's day is only coarser, not right."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "eval"))

import brief  # noqa: E402  (eval/brief.py)


@pytest.mark.parametrize(("got", "gold", "right", "coarser"), [
    ("2008-12-13", "2008-12-13", True, True),
    ("2008-12-13", "2008-12", True, False),   # a day within the reader's month
    ("2008-12", "2008-12-13", True, True),    # the brief's month holds the reader's day
    ("2007", "2007-02-25", False, True),      # a year is not right for a day, only coarser
    ("2007-W14", "2007-04-09", False, False),  # 2-8 April 2007: another week
    ("2005-05-23", "2008-12-13", False, False),
    (None, "2008-12-13", False, False),
])
def test_date_right_and_coarser(got: str | None, gold: str, right: bool, coarser: bool) -> None:
    assert brief.date_right(got, gold) is right
    assert brief._holds(got, gold) is coarser
