"""Shared fixtures: the bundled seed articles, the optional ../shared data folder, a fresh store."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "examples" / "seeds"


def shared_path() -> Path | None:
    """The shared data folder (env STORYFOLD_SHARED, else ../shared beside the repository)."""
    candidate = Path(os.environ.get("STORYFOLD_SHARED", REPO.parent / "shared"))
    return candidate if candidate.is_dir() else None


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    return SEEDS


@pytest.fixture(scope="session")
def seed_manifest() -> Path:
    return SEEDS / "manifest.jsonl"


@pytest.fixture(scope="session")
def shared() -> Path:
    path = shared_path()
    if path is None:
        pytest.skip("the shared data folder (../shared or STORYFOLD_SHARED) is absent")
    return path


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "test.db"


@pytest.fixture
def mixed_folder(tmp_path: Path, seeds_dir: Path) -> Path:
    """Good articles beside an empty file, a binary file, latin-1, cp1252 and UTF-16 text, broken
    HTML and a JSONL file with one malformed line (all made from the real seeds)."""
    root = tmp_path
    folder = root / "mixed"
    folder.mkdir()
    seed = {p.name[:3]: p.read_text(encoding="utf-8") for p in seeds_dir.glob("*.txt")}
    (folder / "good_000.txt").write_text(seed["000"], encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    (folder / "image.txt").write_bytes(bytes.fromhex("89504e470d0a1a0a") + bytes(range(256)) * 8)
    latin = seed["003"].translate(str.maketrans({"’": "'", "“": '"', "”": '"', "—": "-"}))
    (folder / "latin1_003.txt").write_bytes(latin.encode("latin-1"))
    (folder / "cp1252_002.txt").write_bytes(seed["002"].encode("cp1252"))
    (folder / "utf16_004.txt").write_bytes(seed["004"].encode("utf-16"))
    (folder / "broken.html").write_text("<html><body><div><<table><tr><td></div></p><script>var x=1;</script", encoding="utf-8")
    lines = [json.dumps({"text": seed["001"], "url": "https://inews.co.uk/a", "published": "2025-03-17"}), '{"text": "broken']
    (folder / "feed.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def folded_seeds(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """The seeds folded with every registered stage: the database and its export (slow: ~30 s)."""
    from storyfold import api

    db = tmp_path_factory.mktemp("seeds") / "seeds.db"
    api.fold([SEEDS], manifest=SEEDS / "manifest.jsonl", db=db)
    return db, api.export(db)


# The seeds by publication date; 000 is undated and rewrites 001, so it follows it.
SEEDS_BY_DATE = ("001", "000", "002", "003", "004")


@pytest.fixture(scope="session")
def seeds_by_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int], dict[int, dict]]:
    """The seeds folded in publication order, one article per run, into one database: the
    database, each seed's run id (by its number, "001"), and each run's change set as ``changes``
    gave it right after that run."""
    from storyfold import api

    folder = tmp_path_factory.mktemp("by-run")
    db = folder / "runs.db"
    entries = {json.loads(line)["file"][:3]: json.loads(line)
               for line in (SEEDS / "manifest.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()}
    runs: dict[str, int] = {}
    at_the_time: dict[int, dict] = {}
    for number in SEEDS_BY_DATE:
        entry = entries[number]
        (folder / entry["file"]).write_bytes((SEEDS / entry["file"]).read_bytes())
        manifest = folder / f"{number}.manifest.jsonl"
        manifest.write_text(json.dumps(entry) + "\n", encoding="utf-8")
        summary = api.fold([folder / entry["file"]], manifest=manifest, db=db)
        assert summary.stored == 1, summary
        runs[number] = summary.run_id
        at_the_time[summary.run_id] = api.changes(db)
    return db, runs, at_the_time
