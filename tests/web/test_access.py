"""Who may reach the server: the Host check (also beyond loopback, with configured names), the
access token required beyond loopback, uploads refused from opaque origins, a missing database
refused, and no server path shown to users."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from seed_records import SEEDS, seeds_pipeline
from typer.testing import CliRunner

from storyfold.cli import app as cli
from storyfold.config import Settings
from storyfold.errors import ConfigError, StoreError
from storyfold.web import create_app, serve_access
from storyfold.web.app import TOKEN_COOKIE

TOKEN = "s3cret-token-for-tests"


def _upload(client: TestClient, **headers: str) -> int:
    seed = sorted(SEEDS.glob("*.txt"))[1]
    r = client.post("/upload", files=[("files", (seed.name, seed.read_bytes(), "text/plain"))],
                    headers={"Accept": "application/json", **headers})
    return r.status_code


def test_an_upload_from_an_opaque_origin_is_refused(tmp_path: Path) -> None:
    client = TestClient(create_app(tmp_path / "up.db", create=True), base_url="http://127.0.0.1")
    assert _upload(client, Origin="null") == 403  # no Sec-Fetch-Site, as in the report
    assert _upload(client, Origin="null", **{"Sec-Fetch-Site": "cross-site"}) == 403


def test_a_browsers_own_form_under_no_referrer_is_accepted(tmp_path: Path) -> None:
    # Chromium sends "Origin: null" for a same-origin form POST under "Referrer-Policy: no-referrer"
    # (which every page of the app sets), and vouches for it with "Sec-Fetch-Site: same-origin".
    client = TestClient(create_app(tmp_path / "up.db", create=True), base_url="http://127.0.0.1")
    assert _upload(client, Origin="null", **{"Sec-Fetch-Site": "same-origin"}) == 202


def test_beyond_loopback_every_request_needs_the_token(seeds_db: Path) -> None:
    access = serve_access("0.0.0.0", Settings(serve_token=TOKEN, allowed_hosts="storyfold.lan"), read_only=True)
    assert access.token == TOKEN and "storyfold.lan" in access.allowed_hosts
    web = create_app(seeds_db, read_only=True, pipeline=seeds_pipeline(), allowed_hosts=access.allowed_hosts,
                     token=access.token)
    client = TestClient(web, base_url="http://storyfold.lan")
    for path in ("/", "/stories.json", "/static/style.css", "/upload"):
        assert client.get(path).status_code == 401, path
    assert client.get("/stories.json", headers={"Authorization": "Bearer wrong"}).status_code == 401
    assert client.get("/stories.json", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200
    first = client.get(f"/?token={TOKEN}&q=japan", follow_redirects=False)
    assert first.status_code == 303 and first.headers["location"] == "/?q=japan"  # the token leaves the address
    assert "httponly" in first.headers["set-cookie"].lower() and "samesite=strict" in first.headers["set-cookie"].lower()
    assert client.get("/").status_code == 200  # the cookie now rides along
    wrong = TestClient(web, base_url="http://storyfold.lan", cookies={TOKEN_COOKIE: "wrong"})
    assert wrong.get("/stories.json").status_code == 401


def test_beyond_loopback_the_host_check_stays_on(seeds_db: Path) -> None:
    """The DNS-rebinding upload of the report (Host and Origin rebind.evil.example) against a
    server bound to every interface."""
    access = serve_access("0.0.0.0", Settings(serve_token=TOKEN, allowed_hosts="storyfold.lan"), read_only=False)
    web = create_app(seeds_db, pipeline=seeds_pipeline(), allowed_hosts=access.allowed_hosts, token=access.token)
    evil = TestClient(web, base_url="http://rebind.evil.example")
    assert evil.get("/").status_code == 400
    assert _upload(evil, Origin="http://rebind.evil.example", Authorization=f"Bearer {TOKEN}") == 400
    assert TestClient(web, base_url="http://storyfold.lan").get(
        "/stories.json", headers={"Authorization": f"Bearer {TOKEN}"}).status_code == 200


def test_the_token_is_generated_unless_given_and_public_is_read_only_only() -> None:
    made = serve_access("192.168.1.5", Settings(), read_only=False)
    assert made.generated and made.token and len(made.token) >= 24 and "192.168.1.5" in made.allowed_hosts
    assert serve_access("192.168.1.5", Settings(), read_only=False).token != made.token
    public = serve_access("0.0.0.0", Settings(public=True), read_only=True)
    assert public.token is None and public.public and public.allowed_hosts
    with pytest.raises(ConfigError, match="--read-only"):
        serve_access("0.0.0.0", Settings(public=True), read_only=False)
    assert serve_access("127.0.0.1", Settings(), read_only=False).token is None


def test_serve_on_a_missing_database_fails_clearly(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no database at .*typo.db; fold articles into it first"):
        create_app(tmp_path / "typo.db")
    result = CliRunner().invoke(cli, ["serve", "--db", str(tmp_path / "typo.db")])
    assert result.exit_code == 2 and "no database at" in result.output
    assert not (tmp_path / "typo.db").exists()


def test_uploaded_articles_never_show_the_server_path(tmp_path: Path, seeds_db: Path) -> None:
    db = tmp_path / "up.db"
    shutil.copy(seeds_db, db)
    client = TestClient(create_app(db, pipeline=seeds_pipeline()), base_url="http://127.0.0.1")
    (tmp_path / "bad.txt").write_bytes(b"\x00\x01\x02" * 50)
    files = [("files", ("flash.jsonl", b'{"title": "T", "text": "Japan says it will join Ukraine coalition talks '
                                       b'on Monday.", "published": "not a date"}\n', "application/json")),
             ("files", ("bad.txt", (tmp_path / "bad.txt").read_bytes(), "text/plain"))]
    r = client.post("/upload", files=files, headers={"Accept": "application/json"})
    assert r.status_code == 202
    for _ in range(600):
        job = client.get(f"/jobs/{r.json()['id']}.json").json()
        if job["state"] in ("done", "failed"):
            break
        time.sleep(0.1)
    assert job["state"] == "done" and job["stored"] == 1, job
    assert job["warnings"] == ["upload/flash.jsonl:1: field published dropped, the article kept: published must be "
                               "an ISO date (YYYY-MM-DD), got 'not a date'"]
    assert job["rejected"] and all(x.startswith("upload/bad.txt") for x in job["rejected"])
    sources = [a["source"] for a in client.get("/stories.json").json()["stories"] and
               client.app.state.data.get()[0].doc["articles"]]
    assert "upload/flash.jsonl:1" in sources and not any("storyfold-upload-" in s for s in sources)
