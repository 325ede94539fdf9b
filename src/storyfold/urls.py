"""URL rules shared by the stages, the presentation and the web app."""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["safe_url", "web_host"]


def web_host(url: str | None) -> str | None:
    """The host of ``url``, lower case, without "www."; ``None`` when it has none or is malformed."""
    if not url:
        return None
    try:
        host = urlsplit(url.strip()).hostname
    except ValueError:
        return None
    return (host or "").removeprefix("www.") or None


def safe_url(url: str | None) -> str | None:
    """``url`` when it is an http(s) URL, else None (never a ``javascript:`` or ``data:`` link):
    the one rule for every link made from article metadata."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None
