"""Evidence for an answer: the sentence the model copies from its passages, and whether that
sentence, read on its own, answers the question.

A small model asked "do these passages answer the question?" says yes when they are about the
right product or policy, even when the detail asked for is missing (the battery capacity of a
GPS whose passages give its battery life). Asked to copy the one sentence that answers, it
either says none, copies a sentence about something else, or writes one the passages don't
contain; a second judgement over that sentence alone, without the passages around it, no longer
sees the topic, only whether the sentence states what was asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from prompts import Prompts
from rag.generation import GenerationConfig
from rag.prompting import Messages
from rag.runtime import ChatModel

# A sentence of the passages is rarely over 40 words (~55 tokens); the reply is cut there.
QUOTE_TOKENS = 60

_WORD = re.compile(r"\w+")
_CITATION = re.compile(r"\[\d+(?:\s*,\s*\d+)*\]")
_NONE = re.compile(r"(?:none|no (?:such )?sentence|not found)\b")


def quote_messages(prompts: Prompts, messages: Messages) -> Messages:
    """The answer prompt with the request for the evidence sentence appended to its last turn
    (the passages before it are the same tokens, so their KV cache is reused)."""
    *before, last = messages
    request = f"{last['content']}\n\n{prompts.render('evidence_quote')}"
    return [*before, {**last, "content": request}]


def clean_quote(reply: str) -> str:
    """The first line of the reply without citation markers or quotation marks."""
    first = reply.strip().splitlines()[0] if reply.strip() else ""
    return _CITATION.sub("", first).strip().strip("\"'“”").strip()


def is_none(quote: str) -> bool:
    """The model said no sentence gives the answer."""
    text = quote.lower().strip(" .")
    return not text or bool(_NONE.match(text))


def evidence_messages(prompts: Prompts, question: str, quote: str) -> Messages:
    """The standalone check: does this one sentence answer the question?"""
    content = prompts.render("evidence_check", question=question, sentence=clean_quote(quote))
    return [{"role": "user", "content": content}]


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def quote_overlap(quote: str, passages: list[str]) -> float:
    """The share of the quote's words found in order in its best passage: ~1.0 for a copied
    sentence, lower for one the model wrote itself; 0.0 for an empty quote."""
    quoted = words(clean_quote(quote))
    if not quoted:
        return 0.0
    best = 0
    for passage in passages:
        matcher = SequenceMatcher(None, quoted, words(passage), autojunk=False)
        best = max(best, sum(block.size for block in matcher.get_matching_blocks()))
    return best / len(quoted)


@dataclass(frozen=True)
class Evidence:
    quote: str  # the sentence the model copied ("" when it said none)
    probability: float  # P(that sentence, on its own, answers the question); 0 for none


def find_evidence(
    llm: ChatModel, prompts: Prompts, messages: Messages, question: str, adapter: str | None
) -> Evidence:
    """Ask for the answering sentence (greedy, reusing the answer prompt's KV cache), then
    judge it without the passages."""
    config = GenerationConfig(max_new_tokens=QUOTE_TOKENS, temperature=0.0)
    reply = "".join(llm.stream(quote_messages(prompts, messages), config, None, adapter))
    quote = clean_quote(reply)
    if is_none(quote):
        return Evidence("", 0.0)
    check = evidence_messages(prompts, question, quote)
    return Evidence(quote, llm.yes_probability(check, adapter))
