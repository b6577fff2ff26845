"""Helpers several test folders share (importable as `support`: tests/ is on sys.path)."""

from __future__ import annotations

import json
import shutil
import socket
import sqlite3
import uuid
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    """A loopback port nothing listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def copy_index(source: Path, target: Path) -> None:
    """SQLite's backup API copies a consistent docstore even while the source is open."""
    target.mkdir(parents=True)
    src = sqlite3.connect(source / "docstore.sqlite")
    dst = sqlite3.connect(target / "docstore.sqlite")
    try:
        src.backup(dst)
    finally:
        src.close()
        dst.close()
    for faiss_file in source.glob("vectors-*.faiss"):
        shutil.copy2(faiss_file, target / faiss_file.name)


# data/docs files moved into their own collections by `split_collections`; the rest stay in
# "default". Given as files (not folders), so each keeps its folder-relative source name.
COLLECTION_FILES = {
    "returns": ["returns/return-policy.md"],
    "warranty": ["warranty/warranty-handbook.pdf"],
}


def split_collections(settings, store, embedder, docs: Path) -> None:
    """Move COLLECTION_FILES of an index of `docs` into their collections (no re-embedding:
    the vectors are found by content hash)."""
    from ingest.pipeline import Ingester

    ingester = Ingester(settings, store, embedder)
    for name, files in COLLECTION_FILES.items():
        ingester.run([docs / f for f in files], prune=False, progress=False, collection=name)


# The store back ends tests run over (the `fresh_settings` / `store_settings` fixtures' ids).
STORE_BACKENDS = ["faiss", "pgvector"]


def pg_index_settings(url: str, folder: Path):
    """Settings for a new pgvector index: its own table prefix in the database at `url`."""
    from rag.settings import Settings

    prefix = f"t{uuid.uuid4().hex[:10]}_"
    return Settings(store={"mode": "pgvector", "url": url, "table_prefix": prefix, "path": folder})


def drop_pg_index(settings) -> None:
    from rag.pgvector_store import drop_index

    drop_index(settings.store.url.get_secret_value(), settings.store.table_prefix)


def store_env(settings) -> dict[str, str]:
    """RAGCHAT_STORE__* variables that make a child process open the same index."""
    store = settings.store
    if store.mode == "faiss":
        return {"RAGCHAT_STORE__MODE": "faiss", "RAGCHAT_STORE__PATH": str(store.path)}
    return {
        "RAGCHAT_STORE__MODE": "pgvector",
        "RAGCHAT_STORE__URL": store.url.get_secret_value(),
        "RAGCHAT_STORE__TABLE_PREFIX": store.table_prefix,
    }


class Dim8:
    """What open_store reads from an embedder: its name and dimension."""

    name, dim = "m", 8


def unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def put_file(store, texts: list[str], path: str = "/f.txt", seed: int = 0, flush: bool = True):
    """One file of `texts` with random 8-d vectors (returned), written (and flushed, as an
    ingest ends) into `store`."""
    from rag.schema import Chunk
    from rag.store import FileRecord

    vectors = unit_vectors(len(texts), seed)
    chunks = [
        Chunk(text=t, source=path.lstrip("/"), path=path, chunk_index=i, content_hash=f"{path}{i}")
        for i, t in enumerate(texts)
    ]
    record = FileRecord(path, path.lstrip("/"), f"hash-{seed}", 1, 1.0, len(texts), "")
    store.replace_file(record, chunks, vectors)
    if flush:
        store.flush()
    return vectors


def answerable() -> list[dict]:
    """Questions with their source file(s); follow-ups need their conversation."""
    rows = [
        json.loads(line)
        for line in (ROOT / "data" / "eval" / "questions.jsonl").read_text().splitlines()
        if line.strip()
    ]
    out = []
    for row in rows:
        if "source" in row and not row.get("conversation"):
            source = row["source"]
            out.append({**row, "sources": [source] if isinstance(source, str) else source})
    return out


class Remembering:
    """The real embedder, with the vectors it already computed for these texts kept: the FAISS
    index's chunks and every eval question, encoded once in batches (2 CPU cores)."""

    def __init__(self, inner, known: dict):
        self.inner, self.known = inner, known
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.batch_size = inner.batch_size

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self.known]
        if todo:
            self.known.update(zip(todo, self.inner.encode(todo), strict=True))
        return np.stack([self.known[t] for t in texts])
