"""Keyword search on its own read-only SQLite connection.

The store's main connection is shared under one lock by vector search, fetches and writes. With
the keyword side on a connection of its own, Retriever.search runs it beside the query
embedding and the FAISS search (SQLite, ONNX Runtime and FAISS all release the GIL while they
work), so a hybrid query costs the longer of the two sides instead of their sum. WAL mode lets
this reader see every committed write without blocking the writer.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

from rag.collections import Scope
from rag.keyword_query import DocFrequency, match_expression, query_words, rarest
from rag.store_filter import keyword_sql


class KeywordReader:
    def __init__(self, db_path: Path):
        uri = f"{Path(db_path).resolve().as_uri()}?mode=ro"
        self.db = sqlite3.connect(uri, uri=True, check_same_thread=False)
        self.lock = threading.Lock()  # one statement at a time on this connection
        self._doc_freq = DocFrequency(self.db)

    def _generation(self) -> int:
        row = self.db.execute("SELECT value FROM meta WHERE key = 'generation'").fetchone()
        return int(row[0]) if row else 0

    def search(self, query: str, k: int, scope: Scope = None) -> list[tuple[int, float]]:
        """BM25 over FTS5 on the query's rarest words (rag.keyword_query), best first."""
        with self.lock:
            words = query_words(query)
            words = rarest(words, self._doc_freq(words, self._generation()))
            if not words:
                return []
            sql, names = keyword_sql(scope)
            rows = self.db.execute(sql, (match_expression(words), *names, k)).fetchall()
        return [(int(r[0]), -float(r[1])) for r in rows]

    def close(self) -> None:
        self._doc_freq.close()
        self.db.close()
