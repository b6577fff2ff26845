"""embedding.quantize: int8 builds a per-channel dynamic-int8 embedder under its own name."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from rag.embeddings import LocalEmbedder
from rag.settings import EmbeddingSettings, Settings


def test_unknown_value_fails_naming_the_setting():
    with pytest.raises(ValidationError, match="embedding.quantize"):
        Settings(embedding={"quantize": "int4"})


def test_int8_is_cpu_only():
    with pytest.raises(ValueError, match="embedding.quantize = 'int8' runs on the CPU only"):
        LocalEmbedder(EmbeddingSettings(device="cuda", quantize="int8"))


def test_int8_vectors_are_close_to_fp32_and_named_apart(embedder):
    int8 = LocalEmbedder(EmbeddingSettings(device="cpu", quantize="int8"))
    assert int8.name == "all-MiniLM-L6-v2+int8" != embedder.name  # an fp32 index is refused
    texts = ["How long is the warranty on the tent?", "Returns are free within 30 days."]
    cosine = np.sum(int8.encode(texts) * embedder.encode(texts), axis=1)
    assert cosine.min() > 0.9
