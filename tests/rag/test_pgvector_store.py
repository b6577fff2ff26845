"""PgVectorStore on a real PostgreSQL with pgvector: the FaissStore contract, shared by processes.

Vectors here are random unit vectors (the store does not care where they come from); the
real-embedding tests over data/docs are in test_pgvector_docs.py.
"""

from __future__ import annotations

import sys
import threading

import numpy as np
import pytest
from pydantic import ValidationError

from rag.components import index_exists, open_store
from rag.pgvector_schema import MissingDriverError
from rag.pgvector_store import PgVectorStore, StoreConnectionError
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FileRecord, StoreMismatchError
from rag.store_protocol import VectorStore


class Dim8:
    """What open_store reads from an embedder: its name and dimension."""

    name, dim = "m", 8


def unit_vectors(n: int, seed: int = 0) -> np.ndarray:
    vectors = np.random.default_rng(seed).normal(size=(n, 8)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def put(store: VectorStore, texts: list[str], path: str = "/f.txt", seed: int = 0) -> np.ndarray:
    vectors = unit_vectors(len(texts), seed)
    chunks = [
        Chunk(text=t, source=path.lstrip("/"), path=path, chunk_index=i, content_hash=f"{path}{i}")
        for i, t in enumerate(texts)
    ]
    record = FileRecord(path, path.lstrip("/"), f"hash-{seed}", 1, 1.0, len(texts), "")
    store.replace_file(record, chunks, vectors)
    return vectors


@pytest.fixture
def store(pg_settings):
    opened = open_store(pg_settings, Dim8())
    yield opened
    opened.close()


def test_open_store_builds_a_pgvector_store(store):
    assert isinstance(store, PgVectorStore) and isinstance(store, VectorStore)
    assert store.device == "postgresql" and store.count() == 0 and store.generation == 0


def test_search_finds_the_stored_vector(store):
    vectors = put(store, ["alpha", "beta", "gamma"])
    (best_id, score), *rest = store.search(vectors[1], 3)
    chunk, vector = store.get_chunks([best_id])[best_id]
    assert chunk.text == "beta" and score == pytest.approx(1.0, abs=1e-5) and len(rest) == 2
    np.testing.assert_allclose(vector, vectors[1], rtol=1e-6)
    assert [s for _, s in rest] == sorted((s for _, s in rest), reverse=True)
    assert set(store.vectors_by_hash(["/f.txt0", "unknown"])) == {"/f.txt0"}


def test_keyword_search_matches_stems_and_any_word(store):
    put(store, ["the restocking fee is 15 percent", "shipping is free", "the the the"])
    ids = [i for i, _ in store.keyword_search("restocking fees?", 5)]
    assert [store.get_chunks(ids)[i][0].text for i in ids] == ["the restocking fee is 15 percent"]
    either = store.keyword_search("restocking or shipping", 5)
    assert len(either) == 2
    assert store.keyword_search("   ", 5) == [] and store.keyword_search("the", 5) == []
    assert store.keyword_search("it's 'quoted' -minus \"unclosed", 5) == []  # no syntax errors


def test_replace_file_swaps_chunks_and_bumps_generation(store):
    put(store, ["one", "two", "three"])
    assert store.generation == 1
    put(store, ["uno", "dos"], seed=1)
    assert store.count() == 2 and store.generation == 2
    assert store.file("/f.txt").chunks == 2 and store.file("/f.txt").file_hash == "hash-1"
    store.touch_file("/f.txt", "renamed.txt", 5.0)
    assert store.file("/f.txt").mtime == 5.0 and store.files()[0].source == "renamed.txt"
    assert store.remove_file("/f.txt") == 2 and store.count() == 0 and store.generation == 3
    assert store.file("/f.txt") is None and store.search(unit_vectors(1)[0], 5) == []
    store.check_consistency()


def test_failed_replace_leaves_the_previous_chunks(store):
    put(store, ["kept one", "kept two"])
    chunks = [Chunk(text="new", source="f.txt", path="/f.txt", chunk_index=0, content_hash="n")]
    wrong_dim = np.ones((1, 4), np.float32)  # the vector(8) column refuses it mid-transaction
    with pytest.raises(Exception, match="dimensions"):
        store.replace_file(FileRecord("/f.txt", "f.txt", "x", 1, 1.0, 1, ""), chunks, wrong_dim)
    assert (
        store.count() == 2 and store.generation == 1 and store.file("/f.txt").file_hash == "hash-0"
    )
    store.check_consistency()


def test_manifest_lists_files_model_and_chunking(store, pg_settings):
    put(store, ["alpha"])
    manifest = store.manifest()
    assert manifest["meta"]["embedding_model"] == "m" and manifest["meta"]["dim"] == "8"
    assert manifest["files"] == {"f.txt": "hash-0"} and manifest["chunks"] == 1
    assert '"chunk_tokens": 160' in manifest["meta"]["chunking"]
    assert index_exists(pg_settings)


def test_other_embedding_model_is_refused_naming_both(store, pg_settings):
    class Other:
        name, dim = "other-model", 16

    with pytest.raises(StoreMismatchError, match="'m' \\(8-d\\).*'other-model' \\(16-d\\)"):
        open_store(pg_settings, Other())


def test_two_store_objects_see_each_others_writes(store, pg_settings):
    other = open_store(pg_settings, Dim8())  # like a second API worker or the page
    try:
        before = other.generation
        vectors = put(store, ["written by the first", "the refund arrives in 5 days"])
        assert other.generation == before + 1
        assert other.search(vectors[0], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
        assert len(other.keyword_search("refund", 5)) == 1 and other.count() == 2
        other.remove_file("/f.txt")
        assert store.generation == before + 2 and store.count() == 0
    finally:
        other.close()


def test_concurrent_replaces_of_one_file_leave_no_duplicates(store, pg_settings):
    other = open_store(pg_settings, Dim8())
    errors: list[BaseException] = []

    def writer(target: VectorStore, seed: int) -> None:
        try:
            for _ in range(10):
                put(target, [f"chunk {i} of writer {seed}" for i in range(5)], seed=seed)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(s, n)) for n, s in enumerate((store, other))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    other.close()
    assert not errors, errors
    assert store.count() == 5 and store.generation == 20
    store.check_consistency()


def test_table_prefix_keeps_indexes_apart(store, pg_settings):
    put(store, ["alpha"])
    second = pg_settings.model_copy(deep=True)
    second.store.table_prefix = pg_settings.store.table_prefix + "b_"
    assert not index_exists(second)
    apart = open_store(second, Dim8())
    try:
        assert apart.count() == 0 and index_exists(second)
    finally:
        apart.close()
        from rag.pgvector_store import drop_index

        drop_index(second.store.url.get_secret_value(), second.store.table_prefix)


def test_hnsw_settings_reach_the_index(pg_settings):
    pg_settings.store.hnsw_m, pg_settings.store.hnsw_ef_construction = 8, 32
    pg_settings.store.hnsw_ef_search = 3
    store = open_store(pg_settings, Dim8())
    vectors = put(store, [f"c{i}" for i in range(10)])

    def reloptions(s: PgVectorStore) -> tuple:
        name = f"{pg_settings.store.table_prefix}chunks_hnsw"
        sql = "SELECT reloptions FROM pg_class WHERE relname = %s"
        return s.conn.execute(sql, (name,)).fetchone()

    assert reloptions(store) == (["m=8", "ef_construction=32"],)
    assert store.conn.execute("SHOW hnsw.ef_search").fetchone() == ("3",)
    assert len(store.search(vectors[0], 10)) == 10  # k above ef_search widens it for the query
    store.close()
    pg_settings.store.hnsw_m = 12  # a changed setting rebuilds the index
    again = open_store(pg_settings, Dim8())
    assert reloptions(again) == (["m=12", "ef_construction=32"],)
    assert again.search(vectors[4], 1)[0][1] == pytest.approx(1.0, abs=1e-5)
    again.close()


def test_unknown_store_mode_fails_naming_the_setting(tmp_path):
    with pytest.raises(ValidationError, match=r"store\.mode[\s\S]*'faiss' or 'pgvector'"):
        Settings(store={"mode": "milvus"})
    settings = Settings(store={"path": tmp_path})
    settings.store.mode = "milvus"  # assignment is not validated: a caller building it by hand
    with pytest.raises(ValueError, match="store.mode = 'milvus'.*faiss, pgvector"):
        open_store(settings, Dim8())
    with pytest.raises(ValueError, match="store.mode"):
        index_exists(settings)


def test_missing_psycopg_names_the_extra(pg_settings, monkeypatch):
    monkeypatch.setitem(sys.modules, "psycopg", None)  # import psycopg -> ImportError
    with pytest.raises(MissingDriverError, match=r"pip install -e '\.\[pgvector\]'"):
        open_store(pg_settings, Dim8())


def test_url_comes_from_the_environment_and_is_never_shown(monkeypatch):
    url = "postgresql://ragchat:s3cret-pw@127.0.0.1:1/ragchat"  # port 1: nothing listens
    monkeypatch.setenv("RAGCHAT_STORE__MODE", "pgvector")
    monkeypatch.setenv("RAGCHAT_STORE__URL", url)
    settings = Settings()
    assert settings.store.url.get_secret_value() == url
    assert "s3cret" not in repr(settings) and "s3cret" not in str(settings.model_dump())
    with pytest.raises(StoreConnectionError) as err:
        open_store(settings, Dim8())
    assert "store.url" in str(err.value) and "ragchat:***@127.0.0.1:1" in str(err.value)
    assert "s3cret" not in str(err.value)


def test_empty_url_names_the_setting(tmp_path):
    settings = Settings(store={"mode": "pgvector", "path": tmp_path})
    with pytest.raises(StoreConnectionError, match="store.url.*RAGCHAT_STORE__URL"):
        open_store(settings, Dim8())


def test_copy_refuses_an_index_of_another_model(store, tmp_path):
    from rag.store import FaissStore
    from rag.store_copy import copy_index

    source = FaissStore(tmp_path / "faiss", "model-a", 8)
    assert isinstance(source, VectorStore)  # both back ends keep the one contract
    put(source, ["alpha"])
    with pytest.raises(StoreMismatchError, match="'model-a' \\(8-d\\).*'m' \\(8-d\\)"):
        copy_index(source, store)
    assert store.count() == 0
    source.close()


def test_ingest_cli_says_why_the_store_cannot_open(monkeypatch, tmp_path, capsys):
    from ingest.cli import main
    from rag.settings import get_settings

    monkeypatch.setenv("RAGCHAT_EMBEDDING__MODE", "fake")
    monkeypatch.setenv("RAGCHAT_STORE__MODE", "pgvector")
    monkeypatch.setenv("RAGCHAT_STORE__URL", "postgresql://u:pw@127.0.0.1:1/db")
    get_settings.cache_clear()
    try:
        assert main([str(tmp_path), "--quiet"]) == 2
    finally:
        get_settings.cache_clear()
    err = capsys.readouterr().err
    assert "cannot connect to PostgreSQL at postgresql://u:***@127.0.0.1:1/db" in err
    assert "store.url" in err and ":pw@" not in err
