"""Keyword search on its own read-only SQLite connection.

The store's main connection is shared under one lock by vector search, fetches and writes. With
the keyword side on a connection of its own, Retriever.search runs it beside the query
embedding and the FAISS search (SQLite, ONNX Runtime and FAISS all release the GIL while they
work), so a hybrid query costs the longer of the two sides instead of their sum. WAL mode lets
this reader see every committed write without blocking the writer.

With `store.keyword_index: memory` (the default) the BM25 scores come from postings held in
memory (rag.keyword_memory), built in a background thread for the docstore's generation; until
they match the current generation, FTS5 answers, with the same results. The build starts at a
process's second search, so a one-shot `ragchat ask` or `search` reads no postings.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

from rag import keyword_memory
from rag.collections import Scope
from rag.keyword_query import DocFrequency, match_expression, query_words, rarest
from rag.store_filter import keyword_sql

log = logging.getLogger(__name__)
KEYWORD_INDEXES = ("memory", "fts5")


class KeywordReader:
    def __init__(self, db_path: Path, keyword_index: str = "memory"):
        if keyword_index not in KEYWORD_INDEXES:
            raise ValueError(f"store.keyword_index = {keyword_index!r}: choose memory or fts5")
        self.db_path = Path(db_path).resolve()
        self.db = sqlite3.connect(
            f"{self.db_path.as_uri()}?mode=ro", uri=True, check_same_thread=False
        )
        self.lock = threading.Lock()  # one statement at a time on this connection
        self._doc_freq = DocFrequency(self.db)
        self.in_memory = keyword_index == "memory"
        self._index: keyword_memory.KeywordIndex | None = None
        self._building: threading.Thread | None = None
        self._searches = 0
        self._failed_generation: int | None = None  # not retried until the next write

    def _generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def search(self, query: str, k: int, scope: Scope = None) -> list[tuple[int, float]]:
        """BM25 on the query's rarest words (rag.keyword_query), best first."""
        with self.lock:
            words = query_words(query)
            generation = self._generation()
            self._searches += 1
            index = self._current_index(generation, build=self._searches > 1)
            if index is not None:
                found = self._search_memory(index, words, k, scope)
                if found is not None:
                    return found
            words = rarest(words, self._doc_freq(words, generation))
            if not words:
                return []
            sql, names = keyword_sql(scope)
            rows = self.db.execute(sql, (match_expression(words), *names, k)).fetchall()
        return [(int(r[0]), -float(r[1])) for r in rows]

    def _search_memory(self, index, words, k, scope) -> list[tuple[int, float]] | None:
        stems = self._doc_freq.stems(words)
        if any(len(s) != 1 for s in stems.values()):
            return None  # a word of several tokens is a phrase: FTS5 matches those
        term = {w: s[0] for w, s in stems.items()}
        df = {w: index.hits(term[w]) for w in words}
        kept = rarest(words, df)
        return index.search([term[w] for w in kept], k, scope) if kept else []

    def _current_index(
        self, generation: int, build: bool = True
    ) -> keyword_memory.KeywordIndex | None:
        """The in-memory postings when they match `generation`; otherwise None, and (with
        `build`) a build of them is started unless one is running or failed at `generation`."""
        if not self.in_memory:
            return None
        if self._index is not None and self._index.generation == generation:
            return self._index
        running = self._building is not None and self._building.is_alive()
        if build and not running and self._failed_generation != generation:
            self._building = threading.Thread(
                target=self._build, args=(generation,), daemon=True, name="bm25-build"
            )
            self._building.start()
        return None

    def _build(self, generation: int) -> None:
        started = time.perf_counter()
        try:
            index = keyword_memory.build(str(self.db_path))
        except sqlite3.Error as err:  # the store keeps answering from FTS5
            log.warning("keyword postings not built, FTS5 answers: %s", err)
            index = None
        if index is None:
            log.info("keyword postings not in memory at generation %d; FTS5 answers", generation)
            self._failed_generation = generation
            return
        self._index = index
        log.info(
            "keyword postings of %d chunks in memory (%.1f MB) in %.2f s",
            *(len(index.ids), index.memory_bytes / 1e6, time.perf_counter() - started),
        )

    def wait_for_memory_index(self, timeout: float = 60.0) -> bool:
        """Build the postings for the current generation now; whether they are in use (for
        benchmarks and tests: searches never wait)."""
        with self.lock:
            generation = self._generation()
            self._current_index(generation)
            building = self._building
        if building is not None:
            building.join(timeout)
        return self._index is not None and self._index.generation == generation

    def close(self) -> None:
        # A build still running reads on a connection of its own and ends with the process.
        self._doc_freq.close()
        self.db.close()
