"""Is the question answered by the passages? The chat model's own judgement, as a probability.

The check is the answer's own prompt with one line added to the last user turn (the question
about the passages), so on llama.cpp the answer that follows reuses the KV cache of everything
before that line: the passages are read once. The probability is P(yes) / (P(yes) + P(no)) of
the first reply token; `answerability.min_probability` is the line between answering and the
"not in the documents" reply.
"""

from __future__ import annotations

from prompts import Prompts
from rag.prompting import Messages


def judge_messages(prompts: Prompts, messages: Messages) -> Messages:
    """The answer prompt with the answerability question appended to its last user turn."""
    *before, last = messages
    question = f"{last['content']}\n\n{prompts.render('answerable')}"
    return [*before, {**last, "content": question}]
