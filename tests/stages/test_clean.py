"""Cleaning on the real seed files: every piece of residue goes, every article sentence stays."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.config import Settings
from storyfold.errors import EmptyInput, TooLarge
from storyfold.ingest import read_file
from storyfold.records import Article, Document
from storyfold.stages.clean import _normalise, article_id, clean, clean_text

RESIDUE = [
    "Read full news in source page",
    "Read the full article here",
    "Share.",
    "Leave A Reply",
    "Exit mobile version",
    "Read also:",
    "Weekly happenings in the German Federal Parliament",
    "Southwest region's most popular posts",
    "could potentially overshadow Ukraine's concerns",
    "Massive 8.8 earthquake hits off the coast",
    "https://",
    "](",
    "srsltid",
    "ico=in-line_link",
    "_Sunday Morning",
]

# Lines of the raw seed files that are residue, not article (found by reading the files).
RESIDUE_LINES = {
    "Read full news in source page",
    "Read the full article here",
    "Share.",
    "Leave A Reply",
    "Exit mobile version",
    "Read also:",
    "inews.co.uk",
}


def _seed_articles(seeds_dir: Path) -> list[tuple[Path, Article]]:
    out = []
    for path in sorted(seeds_dir.glob("*.txt")):
        (doc,) = list(read_file(path, Settings()))
        assert isinstance(doc, Document), doc
        out.append((path, clean(doc, Settings())))
    return out


def _raw_sentences(path: Path) -> list[str]:
    """Sentences of the raw file, residue lines and markdown syntax taken out by hand."""
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)  # markdown link -> anchor
    text = re.sub(r"(?<!\w)_([^_\n]+)_(?!\w)", r"\1", text)
    lines = [
        line.strip()
        for line in text.splitlines()
        if line.strip() and line.strip() not in RESIDUE_LINES and not line.strip().startswith("- ")
    ]
    sentences = []
    for line in lines:
        sentences += [s.strip() for s in re.split(r"(?<=[.!?”»])\s+(?=[A-Z“«\"])", line) if s.strip()]
    return sentences


def test_seed_residue_is_removed(seeds_dir: Path) -> None:
    for path, article in _seed_articles(seeds_dir):
        for residue in RESIDUE:
            assert residue not in article.text, f"{path.name} still holds {residue!r}"


def test_seed_sentences_are_all_kept(seeds_dir: Path) -> None:
    for path, article in _seed_articles(seeds_dir):
        kept = " ".join(filter(None, [article.title, article.text]))
        kept = " ".join(kept.split())
        for sentence in _raw_sentences(path):
            assert " ".join(sentence.split()) in kept, f"{path.name} lost {sentence!r}"


def test_every_removal_is_recorded_with_a_reason(seeds_dir: Path) -> None:
    by_name = {p.name[:3]: a for p, a in _seed_articles(seeds_dir)}
    reasons_001 = {r.reason for r in by_name["001"].removed}
    assert any("markdown link" in r for r in reasons_001)
    assert any("read-more" in r for r in reasons_001)
    removed_002 = {r.text for r in by_name["002"].removed}
    assert {"Share.", "Leave A Reply", "Exit mobile version", "Read the full article here"} <= removed_002
    headlines = [r for r in by_name["004"].removed if r.reason == "list of other headlines"]
    assert len(headlines) == 5  # "Read also:" and its four unrelated headlines
    assert all(r.reason and r.text for a in by_name.values() for r in a.removed)


def test_text_seed_metadata_from_first_lines(seeds_dir: Path) -> None:
    by_name = {p.name[:3]: a for p, a in _seed_articles(seeds_dir)}
    assert by_name["001"].outlet == "inews.co.uk"
    assert by_name["001"].title == "Japan to help UK deter Putin with peacekeeping force in Ukraine"
    assert by_name["003"].title.startswith("Japan Set to Contribute")
    assert by_name["004"].title == "Japan Plans on Joining Security Commitments for Ukraine"
    assert by_name["000"].title is None  # its first line is a sentence of the article
    assert by_name["002"].title is None
    assert by_name["001"].text.startswith("Tokyo are taking part in planning conversations")


def test_markdown_link_keeps_anchor_text() -> None:
    text, removed = clean_text("Japan is expected to play a key role in [Ukraine](https://example.org/x?ico=1), it has emerged.")
    assert text == "Japan is expected to play a key role in Ukraine, it has emerged."
    assert removed[0].text == "[Ukraine](https://example.org/x?ico=1)"


def test_tracking_url_and_bare_url_lines_are_removed() -> None:
    text, removed = clean_text("First line of the story.\nhttps://t.co/abc\nSee https://x.org/a?utm_source=tw now.")
    assert text == "First line of the story.\nSee now."
    assert [r.reason for r in removed] == ["bare URL line", "tracking URL"]


def test_sentence_mentioning_share_is_kept() -> None:
    text, removed = clean_text("Share prices fell sharply on Monday.\nRead more about markets in our weekly column.")
    assert text == "Share prices fell sharply on Monday.\nRead more about markets in our weekly column."
    assert removed == []


def test_article_id_is_content_derived() -> None:
    assert article_id("Some  text.", None) == article_id("some text.", None)
    assert article_id("Some text.", "https://a") != article_id("Some text.", "https://b")


def test_too_short_and_too_long_articles_are_rejected() -> None:
    with pytest.raises(EmptyInput, match="min_article_chars"):
        clean(Document(source="x.txt", text="Share.\nShort."), Settings())
    with pytest.raises(TooLarge, match="max_article_chars"):
        clean(Document(source="y.txt", text="word " * 100), Settings(max_article_chars=100))


def test_an_article_with_too_many_sentences_is_rejected_naming_the_cap(seeds_dir) -> None:
    text = next(seeds_dir.glob("000_*.txt")).read_text(encoding="utf-8")
    assert clean(Document(source="000.txt", text=text), Settings(max_article_sentences=17)).text
    with pytest.raises(TooLarge, match=r"000\.txt.*18 sentences.*setting max_article_sentences"):
        clean(Document(source="000.txt", text=text + "\nOne more line."), Settings(max_article_sentences=17))


@given(st.text(max_size=2000))
def test_clean_text_never_crashes_and_only_removes(text: str) -> None:
    cleaned, removed = clean_text(text)
    assert isinstance(cleaned, str)
    for item in removed:
        assert item.reason
    # Cleaning never invents words: every word of the output occurs in the input (after the
    # Unicode normalisation and invisible-character removal that cleaning starts with).
    # Words are runs of letters and digits: markdown's "_" markers are removed on purpose.
    source_words = set(re.findall(r"[^\W_]+", _normalise(text)))
    assert set(re.findall(r"[^\W_]+", cleaned)) <= source_words


FLASH = "Japan says it will join Ukraine coalition talks on Monday."


def test_a_one_sentence_flash_whose_title_is_its_text_is_kept() -> None:
    """The exact JSONL line of the report: the headline is the text, so the text stays."""
    import json

    from storyfold.ingest.jsonl import parse_line

    doc = parse_line(json.dumps({"title": FLASH, "text": FLASH}).encode(), "flash.jsonl", 1)
    article = clean(doc, Settings())
    assert article.text == FLASH and article.title == FLASH and article.removed == ()


def test_headline_removal_never_empties_an_article() -> None:
    assert clean_text(f"{FLASH}\n\nShare this", FLASH)[0] == FLASH  # only boilerplate left besides it
    assert clean_text(f"{FLASH}\n\nThe talks start in Tokyo.", FLASH)[0] == "The talks start in Tokyo."


def test_one_sentence_ecb_documents_titled_by_their_text_are_kept(shared: Path) -> None:
    """ECB+ documents of one sentence (train and dev; the test topics are not in the shared copy),
    folded with their sentence as title, as a title-from-first-line reader gives them."""
    import json

    rows = [json.loads(line) for line in (shared / "data" / "ecbplus" / "texts.jsonl").open(encoding="utf-8")]
    flashes = [r for r in rows if len(r["sentences"]) == 1 and len(r["sentences"][0]) >= 40]
    assert len(flashes) >= 4
    for r in flashes:
        text = r["sentences"][0]
        article = clean(Document(source=r["doc_id"], text=text, title=text), Settings())
        assert article.text == text, r["doc_id"]
