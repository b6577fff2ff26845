"""A GPU copy of the FAISS index for search, when faiss-gpu and a CUDA device are there.

The CPU index stays the one that is changed and written to disk (so the file is the same
whichever build wrote it); the GPU copy holds only the inner flat index and is rebuilt on the
first search after a change. Ids are mapped back through the ID map, which keeps the inner
index's order, so nothing depends on which FAISS index types the GPU cloner accepts.
"""

from __future__ import annotations

import faiss
import numpy as np


def gpu_count() -> int:
    """CUDA devices FAISS can use: 0 with faiss-cpu (which has no GPU code at all)."""
    get = getattr(faiss, "get_num_gpus", None)
    return get() if get else 0


class GpuSearch:
    """Exact inner-product search on device 0 over a CPU `IndexIDMap2(IndexFlatIP)`."""

    def __init__(self) -> None:
        self._resources = faiss.StandardGpuResources()
        self._index: faiss.Index | None = None
        self._ids: np.ndarray | None = None

    def invalidate(self) -> None:
        self._index = None

    def search(self, cpu: faiss.IndexIDMap2, query: np.ndarray, k: int) -> tuple[np.ndarray, ...]:
        if self._index is None:
            inner = faiss.downcast_index(cpu.index)
            self._index = faiss.index_cpu_to_gpu(self._resources, 0, inner)
            self._ids = faiss.vector_to_array(cpu.id_map)
        scores, rows = self._index.search(query, min(k, self._index.ntotal))
        ids = np.where(rows >= 0, self._ids[np.clip(rows, 0, None)], -1)
        return scores, ids
