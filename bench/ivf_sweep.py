"""IVF parameters against recall@10 and p50: store.ivf_nlist and store.ivf_nprobe.

    python bench/ivf_sweep.py [--vectors 100000] [--set near-real|spread2]
        [--nlist 0 ...] [--nprobe 8 16 32 64 128] [--no-removal]

One IVF index per nlist (0: the store's rule, rag.faiss_index.ivf_lists), trained and filled
with FAISS's default threads as a rebuild runs; each nprobe is then set on the same index (per
query, no rebuild) and timed one query at a time with one FAISS thread (the store's default).
Recall@10 is against exact flat search on the same vectors. Then what a store's re-ingest of one
file costs: removing 200 ids in place from IVF, against rebuilding an HNSW graph without them
(FAISS cannot remove from HNSW). Sets as in bench/hnsw_sweep.py.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import faiss  # noqa: E402
import numpy as np  # noqa: E402

from bench import ann  # noqa: E402
from bench.hnsw_sweep import K, data_and_queries  # noqa: E402
from bench.retrieval import print_table  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.faiss_index import IndexChoice  # noqa: E402
from rag.settings import EmbeddingSettings  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=int, default=100_000)
    parser.add_argument("--set", choices=["near-real", "spread2"], default="near-real")
    parser.add_argument("--nlist", type=int, nargs="+", default=[0])
    parser.add_argument("--nprobe", type=int, nargs="+", default=[8, 16, 32, 64, 128])
    parser.add_argument(
        "--no-removal", action="store_true", help="skip the removal against an HNSW rebuild "
        "(the rebuild takes ~10 minutes at 1M vectors)",
    )  # fmt: skip
    args = parser.parse_args()
    base = LocalEmbedder(EmbeddingSettings(device="cpu"))
    data, queries = data_and_queries(args.set, args.vectors, base)
    ids = np.arange(len(data), dtype=np.int64)
    flat = IndexChoice("flat").build(data.shape[1], ids, data)
    faiss.omp_set_num_threads(1)
    _, exact = flat.search(queries, K)
    flat_ms = ann.p50_ms(flat, queries, K)
    print(f"{args.set}, {len(data)} vectors, {len(queries)} queries, flat p50 {flat_ms:.2f} ms")
    print(f"load average {os.getloadavg()[0]:.1f}")
    rows = []
    for nlist in args.nlist:
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        t0 = time.perf_counter()
        index = IndexChoice("ivf", ivf_nlist=nlist).build(data.shape[1], ids, data)
        build_s = time.perf_counter() - t0
        faiss.omp_set_num_threads(1)
        for nprobe in args.nprobe:
            index.nprobe = nprobe
            _, approx = index.search(queries, K)
            recall = np.mean([len(set(a) & set(b)) / K for a, b in zip(exact, approx, strict=True)])
            ms = ann.p50_ms(index, queries, K)
            rows.append([index.nlist, nprobe, ms, flat_ms / ms, build_s, float(recall)])
    head = ["nlist", "nprobe", "p50 ms", "flat / IVF", "train + add s", "recall@10"]
    print_table(head, rows)
    if not args.no_removal:
        compare_removal(index, data, ids)
    print(f"load average {os.getloadavg()[0]:.1f}")


def compare_removal(index: faiss.IndexIVF, data: np.ndarray, ids: np.ndarray) -> None:
    removed = ids[:: max(1, len(ids) // 200)][:200]
    faiss.omp_set_num_threads(os.cpu_count() or 1)
    t0 = time.perf_counter()
    index.remove_ids(removed)
    remove_ms = (time.perf_counter() - t0) * 1000
    keep = np.setdiff1d(ids, removed)
    t0 = time.perf_counter()
    IndexChoice("hnsw").build(data.shape[1], keep, data[keep])
    rebuild_s = time.perf_counter() - t0
    print(f"remove 200 ids: IVF in place {remove_ms:.1f} ms; HNSW rebuilt in {rebuild_s:.1f} s")


if __name__ == "__main__":
    main()
