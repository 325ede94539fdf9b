"""Cleaning: strip boilerplate and scraping residue, keep every sentence of the article.

Rules work on whole lines (share and comment prompts, "read the full article", "Read also:" lists of
other headlines) and inline (markdown links keep their anchor text and lose the URL, markdown
emphasis markers, tracking URLs). Each removal is recorded in ``Article.removed`` with its reason,
so a user can audit exactly what went. A line is only removed as boilerplate when the *whole line*
matches a rule; a rule never cuts into a sentence of the article.
"""

from __future__ import annotations

import re
import unicodedata

from storyfold.config import Settings
from storyfold.errors import EmptyInput, TooLarge
from storyfold.ids import content_id
from storyfold.records import Article, Document, Removal
from storyfold.text.sentences import sentence_spans

__all__ = ["VERSION", "article_id", "clean", "clean_text"]

VERSION = "1"

# Whole-line boilerplate: (reason, pattern). Patterns are matched against the stripped line.
_LINE_RULES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (reason, re.compile(pattern, re.IGNORECASE))
    for reason, pattern in (
        ("read-more prompt", r"(read|see|view) (the )?(full|whole|original) (news|article|story|report)( (in|on|at) (the )?source( page)?| here| on [\w .-]+)?[.!:]?"),
        ("read-more prompt", r"(read|continue reading|click here to read)( more)?( here)?[.!:…]*"),
        ("read-more prompt", r"(this|the) (article|story) (first )?(appeared|was (first )?published) (on|in) [\w .-]+\.?"),
        ("share prompt", r"share( this( article| story| post)?)?( on (facebook|twitter|x|linkedin|whatsapp|email))?[.:!]?"),
        ("share prompt", r"(facebook|twitter|linkedin|whatsapp|email|pinterest|reddit|telegram)([ ,|/·]+(facebook|twitter|linkedin|whatsapp|email|pinterest|reddit|telegram))*"),
        ("comment prompt", r"(leave a (reply|comment)|(\d+ )?comments?|post a comment|add a comment|join the (conversation|discussion)|view comments)[.!:]?"),
        ("site chrome", r"(exit mobile version|skip to (main )?content|advertisement|sponsored( content)?|back to top|toggle navigation|menu|search)[.]?"),
        ("newsletter prompt", r"(sign up|subscribe)( now)?( to| for)? (our |the )?(free )?(daily |weekly )?newsletters?.*"),
        ("social prompt", r"follow us on [\w ,&]+[.!]?"),
        ("copyright line", r"(©|\(c\)|copyright)\s.*(all rights reserved)?.*"),
        ("photo credit", r"(photo|image|picture)( credit)?: [^.]{0,80}"),
    )
)

# A header after which the following list lines are other headlines, not this article.
_LIST_HEADER = re.compile(
    r"(read also|read more|also read|related( articles| stories| news)?|see also|more (news|stories) from [\w .]+|"
    r"you may also like|recommended( for you)?|most (read|popular)|trending( now)?)\s*[:\-–]?",
    re.IGNORECASE,
)
_LIST_ITEM = re.compile(r"^\s*([-•*·▪►]|\d+[.)])\s+\S")

_MD_IMAGE = re.compile(r"!\[([^\]\n]*)\]\((?:[^()\s]|\([^()\s]*\))+\)")
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\(((?:https?://|www\.|/)(?:[^()\s]|\([^()\s]*\))*)\)")
_MD_EMPHASIS = re.compile(r"(?<![\w*_])(\*\*|__|_|\*)(?=\S)([^*_\n]{1,200}?)(?<=\S)\1(?![\w*_])")
_TRACKING_URL = re.compile(
    r"\s*\(?\bhttps?://\S*[?&](?:utm_[a-z]+|srsltid|ico|fbclid|gclid|mc_cid|mc_eid|cmpid|ocid)=\S*\)?",
    re.IGNORECASE,
)
_BARE_URL_LINE = re.compile(r"\s*<?(https?://|www\.)\S+>?\s*")
_ZERO_WIDTH = re.compile("[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _sub(pattern: re.Pattern[str], line: str, keep: int | None, reason: str, removed: list[Removal]) -> str:
    """Replace each match by its group ``keep`` (or nothing), recording the match as removed."""

    def record(m: re.Match[str]) -> str:
        removed.append(Removal(text=m.group(0).strip(), reason=reason))
        return m.group(keep) if keep is not None else ""

    return pattern.sub(record, line)


def _clean_inline(line: str, removed: list[Removal]) -> str:
    line = _sub(_MD_IMAGE, line, None, "markdown image", removed)
    line = _sub(_MD_LINK, line, 1, "markdown link: URL dropped, anchor text kept", removed)
    line = _sub(_TRACKING_URL, line, None, "tracking URL", removed)
    return _sub(_MD_EMPHASIS, line, 2, "markdown emphasis markers dropped, words kept", removed)


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _ZERO_WIDTH.sub("", text).replace("\x00", "").replace("\xa0", " ")
    return "\n".join(line.rstrip() for line in text.split("\n"))


def clean_text(text: str, title: str | None = None) -> tuple[str, list[Removal]]:
    """``(cleaned, removed)``: boilerplate lines and inline residue taken out of ``text``. The
    headline repeated at the top of the body is removed, unless nothing would be left: a one-line
    flash whose title is its text keeps its text."""
    cleaned, removed = _clean_lines(text, title)
    if title and not cleaned:
        return _clean_lines(text, None)
    return cleaned, removed


def _clean_lines(text: str, title: str | None) -> tuple[str, list[Removal]]:
    removed: list[Removal] = []
    lines = _normalise(text).split("\n")
    kept: list[str] = []
    in_list = False
    for raw in lines:
        stripped = raw.strip()
        if not stripped:
            in_list = False
            kept.append("")
            continue
        if in_list and (_LIST_ITEM.match(raw) or len(stripped.split()) <= 20 and not stripped.endswith(".")):
            removed.append(Removal(text=stripped, reason="list of other headlines"))
            continue
        in_list = False
        if _LIST_HEADER.fullmatch(stripped):
            removed.append(Removal(text=stripped, reason="list of other headlines"))
            in_list = True
            continue
        rule = next((reason for reason, pattern in _LINE_RULES if pattern.fullmatch(stripped)), None)
        if rule is not None:
            removed.append(Removal(text=stripped, reason=rule))
            continue
        if _BARE_URL_LINE.fullmatch(stripped):
            removed.append(Removal(text=stripped, reason="bare URL line"))
            continue
        if title and not any(k.strip() for k in kept) and _same_line(stripped, title):
            removed.append(Removal(text=stripped, reason="headline repeated in the body (kept as title)"))
            continue
        kept.append(_clean_inline(raw, removed).rstrip())
    cleaned = re.sub(r"\n{3,}", "\n\n", "\n".join(kept)).strip()
    return cleaned, removed


def _same_line(a: str, b: str) -> bool:
    squash = lambda s: re.sub(r"\W+", "", s).casefold()  # noqa: E731
    return squash(a) == squash(b)


def article_id(text: str, url: str | None) -> str:
    """Content-derived id: the same cleaned text from the same URL (or without one) gets the same id."""
    norm = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    return content_id(norm, url or "", sep="\n", algorithm="sha256", length=16)


def clean(doc: Document, settings: Settings) -> Article:
    """The cleaned article of ``doc``, or a named rejection when too little or too much is left."""
    text, removed = clean_text(doc.text or "", doc.title)
    if len(text) < settings.min_article_chars:
        raise EmptyInput(
            doc.source,
            f"only {len(text)} characters of text after cleaning (setting min_article_chars={settings.min_article_chars})",
        )
    if len(text) > settings.max_article_chars:
        raise TooLarge(
            doc.source,
            f"article text is {len(text)} characters, over the cap of {settings.max_article_chars} "
            "(setting max_article_chars)",
        )
    sentences = len(sentence_spans(text))
    if sentences > settings.max_article_sentences:
        raise TooLarge(
            doc.source,
            f"article text has {sentences} sentences, over the cap of {settings.max_article_sentences} "
            "(setting max_article_sentences)",
        )
    return Article(
        id=article_id(text, doc.url),
        source=doc.source,
        text=text,
        url=doc.url,
        title=doc.title,
        outlet=doc.outlet,
        published=doc.published,
        published_estimated=doc.published_estimated,
        author=doc.author,
        removed=(*doc.removed, *removed),
    )
