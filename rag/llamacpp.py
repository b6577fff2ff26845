"""The CPU runtime: a GGUF model through llama.cpp (llama-cpp-python), on its own 4-bit weights.

One model is loaded (mmap'd) with one context. The LoRA adapter, converted once to a GGUF LoRA,
is loaded next to it and switched on or off per answer with llama.cpp's per-context adapter
call, so one base serves the plain and the fine-tuned modes. Prompts are rendered with the
chat template stored in the GGUF and counted with llama.cpp's own tokenizer. The KV cache of
the previous prompt is kept: a follow-up, or the answer after an answerability check over the
same passages, only reads the tokens after the shared prefix.
"""

from __future__ import annotations

import contextlib
import ctypes
import importlib.util
import logging
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from rag.adapters import NamedAdapters
from rag.generation import GenerationConfig
from rag.models import ModelLoadError
from rag.prompt_steps import message_starts, reading_steps
from rag.prompting import Messages
from rag.token_steps import StepRecorder, TokenStep

log = logging.getLogger(__name__)


def require_llama_cpp() -> None:
    if importlib.util.find_spec("llama_cpp") is None:
        raise ModelLoadError(
            "llm.runtime = 'llamacpp' needs llama-cpp-python: run `make setup` (it builds a "
            "portable wheel once) or set llm.runtime = transformers"
        )


def cpu_threads(setting: int) -> int:
    """llm.threads, or every core this process may use (0 = all)."""
    return setting if setting > 0 else max(1, len(os.sched_getaffinity(0)))


@dataclass
class LlamaCppModel(NamedAdapters):
    """A GGUF chat model in llama.cpp and the LoRA adapters loaded next to it, by name.

    `lock` serialises everything that touches the context (one answer at a time): the KV cache,
    the active adapter and the sampler belong to the single context.
    """

    llama: Any  # llama_cpp.Llama
    report: dict
    gguf: Path  # the base model file (adapters are converted against it)
    cache_root: Path  # where converted adapters are cached
    base_id: str | None = None  # the public id of the base (checked against adapters)
    adapters: dict[str, Path] = field(default_factory=dict)
    default_adapter: str | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)
    configured_window: int = 2048
    _formatter: Any = None
    _loras: dict[str, Any] = field(default_factory=dict)  # name -> llama_adapter_lora_p
    _active: str | None = None

    runtime = "llamacpp"

    def context_window(self) -> int:
        return min(self.configured_window, self.llama.n_ctx())

    # -- text ↔ tokens --------------------------------------------------------------------
    def render(self, messages: Messages) -> str:
        return self._formatter(messages=messages).prompt

    def prompt_tokens(self, messages: Messages) -> list[int]:
        return self.llama.tokenize(self.render(messages).encode("utf-8"), True, True)

    def count_messages(self, messages: Messages) -> int:
        return len(self.prompt_tokens(messages))

    def count_text(self, text: str) -> int:
        return len(self.llama.tokenize(text.encode("utf-8"), False, False))

    # -- adapters -------------------------------------------------------------------------
    def load_adapter(self, path: Path, name: str | None = None) -> str:
        """Load a peft adapter (converted to a GGUF LoRA once) next to the others."""
        import llama_cpp

        from rag.adapters import check_adapter_base
        from rag.lora_gguf import gguf_lora

        name = name or path.name
        if name in self.adapters:
            return name
        check_adapter_base(path, self.base_id)
        converted = gguf_lora(path, self.gguf, self.cache_root)
        with self.lock:
            lora = llama_cpp.llama_adapter_lora_init(self.llama.model, str(converted).encode())
        if not lora:
            raise ModelLoadError(f"LoRA adapter '{path}': llama.cpp rejected {converted}")
        self._loras[name] = lora  # freed with the model
        self.adapters[name] = path
        self.default_adapter = self.default_adapter or name
        log.info("LoRA adapter '%s' loaded from %s", name, converted)
        return name

    def _activate(self, adapter: str | None) -> None:
        """Make `adapter` (or none) active on the context. The cached KV was computed with the
        previous one, so it is dropped on a change. Call with `lock` held."""
        import llama_cpp

        if adapter is not None and adapter not in self._loras:
            raise ValueError(f"LoRA adapter '{adapter}' is not loaded (llm.adapter)")
        if adapter == self._active:
            return
        if adapter is None:
            failed = llama_cpp.llama_set_adapters_lora(self.llama.ctx, None, 0, None)
        else:
            adapters = (llama_cpp.llama_adapter_lora_p_ctypes * 1)(self._loras[adapter])
            scales = (ctypes.c_float * 1)(1.0)
            failed = llama_cpp.llama_set_adapters_lora(self.llama.ctx, adapters, 1, scales)
        if failed:
            raise RuntimeError(f"llama.cpp could not switch to LoRA adapter {adapter}")
        self._active = adapter
        self.llama.reset()
        self.llama._ctx.kv_cache_clear()

    # -- generation -----------------------------------------------------------------------
    def stream(
        self,
        messages: Messages,
        config: GenerationConfig,
        stop: threading.Event | None = None,
        adapter: str | None = None,
        keep_cache: bool = False,
        steps: list[TokenStep] | None = None,
    ) -> Iterator[str]:
        """Stream decoded text pieces of the answer; `stop` (or closing the iterator) ends
        generation after the current token. Holds `lock` for the whole answer. keep_cache: a
        prompt on the side (search terms, a condensed follow-up), read from an empty cache,
        after which the cache holds what it held before. steps: filled with each generated
        token and its probability (rag.token_steps)."""
        tokens = self.prompt_tokens(messages)
        with self.lock:
            self._activate(adapter)  # first: a switch empties the cache that is kept
            with self._kept_cache() if keep_cache else contextlib.nullcontext():
                yield from self._completion(tokens, config, stop, steps)

    def _completion(
        self,
        tokens: list[int],
        config: GenerationConfig,
        stop: threading.Event | None,
        steps: list[TokenStep] | None,
    ) -> Iterator[str]:
        recorder = None if steps is None else StepRecorder(steps, self._token_text)
        pieces = self.llama.create_completion(
            tokens,
            max_tokens=config.max_new_tokens,
            temperature=config.temperature,
            repeat_penalty=config.repetition_penalty,
            top_k=0 if config.temperature == 0 else 40,
            top_p=1.0 if config.temperature == 0 else 0.95,
            min_p=0.0 if config.temperature == 0 else 0.05,
            stream=True,
            logits_processor=None if recorder is None else [recorder],
        )
        try:
            for chunk in pieces:
                text = chunk["choices"][0]["text"]
                if text:
                    yield text
                if stop is not None and stop.is_set():
                    break
        finally:
            pieces.close()
            if recorder is not None:
                recorder.finish(greedy=config.temperature == 0)

    def _token_text(self, token: int) -> str:
        return self.llama.detokenize([token]).decode("utf-8", errors="replace")

    def yes_probability(
        self, messages: Messages, adapter: str | None = None, keep_cache: bool = False
    ) -> float:
        """P(the reply starts with yes | messages), from the first answer token's logits,
        normalised over the yes and no tokens. The prompt's KV cache stays for what follows,
        unless keep_cache: then the cache holds what it held before (the answer's prompt,
        whose system turn and history the next question reuses)."""
        yes, no = self._answer_tokens()
        captured: list[np.ndarray] = []

        def capture(_ids: Any, scores: np.ndarray) -> np.ndarray:
            captured.append(np.array(scores, dtype=np.float64))
            return scores

        tokens = self.prompt_tokens(messages)
        starts = message_starts(messages, self.prompt_tokens)
        with self.lock:
            self._activate(adapter)
            with self._kept_cache() if keep_cache else contextlib.nullcontext():
                self._read_in_steps(tokens, starts)
                generator = self.llama.generate(tokens, temp=0.0, logits_processor=[capture])
                with contextlib.closing(generator):
                    next(generator)
        scores = captured[0]
        top = scores.max()
        p_yes = np.exp(scores[yes] - top).sum()
        p_no = np.exp(scores[no] - top).sum()
        return float(p_yes / (p_yes + p_no))

    def _read_in_steps(self, tokens: list[int], starts: list[int]) -> None:
        """Read `tokens` up to its last message's text in rag.prompt_steps' fixed steps, the
        cache kept up to the last step it shares; generate() reads the rest. Call with `lock`
        held."""
        llama = self.llama
        kept, *ahead = reading_steps(llama.input_ids[: llama.n_tokens].tolist(), tokens, starts)
        if kept == len(tokens):
            return
        llama.n_tokens = kept
        for step in ahead:
            llama.eval(tokens[llama.n_tokens : step])

    @contextlib.contextmanager
    def _kept_cache(self) -> Iterator[None]:
        """Copy the KV cache out, empty it, and put it back afterwards. Copying ~600 tokens'
        cache of the default 1.5B (~18 MB) takes ~10 ms and restoring it ~5 ms; reading the
        system prompt again after a side question took ~0.5 s on 2 cores. The side prompt is
        read whole: read after a prefix it shares with the cached prompt, its tokens go through
        other batches, whose logits differ in the last bits, and a greedy reply can change
        with them (one question's search terms differed with the question asked before it).
        Call with `lock` held."""
        import llama_cpp

        llama = self.llama
        count = llama.n_tokens
        if count == 0:
            yield
            return
        size = llama_cpp.llama_state_seq_get_size(llama.ctx, 0)
        state = (ctypes.c_uint8 * size)()
        written = llama_cpp.llama_state_seq_get_data(llama.ctx, state, size, 0)
        tokens = llama.input_ids[:count].copy()
        llama.reset()  # the side prompt is read from the start (above)
        try:
            yield
        finally:
            llama_cpp.llama_memory_seq_rm(llama_cpp.llama_get_memory(llama.ctx), 0, -1, -1)
            restored = llama_cpp.llama_state_seq_set_data(llama.ctx, state, written, 0)
            if restored:
                llama.input_ids[:count] = tokens
                llama.n_tokens = count
                # The logits in the context are the side question's: a prompt equal to the
                # restored one must decode its last token again before sampling.
                llama._requires_eval = True
            else:  # nothing restored: say the cache is empty, so the next prompt is read whole
                llama.reset()

    def _answer_tokens(self) -> tuple[list[int], list[int]]:
        def first_tokens(words: tuple[str, ...]) -> list[int]:
            ids = {self.llama.tokenize(w.encode(), False, False)[0] for w in words}
            return sorted(ids)

        return first_tokens(("yes", "Yes", "YES")), first_tokens(("no", "No", "NO"))


def file_type(llama: Any) -> str:
    """The GGUF's quantization as llama.cpp names it (general.file_type 15 → 'Q4_K_M')."""
    import llama_cpp

    code = llama.metadata.get("general.file_type")
    for name in dir(llama_cpp):
        if name.startswith("LLAMA_FTYPE_MOSTLY_") and str(getattr(llama_cpp, name)) == code:
            return name.removeprefix("LLAMA_FTYPE_MOSTLY_")
    return f"GGUF type {code}"


def chat_formatter(llama: Any, gguf: Path, setting: str) -> Any:
    """The GGUF's own chat template as a llama.cpp formatter (messages → prompt text)."""
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ModelLoadError(f"{setting}: {gguf.name} has no chat template (a base model?)")
    vocab = llama._model

    def special(token: int) -> str:
        return llama.detokenize([token], special=True).decode(errors="replace")

    return Jinja2ChatFormatter(
        template, eos_token=special(vocab.token_eos()), bos_token=special(vocab.token_bos())
    )


def load_llamacpp(
    gguf: Path,
    label: str,
    context_window: int,
    threads: int,
    cache_root: Path,
    base_id: str | None = None,
    mmap: bool = False,
) -> LlamaCppModel:
    """Load a GGUF chat model into one llama.cpp context (`mmap`: llm.mmap)."""
    require_llama_cpp()
    import llama_cpp

    started = time.perf_counter()
    n_threads = cpu_threads(threads)
    try:
        llama = llama_cpp.Llama(
            model_path=str(gguf),
            n_ctx=context_window,
            n_batch=512,
            # The compute buffer is reserved for a micro-batch that returns every position's
            # logits: 256 × Qwen's 151,936-word vocabulary × 4 bytes, 151 MiB instead of 303 at
            # 512, and a 700-token prompt read as fast (10.5-10.9 s against 10.6-11.2 s,
            # alternated on 2 cores; 128 was slower).
            n_ubatch=256,
            n_threads=n_threads,
            n_threads_batch=n_threads,
            use_mmap=mmap,
            verbose=False,
        )
    except (ValueError, RuntimeError) as exc:
        raise ModelLoadError(f"llm.model: llama.cpp could not load {gguf}: {exc}") from exc
    formatter = chat_formatter(llama, gguf, "llm.model")
    report = {
        "model": label,
        "runtime": "llamacpp",
        "device": "cpu",
        "quantization": file_type(llama),
        "threads": n_threads,
        "file_mb": round(gguf.stat().st_size / 2**20, 1),
        "mmap": mmap,
        "load_s": round(time.perf_counter() - started, 2),
    }
    log.info("loaded %s", report)
    return LlamaCppModel(
        llama=llama,
        report=report,
        gguf=gguf,
        cache_root=cache_root,
        base_id=base_id,
        configured_window=context_window,
        _formatter=formatter,
    )
