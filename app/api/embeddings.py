"""POST /v1/embeddings (the index's own embedder, OpenAI format) and POST /v1/search."""

from __future__ import annotations

import base64
from typing import Literal

import numpy as np
from fastapi import APIRouter, Request
from pydantic import BaseModel, ConfigDict, Field

from app.api.collections import request_scope
from app.api.context import ApiContext
from app.api.errors import ApiError

router = APIRouter()
MAX_INPUTS = 2048  # OpenAI's limit per request


class EmbeddingRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    input: str | list[str] | list[int] | list[list[int]]
    model: str
    encoding_format: Literal["float", "base64"] = "float"
    dimensions: int | None = None


class SearchRequest(BaseModel):
    query: str = Field(min_length=1)
    k: int = Field(5, ge=1, le=50)
    min_score: float | None = Field(None, ge=-1.0, le=1.0)
    min_relevance: float | None = Field(None, ge=-1.0, le=1.0)
    collection: str | list[str] | None = None  # as in chat completions (app.api.collections)


def _texts(body: EmbeddingRequest) -> list[str]:
    texts = [body.input] if isinstance(body.input, str) else body.input
    if not texts:
        raise ApiError(400, "input: give a string or a list of strings", param="input")
    if not all(isinstance(t, str) for t in texts):
        # Token ids are in the caller's tokenizer (tiktoken for OpenAI's models), which is not
        # this embedder's: LangChain sends them unless check_embedding_ctx_length=False.
        raise ApiError(
            400,
            "input: token ids are not accepted, send text (LangChain: OpenAIEmbeddings("
            "check_embedding_ctx_length=False))",
            param="input",
        )
    if len(texts) > MAX_INPUTS:
        raise ApiError(400, f"input: at most {MAX_INPUTS} strings per request", param="input")
    if any(not t.strip() for t in texts):
        raise ApiError(400, "input: empty strings can't be embedded", param="input")
    return texts  # type: ignore[return-value]


@router.post("/v1/embeddings")
def embeddings(body: EmbeddingRequest, request: Request) -> dict:
    embedder = ApiContext.of(request).holder.get().retriever.embedder
    if body.model != embedder.name:
        raise ApiError(
            404,
            f"model: unknown embedding model '{body.model}'; the index uses '{embedder.name}'",
            param="model",
            code="model_not_found",
        )
    if body.dimensions is not None and body.dimensions != embedder.dim:
        raise ApiError(
            400, f"dimensions: {embedder.name} has {embedder.dim} only", param="dimensions"
        )
    texts = _texts(body)
    vectors = embedder.encode(texts).astype(np.float32)
    tokens = sum(embedder.count_tokens(t) for t in texts)
    return {
        "object": "list",
        "data": [
            {"object": "embedding", "index": i, "embedding": _encode(v, body.encoding_format)}
            for i, v in enumerate(vectors)
        ],
        "model": embedder.name,
        "usage": {"prompt_tokens": tokens, "total_tokens": tokens},
    }


def _encode(vector: np.ndarray, how: str) -> list[float] | str:
    # base64 of little-endian float32 is what the openai client asks for by default.
    if how == "base64":
        return base64.b64encode(vector.astype("<f4").tobytes()).decode("ascii")
    return vector.tolist()


@router.post("/v1/search")
def search(body: SearchRequest, request: Request) -> dict:
    """The hits `ragchat search --json` prints: source, page, score, similarity, text."""
    scope = request_scope(request, body.collection)
    engine = ApiContext.of(request).holder.get()
    hits = engine.retriever.search(
        body.query,
        k=body.k,
        min_score=body.min_score,
        scope=scope,
        min_relevance=body.min_relevance,
    )
    return {"object": "list", "query": body.query, "data": [h.search_dict() for h in hits]}
