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

from rag.generation import GenerationConfig
from rag.models import ModelLoadError
from rag.prompting import Messages

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
class LlamaCppModel:
    """A GGUF chat model in llama.cpp, optionally with a LoRA adapter switched per answer.

    `lock` serialises everything that touches the context (one answer at a time): the KV cache,
    the adapter state and the sampler belong to the single context.
    """

    llama: Any  # llama_cpp.Llama
    report: dict
    adapter_path: Path | None = None
    lora: Any = None  # llama_adapter_lora_p of the converted adapter
    lock: threading.Lock = field(default_factory=threading.Lock)
    configured_window: int = 2048
    _formatter: Any = None
    _adapter_on: bool = False

    runtime = "llamacpp"

    @property
    def has_adapter(self) -> bool:
        return self.lora is not None

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

    # -- adapter --------------------------------------------------------------------------
    def _use_adapter(self, enabled: bool) -> None:
        """Switch the LoRA on or off for the context; the cached KV was computed with the
        other setting, so it is dropped."""
        import llama_cpp

        if enabled and not self.has_adapter:
            raise ValueError("no LoRA adapter is loaded (llm.adapter)")
        if enabled == self._adapter_on:
            return
        if enabled:
            adapters = (llama_cpp.llama_adapter_lora_p_ctypes * 1)(self.lora)
            scales = (ctypes.c_float * 1)(1.0)
            failed = llama_cpp.llama_set_adapters_lora(self.llama.ctx, adapters, 1, scales)
        else:
            failed = llama_cpp.llama_set_adapters_lora(self.llama.ctx, None, 0, None)
        if failed:
            raise RuntimeError(f"llama.cpp could not switch the LoRA adapter {self.adapter_path}")
        self._adapter_on = enabled
        self.llama.reset()
        self.llama._ctx.kv_cache_clear()

    # -- generation -----------------------------------------------------------------------
    def stream(
        self,
        messages: Messages,
        config: GenerationConfig,
        stop: threading.Event | None = None,
        adapter_enabled: bool | None = None,
    ) -> Iterator[str]:
        """Stream decoded text pieces of the answer; `stop` (or closing the iterator) ends
        generation after the current token. Holds `lock` for the whole answer."""
        tokens = self.prompt_tokens(messages)
        with self.lock:
            if adapter_enabled is not None or self.has_adapter:
                self._use_adapter(bool(adapter_enabled))
            pieces = self.llama.create_completion(
                tokens,
                max_tokens=config.max_new_tokens,
                temperature=config.temperature,
                repeat_penalty=config.repetition_penalty,
                top_k=0 if config.temperature == 0 else 40,
                top_p=1.0 if config.temperature == 0 else 0.95,
                min_p=0.0 if config.temperature == 0 else 0.05,
                stream=True,
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

    def yes_probability(self, messages: Messages, adapter_enabled: bool | None = None) -> float:
        """P(the reply starts with yes | messages), from the first answer token's logits,
        normalised over the yes and no tokens. The prompt's KV cache stays for what follows."""
        yes, no = self._answer_tokens()
        captured: list[np.ndarray] = []

        def capture(_ids: Any, scores: np.ndarray) -> np.ndarray:
            captured.append(np.array(scores, dtype=np.float64))
            return scores

        tokens = self.prompt_tokens(messages)
        with self.lock:
            if adapter_enabled is not None or self.has_adapter:
                self._use_adapter(bool(adapter_enabled))
            generator = self.llama.generate(tokens, temp=0.0, logits_processor=[capture])
            with contextlib.closing(generator):
                next(generator)
        scores = captured[0]
        top = scores.max()
        p_yes = np.exp(scores[yes] - top).sum()
        p_no = np.exp(scores[no] - top).sum()
        return float(p_yes / (p_yes + p_no))

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


def load_llamacpp(
    gguf: Path,
    label: str,
    context_window: int,
    threads: int,
    lora_gguf: Path | None = None,
    adapter_path: Path | None = None,
) -> LlamaCppModel:
    """Load a GGUF chat model (and a GGUF LoRA) into one llama.cpp context."""
    require_llama_cpp()
    import llama_cpp
    from llama_cpp.llama_chat_format import Jinja2ChatFormatter

    started = time.perf_counter()
    n_threads = cpu_threads(threads)
    try:
        llama = llama_cpp.Llama(
            model_path=str(gguf),
            n_ctx=context_window,
            n_batch=512,
            n_threads=n_threads,
            n_threads_batch=n_threads,
            verbose=False,
        )
    except (ValueError, RuntimeError) as exc:
        raise ModelLoadError(f"llm.model: llama.cpp could not load {gguf}: {exc}") from exc
    template = llama.metadata.get("tokenizer.chat_template")
    if not template:
        raise ModelLoadError(f"llm.model: {gguf.name} has no chat template (a base model?)")
    vocab = llama._model
    formatter = Jinja2ChatFormatter(
        template,
        eos_token=llama.detokenize([vocab.token_eos()], special=True).decode(errors="replace"),
        bos_token=llama.detokenize([vocab.token_bos()], special=True).decode(errors="replace"),
    )
    lora = None
    if lora_gguf is not None:
        lora = llama_cpp.llama_adapter_lora_init(llama.model, str(lora_gguf).encode("utf-8"))
        if not lora:
            raise ModelLoadError(f"LoRA adapter '{adapter_path}': llama.cpp rejected {lora_gguf}")
    report = {
        "model": label,
        "runtime": "llamacpp",
        "device": "cpu",
        "quantization": file_type(llama),
        "threads": n_threads,
        "file_mb": round(gguf.stat().st_size / 2**20, 1),
        "load_s": round(time.perf_counter() - started, 2),
    }
    if adapter_path is not None:
        report["adapter"] = str(adapter_path)
    log.info("loaded %s", report)
    return LlamaCppModel(
        llama=llama,
        report=report,
        adapter_path=adapter_path if lora is not None else None,
        lora=lora,
        configured_window=context_window,
        _formatter=formatter,
    )
