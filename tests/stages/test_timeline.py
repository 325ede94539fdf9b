"""The timeline over the seeds (with their manifest), through the real pipeline and store."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from storyfold import api
from storyfold.config import Settings
from storyfold.pipeline import Context
from storyfold.present.export import validate_export
from storyfold.records import CREATION_TIME, Article
from storyfold.stages.dates.dates import find_dates
from storyfold.stages.dates.stage import DatesStage
from storyfold.stages.timeline import build_timeline

SEEDS = Path(__file__).resolve().parents[2] / "examples" / "seeds"


def _seed_inputs(with_dates: bool) -> tuple[dict[str, str], dict[str, list]]:
    texts: dict[str, str] = {}
    dates: dict[str, list] = {}
    for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        aid = row["file"][:3]
        texts[aid] = (SEEDS / row["file"]).read_text(encoding="utf-8")
        published = dt.date.fromisoformat(row["published"]) if row["published"] and with_dates else None
        dates[aid] = find_dates(texts[aid], published, aid)
    return texts, dates


def _entry(entries, date: str, words: str):
    found = [e for e in entries if str(e.date) == date and words in e.text]
    assert found, f"no {date} entry with {words!r}: {[(str(e.date), e.text[:60]) for e in entries]}"
    return found[0]


def test_seed_timeline_events_in_order() -> None:
    entries = build_timeline(*_seed_inputs(True))
    pact = _entry(entries, "2024-06", "security pact")
    meeting = _entry(entries, "2025-03-20", "will meet")
    ship = _entry(entries, "2025-04", "HMS Prince of Wales")
    white_house = _entry(entries, "2025-08-18", "White House")
    press = _entry(entries, "2025-08-19", "press conference")
    order = [entries.index(e) for e in (pact, meeting, ship, white_house, press)]
    assert order == sorted(order)
    texts, dates = _seed_inputs(True)
    first_day = {d.value.split("T")[0]: d.earliest for ds in dates.values() for d in ds if d.earliest is not None}
    starts = [first_day[str(e.date)] for e in entries]
    assert starts == [e.date.start for e in entries]
    assert starts == sorted(starts)
    for e in entries:
        for ev in e.evidence:
            assert ev.article_id in e.article_ids
    assert meeting.article_ids == ("001",)


def test_same_event_from_several_articles_is_merged() -> None:
    texts, dates = _seed_inputs(True)
    entries = build_timeline(texts, dates)
    rutte = _entry(entries, "2025-08-18", "Rutte")
    assert set(rutte.article_ids) >= {"002", "003", "004"}
    assert {ev.article_id for ev in rutte.evidence} == set(rutte.article_ids)
    for ev in rutte.evidence:
        assert texts[ev.article_id][ev.start : ev.end] == ev.text
    ishiba = [e for e in entries if str(e.date) == "2025-08-19" and "ready to participate" in e.text]
    assert len(ishiba) == 1 and set(ishiba[0].article_ids) == {"002", "003"}


def test_without_publication_dates_only_absolute_dates_are_placed() -> None:
    entries = build_timeline(*_seed_inputs(False))
    assert {str(e.date) for e in entries} == {"2022", "2024-06", "2025"}
    assert all(e.precision is e.date.precision for e in entries)


def test_fold_seeds_exports_dates_quantities_timeline(tmp_path: Path) -> None:
    summary = api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=tmp_path / "s.db", out=tmp_path / "out")
    assert not summary.rejected
    data = json.loads((tmp_path / "out" / "storyfold.json").read_text(encoding="utf-8"))
    validate_export(data)
    assert {"dates", "quantities", "timeline"}.isdisjoint(data["summary"]["unfilled"])
    assert any(d["value"] == "2025-03-20" for d in data["dates"])
    assert any(q["value"] == 1340 and q["unit"] == "km" for q in data["quantities"])
    assert any(t["date"] == "2024-06" for t in data["timeline"])
    assert all(not a["published_estimated"] for a in data["articles"])


@pytest.mark.shared
def test_a_dateline_is_no_timeline_entry(shared: Path) -> None:
    """ECB+ 21_7ecbplus: "Woman Killed in Queens Hit - Run , Driver Charged" / a sub-headline /
    "Saturday , Sep 14 , 2013" / "Police say a 59 - year - old woman died after being struck by a
    vehicle in Queens Friday night ...": the dateline dates the report, so the timeline holds the
    death on 13 September and nothing for the dateline's line."""
    rows = (json.loads(line) for line in (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8"))
    row = next((r for r in rows if r["doc_id"] == "21_7ecbplus"), None)
    if row is None:
        pytest.skip("21_7ecbplus is not in this copy of ECB+")
    text = "\n".join(row["sentences"])
    mentions = DatesStage().process(Article(id="a", source="s", text=text), {}, Context(settings=Settings()))["dates"]
    assert any(m.function == CREATION_TIME for m in mentions)  # the dates stage marks the dateline
    entries = build_timeline({"a": text}, {"a": mentions})
    assert _entry(entries, "2013-09-13", "Queens Friday night")
    assert not [e for e in entries if "Sep 14 , 2013" in e.text]


def test_a_far_date_outside_the_main_clause_dates_only_its_clause(shared) -> None:
    """Two AllSides excerpts on the May 2021 Gaza war: "... the most intense since it took over the
    Gaza strip in 2007" (Wall Street Journal) is a 2007 entry of the take-over alone, and "the most
    intense fighting between Israel and Hamas since their 2014 war" (AP) gives no 2014 entry. Without
    a parse both stay as before: the sentence, at the far year."""
    from storyfold.config import load_settings
    from storyfold.text.nlp import load_spacy

    wanted = {"After the Israeli Cease-Fire", "Rockets kill 2 Israelis; 28 die in Gaza as Israel hits Hamas"}
    texts, dates, published = {}, {}, {}
    with (shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            for side, a in r["news"].items():
                if a and a["newsTitle"] in wanted:
                    aid = side + str(r["id"])
                    texts[aid] = a["newsTitle"] + "\n" + " ".join(a["newBody"])
                    published[aid] = dt.date.fromisoformat(r["date"][:10])
                    dates[aid] = find_dates(texts[aid], published[aid], aid)
    assert len(texts) == 2
    nlp = load_spacy(load_settings().spacy_model, ("ner",))
    entries = build_timeline(texts, dates, None, published, nlp)
    assert [e.text for e in entries if str(e.date) == "2007"] == ["it took over the Gaza strip in 2007"]
    assert not [e for e in entries if str(e.date) == "2014"]
    assert [e for e in entries if str(e.date) == "2021-05-11"]  # the story's own days are as before
    before = build_timeline(texts, dates, None, published)
    assert "the most intense since" in _entry(before, "2007", "Gaza strip").text
    assert _entry(before, "2014", "2014 war")
