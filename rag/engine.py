"""The chat engine: retrieve → inject context → check answerability → generate, streamed.

Modes (rag.modes; one loaded base model, the LoRA adapter switched on or off per answer):
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
from dataclasses import dataclass, field
from pathlib import Path

from prompts import Prompts, load_prompts
from rag.answer_checks import AnswerChecks, withdrawal_reason
from rag.answer_stream import AnswerStream, Progress
from rag.answerability import judge_messages
from rag.citations import cited_hits, supporting_hits
from rag.condense import heuristic_query, looks_like_follow_up
from rag.generation import GenerationConfig
from rag.modes import MODE_NAMES, Mode, get_mode
from rag.prompting import BuiltPrompt, Messages, build_prompt
from rag.query_rewrite import condense_with_model, search_terms, with_search_terms
from rag.repetition import repeat_start
from rag.retriever import Retriever
from rag.runtime import ChatModel
from rag.schema import Answer, Hit
from rag.settings import Settings
from rag.support import Checker
from rag.token_steps import TokenStep, figure_confidence

log = logging.getLogger(__name__)

MODES = MODE_NAMES  # the mode names, for argument parsers


@dataclass(frozen=True)
class AnswerOptions:
    """Per-answer choices; None means the setting's value."""

    top_k: int | None = None
    min_score: float | None = None
    min_relevance: float | None = None  # the best hit's least relevance (retrieval.min_relevance)
    max_new_tokens: int | None = None
    temperature: float | None = None
    adapter: str | None = None  # the name of a loaded LoRA adapter; None: the default one
    # The collections retrieval may read (rag.collections.resolve_scope); None: all of them.
    collections: frozenset[str] | None = None


@dataclass
class Retrieval:
    query: str  # what was searched: the standalone query, with its search terms if any
    hits: list[Hit] = field(default_factory=list)
    seconds: float = 0.0


class ChatEngine:
    def __init__(self, settings: Settings, retriever: Retriever, llm: ChatModel, prompts: Prompts):
        self.settings = settings
        self.retriever = retriever
        self.llm = llm
        self.prompts = prompts

    @property
    def checker(self) -> Checker:
        return Checker(self.llm, self.prompts, self.retriever.embedder.encode)

    @property
    def has_adapter(self) -> bool:
        return self.llm.has_adapter

    def available_modes(self) -> tuple[str, ...]:
        return MODES if self.has_adapter else ("rag",)

    def _adapter_for(self, mode: Mode, options: AnswerOptions) -> str | None:
        """The LoRA adapter a mode answers with: the chosen one, else the default; None for
        the plain base."""
        if not mode.uses_adapter:
            return None
        return options.adapter or self.llm.default_adapter

    # -- retrieval ------------------------------------------------------------------------
    def standalone_query(self, question: str, history: Messages | None) -> str:
        history = history or []
        how = self.settings.retrieval.condense
        if how == "none" or not history:
            return question
        if how == "model" and looks_like_follow_up(question):
            return condense_with_model(self.llm, self.prompts, question, history)
        return heuristic_query(question, history)

    def retrieve(
        self,
        question: str,
        history: Messages | None = None,
        options: AnswerOptions | None = None,
        progress: Progress | None = None,
    ) -> Retrieval:
        options = options or AnswerOptions()
        started = time.perf_counter()
        query = self.standalone_query(question, history)

        def search(text: str) -> list[Hit]:
            return self.retriever.search(
                text,
                k=options.top_k,
                min_score=options.min_score,
                scope=options.collections,
                min_relevance=options.min_relevance,
            )

        hits = search(query)
        if query.strip() and self._wants_search_terms(hits):
            if progress is not None:
                progress("choosing search terms…")
            expanded = with_search_terms(query, search_terms(self.llm, self.prompts, query))
            found = search(expanded) if expanded != query else []
            if found:  # nothing over the gate with the terms: the question's own hits stay
                hits, query = found, expanded
        return Retrieval(query, hits, time.perf_counter() - started)

    def _wants_search_terms(self, hits: list[Hit]) -> bool:
        """retrieval.query_terms: only for a question whose best hit is under
        retrieval.query_terms_under or the gate (a verbatim question's answer mostly scores
        above it, a reworded one's below; README "Search terms")."""
        settings = self.settings.retrieval
        if settings.query_terms == "none":
            return False
        return not hits or self.retriever.relevance(hits[0]) < settings.query_terms_under

    # -- answering ------------------------------------------------------------------------
    def stream(
        self,
        question: str,
        history: Messages | None = None,
        mode: str = "rag",
        options: AnswerOptions | None = None,
        retrieved: Retrieval | None = None,
    ) -> AnswerStream:
        """Start answering; `retrieved` reuses one retrieval (comparison mode)."""
        stop = threading.Event()
        stream = AnswerStream(stop)
        answer = Answer(text="", mode=mode)
        stream.answer = answer
        options = options or AnswerOptions()
        run = _Run(question, history or [], options, retrieved, stop, stream.progress)
        stream._pieces = self._guarded(answer, run, mode)
        return stream

    def ask(
        self,
        question: str,
        history: Messages | None = None,
        mode: str = "rag",
        options: AnswerOptions | None = None,
    ) -> Answer:
        return self.stream(question, history, mode, options).consume()

    def compare(
        self,
        question: str,
        history: Messages | None = None,
        modes: tuple[str, ...] | list[str] = MODES,
        *,
        histories: dict[str, Messages] | None = None,
        options: AnswerOptions | None = None,
    ) -> dict[str, Answer]:
        """Every mode's answer to one question, from one retrieval and one loaded model."""
        streams = self.compare_streams(
            question, history, modes, histories=histories, options=options
        )
        return {mode: stream.consume() for mode, stream in streams.items()}

    def compare_streams(
        self,
        question: str,
        history: Messages | None = None,
        modes: tuple[str, ...] | list[str] = MODES,
        *,
        histories: dict[str, Messages] | None = None,
        options: AnswerOptions | None = None,
    ) -> dict[str, AnswerStream]:
        """Streams per mode sharing one retrieval; each column may keep its own history."""
        shared = self.retrieve(question, history, options)
        histories = histories or {}
        return {
            mode: self.stream(question, histories.get(mode, history), mode, options, shared)
            for mode in modes
        }

    def _guarded(self, answer: Answer, run: _Run, mode_name: str) -> Iterator[str]:
        try:
            mode = get_mode(mode_name)
            if mode.uses_adapter and not self.has_adapter:
                raise ValueError(
                    f"mode '{mode.name}' needs a LoRA adapter: train one with `ragchat finetune` "
                    "or set llm.adapter"
                )
            yield from self._answer(answer, run, mode)
        except Exception as err:  # surfaced as a message: never a dead page or a hung stream
            log.exception("answer failed")
            answer.error = f"{type(err).__name__}: {err}"
            message = f"\n\n[error: {answer.error}]"
            answer.text += message
            yield message

    def _answer(self, answer: Answer, run: _Run, mode: Mode) -> Iterator[str]:
        hits = self._context(answer, run, mode)
        if hits is not None and not hits:
            yield from self._refuse(answer)
            return
        prompt = self._prompt(run, hits)
        answer.timings.prompt_tokens = prompt.tokens
        if hits is not None:
            answer.hits = prompt.hits
        started = time.perf_counter()
        if hits is not None:
            run.progress(f"reading {len(prompt.hits)} passages…")
        if hits is not None and not self._answerable(answer, prompt, mode, run.options):
            yield from self._refuse(answer)
            return
        yield from self._decode(answer, prompt, mode, run, started)
        if hits:
            yield from self._withdraw_if_unfounded(answer, prompt, mode, run)
        if hits and not answer.refused:
            # Small models often forget the [n] markers: fall back to the best-supporting chunk.
            answer.sources = cited_hits(answer.text, prompt.hits) or supporting_hits(
                answer.text, prompt.hits
            )

    def _context(self, answer: Answer, run: _Run, mode: Mode) -> list[Hit] | None:
        """The hits to inject (None for a mode without context); records the retrieval."""
        if not mode.uses_context and run.retrieved is None:
            return None
        retrieval = run.retrieved or self.retrieve(
            run.question, run.history, run.options, run.progress
        )
        answer.query, answer.hits = retrieval.query, retrieval.hits
        answer.timings.retrieve_s = retrieval.seconds
        return retrieval.hits if mode.uses_context else None

    def _refuse(self, answer: Answer) -> Iterator[str]:
        answer.refused = True
        answer.text = self.prompts.render("not_found")
        yield answer.text

    def _answerable(
        self, answer: Answer, prompt: BuiltPrompt, mode: Mode, options: AnswerOptions
    ) -> bool:
        """The model's own yes/no judgement that the passages answer the question."""
        check = self.settings.answerability
        if check.mode == "none":
            return True
        started = time.perf_counter()
        messages = judge_messages(self.prompts, prompt.messages)
        answer.answerable_p = self.llm.yes_probability(messages, self._adapter_for(mode, options))
        answer.timings.check_s = time.perf_counter() - started
        return answer.answerable_p >= check.min_probability

    def _withdraw_if_unfounded(
        self, answer: Answer, prompt: BuiltPrompt, mode: Mode, run: _Run
    ) -> Iterator[str]:
        """Replace an answer that a check after it finds unfounded (rag.answer_checks) by the
        not-found reply."""
        scope = run.options.collections

        def mentioned(word: str) -> bool:
            return bool(self.retriever.store.keyword_search(word, 1, scope))

        checks = AnswerChecks(self.settings.answerability, self.checker, mentioned)
        passages = [h.text for h in prompt.hits]
        adapter = self._adapter_for(mode, run.options)
        reason = withdrawal_reason(checks, answer, run.question, passages, adapter, run.history)
        if reason is None:
            return
        answer.refused = True
        answer.text = self.prompts.render("not_found")
        yield f"\n\n[withdrawn: {reason}] "
        yield answer.text

    def _decode(
        self, answer: Answer, prompt: BuiltPrompt, mode: Mode, run: _Run, started: float
    ) -> Iterator[str]:
        """Stream the answer; stop and cut it when it starts to loop; record timings."""
        llm_settings = self.settings.llm
        options = run.options
        temperature = (
            llm_settings.temperature if options.temperature is None else options.temperature
        )
        config = GenerationConfig(
            max_new_tokens=options.max_new_tokens or llm_settings.max_new_tokens,
            temperature=temperature,
            repetition_penalty=llm_settings.repetition_penalty,
        )
        timings = answer.timings
        loop_words = llm_settings.stop_on_repeat
        decode_started = time.perf_counter()
        first = None
        pieces: list[str] = []
        cut_at = None  # where the answer started looping
        adapter = self._adapter_for(mode, options)
        # Each token's probability, for the figure check on answers from passages
        # (rag.token_steps). Only when it is on: on llama.cpp it cost decode 26.3 → 24.1
        # tokens/s on 2 cores, the whole score array handed to Python at every token.
        records = mode.uses_context and self.settings.answerability.min_figure_confidence > 0
        steps: list[TokenStep] | None = [] if records else None
        for piece in self.llm.stream(prompt.messages, config, run.stop, adapter, steps=steps):
            if first is None:
                first = time.perf_counter()
                timings.ttft_s = first - started
            pieces.append(piece)
            answer.text = "".join(pieces)
            yield piece
            if loop_words and cut_at is None:
                cut_at = repeat_start(answer.text, loop_words)
                if cut_at is not None:
                    run.stop.set()  # generation ends after the current token
        end = time.perf_counter()
        timings.generate_s = end - decode_started
        answer.figure_p = figure_confidence(steps) if steps else None
        generated = answer.text.strip()
        answer.text = generated if cut_at is None else answer.text[:cut_at].strip()
        # Re-tokenising decoded text can count a token more than generation produced.
        timings.tokens = min(self.llm.count_text(generated), config.max_new_tokens)
        if first is not None and timings.tokens > 1 and end > first:
            timings.tokens_per_s = (timings.tokens - 1) / (end - first)

    def _prompt(self, run: _Run, hits: list[Hit] | None) -> BuiltPrompt:
        max_new = run.options.max_new_tokens or self.settings.llm.max_new_tokens
        return build_prompt(
            self.prompts,
            run.question,
            run.history,
            hits,
            self.llm.context_window() - max_new,
            count_prompt=self.llm.count_messages,
            count_text=self.llm.count_text,
            history_tokens=self.settings.prompts.history_tokens,
        )


@dataclass
class _Run:
    """One answer's inputs, handed through the steps."""

    question: str
    history: Messages
    options: AnswerOptions
    retrieved: Retrieval | None
    stop: threading.Event
    progress: Progress


def build_engine(
    settings: Settings | None = None,
    index: Path | str | None = None,
    adapter: Path | None = None,
) -> ChatEngine:
    """Everything the faces need, loaded once: embedder, store, retriever, LLM, prompts."""
    from rag.components import build_embedder, open_store
    from rag.runtime import load_chat_model
    from rag.settings import get_settings

    settings = settings or get_settings()
    prompts = load_prompts(settings.resolve(settings.prompts.dir))
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder, index)
    retriever = Retriever(store, embedder, settings.retrieval)
    llm = load_chat_model(settings.llm, settings.resolve(settings.llm.cache_dir), adapter)
    return ChatEngine(settings, retriever, llm, prompts)
