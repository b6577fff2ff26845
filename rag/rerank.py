"""The second retrieval stage (retrieval.rerank): reorder the fused top fetch_k candidates.

mpnet: a bigger bi-encoder (all-mpnet-base-v2, 768-d, 110M parameters against MiniLM's 22M)
scores the query against each candidate; its cosine, blended with the first-stage embedder's
cosine (MiniLM's, known for every candidate) by retrieval.rerank_weight, orders them. No
cross-encoder is used: none could be installed from PyPI with its weights in a safe format.
A bi-encoder's chunk vectors don't depend on the query, so each chunk's is computed once (the
first time it is a candidate: ~0.2 s per 160-token chunk on one core here) and kept by content
hash in SQLite beside the model; a query then costs one mpnet query encoding and dot products.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping
from functools import lru_cache
from pathlib import Path

import numpy as np

from rag.rerank_model import mpnet_folder
from rag.retrieval_settings import RetrievalSettings

RERANKS = ("none", "mpnet")
log = logging.getLogger(__name__)
MODELS_DIR = Path(__file__).resolve().parent.parent / ".ragchat" / "models"


@lru_cache(maxsize=2)
def _load(folder: str) -> Callable[[list[str]], np.ndarray]:
    """The model's encode (normalised vectors), one per process however many retrievers are
    built. On torch, not ONNX Runtime: ORT saved 47 ms a query (111.9 → 64.6 ms) but copies the
    weights into process memory, 829 MB resident against 391 MB for torch, which maps the
    safetensors file; against ~10 s answers the memory costs more than the time pays. A plain
    folder runs without importing sentence-transformers (rag.st_folder: ~5 s, ~300 MB)."""
    from rag.onnx_encoder import UnsupportedModel
    from rag.st_folder import FolderEncoder, read_folder

    try:
        return FolderEncoder(read_folder(Path(folder))).encode
    except UnsupportedModel as err:
        log.info("reranker through sentence-transformers: %s", err)
    from sentence_transformers import SentenceTransformer  # a core dependency, imported late

    model = SentenceTransformer(folder, device="cpu", local_files_only=True)
    return lambda texts: np.asarray(model.encode(texts, normalize_embeddings=True))


class VectorCache:
    """Second-stage chunk vectors by content hash: in memory, and in SQLite when given a file."""

    def __init__(self, path: Path | None, model: str):
        self.model, self.memory = model, {}
        self.lock = threading.Lock()
        self.db = None
        if path is not None:
            try:
                path.parent.mkdir(parents=True, exist_ok=True)
                self.db = sqlite3.connect(path, check_same_thread=False, timeout=30)
                with self.db:
                    self.db.execute(
                        "CREATE TABLE IF NOT EXISTS vectors (model TEXT, hash TEXT, vector BLOB, "
                        "PRIMARY KEY (model, hash))"
                    )
            except (OSError, sqlite3.Error) as err:  # a read-only install (the image's /app)
                log.warning("reranker vectors kept in memory only: %s: %s", path, err)
                self.db = None

    def get(self, hashes: list[str]) -> dict[str, np.ndarray]:
        with self.lock:
            found = {h: self.memory[h] for h in hashes if h in self.memory}
            wanted = [h for h in hashes if h not in found]
            if self.db is not None and wanted:
                marks = ",".join("?" * len(wanted))
                rows = self.db.execute(
                    f"SELECT hash, vector FROM vectors WHERE model = ? AND hash IN ({marks})",
                    [self.model, *wanted],
                )
                for h, blob in rows:
                    found[h] = self.memory[h] = np.frombuffer(blob, dtype=np.float32)
            return found

    def put(self, vectors: Mapping[str, np.ndarray]) -> None:
        with self.lock:
            self.memory.update(vectors)
            if self.db is not None and vectors:
                with self.db:
                    self.db.executemany(
                        "INSERT OR IGNORE INTO vectors VALUES (?, ?, ?)",
                        [
                            (self.model, h, v.astype(np.float32).tobytes())
                            for h, v in vectors.items()
                        ],
                    )


class BiEncoderReranker:
    """A second bi-encoder's cosine, blended with the first-stage embedder's (weight 1: the
    second's alone). Two embedders of different training agree on the right passage more
    often than either alone: blending raw cosines beat blending with the fused rank score."""

    def __init__(self, folder: Path, weight: float, cache: VectorCache):
        self.encode, self.weight, self.cache = _load(str(folder)), weight, cache

    def vectors(self, texts: Mapping[str, str]) -> dict[str, np.ndarray]:
        """Chunk vectors by content hash, encoding (and keeping) only the ones not seen yet."""
        found = self.cache.get(list(texts))
        missing = [h for h in texts if h not in found]
        if missing:
            encoded = self.encode([texts[h] for h in missing])
            new = dict(zip(missing, encoded, strict=True))
            self.cache.put(new)
            found.update(new)
        return found

    def rerank(
        self,
        query: str,
        ids: list[int],
        texts: Mapping[int, tuple[str, str]],
        similarity: Mapping[int, float],
    ) -> list[tuple[int, float]]:
        """ids: the first stage's candidates; texts: id -> (content hash, text); similarity:
        the first-stage embedder's cosine of each. Returns (id, blended score), best first."""
        if not ids:
            return []
        by_hash = self.vectors({texts[i][0]: texts[i][1] for i in ids})
        q = self.encode([query])[0]
        w = self.weight
        score = {
            i: w * float(np.dot(by_hash[texts[i][0]], q)) + (1 - w) * similarity[i] for i in ids
        }
        return sorted(score.items(), key=lambda kv: -kv[1])


def build_reranker(settings: RetrievalSettings) -> BiEncoderReranker | None:
    """The reranker retrieval.rerank names, or None for `none`."""
    match settings.rerank:
        case "none":
            return None
        case "mpnet":
            folder = Path(settings.rerank_model) if settings.rerank_model else None
            if folder is not None and not folder.is_dir():
                raise RuntimeError(f"retrieval.rerank_model = '{folder}': no such folder")
            folder = folder or mpnet_folder(MODELS_DIR)
            # keyed by folder and weights' size: another model put in the same folder is new
            weights = folder / "model.safetensors"
            key = f"{folder.resolve()}:{weights.stat().st_size if weights.exists() else 0}"
            cache = VectorCache(MODELS_DIR / "rerank-vectors.sqlite", key)
            return BiEncoderReranker(folder, settings.rerank_weight, cache)
        case _:
            raise ValueError(
                f"retrieval.rerank: unknown reranker '{settings.rerank}'; choose from "
                f"{', '.join(RERANKS)}"
            )
