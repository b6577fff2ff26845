"""POST /v1/chat/completions and GET /v1/models: the modes as models."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import StreamingResponse

from app.api.chat_input import chat_input
from app.api.completions import completion, completion_id, events
from app.api.context import ApiContext
from app.api.errors import ApiError
from app.api.runner import AnswerRun, Reply
from app.api.schemas import ChatCompletion, ChatRequest, ModelCard, ModelList
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


@router.post("/v1/chat/completions", response_model=None)
async def chat_completions(
    body: ChatRequest, request: Request
) -> ChatCompletion | StreamingResponse:
    ctx = ApiContext.of(request)
    engine = ctx.holder.get()
    turn = chat_input(body, engine)
    ticket = ctx.queue.admit()
    try:
        stream = engine.stream(turn.question, turn.history, turn.mode, turn.options)
    except BaseException:
        ctx.queue.leave(ticket)
        raise

    def done(reply: Reply) -> None:
        ctx.metrics.observe_answer(reply.answer, reply.stopped)

    run = AnswerRun(stream, turn.stops, turn.max_tokens, ctx.queue, ticket, done)
    run.start()
    cid = completion_id()
    if body.stream:
        headers = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}
        return StreamingResponse(
            events(run, cid, turn.mode), media_type="text/event-stream", headers=headers
        )
    reply = await run.finished(request.is_disconnected)
    if reply is None or reply.stopped:
        raise ApiError(499, "the client closed the request", code="client_closed")
    if reply.answer.error:
        raise ApiError(
            500, f"the answer failed: {reply.answer.error}", type="server_error", code="answer"
        )
    return completion(reply, cid, turn.mode)
