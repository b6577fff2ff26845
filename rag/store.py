"""FAISS vectors + SQLite docstore, kept consistent and crash-safe.

SQLite is the source of truth: it holds each chunk's text, metadata and vector, the file
manifest (content hashes) and an FTS5 keyword index. The FAISS file is a derived cache named
after the docstore generation; if it is missing or stale (a crash between the SQLite commit and
the FAISS write) it is rebuilt from the stored vectors, never re-embedded. No pickle anywhere.
"""

from __future__ import annotations

import json
import logging
import sqlite3
import threading
import time
from pathlib import Path

import faiss
import numpy as np

from rag.atomic_file import atomic_write_bytes
from rag.collections import Scope
from rag.docstore_schema import SCHEMA, FileRecord, StoreMismatchError, checked_vectors, migrate
from rag.faiss_gpu import GpuSearch, gpu_count
from rag.faiss_index import IndexChoice, kind_of, removable, stored_ids
from rag.keyword_reader import KeywordReader
from rag.schema import Chunk, QuestionHeading
from rag.store_filter import ScopeIds, scoped_search
from rag.store_sync import apply_delta, read_delta
from rag.threads import faiss_threads

log = logging.getLogger(__name__)


class FaissStore:
    """Chunks with vectors; inner-product search (vectors are normalised: cosine), exact (flat)
    or HNSW as `index` chooses (rag.faiss_index)."""

    def __init__(
        self,
        path: Path,
        model_name: str,
        dim: int,
        extra_manifest: dict | None = None,
        use_gpu: bool = False,
        search_threads: int = 1,
        index: IndexChoice | None = None,
        keyword_index: str = "memory",
    ):
        self.choice = index or IndexChoice()
        self._rebuild = False  # an HNSW index lost ids: the next sync rebuilds it
        self._file_stale = False  # rebuilt at the same generation: flush rewrites the file
        self.search_threads = search_threads  # FAISS's OpenMP threads per search (rag.threads)
        self.path = Path(path)
        self.path.mkdir(parents=True, exist_ok=True)
        self.dim = dim
        self.lock = threading.RLock()  # one connection, shared by the UI's sessions
        # One catch-up with another process's ingest at a time; searches go on meanwhile.
        self._sync_lock = threading.Lock()
        self._index_generation = -1  # the docstore generation the in-memory index matches
        self.db = sqlite3.connect(self.path / "docstore.sqlite", check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=FULL")
        self.db.executescript(SCHEMA)
        migrate(self.db)  # an index made before collections: all of it in `default`
        self._check_manifest(model_name, dim, extra_manifest or {})
        # Search on the GPU only where faiss-gpu finds a device (store.use_gpu).
        self._gpu = GpuSearch() if use_gpu and gpu_count() else None
        self.index = self._load_index()
        self._keywords = KeywordReader(self.path / "docstore.sqlite", keyword_index)
        self._scope_ids = ScopeIds(self.db)

    # -- manifest -------------------------------------------------------------------------
    def _meta(self, key: str) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return row[0] if row else None

    def _check_manifest(self, model_name: str, dim: int, extra: dict) -> None:
        stored_model, stored_dim = self._meta("embedding_model"), self._meta("dim")
        if stored_model is None:
            with self.db:
                self.db.executemany(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)",
                    [("embedding_model", model_name), ("dim", str(dim)), ("generation", "0")],
                )
        elif stored_model != model_name or int(stored_dim or 0) != dim:
            raise StoreMismatchError(
                f"index {self.path} was built with embedding model '{stored_model}' "
                f"({stored_dim}-d) but the configured model is '{model_name}' ({dim}-d); "
                "use another --index or re-ingest into a fresh one"
            )
        with self.db:
            for key, value in extra.items():
                self.db.execute(
                    "INSERT OR REPLACE INTO meta VALUES (?, ?)", (key, json.dumps(value))
                )

    @property
    def generation(self) -> int:
        return int(self._meta("generation") or 0)

    def manifest(self) -> dict:
        meta = dict(self.db.execute("SELECT key, value FROM meta").fetchall())
        files = {r.source: r.file_hash for r in self.files()}
        return {"meta": meta, "files": files, "chunks": self.count()}

    # -- FAISS cache ----------------------------------------------------------------------
    def _faiss_file(self, generation: int) -> Path:
        return self.path / f"vectors-{generation}.faiss"

    def _load_index(self) -> faiss.Index:
        gen = self.generation
        self._index_generation = gen  # read first: a later change makes the next search sync
        file = self._faiss_file(gen)
        if file.exists():
            index = faiss.read_index(str(file))
            if index.ntotal == self.count() and index.d == self.dim:
                if self.choice.fits(index):
                    return self.choice.configure(index)
                log.info("store.index asks for another index than %s: rebuilding it", file)
        elif self.count():
            log.warning("vector index %s missing or stale: rebuilding from the docstore", file)
        self.index = self.choice.build(self.dim, *self._all_vectors())
        self._file_stale = True
        self.flush()
        return self.index

    def _all_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        rows = self.db.execute("SELECT id, vector FROM chunks ORDER BY id").fetchall()
        ids = np.array([r[0] for r in rows], dtype=np.int64)
        vectors = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32)
        return ids, vectors.reshape(len(rows), self.dim)

    def sync(self) -> bool:
        """Catch the in-memory index up with what another process committed; True if it had to.

        One read of the generation when nothing changed. Otherwise the missing and vanished
        chunks are read on a separate connection without holding the store's lock (other
        sessions keep searching the old index meanwhile) and applied under it in one step.
        """
        with self.lock:
            if self.generation == self._index_generation and not self._rebuild:
                return False
        with self._sync_lock:
            with self.lock:
                if self.generation == self._index_generation and not self._rebuild:
                    return False  # another thread caught up while this one waited
                full, self._rebuild = self._rebuild, False  # a removal meanwhile sets it again
                have = stored_ids(self.index)
            db_file = self.path / "docstore.sqlite"
            delta = None if full else read_delta(db_file, self.dim, have)
            if delta is None or (len(delta.remove_ids) and not removable(self.index)):
                # HNSW cannot drop ids: a new index from every stored vector, built while other
                # sessions search the old one; local writes meanwhile bump the generation past
                # delta's, so the next sync adds them.
                delta = read_delta(db_file, self.dim, np.zeros(0, np.int64))
                fresh, full = self.choice.build(self.dim, delta.add_ids, delta.add_vectors), True
            with self.lock:
                if self._gpu:
                    self._gpu.invalidate()
                if full:
                    self.index, self._index_generation = fresh, delta.generation
                    self._file_stale = True
                else:
                    apply_delta(self.index, delta)
                    self._index_generation = max(self._index_generation, delta.generation)
        log.info("index caught up with generation %d", delta.generation)
        return True

    def flush(self) -> None:
        """Persist the FAISS index for the current generation and drop older files."""
        with self.lock:
            # auto past its threshold (either way) or changed HNSW parameters: a new index
            self._rebuild = self._rebuild or not self.choice.fits(self.index)
        self.sync()  # the file is named after the generation: it must hold all of it
        with self.lock:
            gen = self.generation
            target = self._faiss_file(gen)
            if not target.exists() or self._file_stale:
                data = faiss.serialize_index(self.index).tobytes()
                atomic_write_bytes(target, data)
                self._file_stale = False
            for old in self.path.glob("vectors-*.faiss"):
                if old != target:
                    old.unlink(missing_ok=True)
            manifest = json.dumps(self.manifest(), indent=1, sort_keys=True).encode()
            atomic_write_bytes(self.path / "manifest.json", manifest)

    # -- writes ---------------------------------------------------------------------------
    def replace_file(self, record: FileRecord, chunks: list[Chunk], vectors: np.ndarray) -> int:
        """Swap a file's chunks for new ones in one transaction. Returns chunks removed."""
        vectors = checked_vectors(len(chunks), vectors, self.dim)
        with self.lock:
            return self._replace_file(record, chunks, vectors)

    def _replace_file(self, record: FileRecord, chunks: list[Chunk], vectors: np.ndarray) -> int:
        with self.db:
            old_ids = [
                r[0] for r in self.db.execute("SELECT id FROM chunks WHERE path=?", (record.path,))
            ]
            self.db.execute("DELETE FROM chunks WHERE path=?", (record.path,))
            new_ids = []
            for chunk, vector in zip(chunks, vectors, strict=True):
                cur = self.db.execute(
                    "INSERT INTO chunks (path, source, chunk_index, page, title, heading, text,"
                    " content_hash, vector, collection) VALUES (?,?,?,?,?,?,?,?,?,?)",
                    (
                        record.path,
                        record.source,
                        chunk.chunk_index,
                        chunk.page,
                        chunk.title,
                        chunk.heading,
                        chunk.text,
                        chunk.content_hash,
                        vector.tobytes(),
                        record.collection,
                    ),
                )
                new_ids.append(cur.lastrowid)
            self.db.execute(
                "INSERT OR REPLACE INTO files VALUES (?,?,?,?,?,?,?,?)",
                (
                    record.path,
                    record.source,
                    record.file_hash,
                    record.size,
                    record.mtime,
                    len(chunks),
                    record.indexed_at or time.strftime("%Y-%m-%d %H:%M:%S"),
                    record.collection,
                ),
            )
            generation = self._bump_generation()
        self._update_index(old_ids, np.array(new_ids, dtype=np.int64), vectors, generation)
        return len(old_ids)

    def remove_file(self, path: str) -> int:
        with self.lock:
            with self.db:
                rows = self.db.execute("SELECT id FROM chunks WHERE path=?", (path,))
                old_ids = [r[0] for r in rows]
                self.db.execute("DELETE FROM chunks WHERE path=?", (path,))
                self.db.execute("DELETE FROM files WHERE path=?", (path,))
                generation = self._bump_generation()
            empty = np.zeros((0, self.dim), np.float32)
            self._update_index(old_ids, np.zeros(0, dtype=np.int64), empty, generation)
        return len(old_ids)

    def touch_file(self, path: str, source: str, mtime: float) -> None:
        """Record a new mtime/source for an unchanged file, so the next run skips hashing."""
        with self.lock, self.db:
            self.db.execute(
                "UPDATE files SET mtime=?, source=? WHERE path=?", (mtime, source, path)
            )

    def _bump_generation(self) -> int:
        """The new generation (inside the write transaction: no other writer can interleave)."""
        self.db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key='generation'")
        return self.generation

    def _update_index(
        self, old_ids: list[int], new_ids: np.ndarray, vectors: np.ndarray, generation: int
    ) -> None:
        with self.lock:
            if self._gpu:
                self._gpu.invalidate()
            if old_ids and not removable(self.index):
                self._rebuild = True  # HNSW: the next search or flush rebuilds it from SQLite
            elif old_ids:
                self.index.remove_ids(np.array(old_ids, dtype=np.int64))
            if len(new_ids) and not self._rebuild:
                self.index.add_with_ids(vectors, new_ids)
            # Current only if no other process wrote since the index last matched; else the
            # next search catches up.
            if generation - 1 == self._index_generation:
                self._index_generation = generation

    # -- reads ----------------------------------------------------------------------------
    @property
    def device(self) -> str:
        """Where vector search runs: "cuda", or "cpu" (always with HNSW: rag.faiss_gpu copies
        only a flat index)."""
        return "cuda" if self._gpu and kind_of(self.index) == "flat" else "cpu"

    def count(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    def collections(self) -> dict[str, int]:
        """Every collection with its chunk count, by name."""
        with self.lock:
            rows = self.db.execute(
                "SELECT collection, COUNT(*) FROM chunks GROUP BY collection ORDER BY collection"
            )
            return dict(rows.fetchall())

    def question_headings(self) -> list[QuestionHeading]:
        """Every chunk whose heading is a question."""
        sql = "SELECT id, heading, collection FROM chunks WHERE rtrim(heading) LIKE ?"
        with self.lock:
            return [QuestionHeading(*row) for row in self.db.execute(sql, ("%?",))]

    def files(self) -> list[FileRecord]:
        rows = self.db.execute("SELECT * FROM files ORDER BY source").fetchall()
        return [FileRecord(*row) for row in rows]

    def file(self, path: str) -> FileRecord | None:
        row = self.db.execute("SELECT * FROM files WHERE path=?", (path,)).fetchone()
        return FileRecord(*row) if row else None

    def vectors_by_hash(self, hashes: list[str]) -> dict[str, np.ndarray]:
        """Stored vectors for known chunk texts: unchanged chunks are never embedded twice."""
        found: dict[str, np.ndarray] = {}
        for start in range(0, len(hashes), 500):
            part = hashes[start : start + 500]
            marks = ",".join("?" * len(part))
            for h, blob in self.db.execute(
                f"SELECT content_hash, vector FROM chunks WHERE content_hash IN ({marks})", part
            ):
                found[h] = np.frombuffer(blob, dtype=np.float32)
        return found

    def search(self, vector: np.ndarray, k: int, scope: Scope = None) -> list[tuple[int, float]]:
        """The k nearest chunks, only from the scope's collections (None: all of them)."""
        self.sync()  # another process may have ingested since the last search
        with self.lock:
            if self.index.ntotal == 0:
                return []
            query = vector.reshape(1, -1).astype(np.float32)
            if scope is not None:
                gen = self.generation
                allowed, selector = (
                    self._scope_ids(scope, gen),
                    self._scope_ids.selector(scope, gen),
                )
                if not len(allowed):
                    return []
                # On the CPU index even with a GPU: faiss-gpu's flat search takes no selector.
                with faiss_threads(self.search_threads):
                    scores, ids = scoped_search(
                        self.index, query, k, allowed, self.choice, selector
                    )
            elif self.device == "cuda":
                scores, ids = self._gpu.search(self.index, query, k)
            else:
                with faiss_threads(self.search_threads):
                    scores, ids = self.index.search(query, k)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]

    def keyword_search(self, query: str, k: int, scope: Scope = None) -> list[tuple[int, float]]:
        """BM25 over FTS5 on the query's rarest words, stop words out (rag.keyword_query);
        only chunks of the scope's collections (None: all of them). On its own connection
        (rag.keyword_reader): it runs beside a vector search."""
        return self._keywords.search(query, k, scope)

    def get_chunks(self, ids: list[int]) -> dict[int, tuple[Chunk, np.ndarray]]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        with self.lock:
            rows = self.db.execute(
                "SELECT id, path, source, chunk_index, page, title, heading, text, content_hash,"
                f" vector, collection FROM chunks WHERE id IN ({marks})",
                ids,
            ).fetchall()
        out = {}
        for r in rows:
            chunk = Chunk(
                id=r[0],
                path=r[1],
                source=r[2],
                chunk_index=r[3],
                page=r[4],
                title=r[5],
                heading=r[6],
                text=r[7],
                content_hash=r[8],
                collection=r[10],
            )
            out[r[0]] = (chunk, np.frombuffer(r[9], dtype=np.float32))
        return out

    def check_consistency(self) -> None:
        """FAISS ids == docstore ids; raises AssertionError naming the difference."""
        if self._rebuild:
            self.sync()  # an HNSW removal is applied by its rebuild
        faiss_ids = set(stored_ids(self.index).tolist())
        db_ids = {r[0] for r in self.db.execute("SELECT id FROM chunks")}
        if faiss_ids != db_ids:
            raise AssertionError(
                f"index out of sync: {len(faiss_ids - db_ids)} vectors without chunk, "
                f"{len(db_ids - faiss_ids)} chunks without vector"
            )

    def close(self) -> None:
        self._keywords.close()
        self.db.close()
