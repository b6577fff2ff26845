"""data/docs indexed on each store back end once per session, for the retrieval tests.

The FAISS index is the session's `docs_index` (tests/conftest.py); the pgvector one is built by
the same Ingester into the session's PostgreSQL (`pg_url`), with the chunk vectors FAISS already
computed, so both hold the same chunks and vectors and differ only in the store.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import STORE_BACKENDS, Remembering, answerable, pg_index_settings

from rag.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "data" / "docs"


@pytest.fixture(scope="session")
def remembering(embedder, docs_index) -> Remembering:
    _, faiss_store = docs_index
    stored = faiss_store.get_chunks(list(range(1, faiss_store.count() + 100)))
    known = {chunk.text: vector for chunk, vector in stored.values()}
    cached = Remembering(embedder, known)
    cached.encode([q["question"] for q in answerable()])
    return cached


@pytest.fixture(scope="session")
def pg_docs_index(pg_url, remembering, tmp_path_factory) -> Iterator[tuple]:
    """(settings, store, ingest summary): data/docs ingested into pgvector once per session."""
    from ingest.pipeline import Ingester
    from rag.components import open_store
    from rag.pgvector_store import drop_index

    settings = pg_index_settings(pg_url, tmp_path_factory.mktemp("pg-docs"))
    store = open_store(settings, remembering)
    summary = Ingester(settings, store, remembering).run([DOCS], progress=False)
    yield settings, store, summary
    store.close()
    drop_index(pg_url, settings.store.table_prefix)


@pytest.fixture(scope="session", params=STORE_BACKENDS)
def docs_store(request) -> tuple[Settings, object]:
    """(settings, store) of data/docs on each back end in turn."""
    if request.param == "faiss":
        return request.getfixturevalue("docs_index")
    settings, store, _ = request.getfixturevalue("pg_docs_index")
    return settings, store
