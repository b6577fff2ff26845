"""SIGKILL an ingest at several points, on both store back ends: the index stays loadable and
consistent, the files committed before the kill stay, and the next run converges to the same
index as a clean ingest, without duplicates."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from support import store_env

from ingest.pipeline import Ingester
from rag.components import open_store

ROOT = Path(__file__).resolve().parents[2]
FILES = 8

# (back end, where it dies): (what to patch, which call of it kills, files committed by then).
# Each point patches one step of the write path.
KILL_POINTS = {
    # The third file's transaction: two files are in, the third leaves nothing.
    ("faiss", "inside the write transaction"): ("rag.store.FaissStore", "_bump_generation", 3, 2),
    ("pgvector", "inside the write transaction"): (
        "rag.pgvector_store.PgVectorStore", "_bump_generation", 3, 2),
    # FAISS only: the docstore is the truth, the FAISS file a cache rebuilt from it.
    ("faiss", "after a commit, before FAISS"): ("rag.store.FaissStore", "_update_index", 4, 4),
    ("faiss", "while writing the FAISS file"): ("rag.atomic_file.os", "replace", 1, FILES),
    # pgvector's first load into an empty index drops the HNSW index and builds it at flush
    # (rag.pgvector_hnsw): killed before that build, the next open builds it.
    ("pgvector", "first load, inside the write transaction"): (
        "rag.pgvector_store.PgVectorStore", "_bump_generation", 3, 2),
    ("pgvector", "first load, building the HNSW index"): (
        "rag.pgvector_hnsw.HnswIndex", "_build", 1, FILES),
}  # fmt: skip

CHILD = """
import importlib, os, signal, sys
module_name, attr, nth = sys.argv[1], sys.argv[2], int(sys.argv[3])
module, _, owner_name = module_name.rpartition(".")
owner = getattr(importlib.import_module(module), owner_name)
original = getattr(owner, attr)
calls = [0]
def killer(*args, **kwargs):
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
setattr(owner, attr, killer)
from ingest.cli import main
sys.exit(main([sys.argv[4], "--quiet"]))
"""


def make_corpus(root: Path, files: int = FILES) -> None:
    root.mkdir()
    for i in range(files):
        body = "\n\n".join(
            f"Document {i} paragraph {p}: policy number {i * 10 + p}." for p in range(3)
        )
        (root / f"doc{i}.md").write_text(f"# Doc {i}\n\n{body}\n")


@pytest.mark.parametrize(
    ("fresh_settings", "point"),
    list(KILL_POINTS),
    ids=[f"{backend}-{point}" for backend, point in KILL_POINTS],
    indirect=["fresh_settings"],
)
def test_killed_ingest_leaves_a_loadable_index(point, fresh_settings, tmp_path, embedder):
    settings = fresh_settings()
    backend = settings.store.mode
    owner, attr, nth, committed = KILL_POINTS[backend, point]
    docs = tmp_path / "docs"
    make_corpus(docs)
    # A previous complete index of the same texts in another folder: it must survive the crash
    # (and the killed run finds their vectors by content hash, embedding nothing).
    half = tmp_path / "half"
    half.mkdir()
    if not point.startswith("first load"):
        for f in sorted(docs.iterdir())[: FILES // 2]:
            (half / f.name).write_bytes(f.read_bytes())
    store = open_store(settings, embedder)
    prior = Ingester(settings, store, embedder).run([half], progress=False)
    store.close()

    env = {**os.environ, **store_env(settings)}
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), owner, attr, str(nth), str(docs)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == -9, proc.stderr[-2000:]

    crashed = open_store(settings, embedder)
    try:
        crashed.check_consistency()
        assert len(crashed.files()) == prior.files_indexed + committed
        if backend == "pgvector":  # a load killed before its HNSW build: this open built it
            assert crashed.hnsw.exists(crashed.conn)
        summary = Ingester(settings, crashed, embedder).run([docs], progress=False)
        assert summary.files_unchanged == committed
        assert summary.files_indexed == FILES - committed
        crashed.check_consistency()
        stored = crashed.get_chunks(list(range(1, 1000))).values()
        keys = [(c.path, c.chunk_index) for c, _ in stored]
        assert len(keys) == len(set(keys)) == summary.chunks_total  # no duplicates
    finally:
        crashed.close()
    # Same chunks as a clean ingest of the same two folders.
    clean_settings = fresh_settings()
    clean = open_store(clean_settings, embedder)
    try:
        again = Ingester(clean_settings, clean, embedder).run([half, docs], progress=False)
        assert again.chunks_total == len(keys)
    finally:
        clean.close()
