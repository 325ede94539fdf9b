"""The store's vector cache and the encoder the corpus stages embed through (storyfold.text.embed.StoredEncoder)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyfold.store import Store
from storyfold.text.embed import StoredEncoder


class _Fake:
    """A deterministic embedder: a text's vector from its characters' codes; counts its calls."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def encode(self, texts):
        self.seen.extend(texts)
        rows = np.array([[len(t), sum(map(ord, t)) % 97, 1.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_each_text_is_embedded_once_per_database_and_results_do_not_depend_on_the_cache(tmp_path: Path) -> None:
    fake = _Fake()
    with Store(tmp_path / "s.db") as store:
        first = StoredEncoder("fake", lambda: fake, store.vectors, store.put_vectors)
        a = first.encode(["one", "two", "one"])
        assert fake.seen == ["one", "two"] and first.embedded == 2
        second = StoredEncoder("fake", lambda: pytest.fail("the model is loaded only on a miss"), store.vectors, store.put_vectors)
        b = second.encode(["two", "one"])
        assert np.array_equal(b, a[[1, 0]]) and second.embedded == 0
        assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-6)
        # another model's vectors are another cache
        assert StoredEncoder("other", lambda: fake, store.vectors, store.put_vectors).encode(["one"]).shape == (1, 3)
        assert fake.seen[-1] == "one" and store.count_vectors() == 3


def test_a_read_only_store_is_read_and_never_written(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    with Store(db) as store:
        StoredEncoder("fake", _Fake, store.vectors, store.put_vectors).encode(["kept"])
    with Store(db, read_only=True) as store:
        enc = StoredEncoder("fake", _Fake, store.vectors, None)
        enc.encode(["kept", "new"])
        assert enc.embedded == 1 and store.count_vectors() == 1
