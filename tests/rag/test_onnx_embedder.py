"""embedding.runtime: ONNX Runtime gives sentence-transformers' vectors, from any thread."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from pydantic import ValidationError

from rag.embeddings import LocalEmbedder, default_model_dir
from rag.onnx_encoder import CACHE_DIR, UnsupportedModel, pooling_mode, weights_key
from rag.settings import EmbeddingSettings, Settings

TEXTS = [
    "How long do I have to return an item?",
    "Standard shipping costs $5.99 and is free on orders of $75 or more.",
    "word " * 600,  # longer than the model's 256 tokens: truncated the same way
    "x",
    "Die Rücksendung ist innerhalb von 30 Tagen möglich — café crème.",
]


@pytest.fixture(scope="module")
def torch_embedder() -> LocalEmbedder:
    return LocalEmbedder(EmbeddingSettings(device="cpu", runtime="torch"))


def test_the_default_on_a_cpu_is_onnx_with_the_same_vectors(embedder, torch_embedder):
    assert embedder.runtime == "onnx" and torch_embedder.runtime == "torch"
    assert embedder.name == torch_embedder.name  # the same vectors: indexes are shared
    onnx, torch = embedder.encode(TEXTS), torch_embedder.encode(TEXTS)
    assert onnx.shape == torch.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert (onnx * torch).sum(axis=1).min() > 0.9999
    assert (CACHE_DIR / f"{weights_key(default_model_dir())}-mean-opset17.onnx").exists()


def test_threads_encoding_at_once_get_their_own_vectors(embedder):
    batches = [TEXTS[i:] + TEXTS[:i] for i in range(len(TEXTS))] * 2
    alone = [embedder.encode(batch) for batch in batches]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(embedder.encode, batches))
    for one, other in zip(alone, together, strict=True):
        assert np.allclose(one, other, atol=1e-5)


def test_onnx_with_int8_weights_is_refused_naming_both_settings():
    with pytest.raises(ValueError, match="embedding.runtime = 'onnx'.*embedding.quantize int8"):
        LocalEmbedder(EmbeddingSettings(device="cpu", runtime="onnx", quantize="int8"))


def test_auto_with_int8_weights_runs_on_torch():
    embedder = LocalEmbedder(EmbeddingSettings(device="cpu", quantize="int8"))
    assert embedder.runtime == "torch" and embedder.name.endswith("+int8")


def test_an_unknown_runtime_names_the_setting():
    with pytest.raises(ValidationError, match="embedding.runtime"):
        Settings(embedding={"runtime": "tensorrt"})


def test_a_pooling_the_export_lacks_is_named(torch_embedder):
    from sentence_transformers.models import Pooling

    modules = list(torch_embedder.model)
    assert pooling_mode(modules) == "mean"
    with pytest.raises(UnsupportedModel, match="max pooling"):
        pooling_mode([modules[0], Pooling(384, pooling_mode="max")])
