"""The bad-input corpus: what each hostile or broken input is, and what storyfold must do with it.

The small files are committed in ``tests/data/bad/`` (regenerate with
``python tests/bad_inputs.py``); the large ones (a 50 MB text file, a 5 MB single line, HTML nested
10,000 deep, a truncated WARC) are generated at test time from the same builders.
"""

from __future__ import annotations

import gzip
import io
import json
import random
import sys
from collections.abc import Callable
from pathlib import Path

HERE = Path(__file__).resolve().parent
BAD = HERE / "data" / "bad"
SEEDS = HERE.parent / "examples" / "seeds"


def _seed(n: str) -> str:
    return next(SEEDS.glob(f"{n}_*.txt")).read_text(encoding="utf-8")


def _warc_truncated() -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for n in ("001", "002", "003"):
        body = ("<html><body><article>" + "".join(f"<p>{p}</p>" for p in _seed(n).split("\n") if p.strip())
                + "</article></body></html>").encode()
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.example/{n}", "response",
                                                      payload=io.BytesIO(body), length=len(body), http_headers=headers))
    data = out.getvalue()
    return data[: int(len(data) * 0.8)]


# name -> (builder, expected): expected is "ok:<text that must be in the stored article>" or
# "reject:<words the reason must contain>". Each "ok" input holds a text no other input has (the
# same text twice would be stored once).
SMALL: dict[str, tuple[Callable[[], bytes], str]] = {
    "empty.txt": (lambda: b"", "reject:empty file"),
    "whitespace.txt": (lambda: b"  \n\t \r\n  ", "reject:whitespace"),
    "binary.txt": (lambda: random.Random(7).randbytes(4096), "reject:binary"),
    "one-byte-repeated.txt": (lambda: b"\xa1" * 4096, "reject:binary"),
    "truncated.txt.gz": (lambda: gzip.compress(_seed("002").encode(), mtime=0)[:300], "reject:truncated gzip"),
    "invalid-utf8.txt": (
        lambda: _seed("000").encode("utf-8")[:600] + b"\xff\xfe\xfa broken \xc3\x28 bytes " + _seed("000").encode()[600:],
        "ok:Japan is set to play a crucial role",
    ),
    "utf16-bom.txt": (lambda: _seed("004").encode("utf-16"), "ok:Japanese Prime Minister Shigeru Ishiba has announced"),
    "utf16-nobom.txt": (lambda: _seed("000").encode("utf-16-le"), "ok:Despite its pacifist constitution, Japan"),
    "cp1252-smart-quotes.txt": (lambda: _seed("002").encode("cp1252"), "ok:“At this point, we cannot say specifically"),
    "mixed-line-endings.txt": (
        lambda: _seed("001").replace("\n\n", "\r\n\r\n", 5).replace("\n\n", "\r\r", 3).encode(),
        "ok:Sir Keir Starmer revealed at the weekend",
    ),
    "nul-bytes.txt": (lambda: _seed("003").replace("Japan", "Jap\x00an", 2).encode(), "ok:Japan is ready to participate"),
    "unclosed-tags.html": (
        lambda: ("<html><body><div><p>" + "<p>".join(_seed("002").split("\n\n")[:6]) + "<div><span><b>").encode(),
        "ok:Ishiba Shigeru said on Tuesday",
    ),
    "script-only.html": (lambda: b"<html><head><script>document.write('x');" + b"var a=1;" * 500 + b"</script></head></html>",
                         "reject:no article text"),
    "broken-line.jsonl": (
        lambda: (json.dumps({"text": _seed("000"), "url": "https://a.example/1"}) + "\n{\"text\": \"unterminated\n").encode(),
        "ok:Japan is set to play a crucial role|reject:invalid JSON",
    ),
    "non-object-line.jsonl": (
        lambda: (json.dumps([1, 2]) + "\n" + json.dumps({"text": _seed("003"), "url": "https://a.example/2"}) + "\n").encode(),
        "ok:Japan is ready to participate|reject:not an object",
    ),
    "invalid-xml.rss": (lambda: b"<?xml version='1.0'?><rss><channel><item><title>a</ti", "reject:malformed feed XML"),
    "billion-laughs.xml": (
        lambda: (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
                 + b"".join(b'<!ENTITY lol%d "%s">' % (i, b"".join(b"&lol%d;" % (i - 1) if i > 1 else b"&lol;" for _ in range(10))) for i in range(1, 10))
                 + b"]><rss><channel><item><title>&lol9;</title></item></channel></rss>"),
        "reject:entity",
    ),
}

LARGE: dict[str, tuple[Callable[[], bytes], str]] = {
    "huge-50mb.txt": (lambda: (_seed("001") + "\n\n") .encode() * (50_000_000 // len(_seed("001").encode()) + 1),
                      "reject:max_input_bytes"),
    "single-line-5mb.txt": (lambda: ("word " * 1_000_000).encode(), "reject:max_article_chars"),
    "nested-tables.html": (
        lambda: ("<html><body>" + "<table><tr><td>" * 10_000 + "deep " * 50 + "</td></tr></table>" * 10_000 + "</body></html>").encode(),
        "reject:no article text",
    ),
    "many-sentences.txt": (lambda: "".join(f"Line {i} ends here.\n" for i in range(5000)).encode(),
                           "reject:max_article_sentences"),
    "unclosed-quote.txt": (lambda: (_seed("002").replace("\n\n", "\n\n“", 1) + "\n\n“" + "Words run on and on. " * 400).encode(),
                           "ok:Ishiba Shigeru said on Tuesday"),
    "truncated.warc.gz": (_warc_truncated, "ok:Tokyo are taking part in planning conversations|reject:truncated"),
}


def write_small(folder: Path = BAD) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, (build, _expected) in SMALL.items():
        (folder / name).write_bytes(build())


def write_large(folder: Path) -> None:
    for name, (build, _expected) in LARGE.items():
        (folder / name).write_bytes(build())


if __name__ == "__main__":
    write_small(Path(sys.argv[1]) if len(sys.argv) > 1 else BAD)
