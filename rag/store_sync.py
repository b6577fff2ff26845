"""Catching a FAISS index up with a docstore another process changed.

A page or API worker keeps its FAISS index in memory; `python -m ingest` in another process
changes only SQLite (and, at its end, the FAISS file). The docstore's generation grows with
every change, so one read of it per search tells whether the in-memory index is behind. Then
the difference is read from the stored vectors: every chunk id (an index-only scan, a few ms at
100k chunks) and the vectors of the ids the index lacks — never the whole file again, never
re-embedded. The read runs on its own read-only connection in one transaction (a consistent
WAL snapshot), so it neither waits for a writer nor holds the store's lock while it reads.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

import faiss
import numpy as np

from rag.faiss_index import stored_ids

_BATCH = 500  # ids per IN (...) query: well under SQLite's parameter limit


@dataclass(frozen=True)
class IndexDelta:
    """What turns an index holding `have` into the docstore at `generation`."""

    generation: int
    remove_ids: np.ndarray  # int64: in the index, gone from the docstore
    add_ids: np.ndarray  # int64: in the docstore, missing from the index
    add_vectors: np.ndarray  # float32, (len(add_ids), dim)


def read_delta(db_file: Path, dim: int, have: np.ndarray) -> IndexDelta:
    """The chunks to drop and add so that an index with ids `have` matches the docstore."""
    db = sqlite3.connect(f"file:{db_file}?mode=ro", uri=True, isolation_level=None)
    try:
        db.execute("BEGIN")  # one snapshot: generation, ids and vectors agree
        row = db.execute("SELECT value FROM meta WHERE key='generation'").fetchone()
        generation = int(row[0]) if row else 0
        stored = np.array([r[0] for r in db.execute("SELECT id FROM chunks")], dtype=np.int64)
        remove = np.setdiff1d(have, stored, assume_unique=True)
        add = np.setdiff1d(stored, have, assume_unique=True)
        blobs: dict[int, bytes] = {}
        for start in range(0, len(add), _BATCH):
            part = add[start : start + _BATCH].tolist()
            marks = ",".join("?" * len(part))
            query = f"SELECT id, vector FROM chunks WHERE id IN ({marks})"
            blobs.update(db.execute(query, part).fetchall())
        db.execute("COMMIT")
    finally:
        db.close()
    vectors = np.frombuffer(b"".join(blobs[int(i)] for i in add), dtype=np.float32)
    return IndexDelta(generation, remove, add, vectors.reshape(len(add), dim))


def apply_delta(index: faiss.IndexIDMap2, delta: IndexDelta) -> None:
    """Drop the vanished ids and add the missing ones (call under the store's lock)."""
    if len(delta.remove_ids):  # HNSW raises on any removal: the store rebuilds it instead
        index.remove_ids(delta.remove_ids)  # chunk ids are never reused: twice is safe
    # A write of this process since the delta was read may already have added some of them.
    fresh = ~np.isin(delta.add_ids, stored_ids(index))
    if fresh.any():
        index.add_with_ids(delta.add_vectors[fresh], delta.add_ids[fresh])
