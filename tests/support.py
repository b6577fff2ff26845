"""Helpers several test folders share (importable as `support`: tests/ is on sys.path)."""

from __future__ import annotations

import shutil
import socket
import sqlite3
from pathlib import Path


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
