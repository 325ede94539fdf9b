"""Who may reach ``storyfold serve``: the Host names it answers to and the token it requires.

On loopback (the default) the Host check stops DNS-rebinding pages and no token is needed. Bound
to any other address, the server answers only to loopback names, the bound address, this machine's
own names and the ``allowed_hosts`` setting, and every request needs the access token (the
``serve_token`` setting, or one generated at start and printed once), unless the user asked for a
read-only public server explicitly (``--read-only --public``).
"""

from __future__ import annotations

import secrets
import socket
from dataclasses import dataclass

from storyfold.config import Settings
from storyfold.errors import ConfigError

__all__ = ["LOOPBACK", "Access", "serve_access"]

LOOPBACK = ("127.0.0.1", "localhost", "::1", "[::1]")
_WILDCARD = ("0.0.0.0", "::", "[::]")


@dataclass(frozen=True, slots=True, kw_only=True)
class Access:
    """What :func:`storyfold.web.create_app` is given, and what the CLI tells the user."""

    allowed_hosts: list[str] | None  # None: loopback names only
    token: str | None  # None: no token required
    generated: bool = False  # the token was made now (print it once)
    public: bool = False


def _own_names() -> list[str]:
    """This machine's host names and addresses (what clients on its network use to reach it)."""
    names: list[str] = []
    try:
        host = socket.gethostname()
        names += [host, socket.getfqdn(host)]
        names += socket.gethostbyname_ex(host)[2]
    except OSError:
        pass
    return names


def serve_access(host: str, settings: Settings, *, read_only: bool) -> Access:
    """The access rules for serving on address ``host`` with ``settings``."""
    configured = [h.strip() for h in settings.allowed_hosts.split(",") if h.strip()]
    if host in LOOPBACK and not configured:
        if settings.public:
            raise ConfigError("--public only applies when serving beyond loopback (--host)")
        return Access(allowed_hosts=None, token=settings.serve_token or None)
    names = [*LOOPBACK, *configured]
    names += _own_names() if host in _WILDCARD else [host]
    hosts = list(dict.fromkeys(n for n in names if n))
    if host in LOOPBACK:
        return Access(allowed_hosts=hosts, token=settings.serve_token or None)
    if settings.public:
        if not read_only:
            raise ConfigError("--public serves without a token, so only read-only: add --read-only "
                              "(or drop --public to require the access token)")
        return Access(allowed_hosts=hosts, token=None, public=True)
    if settings.serve_token:
        return Access(allowed_hosts=hosts, token=settings.serve_token)
    return Access(allowed_hosts=hosts, token=secrets.token_urlsafe(24), generated=True)
