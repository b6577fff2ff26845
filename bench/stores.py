"""FAISS flat, FAISS HNSW, pgvector HNSW: search latency, recall@10 against exact search,
build time, disk size.

    python bench/stores.py [--synthetic 100000] [--queries 200] [--spread 1.0] [--url postgresql://…]
                           [--keyword-queries 0] [--hnsw-build-mb 3500]

Without --url (or RAGCHAT_TEST_POSTGRES_URL) a PostgreSQL with pgvector is started from the
`pgserver` package in a temp folder (unix socket, default server settings: shared_buffers
128 MB) and removed at the end. Two data sets:
- data/docs: ingested into FAISS for real (all-MiniLM-L6-v2), copied into pgvector from the
  stored vectors (rag.store_copy); queries are the eval questions. Also hybrid hit@5 of the
  Retriever on the answerable questions, and keyword-search latency (FTS5 BM25 vs ts_rank).
- synthetic: N unit vectors of 384 dims around 1,000 random centres, with noise as long as the
  centre (neighbours at cosine ~0.5, as related chunks are under MiniLM; uniform random vectors
  have no near neighbours worth finding, and tighter clusters made every setting exact), texts
  reused from data/docs so the keyword side sees real words. FAISS is written through
  replace_file in files of 10,000 chunks; pgvector the same way, the store building its HNSW
  index after the rows at flush (a first load; ~10x faster than growing the graph insert by
  insert, bench/first_load.py), then 2,000 more chunks go into the live index, as an ingest
  into a filled index writes them. FAISS HNSW (store.index hnsw with the FAISS defaults: M 32,
  efConstruction 200, faiss_ef_search 256; the README's 1M rows used 16 and 64) is a copy
  of the FAISS folder opened with index hnsw: the store rebuilds its index from the vectors
  in SQLite, as a changed setting does, and that open + flush is its build time.
  Queries are fresh points drawn the same way.
Disk: the store's folder for FAISS (index file + SQLite with vectors, texts and FTS5), the
tables with their indexes and TOAST for pgvector (pg_total_relation_size).
FAISS and pgvector queries alternate, so both see the same machine load; each row's ratio is
its p50 over FAISS flat's p50 on the same data set, measured in this run.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
import uuid
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import faiss  # noqa: E402
import numpy as np  # noqa: E402

from bench.retrieval import CachedEmbedder, first_rank, load_questions, print_table  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.pgvector_store import drop_index  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.schema import Chunk  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, Settings  # noqa: E402
from rag.store import FileRecord  # noqa: E402
from rag.store_copy import copy_index  # noqa: E402

DOCS = PROJECT_ROOT / "data" / "docs"
EF_SEARCH = (40, 100, 200)
HEADER = ["data", "store", "p50 ms", "p95 ms", "× FAISS p50", "recall@10"]


def server_url(folder: Path, given: str | None):
    if given:
        return given, None
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import pgserver
    server = pgserver.get_server(folder / "pgdata", cleanup_mode="delete")
    return server.get_uri(), server


def pg_settings(
    url: str, folder: Path, prefix: str, ef_search: int = 100, build_mb: int = 1024
) -> Settings:
    store = {"mode": "pgvector", "url": url, "table_prefix": prefix, "path": folder}
    return Settings(store={**store, "hnsw_ef_search": ef_search, "hnsw_build_memory_mb": build_mb})


def folder_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20


def pg_mb(url: str, prefix: str) -> tuple[float, float]:
    """(all of the index's tables with indexes and TOAST, the HNSW index alone) in MB."""
    import psycopg

    with psycopg.connect(url) as conn:
        total = conn.execute(
            "SELECT coalesce(sum(pg_total_relation_size(oid)), 0) FROM pg_class"
            " WHERE relkind = 'r' AND relname LIKE %s",
            (prefix.replace("_", r"\_") + "%",),
        ).fetchone()[0]
        hnsw = conn.execute(
            "SELECT coalesce(sum(pg_relation_size(oid)), 0) FROM pg_class"
            " WHERE relkind = 'i' AND relname = %s",
            (f"{prefix}chunks_hnsw",),
        ).fetchone()[0]
    return total / 2**20, hnsw / 2**20


def faiss_hnsw(flat_folder: Path, folder: Path, embedder) -> tuple[object, float]:
    """A copy of the flat store opened with store.index hnsw: the open rebuilds the index from
    the vectors in SQLite and the flush writes it. Returns (store, open + flush s)."""
    shutil.copytree(flat_folder, folder)
    started = time.perf_counter()
    store = open_store(Settings(store={"path": folder, "index": "hnsw"}), embedder)
    store.flush()
    return store, time.perf_counter() - started


def keys(store, found) -> list[tuple[str, int]]:
    chunks = store.get_chunks([i for i, _ in found])
    return [(chunks[i][0].path, chunks[i][0].chunk_index) for i, _ in found]


def compare(label: str, flat, hnsw: dict, queries: np.ndarray) -> list[list]:
    """Alternate FAISS and each pgvector setting per query; recall against FAISS flat."""
    times: dict[str, list[float]] = {"FAISS flat": [], "FAISS flat, 1 thread": []}
    times.update({name: [] for name in hnsw})
    recall: dict[str, list[float]] = {name: [] for name in hnsw}
    for q in queries[:5]:  # warm caches
        for store in (flat, *hnsw.values()):
            store.search(q, 10)
    for q in queries:
        t0 = time.perf_counter()
        exact = flat.search(q, 10)
        times["FAISS flat"].append((time.perf_counter() - t0) * 1000)
        truth = set(keys(flat, exact))
        threads = faiss.omp_get_max_threads()
        faiss.omp_set_num_threads(1)  # one short query gains nothing from a second thread
        t0 = time.perf_counter()
        flat.search(q, 10)
        times["FAISS flat, 1 thread"].append((time.perf_counter() - t0) * 1000)
        faiss.omp_set_num_threads(threads)
        for name, store in hnsw.items():
            t0 = time.perf_counter()
            found = store.search(q, 10)
            times[name].append((time.perf_counter() - t0) * 1000)
            recall[name].append(len(truth & set(keys(store, found))) / max(len(truth), 1))
    base = float(np.percentile(times["FAISS flat"], 50))
    rows = []
    for name, values in times.items():
        p50, p95 = np.percentile(values, [50, 95])
        r = f"{np.mean(recall[name]):.3f}" if name in recall else "1 (exact)"
        rows.append([label, name, f"{p50:.2f}", f"{p95:.2f}", f"{p50 / base:.2f}", r])
    return rows


def keyword_rows(label: str, flat, pg, texts: list[str]) -> list[list]:
    times: dict[str, list[float]] = {"FTS5 BM25": [], "PostgreSQL ts_rank": []}
    for text in texts:
        for name, store in (("FTS5 BM25", flat), ("PostgreSQL ts_rank", pg)):
            t0 = time.perf_counter()
            store.keyword_search(text, 20)
            times[name].append((time.perf_counter() - t0) * 1000)
    base = float(np.percentile(times["FTS5 BM25"], 50))
    return [
        [label, f"keyword: {n}", *(f"{p:.2f}" for p in np.percentile(v, [50, 95])),
         f"{np.percentile(v, 50) / base:.2f}", "-"]
        for n, v in times.items()
    ]  # fmt: skip


def hit_at_5(store, embedder, settings: Settings, questions: list[dict]) -> float:
    retriever = Retriever(store, embedder, settings.retrieval)
    ranks = [
        first_rank(
            retriever.search(q["question"], k=5, min_score=-1.0, min_relevance=-1.0), q["sources"]
        )
        for q in questions
    ]
    return sum(r is not None for r in ranks) / len(ranks)


def synthetic(n: int, dim: int, seed: int, centres: np.ndarray, spread: float) -> np.ndarray:
    rng = np.random.default_rng(seed)
    picks = centres[rng.integers(0, len(centres), n)]
    vectors = picks + spread * rng.standard_normal((n, dim)).astype(np.float32) / np.sqrt(dim)
    return (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).astype(np.float32)


def fill(
    store, vectors: np.ndarray, texts: list[str], per_file: int = 10_000, flush: bool = True
) -> float:
    started = time.perf_counter()
    for f, start in enumerate(range(0, len(vectors), per_file)):
        part = vectors[start : start + per_file]
        path = f"/synthetic/part{f}.txt"
        chunks = [
            Chunk(text=texts[(start + i) % len(texts)], source=path[1:], path=path,
                  chunk_index=i, content_hash=f"syn-{start + i}")
            for i in range(len(part))
        ]  # fmt: skip
        store.replace_file(FileRecord(path, path[1:], "-", 0, 0.0, len(part), ""), chunks, part)
    if flush:
        store.flush()
    return time.perf_counter() - started


def load_pgvector(
    url, folder, prefix, data, texts, embedder, build_mb
) -> tuple[float, float, float]:
    """Rows first, HNSW index after, as the store loads an empty index (rag.pgvector_hnsw:
    pgvector builds a graph ~10x faster than it grows one insert by insert); then 2,000
    inserts into the live index, as an ingest into a filled index makes them.
    Returns (rows s, index build s at flush, ms per live insert)."""
    store = open_store(pg_settings(url, folder, prefix, build_mb=build_mb), embedder)
    rows_s = fill(store, data, texts, flush=False)
    started = time.perf_counter()
    store.flush()  # builds the HNSW index the first write dropped
    build_s = time.perf_counter() - started
    extra = synthetic(2000, data.shape[1], 3, data[:1000], 1.0)
    started = time.perf_counter()
    chunks = [Chunk(text="extra", source="extra", path="/extra", chunk_index=i,
                    content_hash=f"x{i}") for i in range(len(extra))]  # fmt: skip
    store.replace_file(FileRecord("/extra", "extra", "-", 0, 0.0, len(extra), ""), chunks, extra)
    live_ms = (time.perf_counter() - started) * 1000 / len(extra)
    store.remove_file("/extra")
    store.close()
    return rows_s, build_s, live_ms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--synthetic", type=int, default=100_000, help="vectors; 0 skips")
    parser.add_argument("--queries", type=int, default=200, help="synthetic queries")
    parser.add_argument(
        "--spread", type=float, default=1.0, help="noise length around each centre (2: harder)"
    )
    parser.add_argument("--url", default=os.environ.get("RAGCHAT_TEST_POSTGRES_URL"))
    parser.add_argument(
        "--keyword-queries", type=int, default=0,
        help="keyword queries on the synthetic set, 0: all eval questions (FTS5 takes ~1 s a "
        "query at 1M chunks)",
    )  # fmt: skip
    # The store sizes maintenance_work_mem to the graph up to this cap (store.hnsw_build_memory_mb,
    # default 1024): ~2.8 kB per 384-d vector with headroom, so 1024 MB spills to disk above
    # ~380k vectors and the build is then many times slower.
    parser.add_argument("--hnsw-build-mb", type=int, default=3500, help="pgvector build cap")
    args = parser.parse_args()
    embedder = CachedEmbedder(LocalEmbedder(EmbeddingSettings(device="cpu")))
    rows: list[list] = []
    with tempfile.TemporaryDirectory(prefix="bench-pgvector-") as tmp:
        folder = Path(tmp)
        url, server = server_url(folder, args.url)
        prefixes = []
        try:
            print(f"load average at start: {os.getloadavg()[0]:.1f}")
            faiss_settings = Settings(store={"path": folder / "faiss-docs"})
            flat = open_store(faiss_settings, embedder)
            Ingester(faiss_settings, flat, embedder).run([DOCS], progress=False)
            prefixes.append(f"b{uuid.uuid4().hex[:8]}_")
            settings = pg_settings(url, folder, prefixes[-1])
            pg = open_store(settings, embedder)
            copy_index(flat, pg)
            answerable, unanswerable = load_questions()
            texts = [q["question"] for q in answerable + unanswerable]
            vectors = embedder.inner.encode(texts)
            embedder.cache.update(zip(texts, vectors, strict=True))
            hnsw = {"pgvector HNSW ef_search 100": pg}
            rows += compare(f"data/docs ({flat.count()})", flat, hnsw, vectors)
            rows += keyword_rows(f"data/docs ({flat.count()})", flat, pg, texts)
            hits = (hit_at_5(flat, embedder, settings, answerable),
                    hit_at_5(pg, embedder, settings, answerable))  # fmt: skip
            print(f"hybrid hit@5, {len(answerable)} questions: FAISS+FTS5 {hits[0]:.3f}, "
                  f"pgvector {hits[1]:.3f}")  # fmt: skip
            chunk_texts = [c.text for c, _ in flat.get_chunks(list(range(1, 10_000))).values()]
            flat.close(), pg.close()
            if args.synthetic:
                rng = np.random.default_rng(0)
                centres = rng.standard_normal((1000, embedder.dim)).astype(np.float32)
                centres /= np.linalg.norm(centres, axis=1, keepdims=True)
                data = synthetic(args.synthetic, embedder.dim, 1, centres, args.spread)
                queries = synthetic(args.queries, embedder.dim, 2, centres, args.spread)
                big_flat = open_store(Settings(store={"path": folder / "faiss-syn"}), embedder)
                faiss_s = fill(big_flat, data, chunk_texts)
                big_flat.close()  # closed while copied, so the copy is a consistent store
                flat_disk = folder_mb(folder / "faiss-syn")
                print(f"FAISS flat written in {faiss_s:.1f} s, {flat_disk:.0f} MB", flush=True)
                big_hnsw, faiss_hnsw_s = faiss_hnsw(folder / "faiss-syn", folder / "faiss-hnsw",
                                                    embedder)  # fmt: skip
                hnsw_disk = folder_mb(folder / "faiss-hnsw")
                print(f"FAISS HNSW built in {faiss_hnsw_s:.1f} s, {hnsw_disk:.0f} MB", flush=True)
                big_flat = open_store(Settings(store={"path": folder / "faiss-syn"}), embedder)
                prefixes.append(f"b{uuid.uuid4().hex[:8]}_")
                rows_s, build_s, live_ms = load_pgvector(url, folder, prefixes[-1], data,
                                                          chunk_texts, embedder,
                                                          args.hnsw_build_mb)  # fmt: skip
                pg_disk, pg_hnsw_disk = pg_mb(url, prefixes[-1])
                big = {"FAISS HNSW ef_search 256": big_hnsw}
                big.update({
                    f"pgvector HNSW ef_search {ef}": open_store(
                        pg_settings(url, folder, prefixes[-1], ef), embedder
                    )
                    for ef in EF_SEARCH
                })  # fmt: skip
                ratio = (rows_s + build_s) / faiss_s
                print(
                    f"synthetic {args.synthetic}: FAISS written in {faiss_s:.1f} s; pgvector rows "
                    f"{rows_s:.1f} s + HNSW build {build_s:.1f} s ({ratio:.1f}x FAISS); "
                    f"inserts into the live HNSW index {live_ms:.2f} ms per chunk",
                    flush=True,
                )
                print(
                    f"disk MB: FAISS flat {flat_disk:.0f}, FAISS HNSW {hnsw_disk:.0f}, pgvector "
                    f"{pg_disk:.0f} (HNSW index {pg_hnsw_disk:.0f}); load average "
                    f"{os.getloadavg()[0]:.1f}",
                    flush=True,
                )
                label = f"synthetic ({args.synthetic}, spread {args.spread})"
                rows += compare(label, big_flat, big, queries)
                print_table(HEADER, rows)  # the vector rows, before the slow keyword side
                pg_big = big["pgvector HNSW ef_search 100"]
                rows += keyword_rows(label, big_flat, pg_big, texts[: args.keyword_queries or None])
                big_flat.close()
                for store in big.values():
                    store.close()
            print_table(HEADER, rows)
            print(f"load average at end: {os.getloadavg()[0]:.1f}")
        finally:
            for prefix in prefixes:
                drop_index(url, prefix)
            if server is not None:
                server.cleanup()


if __name__ == "__main__":
    main()
