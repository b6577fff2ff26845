"""store.* settings: the FAISS or pgvector back end, its vector index and keyword side
(rag.settings holds the rest of the tree)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field, SecretStr


class StoreSettings(BaseModel):
    mode: Literal["faiss", "pgvector"] = Field(
        "faiss",
        description="faiss: FAISS file + SQLite docstore in store.path; pgvector: tables in the "
        "PostgreSQL database at store.url, shared by every process (the pgvector extra).",
    )
    path: Path = Field(
        Path(".ragchat/index"),
        description="Index folder (FAISS file, SQLite docstore, manifest); in pgvector mode only "
        "the uploads and feedback folders beside it.",
    )
    url: SecretStr = Field(
        SecretStr(""),
        description="pgvector mode: libpq URL, postgresql://USER@HOST:5432/DB. Put the password "
        "in PGPASSWORD or ~/.pgpass, or the whole URL in RAGCHAT_STORE__URL; never "
        "logged.",
    )
    table_prefix: str = Field(
        "ragchat_",
        pattern=r"^[a-z_][a-z0-9_]{0,39}$",
        description="pgvector mode: prefix of the index's tables (PREFIX_files, PREFIX_chunks, "
        "PREFIX_meta), so several indexes share one database.",
    )
    # flat by default: exact, ~6 ms at 100k chunks. HNSW (M 32, efConstruction 200) keeps
    # recall@10 at 0.989 at 100k near-real vectors in a ninth of that (efSearch 256), and 0.988
    # at 1M (efSearch 1000, 3.8 ms against 215; bench/hnsw_sweep.py). auto and hnsw are there
    # to choose where flat's time matters.
    keyword_index: Literal["memory", "fts5"] = Field(
        "memory",
        description="faiss mode, the keyword side's BM25: memory (the FTS5 index's postings "
        "read into arrays after each write, in the background: the same scores, ~1 ms instead "
        "of ~25 ms a query at 100k chunks, ~40 MB per 100k chunks; README, retrieval speed) or "
        "fts5 (SQLite's bm25() on every query, nothing held). pgvector mode uses PostgreSQL's "
        "full-text search.",
    )
    index: Literal["flat", "hnsw", "ivf", "auto"] = Field(
        "flat",
        description="faiss mode: flat (exact), hnsw (FAISS IndexHNSWFlat: approximate, faster on "
        "large stores; a removal rebuilds it from the stored vectors), ivf (FAISS IndexIVFFlat: "
        "approximate, removes in place; flat under 1,000 chunks) or auto (flat up to "
        "store.auto_hnsw_above chunks, hnsw above). A change rebuilds the index file from the "
        "stored vectors at the next open, never re-embedding.",
    )
    ivf_nlist: int = Field(
        0,
        ge=0,
        description="faiss mode, store.index ivf: k-means clusters; 0 = 4·√chunks at each build "
        "(1,264 at 100k), trained again when the store has grown 16-fold. A change rebuilds.",
    )
    ivf_nprobe: int = Field(
        32,
        ge=1,
        description="faiss mode, store.index ivf: clusters scanned per query (FAISS nprobe). "
        "32: recall@10 0.995 against flat at 100k near-real vectors in 0.29 ms p50 (16: 0.988, "
        "64: 0.998; bench/ivf_sweep.py). Set at every open, no rebuild.",
    )
    auto_hnsw_above: int = Field(
        10_000,
        ge=0,
        description="faiss mode, store.index auto: the chunk count above which HNSW replaces flat "
        "(checked at open and at each flush). Measured (bench/latency.py, 2 cores): flat p50 "
        "0.11 ms at 5k vs HNSW 0.12; 0.31 vs 0.20 ms at 10k, HNSW recall@10 0.999.",
    )
    hnsw_m: int | None = Field(
        None,
        ge=2,
        le=100,
        description="HNSW links per node, pgvector and faiss (store.index hnsw): index rebuilt "
        "on change. Unset: 32 for faiss (at 1M near-real vectors recall@10 0.988 with "
        "faiss_ef_search 1000, where 16 gave 0.967; bench/hnsw_sweep.py), 16 for pgvector.",
    )
    hnsw_ef_construction: int | None = Field(
        None,
        ge=4,
        le=1000,
        description="HNSW candidate list while building, pgvector and faiss: index rebuilt on "
        "change. Unset: 200 for faiss (recall@10 0.990 against flat at 100k near-real vectors "
        "with faiss_ef_search 256, where 64 gave 0.963; bench/hnsw_sweep.py), 64 for pgvector "
        "(its own default).",
    )
    hnsw_ef_search: int = Field(
        100,
        ge=1,
        le=1000,
        description="pgvector mode: HNSW candidate list per query (at least k); higher finds more "
        "of the exact neighbours, slower (bench/stores.py).",
    )
    hnsw_build_memory_mb: int = Field(
        1024,
        ge=0,
        description="pgvector mode: the most maintenance_work_mem an HNSW build asks for (sized to "
        "the graph, 2.25 kB a 384-d chunk plus a quarter; never below the server's setting). A "
        "graph that does not fit is built partly on disk, many times slower.",
    )
    faiss_ef_search: int = Field(
        256,
        ge=1,
        le=4096,
        description="faiss mode, HNSW: candidate list per query (FAISS efSearch, at least k). "
        "256 keeps recall@10 ≥ 0.98 against flat even on unstructured random vectors "
        "(a few thousand 384-d: 100 gives 0.87, 200 0.98) and 0.989 at 100k near-real vectors; "
        "a million-chunk store needs 1000 for 0.988 (3.8 ms p50 against flat's 215; "
        "bench/hnsw_sweep.py). Set at every open, no rebuild.",
    )
    use_gpu: bool = Field(
        True,
        description="Search a GPU copy of the FAISS index when faiss-gpu finds a CUDA device "
        "(the `gpu` extra); the file on disk stays CPU-format. Off, or without one: CPU.",
    )
