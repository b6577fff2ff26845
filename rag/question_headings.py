"""FAQ entries found by the question they answer (retrieval.heading_candidates).

An FAQ entry's heading is a question, and a user's question in other words matches that
question better than it matches the answer's text (question-to-question matching, as FAQ
retrieval does). The reranker already reads a candidate's question heading
(rag.passage_views), but only for candidates the first stage found, and for a reworded question
the first stage (MiniLM and keyword search) often misses the entry altogether: on the Perl FAQ's
76 reworded questions the answering entry was not among the fused top 20 for 8 of the 11 that
missed the top 5. Here every question heading of the index is scored against the query with the
reranker's model, and the chunks of the closest ones join the reranker's candidates.

The heading vectors are kept by text hash in the reranker's vector cache (the same keys as its
heading view), and the list is read again from the store when its generation changes (another
process's ingest). Scoring the query against every question heading is one matrix product:
~0.4 ms a query for the Perl FAQ's 303 headings.
"""

from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING

import numpy as np

from rag.collections import Scope, permits
from rag.passage_views import text_hash
from rag.store_protocol import VectorStore

if TYPE_CHECKING:
    from rag.rerank import BiEncoderReranker

log = logging.getLogger(__name__)
# Headings without a kept vector are encoded during the search that finds them when there are
# at most this many (~1.5 s for 64 short questions with mpnet on 2 cores); more (a new index
# of a large FAQ) are encoded by a background thread, and searches use the ones kept so far.
SYNC_LIMIT = 64


class QuestionHeadings:
    """The index's question headings, each with its chunks, searchable by the reranker's
    vectors."""

    def __init__(self, store: VectorStore, reranker: BiEncoderReranker):
        self.store, self.reranker = store, reranker
        self.lock = threading.Lock()
        self._generation: int | None = None
        self._headings: list[str] = []
        self._chunks: list[list[tuple[int, str]]] = []  # per heading: (chunk id, collection)
        self._matrix = np.zeros((0, 0), dtype=np.float32)
        self._worker: threading.Thread | None = None

    def closest(self, query_vector: np.ndarray, n: int, scope: Scope = None) -> list[int]:
        """Chunk ids of the n headings closest to the query (in scope), closest first."""
        self._refresh()
        with self.lock:
            headings, chunks, matrix = self._headings, self._chunks, self._matrix
        if not headings or n <= 0:
            return []
        found: list[int] = []
        taken = 0
        for row in np.argsort(-(matrix @ query_vector), kind="stable"):
            ids = [i for i, collection in chunks[row] if permits(scope, collection)]
            if ids:
                found += ids
                taken += 1
                if taken == n:
                    break
        return found

    def wait(self) -> None:
        """Block until the headings being encoded in the background are kept."""
        worker = self._worker
        if worker is not None:
            worker.join()

    def _refresh(self) -> None:
        generation = self.store.generation
        if generation == self._generation:
            return
        by_heading: dict[str, list[tuple[int, str]]] = {}
        for found in self.store.question_headings():
            by_heading.setdefault(found.heading.strip(), []).append(
                (found.chunk_id, found.collection)
            )
        hashed = {h: text_hash(h) for h in by_heading}
        kept = self.reranker.cache.get(list(hashed.values()))
        missing = {k: h for h, k in hashed.items() if k not in kept}
        if len(missing) <= SYNC_LIMIT:
            kept.update(self.reranker.vectors(missing))
            generation_seen: int | None = generation
        else:  # searched without them until the thread is done, then read again
            self._encode_later(missing)
            generation_seen = None
        headings = [h for h in by_heading if hashed[h] in kept]
        matrix = np.stack([kept[hashed[h]] for h in headings]) if headings else self._matrix
        with self.lock:
            self._headings, self._chunks = headings, [by_heading[h] for h in headings]
            self._matrix, self._generation = matrix.astype(np.float32), generation_seen

    def _encode_later(self, missing: dict[str, str]) -> None:
        with self.lock:
            if self._worker is not None and self._worker.is_alive():
                return
            log.info("encoding %d question headings in the background", len(missing))
            items = list(missing.items())

            def encode() -> None:
                for start in range(0, len(items), SYNC_LIMIT):
                    self.reranker.vectors(dict(items[start : start + SYNC_LIMIT]))

            self._worker = threading.Thread(target=encode, name="question-headings", daemon=True)
            self._worker.start()
