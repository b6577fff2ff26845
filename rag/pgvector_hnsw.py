"""The HNSW index of a pgvector index: built at open, rebuilt when its parameters change, and
built once after a first load instead of grown row by row during it.

pgvector inserts a row into a live HNSW graph at ~3–7 ms per 384-d chunk on 2 cores, while one
build over rows already in the table costs a fraction of that if the graph fits in
maintenance_work_mem (bench/first_load.py; pgvector's own advice: load first, index after). So
the first write into an empty index drops the HNSW index inside that write's transaction, rows
go in without it, and flush() builds it. Meanwhile searches scan the table exactly (the same
answers, slower), and:
- the loader holds a session advisory lock from the drop to the build, so another process that
  opens the index or flushes its own writes meanwhile leaves the build to the loader;
- a loader that dies, even by SIGKILL, loses its session and the lock with it: the next open or
  flush of any process finds the index missing and the lock free, and builds it.
"""

from __future__ import annotations

import logging
import math
from typing import Any

from rag.pgvector_schema import Tables, hnsw_options

log = logging.getLogger(__name__)

# Bytes of build memory per row beyond its vector: 2*m base-layer neighbours of ~16 bytes (a
# pointer and a distance), the upper layers' share and the element's header. Measured on
# pgvector 0.6.2 (384-d, m 16): the graph outgrew 16 MB after 7,450 rows and 32 MB after 14,908,
# 2.25 kB a row, as 1,536 + 32 * 16 + 200 bytes gives; the build after that point, on disk,
# took 231 s for 30k rows in one process, against 33 s with the graph in memory.
PER_NEIGHBOUR_BYTES = 16
PER_ROW_BYTES = 200
HEADROOM = 1.25


def build_memory_kb(rows: int, dim: int, m: int, current_kb: int, cap_mb: int) -> int:
    """maintenance_work_mem (kB) for building the graph of `rows` vectors in memory: the
    estimate with headroom, never below the server's setting nor above `cap_mb` (a parallel
    build allocates all of it as shared memory up front, so more than the graph is waste)."""
    graph = rows * (4 * dim + 2 * m * PER_NEIGHBOUR_BYTES + PER_ROW_BYTES) * HEADROOM
    return max(current_kb, min(math.ceil(graph / 1024), cap_mb * 1024))


class HnswIndex:
    """One index's HNSW index; every method runs on the caller's connection and transaction."""

    def __init__(
        self, tables: Tables, dim: int, m: int, ef_construction: int, build_memory_mb: int
    ):
        self.tables, self.dim = tables, dim
        self.m, self.ef_construction = m, ef_construction
        self.build_memory_mb = build_memory_mb
        self.lock_key = f"ragchat:hnsw-build:{tables.prefix}"
        # False: a first load grows the live graph row by row (bench/first_load.py times both).
        self.defer_first_load = True
        self.loading = False  # this connection dropped the index for a first load

    def _catalog_row(self, conn: Any) -> tuple | None:
        """(reloptions,) of the HNSW index, None without one. Read from pg_class under the
        statement's snapshot: to_regclass() may answer from the backend's name cache, which
        learns of another connection's committed CREATE INDEX only at its next lock, so a
        flush that waited on the writers' lock would not see the index the loader built."""
        sql = (
            "SELECT reloptions FROM pg_class WHERE relname = %s AND relkind = 'i'"
            " AND pg_table_is_visible(oid)"
        )
        return conn.execute(sql, (self.tables.hnsw_bare,)).fetchone()

    def exists(self, conn: Any) -> bool:
        return self._catalog_row(conn) is not None

    def ensure(self, conn: Any) -> None:
        """At open: build a missing index (unless a first load elsewhere is about to), rebuild
        one whose m / ef_construction differ from the settings."""
        t = self.tables
        row = self._catalog_row(conn)
        wanted = {"m": self.m, "ef_construction": self.ef_construction}
        if row is not None and hnsw_options(row[0]) == wanted:
            return
        if row is None and not self._nobody_loading(conn):
            return
        if row is not None:
            log.info(
                "rebuilding HNSW index %s: %s -> %s", t.hnsw_bare, hnsw_options(row[0]), wanted
            )
            conn.execute(f"DROP INDEX {t.hnsw}")
        self._build(conn)

    def defer(self, conn: Any) -> None:
        """Inside a write transaction, after the writers' lock: the first write into an empty
        index drops the HNSW index; finish() builds it."""
        if self.loading or not self.defer_first_load:
            return
        t = self.tables
        empty = f"SELECT NOT EXISTS (SELECT 1 FROM {t.chunks})"
        if not conn.execute(empty).fetchone()[0] or not self.exists(conn):
            return
        # Session-level: it outlives this transaction, until release() or the connection ends.
        sql = "SELECT pg_try_advisory_lock(hashtext(%s))"
        if not conn.execute(sql, (self.lock_key,)).fetchone()[0]:
            return
        self.loading = True  # before the DROP: a rollback keeps the index, release() unlocks
        conn.execute(f"DROP INDEX {t.hnsw}")

    def finish(self, conn: Any) -> None:
        """At flush, inside a transaction after the writers' lock: build a missing index when
        this store is the loader, or no process is."""
        if not self.exists(conn) and (self.loading or self._nobody_loading(conn)):
            self._build(conn)

    def release(self, conn: Any) -> None:
        """After finish()'s transaction: let go of the loader's lock."""
        if self.loading:
            self.loading = False
            conn.execute("SELECT pg_advisory_unlock(hashtext(%s))", (self.lock_key,))

    def _nobody_loading(self, conn: Any) -> bool:
        sql = "SELECT pg_try_advisory_xact_lock(hashtext(%s))"
        return bool(conn.execute(sql, (self.lock_key,)).fetchone()[0])

    def _build(self, conn: Any) -> None:
        """CREATE INDEX with maintenance_work_mem raised for this transaction only."""
        t = self.tables
        rows = int(conn.execute(f"SELECT count(*) FROM {t.chunks}").fetchone()[0])
        sql = "SELECT setting::bigint FROM pg_settings WHERE name = 'maintenance_work_mem'"
        current = int(conn.execute(sql).fetchone()[0])
        kb = build_memory_kb(rows, self.dim, self.m, current, self.build_memory_mb)
        conn.execute("SELECT set_config('maintenance_work_mem', %s, true)", (f"{kb}kB",))
        psycopg_errors = _errors()
        try:
            with conn.transaction():  # a savepoint: the retry below runs in the same transaction
                conn.execute(t.create_hnsw(self.m, self.ef_construction))
        except (psycopg_errors.DiskFull, psycopg_errors.OutOfMemory) as err:
            # A parallel build puts the graph in shared memory; a container's small /dev/shm
            # (Docker: 64 MB) refuses it. One process builds in its own memory instead.
            log.warning("parallel HNSW build of %s failed (%s): building serially", t.hnsw, err)
            conn.execute("SELECT set_config('max_parallel_maintenance_workers', '0', true)")
            conn.execute(t.create_hnsw(self.m, self.ef_construction))
        log.info("built HNSW index %s over %d chunks (%d kB to build in)", t.hnsw, rows, kb)


def _errors() -> Any:
    import psycopg.errors  # the pgvector extra: only reached once a store has connected

    return psycopg.errors
