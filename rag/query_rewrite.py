"""The chat model rewriting what is searched: a follow-up made standalone (retrieval.condense
model) and search terms added to the query (retrieval.query_terms model).

Search terms: people ask in their own words ("why does my printed text show up late?"), the
documents use the field's ("buffering", "flush"). The model names the terms a manual would use
for what is asked, and they are searched beside the question by every retrieval stage (keyword,
vector, reranker, question headings). Only terms, not a made-up answer: a short list took
0.85 s at the median on 2 CPU cores (search included), a hypothetical passage (HyDE) ~10 s
(README "Search terms").
"""

from __future__ import annotations

import re

from prompts import Prompts
from rag.generation import GenerationConfig
from rag.prompting import Messages
from rag.runtime import ChatModel

# Six terms of a few tokens each, with commas: 40 tokens leave room and bound the cost.
TERMS_TOKENS = 40
CONDENSE_TOKENS = 48
# "Technical terms: buffering, flush" -> "buffering, flush": a short label before a colon is
# the model's preamble, not a term.
_LABEL = re.compile(r"^\s*[\w ]{1,30}:\s+")


def _first_line(model: ChatModel, prompt: str, max_new_tokens: int) -> str:
    # On the side: the answer's cached prompt stays for the answer that follows.
    pieces = model.stream(
        [{"role": "user", "content": prompt}],
        GenerationConfig(max_new_tokens=max_new_tokens),
        keep_cache=True,
    )
    text = "".join(pieces).strip()
    return text.splitlines()[0].strip() if text else ""


def condense_with_model(
    model: ChatModel, prompts: Prompts, question: str, history: Messages
) -> str:
    """The follow-up rewritten to stand alone, from the last four turns."""
    lines = "\n".join(f"{t['role']}: {t['content']}" for t in history[-4:])
    prompt = prompts.render("condense", history=lines, question=question)
    return _first_line(model, prompt, CONDENSE_TOKENS) or question


def search_terms(model: ChatModel, prompts: Prompts, query: str) -> str:
    """The terms a manual would use for what the query asks ("" when the model gives none)."""
    return parse_terms(
        _first_line(model, prompts.render("query_terms", question=query), TERMS_TOKENS)
    )


def parse_terms(line: str) -> str:
    """The model's reply as "a, b, c": its label and quotes dropped, each term once."""
    line = _LABEL.sub("", line, count=1).strip().strip('"').rstrip(".")
    terms = [t.strip() for t in line.split(",")]
    return ", ".join(dict.fromkeys(t for t in terms if t))


def with_search_terms(query: str, terms: str) -> str:
    """The query that is searched: the question, then its terms."""
    return f"{query} {terms}" if terms else query
