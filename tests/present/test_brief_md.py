"""brief.md tells each story's brief as its sections: the lead, then each event under its date
range with its dated, cited sentences and what changed (rendered from the seeds' export fixture)."""

from __future__ import annotations

import json
import re
from pathlib import Path

from storyfold.present.brief import render_brief_markdown
from storyfold.present.humanize import human_span

FIXTURE = Path(__file__).resolve().parents[1] / "data" / "fixtures" / "seeds-export.json"


def _doc() -> dict:
    return json.loads(FIXTURE.read_text(encoding="utf-8"))


def test_brief_md_is_told_event_by_event() -> None:
    doc = _doc()
    md = render_brief_markdown(doc)
    lead = md.index("**In short.**")
    heads = [m.start() for m in re.finditer(r"^#### ", md, re.M)]
    events = [s for s in doc["brief_sections"] if s["role"] == "event"]
    assert len(heads) == len(events) and lead < heads[0] < heads[-1] < md.index("### Sources")
    for sec, at in zip(events, heads, strict=True):
        assert md[at:].startswith(f"#### {human_span(sec['date'], sec.get('date_end'))}")  # as people write it
    assert md.index("What changed:") > heads[-1]  # the August event's changes
    # every sentence of the brief is there once, with citation numbers
    for b in doc["brief"]:
        line = next(x for x in md.splitlines() if b["text"].replace("*", "\\*") in x)
        assert re.search(r"\[\d\]$", line), line


def test_an_export_without_sections_shows_the_flat_brief() -> None:
    doc = _doc()
    doc["brief_sections"] = []
    md = render_brief_markdown(doc)
    assert "**In short.**" not in md and "#### " not in md
    assert all(b["text"] in md for b in doc["brief"])
