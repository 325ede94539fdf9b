"""The interface in a real headless Chromium (Debian's ``chromium`` package, driven by Playwright's
Python package; no browser is downloaded): uvicorn serves the seeds' database on a free loopback port.

Run with ``python3 -m pytest -m browser``; skipped when Chromium or Playwright is absent.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from seed_records import fold_seeds, seeds_pipeline

pytestmark = pytest.mark.browser

CHROMIUM = os.environ.get("STORYFOLD_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextlib.contextmanager
def _serving(app: object) -> Iterator[str]:
    """``app`` served by uvicorn on a free loopback port, in a thread, for the block's duration."""
    import uvicorn

    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=_free_port(), log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    for _ in range(200):
        if srv.started:
            break
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{srv.config.port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:

    from storyfold.web import create_app

    db = fold_seeds(tmp_path_factory.mktemp("browser"))  # its own database: the upload test adds to it
    with _serving(create_app(db, pipeline=seeds_pipeline())) as base:
        yield base


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    sync_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium chromium-driver)")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.dialogs = []  # every alert/confirm/prompt that opens; an injection would open one
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    pg.csp_errors = []
    pg.on("console", lambda m: pg.csp_errors.append(m.text) if "Content Security Policy" in m.text else None)
    yield pg
    context.close()


def test_story_citation_filter_and_search(server: str, page: object) -> None:
    page.goto(server + "/")
    page.click("table.stories a")  # the seeds' story
    heading = page.inner_text("h1")  # the story's title: one of its articles' headlines
    assert "Japan" in heading and "Ukraine" in heading

    # a citation shows its passage on focus, and leads to the passage highlighted in its article
    cite = page.locator("#brief .cite a").first
    cite.focus()
    tooltip = page.locator("#brief .cite .passage").first
    assert tooltip.is_visible()
    passage = tooltip.inner_text()
    cite.click()
    page.wait_for_url("**/articles/**")
    assert page.locator("mark#cited").count() >= 1
    assert page.locator("mark#cited").first.inner_text() in passage.replace("\n", " ")

    # the commitments table filters in place (no reload) and keeps the filter in the URL
    page.go_back()
    rows = page.locator("#commitment-table tbody tr")
    total = rows.count()
    us = len(page.locator('#commitment-table tbody tr[data-actor="United States"]').all())
    assert total >= 10 and 2 <= us < total
    page.select_option("select[data-filter=actor]", "United States")
    visible = [r for r in rows.all() if r.is_visible()]
    assert len(visible) == us and all("United States" in r.inner_text() for r in visible)
    assert "actor=United+States" in page.url
    assert page.inner_text("#commitment-count") == f"{us} shown"
    page.select_option("select[data-filter=status]", "ruled out")
    assert len([r for r in rows.all() if r.is_visible()]) == 1
    page.select_option("select[data-filter=actor]", "")
    page.select_option("select[data-filter=status]", "")
    assert len([r for r in rows.all() if r.is_visible()]) == total

    # search
    page.fill("form.search input[name=q]", "deliberation")
    page.press("form.search input[name=q]", "Enter")
    page.wait_for_url("**/?q=deliberation")
    assert page.locator("ol.hits li").count() >= 1
    assert page.locator("ol.hits mark").first.inner_text().lower().startswith("deliberation")
    page.click("ol.hits li a")
    page.wait_for_url("**/articles/**")
    assert "deliberation" in page.inner_text("#article-text")
    assert page.dialogs == [] and page.csp_errors == []


def test_injection_renders_inert(server: str, page: object) -> None:
    page.goto(server + "/?q=editor")
    page.click("ol.hits li a")
    page.wait_for_url("**/articles/**")
    text = page.inner_text("#article-text")
    assert "<script>window.__xss = 1; alert(1)</script>" in text  # shown as text
    assert '"><img src=x onerror="window.__xss=2;alert(1)">' in text
    assert "[click](javascript:alert(1))" in text
    assert "<script>alert(1)</script>" in page.inner_text("h1")
    assert page.evaluate("window.__xss") is None
    assert page.locator("img, svg, iframe, #article-text script").count() == 0
    assert page.locator("a[href^='javascript:' i]").count() == 0
    # the removed boilerplate opens without any script
    if page.locator("details#removed").count():
        assert not page.locator("details#removed ul").is_visible()
        page.click("details#removed summary")
        assert page.locator("details#removed ul").is_visible()
    # the story page quotes the same text in citations and the claims matrix
    page.click(".crumbs a")
    page.wait_for_load_state()
    for cite in page.locator(".cite a").all()[:12]:
        cite.focus()
    assert page.evaluate("window.__xss") is None
    assert page.dialogs == []


def test_upload_with_progress(server: str, page: object, tmp_path: Path) -> None:
    article = tmp_path / "note.txt"
    article.write_text("Japan weighs peacekeepers\n\nTokyo said on Monday that it is weighing whether to send "
                       "peacekeepers to Ukraine once a ceasefire holds, officials told reporters.\n", encoding="utf-8")
    page.goto(server + "/upload")
    page.set_input_files("input[type=file]", str(article))
    page.fill("#upload-outlet", "Example Wire")
    page.fill("#upload-published", "2025-08-21")
    page.fill("#upload-url", "https://example.org/news/japan-weighs-peacekeepers")
    page.click("form.upload button")
    page.wait_for_url("**/upload?job=*")
    from playwright.sync_api import expect

    # polled until done, then the page shows the link to the new article
    expect(page.locator("#job-articles a")).to_have_count(1, timeout=90_000)
    assert "1 new" in page.inner_text("#job-message")
    page.click("#job-articles a")
    page.wait_for_url("**/articles/**")
    meta = page.inner_text("p.meta")
    assert "Example Wire" in meta and "21 August 2025" in meta and page.locator("p.meta a", has_text="original").count()
    page.goto(server + "/?q=ceasefire holds")
    assert page.locator("ol.hits li", has_text="Japan weighs peacekeepers").count() >= 1


def test_a_token_server_lets_a_browser_in_after_one_token_visit(browser: object, seeds_db: Path) -> None:
    """Serving beyond loopback: the first visit with ?token= sets the cookie, the page and its
    stylesheet then load; a browser without the token gets 401."""
    from storyfold.web import create_app

    token = "browser-test-token-0123456789"
    app = create_app(seeds_db, read_only=True, pipeline=seeds_pipeline(), allowed_hosts=["127.0.0.1"], token=token)
    with _serving(app) as base:
        stranger = browser.new_context()
        assert stranger.new_page().goto(base + "/").status == 401
        stranger.close()
        context = browser.new_context()
        pg = context.new_page()
        styles: list[int] = []
        pg.on("response", lambda r: styles.append(r.status) if r.url.endswith("/static/style.css") else None)
        response = pg.goto(base + f"/?token={token}")
        assert response.status == 200 and pg.url == base + "/"  # the token left the address
        assert pg.query_selector("table.stories a") is not None and styles == [200]
        assert pg.goto(base + "/stories.json").status == 200
        context.close()


def _luminance(css: str) -> float:
    r, g, b = (int(x) / 255 for x in css[css.index("(") + 1 : css.index(")")].split(",")[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def _contrast(fg: str, bg: str) -> float:
    a, b = sorted((_luminance(fg), _luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def test_story_page_draws_commitments_and_events(server: str, page: object) -> None:
    page.goto(server + "/")
    page.click("table.stories a")
    # the events strip: one bar per dated event, each a link to the event's section
    strip = page.locator("svg.event-strip-svg")
    assert strip.is_visible() and page.locator("script[src^='http']").count() == 0
    bars = page.locator("svg.event-strip-svg rect.event-bar")
    events = page.locator("#events div.event").count()  # the seeds' two, and any the upload test made
    assert events >= 2 and bars.count() == events
    assert page.locator("svg.event-strip-svg circle.article-dot").count() >= 4
    xs = [float(b.get_attribute("x")) for b in bars.all()]
    assert xs == sorted(xs)
    page.locator("svg.event-strip-svg a.strip-event").first.click()
    assert page.url.endswith("#" + page.locator("#events div.event").first.get_attribute("id"))

    # the commitments matrix: every cell with a status says it in words, on a colour of enough contrast
    cells = page.locator("#commitment-matrix td.cm .cm-status")
    assert cells.count() >= 10
    for cell in cells.all():
        status = cell.inner_text().split(" ×")[0]
        cls = cell.evaluate("e => e.parentElement.className")
        assert f"st-{status.replace(' ', '-')}" in cls
        fg, bg = cell.evaluate("e => [getComputedStyle(e.parentElement).color, "
                               "getComputedStyle(e.parentElement).backgroundColor]")
        assert _contrast(fg, bg) >= 7, (status, fg, bg)
    colours = {c.evaluate("e => getComputedStyle(e.parentElement).backgroundColor") for c in cells.all()}
    assert len(colours) >= 4  # statuses told apart by colour, too

    # its history on hover ...
    first = page.locator("#commitment-matrix td.cm:has(.cm-status)").first
    history = first.locator(".cm-history")
    assert not history.is_visible()
    first.hover()
    assert history.is_visible() and "(" in history.inner_text()
    page.mouse.move(0, 0)
    assert not history.is_visible()
    # ... and on keyboard focus: Tab from the last link before the matrix reaches its first cell
    page.locator("#timeline a").last.focus()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.classList.contains('cm-status')")
    assert history.is_visible()
    page.keyboard.press("Tab")  # on to the history's citation: the history stays open
    assert history.is_visible() and page.evaluate("!!document.activeElement.closest('.cm-history')")
    assert page.csp_errors == [] and page.dialogs == []


def test_story_page_without_javascript(browser: object, server: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto(server + "/")
    pg.click("table.stories a")
    # the matrix history shows on focus with no script
    status = pg.locator("#commitment-matrix .cm-status").first
    status.focus()
    assert pg.locator("#commitment-matrix .cm-history").first.is_visible()
    # the claims filter is a link
    shown = pg.locator("table.matrix tbody tr").count()
    pg.click("#matrix-filter a")
    pg.wait_for_url("**claims=all**")
    assert pg.locator("table.matrix tbody tr").count() > shown
    # the commitments filter submits as a form
    pg.select_option("select[data-filter=actor]", "Finland")
    pg.click("#commitment-filters button")
    pg.wait_for_url("**actor=Finland**")
    assert {r.get_attribute("data-actor") for r in pg.locator("#commitment-table tbody tr").all()} == {"Finland"}
    # the removed boilerplate opens with no script
    pg.click("#articles tbody a >> nth=0")
    pg.wait_for_url("**/articles/**")
    removed = pg.locator("details#removed")
    if not removed.count():
        pg.go_back()
        pg.click("#articles tbody tr:has-text('inews.co.uk') a >> nth=0")
        removed = pg.locator("details#removed")
    assert removed.count() == 1 and not removed.locator("ul").is_visible()
    removed.locator("summary").click()
    assert removed.locator("ul li").first.is_visible()
    pg.go_back()
    # headings and labelled form fields
    assert pg.locator("h1").count() == 1 and pg.locator("h2").count() >= 8
    pg.goto(server + "/upload")
    for field in ("upload-files", "upload-outlet", "upload-published", "upload-url"):
        assert pg.locator(f"label[for={field}]").count() == 1
    context.close()
