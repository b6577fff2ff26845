"""The contract every vector store back end keeps (`store.mode`: faiss | pgvector).

Ingest, retrieval and the faces only use these members, so a back end is a settings change.
The guarantees behind them, which each back end's tests check:
- `replace_file` swaps a file's chunks, its manifest row and the generation in one transaction:
  a crash leaves the old chunks or the new ones, never both or neither.
- `generation` grows with every change, so a process holding search results (or a cache of
  answers) can tell that another process changed the index.
- opening an index built with another embedding model or dimension raises
  `StoreMismatchError` naming both.
- `search` and `keyword_search` given a scope return chunks of those collections only, and
  as many of them as the unscoped search would find among them (no over-fetch and filter).
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

import numpy as np

from rag.collections import Scope
from rag.schema import Chunk, QuestionHeading
from rag.store import FileRecord, StoreMismatchError


@runtime_checkable
class VectorStore(Protocol):
    dim: int

    @property
    def generation(self) -> int: ...

    @property
    def device(self) -> str: ...

    def manifest(self) -> dict: ...

    def replace_file(self, record: FileRecord, chunks: list[Chunk], vectors: np.ndarray) -> int: ...

    def remove_file(self, path: str) -> int: ...

    def touch_file(self, path: str, source: str, mtime: float) -> None: ...

    def count(self) -> int: ...

    def files(self) -> list[FileRecord]: ...

    def file(self, path: str) -> FileRecord | None: ...

    def vectors_by_hash(self, hashes: list[str]) -> dict[str, np.ndarray]: ...

    def collections(self) -> dict[str, int]: ...

    def question_headings(self) -> list[QuestionHeading]: ...

    # scope: the collections to read (rag.collections); None: every collection
    def search(
        self, vector: np.ndarray, k: int, scope: Scope = None
    ) -> list[tuple[int, float]]: ...

    def keyword_search(
        self, query: str, k: int, scope: Scope = None
    ) -> list[tuple[int, float]]: ...

    def get_chunks(self, ids: list[int]) -> dict[int, tuple[Chunk, np.ndarray]]: ...

    def check_consistency(self) -> None: ...

    def flush(self) -> None: ...

    def close(self) -> None: ...


__all__ = ["FileRecord", "StoreMismatchError", "VectorStore"]
