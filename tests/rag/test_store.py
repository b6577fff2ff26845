"""The store contract (rag/store_protocol.py) on both back ends: every test taking `store` runs
once on FAISS + SQLite and once on PostgreSQL/pgvector (ids "faiss", "pgvector"). Back-end
specific behaviour is in tests/rag/test_faiss_store.py and tests/rag/test_pgvector_store.py.

Vectors are random unit vectors (the store does not care where they come from); the
real-embedding tests over data/docs are test_search_docs.py and test_pgvector_docs.py.
"""

from __future__ import annotations

import numpy as np
import pytest
from support import Dim8, put_file, unit_vectors

from rag.components import index_exists, open_store
from rag.schema import Chunk
from rag.store import FileRecord, StoreMismatchError
from rag.store_protocol import VectorStore

DEVICE = {"faiss": "cpu", "pgvector": "postgresql"}


@pytest.fixture
def store(store_settings):
    opened = open_store(store_settings, Dim8())
    yield opened
    opened.close()


def test_open_store_builds_the_configured_store(store, store_settings):
    assert isinstance(store, VectorStore) and store.device == DEVICE[store_settings.store.mode]
    assert store.count() == 0 and store.generation == 0 and store.files() == []
    assert store.search(unit_vectors(1)[0], 5) == [] and store.keyword_search("fee", 5) == []


def test_search_finds_the_stored_vector(store):
    vectors = put_file(store, ["alpha", "beta", "gamma"])
    (best_id, score), *rest = store.search(vectors[1], 3)
    chunk, vector = store.get_chunks([best_id])[best_id]
    assert chunk.text == "beta" and score == pytest.approx(1.0, abs=1e-5) and len(rest) == 2
    np.testing.assert_allclose(vector, vectors[1], rtol=1e-6)
    assert [s for _, s in rest] == sorted((s for _, s in rest), reverse=True)
    assert set(store.vectors_by_hash(["/f.txt0", "unknown"])) == {"/f.txt0"}
    assert store.get_chunks([]) == {} and store.get_chunks([10_000]) == {}


def test_keyword_search_matches_stems_and_any_word(store, store_settings):
    put_file(store, ["the restocking fee is 15 percent", "shipping is free", "the the the"])
    ids = [i for i, _ in store.keyword_search("restocking fees?", 5)]
    assert [store.get_chunks(ids)[i][0].text for i in ids] == ["the restocking fee is 15 percent"]
    either = store.keyword_search("restocking or shipping", 5)
    assert len(either) == 2 and [s for _, s in either] == sorted(
        (s for _, s in either), reverse=True
    )
    assert store.keyword_search("   ", 5) == []
    assert store.keyword_search("it's 'quoted' -minus \"unclosed", 5) == []  # no syntax errors
    # A query of stop words only: FTS5 indexes every word, so FAISS's store falls back to
    # searching them (rag.keyword_query); PostgreSQL's 'english' tsvector never holds them, so
    # nothing can match. The vector side of hybrid retrieval still answers such a question.
    stop_words_only = store.keyword_search("the", 5)
    if store_settings.store.mode == "faiss":
        assert len(stop_words_only) == 2
    else:
        assert stop_words_only == []


def test_replace_file_swaps_chunks_and_bumps_generation(store):
    put_file(store, ["one", "two", "three"])
    assert store.generation == 1
    put_file(store, ["uno", "dos"], seed=1)
    assert store.count() == 2 and store.generation == 2
    assert store.file("/f.txt").chunks == 2 and store.file("/f.txt").file_hash == "hash-1"
    assert {c.text for c, _ in store.get_chunks([i for i, _ in store.search(
        unit_vectors(1)[0], 5)]).values()} == {"uno", "dos"}  # fmt: skip
    store.touch_file("/f.txt", "renamed.txt", 5.0)
    assert store.file("/f.txt").mtime == 5.0 and store.files()[0].source == "renamed.txt"
    assert store.remove_file("/f.txt") == 2 and store.count() == 0 and store.generation == 3
    store.flush()
    assert store.file("/f.txt") is None and store.search(unit_vectors(1)[0], 5) == []
    assert store.keyword_search("uno", 5) == []
    store.check_consistency()


def test_files_and_collections_list_what_is_stored(store):
    put_file(store, ["alpha", "beta"], path="/b.txt")
    put_file(store, ["gamma"], path="/a.txt", seed=1)
    assert [(f.path, f.source, f.chunks) for f in store.files()] == [
        ("/a.txt", "a.txt", 1),
        ("/b.txt", "b.txt", 2),
    ]
    assert store.file("/missing.txt") is None and store.collections() == {"default": 3}


def test_failed_replace_leaves_the_previous_chunks(store):
    put_file(store, ["kept one", "kept two"])
    chunks = [Chunk(text="new", source="f.txt", path="/f.txt", chunk_index=0, content_hash="n")]
    wrong_dim = np.ones((1, 4), np.float32)
    with pytest.raises(ValueError, match="4-d.*8-d"):
        store.replace_file(FileRecord("/f.txt", "f.txt", "x", 1, 1.0, 1, ""), chunks, wrong_dim)
    assert (
        store.count() == 2 and store.generation == 1 and store.file("/f.txt").file_hash == "hash-0"
    )
    store.check_consistency()


def test_manifest_lists_files_model_and_chunking(store, store_settings):
    put_file(store, ["alpha"])
    manifest = store.manifest()
    assert manifest["meta"]["embedding_model"] == "m" and manifest["meta"]["dim"] == "8"
    assert manifest["files"] == {"f.txt": "hash-0"} and manifest["chunks"] == 1
    assert '"chunk_tokens": 160' in manifest["meta"]["chunking"]
    assert index_exists(store_settings)


def test_other_embedding_model_is_refused_naming_both(store, store_settings):
    class Other:
        name, dim = "other-model", 16

    with pytest.raises(StoreMismatchError, match="'m' \\(8-d\\).*'other-model' \\(16-d\\)"):
        open_store(store_settings, Other())


def test_two_store_objects_see_each_others_writes(store, store_settings):
    other = open_store(store_settings, Dim8())  # like a second API worker or the page
    try:
        before = other.generation
        vectors = put_file(store, ["written by the first", "the refund arrives in 5 days"])
        assert other.generation == before + 1
        assert other.search(vectors[0], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
        assert len(other.keyword_search("refund", 5)) == 1 and other.count() == 2
        other.remove_file("/f.txt")
        other.flush()
        assert store.generation == before + 2 and store.count() == 0
        assert store.search(vectors[0], 1) == []
    finally:
        other.close()


def test_index_reopens_with_its_chunks(store, store_settings):
    vectors = put_file(store, ["alpha", "beta"])
    store.close()
    again = open_store(store_settings, Dim8())
    try:
        assert again.count() == 2 and again.generation == 1
        assert again.search(vectors[1], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
        again.check_consistency()
    finally:
        again.close()
