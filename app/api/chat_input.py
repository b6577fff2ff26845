"""A chat completion request as the engine's inputs: question, history, mode, options, stops.

Earlier user/assistant turns are the history; the engine condenses a follow-up into a
standalone query from them, as the page does. System messages are dropped: the engine's own
prompts/ templates say how to answer from the passages, and a client's instructions there
would change what the answerability check measured.
"""

from __future__ import annotations

from dataclasses import dataclass

from app.api.errors import ApiError
from app.api.schemas import ChatRequest
from rag.collections import Scope
from rag.engine import AnswerOptions, ChatEngine
from rag.modes import get_mode
from rag.prompting import Messages

MAX_STOPS = 4  # OpenAI's limit


@dataclass(frozen=True)
class ChatInput:
    question: str
    history: Messages
    mode: str
    options: AnswerOptions
    stops: tuple[str, ...]
    max_tokens: int  # the limit this answer runs under (finish_reason "length" at it)
    use_cache: bool


def chat_input(body: ChatRequest, engine: ChatEngine, scope: Scope = None) -> ChatInput:
    """scope: the collections to read, from app.api.collections.request_scope."""
    mode = _mode(body.model, engine)
    question, history = _conversation(body)
    max_tokens = _max_tokens(body, engine)
    if body.n not in (None, 1):
        raise ApiError(400, "n: only one choice per request is supported", param="n")
    options = AnswerOptions(
        top_k=body.top_k,
        min_score=body.min_score,
        min_relevance=body.min_relevance,
        max_new_tokens=max_tokens,
        temperature=body.temperature,
        collections=scope,
    )
    return ChatInput(question, history, mode, options, _stops(body), max_tokens, body.cache)


def _mode(model: str, engine: ChatEngine) -> str:
    available = engine.available_modes()
    try:
        mode = get_mode(model)
    except ValueError:
        raise ApiError(
            404,
            f"model: unknown model '{model}'; the models are the answering modes: "
            f"{', '.join(available)}",
            param="model",
            code="model_not_found",
        ) from None
    if mode.uses_adapter and not engine.has_adapter:
        raise ApiError(
            400,
            f"model: '{model}' answers with a LoRA adapter and none is loaded (start with "
            f"--adapter PATH); available: {', '.join(available)}",
            param="model",
            code="adapter_not_loaded",
        )
    return mode.name


def _conversation(body: ChatRequest) -> tuple[str, Messages]:
    turns = [m for m in body.messages if m.role in ("user", "assistant")]
    if not turns:
        raise ApiError(400, "messages: the conversation has no user message", param="messages")
    last = body.messages[-1]
    if last.role != "user":
        raise ApiError(
            400,
            f"messages[{len(body.messages) - 1}].role: the last message must be from the user, "
            f"not '{last.role}'",
            param=f"messages[{len(body.messages) - 1}].role",
        )
    question = last.text().strip()
    if not question:
        at = f"messages[{len(body.messages) - 1}].content"
        raise ApiError(400, f"{at}: the question is empty", param=at)
    history = [{"role": m.role, "content": m.text()} for m in turns[:-1]]
    return question, history


def _max_tokens(body: ChatRequest, engine: ChatEngine) -> int:
    name = "max_completion_tokens" if body.max_completion_tokens is not None else "max_tokens"
    value = body.max_completion_tokens if name == "max_completion_tokens" else body.max_tokens
    if value is None:
        return engine.settings.llm.max_new_tokens
    # Half the context window at most: the other half holds the passages and the history.
    limit = engine.llm.context_window() // 2
    if not 1 <= value <= limit:
        raise ApiError(
            400,
            f"{name}: {value} is out of range; it must be between 1 and {limit} "
            "(half the model's context window)",
            param=name,
            code="integer_out_of_range",
        )
    return value


def _stops(body: ChatRequest) -> tuple[str, ...]:
    stops = [body.stop] if isinstance(body.stop, str) else list(body.stop or [])
    if len(stops) > MAX_STOPS:
        raise ApiError(400, f"stop: at most {MAX_STOPS} sequences", param="stop")
    return tuple(s for s in stops if s)
