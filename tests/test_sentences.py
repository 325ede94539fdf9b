import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.text.sentences import SentenceIndex, cut_off, dateline_length, sentence_spans


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text)]


def test_abbreviations_and_initials_do_not_end_a_sentence():
    text = "U.S. President Donald Trump spoke. He left. Mr. Healey met Gen. Radakin on Sept. 3. They spoke."
    assert texts(text) == ["U.S. President Donald Trump spoke.", "He left.", "Mr. Healey met Gen. Radakin on Sept. 3.", "They spoke."]


def test_closing_marks_stay_with_their_sentence_and_lines_always_end_one():
    text = '“We will,” he said. “Not now.” Then more\nA headline without a stop\n\n  Indented paragraph.  '
    assert texts(text) == ["“We will,” he said.", "“Not now.”", "Then more", "A headline without a stop", "Indented paragraph."]


def test_an_ellipsis_inside_a_quote_does_not_split_it(seeds_dir):
    text = next(seeds_dir.glob("001_*.txt")).read_text(encoding="utf-8")
    hits = [s for s in texts(text) if "European forces can help in Ukraine…" in s]
    assert len(hits) == 1 and hits[0].endswith("without an American clear guarantee.”")


def test_the_sentence_index_finds_the_span_holding_a_position():
    text = "One two. Three four. Five."
    index = SentenceIndex.of(text)
    assert index.spans == tuple(sentence_spans(text))
    assert index.sentence_at(text.index("four")) == (9, 20)
    assert SentenceIndex.of("   ").sentence_at(1) == (0, 3)  # no sentence: the whole text


@given(st.text(alphabet=st.sampled_from(list("ab AB.!?”“\"'\n1 ")), max_size=200))
def test_spans_are_ordered_stripped_and_keep_every_visible_character(text):
    spans = sentence_spans(text)
    assert all(s < e for s, e in spans)
    assert all(e1 <= s2 for (_, e1), (s2, _) in zip(spans, spans[1:], strict=False))
    assert all(not text[s].isspace() and not text[e - 1].isspace() for s, e in spans)
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@pytest.mark.parametrize(("sentence", "rest"), [
    ("WASHINGTON — The Pentagon plans to divert $3.8 billion.", "The Pentagon plans to divert $3.8 billion."),
    ("MUNICH, Germany (AP) — U.S. Defense Secretary Mark Esper on Friday defended", "U.S. Defense Secretary Mark Esper on Friday defended"),
    ("VATICAN CITY (Reuters) - The Vatican condemned gender theory.", "The Vatican condemned gender theory."),
    ("MANCHESTER, N.H. – Three days after a poll in Iowa.", "Three days after a poll in Iowa."),
    ("(Reuters) - Oil prices fell on Monday.", "Oil prices fell on Monday."),
    ("NATO said on Monday that it would stay.", "NATO said on Monday that it would stay."),
    ("U.S. officials — two of them — said so.", "U.S. officials — two of them — said so."),
    ("KYIV — UKRAINE", "KYIV — UKRAINE"),  # a heading in capitals, not a dateline before a sentence
])
def test_a_wire_dateline_is_left_off_a_sentence(sentence: str, rest: str) -> None:
    assert sentence[dateline_length(sentence):] == rest


@given(st.text(max_size=80))
def test_a_dateline_is_a_prefix_ending_in_a_dash_and_space(text: str) -> None:
    n = dateline_length(text)
    assert 0 <= n <= len(text)
    if n:
        assert text[:n].rstrip()[-1] in "-–—" and text[n - 1] in " \t"


def test_a_sentence_its_source_cut_off_ends_in_an_ellipsis(seeds_dir, shared) -> None:
    """The AllSides roundups quote each outlet's lead cut off ("... shot and killed after..."): the
    last sentence of those excerpts is cut off; no sentence of the five whole seed articles is."""
    import json

    with (shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as f:
        bodies = [" ".join(a["newBody"]).rstrip() for line in f for a in json.loads(line)["news"].values() if a]
    cut = [b for b in bodies if b.endswith(("...", "\u2026"))]
    assert len(cut) > len(bodies) / 2
    assert all(cut_off(b[sentence_spans(b)[-1][0]:]) for b in cut)
    for path in sorted(seeds_dir.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        assert not [text[s:e] for s, e in sentence_spans(text) if cut_off(text[s:e])]


@given(st.text(min_size=1, max_size=80), st.sampled_from(["...", "\u2026", " [...]", "[\u2026]", '..."', "\u2026\u201d "]))
def test_any_text_ending_in_an_ellipsis_is_cut_off(text: str, end: str) -> None:
    assert cut_off(text + end)
    assert not cut_off(text + end + " And it goes on.")


def test_a_clock_time_goes_on_with_its_day_or_zone(shared) -> None:
    """In the AllSides roundups' outlet excerpts, "a.m."/"p.m." before the time's day or zone ("2 a.m.
    Friday, local time, which was 7 p.m. Thursday ET", "8 p.m. Eastern time") is inside a sentence;
    before another capital ("until nearly 2 a.m. The back-and-forth") a sentence ends there."""
    import json
    import re

    with (shared / "data" / "neus-allsides" / "allsides_roundups_2021-10-19.jsonl").open(encoding="utf-8") as f:
        bodies = [" ".join(a["newBody"]) for line in f for a in json.loads(line)["news"].values() if a]
    inside = 0
    for body in bodies:
        ends_at = {e for _, e in sentence_spans(body)}
        for m in re.finditer(r"\b[ap]\.m\.(?= ([A-Z]\w*))", body):
            word = m.group(1)
            if word in ("Friday", "Thursday", "ET", "GMT", "Eastern", "Pacific", "Central"):
                assert m.end() not in ends_at, body[m.start() - 40 : m.end() + 30]
                inside += 1
            elif word == "The":
                assert m.end() in ends_at
    assert inside >= 10
    assert texts("Arguments lasted until nearly 2 a.m. The back-and-forth went on.")[0].endswith("2 a.m.")
    assert texts("It began at 6:30 a.m. PDT on Monday. Police said.") == ["It began at 6:30 a.m. PDT on Monday.", "Police said."]
