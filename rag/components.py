"""Builders that turn settings into the runtime parts, shared by every face."""

from __future__ import annotations

from pathlib import Path

from rag.embeddings import Embedder, build_embedder
from rag.settings import Settings
from rag.store import FaissStore


def index_path(settings: Settings, override: Path | str | None = None) -> Path:
    return Path(override) if override else settings.resolve(settings.store.path)


def open_store(
    settings: Settings, embedder: Embedder, path: Path | str | None = None
) -> FaissStore:
    chunking = settings.chunking.model_dump()
    return FaissStore(
        index_path(settings, path),
        embedder.name,
        embedder.dim,
        {"chunking": chunking},
        use_gpu=settings.store.use_gpu,
    )


def index_exists(settings: Settings, path: Path | str | None = None) -> bool:
    return (index_path(settings, path) / "docstore.sqlite").exists()


__all__ = ["build_embedder", "index_path", "index_exists", "open_store"]
