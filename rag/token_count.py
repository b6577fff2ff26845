"""Counting a served model's tokens without loading the model: its tokenizer, or an estimate.

The engine fits passages into a token budget; a server's model can't count them for us before
the request. With `llm.tokenizer` naming a preset or a .gguf, llama.cpp loads only its vocabulary
(no weights, well under a second) and the GGUF's chat template, so counts match the server's
exactly. Without one, tokens are estimated from characters.
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Protocol

from rag.llm import model_source
from rag.models import ModelLoadError
from rag.prompting import Messages
from rag.settings import LLMSettings

# Characters per token of data/docs' 195 chunks (160 embedding tokens each): SmolLM2's tokenizer
# median 3.76, lowest 2.29; Qwen2.5's median 4.05, lowest 2.38 (the low ones are tables and
# part numbers). 2.25 over-counts every chunk for both, so a prompt the estimate lets through
# fits; what it costs is a passage fewer in some prompts.
CHARS_PER_TOKEN = 2.25
# Role markers and separators a chat template adds per message (4-6 for ChatML; 8 is safe).
TOKENS_PER_MESSAGE = 8


class TokenCounter(Protocol):
    method: str  # said in the load report

    def count_messages(self, messages: Messages) -> int: ...

    def count_text(self, text: str) -> int: ...


class EstimatedCounter:
    method = f"estimated ({CHARS_PER_TOKEN} characters per token)"

    def count_text(self, text: str) -> int:
        return math.ceil(len(text) / CHARS_PER_TOKEN)

    def count_messages(self, messages: Messages) -> int:
        return sum(self.count_text(m["content"]) + TOKENS_PER_MESSAGE for m in messages)


class GgufCounter:
    """The tokenizer and chat template of a GGUF file, vocabulary only."""

    def __init__(self, gguf: Path) -> None:
        import llama_cpp

        from rag.llamacpp import chat_formatter, require_llama_cpp

        require_llama_cpp()
        self._llama = llama_cpp.Llama(model_path=str(gguf), vocab_only=True, verbose=False)
        self._formatter = chat_formatter(self._llama, gguf, "llm.tokenizer")
        self.method = f"tokenizer of {gguf.name}"

    def count_text(self, text: str) -> int:
        return len(self._llama.tokenize(text.encode("utf-8"), False, False))

    def count_messages(self, messages: Messages) -> int:
        prompt = self._formatter(messages=messages).prompt
        return len(self._llama.tokenize(prompt.encode("utf-8"), True, True))


def token_counter(settings: LLMSettings, cache_root: Path) -> TokenCounter:
    """`llm.tokenizer`'s counter (a preset or .gguf), else the estimate."""
    if not settings.tokenizer:
        return EstimatedCounter()
    named = settings.model_copy(update={"model": settings.tokenizer})
    try:
        source = model_source(named, cache_root)
    except ModelLoadError as exc:
        raise ModelLoadError(str(exc).replace("llm.model", "llm.tokenizer", 1)) from exc
    if source.is_dir():
        raise ModelLoadError(
            f"llm.tokenizer = '{settings.tokenizer}': expected a preset or a .gguf file"
        )
    return GgufCounter(source)
