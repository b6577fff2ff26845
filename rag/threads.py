"""CPU threads for query-time work: torch's (the query embedding) and FAISS's (vector search).

One short query gains nothing from a second thread, and on a machine where another process
holds a core, torch's second OpenMP thread waits at every parallel region for a core it
rarely gets. Measured with bench/latency.py at 100k chunks (README, "Query latency"): the
single-query embedding took 480 ms with torch's default 2 threads and 14 ms with 1 while
another job used a core, and FAISS flat search 47 ms vs 6.6 ms. Hence 0 (the default of
`embedding.threads` and `retrieval.threads`) means 1 thread on CPU.

torch keeps one count per process (threads started later take it from there); an OpenMP
count is per thread, so FAISS's is set around each search in the calling thread. Whether
torch and FAISS share one OpenMP runtime depends on which is imported first; setting and
restoring FAISS's count in the calling thread is right either way.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

# 0 in settings: the count measured best for one query on 2 cores, idle and busy.
MEASURED_EMBEDDING_THREADS = 1
MEASURED_SEARCH_THREADS = 1


def embedding_threads(setting: int) -> int:
    return setting or MEASURED_EMBEDDING_THREADS


def search_threads(setting: int) -> int:
    return setting or MEASURED_SEARCH_THREADS


def set_torch_threads(setting: int) -> int:
    """Set torch's intra-op threads for this process from `embedding.threads`; returns it."""
    import torch

    n = embedding_threads(setting)
    if torch.get_num_threads() != n:
        torch.set_num_threads(n)
    return n


@contextmanager
def faiss_threads(n: int) -> Iterator[None]:
    """FAISS's OpenMP thread count for the calling thread, restored afterwards."""
    import faiss

    before = faiss.omp_get_max_threads()
    if before == n:
        yield
        return
    faiss.omp_set_num_threads(n)
    try:
        yield
    finally:
        faiss.omp_set_num_threads(before)
