"""SIGKILL an ingest into pgvector inside a file's transaction: the files committed before it
stay, the one in flight leaves nothing, and the next run converges without duplicates."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

from ingest.pipeline import Ingester
from rag.components import open_store

ROOT = Path(__file__).resolve().parents[2]

# Kills the process on the Nth generation bump: the statement before that file's COMMIT.
CHILD = """
import os, signal, sys
from rag.pgvector_store import PgVectorStore
nth, calls, original = int(sys.argv[1]), [0], PgVectorStore._bump_generation
def killer(self, cur):
    calls[0] += 1
    if calls[0] == nth:
        os.kill(os.getpid(), signal.SIGKILL)
    return original(self, cur)
PgVectorStore._bump_generation = killer
from ingest.cli import main
sys.exit(main([sys.argv[2], "--quiet"]))
"""


def make_corpus(root: Path, files: int) -> None:
    root.mkdir()
    for i in range(files):
        body = "\n\n".join(f"Policy {i} clause {p}: number {i * 10 + p}." for p in range(3))
        (root / f"doc{i}.md").write_text(f"# Doc {i}\n\n{body}\n")


def test_killed_ingest_keeps_committed_files_and_converges(tmp_path, pg_settings, embedder):
    first, second = tmp_path / "first", tmp_path / "second"
    make_corpus(first, 3)
    make_corpus(second, 6)
    store = open_store(pg_settings, embedder)
    before = Ingester(pg_settings, store, embedder).run([first], progress=False)
    generation = store.generation
    env = {
        **os.environ,
        "RAGCHAT_STORE__MODE": "pgvector",
        "RAGCHAT_STORE__URL": pg_settings.store.url.get_secret_value(),
        "RAGCHAT_STORE__TABLE_PREFIX": pg_settings.store.table_prefix,
    }
    proc = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(CHILD), "3", str(second)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == -9, proc.stderr[-2000:]

    # Two files committed, the third rolled back by the server when its client died.
    assert store.generation == generation + 2
    assert len(store.files()) == before.files_indexed + 2
    store.check_consistency()
    summary = Ingester(pg_settings, store, embedder).run([second], progress=False)
    assert summary.files_indexed == 4 and summary.files_unchanged == 2
    assert summary.chunks_total == store.count() == before.chunks_total * 3
    store.check_consistency()  # no chunk twice, every file's count right
    store.close()
