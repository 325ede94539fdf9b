"""Commitments on any story: any donor, any kind of aid, amounts with their currency.

The sentences are the issue's own examples of Kiel tracker rows; the tracker's scored rows live in
the shared data set (``eval/commitments.py``).
"""

from __future__ import annotations

import pytest

from storyfold.records import CommitmentCategory as C
from storyfold.records import CommitmentStatus as S
from storyfold.stages.commitments.commitments import find_commitments
from storyfold.stages.quantities import find_quantities
from storyfold.text.gazetteer import CURRENCY_CODES, country_names


def _found(text: str, title: str | None = None):
    return find_commitments(text, "a", (), find_quantities(text, "a"), title=title)


def test_every_country_by_name_demonym_and_capital() -> None:
    names = country_names()
    assert (names["Lithuania"], names["Lithuanian"], names["Seoul"], names["Élysée"]) == (
        "Lithuania", "Lithuania", "South Korea", "France")
    assert names["Indian"] == "India"  # not the British Indian Ocean Territory
    assert "IT" not in names and "IN" not in names  # ISO codes are words in text
    assert {"AUD", "CAD", "HUF", "EUR"} <= CURRENCY_CODES


@pytest.mark.parametrize(("text", "value", "unit"), [
    ("Australia gave 35 million AUD.", 35e6, "AUD"),
    ("Canada gave 250 million CAD.", 250e6, "CAD"),
    ("Spain sent 30 EUR million.", 30e6, "EUR"),
    ("The EU gives EUR 250 million.", 250e6, "EUR"),
])
def test_currency_codes_are_money(text: str, value: float, unit: str) -> None:
    money = [q for q in find_quantities(text, "a") if q.unit == unit]
    assert money and money[0].value == value


def test_a_donor_outside_any_table_with_its_category_item_and_amount() -> None:
    (m,) = _found("The Lithuanian government approved a medical aid package to Ukraine worth 4 million EUR.")
    assert (m.actor, m.status, m.category, m.amount) == ("Lithuania", S.COMMITTED, C.HUMANITARIAN, "4 million EUR")
    assert m.item == "medical aid package" and m.recipient == "Ukraine"


def test_status_from_the_clause() -> None:
    assert _found("Germany refused to send tanks to Ukraine.")[0].status is S.RULED_OUT
    assert _found("Poland is ready to send tanks to Ukraine.")[0].status is S.WILLING
    assert _found("Greece will deliver 70,000 tons of coal to Ukraine.")[0].status is S.PLEDGED
    assert _found("Greece has sent 45 armoured vehicles to Ukraine.")[0].status is S.FULFILLED


def test_two_acts_keep_their_own_amounts_and_units() -> None:
    ms = _found("Norway sent 45 armoured vehicles worth 10 million EUR and will give Ukraine a loan of 20 million EUR.")
    by_item = {m.item_key: m for m in ms}
    assert by_item["vehicle"].amount == "10 million EUR" and by_item["vehicle"].units == 45
    assert by_item["vehicle"].category is C.MILITARY
    assert by_item["loan"].amount == "20 million EUR" and by_item["loan"].category is C.FINANCIAL


def test_a_verbless_note_takes_its_donor_from_the_text_or_the_title() -> None:
    (m,) = _found("Transfer of 40 BMP-1 IFVs from Greece to Ukraine.")
    assert (m.actor, m.category) == ("Greece", C.MILITARY)
    (t,) = _found("Delivery of medical supplies to Ukraine.", title="Finland aid announcement")
    assert (t.actor, t.category) == ("Finland", C.HUMANITARIAN)
    assert _found("Delivery of medical supplies to Ukraine.") == []


def test_examples_and_recipients_are_not_actors() -> None:
    assert _found("Nations like France and Germany could provide tanks to Ukraine.") == []


def _kiel_row(shared, row_id: str) -> tuple[str, str | None]:
    import json

    for line in (shared / "data" / "kiel-dev" / "articles.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["url"] == f"kiel://{row_id}":
            return row["text"], row.get("title")
    raise AssertionError(f"no Kiel row {row_id}")


@pytest.mark.parametrize(("row_id", "actor", "amount"), [
    ("IEH7", "Ireland", "53 million EUR"),  # "committed … to direct its funds": the governing verb's subject acts
    ("CAM9", "Canada", "500 million CAD"),  # an agentless passive: the demonym the clause names
    ("AUM4", "Australia", "49 million AUD"),  # the value stated two sentences later
    ("DKM4", "Denmark", "approximately 30.6 million EUR"),  # the last of the figures that value it
])
def test_kiel_dev_rows_give_the_donor_and_its_amount(shared, row_id: str, actor: str, amount: str) -> None:
    """Rows of the development half of the Kiel tracker set (eval/commitments.py's split)."""
    text, title = _kiel_row(shared, row_id)
    found = [m for m in _found(text, title) if m.actor == actor]
    assert found and amount in {m.amount for m in found}
    for m in found:
        assert text[m.start : m.end] == m.text


def test_an_amount_is_not_copied_onto_the_act_that_governs_it(shared) -> None:
    """"authorizing the President to direct the drawdown of up to $3.7 billion": the amount is the
    drawdown's, not the authorising act's."""
    text, title = _kiel_row(shared, "USM9")
    first = [m for m in _found(text, title) if m.start == 0]
    assert [m.amount for m in first].count("up to $3.7 billion") == 1
