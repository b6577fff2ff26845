"""Which runtime answers: llama.cpp on the GGUF's 4-bit weights (CPU) or transformers (CUDA NF4,
or a Hugging Face folder). Both give the engine the same `ChatModel` interface."""

from __future__ import annotations

import importlib.util
import logging
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

from rag.adapters import NO_ADAPTER, resolve_adapter
from rag.generation import GenerationConfig
from rag.hf_model import load_llm
from rag.llm import _resolve, model_label, model_source, pick_device
from rag.models import ModelLoadError, preset_for
from rag.prompting import Messages
from rag.settings import LLMSettings
from rag.token_steps import TokenStep

log = logging.getLogger(__name__)
RUNTIMES = ("auto", "llamacpp", "transformers")
LLM_MODES = ("local", "openai")


class ChatModel(Protocol):
    runtime: str
    report: dict
    lock: threading.Lock
    adapters: dict[str, Path]  # loaded LoRA adapters by name
    default_adapter: str | None  # the one llm.adapter names

    @property
    def has_adapter(self) -> bool: ...

    def load_adapter(self, path: Path, name: str | None = None) -> str: ...

    def context_window(self) -> int: ...

    def count_messages(self, messages: Messages) -> int: ...

    def count_text(self, text: str) -> int: ...

    def stream(
        self,
        messages: Messages,
        config: GenerationConfig,
        stop: threading.Event | None = None,
        adapter: str | None = None,
        keep_cache: bool = False,
        steps: list[TokenStep] | None = None,
    ) -> Iterator[str]:
        """The reply's text pieces. keep_cache: a prompt on the side, read whole, after which
        the runtime's prompt cache (if it has one) holds what it held before. steps: filled
        with each generated token and the probability the model gave it (rag.token_steps),
        where the runtime can tell."""
        ...

    def yes_probability(
        self, messages: Messages, adapter: str | None = None, keep_cache: bool = False
    ) -> float:
        """P(the reply starts with yes). keep_cache: a question on the side, after which the
        runtime's prompt cache (if it has one) holds what it held before."""
        ...


def describe(report: dict) -> str:
    """What answers, for people: 'Qwen2.5-Coder-1.5B-Instruct · Q4_K_M · llama.cpp · CPU'."""
    if report["runtime"] == "openai":
        parts = [report["model"], f"server {report['base_url']}", f"tokens {report['tokens']}"]
        if report.get("adapter"):
            parts.append(f"LoRA {report['adapter']}")
        return " · ".join(parts)
    runtime = {"llamacpp": "llama.cpp", "transformers": "transformers"}[report["runtime"]]
    quantization = {"none": report.get("dtype", "full precision"), "nf4": "NF4 4-bit"}.get(
        report["quantization"], report["quantization"]
    )
    parts = [report["model"], quantization, runtime, report["device"].upper()]
    if report.get("adapter"):
        parts.append(f"LoRA {Path(report['adapter']).name}")
    return " · ".join(parts)


def pick_runtime(settings: LLMSettings, source: Path) -> str:
    """auto → transformers on CUDA or for a model folder, else llama.cpp (when installed)."""
    match settings.runtime:
        case "llamacpp":
            if source.is_dir():
                raise ModelLoadError(
                    f"llm.runtime = 'llamacpp' needs a GGUF model; llm.model = '{settings.model}' "
                    "is a Hugging Face folder"
                )
            return "llamacpp"
        case "transformers":
            return "transformers"
        case "auto":
            if source.is_dir() or pick_device(settings.device) == "cuda":
                return "transformers"
            if importlib.util.find_spec("llama_cpp") is None:
                log.warning(
                    "llama-cpp-python is not installed: the GGUF model runs dequantized to fp32 "
                    "through transformers (slower); `make setup` builds llama.cpp"
                )
                return "transformers"
            return "llamacpp"
        case _:
            raise ModelLoadError(
                f"llm.runtime = '{settings.runtime}': expected one of {', '.join(RUNTIMES)}"
            )


def load_chat_model(
    settings: LLMSettings, cache_root: Path, adapter: Path | None = None
) -> ChatModel:
    """The chat model for `llm.*` on the right runtime, with the LoRA adapter when there is one.

    adapter=None uses `llm.adapter` if that folder holds an adapter; NO_ADAPTER forces none.
    """
    cache_root = _resolve(cache_root)
    match settings.mode:
        case "local":
            pass
        case "openai":
            from rag.openai_model import load_openai

            return load_openai(settings, cache_root, adapter)
        case _:
            raise ModelLoadError(
                f"llm.mode = '{settings.mode}': expected one of {', '.join(LLM_MODES)}"
            )
    source = model_source(settings, cache_root)
    if pick_runtime(settings, source) == "transformers":
        return load_llm(settings, cache_root, adapter)
    from rag.llamacpp import load_llamacpp

    adapter_path = resolve_adapter(settings, adapter)
    preset = preset_for(settings.model)
    model = load_llamacpp(
        source,
        model_label(settings),
        settings.context_window,
        settings.threads,
        cache_root,
        base_id=preset.hf_id if preset else None,
        mmap=settings.mmap,
    )
    if adapter_path is not None:
        model.load_adapter(adapter_path)
        model.report["adapter"] = str(adapter_path)
    return model


__all__ = ["NO_ADAPTER", "ChatModel", "load_chat_model", "pick_runtime"]
