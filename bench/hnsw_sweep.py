"""HNSW parameters against recall@10 and p50: store.hnsw_m, hnsw_ef_construction, faiss_ef_search.

    python bench/hnsw_sweep.py [--vectors 100000] [--set near-real|spread2]
        [--m 16 32 48] [--ef-construction 64 200] [--ef-search 128 256 512 1000]

One graph per (M, efConstruction), built with FAISS's default threads as a rebuild runs; each
efSearch is then set on the same graph (FAISS applies it per query, no rebuild) and timed one
query at a time with one FAISS thread (the store's default). Recall@10 is against exact flat
search on the same vectors. Sets (bench/ann.py, bench/stores.py):
- near-real: mixes of two real data/docs chunk vectors plus noise, queried with the eval
  questions' embeddings; what the store's defaults are chosen on.
- spread2: unit vectors around 1,000 random centres with noise of length 2 (pairs in a cluster
  at cosine ~0.2), queried with 200 more from the same generator; nearly unstructured, far
  harder than any embedding model's output.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import faiss  # noqa: E402
import numpy as np  # noqa: E402

from bench import ann  # noqa: E402
from bench.retrieval import print_table  # noqa: E402
from bench.stores import synthetic  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.faiss_index import IndexChoice  # noqa: E402
from rag.settings import EmbeddingSettings  # noqa: E402

K = 10


def data_and_queries(name: str, n: int, base: LocalEmbedder) -> tuple[np.ndarray, np.ndarray]:
    if name == "spread2":
        rng = np.random.default_rng(0)
        centres = ann.unit(rng.standard_normal((1000, base.dim)))
        return synthetic(n, base.dim, 1, centres, 2.0), synthetic(200, base.dim, 2, centres, 2.0)
    with tempfile.TemporaryDirectory(prefix="ragchat-sweep-") as tmp:
        real, questions = ann.real_vectors_and_questions(base, Path(tmp))
    return ann.near_real(real, n, np.random.default_rng(0)), questions


def sweep(
    data: np.ndarray, queries: np.ndarray, ms: list[int], efcs: list[int], efss: list[int]
) -> list[list]:
    threads = os.cpu_count() or 1
    exact = faiss.IndexFlatIP(data.shape[1])
    exact.add(data)
    _, truth = exact.search(queries, K)
    faiss.omp_set_num_threads(1)
    print(f"flat p50 {ann.p50_ms(exact, queries, K):.3f} ms (1 thread)", flush=True)
    faiss.omp_set_num_threads(threads)
    rows = []
    for m in ms:
        for efc in efcs:
            t0 = time.perf_counter()
            index = IndexChoice("hnsw", m, efc).build(
                data.shape[1], np.arange(len(data), dtype=np.int64), data
            )
            build_s = time.perf_counter() - t0
            graph = faiss.downcast_index(index.index).hnsw
            for efs in efss:
                graph.efSearch = efs
                faiss.omp_set_num_threads(1)
                p50 = ann.p50_ms(index, queries, K)
                faiss.omp_set_num_threads(threads)
                _, found = index.search(queries, K)
                recall = np.mean(
                    [len(set(a) & set(b)) / K for a, b in zip(truth, found, strict=True)]
                )
                rows.append([m, efc, build_s, efs, p50, float(recall)])
                print(f"  M={m} efC={efc} efS={efs}: {p50:.3f} ms, recall {recall:.3f}", flush=True)
            del index
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--vectors", type=int, default=100_000)
    parser.add_argument("--set", choices=["near-real", "spread2"], default="near-real")
    parser.add_argument("--m", type=int, nargs="+", default=[16, 32, 48])
    parser.add_argument("--ef-construction", type=int, nargs="+", default=[64, 200])
    parser.add_argument("--ef-search", type=int, nargs="+", default=[128, 256, 512, 1000])
    args = parser.parse_args()
    data, queries = data_and_queries(args.set, args.vectors, LocalEmbedder(EmbeddingSettings()))
    load = os.getloadavg()[0]
    rows = sweep(data, queries, args.m, args.ef_construction, args.ef_search)
    load = (load + os.getloadavg()[0]) / 2
    print(
        f"\n{args.set}, {len(data)} vectors, {len(queries)} queries, 1 FAISS thread per query, "
        f"load average {load:.1f} (mean of start and end)"
    )
    head = ["M", "efConstruction", "build s", "efSearch", "p50 ms", "recall@10"]
    print_table(head, rows)


if __name__ == "__main__":
    main()
