"""Builders that turn settings into the runtime parts, shared by every face."""

from __future__ import annotations

from pathlib import Path

from rag.embeddings import Embedder, build_embedder
from rag.faiss_gpu import gpu_count
from rag.faiss_index import IndexChoice
from rag.settings import Settings
from rag.store import FaissStore
from rag.store_protocol import VectorStore
from rag.threads import search_threads

STORE_MODES = ("faiss", "pgvector")


def index_path(settings: Settings, override: Path | str | None = None) -> Path:
    return Path(override) if override else settings.resolve(settings.store.path)


def open_store(
    settings: Settings, embedder: Embedder, path: Path | str | None = None
) -> VectorStore:
    """The configured store. In pgvector mode the index is the database and table prefix;
    `path` (an --index folder) only names FAISS indexes."""
    store = settings.store
    extra = {"chunking": settings.chunking.model_dump()}
    match store.mode:
        case "faiss":
            return FaissStore(
                index_path(settings, path), embedder.name, embedder.dim, extra,
                use_gpu=store.use_gpu,
                search_threads=search_threads(settings.retrieval.threads),
                index=faiss_index_choice(settings), keyword_index=store.keyword_index,
            )  # fmt: skip
        case "pgvector":
            from rag.pgvector_store import PgVectorStore  # psycopg is an optional extra

            return PgVectorStore(
                store.url.get_secret_value(), embedder.name, embedder.dim, extra,
                table_prefix=store.table_prefix, hnsw_m=store.hnsw_m,
                hnsw_ef_construction=store.hnsw_ef_construction,
                hnsw_ef_search=store.hnsw_ef_search,
                hnsw_build_memory_mb=store.hnsw_build_memory_mb,
            )  # fmt: skip
        case _:
            raise ValueError(_unknown_mode(store.mode))


def faiss_index_choice(settings: Settings) -> IndexChoice:
    """store.index and the HNSW parameters, as FaissStore takes them."""
    s = settings.store
    index = s.index
    if index == "auto" and s.use_gpu and gpu_count():
        # The GPU copy holds a flat index only (rag.faiss_gpu), and exact search there is
        # faster than either approximate index on the CPU.
        index = "flat"
    return IndexChoice(
        index,
        s.hnsw_m or IndexChoice.hnsw_m,
        s.hnsw_ef_construction or IndexChoice.ef_construction,
        s.faiss_ef_search,
        s.auto_above,
        s.auto_index,
        s.ivf_nlist,
        s.ivf_nprobe,
    )


def index_exists(settings: Settings, path: Path | str | None = None) -> bool:
    store = settings.store
    match store.mode:
        case "faiss":
            return (index_path(settings, path) / "docstore.sqlite").exists()
        case "pgvector":
            from rag.pgvector_store import index_exists as pg_index_exists

            return pg_index_exists(store.url.get_secret_value(), store.table_prefix)
        case _:
            raise ValueError(_unknown_mode(store.mode))


def _unknown_mode(mode: object) -> str:
    return f"store.mode = {mode!r} is not a store back end; use one of: {', '.join(STORE_MODES)}"


__all__ = ["build_embedder", "index_path", "index_exists", "open_store"]
