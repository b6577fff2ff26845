"""store.* settings: the FAISS or pgvector back end, its vector index and keyword side
(rag.settings holds the rest of the tree)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, BaseModel, Field, SecretStr


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
    keyword_index: Literal["memory", "fts5"] = Field(
        "memory",
        description="faiss mode, the keyword side's BM25: memory (the FTS5 index's postings "
        "read into arrays after each write, in the background: the same scores, ~1 ms instead "
        "of ~25 ms a query at 100k chunks, ~40 MB per 100k chunks; README, retrieval speed) or "
        "fts5 (SQLite's bm25() on every query, nothing held). pgvector mode uses PostgreSQL's "
        "full-text search.",
    )
    # auto by default: flat is exact and cheap up to 10k chunks (0.31 ms), but 5.6 ms at 100k and
    # 215 ms at 1M, the largest step of a query past ~50k; IVF keeps recall@10 at 0.995 at 100k in
    # 0.29 ms (bench/ivf_sweep.py) and hybrid search at 100k under 15 ms (bench/latency.py).
    index: Literal["flat", "hnsw", "ivf", "auto"] = Field(
        "auto",
        description="faiss mode: auto (flat up to store.auto_above chunks, store.auto_index "
        "above; flat when the GPU copy searches, store.use_gpu), flat (exact), hnsw (FAISS "
        "IndexHNSWFlat: approximate, faster on large stores; a removal rebuilds it from the "
        "stored vectors) or ivf (FAISS IndexIVFFlat: approximate, removes in place; flat under "
        "1,000 chunks). A change rebuilds the index file from the stored vectors at the next "
        "open, never re-embedding.",
    )
    auto_index: Literal["ivf", "hnsw"] = Field(
        "ivf",
        description="faiss mode, store.index auto: the approximate index past store.auto_above. "
        "ivf: recall@10 0.995 against flat at 100k near-real vectors, 0.29 ms p50, removals in "
        "place; hnsw: 0.989, 0.67 ms, a removal rebuilds the graph (bench/ivf_sweep.py, "
        "bench/hnsw_sweep.py).",
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
    auto_above: int = Field(
        10_000,
        ge=0,
        # The setting's first name, from when auto's only other index was HNSW.
        validation_alias=AliasChoices("auto_above", "auto_hnsw_above"),
        description="faiss mode, store.index auto: the chunk count above which store.auto_index "
        "replaces flat (checked at open and at each flush; also read as auto_hnsw_above). "
        "Measured (bench/latency.py, 2 cores): flat p50 0.11 ms at 5k vs HNSW 0.12; 0.31 vs "
        "0.20 ms at 10k, HNSW recall@10 0.999.",
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
