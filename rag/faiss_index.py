"""Which FAISS index holds the vectors: exact flat search or HNSW (store.index).

Both sit behind `IndexIDMap2`, so FAISS ids are the docstore's chunk ids either way. Flat is
exact and cheap to change; HNSW (a graph over the vectors) searches a large store in a fraction
of flat's time at recall@10 ≥ 0.98 (bench/latency.py), but FAISS cannot remove ids from it: a
store that loses chunks rebuilds it from the vectors kept in SQLite (never re-embedded).
`auto` picks flat up to `store.auto_hnsw_above` chunks and HNSW above.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import faiss
import numpy as np

Kind = Literal["flat", "hnsw"]


@dataclass(frozen=True)
class IndexChoice:
    """store.index and the HNSW parameters (shared with pgvector's HNSW in rag.settings)."""

    index: str = "auto"  # flat | hnsw | auto
    # 32, not 16: the same recall@10 at 100k near-real vectors (0.989 vs 0.990 at efSearch 256)
    # and at 1M 0.988 vs 0.967 at efSearch 1000, for a 10% longer build and 4 bytes more a link
    # (bench/hnsw_sweep.py).
    hnsw_m: int = 32
    # 200, not FAISS's 40 or pgvector's 64: on 100k near-real vectors (bench/hnsw_sweep.py)
    # efConstruction 64 left recall@10 at 0.963 with efSearch 256, 200 reached 0.990 for a
    # graph that took 3x as long to build (a removal rebuilds it: see removable()).
    ef_construction: int = 200
    ef_search: int = 256
    auto_hnsw_above: int = 10_000

    def kind_for(self, n_vectors: int) -> Kind:
        match self.index:
            case "flat":
                return "flat"
            case "hnsw":
                return "hnsw"
            case "auto":
                return "hnsw" if n_vectors > self.auto_hnsw_above else "flat"
            case _:
                raise ValueError(
                    f"store.index: unknown index '{self.index}' (expected flat, hnsw or auto)"
                )

    def fits(self, index: faiss.IndexIDMap2) -> bool:
        """Whether `index` is the kind (and, for HNSW, the graph) these settings ask for."""
        kind = self.kind_for(index.ntotal)
        if kind != kind_of(index):
            return False
        if kind == "hnsw":
            graph = faiss.downcast_index(index.index).hnsw
            # M and efConstruction shape the graph: a change needs a rebuild; efSearch does not.
            return graph.nb_neighbors(1) == self.hnsw_m and graph.efConstruction == (
                self.ef_construction
            )
        return True

    def configure(self, index: faiss.IndexIDMap2) -> faiss.IndexIDMap2:
        """Apply the per-query setting (efSearch) to an index read from disk."""
        if kind_of(index) == "hnsw":
            faiss.downcast_index(index.index).hnsw.efSearch = self.ef_search
        return index

    def build(self, dim: int, ids: np.ndarray, vectors: np.ndarray) -> faiss.IndexIDMap2:
        """A new index of the kind for len(ids) vectors, holding them."""
        match self.kind_for(len(ids)):
            case "hnsw":
                inner = faiss.IndexHNSWFlat(dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
                inner.hnsw.efConstruction = self.ef_construction
            case _:
                inner = faiss.IndexFlatIP(dim)
        index = self.configure(faiss.IndexIDMap2(inner))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
        return index


def kind_of(index: faiss.IndexIDMap2) -> Kind:
    return "hnsw" if isinstance(faiss.downcast_index(index.index), faiss.IndexHNSW) else "flat"


def removable(index: faiss.IndexIDMap2) -> bool:
    """Whether ids can be removed in place (flat); HNSW must be rebuilt without them."""
    return kind_of(index) == "flat"
