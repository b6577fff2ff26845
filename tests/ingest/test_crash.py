"""SIGKILL an ingest at several points: the index stays loadable and consistent, and the next
run converges to the same index without duplicates."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from ingest.pipeline import Ingester

# Each point patches one step of the write path to kill the process on its Nth call.
KILL_POINTS = {
    "inside the SQLite transaction": ("rag.store.FaissStore", "_bump_generation", 3),
    "after a commit, before FAISS": ("rag.store.FaissStore", "_update_index", 4),
    "while writing the FAISS file": ("rag.atomic_file.os", "replace", 1),
}

CHILD = """
import importlib, os, signal, sys
from pathlib import Path
module_name, attr, nth = sys.argv[1], sys.argv[2], int(sys.argv[3])
module, _, cls = module_name.rpartition(".")
owner = getattr(importlib.import_module(module), cls)
original = getattr(owner, attr)
calls = [0]
def killer(*args, **kwargs):
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(*args, **kwargs)
setattr(owner, attr, killer)
from ingest.cli import main
sys.exit(main([sys.argv[4], "--index", sys.argv[5], "--quiet"]))
"""


def make_corpus(root: Path, files: int = 8) -> None:
    root.mkdir()
    for i in range(files):
        body = "\n\n".join(
            f"Document {i} paragraph {p}: policy number {i * 10 + p}." for p in range(3)
        )
        (root / f"doc{i}.md").write_text(f"# Doc {i}\n\n{body}\n")


@pytest.mark.parametrize("point", list(KILL_POINTS))
def test_killed_ingest_leaves_a_loadable_index(point, tmp_path, settings, make_store, embedder):
    docs, index = tmp_path / "docs", tmp_path / "index"
    make_corpus(docs)
    # A previous complete index of half the files: it must survive the crash.
    half = tmp_path / "half"
    half.mkdir()
    for f in sorted(docs.iterdir())[:4]:
        (half / f.name).write_bytes(f.read_bytes())
    store = make_store(index)
    Ingester(settings, store, embedder).run([half], progress=False)
    before = store.count()
    store.close()

    module, attr, nth = KILL_POINTS[point]
    script = textwrap.dedent(CHILD)
    proc = subprocess.run(
        [sys.executable, "-c", script, module, attr, str(nth), str(docs), str(index)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == -9, proc.stderr[-2000:]

    crashed = make_store(index)
    crashed.check_consistency()
    assert crashed.count() >= before
    summary = Ingester(settings, crashed, embedder).run([docs], progress=False)
    crashed.check_consistency()
    keys = [(c.path, c.chunk_index) for c, _ in crashed.get_chunks(list(range(1, 1000))).values()]
    assert len(keys) == len(set(keys)) == summary.chunks_total  # no duplicates
    # Same chunks as a clean ingest of the same two folders.
    clean = make_store(tmp_path / "clean")
    assert Ingester(settings, clean, embedder).run(
        [half, docs], progress=False
    ).chunks_total == len(keys)
