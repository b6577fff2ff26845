"""Shared fixtures: offline hub, the real embedding model loaded once, fresh index folders."""

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

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

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
