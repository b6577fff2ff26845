"""Token streaming from a loaded local model.

generate() runs in a worker thread and feeds a TextIteratorStreamer; the caller iterates text
pieces as they are decoded. The worker always ends the stream, so an error inside generation is
re-raised in the consumer instead of leaving it waiting forever.
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import EllipsisType
from typing import Any

import torch
from transformers import GenerationConfig as HFGenerationConfig
from transformers import (
    LogitsProcessor,
    LogitsProcessorList,
    StoppingCriteria,
    StoppingCriteriaList,
    TextIteratorStreamer,
)

from rag.hf_model import LoadedModel
from rag.token_steps import StepRecorder, TokenStep


@dataclass
class GenerationConfig:
    max_new_tokens: int = 160
    temperature: float = 0.0  # 0 = greedy
    repetition_penalty: float = 1.0  # above 1.0 the model can't copy facts from the context


class _StopOnEvent(StoppingCriteria):
    """Ends generation after the current token once any of the events is set."""

    def __init__(self, *events: threading.Event) -> None:
        self.events = events

    def __call__(self, input_ids: torch.LongTensor, scores: Any, **kwargs: Any) -> torch.BoolTensor:
        stop = any(event.is_set() for event in self.events)
        return torch.full((input_ids.shape[0],), stop, dtype=torch.bool, device=input_ids.device)


class _RecordSteps(LogitsProcessor):
    """Hands each step's scores to a StepRecorder (rag.token_steps); changes nothing."""

    def __init__(self, recorder: StepRecorder) -> None:
        self.recorder = recorder

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        self.recorder(input_ids[0].tolist(), scores[0].float().cpu().numpy())
        return scores


def _hf_config(llm: LoadedModel, config: GenerationConfig) -> HFGenerationConfig:
    # A fresh config, so sampling defaults shipped with a model don't leak into greedy decoding.
    base = llm.model.generation_config
    eos = base.eos_token_id if base.eos_token_id is not None else llm.tokenizer.eos_token_id
    pad = base.pad_token_id if base.pad_token_id is not None else eos
    sampling: dict[str, Any] = {"do_sample": False}
    if config.temperature > 0:
        sampling = {"do_sample": True, "temperature": config.temperature}
    return HFGenerationConfig(
        max_new_tokens=config.max_new_tokens,
        repetition_penalty=config.repetition_penalty,
        eos_token_id=eos,
        pad_token_id=pad,
        bos_token_id=base.bos_token_id,
        **sampling,
    )


def stream_tokens(
    llm: LoadedModel,
    input_ids: torch.Tensor,
    config: GenerationConfig,
    stop: threading.Event | None = None,
    adapter: str | None | EllipsisType = ...,
    steps: list[TokenStep] | None = None,
) -> Iterator[str]:
    """Stream decoded text pieces of the answer to `input_ids` (shape 1 × prompt length).

    Generation holds `llm.lock`; `adapter` names the LoRA adapter active for its duration
    (None: the plain base; ...: as loaded). Setting `stop`, or closing the iterator, ends
    generation after the current token. steps: filled with each generated token and its
    probability (rag.token_steps).
    """
    toggle = contextlib.nullcontext() if adapter is ... else llm.using(adapter)
    device = llm.model.device
    input_ids = input_ids.to(device)
    streamer = TextIteratorStreamer(llm.tokenizer, skip_prompt=True, skip_special_tokens=True)
    closed = threading.Event()  # set when the consumer goes away
    events = (closed, stop) if stop is not None else (closed,)
    kwargs = {
        "input_ids": input_ids,
        "attention_mask": torch.ones_like(input_ids),
        "generation_config": _hf_config(llm, config),
        "streamer": streamer,
        "stopping_criteria": StoppingCriteriaList([_StopOnEvent(*events)]),
    }
    recorder = None
    if steps is not None:

        def token_text(token: int) -> str:
            return llm.tokenizer.decode([token], skip_special_tokens=True)

        recorder = StepRecorder(steps, token_text)
        kwargs["logits_processor"] = LogitsProcessorList([_RecordSteps(recorder)])
    errors: list[BaseException] = []

    def work() -> None:
        try:
            with llm.lock, toggle, torch.inference_mode():
                llm.model.generate(**kwargs)
        except BaseException as exc:  # noqa: BLE001 - re-raised in the consumer below
            errors.append(exc)
            streamer.end()  # generate() didn't reach its own end(): unblock the consumer

    worker = threading.Thread(target=work, name="generate", daemon=True)
    worker.start()
    try:
        for piece in streamer:
            if piece:
                yield piece
    finally:
        closed.set()
        worker.join()
        if recorder is not None:
            recorder.finish(greedy=config.temperature == 0)
    if errors:
        raise errors[0]


def chat_input_ids(llm: LoadedModel, messages: list[dict]) -> torch.Tensor:
    """Token ids (1 × n) of `messages` rendered with the model's chat template."""
    encoded = llm.tokenizer.apply_chat_template(
        messages, add_generation_prompt=True, return_tensors="pt"
    )
    # transformers 5 returns a BatchEncoding here; older versions return the tensor itself.
    if isinstance(encoded, Mapping):
        encoded = encoded["input_ids"]
    return encoded
