"""Bytes to text: byte-order marks, UTF-8, UTF-16 without a BOM, legacy single-byte encodings.

Detection order: a BOM decides; then UTF-16 recognised by its NUL pattern; then strict UTF-8; then
binary content is rejected; then charset-normalizer picks a legacy code page, cp1252 being the
fallback for Western text (it is a superset of latin-1's printable range).
"""

from __future__ import annotations

import codecs
import gzip
import zlib

from charset_normalizer import from_bytes

from storyfold.errors import BinaryInput, DecodeError, EmptyInput, MalformedInput, TooLarge

__all__ = ["decode_bytes", "maybe_gunzip"]

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control characters that never occur in text (everything below 0x20 but tab, LF, FF, CR, ESC).
_CONTROL = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


def maybe_gunzip(data: bytes, source: str, limit: int) -> bytes:
    """Decompress gzip data (by its magic number), refusing truncated streams and bombs."""
    if not data.startswith(b"\x1f\x8b"):
        return data
    try:
        decompressor = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = decompressor.decompress(data, limit + 1)
        if len(out) > limit:
            raise TooLarge(source, f"decompresses to more than {limit} bytes (setting max_input_bytes)")
        if not decompressor.eof:
            raise MalformedInput(source, "truncated gzip stream: the file ends before the compressed data does")
        return out
    except (zlib.error, gzip.BadGzipFile, EOFError) as exc:
        raise MalformedInput(source, f"broken gzip data ({exc})") from exc


def _looks_utf16(data: bytes) -> str | None:
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.3 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.3 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode_bytes(data: bytes, source: str) -> str:
    """The text in ``data``; raises a named rejection for empty, binary or undecodable input."""
    if not data.strip():
        raise EmptyInput(source, "empty file" if not data else "only whitespace")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise DecodeError(source, f"invalid {encoding} after its byte-order mark ({exc.reason})") from exc
            return _check_text(text, source)
    utf16 = _looks_utf16(data)  # before UTF-8: ASCII in UTF-16 is also valid UTF-8, full of NULs
    if utf16:
        try:
            return _check_text(data.decode(utf16), source)
        except UnicodeDecodeError:
            pass
    try:
        return _check_text(data.decode("utf-8"), source)
    except UnicodeDecodeError:
        pass
    sample = data[:65536]
    if b"\x00" in sample or sum(sample.count(b) for b in _CONTROL) > len(sample) * 0.01:
        raise BinaryInput(source, "binary content, not text (NUL or control bytes); give a text, HTML or JSONL file")
    if len(sample) > 200 and not any(b in sample for b in b" \t\n\r"):
        raise BinaryInput(source, "binary content, not text (no spaces or line breaks in a legacy encoding)")
    best = from_bytes(data[:1_000_000], cp_isolation=["cp1252", "latin_1", "iso8859_15", "cp1250", "cp1251", "mac_roman"])
    encoding = best.best().encoding if best.best() is not None else "cp1252"
    try:
        return _check_text(data.decode(encoding), source)
    except (UnicodeDecodeError, LookupError):
        try:
            return _check_text(data.decode("cp1252"), source)
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"cannot decode as UTF-8, UTF-16 or cp1252 ({exc.reason})") from exc


def _check_text(text: str, source: str) -> str:
    """Reject text that is mostly control characters; drop a few stray NULs (scraping residue)."""
    sample = text[:65536]
    bad = sum(1 for ch in sample if ord(ch) < 32 and ch not in "\t\n\r\x0c\x1b")
    if bad > len(sample) * 0.01:
        raise BinaryInput(source, "binary content, not text (control characters); give a text, HTML or JSONL file")
    text = text.replace("\x00", "")
    if not text.strip():
        raise EmptyInput(source, "no text after decoding")
    return text
