"""The reranker's smaller views of a candidate (rag.passage_views): its best sentence and its
heading when that is a question, each scored with the same blend of both models as the chunk
and mixed in by retrieval.rerank_sentence_weight / rerank_heading_weight. The second-stage
model is the packaged MiniLM on torch (as in test_rerank.py), the first stage the `embedder`."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

import rag.rerank as rerank
from rag.embeddings import default_model_dir
from rag.passage_views import question_heading, sentences
from rag.rerank import Passage, build_reranker
from rag.settings import RetrievalSettings

QUERY = "Can I get my money back if the item arrives broken?"
REFUND = "If your item arrives broken, we refund you in full, shipping included."
# Two sentences, one about the question: the whole chunk's vector averages it with the other.
MIXED = "Our stores open at nine and close at six on weekdays. " + REFUND


@pytest.fixture(autouse=True)
def _models_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank, "MODELS_DIR", tmp_path / "models")


@pytest.fixture(scope="module")
def torch_minilm():
    from rag.embeddings import LocalEmbedder
    from rag.settings import EmbeddingSettings

    return LocalEmbedder(EmbeddingSettings(device="cpu", runtime="torch"))


def _reranker(embedder, sentence: float, heading: float):
    settings = RetrievalSettings(
        rerank="mpnet",
        rerank_model=str(default_model_dir()),
        rerank_weight=0.7,
        rerank_sentence_weight=sentence,
        rerank_heading_weight=heading,
    )
    return build_reranker(settings, embedder)


def _cos(model, text: str, query: str = QUERY) -> float:
    return float(np.dot(model.encode([text])[0], model.encode([query])[0]))


def test_sentences_split_lines_and_sentence_ends_and_drop_fragments():
    text = "# Refunds\nWe refund within 5 days. Ask us first! Really?\n- Free labels for faults\n2."
    # "# Refunds", "Ask us first!", "Really?" and "2." are under 16 characters
    assert sentences(text) == ["We refund within 5 days.", "- Free labels for faults"]
    assert sentences("  Tiny.  ") == ["Tiny."]  # no sentence long enough: the whole text


def test_only_a_heading_that_asks_is_a_question_heading():
    assert question_heading("How do I return an item? ") == "How do I return an item?"
    assert question_heading("Returns") is None
    assert question_heading(None) is None


def test_the_best_sentence_is_mixed_in_by_its_weight(embedder, torch_minilm):
    whole = _reranker(embedder, 0.0, 0.0)
    views = _reranker(embedder, 0.4, 0.0)
    q_first = embedder.encode([QUERY])[0]
    candidates = {7: Passage("h7", MIXED)}
    similarity = {7: _cos(embedder, MIXED)}
    chunk = dict(whole.rerank(QUERY, q_first, candidates, similarity))[7]
    assert chunk == pytest.approx(0.7 * _cos(torch_minilm, MIXED) + 0.3 * similarity[7], abs=1e-4)
    # The refund sentence is the best of the two for both models.
    best = 0.7 * _cos(torch_minilm, REFUND) + 0.3 * _cos(embedder, REFUND)
    assert best > chunk + 0.05
    mixed = dict(views.rerank(QUERY, q_first, candidates, similarity))[7]
    assert mixed == pytest.approx(0.6 * chunk + 0.4 * best, abs=1e-4)


def test_a_question_heading_lifts_its_section_and_a_plain_heading_does_not(embedder):
    text = "Send us a photo within 7 days and we pay you back, shipping included."
    asked = Passage("h1", text, "What if my order arrives damaged?")
    plain = Passage("h2", text, "Damaged deliveries")
    q_first = embedder.encode([QUERY])[0]
    sim = _cos(embedder, text)
    whole = dict(_reranker(embedder, 0.0, 0.0).rerank(QUERY, q_first, {1: asked}, {1: sim}))[1]
    scored = dict(
        _reranker(embedder, 0.0, 0.3).rerank(QUERY, q_first, {1: asked, 2: plain}, {1: sim, 2: sim})
    )
    assert scored[2] == pytest.approx(whole, abs=1e-5)  # not a question: not read
    assert scored[1] > scored[2]  # the question it answers is close to the one asked


def test_view_vectors_are_encoded_once(embedder):
    reranker = _reranker(embedder, 0.2, 0.2)
    calls = []
    encode = reranker.encode
    reranker.encode = lambda texts: calls.append(list(texts)) or encode(texts)
    candidates = {1: Passage("h1", MIXED, "Can I get a refund?")}
    q_first = embedder.encode([QUERY])[0]
    first = reranker.rerank(QUERY, q_first, candidates, {1: 0.3})
    encoded = sum(len(c) for c in calls)
    assert encoded == 1 + 1 + 3  # the query, the chunk, its two sentences and its heading
    calls.clear()
    assert reranker.rerank(QUERY, q_first, candidates, {1: 0.3}) == first
    assert calls == [[QUERY]]  # only the query again


def test_view_weights_outside_0_to_1_are_refused_naming_the_setting():
    with pytest.raises(ValidationError, match="rerank_sentence_weight"):
        RetrievalSettings(rerank_sentence_weight=1.5)
    with pytest.raises(ValidationError, match="rerank_heading_weight"):
        RetrievalSettings(rerank_heading_weight=-0.1)


def test_only_the_best_candidates_are_viewed(embedder, monkeypatch):
    monkeypatch.setattr(rerank, "VIEWED", 1)
    q_first = embedder.encode([QUERY])[0]
    candidates = {
        1: Passage("h1", REFUND, "Can I get my money back?"),
        2: Passage("h2", "Stores open at nine.", "When do you open?"),
    }
    similarity = {1: 0.6, 2: 0.1}
    whole = dict(_reranker(embedder, 0.0, 0.0).rerank(QUERY, q_first, candidates, similarity))
    viewed = dict(_reranker(embedder, 0.3, 0.3).rerank(QUERY, q_first, candidates, similarity))
    assert viewed[1] != pytest.approx(whole[1], abs=1e-3)  # the best one is viewed
    assert viewed[2] == pytest.approx(whole[2], abs=1e-6)  # the next keeps its chunk's score
