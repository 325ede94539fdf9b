"""Crash safety: SIGKILL at random points of a long fold never corrupts the store, a rerun completes
to the same result as an uninterrupted run, and readers during a fold see consistent data."""

from __future__ import annotations

import json
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from storyfold import api
from storyfold.config import Settings

TRIALS = 8


def _corpus(folder: Path, seeds_dir: Path, n: int = 60) -> Path:
    """``n`` distinct articles made from the seeds by dropping and reordering paragraphs."""
    rng = random.Random(3)
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    lines = []
    for i in range(n):
        paras = [p for p in texts[i % len(texts)].split("\n") if p.strip()]
        rng.shuffle(paras)
        lines.append(json.dumps({"text": "\n\n".join(paras[: max(3, len(paras) - rng.randrange(3))]), "url": f"https://x.example/{i}",
                                 "published": f"2025-08-{10 + i % 15:02d}"}))
    path = folder / "corpus.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _state(db: Path) -> tuple:
    data = api.export(db)
    data.pop("summary")
    return json.dumps(data, sort_keys=True)


def _check(db: Path) -> None:
    with sqlite3.connect(db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        assert conn.execute("SELECT count(*) FROM articles WHERE text IS NULL OR text = ''").fetchone()[0] == 0


@pytest.mark.slow
def test_sigkill_during_fold(tmp_path: Path, seeds_dir: Path) -> None:
    corpus = _corpus(tmp_path, seeds_dir)
    reference = tmp_path / "reference.db"
    started = time.perf_counter()
    api.fold([corpus], settings=Settings(db=str(reference)))
    full = time.perf_counter() - started
    expected = _state(reference)
    db = tmp_path / "killed.db"
    rng = random.Random(11)
    survived = 0
    for _ in range(TRIALS):
        proc = subprocess.Popen([sys.executable, "-m", "storyfold", "fold", str(corpus), "--db", str(db), "--out", str(tmp_path / "o"), "-q"],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.5, 3.0 + full))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        if db.exists():
            _check(db)
            survived += 1
    assert survived >= TRIALS - 1
    api.fold([corpus], settings=Settings(db=str(db)))
    _check(db)
    assert _state(db) == expected


@pytest.mark.slow
def test_readers_see_consistent_data_during_a_fold(tmp_path: Path, seeds_dir: Path) -> None:
    corpus = _corpus(tmp_path, seeds_dir, n=40)
    db = tmp_path / "busy.db"
    api.fold([seeds_dir], settings=Settings(db=str(db)))
    seen: list[int] = []
    errors: list[BaseException] = []
    stop = threading.Event()

    def read() -> None:
        while not stop.is_set():
            try:
                data = api.export(db)
                assert all(a["text"] for a in data["articles"])
                seen.append(len(data["articles"]))
            except BaseException as exc:  # noqa: BLE001 - collected and re-raised by the test
                errors.append(exc)
                return

    reader = threading.Thread(target=read)
    reader.start()
    api.fold([corpus], settings=Settings(db=str(db)))
    stop.set()
    reader.join()
    assert not errors, errors[0]
    assert seen and seen == sorted(seen) and seen[-1] == 45
