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
