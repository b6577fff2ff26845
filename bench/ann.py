"""Flat vs HNSW (store.index): single-query p50 and recall@10 as the store grows.

Two synthetic sets, grown to each size by adding to the same two indexes (FAISS HNSW adds
incrementally, as a store's ingest does):
- near-real: each vector a random mix of two real chunk vectors (data/docs, embedded) plus
  noise of norm 0.5, renormalised, so the set has the structure of real embeddings; queried
  with the eval questions' embeddings. This is what store.auto_above is chosen on.
- iid random: unit Gaussian vectors queried with unit Gaussian vectors, HNSW's worst case (in
  384-d every point is nearly as far as every other; no embedding model makes such data).
Timed one query at a time with one FAISS thread (the store's default, rag.threads).
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import faiss
import numpy as np

from bench.retrieval import load_questions
from ingest.pipeline import Ingester
from rag.components import open_store
from rag.embeddings import LocalEmbedder
from rag.faiss_index import IndexChoice
from rag.settings import PROJECT_ROOT, Settings


def real_vectors_and_questions(base: LocalEmbedder, folder: Path) -> tuple[np.ndarray, np.ndarray]:
    """data/docs' chunk vectors (ingested into `folder` if empty) and the eval questions'."""
    settings = Settings(store={"path": folder})
    store = open_store(settings, base)
    try:
        if not store.count():
            Ingester(settings, store, base).run([PROJECT_ROOT / "data" / "docs"], progress=False)
        _, real = store._all_vectors()
    finally:
        store.close()
    answerable, _ = load_questions()
    return real, base.encode([q["question"] for q in answerable])


def near_real(real: np.ndarray, n: int, rng: np.random.Generator) -> np.ndarray:
    a, b = real[rng.integers(0, len(real), n)], real[rng.integers(0, len(real), n)]
    w = rng.random((n, 1), dtype=np.float32)
    noise = rng.standard_normal((n, real.shape[1])).astype(np.float32)
    x = w * a + (1 - w) * b + 0.5 * noise / np.linalg.norm(noise, axis=1, keepdims=True)
    return unit(x)


def unit(x: np.ndarray) -> np.ndarray:
    return (x / np.linalg.norm(x, axis=1, keepdims=True)).astype(np.float32)


def p50_ms(index: faiss.Index, queries: np.ndarray, k: int) -> float:
    times = []
    for q in queries:
        t0 = time.perf_counter()
        index.search(q[None], k)
        times.append((time.perf_counter() - t0) * 1000)
    return float(np.median(times))


def compare(
    data: np.ndarray, queries: np.ndarray, sizes: list[int], choice: IndexChoice, k: int = 10
) -> list[list]:
    """Rows of size, flat p50, HNSW p50, flat/HNSW, HNSW add time, recall@10 vs flat."""
    dim = data.shape[1]
    flat = IndexChoice("flat").build(dim, np.zeros(0, np.int64), data[:0])
    hnsw = IndexChoice("hnsw", choice.hnsw_m, choice.ef_construction, choice.ef_search).build(
        dim, np.zeros(0, np.int64), data[:0]
    )
    rows, have, build_s = [], 0, 0.0
    for size in sizes:
        ids = np.arange(have, size, dtype=np.int64)
        flat.add_with_ids(data[have:size], ids)
        t0 = time.perf_counter()
        hnsw.add_with_ids(data[have:size], ids)  # FAISS's default threads, as a rebuild runs
        build_s += time.perf_counter() - t0
        have = size
        faiss.omp_set_num_threads(1)
        f_ms, h_ms = p50_ms(flat, queries, k), p50_ms(hnsw, queries, k)
        _, exact = flat.search(queries, k)
        _, approx = hnsw.search(queries, k)
        faiss.omp_set_num_threads(os.cpu_count() or 1)
        recall = np.mean([len(set(a) & set(b)) / k for a, b in zip(exact, approx, strict=True)])
        rows.append([size, f_ms, h_ms, f_ms / h_ms, build_s, float(recall)])
    return rows


def run(real: np.ndarray, questions: np.ndarray, n_max: int, choice: IndexChoice) -> dict:
    """Both sets at 5k … n_max; returns {set name: rows}."""
    rng = np.random.default_rng(0)
    sizes = sorted({s for s in (5_000, 10_000, 25_000, 50_000, n_max) if s <= n_max})
    dim = real.shape[1]
    return {
        "near-real, eval questions": compare(near_real(real, n_max, rng), questions, sizes, choice),
        "iid random, random queries": compare(
            unit(rng.standard_normal((n_max, dim))),
            unit(rng.standard_normal((50, dim))),
            sizes,
            choice,
        ),  # fmt: skip
    }
