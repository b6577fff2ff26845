"""Collections in the store: a scoped search never returns another collection's chunk, finds
as many of its own as an unscoped search would among them, and old indexes migrate into
`default` with nothing lost. FAISS (flat and HNSW) and pgvector (a real PostgreSQL)."""

from __future__ import annotations

import sqlite3

import numpy as np
import pytest

from rag.collections import CollectionDenied, CollectionError, resolve_scope
from rag.components import open_store
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FaissStore, FileRecord
from rag.store_protocol import VectorStore

DIM = 8
SMALL, LARGE = 5, 300  # a collection of 5 chunks among 300 others: over-fetch would miss it


class Dim8:
    name, dim = "m", DIM


def vectors(n: int, seed: int) -> np.ndarray:
    v = np.random.default_rng(seed).normal(size=(n, DIM)).astype(np.float32)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def put(store: VectorStore, path: str, collection: str, texts: list[str], seed: int) -> np.ndarray:
    vecs = vectors(len(texts), seed)
    chunks = [Chunk(t, path[1:], path, i, f"{path}-{i}") for i, t in enumerate(texts)]
    record = FileRecord(path, path[1:], f"h{seed}", 1, 1.0, len(texts), "", collection)
    store.replace_file(record, chunks, vecs)
    return vecs


def fill(store: VectorStore) -> tuple[np.ndarray, np.ndarray]:
    small = put(
        store, "/a/guide.txt", "a", [f"lighthouse keeper note {i}" for i in range(SMALL)], 1
    )
    large = put(store, "/b/big.txt", "b", [f"lighthouse harbour log {i}" for i in range(LARGE)], 2)
    store.flush()
    return small, large


def collections_of(store: VectorStore, found: list[tuple[int, float]]) -> set[str]:
    return {c.collection for c, _ in store.get_chunks([i for i, _ in found]).values()}


def check_scoped(store: VectorStore, small: np.ndarray, large: np.ndarray) -> None:
    assert store.collections() == {"a": SMALL, "b": LARGE}
    # The best matches of a query near an "a" chunk, seen from "b" only: never an "a" chunk.
    for query in (small[0], large[0]):
        assert collections_of(store, store.search(query, 20, frozenset({"b"}))) == {"b"}
        only_a = store.search(query, 20, frozenset({"a"}))
        assert len(only_a) == SMALL and collections_of(store, only_a) == {"a"}  # all of them
    # The true nearest "a" chunk to a "b" query comes first, as an exact search ranks it.
    query = large[0]
    best = int(np.argmax(small @ query))
    (top, score), *_ = store.search(query, 3, frozenset({"a"}))
    assert store.get_chunks([top])[top][0].chunk_index == best
    assert score == pytest.approx(float(small[best] @ query), abs=1e-4)
    assert store.search(query, 5, frozenset({"nobody"})) == []
    assert store.search(query, 5, frozenset()) == []  # a user who may read nothing
    assert store.keyword_search("lighthouse", 5, frozenset()) == []
    both = store.search(query, 20, frozenset({"a", "b"}))  # the whole index: no filter needed
    assert [i for i, _ in both] == [i for i, _ in store.search(query, 20)]
    assert len(store.search(query, 20)) == 20  # unscoped: both collections
    # Keyword side: every chunk says "lighthouse"; a scope keeps to its collection.
    assert collections_of(store, store.keyword_search("lighthouse", 50, frozenset({"a"}))) == {"a"}
    assert len(store.keyword_search("lighthouse", 50, frozenset({"a"}))) == SMALL
    assert collections_of(store, store.keyword_search("lighthouse", 50, frozenset({"b"}))) == {"b"}
    assert collections_of(store, store.keyword_search("lighthouse", 400)) == {"a", "b"}


@pytest.mark.parametrize("index", ["flat", "hnsw"])
def test_faiss_scoped_search_keeps_to_the_collection(tmp_path, index):
    settings = Settings(store={"path": tmp_path / "index", "index": index})
    store = open_store(settings, Dim8())
    try:
        check_scoped(store, *fill(store))
    finally:
        store.close()


def test_faiss_hnsw_large_scope_uses_the_graph_and_still_filters(tmp_path):
    # A scope over most of the index (above auto_above and a fifth): HNSW + selector.
    settings = Settings(store={"path": tmp_path / "index", "index": "hnsw", "auto_above": 10})
    store = open_store(settings, Dim8())
    try:
        _, large = fill(store)
        found = store.search(large[3], 10, frozenset({"b"}))
        assert len(found) == 10 and collections_of(store, found) == {"b"}
        assert found[0][1] == pytest.approx(1.0, abs=1e-4)
    finally:
        store.close()


def test_pgvector_scoped_search_keeps_to_the_collection(pg_settings):
    store = open_store(pg_settings, Dim8())
    try:
        check_scoped(store, *fill(store))
    finally:
        store.close()


def test_a_file_moves_to_the_collection_it_is_ingested_into(tmp_path):
    store = FaissStore(tmp_path, "m", DIM)
    try:
        put(store, "/f.txt", "a", ["one", "two"], 1)
        put(store, "/f.txt", "b", ["one", "two"], 1)
        assert store.collections() == {"b": 2} and store.file("/f.txt").collection == "b"
        store.check_consistency()
    finally:
        store.close()


# The docstore as it was before collections (rag/docstore_schema.py at that time).
OLD_SCHEMA = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE files (
    path TEXT PRIMARY KEY, source TEXT NOT NULL, file_hash TEXT NOT NULL, size INTEGER,
    mtime REAL, chunks INTEGER NOT NULL, indexed_at TEXT NOT NULL);
CREATE TABLE chunks (
    id INTEGER PRIMARY KEY AUTOINCREMENT, path TEXT NOT NULL, source TEXT NOT NULL,
    chunk_index INTEGER NOT NULL, page INTEGER, title TEXT, heading TEXT, text TEXT NOT NULL,
    content_hash TEXT NOT NULL, vector BLOB NOT NULL);
CREATE INDEX chunks_path ON chunks(path);
CREATE INDEX chunks_hash ON chunks(content_hash);
CREATE VIRTUAL TABLE chunks_fts USING fts5(
    text, content='chunks', content_rowid='id', tokenize='porter unicode61');
CREATE TRIGGER chunks_ai AFTER INSERT ON chunks BEGIN
    INSERT INTO chunks_fts(rowid, text) VALUES (new.id, new.text); END;
CREATE TRIGGER chunks_ad AFTER DELETE ON chunks BEGIN
    INSERT INTO chunks_fts(chunks_fts, rowid, text) VALUES ('delete', old.id, old.text); END;
"""


def test_an_index_from_before_collections_migrates_into_default(tmp_path):
    db = sqlite3.connect(tmp_path / "docstore.sqlite")
    db.executescript(OLD_SCHEMA)
    vecs = vectors(4, 3)
    with db:
        db.executemany(
            "INSERT INTO meta VALUES (?, ?)",
            [("embedding_model", "m"), ("dim", str(DIM)), ("generation", "4")],
        )
        db.execute("INSERT INTO files VALUES ('/f.txt', 'f.txt', 'h', 1, 1.0, 4, 'then')")
        for i, v in enumerate(vecs):
            db.execute(
                "INSERT INTO chunks (path, source, chunk_index, text, content_hash, vector)"
                " VALUES ('/f.txt', 'f.txt', ?, ?, ?, ?)",
                (i, f"old chunk {i} beacon", f"c{i}", v.tobytes()),
            )
    db.close()
    store = FaissStore(tmp_path, "m", DIM)  # no FAISS file: rebuilt from the stored vectors
    try:
        assert store.count() == 4 and store.collections() == {"default": 4}
        assert store.file("/f.txt").collection == "default"
        (top, score), *_ = store.search(vecs[2], 1, frozenset({"default"}))
        assert store.get_chunks([top])[top][0].text == "old chunk 2 beacon"
        assert len(store.keyword_search("beacon", 10, frozenset({"default"}))) == 4
        assert store.search(vecs[2], 1, frozenset({"a"})) == []
        store.check_consistency()
    finally:
        store.close()
    FaissStore(tmp_path, "m", DIM).close()  # a second open finds it migrated: no error


def test_pgvector_index_from_before_collections_migrates_into_default(pg_settings):
    store = open_store(pg_settings, Dim8())
    vecs = put(store, "/f.txt", "default", ["old one", "old two"], 1)
    t = store.tables
    for table in (t.files, t.chunks):  # the tables as they were before collections
        store.conn.execute(f"ALTER TABLE {table} DROP COLUMN collection")
    store.close()
    store = open_store(pg_settings, Dim8())
    try:
        assert store.count() == 2 and store.collections() == {"default": 2}
        assert store.file("/f.txt").collection == "default"
        assert store.search(vecs[0], 1, frozenset({"default"}))[0][1] == pytest.approx(1.0, 1e-4)
        store.check_consistency()
    finally:
        store.close()


def test_resolve_scope_refuses_what_the_caller_may_not_read():
    assert resolve_scope(None, None) is None
    assert resolve_scope(None, frozenset({"a"})) == {"a"}
    assert resolve_scope("a", None) == {"a"}
    assert resolve_scope(["a", "b"], frozenset({"a", "b", "c"})) == {"a", "b"}
    with pytest.raises(CollectionDenied, match="collection 'b' is not readable.*readable: a"):
        resolve_scope(["a", "b"], frozenset({"a"}))
    with pytest.raises(CollectionError):
        resolve_scope("../x", None)


def test_pgvector_ingest_and_retrieval_by_collection(pg_settings, tmp_path):
    from ingest.pipeline import Ingester
    from rag.embeddings import FakeEmbedder
    from rag.retriever import Retriever

    folders = {}
    for name, text in (
        ("manuals", "The kettle boils water."),
        ("hr", "Salaries are paid monthly."),
    ):
        folders[name] = tmp_path / name
        folders[name].mkdir()
        (folders[name] / f"{name}.md").write_text(f"# {name}\n\n{text} Kettle salaries.\n")
    embedder = FakeEmbedder()
    store = open_store(pg_settings, embedder)
    try:
        ingester = Ingester(pg_settings, store, embedder)
        for name, folder in folders.items():
            ingester.run([folder], progress=False, collection=name, prune=False)
        assert store.collections() == {"hr": 1, "manuals": 1}
        retriever = Retriever(store, embedder, pg_settings.retrieval)
        for name in folders:
            hits = retriever.search(
                "kettle salaries", k=5, min_score=-1.0, min_relevance=-1.0, scope=frozenset({name})
            )
            assert [h.source for h in hits] == [f"{name}.md"] and hits[0].collection == name
        both = retriever.search("kettle salaries", k=5, min_score=-1.0, min_relevance=-1.0)
        assert {h.collection for h in both} == {"hr", "manuals"}
    finally:
        store.close()
