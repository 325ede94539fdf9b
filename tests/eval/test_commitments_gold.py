"""The other-kinds commitments gold files (two dev parts and the untouched one) are well formed,
every sentence is in its source, and no dev part shares a story or an ECB+ topic with the untouched
part (nor the amounts dev part with the first dev part)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from storyfold.records import CommitmentCategory, CommitmentStatus

ROOT = Path(__file__).resolve().parents[2]
GOLD = ROOT / "eval" / "gold" / "commitments_other.jsonl"
DEV = ROOT / "eval" / "gold" / "commitments_other_dev.jsonl"
AMOUNTS_DEV = ROOT / "eval" / "gold" / "commitments_amounts_dev.jsonl"
KINDS_DEV = ROOT / "eval" / "gold" / "commitments_kinds_dev.jsonl"
AMOUNTS2 = ROOT / "eval" / "gold" / "commitments_amounts2_dev.jsonl"
NEWS = ROOT / "eval" / "gold" / "commitments_news.jsonl"


def _rows(path: Path = GOLD) -> list[dict]:
    """The annotated sentences, without the ``about`` line that says how the file was made."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r for r in rows if "about" not in r]


def _story(ref: str) -> str:
    """The AllSides story id or the ECB+ topic of a reference ("5961/news/left", "10_4ecb/0")."""
    return ref.split("/")[0].split("_")[0]


@pytest.mark.parametrize("path", [GOLD, DEV, AMOUNTS_DEV, KINDS_DEV, AMOUNTS2],
                         ids=["untouched", "dev", "amounts-dev", "kinds-dev", "amounts2"])
def test_rows_are_annotated_with_the_records_vocabularies(path: Path) -> None:
    rows = _rows(path)
    assert len(rows) >= 15 and len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert r["source"] in ("neus-allsides", "ecbplus"), r["id"]
        assert r["actor"] in r["actor_aliases"] and r["text"] and r["item"], r["id"]
        CommitmentCategory(r["category"])
        CommitmentStatus(r["status"])
        if r["amount"] is not None:
            assert r["amount"]["value"] > 0, r["id"]
            currency = r["amount"]["currency"]
            assert (currency is None and path in (AMOUNTS_DEV, KINDS_DEV, AMOUNTS2)) or len(currency) == 3, r["id"]  # a count


def test_the_amounts_dev_part_states_an_amount_in_every_sentence_and_says_how_it_was_made() -> None:
    lines = AMOUNTS_DEV.read_text(encoding="utf-8").splitlines()
    assert "about" in json.loads(lines[0])
    rows = _rows(AMOUNTS_DEV)
    assert len(rows) >= 30 and all(r["amount"] for r in rows)
    assert len({r["text"] for r in rows}) == len(rows)


@pytest.mark.parametrize(("dev", "other"), [(DEV, GOLD), (AMOUNTS_DEV, GOLD), (AMOUNTS_DEV, DEV), (KINDS_DEV, GOLD),
                                            (KINDS_DEV, DEV), (KINDS_DEV, AMOUNTS_DEV)],
                         ids=["dev-untouched", "amounts-dev-untouched", "amounts-dev-dev", "kinds-dev-untouched",
                              "kinds-dev-dev", "kinds-dev-amounts-dev"])
def test_a_dev_part_shares_no_story_with_another_part(dev: Path, other: Path) -> None:
    assert not {(r["source"], _story(r["ref"])) for r in _rows(dev)} & {
        (r["source"], _story(r["ref"])) for r in _rows(other)}
    assert not {r["id"] for r in _rows(dev)} & {r["id"] for r in _rows(other)}
    assert not {r["text"] for r in _rows(dev)} & {r["text"] for r in _rows(other)}


def test_every_sentence_is_in_its_source(shared: Path) -> None:
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        from commitments_other import _sources  # type: ignore[import-not-found]
    finally:
        sys.path.pop(0)
    sources = _sources(shared / "data")
    for r in _rows(GOLD) + _rows(DEV) + _rows(AMOUNTS_DEV) + _rows(KINDS_DEV) + _rows(AMOUNTS2) + _rows(NEWS):
        assert " ".join(r["text"].split()) in " ".join(sources[(r["source"], r["ref"])].split()), r["id"]


def test_errors_are_printed_for_the_dev_parts_only(capsys: pytest.CaptureFixture[str]) -> None:
    """``--errors`` / ``-v`` print the dev parts' rows; asked for the untouched part's, the scorer
    refuses before reading a row of it."""
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import commitments_other  # type: ignore[import-not-found]

        with pytest.raises(SystemExit, match="untouched"):
            commitments_other.score_other(GOLD, verbose=True)
    finally:
        sys.path.pop(0)
    assert "other-" not in capsys.readouterr().out


def test_the_second_amounts_set_is_split_by_sentence_and_shares_no_sentence_or_story_with_the_untouched_files() -> None:
    """Both parts of ``commitments_amounts2_dev.jsonl`` (by sha1 of the sentence) hold sentences,
    each states an amount, one sentence's two commitments fall in one part, and no story, ECB+
    topic, id or sentence is shared with the untouched files; printing its untouched part is
    refused."""
    sys.path.insert(0, str(ROOT / "eval"))
    try:
        import commitments_other  # type: ignore[import-not-found]

        dev, untouched = commitments_other.rows_of(AMOUNTS2, "dev"), commitments_other.rows_of(AMOUNTS2, "untouched")
        with pytest.raises(SystemExit, match="untouched"):
            commitments_other.score_other(AMOUNTS2, verbose=True, part="untouched")
    finally:
        sys.path.pop(0)
    assert "about" in json.loads(AMOUNTS2.read_text(encoding="utf-8").splitlines()[0])
    assert len(dev) >= 15 and len(untouched) >= 15 and len(dev) + len(untouched) == len(_rows(AMOUNTS2)) >= 30
    assert not {r["text"] for r in dev} & {r["text"] for r in untouched}
    assert all(r["amount"] for r in _rows(AMOUNTS2))
    mine = {(r["source"], _story(r["ref"])) for r in _rows(AMOUNTS2)}
    for other in (GOLD, NEWS, DEV, AMOUNTS_DEV, KINDS_DEV):
        theirs = _rows(other)
        assert not {r["text"] for r in _rows(AMOUNTS2)} & {r["text"] for r in theirs}, other.name
        assert not {r["id"] for r in _rows(AMOUNTS2)} & {r["id"] for r in theirs}, other.name
        if other in (GOLD, NEWS):
            assert not mine & {(r["source"], _story(r["ref"])) for r in theirs}, other.name


def test_the_news_sample_is_one_sentence_per_story_none_shared_with_another_part() -> None:
    """The random news sentences: an ``about`` line, one sentence per AllSides story, an actor (one
    of its names) or none, and no story any other part uses."""
    assert "about" in json.loads(NEWS.read_text(encoding="utf-8").splitlines()[0])
    rows = _rows(NEWS)
    assert len(rows) >= 60 and len({_story(r["ref"]) for r in rows}) == len(rows)
    assert all(r["source"] == "neus-allsides" for r in rows)
    assert all((r["actor"] is None and not r["actor_aliases"]) or r["actor"] in r["actor_aliases"] for r in rows)
    assert 0 < sum(r["actor"] is not None for r in rows) < len(rows)
    stories = {_story(r["ref"]) for r in rows}
    for other in (GOLD, DEV, AMOUNTS_DEV, KINDS_DEV):
        assert not stories & {_story(r["ref"]) for r in _rows(other) if r["source"] == "neus-allsides"}, other.name
