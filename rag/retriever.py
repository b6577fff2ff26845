"""Hybrid retrieval: vector search + keyword search (FTS5 BM25, or PostgreSQL full-text search
in pgvector mode), fused by reciprocal rank.

Every hit also gets its cosine similarity to the query (vectors live in the docstore), so one
threshold filters keyword-only hits the same way as vector hits.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from rag.embeddings import Embedder
from rag.schema import Hit
from rag.settings import RetrievalSettings
from rag.store_protocol import VectorStore


def reciprocal_rank_fusion(rankings: list[list[int]], k: int) -> dict[int, float]:
    """score(d) = Σ 1 / (k + rank_i(d)), rank starting at 1 (Cormack et al., 2009)."""
    scores: dict[int, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores


class Retriever:
    def __init__(self, store: VectorStore, embedder: Embedder, settings: RetrievalSettings):
        self.store = store
        self.embedder = embedder
        self.settings = settings

    def search(self, query: str, k: int | None = None, min_score: float | None = None) -> list[Hit]:
        """Top-k hits, best first; empty when nothing reaches the relevance threshold."""
        k = k or self.settings.top_k
        threshold = self.settings.min_score if min_score is None else min_score
        if not query.strip():
            return []
        query_vector = self.embedder.encode([query])[0]
        fetch = max(self.settings.fetch_k, k)
        vector_hits = self.store.search(query_vector, fetch)
        rankings = [[i for i, _ in vector_hits]]
        if self.settings.hybrid:
            rankings.append([i for i, _ in self.store.keyword_search(query, fetch)])
        fused = reciprocal_rank_fusion(rankings, self.settings.rrf_k)
        chunks = self.store.get_chunks(list(fused))
        hits = []
        for chunk_id, score in sorted(fused.items(), key=lambda kv: -kv[1]):
            if chunk_id not in chunks:
                continue
            chunk, vector = chunks[chunk_id]
            similarity = float(np.dot(vector, query_vector))
            if similarity < threshold:
                continue
            hits.append(
                Hit(
                    id=chunk_id,
                    text=chunk.text,
                    source=chunk.source,
                    page=chunk.page,
                    score=score,
                    similarity=similarity,
                    title=chunk.title,
                    heading=chunk.heading,
                )
            )
            if len(hits) == k:
                break
        return hits


class LangChainRetriever(BaseRetriever):
    """The ragchat index as a LangChain retriever, for use in users' own chains."""

    retriever: Any
    k: int | None = None

    def _get_relevant_documents(
        self, query: str, *, run_manager: CallbackManagerForRetrieverRun
    ) -> list[Document]:
        return [
            Document(
                page_content=hit.text,
                metadata={
                    "source": hit.source,
                    "page": hit.page,
                    "score": hit.score,
                    "similarity": hit.similarity,
                    "id": hit.id,
                },
            )
            for hit in self.retriever.search(query, k=self.k)
        ]
