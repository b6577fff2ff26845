"""A chat model in transformers (CUDA NF4, or a Hugging Face folder), with named LoRA adapters.

One base is loaded; peft adapters are loaded next to it by name (`load_adapter`) and one is made
active per answer (`set_adapter`), or none (`disable_adapter()`), so every mode and every adapter
is served by the same weights in memory.
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch

from rag.adapters import NamedAdapters, check_adapter_base, resolve_adapter
from rag.llm import load_base
from rag.models import ModelLoadError
from rag.settings import LLMSettings
from rag.token_steps import TokenStep

log = logging.getLogger(__name__)

YES, NO = ("yes", "Yes", "YES"), ("no", "No", "NO")  # first tokens of an answerability reply


@dataclass
class LoadedModel(NamedAdapters):
    """A loaded transformers chat model and the LoRA adapters loaded onto it, by name.

    Activating an adapter changes the shared model for every thread: hold `lock` around any
    using(...) block or forward pass outside stream_tokens (which takes it itself).
    """

    model: Any  # PreTrainedModel, or peft.PeftModel once an adapter is loaded
    tokenizer: Any
    report: dict
    base_id: str | None = None  # the public id of the base (checked against adapters)
    adapters: dict[str, Path] = field(default_factory=dict)
    default_adapter: str | None = None  # the one `llm.adapter` names, used by default
    lock: threading.Lock = field(default_factory=threading.Lock)  # one generation at a time
    configured_window: int = 2048  # llm.context_window

    runtime = "transformers"

    def load_adapter(self, path: Path, name: str | None = None) -> str:
        """Load a peft adapter next to the others (once); returns its name."""
        from peft import PeftModel

        name = name or path.name
        if name in self.adapters:
            return name
        check_adapter_base(path, self.base_id)
        with self.lock:
            try:
                if isinstance(self.model, PeftModel):
                    self.model.load_adapter(path, adapter_name=name, is_trainable=False)
                else:
                    self.model = PeftModel.from_pretrained(
                        self.model, path, adapter_name=name, is_trainable=False
                    )
            except (OSError, ValueError, RuntimeError, KeyError) as exc:
                raise ModelLoadError(f"LoRA adapter '{path}': {exc}") from exc
            self.model.eval()
        self.adapters[name] = path
        self.default_adapter = self.default_adapter or name
        log.info("LoRA adapter '%s' loaded from %s", name, path)
        return name

    @contextlib.contextmanager
    def using(self, adapter: str | None) -> Iterator[None]:
        """While inside, `adapter` (a loaded name) is active, or with None the plain base."""
        if adapter is None:
            with self.model.disable_adapter() if self.adapters else contextlib.nullcontext():
                yield
            return
        if adapter not in self.adapters:
            raise ValueError(f"LoRA adapter '{adapter}' is not loaded (llm.adapter)")
        self.model.set_adapter(adapter)
        yield

    def adapter(self, enabled: bool) -> contextlib.AbstractContextManager:
        """The default adapter on, or every adapter off (the plain base)."""
        if enabled and not self.has_adapter:
            raise ValueError("no LoRA adapter is loaded (llm.adapter)")
        return self.using(self.default_adapter if enabled else None)

    def context_window(self) -> int:
        """Prompt + answer tokens: the configured budget, capped by what the model supports."""
        limit = (
            getattr(self.model.config, "max_position_embeddings", None) or self.configured_window
        )
        return min(self.configured_window, limit)

    def count_messages(self, messages: list[dict]) -> int:
        from rag.generation import chat_input_ids

        return int(chat_input_ids(self, messages).shape[-1])

    def count_text(self, text: str) -> int:
        return len(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def stream(
        self,
        messages: list[dict],
        config: Any,
        stop: threading.Event | None = None,
        adapter: str | None = None,
        keep_cache: bool = False,
        steps: list[TokenStep] | None = None,
    ) -> Iterator[str]:
        from rag.generation import chat_input_ids, stream_tokens

        ids = chat_input_ids(self, messages)
        return stream_tokens(self, ids, config, stop=stop, adapter=adapter, steps=steps)

    def yes_probability(
        self, messages: list[dict], adapter: str | None = None, keep_cache: bool = False
    ) -> float:
        """P(the reply starts with yes | messages), normalised over the yes and no tokens.
        No prompt cache is kept between calls here, so keep_cache has nothing to keep."""
        from rag.generation import chat_input_ids

        ids = chat_input_ids(self, messages).to(self.model.device)
        with self.lock, self.using(adapter), torch.inference_mode():
            logits = self.model(input_ids=ids).logits[0, -1].double()

        def first_ids(words: tuple[str, ...]) -> list[int]:
            encode = self.tokenizer
            return sorted({encode(w, add_special_tokens=False)["input_ids"][0] for w in words})

        weights = logits.softmax(-1)
        p_yes = float(weights[first_ids(YES)].sum())
        p_no = float(weights[first_ids(NO)].sum())
        return p_yes / (p_yes + p_no)


def load_llm(settings: LLMSettings, cache_root: Path, adapter: Path | None = None) -> LoadedModel:
    """Load the chat model in transformers, with a LoRA adapter on top when there is one.

    adapter=None uses `llm.adapter` if that folder holds an adapter (else none);
    adapter=NO_ADAPTER (Path("")) forces the base alone; any other path must hold an adapter.
    """
    from rag.models import preset_for

    adapter_path = resolve_adapter(settings, adapter)
    model, tokenizer, report = load_base(settings, cache_root)
    preset = preset_for(settings.model)
    llm = LoadedModel(
        model=model,
        tokenizer=tokenizer,
        report=report,
        base_id=preset.hf_id if preset else None,
        configured_window=settings.context_window,
    )
    if adapter_path is not None:
        llm.load_adapter(adapter_path)
        report["adapter"] = str(adapter_path)
    return llm
