"""Query latency (embed + search + fetch through Retriever.search) on a large store.

    python bench/latency.py [--chunks 100000] [--queries 50]

data/docs is ingested for real, then the store is padded with synthetic chunks written
straight through FaissStore.replace_file in batches: random unit vectors (nothing is embedded)
and 30-word texts drawn from data/docs' own words at their corpus frequencies, so the FTS5
keyword side sees realistic posting lists. Real eval questions are then timed end to end, and
step by step (query embedding, FAISS flat search, BM25 search, docstore fetch). The same
queries are also timed with one OpenMP thread (torch and FAISS share the setting): one short
query gains nothing from a second thread, and on a loaded machine waiting for it at every
parallel region costs far more than the work. BM25 is also timed with common question words
(STOP_WORDS) left out of the match expression. Run it with OMP_WAIT_POLICY=PASSIVE in the
environment to see how much of the two-thread cost is threads spinning while they wait.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
import torch  # noqa: E402

from bench.retrieval import load_questions, print_table  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.schema import Chunk  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, Settings  # noqa: E402
from rag.store import FaissStore, FileRecord  # noqa: E402

DOCS = PROJECT_ROOT / "data" / "docs"
# Question words that match most chunks: they add BM25 work at 100k chunks, little ranking.
STOP_WORDS = set(
    "a an and are as at be by can do does for from how i if in is it my of on or the to what"
    " when where which who why will with you your".split()
)


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


def query_latency(base: LocalEmbedder, n_chunks: int, folder: Path, n_queries: int = 50) -> None:
    settings = Settings(store={"path": folder})
    retrieval = settings.retrieval
    store = open_store(settings, base)
    try:
        Ingester(settings, store, base).run([DOCS], progress=False)
        started = time.perf_counter()
        pad_store(store, n_chunks)
        build = time.perf_counter() - started
        answerable, _ = load_questions()
        queries = [q["question"] for q in answerable][:n_queries]
        print(
            f"\nquery latency: {store.count()} chunks ({n_chunks} synthetic, written in "
            f"{build:.0f} s), {len(queries)} eval questions, top_k={retrieval.top_k}, "
            f"fetch_k={retrieval.fetch_k}, load average {os.getloadavg()[0]:.1f}, "
            f"OMP_WAIT_POLICY={os.environ.get('OMP_WAIT_POLICY', 'unset')}"
        )
        parts: dict[str, list[float]] = {}

        def clock(name, fn, *args):
            t0 = time.perf_counter()
            out = fn(*args)
            parts.setdefault(name, []).append((time.perf_counter() - t0) * 1000)
            return out

        hybrid = Retriever(store, base, retrieval)
        vector = Retriever(store, base, retrieval.model_copy(update={"hybrid": False}))
        for q in queries[:3]:
            hybrid.search(q)  # warm-up
        threads = torch.get_num_threads()
        for q in queries:
            clock(f"Retriever.search, hybrid, {threads} threads", hybrid.search, q)
            clock(f"Retriever.search, vector only, {threads} threads", vector.search, q)
            qv = clock(f"  embed query, {threads} threads", base.encode, [q])[0]
            ids = [i for i, _ in clock(f"  FAISS flat search, {threads} threads", store.search,
                                       qv, retrieval.fetch_k)]  # fmt: skip
            found = clock("  FTS5 BM25 search", store.keyword_search, q, retrieval.fetch_k)
            ids += [i for i, _ in found]
            short = " ".join(w for w in re.findall(r"\w+", q.lower()) if w not in STOP_WORDS)
            clock("  FTS5 BM25 search, stop words dropped", store.keyword_search, short, 20)
            clock("  fetch chunks + vectors", store.get_chunks, list(dict.fromkeys(ids)))
            # torch and FAISS share one OpenMP thread setting: this sets both.
            torch.set_num_threads(1)
            try:
                clock("Retriever.search, hybrid, 1 thread", hybrid.search, q)
                clock("  embed query, 1 thread", base.encode, [q])
                clock("  FAISS flat search, 1 thread", store.search, qv, retrieval.fetch_k)
            finally:
                torch.set_num_threads(threads)
        rows = [[k, *np.percentile(v, [50, 95]).tolist()] for k, v in parts.items()]
        print_table(["step", "p50 ms", "p95 ms"], rows)
    finally:
        store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=100_000, help="synthetic chunks to add")
    parser.add_argument("--queries", type=int, default=50)
    args = parser.parse_args()
    base = LocalEmbedder(EmbeddingSettings(device="cpu"))
    with tempfile.TemporaryDirectory(prefix="ragchat-bench-") as tmp:
        query_latency(base, args.chunks, Path(tmp) / "index", args.queries)


if __name__ == "__main__":
    main()
