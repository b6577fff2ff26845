"""The answer cache: a repeated question costs a lookup, not a generation.

Key: mode, standalone (condensed) query, generation options, the collections searched (when
a search is limited to some), and the index generation, so any
ingest, removal or re-index makes every older entry unreachable. The exact query is tried
first; then, in `semantic` mode, the closest stored query embedding of the same mode, options
and generation that names the same figures and model codes, if its cosine similarity reaches
`cache.min_similarity`. Stored in SQLite
beside the index (JSON text and float32 blobs, no pickle).

Only deterministic answers are stored: greedy decoding (temperature 0), no error, not
stopped early. A sampled answer is meant to differ from one ask to the next.
"""

from __future__ import annotations

import json
import re
import sqlite3
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from rag.collections import scope_key
from rag.engine import AnswerOptions, ChatEngine
from rag.prompting import Messages
from rag.schema import Answer, Hit, Timings
from rag.settings import CacheSettings

CACHE_MODES = ("semantic", "exact", "none")
FILE_NAME = "answer-cache.sqlite"

SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    id INTEGER PRIMARY KEY AUTOINCREMENT, mode TEXT NOT NULL, options TEXT NOT NULL,
    generation INTEGER NOT NULL, query TEXT NOT NULL, vector BLOB NOT NULL,
    answer TEXT NOT NULL, created REAL NOT NULL);
CREATE INDEX IF NOT EXISTS answers_key ON answers(mode, options, generation, query);
"""


@dataclass(frozen=True)
class CacheKey:
    mode: str
    query: str  # the standalone query retrieval searches
    options: str  # the generation options, as canonical JSON
    generation: int  # the docstore generation (rag.store.FaissStore.generation)


@dataclass
class Lookup:
    """One lookup's key and query embedding (reused to store the answer on a miss)."""

    key: CacheKey | None  # None: this answer is not cacheable
    vector: np.ndarray | None = None
    answer: Answer | None = None  # the cached answer on a hit
    match: str = ""  # "exact" or "semantic"
    similarity: float = 0.0


_IDENTIFIER = re.compile(r"[\w$.,-]*\d[\w$.,-]*")


def identifiers(text: str) -> frozenset[str]:
    """The words with a digit in them (model codes, prices, error codes): 'sf-200', 'e04'."""
    return frozenset(m.strip(".,-").lower() for m in _IDENTIFIER.findall(text))


def _check_mode(mode: str) -> str:
    match mode:
        case "semantic" | "exact" | "none":
            return mode
        case _:
            raise ValueError(f"cache.mode = '{mode}': expected one of {', '.join(CACHE_MODES)}")


def answer_json(answer: Answer, text: str) -> str:
    data = asdict(answer)
    data["text"] = text
    return json.dumps(data, ensure_ascii=False)


def answer_from_json(raw: str) -> Answer:
    data = json.loads(raw)
    data["sources"] = [Hit(**h) for h in data["sources"]]
    data["hits"] = [Hit(**h) for h in data["hits"]]
    data["timings"] = Timings(**data["timings"])
    data["cached"] = True
    return Answer(**data)


class AnswerCache:
    def __init__(self, engine: ChatEngine, settings: CacheSettings, path: Path | None = None):
        self.engine = engine
        self.mode = _check_mode(settings.mode)
        self.min_similarity = settings.min_similarity
        self.max_entries = settings.max_entries
        self.path = path or _beside_index(engine)
        self._lock = threading.Lock()
        self._db: sqlite3.Connection | None = None
        if self.mode != "none":
            self._db = sqlite3.connect(self.path, check_same_thread=False)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.executescript(SCHEMA)

    def options_key(self, mode: str, options: AnswerOptions, extra: dict | None = None) -> str:
        """Everything besides the query that changes the answer, with settings' defaults
        filled in (an explicit default and an omitted one are the same answer)."""
        s = self.engine.settings
        chosen = {
            "top_k": options.top_k or s.retrieval.top_k,
            "min_score": s.retrieval.min_score if options.min_score is None else options.min_score,
            "min_relevance": s.retrieval.min_relevance
            if options.min_relevance is None
            else options.min_relevance,
            "max_new_tokens": options.max_new_tokens or s.llm.max_new_tokens,
            "temperature": s.llm.temperature
            if options.temperature is None
            else options.temperature,
            "adapter": options.adapter if mode != "rag" else None,
            # The checks decide whether an answer is given at all: a stored answer that a
            # stricter check would have withdrawn must not outlive the change. So do the
            # retrieval settings, for the passages it was written from.
            "answerability": s.answerability.model_dump(mode="json"),
            "retrieval": s.retrieval.model_dump(mode="json"),
            **(extra or {}),
        }
        if options.collections is not None:
            # An answer read from some collections is served only to a search of exactly those:
            # never to a caller who may not read one of them, nor one who asked for others.
            chosen["collections"] = scope_key(options.collections)
        return json.dumps(chosen, sort_keys=True)

    def lookup(
        self,
        question: str,
        history: Messages | None,
        mode: str,
        options: AnswerOptions,
        extra: dict | None = None,
    ) -> Lookup:
        """The cached answer for this question, or the key to store the coming answer under."""
        options_key = self.options_key(mode, options, extra)
        if self._db is None or json.loads(options_key)["temperature"] > 0:
            return Lookup(None)
        query = self.engine.standalone_query(question, history)
        generation = self.engine.retriever.store.generation
        key = CacheKey(mode, query, options_key, generation)
        vector = self.engine.retriever.embedder.encode([query])[0].astype(np.float32)
        found = Lookup(key, vector)
        with self._lock:
            rows = self._db.execute(
                "SELECT query, vector, answer FROM answers WHERE mode=? AND options=? AND "
                "generation=? ORDER BY id DESC",
                (mode, options_key, generation),
            ).fetchall()
        exact = next((r for r in rows if r[0] == query), None)
        if exact is not None:
            found.answer, found.match, found.similarity = answer_from_json(exact[2]), "exact", 1.0
        elif self.mode == "semantic" and rows:
            # Embeddings barely tell "SF-120" from "SF-200" (cosine 0.975 for the same question
            # about two panels): a semantic match must name the same figures and model codes.
            names = identifiers(query)
            rows = [r for r in rows if identifiers(r[0]) == names]
        if found.answer is None and self.mode == "semantic" and rows:
            stored = np.frombuffer(b"".join(r[1] for r in rows), dtype=np.float32)
            similarities = stored.reshape(len(rows), -1) @ vector
            best = int(np.argmax(similarities))
            if similarities[best] >= self.min_similarity:
                found.answer = answer_from_json(rows[best][2])
                found.match, found.similarity = "semantic", float(similarities[best])
        return found

    def store(self, lookup: Lookup, answer: Answer, text: str, stopped: bool = False) -> bool:
        """Keep a finished answer; False when it must not be reused."""
        if self._db is None or lookup.key is None or lookup.vector is None:
            return False
        if stopped or answer.error or answer.cached or not text.strip():
            return False
        key = lookup.key
        with self._lock, self._db:
            # Entries of older generations can never be reached again.
            self._db.execute("DELETE FROM answers WHERE generation < ?", (key.generation,))
            self._db.execute(
                "INSERT INTO answers (mode, options, generation, query, vector, answer, created)"
                " VALUES (?,?,?,?,?,?,?)",
                (
                    key.mode,
                    key.options,
                    key.generation,
                    key.query,
                    lookup.vector.tobytes(),
                    answer_json(answer, text),
                    time.time(),
                ),
            )
            self._db.execute(
                "DELETE FROM answers WHERE id NOT IN "
                "(SELECT id FROM answers ORDER BY id DESC LIMIT ?)",
                (self.max_entries,),
            )
        return True

    def count(self) -> int:
        if self._db is None:
            return 0
        with self._lock:
            return self._db.execute("SELECT COUNT(*) FROM answers").fetchone()[0]

    def close(self) -> None:
        if self._db is not None:
            self._db.close()


def _beside_index(engine: ChatEngine) -> Path:
    """In the FAISS index's folder; for a store without one (pgvector), in store.path."""
    folder = getattr(engine.retriever.store, "path", None)
    if folder is None:
        folder = engine.settings.resolve(engine.settings.store.path)
        folder.mkdir(parents=True, exist_ok=True)
    return Path(folder) / FILE_NAME
