"""A running store sees what another process ingested: new chunks by vector, removed ones gone."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import numpy as np

from ingest.pipeline import Ingester
from rag.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
NEW = "The Aurora lighthouse lamp on Skerry Island is refilled with lamp oil every Tuesday."
QUERY = "When is the lighthouse lamp refilled?"


def ingest_in_another_process(docs: Path, index: Path) -> dict:
    env = {**os.environ, "RAGCHAT_EMBEDDING__DEVICE": "cpu"}
    cmd = [sys.executable, "-m", "ingest", str(docs), "--index", str(index), "--json"]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=180)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout)


def sources(store, ids: list[int]) -> list[str]:
    chunks = store.get_chunks(ids)
    return [chunks[i][0].source for i in ids if i in chunks]


def test_running_store_sees_another_process_ingest(tmp_path, embedder, make_store) -> None:
    docs, index = tmp_path / "docs", tmp_path / "index"
    docs.mkdir()
    (docs / "returns.md").write_text("# Returns\nItems can be returned within 30 days.")
    (docs / "shipping.md").write_text("# Shipping\nParcels ship within two working days.")
    settings = Settings(store={"path": index})
    store = make_store(index)
    Ingester(settings, store, embedder).run([docs], progress=False)
    query = embedder.encode([QUERY])[0]
    assert "lighthouse.txt" not in sources(store, [i for i, _ in store.search(query, 5)])
    before = store.generation

    (docs / "lighthouse.txt").write_text(NEW)
    summary = ingest_in_another_process(docs, index)
    assert summary["files_indexed"] == 1
    assert store.generation > before  # the one cheap read that notices
    hits = store.search(query, 5)
    assert sources(store, [hits[0][0]]) == ["lighthouse.txt"]  # first by vector, not by BM25
    assert hits[0][1] > 0.5
    store.check_consistency()
    assert not store.sync()  # caught up: the next search reads only the generation

    (docs / "returns.md").unlink()
    ingest_in_another_process(docs, index)  # prunes returns.md
    returns_query = embedder.encode(["How many days do I have to return an item?"])[0]
    found = sources(store, [i for i, _ in store.search(returns_query, 10)])
    assert "returns.md" not in found and found
    store.check_consistency()
    assert store.index.ntotal == store.count()


def test_local_writes_and_catch_up_interleave_without_duplicates(tmp_path, embedder) -> None:
    """Two stores on one index in one process stand in for two processes, with threads
    searching while the other writes: ids stay unique and end equal to the docstore."""
    from rag.store import FaissStore

    index = tmp_path / "index"
    writer = FaissStore(index, embedder.name, embedder.dim)
    reader = FaissStore(index, embedder.name, embedder.dim)
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(12):
        (docs / f"note-{n}.txt").write_text(f"Note number {n}: the code word is word{n}.")
    settings = Settings(store={"path": index})
    query = embedder.encode(["code word"])[0]
    stop = threading.Event()
    errors: list[BaseException] = []

    def search_loop() -> None:
        while not stop.is_set():
            try:
                reader.search(query, 5)
            except BaseException as exc:  # noqa: BLE001 - reported by the assertion below
                errors.append(exc)
                return

    threads = [threading.Thread(target=search_loop) for _ in range(3)]
    for thread in threads:
        thread.start()
    try:
        Ingester(settings, writer, embedder).run([docs], progress=False)
        # The reader writes too: its own additions must not be doubled by a catch-up.
        Ingester(settings, reader, embedder).run([docs / "note-0.txt"], force=True, progress=False)
    finally:
        stop.set()
        for thread in threads:
            thread.join()
    assert not errors
    reader.sync()
    ids = faiss_ids(reader)
    assert len(ids) == len(set(ids)) == reader.count()
    reader.check_consistency()
    writer.sync()
    writer.check_consistency()
    writer.close()
    reader.close()


def faiss_ids(store) -> list[int]:
    import faiss

    return np.asarray(faiss.vector_to_array(store.index.id_map)).tolist()
