"""The chat engine: retrieve → inject context → generate, streamed, in three modes.

Modes (one loaded base model; the LoRA adapter is switched on or off per answer):
- rag: base model + retrieved context (context injection);
- finetuned: base + adapter, no context (what the fine-tune alone knows);
- finetuned+rag: base + adapter + retrieved context.
History is passed in, never stored here, so many conversations can share one engine.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Iterator
from pathlib import Path

from prompts import Prompts, load_prompts
from rag.citations import cited_hits, supporting_hits
from rag.condense import heuristic_query, looks_like_follow_up
from rag.generation import GenerationConfig, chat_input_ids, stream_tokens
from rag.llm import LoadedModel
from rag.prompting import BuiltPrompt, Messages, build_prompt
from rag.repetition import repeat_start
from rag.retriever import Retriever
from rag.schema import Answer, Hit
from rag.settings import Settings

log = logging.getLogger(__name__)

MODES = ("rag", "finetuned", "finetuned+rag")
USES_CONTEXT = {"rag": True, "finetuned": False, "finetuned+rag": True}
USES_ADAPTER = {"rag": False, "finetuned": True, "finetuned+rag": True}


class AnswerStream:
    """Iterate for text pieces; `answer` holds the finished Answer once iteration ends."""

    def __init__(self, pieces: Iterator[str], stop: threading.Event):
        self._pieces = pieces
        self._stop = stop
        self.answer: Answer | None = None

    def __iter__(self) -> Iterator[str]:
        yield from self._pieces

    def stop(self) -> None:
        self._stop.set()

    def consume(self) -> Answer:
        for _ in self:
            pass
        assert self.answer is not None
        return self.answer


class ChatEngine:
    def __init__(
        self, settings: Settings, retriever: Retriever, llm: LoadedModel, prompts: Prompts
    ):
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.prompts = prompts

    @property
    def has_adapter(self) -> bool:
        return self.llm.has_adapter

    def available_modes(self) -> tuple[str, ...]:
        return MODES if self.has_adapter else ("rag",)

    # -- retrieval ------------------------------------------------------------------------
    def standalone_query(self, question: str, history: Messages | None) -> str:
        history = history or []
        how = self.settings.retrieval.condense
        if how == "none" or not history:
            return question
        if how == "model" and looks_like_follow_up(question):
            return self._condense_with_model(question, history)
        return heuristic_query(question, history)

    def _condense_with_model(self, question: str, history: Messages) -> str:
        lines = "\n".join(f"{t['role']}: {t['content']}" for t in history[-4:])
        prompt = self.prompts.render("condense", history=lines, question=question)
        ids = chat_input_ids(self.llm, [{"role": "user", "content": prompt}])
        enabled = False if self.has_adapter else None
        config = GenerationConfig(max_new_tokens=48)
        text = "".join(stream_tokens(self.llm, ids, config, adapter_enabled=enabled)).strip()
        return text.splitlines()[0].strip() if text else question

    def retrieve(
        self, question: str, history: Messages | None = None, **overrides
    ) -> tuple[str, list[Hit]]:
        query = self.standalone_query(question, history)
        hits = self.retriever.search(
            query, k=overrides.get("top_k"), min_score=overrides.get("min_score")
        )
        return query, hits

    # -- generation -----------------------------------------------------------------------
    def stream(
        self,
        question: str,
        history: Messages | None = None,
        mode: str = "rag",
        retrieved: tuple[str, list[Hit], float] | None = None,
        **overrides,
    ) -> AnswerStream:
        """Start answering. `retrieved` = (query, hits, seconds) reuses one retrieval."""
        stop = threading.Event()
        stream = AnswerStream(iter(()), stop)
        stream._pieces = self._run(
            stream, question, history or [], mode, retrieved, stop, overrides
        )
        return stream

    def ask(
        self, question: str, history: Messages | None = None, mode: str = "rag", **overrides
    ) -> Answer:
        return self.stream(question, history, mode, **overrides).consume()

    def compare(
        self,
        question: str,
        history: Messages | None = None,
        modes: tuple[str, ...] | list[str] = MODES,
        histories: dict[str, Messages] | None = None,
        **overrides,
    ) -> dict[str, Answer]:
        """Every mode's answer to one question, from one retrieval and one loaded model."""
        return {
            mode: stream.consume()
            for mode, stream in self.compare_streams(
                question, history, modes, histories, **overrides
            ).items()
        }

    def compare_streams(
        self,
        question: str,
        history: Messages | None = None,
        modes: tuple[str, ...] | list[str] = MODES,
        histories: dict[str, Messages] | None = None,
        **overrides,
    ) -> dict[str, AnswerStream]:
        """Streams per mode sharing one retrieval; each column may keep its own history."""
        started = time.perf_counter()
        query, hits = self.retrieve(question, history, **overrides)
        shared = (query, hits, time.perf_counter() - started)
        histories = histories or {}
        return {
            mode: self.stream(question, histories.get(mode, history), mode, shared, **overrides)
            for mode in modes
        }

    def _run(
        self,
        stream: AnswerStream,
        question: str,
        history: Messages,
        mode: str,
        retrieved: tuple[str, list[Hit], float] | None,
        stop: threading.Event,
        overrides: dict,
    ) -> Iterator[str]:
        answer = Answer(text="", mode=mode)
        stream.answer = answer
        try:
            yield from self._generate(answer, question, history, mode, retrieved, stop, overrides)
        except Exception as err:  # surfaced as a message: never a dead page or a hung stream
            log.exception("answer failed")
            answer.error = f"{type(err).__name__}: {err}"
            message = f"\n\n[error: {answer.error}]"
            answer.text += message
            yield message

    def _generate(
        self, answer, question, history, mode, retrieved, stop, overrides
    ) -> Iterator[str]:
        if mode not in MODES:
            raise ValueError(f"unknown mode '{mode}'; choose one of {', '.join(MODES)}")
        if USES_ADAPTER[mode] and not self.has_adapter:
            raise ValueError(
                f"mode '{mode}' needs a LoRA adapter: train one with `ragchat finetune` "
                "or set llm.adapter"
            )
        timings = answer.timings
        hits: list[Hit] | None = None
        if USES_CONTEXT[mode] or retrieved is not None:
            if retrieved is None:
                started = time.perf_counter()
                query, found = self.retrieve(question, history, **overrides)
                retrieved = (query, found, time.perf_counter() - started)
            answer.query, found, timings.retrieve_s = retrieved
            if USES_CONTEXT[mode]:
                hits = found
            answer.hits = found
        if hits is not None and not hits:
            answer.refused = True
            answer.text = self.prompts.render("not_found")
            yield answer.text
            return
        prompt = self._prompt(question, history, hits, overrides)
        if hits is not None:
            answer.hits = prompt.hits
        timings.prompt_tokens = prompt.tokens
        config = GenerationConfig(
            max_new_tokens=overrides.get("max_new_tokens") or self.settings.llm.max_new_tokens,
            temperature=overrides.get("temperature", self.settings.llm.temperature),
            repetition_penalty=self.settings.llm.repetition_penalty,
        )
        ids = chat_input_ids(self.llm, prompt.messages)
        adapter = USES_ADAPTER[mode] if self.has_adapter else None
        loop_words = self.settings.llm.stop_on_repeat
        started = time.perf_counter()
        first = None
        pieces = []
        cut_at = None  # where the answer started looping
        for piece in stream_tokens(self.llm, ids, config, stop=stop, adapter_enabled=adapter):
            if first is None:
                first = time.perf_counter()
                timings.ttft_s = first - started
            pieces.append(piece)
            answer.text = "".join(pieces)
            yield piece
            if loop_words and cut_at is None:
                cut_at = repeat_start(answer.text, loop_words)
                if cut_at is not None:
                    stop.set()  # generation ends after the current token
        end = time.perf_counter()
        timings.generate_s = end - started
        generated = answer.text.strip()
        answer.text = generated if cut_at is None else answer.text[:cut_at].strip()
        # Re-tokenising decoded text can count a token more than generate() produced.
        retokenized = len(self.llm.tokenizer(generated, add_special_tokens=False)["input_ids"])
        timings.tokens = min(retokenized, config.max_new_tokens)
        if first is not None and timings.tokens > 1 and end > first:
            timings.tokens_per_s = (timings.tokens - 1) / (end - first)
        if hits:
            # Small models often forget the [n] markers: fall back to the best-supporting chunk.
            answer.sources = cited_hits(answer.text, prompt.hits) or supporting_hits(
                answer.text, prompt.hits
            )

    def _prompt(self, question, history, hits, overrides) -> BuiltPrompt:
        max_new = overrides.get("max_new_tokens") or self.settings.llm.max_new_tokens
        budget = self.llm.context_window() - max_new
        tokenizer = self.llm.tokenizer
        return build_prompt(
            self.prompts,
            question,
            history,
            hits,
            budget,
            count_prompt=lambda messages: int(chat_input_ids(self.llm, messages).shape[-1]),
            count_text=lambda text: len(tokenizer(text, add_special_tokens=False)["input_ids"]),
            history_tokens=self.settings.prompts.history_tokens,
        )


def build_engine(
    settings: Settings | None = None,
    index: Path | str | None = None,
    adapter: Path | None = None,
) -> ChatEngine:
    """Everything the faces need, loaded once: embedder, store, retriever, LLM, prompts."""
    from rag.components import build_embedder, open_store
    from rag.llm import load_llm
    from rag.settings import get_settings

    settings = settings or get_settings()
    prompts = load_prompts(settings.resolve(settings.prompts.dir))
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder, index)
    retriever = Retriever(store, embedder, settings.retrieval)
    llm = load_llm(settings.llm, settings.resolve(settings.llm.cache_dir), adapter)
    return ChatEngine(settings, retriever, llm, prompts)
