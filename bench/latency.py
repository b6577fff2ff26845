"""Query latency (embed + search + fetch through Retriever.search) on a large store.

    python bench/latency.py [--chunks 100000] [--queries 50]

data/docs is ingested for real, then the store is padded with synthetic chunks written
straight through FaissStore.replace_file in batches: random unit vectors (nothing is embedded)
and 30-word texts drawn from data/docs' own words at their corpus frequencies, so the FTS5
keyword side sees realistic posting lists. Real eval questions are then timed end to end, and
step by step (query embedding, FAISS flat search, BM25 search, docstore fetch), each with 1
and 2 threads (torch and FAISS), first as the machine is, then with a process spinning on one
core (what a page, an ingest or a model does to a user's machine): one short
query gains nothing from a second thread, and on a loaded machine waiting for it at every
parallel region costs far more than the work. BM25 is timed for several match expressions,
alternated per query: every word (the old query), stop words dropped, as prefixes, NEAR, and
keyword_search itself (rarest 5 words by document frequency) on FTS5 (lookup uncached) and on
the in-memory postings (store.keyword_index: memory, the default; rag/keyword_memory.py).
Then flat vs HNSW (store.index) from 5k to --chunks vectors, p50 and recall@10 (bench/ann.py);
--index-only runs just that. Run it with OMP_WAIT_POLICY=PASSIVE in the environment to see
how much of the two-thread cost is threads spinning while they wait.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import re
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import Future
from contextlib import contextmanager
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import faiss  # noqa: E402
import numpy as np  # noqa: E402
import torch  # noqa: E402

from bench import ann  # noqa: E402
from bench.retrieval import load_questions, print_table  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag import retriever as retriever_module  # noqa: E402
from rag.components import faiss_index_choice, open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.keyword_query import match_expression, query_words  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.schema import Chunk  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, Settings  # noqa: E402
from rag.store import FaissStore, FileRecord  # noqa: E402

DOCS = PROJECT_ROOT / "data" / "docs"


def pad_store(store: FaissStore, n_chunks: int, batch: int = 10_000, seed: int = 0) -> None:
    """Add n_chunks synthetic chunks, one synthetic 'file' per batch, one transaction each."""
    rows = store.db.execute("SELECT text FROM chunks").fetchall()
    words = re.findall(r"\w+", " ".join(r[0] for r in rows))
    rng = np.random.default_rng(seed)
    for b, start in enumerate(range(0, n_chunks, batch)):
        n = min(batch, n_chunks - start)
        vectors = rng.standard_normal((n, store.dim)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        picks = rng.integers(0, len(words), size=(n, 30))
        path, source = f"/synthetic/{b}.txt", f"synthetic/{b}.txt"
        chunks = [
            Chunk(" ".join(words[j] for j in row), source, path, i, f"synthetic-{b}-{i}")
            for i, row in enumerate(picks)
        ]
        store.replace_file(FileRecord(path, source, "-", 0, 0.0, n, ""), chunks, vectors)
    store.flush()


def spin() -> None:
    """A busy loop: another process holding one core, as a page, an ingest or a model would."""
    while True:
        pass


@contextmanager
def busy_core(on: bool) -> Iterator[None]:
    if not on:
        yield
        return
    proc = multiprocessing.get_context("spawn").Process(target=spin, daemon=True)
    proc.start()
    time.sleep(0.5)
    try:
        yield
    finally:
        proc.terminate()
        proc.join()


class InlineExecutor:
    """An executor that runs the call at once, in the caller's thread: the sides in turn."""

    def submit(self, fn, *args) -> Future:
        done: Future = Future()
        done.set_result(fn(*args))
        return done


def set_threads(n: int) -> None:
    """torch and FAISS both to n threads in this thread (one OpenMP runtime or two)."""
    torch.set_num_threads(n)
    faiss.omp_set_num_threads(n)


def time_steps(store: FaissStore, base: LocalEmbedder, retrieval, queries: list[str],
               batch: list[str]) -> dict[str, list[float]]:  # fmt: skip
    """Each step with 1 and 2 threads, the order alternated per query so load drifts cancel."""
    parts: dict[str, list[float]] = {}

    def clock(name, fn, *args):
        t0 = time.perf_counter()
        out = fn(*args)
        parts.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
        return out

    hybrid = Retriever(store, base, retrieval)
    # The keyword side beside the vector side (the default) or after it, alternated per
    # query, reranking off: what running the two sides at once saves.
    plain = Retriever(store, base, retrieval.model_copy(update={"rerank": "none"}))
    beside = retriever_module._KEYWORD_THREADS
    for j, q in enumerate(queries):
        set_threads(1)
        store.search_threads = 1
        # (label, keywords after the vector side, BM25 from the in-memory postings)
        variants = [
            ("beside the vector side", False, True),
            ("after the vector side", True, True),
            ("beside the vector side, on FTS5", False, False),
        ]
        for side, in_turn, in_memory in variants[j % 3 :] + variants[: j % 3]:
            retriever_module._KEYWORD_THREADS = InlineExecutor() if in_turn else beside
            store._keywords.in_memory = in_memory
            clock(f"Retriever.search, hybrid, rerank none, keywords {side}", plain.search, q)
        retriever_module._KEYWORD_THREADS = beside
        store._keywords.in_memory = True
        for n in (1, 2) if j % 2 else (2, 1):
            set_threads(n)
            t = f"{n} thread{'s' if n > 1 else ''}"
            # Retriever.search sets FAISS's count itself: give it the same n.
            store.search_threads = n
            clock(f"Retriever.search, hybrid, {t}", hybrid.search, q)
            qv = clock(f"  embed query, {t}", base.encode, [q])[0]
            clock(f"  FAISS flat search, {t}", store.search, qv, retrieval.fetch_k)
            if j < 4:  # a batch of chunks, as ingest encodes them (per chunk, not per query)
                t0 = time.perf_counter()
                base.encode(batch)
                ms = (time.perf_counter() - t0) * 1000 / len(batch)
                parts.setdefault(f"  embed {len(batch)} chunks (ms/chunk), {t}", []).append(ms)
        words = re.findall(r"\w+", q.lower())
        kept = query_words(q)
        variants = {
            "  FTS5 BM25, every word (before)": " OR ".join(f'"{w}"' for w in words),
            "  FTS5 BM25, stop words dropped": match_expression(kept),
            "  FTS5 BM25, stop words dropped, prefix": " OR ".join(f'"{w}"*' for w in kept),
            "  FTS5 BM25, stop words dropped, NEAR/10": near(kept),
        }
        for name, match in variants.items() if j % 2 else reversed(variants.items()):
            clock(name, fts, store, match, retrieval.fetch_k)
        keywords = store._keywords
        keywords._doc_freq._generation = None  # timed with its doc-frequency lookup uncached
        keywords.in_memory = False
        clock(
            "  FTS5 BM25, keyword_search: rarest 5 (store.keyword_index: fts5)",
            store.keyword_search, q, retrieval.fetch_k,
        )  # fmt: skip
        keywords.in_memory = True
        found = clock(
            "  in-memory BM25, keyword_search: rarest 5 (store.keyword_index: memory, default)",
            store.keyword_search, q, retrieval.fetch_k,
        )  # fmt: skip
        doc_freq = store._keywords._doc_freq
        clock("  doc frequencies from fts5vocab (uncached)", doc_freq, kept, object())
        clock("  fetch chunks + vectors", store.get_chunks, [i for i, _ in found])
    set_threads(1)
    return parts


def near(words: list[str]) -> str:
    """All the words within 10 tokens of each other."""
    return "NEAR(" + " ".join(f'"{w}"' for w in words) + ", 10)"


def fts(store: FaissStore, match: str, k: int) -> list:
    return store.db.execute(
        "SELECT rowid, bm25(chunks_fts) FROM chunks_fts WHERE chunks_fts MATCH ?"
        " ORDER BY bm25(chunks_fts) LIMIT ?",
        (match, k),
    ).fetchall()


def query_latency(
    base: LocalEmbedder,
    n_chunks: int,
    folder: Path,
    n_queries: int = 50,
    then: tuple[str, ...] = (),
) -> None:
    # The steps time FAISS flat search, the exact baseline; `--then auto` times the default
    # (IVF at 100k chunks) on the same store, rebuilt from its vectors.
    settings = Settings(store={"path": folder, "index": "flat"})
    retrieval = settings.retrieval
    store = open_store(settings, base)
    try:
        Ingester(settings, store, base).run([DOCS], progress=False)
        started = time.perf_counter()
        pad_store(store, n_chunks)
        build = time.perf_counter() - started
        started = time.perf_counter()
        assert store._keywords.wait_for_memory_index(timeout=600)
        postings = time.perf_counter() - started
        answerable, _ = load_questions()
        queries = [q["question"] for q in answerable][:n_queries]
        batch = [r[0] for r in store.db.execute("SELECT text FROM chunks LIMIT 32")]
        print(
            f"\nquery latency: {store.count()} chunks ({n_chunks} synthetic, written in "
            f"{build:.0f} s; keyword postings read into memory in {postings:.1f} s, "
            f"{store._keywords._index.memory_bytes / 1e6:.0f} MB), {len(queries)} eval "
            f"questions, top_k={retrieval.top_k}, "
            f"fetch_k={retrieval.fetch_k}, OMP_WAIT_POLICY="
            f"{os.environ.get('OMP_WAIT_POLICY', 'unset')}, {os.cpu_count()} cores"
        )
        hybrid = Retriever(store, base, retrieval)
        for q in queries[:3]:
            hybrid.search(q)  # warm-up
        for busy in (False, True):
            with busy_core(busy):
                load = os.getloadavg()[0]
                parts = time_steps(store, base, retrieval, queries, batch)
                load = (load + os.getloadavg()[0]) / 2
            label = "one core busy (a spinning process)" if busy else "no extra load"
            print(f"\n{label}, load average {load:.1f} (mean of start and end)")
            rows = [[k, *np.percentile(v, [50, 95]).tolist()] for k, v in parts.items()]
            print_table(["step", "p50 ms", "p95 ms"], rows)
            ratios = [
                [k.replace(", 1 thread", ""), float(np.median(parts[k2]) / np.median(v))]
                for k, v in parts.items()
                if k.endswith(", 1 thread") and (k2 := k.replace("1 thread", "2 threads")) in parts
            ]
            print_table(["step", "2 threads / 1 thread (p50)"], ratios)
        for kind in then:
            store.close()
            store = open_store(Settings(store={"path": folder, "index": kind}), base)
            approximate_latency(kind, store, base, retrieval, queries)
    finally:
        store.close()


def approximate_latency(
    kind: str, store, base: LocalEmbedder, retrieval, queries: list[str]
) -> None:
    """The hybrid search (rerank none, keywords beside) with HNSW or IVF as the vector side."""
    assert store._keywords.wait_for_memory_index(timeout=600)
    plain = Retriever(store, base, retrieval.model_copy(update={"rerank": "none"}))
    set_threads(1)
    for q in queries[:3]:
        plain.search(q)  # warm-up
    for busy in (False, True):
        with busy_core(busy):
            load = os.getloadavg()[0]
            times = []
            for q in queries:
                t0 = time.perf_counter()
                plain.search(q)
                times.append((time.perf_counter() - t0) * 1000)
            load = (load + os.getloadavg()[0]) / 2
        p50, p95 = np.percentile(times, [50, 95])
        label = "one core busy" if busy else "no extra load"
        print(
            f"\nstore.index {kind}, {label}: Retriever.search, hybrid, rerank none, keywords "
            f"beside p50 {p50:.1f} ms, p95 {p95:.1f} ms (load average {load:.1f})"
        )


def index_comparison(base: LocalEmbedder, n_max: int, folder: Path) -> None:
    """Flat vs HNSW on synthetic sets around data/docs' real vectors (bench/ann.py)."""
    real, questions = ann.real_vectors_and_questions(base, folder)
    choice = faiss_index_choice(Settings(store={"path": folder}))
    load = os.getloadavg()[0]
    tables = ann.run(real, questions, n_max, choice)
    load = (load + os.getloadavg()[0]) / 2
    print(
        f"\nflat vs HNSW (M={choice.hnsw_m}, efConstruction={choice.ef_construction}, "
        f"efSearch={choice.ef_search}), {len(real)} real vectors, {len(questions)} eval "
        f"questions, 1 FAISS thread per query, load average {load:.1f} (mean of start and end)"
    )
    head = ["vectors", "flat p50 ms", "HNSW p50 ms", "flat / HNSW", "HNSW add s", "recall@10"]
    for name, rows in tables.items():
        print(f"\n{name}")
        print_table(head, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=100_000, help="synthetic chunks to add")
    parser.add_argument("--queries", type=int, default=50)
    parser.add_argument("--index-only", action="store_true", help="only flat vs HNSW")
    parser.add_argument("--latency-only", action="store_true", help="no flat vs HNSW table")
    parser.add_argument(
        "--then",
        nargs="+",
        choices=["auto", "flat", "hnsw", "ivf"],
        default=[],
        help="then the hybrid search with these store.index kinds (rebuilt from the vectors)",
    )
    args = parser.parse_args()
    base = LocalEmbedder(EmbeddingSettings(device="cpu"))
    with tempfile.TemporaryDirectory(prefix="ragchat-bench-") as tmp:
        if not args.index_only:
            query_latency(base, args.chunks, Path(tmp) / "index", args.queries, tuple(args.then))
        if not args.latency_only:
            index_comparison(base, args.chunks, Path(tmp) / "ann-index")


if __name__ == "__main__":
    main()
