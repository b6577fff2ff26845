"""Turn a follow-up ("and for the premium one?") into a query retrieval can use on its own."""

from __future__ import annotations

import re

Messages = list[dict[str, str]]

# Words that make a question lean on the conversation before it.
_REFERRING = re.compile(
    r"\b(it|its|it's|they|them|their|that|those|these|this|one|ones|there|same|also|too|"
    r"instead|else|another|other|more)\b|^(and|or|but|what about|how about|so)\b",
    re.IGNORECASE,
)


def looks_like_follow_up(question: str) -> bool:
    words = re.findall(r"\w+", question)
    return len(words) <= 12 and bool(_REFERRING.search(question.strip()))


def heuristic_query(question: str, history: Messages) -> str:
    """The last user question plus this one: cheap, and it keeps the earlier topic's words."""
    if not history or not looks_like_follow_up(question):
        return question
    previous = [t["content"] for t in history if t["role"] == "user"]
    return f"{previous[-1]} {question}" if previous else question
