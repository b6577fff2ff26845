"""The SQLite docstore's tables and the records read from them, shared by the stores."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass

import numpy as np

from rag.collections import DEFAULT

# `collection` is last in both tables: it is where ALTER TABLE puts it in an index made before
# collections existed, so `SELECT *` reads the same columns from old and new indexes.
SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS files (
    path TEXT PRIMARY KEY, source TEXT NOT NULL, file_hash TEXT NOT NULL, size INTEGER,
    mtime REAL, chunks INTEGER NOT NULL, indexed_at TEXT NOT NULL,
    collection TEXT NOT NULL DEFAULT 'default');
CREATE TABLE IF NOT EXISTS chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, source TEXT NOT NULL,
    chunk_index INTEGER NOT NULL, page INTEGER, title TEXT, heading TEXT, text TEXT NOT NULL,
    content_hash TEXT NOT NULL, vector BLOB NOT NULL,
    collection TEXT NOT NULL DEFAULT 'default');
CREATE INDEX IF NOT EXISTS chunks_path ON chunks(path);
CREATE INDEX IF NOT EXISTS chunks_hash ON chunks(content_hash);
CREATE VIRTUAL TABLE IF NOT EXISTS chunks_fts USING fts5(
    text, content='chunks', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER IF NOT EXISTS chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER IF NOT EXISTS chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
"""


def migrate(db: sqlite3.Connection) -> None:
    """Bring an index made before collections up to date: every chunk and file is then in
    the `default` collection. ADD COLUMN with a constant default rewrites no row (SQLite
    reads the default for old rows), so it is instant at any size and loses nothing; the
    write lock makes two processes opening one old index at once add it once."""
    with db:
        db.execute("BEGIN IMMEDIATE")
        for table in ("files", "chunks"):
            columns = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            if "collection" not in columns:
                db.execute(
                    f"ALTER TABLE {table} ADD COLUMN collection TEXT NOT NULL DEFAULT '{DEFAULT}'"
                )
        # (collection, id): the ids of a collection are an index-only scan (rag.store)
        db.execute("CREATE INDEX IF NOT EXISTS chunks_collection ON chunks(collection, id)")


class StoreMismatchError(RuntimeError):
    """The index was built with another embedding model or dimension."""


@dataclass
class FileRecord:
    path: str
    source: str
    file_hash: str
    size: int
    mtime: float
    chunks: int
    indexed_at: str
    collection: str = DEFAULT


def checked_vectors(n_chunks: int, vectors: np.ndarray, dim: int) -> np.ndarray:
    """A write's vectors as contiguous float32, one `dim`-d row per chunk; a mismatch raises
    ValueError before anything is written. (FAISS checks the dimension only when the vectors
    reach the index, after the docstore committed: a wrong-sized write there lost the file's
    old chunks and left a docstore that no longer opened.)"""
    vectors = np.ascontiguousarray(vectors, dtype=np.float32)
    if vectors.ndim != 2 or len(vectors) != n_chunks or (n_chunks and vectors.shape[1] != dim):
        raise ValueError(
            f"{n_chunks} chunks need {n_chunks} vectors of {dim}-d; got shape {vectors.shape} "
            f"({vectors.shape[-1] if vectors.ndim else 0}-d for an index of {dim}-d)"
        )
    return vectors
