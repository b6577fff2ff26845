"""A finished answer (or its pieces) in OpenAI's chat.completion / chat.completion.chunk shape."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator

from app.api.runner import AnswerRun, CachedRun, Reply
from app.api.schemas import (
    AssistantMessage,
    ChatCompletion,
    ChatCompletionChunk,
    Choice,
    ChunkChoice,
    Delta,
    Source,
    Usage,
)


def completion_id() -> str:
    return f"chatcmpl-{uuid.uuid4().hex}"


def _usage(reply: Reply) -> Usage:
    t = reply.answer.timings
    return Usage(
        prompt_tokens=t.prompt_tokens,
        completion_tokens=t.tokens,
        total_tokens=t.prompt_tokens + t.tokens,
    )


def _sources(reply: Reply) -> list[Source]:
    # A refusal cites nothing: the passages it found did not answer the question.
    return [] if reply.answer.refused else [Source.of(h) for h in reply.answer.sources]


def _extras(reply: Reply) -> dict:
    """What ragchat adds to OpenAI's shape, in both the completion and the last chunk."""
    answer = reply.answer
    return {
        "usage": _usage(reply),
        "sources": _sources(reply),
        "refused": answer.refused,
        "cached": answer.cached,
        "query": answer.query,
        "timings": answer.timings.to_dict(),
    }


def completion(reply: Reply, cid: str, model: str) -> ChatCompletion:
    return ChatCompletion(
        id=cid,
        created=int(time.time()),
        model=model,
        choices=[
            Choice(message=AssistantMessage(content=reply.text), finish_reason=reply.finish_reason)
        ],
        **_extras(reply),
    )


def _event(chunk: ChatCompletionChunk) -> str:
    return f"data: {chunk.model_dump_json(exclude_none=True)}\n\n"


async def events(run: AnswerRun | CachedRun, cid: str, model: str) -> AsyncIterator[str]:
    """SSE: a role chunk, one chunk per text piece, a last chunk with finish_reason and the
    answer's sources, refusal, usage and timings, then `data: [DONE]`. Leaving early (the
    client disconnected: the task is cancelled here) stops generation."""
    created = int(time.time())

    def chunk(delta: Delta, **extra: object) -> ChatCompletionChunk:
        finish = extra.pop("finish_reason", None)
        choice = ChunkChoice(delta=delta, finish_reason=finish)  # type: ignore[arg-type]
        return ChatCompletionChunk(id=cid, created=created, model=model, choices=[choice], **extra)  # type: ignore[arg-type]

    try:
        yield _event(chunk(Delta(role="assistant", content="")))
        async for piece in run.pieces():
            yield _event(chunk(Delta(content=piece)))
        reply = run.reply
        if reply is not None:
            yield _event(chunk(Delta(), finish_reason=reply.finish_reason, **_extras(reply)))
        yield "data: [DONE]\n\n"
    finally:
        if run.reply is None:
            run.stop()
