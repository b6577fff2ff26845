"""Searching one collection of a larger index: ID selector vs fetching more and filtering.

Clustered unit vectors (closer to real embeddings than uniform noise) in one FAISS index; a
"collection" is a random share of them. For each share: recall@10 against the exact top 10
within the collection, and ms per query, for
- over-fetch: the unfiltered search's top 50 (retrieval.fetch_k's size), then the allowed ones;
- HNSW + selector: the graph search that skips ids outside the collection;
- store: what rag.store_filter.scoped_search does (flat + selector, or exact over the scope's
  stored vectors when it is small, else HNSW + selector).
Ratios are against the unfiltered search in the same run.

    python -m bench.collections [--n 50000] [--queries 100]
"""

from __future__ import annotations

import argparse
import time

import faiss
import numpy as np

from rag.faiss_index import IndexChoice
from rag.store_filter import scoped_search


def clustered(n: int, dim: int, rng: np.random.Generator) -> np.ndarray:
    centers = rng.normal(size=(200, dim)).astype(np.float32)
    x = centers[rng.integers(0, 200, n)] + 0.6 * rng.normal(size=(n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def recall(found: np.ndarray, exact: np.ndarray, k: int) -> float:
    return float(
        np.mean(
            [len(set(f[f >= 0]) & set(e[e >= 0])) / k for f, e in zip(found, exact, strict=True)]
        )
    )


def timed(fn) -> tuple[np.ndarray, float]:
    started = time.perf_counter()
    out = fn()
    return out, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=50_000)
    parser.add_argument("--queries", type=int, default=100)
    args = parser.parse_args()
    rng = np.random.default_rng(0)
    dim, k = 384, 10
    x = clustered(args.n, dim, rng)
    ids = np.arange(1, args.n + 1, dtype=np.int64)
    choice = IndexChoice("hnsw")
    hnsw, flat = choice.build(dim, ids, x), IndexChoice("flat").build(dim, ids, x)
    qs = x[rng.choice(args.n, args.queries, replace=False)]
    qs = qs + 0.3 * rng.normal(size=qs.shape).astype(np.float32)
    qs /= np.linalg.norm(qs, axis=1, keepdims=True)
    faiss.omp_set_num_threads(1)
    _, plain = timed(lambda: hnsw.search(qs, k))
    print(
        f"{args.n} vectors, {args.queries} queries; "
        f"unfiltered HNSW {plain * 1e3 / len(qs):.2f} ms/q"
    )
    print(
        "share | over-fetch 50 | HNSW+selector | store (scoped_search) | store ms/q vs unfiltered"
    )
    for share in (0.01, 0.05, 0.2, 0.5, 0.9):
        allowed = np.sort(rng.choice(ids, int(args.n * share), replace=False))
        params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed))
        _, exact = flat.search(qs, k, params=params)
        _, over = hnsw.search(qs, 50)
        keep = np.isin(over, allowed)
        over_k = np.array([np.pad(o[m][:k], (0, max(0, k - m.sum())), constant_values=-1)
                           for o, m in zip(over, keep, strict=True)])  # fmt: skip
        hp = faiss.SearchParametersHNSW(sel=faiss.IDSelectorBatch(allowed), efSearch=256)
        (_, graph), _ = timed(lambda hp=hp: hnsw.search(qs, k, params=hp))
        selector = faiss.IDSelectorBatch(allowed)  # the store keeps one per scope
        rows, store_s = [], 0.0
        for q in qs:
            (_, got), s = timed(
                lambda q=q, a=allowed, s=selector: scoped_search(hnsw, q[None], k, a, choice, s)
            )
            rows.append(got[0])
            store_s += s
        store = np.array(rows)
        print(
            f"{share:5.2f} | recall {recall(over_k, exact, k):.3f} | "
            f"recall {recall(graph, exact, k):.3f} | recall {recall(store, exact, k):.3f} "
            f"{store_s * 1e3 / len(qs):.2f} ms/q | {store_s / plain:.2f}x"
        )


if __name__ == "__main__":
    main()
