"""Encodings: UTF-8, UTF-16 with and without BOM, cp1252 and latin-1, binary and empty input."""

from __future__ import annotations

import codecs
import gzip
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storyfold.errors import BinaryInput, EmptyInput, InputRejected, MalformedInput, TooLarge
from storyfold.ingest.decode import decode_bytes, maybe_gunzip


@pytest.fixture(scope="module")
def seed_002(seeds_dir: Path) -> str:
    return (seeds_dir / "002_666835db963c7a74.txt").read_text(encoding="utf-8")


def test_utf8(seed_002: str) -> None:
    assert decode_bytes(seed_002.encode("utf-8"), "a.txt") == seed_002


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-8-sig", "utf-32"])
def test_utf16_and_boms(seed_002: str, encoding: str) -> None:
    assert decode_bytes(seed_002.encode(encoding), "a.txt") == seed_002


def test_cp1252_smart_quotes(seed_002: str) -> None:
    # The seed's curly quotes and dashes all exist in cp1252.
    assert decode_bytes(seed_002.encode("cp1252"), "a.txt") == seed_002


def test_latin1_guillemets(seeds_dir: Path) -> None:
    text = (seeds_dir / "003_a9a8202e79221d54.txt").read_text(encoding="utf-8")
    latin = text.translate(str.maketrans({"’": "'", "“": '"', "”": '"', "—": "-"}))
    assert "«" in latin
    assert decode_bytes(latin.encode("latin-1"), "a.txt") == latin


def test_empty_whitespace_binary() -> None:
    with pytest.raises(EmptyInput, match="empty file"):
        decode_bytes(b"", "e.txt")
    with pytest.raises(EmptyInput, match="whitespace"):
        decode_bytes(b" \n\t\n", "w.txt")
    png = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4
    with pytest.raises(BinaryInput, match="binary"):
        decode_bytes(png, "p.txt")


def test_gzip_roundtrip_and_truncation(seed_002: str) -> None:
    data = gzip.compress(seed_002.encode())
    assert maybe_gunzip(data, "a.gz", 10**7).decode() == seed_002
    with pytest.raises(MalformedInput, match="truncated gzip"):
        maybe_gunzip(data[: len(data) // 2], "a.gz", 10**7)
    with pytest.raises(TooLarge, match="max_input_bytes"):
        maybe_gunzip(gzip.compress(b"a" * 100_000), "bomb.gz", 1000)


@given(st.binary(max_size=4096))
def test_random_bytes_decode_or_are_rejected(data: bytes) -> None:
    try:
        text = decode_bytes(data, "r.bin")
    except InputRejected as exc:
        assert exc.reason and exc.source == "r.bin"
    else:
        assert isinstance(text, str) and text.strip()


@given(st.text(min_size=1, max_size=500).filter(lambda t: t.strip() and "\x00" not in t))
def test_utf16_roundtrip_property(text: str) -> None:
    try:
        decoded = decode_bytes(codecs.BOM_UTF16_LE + text.encode("utf-16-le", "surrogatepass"), "t.txt")
    except InputRejected:
        return  # mostly control characters: rejected as binary, by design
    assert decoded == text
