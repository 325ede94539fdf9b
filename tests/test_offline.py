"""The pipeline never opens a network connection unless a feed URL was given."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from storyfold import api


def test_fold_with_sockets_blocked(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, seeds_dir: Path, seed_manifest: Path) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("storyfold tried to open a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    summary = api.fold([seeds_dir], manifest=seed_manifest, db=tmp_path / "o.db", out=tmp_path / "out")
    assert summary.stored == 5 and not summary.rejected
