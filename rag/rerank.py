"""The second retrieval stage (retrieval.rerank): reorder the fused top fetch_k candidates.

mpnet: a bigger bi-encoder (all-mpnet-base-v2, 768-d, 110M parameters against MiniLM's 22M)
scores the query against each candidate; its cosine, blended with the first-stage embedder's
cosine (MiniLM's, known for every candidate) by retrieval.rerank_weight, orders them. No
cross-encoder is used: none could be installed from PyPI with its weights in a safe format.
A bi-encoder's chunk vectors don't depend on the query, so each chunk's is computed once (the
first time it is a candidate: ~0.2 s per 160-token chunk on one core here) and kept by content
hash in SQLite beside the model; a query then costs one mpnet query encoding and dot products.

Two smaller views of a candidate are scored the same way (the same blend of both models) and
mixed into its score (rag.passage_views): its best sentence, by
retrieval.rerank_sentence_weight, and its heading when the heading is a question, by
retrieval.rerank_heading_weight. Their vectors are kept by text hash like the chunks'.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from rag.passage_views import question_heading, sentences, text_hash
from rag.rerank_model import mpnet_folder
from rag.retrieval_settings import RetrievalSettings

if TYPE_CHECKING:
    from rag.embeddings import Embedder

RERANKS = ("none", "mpnet")
# The views are read for the best 10 candidates by the whole chunk's score; the rest keep it.
# On the four question sets of bench/rerank_views.py the top 10 ranked exactly as all 20 do,
# and a candidate's views cost ~0.19 s to encode the first time (2-core CPU): half as many.
VIEWED = 10
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


Encode = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Passage:
    """What the second stage reads of one candidate."""

    content_hash: str
    text: str
    heading: str | None = None


@dataclass(frozen=True)
class ViewWeights:
    """How much a candidate's smaller views count (0: not read)."""

    sentence: float = 0.0  # its best sentence
    heading: float = 0.0  # its heading, when that is a question


def kept_vectors(encode: Encode, cache: VectorCache, texts: Mapping[str, str]) -> dict:
    """Vectors by key (content or text hash), encoding (and keeping) only the ones not seen."""
    found = cache.get(list(texts))
    missing = [h for h in texts if h not in found]
    if missing:
        new = dict(zip(missing, encode([texts[h] for h in missing]), strict=True))
        cache.put(new)
        found.update(new)
    return found


class BiEncoderReranker:
    """A second bi-encoder's cosine, blended with the first-stage embedder's (weight 1: the
    second's alone). Two embedders of different training agree on the right passage more
    often than either alone: blending raw cosines beat blending with the fused rank score."""

    def __init__(
        self,
        folder: Path,
        weight: float,
        cache: VectorCache,
        views: ViewWeights = ViewWeights(),
        first_stage: tuple[Encode, VectorCache] | None = None,
    ):
        self.encode, self.weight, self.cache = _load(str(folder)), weight, cache
        self.views = views
        if first_stage is None and (views.sentence or views.heading):
            raise ValueError("the reranker's sentence and heading views need the first stage")
        self.first_encode, self.first_cache = first_stage or (None, None)

    def vectors(self, texts: Mapping[str, str]) -> dict[str, np.ndarray]:
        """Second-stage vectors by content hash, encoding (and keeping) only the new ones."""
        return kept_vectors(self.encode, self.cache, texts)

    def encode_query(self, query: str) -> np.ndarray:
        return self.encode([query])[0]

    def rerank(
        self,
        query: str,
        query_vector: np.ndarray,
        candidates: Mapping[int, Passage],
        similarity: Mapping[int, float],
        second_vector: np.ndarray | None = None,
    ) -> list[tuple[int, float]]:
        """candidates: the first stage's, by chunk id; query_vector and similarity: the
        first-stage embedder's query vector and cosine of each; second_vector: this model's
        query vector, when encoded already. Returns (id, score), best first."""
        if not candidates:
            return []
        by_hash = self.vectors({p.content_hash: p.text for p in candidates.values()})
        q = self.encode_query(query) if second_vector is None else second_vector
        w = self.weight
        score = {
            i: w * float(np.dot(by_hash[p.content_hash], q)) + (1 - w) * similarity[i]
            for i, p in candidates.items()
        }
        if self.views.sentence or self.views.heading:
            score = self._with_views(score, candidates, q, query_vector)
        return sorted(score.items(), key=lambda kv: -kv[1])

    def _with_views(
        self,
        score: dict[int, float],
        candidates: Mapping[int, Passage],
        q: np.ndarray,
        q_first: np.ndarray,
    ) -> dict[int, float]:
        viewed = sorted(score, key=lambda i: -score[i])[:VIEWED]
        texts: dict[str, str] = {}  # every view's text by its hash, each hashed once

        def keys(shown: list[str]) -> list[str]:
            hashed = [text_hash(t) for t in shown]
            texts.update(zip(hashed, shown, strict=True))
            return hashed

        views = {}
        for i in viewed:
            said = sentences(candidates[i].text) if self.views.sentence else []
            asked = question_heading(candidates[i].heading) if self.views.heading else None
            views[i] = (keys(said), keys([asked] if asked else []))
        second = kept_vectors(self.encode, self.cache, texts)
        first = kept_vectors(self.first_encode, self.first_cache, texts)

        def blended(hashed: list[str]) -> float:
            """Each model's best cosine among the texts, blended as the chunks' cosines are."""
            best_second = max(float(np.dot(second[h], q)) for h in hashed)
            best_first = max(float(np.dot(first[h], q_first)) for h in hashed)
            return self.weight * best_second + (1 - self.weight) * best_first

        mixed = dict(score)
        for i, (said, asked) in views.items():
            s = score[i]
            if said:
                s = (1 - self.views.sentence) * s + self.views.sentence * blended(said)
            if asked:
                s = (1 - self.views.heading) * s + self.views.heading * blended(asked)
            mixed[i] = s
        return mixed


def build_reranker(settings: RetrievalSettings, first_stage: Embedder) -> BiEncoderReranker | None:
    """The reranker retrieval.rerank names, or None for `none`. first_stage: the embedder the
    index was built with (its vectors of sentences and headings are blended in too)."""
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
            views = ViewWeights(settings.rerank_sentence_weight, settings.rerank_heading_weight)
            # keyed by everything that changes its vectors (an int8 model is another name)
            fields = ("name", "dim", "runtime", "precision")
            name = ":".join(str(getattr(first_stage, f, "")) for f in fields)
            first_cache = VectorCache(MODELS_DIR / "rerank-vectors.sqlite", f"first:{name}")
            first = (first_stage.encode, first_cache)
            return BiEncoderReranker(folder, settings.rerank_weight, cache, views, first)
        case _:
            raise ValueError(
                f"retrieval.rerank: unknown reranker '{settings.rerank}'; choose from "
                f"{', '.join(RERANKS)}"
            )
