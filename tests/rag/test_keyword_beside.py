"""The keyword side of a hybrid search runs beside the vector side, on its own connection."""

from __future__ import annotations

import threading

import numpy as np

from rag.retriever import Retriever
from rag.schema import Chunk
from rag.settings import RetrievalSettings
from rag.store import FaissStore, FileRecord

DIM = 8


class OneHotEmbedder:
    """Every text on the first axis: enough for a search, and no model to load."""

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = np.zeros((len(texts), DIM), dtype=np.float32)
        vectors[:, 0] = 1.0
        return vectors

    def count_tokens(self, text: str) -> int:
        return len(text.split())


def filled_store(tmp_path, texts: list[str]) -> FaissStore:
    store = FaissStore(tmp_path, "m", DIM)
    vectors = np.zeros((len(texts), DIM), dtype=np.float32)
    vectors[:, 0] = 1.0
    chunks = [Chunk(t, "f.txt", "/f.txt", i, f"h{i}") for i, t in enumerate(texts)]
    store.replace_file(FileRecord("/f.txt", "f.txt", "x", 1, 1.0, len(texts), ""), chunks, vectors)
    return store


class MeetingStore:
    """A store whose keyword search waits until the vector search has begun: the search
    only finishes when the two sides run at once (in turn, the wait times out)."""

    def __init__(self, store: FaissStore):
        self.store = store
        self.vector_started = threading.Event()
        self.met = False

    def search(self, vector, k, scope=None):
        self.vector_started.set()
        return self.store.search(vector, k, scope)

    def keyword_search(self, query, k, scope=None):
        self.met = self.vector_started.wait(timeout=5)
        return self.store.keyword_search(query, k, scope)

    def __getattr__(self, name):
        return getattr(self.store, name)


def test_the_keyword_side_runs_while_the_vector_side_searches(tmp_path):
    store = filled_store(tmp_path, ["refund policy for lanterns", "shipping to Canada"])
    meeting = MeetingStore(store)
    retriever = Retriever(meeting, OneHotEmbedder(), RetrievalSettings(min_score=0.0))
    hits = retriever.search("refund for a lantern", k=2)
    assert meeting.met, "the keyword search waited for a vector search that never began"
    assert {h.text for h in hits} == {"refund policy for lanterns", "shipping to Canada"}
    store.close()


def test_the_keyword_connection_sees_each_committed_write(tmp_path):
    store = filled_store(tmp_path, ["refund policy"])
    assert [i for i, _ in store.keyword_search("refund", 5)]
    vectors = np.eye(1, DIM, dtype=np.float32)
    chunk = Chunk("zebra crossing guide", "g.txt", "/g.txt", 0, "z0")
    store.replace_file(FileRecord("/g.txt", "g.txt", "y", 1, 1.0, 1, ""), [chunk], vectors)
    found = store.keyword_search("zebra", 5)
    assert len(found) == 1 and store.get_chunks([found[0][0]])[found[0][0]][0].text == chunk.text
    store.remove_file("/f.txt")
    assert store.keyword_search("refund", 5) == []  # a removal is seen too
    store.close()
