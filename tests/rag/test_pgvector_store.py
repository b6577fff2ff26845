"""PgVectorStore only, on a real PostgreSQL with pgvector: writers of one index in several
connections, table prefixes, HNSW settings, the URL and driver errors. The contract both back
ends keep (search, keyword search, replace/remove, manifest, model mismatch) is tested over both
in test_store.py; the first load's deferred HNSW build in test_pgvector_first_load.py."""

from __future__ import annotations

import sys
import threading

import pytest
from pydantic import ValidationError
from support import Dim8, put_file

from rag.components import index_exists, open_store
from rag.pgvector_schema import MissingDriverError
from rag.pgvector_store import PgVectorStore, StoreConnectionError
from rag.settings import Settings
from rag.store import StoreMismatchError
from rag.store_protocol import VectorStore


@pytest.fixture
def store(pg_settings):
    opened = open_store(pg_settings, Dim8())
    yield opened
    opened.close()


def test_concurrent_replaces_of_one_file_leave_no_duplicates(store, pg_settings):
    """Two connections (two ingests) write one file of an empty index at once: a first load,
    so one of them also drops the HNSW index and builds it at its flush."""
    other = open_store(pg_settings, Dim8())
    errors: list[BaseException] = []

    def writer(target: VectorStore, seed: int) -> None:
        try:
            for _ in range(10):
                texts = [f"chunk {i} of writer {seed}" for i in range(5)]
                put_file(target, texts, seed=seed, flush=False)
            target.flush()
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
    # Whichever dropped it built it at its flush; the other's flush left that to it.
    assert store.hnsw.exists(store.conn) and not store.hnsw.loading
    store.check_consistency()


def test_table_prefix_keeps_indexes_apart(store, pg_settings):
    put_file(store, ["alpha"])
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
    vectors = put_file(store, [f"c{i}" for i in range(10)])

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
    put_file(source, ["alpha"])
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
