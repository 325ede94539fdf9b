"""Screenshots of every page, for looking at them (not a test): ``python tests/web/screenshots.py OUT_DIR``.

Folds the web tests' database (the seeds, the hostile article, the stand-in records), serves it on
a free loopback port and saves one full-page PNG per page into OUT_DIR with Debian's Chromium
(``STORYFOLD_CHROMIUM`` to use another), plus ``story-hover.png``: a citation's passage on hover
(the picture in docs/web.md)."""

from __future__ import annotations

import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import uvicorn  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from seed_records import fold_seeds, seeds_pipeline  # noqa: E402
from test_browser import ARGS, CHROMIUM, _free_port  # noqa: E402

from storyfold import api  # noqa: E402
from storyfold.web import create_app  # noqa: E402


def main(out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        db = fold_seeds(Path(tmp))
        port = _free_port()
        srv = uvicorn.Server(uvicorn.Config(create_app(db, pipeline=seeds_pipeline()), host="127.0.0.1", port=port,
                                            log_level="warning"))
        threading.Thread(target=srv.run, daemon=True).start()
        while not srv.started:
            time.sleep(0.05)
        with api.open_store(db, read_only=True) as store:
            doc = api.export_data(store, seeds_pipeline())
        story = doc["stories"][0]["id"]
        hostile = next(a for a in doc["articles"] if "<script>" in a["text"])["id"]
        japan = next(e for e in doc["entities"] if e["name"] == "Japan")["id"]
        pages = {"index": "/?q=peacekeepers", "story": f"/stories/{story}",
                 "article": f"/articles/{doc['articles'][2]['id']}", "injection": f"/articles/{hostile}",
                 "entity": f"/entities/{japan}", "upload": "/upload"}
        base = f"http://127.0.0.1:{port}"
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
            page = browser.new_page(viewport={"width": 1200, "height": 900})
            for name, path in pages.items():
                page.goto(base + path)
                page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            page.goto(base + pages["story"])
            page.locator("#brief .cite a").first.hover()
            page.screenshot(path=str(out / "story-hover.png"))
            browser.close()
        srv.should_exit = True
    print("\n".join(str(p) for p in sorted(out.glob("*.png"))))


if __name__ == "__main__":
    main(Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots"))
