from hypothesis import given
from hypothesis import strategies as st

from storyfold.text.sentences import SentenceIndex, sentence_spans


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
