"""The first load into an empty pgvector index builds its HNSW index once, at flush, instead of
growing it row by row (rag/pgvector_hnsw.py); other connections and a loader that dies
neither lose the index nor build it twice. SIGKILL mid first load: tests/ingest/test_crash.py."""

from __future__ import annotations

import logging
import time

import pytest
from support import Dim8, put_file

from rag.components import open_store
from rag.pgvector_hnsw import build_memory_kb
from rag.pgvector_schema import Tables


@pytest.fixture
def store(pg_settings):
    opened = open_store(pg_settings, Dim8())
    yield opened
    opened.close()


def hnsw_options(store) -> list[str] | None:
    sql = "SELECT reloptions FROM pg_class WHERE oid = to_regclass(%s)"
    row = store.conn.execute(sql, (store.tables.hnsw,)).fetchone()
    return None if row is None else row[0]


def test_first_load_builds_the_index_at_flush(store, pg_settings, caplog):
    assert hnsw_options(store) == ["m=16", "ef_construction=64"]  # an empty index has one
    vectors = put_file(store, ["alpha", "beta"], path="/a.txt", flush=False)
    assert hnsw_options(store) is None and store.hnsw.loading
    put_file(store, ["gamma"], path="/b.txt", seed=1, flush=False)
    # Meanwhile searches scan the rows exactly, and another process leaves the build alone.
    assert store.search(vectors[1], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
    other = open_store(pg_settings, Dim8())
    try:
        other.flush()
        assert hnsw_options(other) is None
        with caplog.at_level(logging.INFO, logger="rag.pgvector_hnsw"):
            store.flush()
        assert hnsw_options(other) == ["m=16", "ef_construction=64"] and not store.hnsw.loading
        assert "over 3 chunks" in caplog.text
        # The loader's lock is free again, and the raised memory was for the build only.
        sql = "SELECT pg_try_advisory_lock(hashtext(%s)), pg_advisory_unlock(hashtext(%s))"
        assert other.conn.execute(sql, (store.hnsw.lock_key,) * 2).fetchone() == (True, True)
        server_default = other.conn.execute("SHOW maintenance_work_mem").fetchone()
        assert store.conn.execute("SHOW maintenance_work_mem").fetchone() == server_default
    finally:
        other.close()
    assert store.search(vectors[1], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
    store.check_consistency()


def test_writes_into_a_filled_index_keep_the_live_index(store):
    put_file(store, ["alpha"], path="/a.txt")
    put_file(store, ["beta"], path="/b.txt", flush=False)
    assert hnsw_options(store) is not None and not store.hnsw.loading


def test_a_loader_that_dies_leaves_the_build_to_the_next_process(store, pg_settings):
    waiting = open_store(pg_settings, Dim8())  # opened before the load: it will flush after
    try:
        put_file(store, ["alpha", "beta"], flush=False)
        pid = store.conn.info.backend_pid
        store.conn.close()  # the loader's session ends, as a killed process's does
        gone = "SELECT NOT EXISTS (SELECT 1 FROM pg_stat_activity WHERE pid = %s)"
        for _ in range(100):  # the server ends the session (and its locks) just after
            if waiting.conn.execute(gone, (pid,)).fetchone()[0]:
                break
            time.sleep(0.05)
        assert hnsw_options(waiting) is None
        waiting.flush()
        assert hnsw_options(waiting) == ["m=16", "ef_construction=64"]
        waiting.conn.execute(f"DROP INDEX {waiting.tables.hnsw}")  # as a dead loader leaves it
        again = open_store(pg_settings, Dim8())  # the next open builds it as well
        assert hnsw_options(again) == ["m=16", "ef_construction=64"] and again.count() == 2
        again.close()
    finally:
        waiting.close()


def test_a_parallel_build_without_shared_memory_builds_serially(store, monkeypatch, caplog):
    """A parallel build keeps the graph in shared memory; Docker's 64 MB /dev/shm refuses a
    large one with a disk-full error (SQLSTATE 53100). Here the first CREATE raises it."""
    real, calls = Tables.create_hnsw, []

    def first_fails(self, m, ef_construction):
        calls.append(m)
        if len(calls) == 1:
            return (
                "DO $$ BEGIN RAISE EXCEPTION 'could not resize shared memory segment'"
                " USING ERRCODE = 'disk_full'; END $$"
            )
        return real(self, m, ef_construction)

    monkeypatch.setattr(Tables, "create_hnsw", first_fails)
    put_file(store, ["alpha"], flush=False)
    with caplog.at_level(logging.WARNING, logger="rag.pgvector_hnsw"):
        store.flush()
    assert "building serially" in caplog.text and len(calls) == 2
    assert hnsw_options(store) == ["m=16", "ef_construction=64"]


def test_build_memory_fits_the_graph_within_the_cap():
    # 30k 384-d rows with m 16: 2,248 bytes each measured plus a quarter, ~80 MB.
    assert build_memory_kb(30_000, 384, 16, 65_536, 1024) == pytest.approx(82_325, abs=2)
    assert build_memory_kb(100, 384, 16, 65_536, 1024) == 65_536  # never below the server's
    assert build_memory_kb(10_000_000, 384, 16, 65_536, 1024) == 1024 * 1024  # the cap
