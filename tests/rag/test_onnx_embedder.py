"""embedding.runtime: ONNX Runtime and OpenVINO give sentence-transformers' vectors, from any
thread; embedding.precision: bf16 only where it runs."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import pytest
from pydantic import ValidationError

from rag import openvino_encoder
from rag.embeddings import LocalEmbedder, default_model_dir
from rag.onnx_encoder import (
    CACHE_DIR,
    PAD_TO_MULTIPLE,
    UnsupportedModel,
    pooling_mode,
    weights_key,
)
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


@pytest.fixture(scope="module")
def onnx_embedder() -> LocalEmbedder:
    return LocalEmbedder(EmbeddingSettings(device="cpu", runtime="onnx"))


def test_the_default_on_a_cpu_is_a_graph_runtime_with_the_same_vectors(embedder, torch_embedder):
    # OpenVINO in bf16 where the CPU has it, else ONNX Runtime in fp32.
    bf16 = openvino_encoder.cpu_has_bf16()
    assert (embedder.runtime, embedder.precision) == (
        ("openvino", "bf16") if bf16 else ("onnx", "fp32")
    )
    assert torch_embedder.runtime == "torch"
    assert embedder.name == torch_embedder.name  # the same vectors: indexes are shared
    vectors, torch = embedder.encode(TEXTS), torch_embedder.encode(TEXTS)
    assert vectors.shape == torch.shape == (len(TEXTS), 384)
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)
    assert (vectors * torch).sum(axis=1).min() > 0.9999
    assert (CACHE_DIR / f"{weights_key(default_model_dir())}-mean-opset17.onnx").exists()


def test_onnx_runtime_gives_the_same_vectors(onnx_embedder, torch_embedder):
    assert onnx_embedder.runtime == "onnx" and onnx_embedder.precision == "fp32"
    onnx, torch = onnx_embedder.encode(TEXTS), torch_embedder.encode(TEXTS)
    assert np.allclose(np.linalg.norm(onnx, axis=1), 1.0, atol=1e-5)
    assert (onnx * torch).sum(axis=1).min() > 0.999999  # fp32 rounding only


@pytest.fixture(scope="module")
def openvino_embedder() -> LocalEmbedder:
    return LocalEmbedder(EmbeddingSettings(device="cpu", runtime="openvino"))


def test_openvino_gives_the_same_vectors(openvino_embedder, torch_embedder):
    assert openvino_embedder.runtime == "openvino"
    vectors, torch = openvino_embedder.encode(TEXTS), torch_embedder.encode(TEXTS)
    floor = 0.9999 if openvino_embedder.precision == "bf16" else 0.999999
    assert (vectors * torch).sum(axis=1).min() > floor


def test_inputs_are_padded_to_a_few_shapes(onnx_embedder, torch_embedder, monkeypatch):
    # Each input shape a runtime has run costs it memory: lengths are rounded up, masked.
    graph, shapes = onnx_embedder._graph, []
    run = graph.run
    monkeypatch.setattr(graph, "run", lambda ids, mask: shapes.append(ids.shape) or run(ids, mask))
    texts = ["x", "How long do I have to return an item?", "word " * 20, "word " * 600]
    vectors = np.vstack([onnx_embedder.encode([t]) for t in texts])
    assert [tokens for _, tokens in shapes] == [16, 16, 32, 256]
    assert (vectors * torch_embedder.encode(texts)).sum(axis=1).min() > 0.999999
    assert PAD_TO_MULTIPLE == 16


@pytest.mark.parametrize("runtime", ["openvino", "onnx"])
def test_threads_encoding_at_once_get_their_own_vectors(runtime, openvino_embedder, onnx_embedder):
    encoder = openvino_embedder if runtime == "openvino" else onnx_embedder
    batches = [TEXTS[i:] + TEXTS[:i] for i in range(len(TEXTS))] * 2
    alone = [encoder.encode(batch) for batch in batches]
    with ThreadPoolExecutor(4) as pool:
        together = list(pool.map(encoder.encode, batches))
    for one, other in zip(alone, together, strict=True):
        assert np.allclose(one, other, atol=1e-5)


def test_bf16_off_openvino_is_refused_naming_both_settings():
    with pytest.raises(ValueError, match="embedding.precision = 'bf16'.*embedding.runtime"):
        LocalEmbedder(EmbeddingSettings(device="cpu", runtime="onnx", precision="bf16"))


def test_a_cpu_without_bf16_runs_fp32_and_refuses_bf16(monkeypatch):
    monkeypatch.setattr(openvino_encoder, "cpu_has_bf16", lambda: False)
    assert openvino_encoder.resolve_precision("auto") == "fp32"
    with pytest.raises(ValueError, match="embedding.precision = 'bf16': this CPU has no bf16"):
        LocalEmbedder(EmbeddingSettings(device="cpu", precision="bf16"))
    fp32 = LocalEmbedder(EmbeddingSettings(device="cpu", runtime="openvino"))
    assert fp32.precision == "fp32"
    assert LocalEmbedder(EmbeddingSettings(device="cpu")).runtime == "onnx"


def test_a_cpu_with_bf16_runs_openvino_by_default(monkeypatch):
    # Whether this CPU has bf16 or not: auto picks by what OpenVINO reports (here, faked).
    monkeypatch.setattr(openvino_encoder, "cpu_has_bf16", lambda: True)
    monkeypatch.setattr(openvino_encoder, "OpenVinoEncoder", RecordingEncoder)
    embedder = LocalEmbedder(EmbeddingSettings(device="cpu"))
    assert embedder.runtime == "openvino" and embedder.precision == "bf16"
    fp32 = LocalEmbedder(EmbeddingSettings(device="cpu", precision="fp32"))
    assert fp32.runtime == "onnx"


class RecordingEncoder:
    """Stands in for OpenVINO's compile where the CPU lacks bf16; records the precision."""

    def __init__(self, model, folder, threads: int, precision: str):
        self.precision = openvino_encoder.resolve_precision(precision)


def test_onnx_with_int8_weights_is_refused_naming_both_settings():
    with pytest.raises(ValueError, match="embedding.runtime = 'onnx'.*embedding.quantize int8"):
        LocalEmbedder(EmbeddingSettings(device="cpu", runtime="onnx", quantize="int8"))


def test_auto_with_int8_weights_runs_on_torch():
    embedder = LocalEmbedder(EmbeddingSettings(device="cpu", quantize="int8"))
    assert embedder.runtime == "torch" and embedder.name.endswith("+int8")


def test_an_unknown_runtime_or_precision_names_the_setting():
    with pytest.raises(ValidationError, match="embedding.runtime"):
        Settings(embedding={"runtime": "tensorrt"})
    with pytest.raises(ValidationError, match="embedding.precision"):
        Settings(embedding={"precision": "fp8"})


def test_a_pooling_the_export_lacks_is_named(torch_embedder):
    from sentence_transformers.models import Pooling

    modules = list(torch_embedder.model)
    assert pooling_mode(modules) == "mean"
    with pytest.raises(UnsupportedModel, match="max pooling"):
        pooling_mode([modules[0], Pooling(384, pooling_mode="max")])
