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
    # the removed-boilerplate toggle works (the script is allowed; inline ones would not be)
    if page.locator("#show-removed").count():
        page.check("#show-removed")
        assert page.locator("#removed").is_visible()
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
    page.click("form.upload button")
    page.wait_for_url("**/upload?job=*")
    from playwright.sync_api import expect

    expect(page.locator("#job-state")).to_have_text("done", timeout=60_000)  # updated by polling the job
    assert "1 new" in page.inner_text("#job-message")
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
