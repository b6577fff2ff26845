"""The FTS5 query: stop words dropped, at most MAX_TERMS terms, the rarest kept."""

from __future__ import annotations

import re

import numpy as np

from rag.keyword_query import MAX_TERMS, STOP_WORDS, query_words, rarest
from rag.schema import Chunk
from rag.store import FaissStore, FileRecord


def fill(store: FaissStore, texts: list[str]) -> None:
    """texts as the chunks of one file (replacing its earlier chunks)."""
    vectors = np.eye(len(texts), store.dim, dtype=np.float32)
    chunks = [Chunk(t, "f.txt", "/f.txt", i, f"h{i}") for i, t in enumerate(texts)]
    store.replace_file(FileRecord("/f.txt", "f.txt", "x", 1, 1.0, len(texts), ""), chunks, vectors)


def matches(store: FaissStore, query: str) -> list[str]:
    """The MATCH expressions the store sends to FTS5 for one keyword search."""
    seen: list[str] = []

    def trace(sql: str) -> None:
        if "MATCH" in sql:
            seen.append(re.search(r"MATCH '(.*)' ORDER", sql).group(1))

    store._keywords.db.set_trace_callback(trace)
    try:
        store.keyword_search(query, 5)
    finally:
        store._keywords.db.set_trace_callback(None)
    return seen


def test_stop_words_are_not_in_the_query(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["how long does the refund take", "refund policy for the store"])
    (match,) = matches(store, "How long does the refund take?")
    terms = re.findall(r'"(\w+)"', match)
    assert terms == ["long", "refund", "take"] and not STOP_WORDS & set(terms)
    assert query_words("what is it?") == ["what", "is", "it"]  # nothing else: keep them


def test_cap_keeps_the_rarest_terms_by_document_frequency(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    # "order" in every chunk, "shipping" in 4, "returns" in 3 ... "warranty" and "zebra" in 1.
    texts = ["order shipping returns invoice warranty zebra"]
    texts += ["order shipping returns invoice"] + ["order shipping returns"] + ["order shipping"]
    texts += ["order"] * 3
    fill(store, texts)
    query = "Order shipping returns invoice warranty zebra kangaroo?"
    assert MAX_TERMS == 5
    (match,) = matches(store, query)
    # kangaroo is in no chunk (it cannot match); order, the commonest, is the one over the cap.
    assert re.findall(r'"(\w+)"', match) == ["shipping", "returns", "invoice", "warranty", "zebra"]
    # Stemmed like the index: "returns" counts chunks holding "return"/"returns".
    doc_freq = store._keywords._doc_freq(["returns", "orders"], store.generation)
    assert doc_freq == {"returns": 3, "orders": 7}
    assert store.keyword_search("kangaroo", 5) == []


def test_rarest_keeps_query_order_and_breaks_ties_by_position():
    df = {"a1": 5, "b2": 1, "c3": 1, "d4": 9}
    assert rarest(["d4", "c3", "a1", "b2"], df, limit=3) == ["c3", "a1", "b2"]
    assert rarest(["x9"], df) == []


def test_doc_frequencies_are_read_again_after_a_write(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["zebra", "horse"])
    assert store._keywords._doc_freq(["zebra"], store.generation) == {"zebra": 1}
    fill(store, ["zebra", "zebra", "zebra"])  # replaces the file: a new generation
    assert store._keywords._doc_freq(["zebra"], store.generation) == {"zebra": 3}
