"""WARC archives and RSS/Atom feeds: real article HTML, a loopback HTTP server, hostile input."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyfold import api
from storyfold.config import Settings
from storyfold.errors import InputRejected
from storyfold.ingest import read_file, read_inputs
from storyfold.records import Document


def _seed_pages(seeds_dir: Path) -> dict[str, str]:
    """The seeds as simple article pages (title, paragraphs), keyed by file stem."""
    pages = {}
    for path in sorted(seeds_dir.glob("*.txt")):
        lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        title, body = lines[0][:90], lines[1:]
        paras = "".join(f"<p>{ln}</p>" for ln in body)
        pages[path.stem[:3]] = (
            f"<html><head><title>{title}</title></head><body><nav>Home | World</nav>"
            f"<article><h1>{title}</h1>{paras}</article><footer>Contact us</footer></body></html>"
        )
    return pages


def _warc(pages: dict[str, str], *, gz: bool) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gz)
    for key, html in pages.items():
        body = html.encode("utf-8")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(
                f"https://news.example/{key}", "response", payload=io.BytesIO(body), length=len(body),
                http_headers=headers, warc_headers_dict={"WARC-Date": "2025-08-21T10:00:00Z"},
            )
        )
        image = StatusAndHeaders("200 OK", [("Content-Type", "image/png")], protocol="HTTP/1.1")
        writer.write_record(
            writer.create_warc_record(f"https://news.example/{key}.png", "response", payload=io.BytesIO(b"\x89PNG"), length=4, http_headers=image)
        )
    return out.getvalue()


@pytest.mark.parametrize("gz", [True, False])
def test_warc_streams_html_responses(tmp_path: Path, seeds_dir: Path, gz: bool) -> None:
    pages = _seed_pages(seeds_dir)
    path = tmp_path / ("news.warc.gz" if gz else "news.warc")
    path.write_bytes(_warc(pages, gz=gz))
    docs = [d for d in read_file(path, Settings()) if isinstance(d, Document)]
    assert [d.url for d in docs] == [f"https://news.example/{k}" for k in pages]
    assert all(d.published is not None and d.published.isoformat() == "2025-08-21" and d.published_estimated for d in docs)
    assert "Ishiba said at a press conference on Tuesday" in docs[2].text


def test_truncated_warc_keeps_earlier_records(tmp_path: Path, seeds_dir: Path) -> None:
    data = _warc(_seed_pages(seeds_dir), gz=True)
    path = tmp_path / "cut.warc.gz"
    path.write_bytes(data[: int(len(data) * 0.6)])
    items = list(read_file(path, Settings()))
    docs = [d for d in items if isinstance(d, Document)]
    errors = [e for e in items if isinstance(e, InputRejected)]
    assert 1 <= len(docs) < 5
    assert len(errors) == 1 and "truncated" in errors[0].reason


def _rss(items: list[tuple[str, str, str]]) -> str:
    entries = "".join(
        f"<item><title>{t}</title><link>{link}</link><pubDate>Tue, 19 Aug 2025 09:00:00 GMT</pubDate>"
        f"<description><![CDATA[{d}]]></description></item>"
        for t, link, d in items
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>Example News</title>{entries}</channel></rss>'


def test_feed_file_with_full_content(tmp_path: Path, seeds_dir: Path) -> None:
    text = (seeds_dir / "002_666835db963c7a74.txt").read_text(encoding="utf-8")
    body = "".join(f"<p>{p}</p>" for p in text.split("\n\n")[:8])
    feed = tmp_path / "f.rss"
    feed.write_text(_rss([("Japan ready to join coalition", "https://news.example/a", body), ("Short", "https://news.example/b", "Just a teaser.")]), encoding="utf-8")
    items = list(read_file(feed, Settings()))
    doc, summary_only = items
    assert isinstance(doc, Document) and doc.outlet == "Example News" and str(doc.published) == "2025-08-19"
    assert doc.text.startswith("Japanese Prime Minister Ishiba Shigeru said on Tuesday")
    assert isinstance(summary_only, InputRejected) and "only a summary" in summary_only.reason


def test_hostile_and_invalid_feeds_are_refused(tmp_path: Path) -> None:
    bomb = tmp_path / "bomb.xml"
    bomb.write_text(
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]>'
        "<rss><channel><item><title>&lol2;</title></item></channel></rss>",
        encoding="utf-8",
    )
    (item,) = list(read_file(bomb, Settings()))
    assert isinstance(item, InputRejected) and "entit" in item.reason
    broken = tmp_path / "broken.rss"
    broken.write_text("<rss><channel><item><title>unclosed", encoding="utf-8")
    malformed, *recovered = list(read_file(broken, Settings()))
    assert isinstance(malformed, InputRejected) and "malformed feed XML" in malformed.reason
    assert all(isinstance(i, InputRejected) for i in recovered)  # the one item is a title without text


@pytest.fixture
def news_site(seeds_dir: Path) -> Iterator[tuple[str, list[str]]]:
    """A loopback HTTP server: a summary-only feed, article pages, a robots.txt forbidding /private/."""
    pages = _seed_pages(seeds_dir)
    routes = {f"/articles/{k}": ("text/html", v.encode()) for k, v in pages.items()}
    routes["/robots.txt"] = ("text/plain", b"User-agent: *\nDisallow: /private/\n")
    routes["/private/003"] = ("text/html", pages["003"].encode())
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's API
            requests.append(self.path)
            if self.path not in routes:
                self.send_error(404)
                return
            ctype, body = routes[self.path]
            self.send_response(200)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    base = f"http://127.0.0.1:{server.server_address[1]}"
    items = [(f"Seed {k}", f"{base}/articles/{k}", "A teaser.") for k in ("001", "002")]
    items.append(("Private", f"{base}/private/003", "Teaser."))
    routes["/feed.xml"] = ("application/rss+xml", _rss(items).encode())
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield base, requests
    finally:
        server.shutdown()
        server.server_close()


def test_feed_url_fetches_linked_articles_politely(news_site: tuple[str, list[str]], tmp_path: Path) -> None:
    base, requests = news_site
    settings = Settings(db=str(tmp_path / "f.db"), fetch_delay=0.05, fetch_timeout=5)
    summary = api.fold([f"{base}/feed.xml"], settings=settings)
    assert summary.stored == 2
    (refused,) = summary.rejected
    assert "robots.txt" in refused.reason and refused.source.endswith("/private/003")
    assert requests == ["/robots.txt", "/feed.xml", "/articles/001", "/articles/002"]
    again = api.fold([f"{base}/feed.xml"], settings=settings)
    assert again.documents_read == 0  # known URLs are not fetched twice
    assert requests[4:] == ["/robots.txt", "/feed.xml"]


def test_local_feed_fetches_only_when_asked(news_site: tuple[str, list[str]], tmp_path: Path) -> None:
    import urllib.request

    news_site = news_site[0]
    feed = tmp_path / "saved.rss"
    feed.write_bytes(urllib.request.urlopen(f"{news_site}/feed.xml", timeout=5).read())  # noqa: S310
    off = [i for i in read_inputs([feed], Settings()) if isinstance(i, Document)]
    assert off == []
    on = [i for i in read_inputs([feed], Settings(fetch=True, fetch_delay=0.01)) if isinstance(i, Document)]
    assert len(on) == 2 and all(d.url.startswith(news_site) for d in on)


def test_real_html_pages_in_a_warc(tmp_path: Path, shared: Path) -> None:
    pages = sorted((shared / "data" / "scrapinghub-article-extraction" / "html").glob("*.html.gz"))[:20]
    html = {p.name[:12]: gzip.decompress(p.read_bytes()).decode("utf-8", "replace") for p in pages}
    path = tmp_path / "real.warc.gz"
    path.write_bytes(_warc(html, gz=True))
    docs = [d for d in read_file(path, Settings()) if isinstance(d, Document)]
    assert len(docs) >= 18
    assert all(len(d.text) > 200 for d in docs)


def test_deferred_html_gives_the_same_documents(tmp_path: Path, seeds_dir: Path) -> None:
    """Readers asked to defer extraction (for the worker pool) hand on pages whose documents, and
    rejections, are those read directly."""
    from storyfold.ingest import HtmlPage

    (tmp_path / "news.warc.gz").write_bytes(_warc(_seed_pages(seeds_dir), gz=True))
    (tmp_path / "page.html").write_text(_seed_pages(seeds_dir)["001"], encoding="utf-8")
    (tmp_path / "script.html").write_text("<html><body><script>var x = 1;</script></body></html>", encoding="utf-8")

    def key(item: object) -> object:
        return ("rejected", item.source, item.reason) if isinstance(item, InputRejected) else item

    direct = [key(i) for i in read_inputs([tmp_path], Settings())]
    deferred = list(read_inputs([tmp_path], Settings(), defer_html=True))
    assert sum(isinstance(i, HtmlPage) for i in deferred) == 7
    assert [key(i.document() if isinstance(i, HtmlPage) else i) for i in deferred] == direct
    assert sum(isinstance(i, Document) for i in direct) == 6
