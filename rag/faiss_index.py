"""Which FAISS index holds the vectors: exact flat search, HNSW or IVF (store.index).

Flat and HNSW sit behind `IndexIDMap2`, so FAISS ids are the docstore's chunk ids; IVF keeps the
chunk ids in its own lists (behind IndexIDMap2 a removal would renumber them wrongly). Flat is
exact and cheap to change; HNSW (a graph over the vectors) searches a large store in a fraction
of flat's time at recall@10 ≥ 0.98 (bench/latency.py), but FAISS cannot remove ids from it: a
store that loses chunks rebuilds it from the vectors kept in SQLite (never re-embedded). IVF
(the vectors split into `nlist` clusters by k-means, a query scanning the `nprobe` nearest)
removes in place, so a re-ingested file costs no rebuild (bench/ivf_sweep.py).
`auto` (the default) picks flat up to `store.auto_above` chunks and `store.auto_index` (IVF
unless set to HNSW) above: exact while flat is cheap, a store past that keeps a query's vector
side under a millisecond and a re-ingest free of rebuilds.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from typing import Literal

import faiss
import numpy as np

Kind = Literal["flat", "hnsw", "ivf"]
# IVF's k-means wants ~39 training vectors a cluster (FAISS warns below that); under this many
# vectors `store.index: ivf` searches flat, exactly, and turns IVF at the flush that passes it.
IVF_MIN_VECTORS = 1_000


@dataclass(frozen=True)
class IndexChoice:
    """store.index and the HNSW parameters (shared with pgvector's HNSW in rag.settings)."""

    index: str = "auto"  # flat | hnsw | ivf | auto
    # 32, not 16: the same recall@10 at 100k near-real vectors (0.989 vs 0.990 at efSearch 256)
    # and at 1M 0.988 vs 0.967 at efSearch 1000, for a 10% longer build and 4 bytes more a link
    # (bench/hnsw_sweep.py).
    hnsw_m: int = 32
    # 200, not FAISS's 40 or pgvector's 64: on 100k near-real vectors (bench/hnsw_sweep.py)
    # efConstruction 64 left recall@10 at 0.963 with efSearch 256, 200 reached 0.990 for a
    # graph that took 3x as long to build (a removal rebuilds it: see removable()).
    ef_construction: int = 200
    ef_search: int = 256
    auto_above: int = 10_000
    # IVF, not HNSW, past auto_above: recall@10 0.995 against 0.989 at 100k near-real vectors
    # (0.29 vs 0.67 ms p50), and a removal is taken out in place where HNSW rebuilds its graph
    # (18 s at 100k, searches waiting; bench/ivf_sweep.py).
    auto_index: str = "ivf"  # ivf | hnsw
    ivf_nlist: int = 0  # 0: ivf_lists(n) at each build
    ivf_nprobe: int = 32

    def kind_for(self, n_vectors: int) -> Kind:
        match self.index:
            case "flat":
                return "flat"
            case "hnsw":
                return "hnsw"
            case "ivf":
                return "ivf" if n_vectors >= IVF_MIN_VECTORS else "flat"
            case "auto":
                if self.auto_index not in ("ivf", "hnsw"):
                    raise ValueError(
                        f"store.auto_index: unknown index '{self.auto_index}' "
                        "(expected ivf or hnsw)"
                    )
                if n_vectors <= self.auto_above:
                    return "flat"
                return replace(self, index=self.auto_index).kind_for(n_vectors)
            case _:
                raise ValueError(
                    f"store.index: unknown index '{self.index}' (expected flat, hnsw, ivf or auto)"
                )

    def fits(self, index: faiss.Index) -> bool:
        """Whether `index` is the kind (and, for HNSW, the graph; for IVF, the clusters) these
        settings ask for."""
        kind = self.kind_for(index.ntotal)
        if kind != kind_of(index):
            return False
        if kind == "ivf":
            if self.ivf_nlist:
                return index.nlist == self.ivf_nlist
            # Clusters trained on a store a sixteenth of today's: k-means again (4x the lists).
            return ivf_lists(index.ntotal) < 4 * index.nlist
        if kind == "hnsw":
            graph = faiss.downcast_index(index.index).hnsw
            # M and efConstruction shape the graph: a change needs a rebuild; efSearch does not.
            return graph.nb_neighbors(1) == self.hnsw_m and graph.efConstruction == (
                self.ef_construction
            )
        return True

    def configure(self, index: faiss.Index) -> faiss.Index:
        """Apply the per-query setting (efSearch, nprobe) to an index read from disk."""
        match kind_of(index):
            case "hnsw":
                faiss.downcast_index(index.index).hnsw.efSearch = self.ef_search
            case "ivf":
                index.nprobe = self.ivf_nprobe
        return index

    def build(self, dim: int, ids: np.ndarray, vectors: np.ndarray) -> faiss.Index:
        """A new index of the kind for len(ids) vectors, holding them."""
        match self.kind_for(len(ids)):
            case "ivf":
                return self.configure(
                    _ivf(dim, self.ivf_nlist or ivf_lists(len(ids)), ids, vectors)
                )
            case "hnsw":
                inner = faiss.IndexHNSWFlat(dim, self.hnsw_m, faiss.METRIC_INNER_PRODUCT)
                inner.hnsw.efConstruction = self.ef_construction
            case _:
                inner = faiss.IndexFlatIP(dim)
        index = self.configure(faiss.IndexIDMap2(inner))
        if len(ids):
            index.add_with_ids(np.ascontiguousarray(vectors, dtype=np.float32), ids)
        return index


def ivf_lists(n_vectors: int) -> int:
    """Clusters for n vectors: 4·√n (FAISS's guide: 4–16·√n; the low end trains fastest), at
    most one per 39 vectors. 1,264 at 100k, 4,000 at 1M."""
    return max(1, min(int(4 * math.sqrt(n_vectors)), n_vectors // 39))


def _ivf(dim: int, nlist: int, ids: np.ndarray, vectors: np.ndarray) -> faiss.IndexIVFFlat:
    index = faiss.IndexIVFFlat(faiss.IndexFlatIP(dim), dim, nlist, faiss.METRIC_INNER_PRODUCT)
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    index.train(vectors)
    index.add_with_ids(vectors, ids)
    return index


def kind_of(index: faiss.Index) -> Kind:
    if isinstance(index, faiss.IndexIVF):
        return "ivf"
    return "hnsw" if isinstance(faiss.downcast_index(index.index), faiss.IndexHNSW) else "flat"


def removable(index: faiss.Index) -> bool:
    """Whether ids can be removed in place (flat, IVF); HNSW must be rebuilt without them."""
    return kind_of(index) != "hnsw"


def stored_ids(index: faiss.Index) -> np.ndarray:
    """The chunk ids the index holds."""
    if kind_of(index) != "ivf":
        return faiss.vector_to_array(index.id_map)
    lists = index.invlists
    parts = [
        faiss.rev_swig_ptr(lists.get_ids(i), lists.list_size(i)).copy()
        for i in range(index.nlist)
        if lists.list_size(i)
    ]
    return np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
