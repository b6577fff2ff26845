"""Request and response records in OpenAI's field names, plus ragchat's extra fields.

Requests allow unknown fields (clients send `n`, `user`, `logprobs`… that change nothing here);
the ones that would change the answer and can't be honoured are refused in chat.py.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from rag.schema import Hit


class TextPart(BaseModel):
    model_config = ConfigDict(extra="allow")
    type: str
    text: str | None = None


class ChatMessage(BaseModel):
    model_config = ConfigDict(extra="allow")
    role: Literal["system", "developer", "user", "assistant", "tool", "function"]
    content: str | list[TextPart] | None = None

    def text(self) -> str:
        if isinstance(self.content, list):
            return "".join(p.text or "" for p in self.content if p.type == "text")
        return self.content or ""


class ChatRequest(BaseModel):
    model_config = ConfigDict(extra="allow")
    model: str
    messages: list[ChatMessage]
    stream: bool = False
    max_tokens: int | None = None
    max_completion_tokens: int | None = None
    temperature: float | None = Field(None, ge=0.0, le=2.0)
    stop: str | list[str] | None = None
    n: int | None = None
    # ragchat's own fields (LangChain: extra_body; openai: extra_body=…)
    top_k: int | None = Field(None, ge=1, le=50, description="passages put into the prompt")
    min_score: float | None = Field(None, ge=-1.0, le=1.0, description="a hit's least cosine")
    min_relevance: float | None = Field(
        None, ge=-1.0, le=1.0, description="the best hit's least relevance, else not found"
    )
    cache: bool = Field(True, description="false: never answer from the answer cache")
    collection: str | list[str] | None = Field(
        None,
        description="search only this collection (or these); default: every one the key may read",
    )


class Source(BaseModel):
    source: str
    page: int | None
    score: float
    similarity: float | None
    text: str

    @classmethod
    def of(cls, hit: Hit) -> Source:
        return cls(**hit.search_dict())


class Usage(BaseModel):
    prompt_tokens: int
    completion_tokens: int
    total_tokens: int


class AssistantMessage(BaseModel):
    role: Literal["assistant"] = "assistant"
    content: str


class Choice(BaseModel):
    index: int = 0
    message: AssistantMessage
    finish_reason: str
    logprobs: None = None


class ChatCompletion(BaseModel):
    id: str
    object: Literal["chat.completion"] = "chat.completion"
    created: int
    model: str
    choices: list[Choice]
    usage: Usage
    sources: list[Source]
    refused: bool
    cached: bool = False
    query: str = ""
    timings: dict[str, Any] = Field(default_factory=dict)


class Delta(BaseModel):
    role: Literal["assistant"] | None = None
    content: str | None = None


class ChunkChoice(BaseModel):
    index: int = 0
    delta: Delta
    finish_reason: str | None = None
    logprobs: None = None


class ChatCompletionChunk(BaseModel):
    """One SSE event; the last one before [DONE] also carries the answer's extra fields."""

    id: str
    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    created: int
    model: str
    choices: list[ChunkChoice]
    usage: Usage | None = None
    sources: list[Source] | None = None
    refused: bool | None = None
    cached: bool | None = None
    query: str | None = None
    timings: dict[str, Any] | None = None


class ModelCard(BaseModel):
    id: str
    object: Literal["model"] = "model"
    created: int
    owned_by: str
    base_model: str
    label: str


class ModelList(BaseModel):
    object: Literal["list"] = "list"
    data: list[ModelCard]
