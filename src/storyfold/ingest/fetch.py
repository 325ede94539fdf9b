"""A polite HTTP fetcher: robots.txt, a per-host delay, timeouts and a size cap.

Used only when the user gives a feed URL (or asks to fetch the articles a feed links to); the rest
of storyfold never opens a network connection.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from storyfold.errors import InputRejected, MalformedInput, TooLarge, UnsupportedInput

__all__ = ["Fetcher", "Response"]

USER_AGENT = "storyfold/0.1 (news folding; polite fetcher)"


@dataclass(frozen=True, slots=True, kw_only=True)
class Response:
    url: str
    body: bytes
    content_type: str


@dataclass(slots=True)
class Fetcher:
    """Fetch URLs one at a time, waiting ``delay`` seconds between two requests to one host and
    honouring each host's robots.txt (fetched once per host)."""

    delay: float = 1.0
    timeout: float = 10.0
    max_bytes: int = 20_000_000
    user_agent: str = USER_AGENT
    _last: dict[str, float] = field(default_factory=dict)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(default_factory=dict)

    def get(self, url: str) -> Response:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise UnsupportedInput(url, "only http and https URLs can be fetched")
        if not self._allowed(url):
            raise InputRejected(url, "robots.txt of the site disallows fetching this URL")
        return self._get(url)

    def _wait(self, host: str) -> None:
        last = self._last.get(host)
        if last is not None:
            pause = self.delay - (time.monotonic() - last)
            if pause > 0:
                time.sleep(pause)
        self._last[host] = time.monotonic()

    def _get(self, url: str) -> Response:
        self._wait(urlsplit(url).netloc)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, "Accept-Encoding": "identity"})
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as reply:  # noqa: S310 - scheme checked
                body = reply.read(self.max_bytes + 1)
                ctype = reply.headers.get("Content-Type", "")
                final = reply.geturl()
        except urllib.error.HTTPError as exc:
            raise InputRejected(url, f"HTTP {exc.code} {exc.reason}") from exc
        except (urllib.error.URLError, TimeoutError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise InputRejected(url, f"could not fetch ({reason}); check the URL or try later") from exc
        if len(body) > self.max_bytes:
            raise TooLarge(url, f"response over {self.max_bytes} bytes (setting max_input_bytes)")
        if not body:
            raise MalformedInput(url, "empty response")
        return Response(url=final, body=body, content_type=ctype)

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = urllib.robotparser.RobotFileParser()
            try:
                reply = self._get(origin + "/robots.txt")
                parser.parse(reply.body.decode("utf-8", "replace").splitlines())
            except InputRejected:
                parser = None  # no robots.txt (or unreachable): allowed, as crawlers do
            self._robots[origin] = parser
        parser = self._robots[origin]
        return parser is None or parser.can_fetch(self.user_agent, url)
