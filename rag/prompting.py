"""Context injection under a token budget.

The prompt is system + history + numbered context + question, rendered with the model's own chat
template, and must leave room for the answer inside the context window. When it doesn't fit,
the lowest-ranked chunks go first, then the oldest history turns; a chunk is never cut mid-way.
"""

from __future__ import annotations

import re
import string
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from prompts import Prompts
from rag.schema import Hit

Messages = list[dict[str, str]]


@dataclass
class BuiltPrompt:
    messages: Messages
    hits: list[Hit]  # the chunks that made it into the prompt, numbered [1]..[n] in order
    history: Messages  # the turns kept
    tokens: int


# The one renderer of the numbered passage block. The engine calls it live, and the training
# dialogues (data/dialoguegen) are rendered by it too, so the tuned model sees what the app sends.
def format_context(prompts: Prompts, hits: list[Hit]) -> str:
    return "\n\n".join(
        prompts.render("passage", n=i, label=hit.label(), text=hit.text)
        for i, hit in enumerate(hits, start=1)
    )


def user_turn(prompts: Prompts, question: str, hits: list[Hit] | None) -> str:
    if hits is None:  # no context at all: the fine-tuned mode
        return question
    return prompts.render(
        "context_question", context=format_context(prompts, hits), question=question
    )


def question_of(prompts: Prompts, content: str) -> str | None:
    """The question back out of a user turn that user_turn rendered with context, else None.

    The inverse of user_turn, for stored dialogues that keep only the rendered text; it reads the
    same template, so a change there changes both directions together.
    """
    match = _context_question_pattern(prompts.templates["context_question"]).fullmatch(content)
    return match["question"] if match else None


@lru_cache(maxsize=4)
def _context_question_pattern(template: str) -> re.Pattern[str]:
    # Greedy context: a passage that itself says "Question:" can't end the context early.
    groups = {"context": "(?P<context>.*)", "question": "(?P<question>.*)"}
    parts = []
    for literal, field, _spec, _conversion in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if field is not None:
            parts.append(groups[field])
    return re.compile("".join(parts), re.DOTALL)


def trim_history(history: Messages, max_tokens: int, count: Callable[[str], int]) -> Messages:
    """Newest turns first, whole turns only, within max_tokens."""
    kept: Messages = []
    used = 0
    for turn in reversed(history):
        cost = count(turn["content"]) + 4
        if used + cost > max_tokens:
            break
        kept.insert(0, turn)
        used += cost
    # A history that starts with an assistant turn confuses small models' templates.
    while kept and kept[0]["role"] != "user":
        kept.pop(0)
    return kept


def build_prompt(
    prompts: Prompts,
    question: str,
    history: Messages,
    hits: list[Hit] | None,
    budget: int,
    count_prompt: Callable[[Messages], int],
    count_text: Callable[[str], int],
    history_tokens: int,
) -> BuiltPrompt:
    """Fit the prompt into `budget` tokens (context window minus answer room).

    hits=None means no context injection (the system prompt says so too).
    """
    system = prompts.render("system_plain" if hits is None else "system_rag")
    kept_history = trim_history(history, history_tokens, count_text)
    kept_hits = list(hits) if hits is not None else None

    def assemble() -> Messages:
        return [
            {"role": "system", "content": system},
            *kept_history,
            {"role": "user", "content": user_turn(prompts, question, kept_hits)},
        ]

    messages = assemble()
    tokens = count_prompt(messages)
    while tokens > budget and (kept_hits or kept_history):
        if kept_hits and len(kept_hits) > 1:
            kept_hits.pop()  # lowest-ranked chunk first
        elif kept_history:
            kept_history = kept_history[2:]  # then the oldest exchange
        elif kept_hits:
            kept_hits.pop()
        messages = assemble()
        tokens = count_prompt(messages)
    if tokens > budget:
        raise ValueError(
            f"the question alone needs {tokens} tokens, over the {budget}-token prompt budget "
            "(llm.context_window − llm.max_new_tokens)"
        )
    return BuiltPrompt(messages, kept_hits or [], kept_history, tokens)
