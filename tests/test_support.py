"""The support check on sentences from the seed articles."""

from __future__ import annotations

from pathlib import Path

from storyfold.stages.brief.support import check_support, facts, number_values

SEED = (Path(__file__).resolve().parents[1] / "examples" / "seeds" / "001_90c05761f4b39f40.txt").read_text(
    encoding="utf-8")
SPAN = next(line for line in SEED.splitlines() if "10,000" in line)


def test_seed_span_is_the_one_about_the_force() -> None:
    assert "expected to number more than 10,000" in SPAN


def test_extracted_sentence_passes_its_own_span() -> None:
    assert check_support(SPAN, [SPAN]).ok


def test_number_formats_are_normalised() -> None:
    assert number_values("more than 10,000 troops") == number_values("more than 10000 troops")
    assert check_support("The force is expected to number more than 10000.", [SPAN]).ok
    assert check_support("The force is expected to number more than 10 000.", [SPAN]).ok


def test_a_number_the_span_lacks_fails() -> None:
    result = check_support("The force is expected to number more than 20,000.", [SPAN])
    assert not result.ok and result.missing == ["20000"]


def test_a_name_the_span_lacks_fails_and_an_alias_rescues_it() -> None:
    span = "The U.K. and France have already indicated their willingness to deploy peacekeepers."
    assert not check_support("United Kingdom is ready to send peacekeepers to Ukraine.", [span]).ok
    result = check_support("United Kingdom is ready to send peacekeepers.", [span],
                           aliases={"united kingdom": ("U.K.", "Britain")})
    assert result.ok, result.missing


def test_dates_must_appear() -> None:
    span = "In January Japan appointed a full-time ambassador to Nato."
    assert check_support("Japan appointed an ambassador to Nato in January.", [span]).ok
    assert check_support("Japan appointed an ambassador to Nato in March.", [span]).missing == ["march"]
    assert facts("On Tuesday Healey will meet Kallas in Brussels.").dates == ["tuesday"]


def test_source_count_wording_is_not_checked() -> None:
    sentence = "Japan appointed an ambassador to Nato in January (reported by three independent outlets)."
    assert check_support(sentence, ["In January Japan appointed a full-time ambassador to Nato."]).ok
    assert check_support("Japan appointed an ambassador in January, according to one outlet.",
                         ["In January Japan appointed a full-time ambassador."]).ok


def test_a_figure_from_fewer_outlets_keeps_its_check() -> None:
    span = "Japan agreed to provide $4.5 billion in defense assistance."
    assert check_support("Japan has committed to providing funding; one outlet puts it at $4.5 billion.", [span]).ok
    assert not check_support("Japan has committed to providing funding; one outlet puts it at $5 billion.", [span]).ok
