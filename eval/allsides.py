"""The NeuS AllSides roundups file, read once the same way by every evaluation that uses it."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

ROUNDUPS = Path("neus-allsides") / "allsides_roundups_2021-10-19.jsonl"


def roundups(data_dir: Path) -> Iterator[dict]:
    """Every roundup of ``DATA_DIR/neus-allsides`` (id, issue, topic, date, ``news`` by side), in file order."""
    with (data_dir / ROUNDUPS).open(encoding="utf-8") as f:
        for line in f:
            if line.strip():
                yield json.loads(line)
