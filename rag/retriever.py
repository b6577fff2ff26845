"""Hybrid retrieval: vector search + keyword search (FTS5 BM25, or PostgreSQL full-text search
in pgvector mode), fused as retrieval.fusion says (rag.fusion).

Every hit also gets its cosine similarity to the query (vectors live in the docstore), so one
threshold filters keyword-only hits the same way as vector hits.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Any

import numpy as np

from rag.collections import Scope, permits
from rag.embeddings import Embedder
from rag.expand import expand_sections
from rag.fusion import Candidates, fuse, reciprocal_rank_fusion
from rag.question_headings import QuestionHeadings
from rag.rerank import Passage, build_reranker
from rag.schema import Chunk, Hit
from rag.settings import RetrievalSettings
from rag.store_protocol import VectorStore

# Keyword searches of every session's queries; a few threads, since each store serialises its
# own keyword connection anyway and the work is mostly inside SQLite, outside the GIL.
_KEYWORD_THREADS = ThreadPoolExecutor(max_workers=4, thread_name_prefix="keyword-search")


class Retriever:
    def __init__(self, store: VectorStore, embedder: Embedder, settings: RetrievalSettings):
        self.store = store
        self.embedder = embedder
        self.settings = settings
        self.reranker = build_reranker(settings, embedder)  # None for retrieval.rerank none
        self.headings = (
            QuestionHeadings(store, self.reranker)
            if self.reranker is not None and settings.heading_candidates
            else None
        )

    def search(
        self,
        query: str,
        k: int | None = None,
        min_score: float | None = None,
        scope: Scope = None,
        min_relevance: float | None = None,
    ) -> list[Hit]:
        """Top-k hits, best first, each with a cosine of at least min_score; empty when the
        best candidate's relevance is under min_relevance (None: the settings' values).
        scope: the collections to read (rag.collections); None: all of them."""
        k = k or self.settings.top_k
        threshold = self.settings.min_score if min_score is None else min_score
        gate = self.settings.min_relevance if min_relevance is None else min_relevance
        if not query.strip():
            return []
        fetch = max(self.settings.fetch_k, k)
        # The keyword side runs beside the embedding and the vector search: a hybrid query
        # costs the longer side, not the sum (bench/latency.py).
        keywords = (
            _KEYWORD_THREADS.submit(self.store.keyword_search, query, fetch, scope)
            if self.settings.hybrid
            else None
        )
        query_vector = self.embedder.encode([query])[0]
        vector_hits = self.store.search(query_vector, fetch, scope)
        keyword_hits = keywords.result() if keywords is not None else []
        ids = list(dict.fromkeys([i for i, _ in vector_hits] + [i for i, _ in keyword_hits]))
        # The store filtered already; checked again here so that no back end's slip can put
        # a chunk of another collection into a hit.
        chunks = {
            i: found
            for i, found in self.store.get_chunks(ids).items()
            if permits(scope, found[0].collection)
        }
        similarity = {i: float(np.dot(v, query_vector)) for i, (_, v) in chunks.items()}
        fused = self.fuse(query, vector_hits, keyword_hits, chunks, similarity)
        ranked = [(i, s) for i, s in sorted(fused.items(), key=lambda kv: -kv[1]) if i in chunks]
        if self.reranker is not None:  # the second stage reorders the fused top fetch_k
            top = {i: passage(chunks[i][0]) for i, _ in ranked[:fetch]}
            second = self.reranker.encode_query(query)
            if self.headings is not None:
                self._add_heading_matches(second, scope, top, chunks, similarity, query_vector)
            ranked = self.reranker.rerank(query, query_vector, top, similarity, second)
        # The gate reads the best relevance estimate there is: the reranked score (a blend of
        # two models' cosines) when reranking, else the cosine. A reworded question's answer
        # often has a low MiniLM cosine that mpnet lifts (README "One gate for relevance").
        relevance = dict(ranked) if self.reranker is not None else similarity
        if max((relevance[i] for i, _ in ranked), default=gate - 1) < gate:
            return []
        expand = self.settings.expand == "section"
        hits = []
        for chunk_id, score in ranked:
            chunk, _ = chunks[chunk_id]
            similarity_ = similarity[chunk_id]
            if similarity_ < threshold:
                continue
            hits.append(
                Hit(
                    id=chunk_id,
                    text=chunk.text,
                    source=chunk.source,
                    page=chunk.page,
                    score=score,
                    similarity=similarity_,
                    title=chunk.title,
                    heading=chunk.heading,
                    collection=chunk.collection,
                )
            )
            if len(hits) == k and not expand:  # expansion looks at every scored candidate
                break
        if expand:
            found = {i: chunk for i, (chunk, _) in chunks.items()}
            count, budget = self.embedder.count_tokens, self.settings.expand_tokens
            return expand_sections(hits, found, self.store, count, budget, k)
        return hits

    def relevance(self, hit: Hit) -> float:
        """What the gate (retrieval.min_relevance) reads of a hit: the reranked score when
        reranking, else the cosine."""
        return hit.score if self.reranker is not None else hit.similarity

    def _add_heading_matches(
        self,
        second_vector: np.ndarray,
        scope: Scope,
        top: dict[int, Passage],
        chunks: dict,
        similarity: dict[int, float],
        query_vector: np.ndarray,
    ) -> None:
        """Put the chunks of the question headings closest to the query among the reranker's
        candidates (retrieval.heading_candidates), reading the ones not fetched yet."""
        assert self.headings is not None
        matched = self.headings.closest(second_vector, self.settings.heading_candidates, scope)
        unread = [i for i in matched if i not in chunks]
        for i, found in self.store.get_chunks(unread).items():
            if permits(scope, found[0].collection):
                chunks[i] = found
                similarity[i] = float(np.dot(found[1], query_vector))
        for i in matched:
            if i in chunks:
                top.setdefault(i, passage(chunks[i][0]))

    def fuse(
        self,
        query: str,
        vector_hits: list[tuple[int, float]],
        keyword_hits: list[tuple[int, float]],
        chunks: dict,
        similarity: dict[int, float],
    ) -> dict[int, float]:
        """One fused score per candidate (retrieval.fusion and its parameters)."""
        if not keyword_hits:  # vector only: the vector ranking as it is
            return reciprocal_rank_fusion([[i for i, _ in vector_hits]], self.settings.rrf_k)
        texts = {i: chunk.text for i, (chunk, _) in chunks.items()}
        found = Candidates(vector_hits, keyword_hits, similarity, texts)
        s = self.settings
        return fuse(s.fusion, query, found, s.rrf_k, s.keyword_weight, s.convex_alpha)


def passage(chunk: Chunk) -> Passage:
    """What the reranker reads of a chunk."""
    return Passage(chunk.content_hash, chunk.text, chunk.heading)


def __getattr__(name: str) -> Any:
    # `rag.retriever.LangChainRetriever` is documented; LangChain's retriever classes take ~1 s
    # to import, so they load when a user's chain asks for them, not in every page or CLI run.
    if name == "LangChainRetriever":
        from rag.langchain_retriever import LangChainRetriever

        return LangChainRetriever
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
