"""POST /v1/chat/completions and GET /v1/models: the modes as models."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import StreamingResponse

from app.api.chat_input import ChatInput, chat_input
from app.api.collections import request_scope
from app.api.completions import completion, completion_id, events
from app.api.context import ApiContext
from app.api.errors import ApiError
from app.api.runner import AnswerRun, CachedRun, Reply
from app.api.schemas import ChatCompletion, ChatRequest, ModelCard, ModelList
from rag.answer_cache import Lookup
from rag.modes import get_mode

router = APIRouter()


@router.get("/v1/models")
def list_models(request: Request) -> ModelList:
    ctx = ApiContext.of(request)
    engine = ctx.holder.get()
    base = engine.llm.report.get("model", "")
    cards = [
        ModelCard(
            id=mode,
            created=ctx.holder.created,
            owned_by="ragchat",
            base_model=base,
            label=get_mode(mode).label,
        )
        for mode in engine.available_modes()
    ]
    return ModelList(data=cards)


async def _lookup(ctx: ApiContext, turn: ChatInput) -> Lookup:
    if not turn.use_cache:
        return Lookup(None)
    cache = ctx.answer_cache()
    # The stop sequences cut the text that is stored, so they are part of the key.
    found = await run_in_threadpool(
        cache.lookup, turn.question, turn.history, turn.mode, turn.options, {"stop": turn.stops}
    )
    if found.answer is not None:
        ctx.metrics.cache_hits.labels(turn.mode, found.match).inc()
    elif found.key is not None:
        ctx.metrics.cache_misses.labels(turn.mode).inc()
    return found


def _generate(ctx: ApiContext, turn: ChatInput, lookup: Lookup, streaming: bool) -> AnswerRun:
    """Queue an answer (429 when the queue is full) and start it on its own thread."""
    engine = ctx.holder.get()
    ticket = ctx.queue.admit()
    try:
        stream = engine.stream(turn.question, turn.history, turn.mode, turn.options)
    except BaseException:
        ctx.queue.leave(ticket)
        raise

    def done(reply: Reply) -> None:
        ctx.metrics.observe_answer(reply.answer, reply.stopped)
        if lookup.key is not None:
            ctx.answer_cache().store(lookup, reply.answer, reply.text, reply.stopped)

    run = AnswerRun(stream, turn.stops, turn.max_tokens, ctx.queue, ticket, done, streaming)
    run.start()
    return run


@router.post("/v1/chat/completions", response_model=None)
async def chat_completions(
    body: ChatRequest, request: Request
) -> ChatCompletion | StreamingResponse:
    ctx = ApiContext.of(request)
    scope = request_scope(request, body.collection)  # 403 before any work for a denied one
    turn = chat_input(body, ctx.holder.get(), scope)
    lookup = await _lookup(ctx, turn)
    run: AnswerRun | CachedRun
    if lookup.answer is not None:
        run = CachedRun(lookup.answer, turn.max_tokens)  # no queue: nothing to generate
    else:
        run = _generate(ctx, turn, lookup, body.stream)
    cid = completion_id()
    if body.stream:
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(
            events(run, cid, turn.mode), media_type="text/event-stream", headers=headers
        )
    reply = run.reply if isinstance(run, CachedRun) else await run.finished(request.is_disconnected)
    if reply is None or reply.stopped:
        raise ApiError(499, "the client closed the request", code="client_closed")
    if reply.answer.error:
        raise ApiError(
            500, f"the answer failed: {reply.answer.error}", type="server_error", code="answer"
        )
    return completion(reply, cid, turn.mode)
