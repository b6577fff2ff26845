"""Searching only some collections of a FAISS + SQLite index (rag.collections).

The vector side searches with an ID selector over the scope's chunk ids, never by fetching
more and filtering afterwards: with a collection of 1% of 50k clustered vectors, fetching 50
and keeping the allowed ones found 0.05 of the true top 10 (bench/collections.py). A flat
index with a selector is exact and scores only the allowed vectors. HNSW with a selector still
walks the whole graph and finds fewer true neighbours the smaller the allowed share (recall@10
0.40 at 1%, 0.75 at 20%, against 0.78 unfiltered), so a scope of at most `auto_above`
chunks or under a fifth of the index is searched exactly over the HNSW's own stored vectors
(the same cost as a flat index of that size; nothing is re-read from SQLite).
"""

from __future__ import annotations

import sqlite3
import threading

import faiss
import numpy as np

from rag.collections import Scope
from rag.faiss_index import IndexChoice, kind_of

EXACT_SHARE = 0.2  # below this share of the index, HNSW + selector loses recall (see above)


class ScopeIds:
    """The chunk ids of a scope, read once per docstore generation (an index-only scan of
    chunks(collection, id): a few ms at 100k chunks) and kept for the searches after it."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db
        self._lock = threading.Lock()
        self._generation = -1
        self._ids: dict[frozenset[str], np.ndarray] = {}
        self._selectors: dict[frozenset[str], faiss.IDSelectorBatch] = {}

    def __call__(self, scope: frozenset[str], generation: int) -> np.ndarray:
        with self._lock:
            if generation != self._generation:
                self._ids, self._selectors, self._generation = {}, {}, generation
            found = self._ids.get(scope)
            if found is None:
                names = sorted(scope)
                marks = ",".join("?" * len(names))
                rows = self.db.execute(
                    f"SELECT id FROM chunks WHERE collection IN ({marks}) ORDER BY id", names
                )
                found = np.array([r[0] for r in rows], dtype=np.int64)
                if len(self._ids) > 64:  # many distinct scopes: keep memory bounded
                    self._ids.clear()
                    self._selectors.clear()
                self._ids[scope] = found
            return found

    def selector(self, scope: frozenset[str], generation: int) -> faiss.IDSelectorBatch:
        """The scope's ids as a FAISS selector, built once per generation: building one over
        45k ids cost more than the HNSW search it filters (bench/collections.py)."""
        ids = self(scope, generation)
        with self._lock:
            found = self._selectors.get(scope)
            if found is None:
                found = self._selectors[scope] = faiss.IDSelectorBatch(ids)  # copies the ids
            return found


def scoped_search(
    index: faiss.IndexIDMap2,
    query: np.ndarray,
    k: int,
    allowed: np.ndarray,
    choice: IndexChoice,
    selector: faiss.IDSelector | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """(scores, ids) of the k best vectors among `allowed` ids, each (1, k); `selector`: the
    same ids as a FAISS selector, when the caller keeps one."""
    if len(allowed) == index.ntotal:  # the scope is the whole index: nothing to filter
        return index.search(query, k)
    if kind_of(index) == "flat":
        # IndexIDMap2 translates the selector to its internal positions.
        params = faiss.SearchParameters(sel=selector or faiss.IDSelectorBatch(allowed))
        return index.search(query, k, params=params)
    large = len(allowed) > choice.auto_above and len(allowed) >= EXACT_SHARE * index.ntotal
    if kind_of(index) == "ivf":
        # IVF holds the chunk ids: the selector filters them as lists are scanned. A small
        # scope may sit in lists the query would not probe: every list, exact, then.
        nprobe = choice.ivf_nprobe if large else index.nlist
        params = faiss.SearchParametersIVF(
            sel=selector or faiss.IDSelectorBatch(allowed), nprobe=nprobe
        )
        return index.search(query, k, params=params)
    if large:
        params = faiss.SearchParametersHNSW(
            sel=selector or faiss.IDSelectorBatch(allowed), efSearch=max(choice.ef_search, k)
        )
        return index.search(query, k, params=params)
    # Exact over the graph's flat storage, restricted to the scope's positions.
    id_map = faiss.vector_to_array(index.id_map)
    positions = np.flatnonzero(np.isin(id_map, allowed)).astype(np.int64)
    storage = faiss.downcast_index(faiss.downcast_index(index.index).storage)
    params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(positions))
    scores, labels = storage.search(query, k, params=params)
    ids = np.where(labels >= 0, id_map[np.maximum(labels, 0)], -1)
    return scores, ids


def keyword_sql(scope: Scope) -> tuple[str, list[str]]:
    """The FTS5 query of a keyword search, joined to the chunks of the scope when there is
    one (bm25 ranks within the match as before; the join only drops other collections)."""
    if scope is None:
        return (
            "SELECT rowid, bm25(chunks_fts) FROM chunks_fts WHERE chunks_fts MATCH ?"
            " ORDER BY bm25(chunks_fts) LIMIT ?",
            [],
        )
    names = sorted(scope)
    marks = ",".join("?" * len(names))
    return (
        "SELECT f.rowid, bm25(chunks_fts) FROM chunks_fts f JOIN chunks c ON c.id = f.rowid"
        f" WHERE chunks_fts MATCH ? AND c.collection IN ({marks})"
        " ORDER BY bm25(chunks_fts) LIMIT ?",
        names,
    )
