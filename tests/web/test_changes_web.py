"""The change sets in the web app: valid Atom feeds (read with feedparser), stable entry ids, entries
linking to the story page, and the story page's "since" selector, which works without JavaScript."""

from __future__ import annotations

import re
from pathlib import Path

import feedparser
import pytest
from fastapi.testclient import TestClient

from storyfold import api
from storyfold.web import create_app

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def client(seeds_by_run: tuple[Path, dict, dict]) -> TestClient:
    return TestClient(create_app(seeds_by_run[0], read_only=True), base_url=BASE)


@pytest.fixture(scope="module")
def story_id(seeds_by_run: tuple[Path, dict, dict]) -> str:
    return api.export(seeds_by_run[0])["stories"][0]["id"]


def _feed(client: TestClient, path: str) -> feedparser.FeedParserDict:
    response = client.get(path)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    assert feed.version == "atom10"
    return feed


@pytest.mark.parametrize("which", ["store", "story"])
def test_the_feeds_are_valid_atom_with_one_entry_per_run(client: TestClient, story_id: str, which: str) -> None:
    path = "/changes.atom" if which == "store" else f"/stories/{story_id}/changes.atom"
    feed = _feed(client, path)
    assert len(feed.entries) == 5  # one story, changed by each of the five runs
    assert len({e.id for e in feed.entries}) == 5 and all(e.id.startswith("urn:storyfold:change:") for e in feed.entries)
    assert [e.id for e in _feed(client, path).entries] == [e.id for e in feed.entries]  # stable
    newest = feed.entries[0]
    assert newest.link == f"{BASE}/stories/{story_id}?since=4&until=5#changes"
    assert "security guarantee" in newest.content[0].value
    assert feed.entries[-1].title.endswith("new story")
    assert all(e.updated_parsed for e in feed.entries) and feed.feed.updated_parsed


def test_an_entry_links_to_the_story_page_showing_what_changed(client: TestClient, story_id: str) -> None:
    entry = next(e for e in _feed(client, "/changes.atom").entries if "figures updated" in e.content[0].value)
    page = client.get(entry.link.removeprefix(BASE))
    assert page.status_code == 200
    section = page.text.split('<section id="changes">', 1)[1].split("</section>", 1)[0]
    assert "several hundred" in section and "committed -&gt; willing" in section
    assert '<option value="2" selected>' in section  # the selector shows the point chosen


def test_the_story_page_defaults_to_the_latest_fold(client: TestClient, story_id: str) -> None:
    section = client.get(f"/stories/{story_id}").text.split('<section id="changes">', 1)[1].split("</section>", 1)[0]
    assert '<option value="4" selected>' in section and "Japan Plans on Joining…" in section
    assert "several hundred" not in section


def test_json_twins_and_refusals(client: TestClient, story_id: str, seeds_by_run: tuple[Path, dict, dict]) -> None:
    assert client.get(f"/stories/{story_id}/changes.json?since=2").json() == api.changes(
        seeds_by_run[0], since=2, story=story_id)
    assert client.get("/changes.json?since=last").json() == api.changes(seeds_by_run[0])
    assert client.get("/stories/st-000000000000/changes.atom").status_code == 404
    assert client.get(f"/stories/{story_id}?since=99").status_code == 404
    assert client.get(f"/stories/{story_id}?since=<script>").status_code == 422


def _tags(html: str) -> list[str]:
    return re.findall(r'<span class="tag change-mark change-(new|changed)"[^>]*>(?:new|changed)</span>', html)


def _section(html: str, name: str) -> str:
    return html.split(f'<section id="{name}">', 1)[1].split("</section>", 1)[0]


def _marked(html: str) -> list[str]:
    """The tags of the page's sections, the "What changed" section's legend left out."""
    return _tags(html.replace(_section(html, "changes"), ""))


def _commitment_rows(html: str) -> dict[tuple[str, str], list[str]]:
    rows: dict[tuple[str, str], list[str]] = {}
    for row in re.findall(r"<tr data-actor=.*?</tr>", _section(html, "commitments"), re.S):
        key = re.search(r'data-actor="([^"]*)" data-kind="([^"]*)"', row).groups()
        rows.setdefault(key, []).extend(_tags(row))
    return rows


def test_since_a_run_the_sections_tag_what_its_change_set_lists(
        client: TestClient, story_id: str, seeds_by_run: tuple[Path, dict, dict]) -> None:
    """Since the run of 001 (the UK and France in March), 000, 002, 003 and 004 bring Japan's
    security guarantee and the United States' air support; Finland, in 001 already, stays untagged;
    the tags are the change set's items, found in their own sections, as text."""
    db, runs, _ = seeds_by_run
    since = runs["001"]
    html = client.get(f"/stories/{story_id}?since={since}").text
    rows = _commitment_rows(html)
    assert rows[("Japan", "security guarantee")] == ["new"]
    assert rows[("Finland", "ground troops")] == []
    doc = api.changes(db, since=since, story=story_id)["stories"][0]
    tagged = {k for k, tags in rows.items() if tags}
    assert tagged == {(c["actor"], c["kind"]) for c in doc["new_commitments"] + doc["changed_commitments"]}
    assert all(tags == ["changed"] for k, tags in rows.items()
               if k in {(c["actor"], c["kind"]) for c in doc["changed_commitments"]})
    matrix = _section(html, "commitments").split('id="commitment-matrix"', 1)[1].split("</table>", 1)[0]
    japan = re.search(r'<tr><th scope="row">Japan</th>.*?</tr>', matrix, re.S).group(0)
    finland = re.search(r'<tr><th scope="row">Finland</th>.*?</tr>', matrix, re.S).group(0)
    assert _tags(japan) and not _tags(finland)
    assert len(_tags(_section(html, "quotes"))) == len(doc["new_quotes"])
    conflicts = _section(html, "conflicts")
    assert "new" in _tags(conflicts) and len(_tags(conflicts)) == len(doc["new_conflicts"] + doc["figures_updated"])
    assert _tags(_section(html, "events")) == ["new"] * len(doc["new_events"])
    assert 'id="change-marks"' in _section(html, "changes")


def test_a_later_point_tags_less_and_no_point_tags_nothing(client: TestClient, story_id: str,
                                                           seeds_by_run: tuple[Path, dict, dict]) -> None:
    """Since 003's run only 004 counts: fewer tags, none on a commitment 004 left as it was; the
    page opened without ``since`` (what the latest fold changed, in its own section) tags nothing."""
    runs = seeds_by_run[1]
    early = _marked(client.get(f"/stories/{story_id}?since={runs['001']}").text)
    html = client.get(f"/stories/{story_id}?since={runs['003']}").text
    late = _marked(html)
    assert 0 < len(late) < len(early)
    doc = api.changes(seeds_by_run[0], since=runs["003"], story=story_id)["stories"][0]
    touched = {(c["actor"], c["kind"]) for c in doc["new_commitments"] + doc["changed_commitments"]}
    assert {k for k, tags in _commitment_rows(html).items() if tags} == touched
    assert _tags(client.get(f"/stories/{story_id}").text) == []  # no legend either
