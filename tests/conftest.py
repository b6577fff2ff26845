"""Shared fixtures: offline hub, the real embedding model loaded once, fresh index folders, and
fresh indexes on either store back end (FAISS + SQLite, or PostgreSQL/pgvector).

The PostgreSQL is real: RAGCHAT_TEST_POSTGRES_URL (or DATABASE_URL) names a server to use;
otherwise one server is started per test session from the `pgserver` package (PostgreSQL 16
binaries with pgvector, no system service or Docker) on a unix socket in a temp folder, only
when a test asks for it, and stopped at the end. Each pgvector index gets its own table prefix
and is dropped after its test. PostgreSQL refuses to run as root: pgserver then runs it as an
unprivileged `pgserver` user it creates with useradd and chowns the data folder to it, so the
folder lives in /tmp (world traversable) rather than under pytest's root-only temp folder.
"""

from __future__ import annotations

import os

os.environ["HF_HUB_OFFLINE"] = "1"
os.environ["TRANSFORMERS_OFFLINE"] = "1"
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
# Tests answer with the small preset and its adapter (fast on 2 cores); one test in
# tests/llm/test_default_model.py loads and answers with the default model.
os.environ.setdefault("RAGCHAT_LLM__MODEL", "smollm2")
os.environ.setdefault("RAGCHAT_LLM__ADAPTER", "data/adapters/customer-service-smollm2")
# settings.yaml reranks with all-mpnet-base-v2 (~0.2 s per new chunk on 2 cores); tests search
# without it unless they ask for it (tests/rag/test_rerank.py does, with MiniLM as the model).
os.environ.setdefault("RAGCHAT_RETRIEVAL__RERANK", "none")
# Nor do they ask the chat model for search terms (a generation per weak question) unless they
# test it (tests/rag/test_engine.py, tests/evals/test_runner.py).
os.environ.setdefault("RAGCHAT_RETRIEVAL__QUERY_TERMS", "none")

import tempfile  # noqa: E402
import warnings  # noqa: E402
from collections.abc import Callable, Iterator  # noqa: E402
from pathlib import Path  # noqa: E402

import pytest  # noqa: E402
from support import STORE_BACKENDS, drop_pg_index, pg_index_settings  # noqa: E402

from rag.settings import Settings  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "data" / "docs"


@pytest.fixture(scope="session")
def embedder():
    from rag.embeddings import LocalEmbedder
    from rag.settings import EmbeddingSettings

    return LocalEmbedder(EmbeddingSettings(device="cpu"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(store={"path": tmp_path / "index"})


@pytest.fixture
def make_store(settings: Settings, embedder):
    from rag.components import open_store

    opened = []

    def _open(path: Path | None = None):
        store = open_store(settings, embedder, path)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture(scope="session")
def docs_index(tmp_path_factory, embedder):
    """data/docs ingested once per test session into a temporary index."""
    from ingest.pipeline import Ingester
    from rag.components import open_store

    path = tmp_path_factory.mktemp("docs-index")
    settings = Settings(store={"path": path})
    store = open_store(settings, embedder)
    Ingester(settings, store, embedder).run([DOCS], progress=False)
    yield settings, store
    store.close()


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """libpq URL of the session's PostgreSQL with pgvector."""
    url = os.environ.get("RAGCHAT_TEST_POSTGRES_URL") or os.environ.get("DATABASE_URL")
    if url:
        yield url
        return
    with warnings.catch_warnings():  # platformdirs: "XDG_RUNTIME_DIR is not set" as root
        warnings.simplefilter("ignore")
        import pgserver

    folder = Path(tempfile.mkdtemp(prefix="ragchat-pg-"))
    server = pgserver.get_server(folder / "data", cleanup_mode="delete")
    try:
        yield server.get_uri()
    finally:
        server.cleanup()
        folder.rmdir()


@pytest.fixture
def pg_settings(tmp_path: Path, pg_url: str) -> Iterator[Settings]:
    """Settings for a fresh pgvector index (its own table prefix), dropped afterwards."""
    settings = pg_index_settings(pg_url, tmp_path / "index")
    yield settings
    drop_pg_index(settings)


@pytest.fixture(params=STORE_BACKENDS)
def fresh_settings(request, tmp_path: Path) -> Iterator[Callable[[], Settings]]:
    """fresh_settings() -> Settings for another new, empty index on this test's back end (the
    test runs once per back end; ids "faiss" and "pgvector")."""
    made: list[Settings] = []

    def make() -> Settings:
        folder = tmp_path / f"index{len(made) or ''}"
        if request.param == "faiss":
            settings = Settings(store={"path": folder})
        else:
            settings = pg_index_settings(request.getfixturevalue("pg_url"), folder)
        made.append(settings)
        return settings

    yield make
    for settings in made:
        if settings.store.mode == "pgvector":
            drop_pg_index(settings)


@pytest.fixture
def store_settings(fresh_settings: Callable[[], Settings]) -> Settings:
    """Settings for a fresh index on each back end in turn."""
    return fresh_settings()
