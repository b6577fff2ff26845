"""Streaming generation on the real packaged SmolLM2 (short answers to keep CI fast)."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.generation import GenerationConfig, chat_input_ids, stream_tokens  # noqa: E402
from rag.hf_model import LoadedModel, load_llm  # noqa: E402
from rag.llm import NO_ADAPTER  # noqa: E402
from rag.settings import LLMSettings  # noqa: E402

CAPITAL = [{"role": "user", "content": "What is the capital of France?"}]
STORY = [{"role": "user", "content": "Write a long story about a dragon and a knight."}]


@pytest.fixture(scope="module")
def llm(tmp_path_factory: pytest.TempPathFactory) -> LoadedModel:
    # Same session folder as test_llm.py, so the GGUF is converted once per session.
    cache_root = tmp_path_factory.getbasetemp() / "llm-cache"
    return load_llm(
        LLMSettings(model="smollm2", adapter=None, device="cpu"), cache_root, adapter=NO_ADAPTER
    )


def consume(pieces: Iterator[str], timeout: float = 120) -> list[str]:
    """list(pieces), failing instead of hanging when the stream never ends."""
    out: list[str] = []
    errors: list[BaseException] = []

    def run() -> None:
        try:
            out.extend(pieces)
        except BaseException as exc:  # noqa: BLE001 - re-raised below
            errors.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(timeout)
    assert not thread.is_alive(), "stream did not end"
    if errors:
        raise errors[0]
    return out


def test_chat_input_ids_is_a_2d_tensor(llm: LoadedModel):
    ids = chat_input_ids(llm, CAPITAL)
    assert isinstance(ids, torch.Tensor) and ids.dim() == 2 and ids.shape[0] == 1
    assert llm.tokenizer.decode(ids[0]).endswith("<|im_start|>assistant\n")


def test_streams_greedy_answer(llm: LoadedModel):
    config = GenerationConfig(max_new_tokens=12)
    pieces = consume(stream_tokens(llm, chat_input_ids(llm, CAPITAL), config))
    assert pieces and all(pieces)
    text = "".join(pieces)
    assert "Paris" in text
    assert "<|im_end|>" not in text
    again = "".join(consume(stream_tokens(llm, chat_input_ids(llm, CAPITAL), config)))
    assert again == text  # greedy: deterministic


def test_sampling_streams_text(llm: LoadedModel):
    config = GenerationConfig(max_new_tokens=8, temperature=0.7)
    assert "".join(consume(stream_tokens(llm, chat_input_ids(llm, STORY), config))).strip()


def test_stop_event_ends_generation_early(llm: LoadedModel):
    stop = threading.Event()
    stream = stream_tokens(llm, chat_input_ids(llm, STORY), GenerationConfig(300), stop=stop)
    pieces = [next(stream)]
    stop.set()
    pieces += consume(stream)
    # Stopping takes effect after the token being generated: a few pieces at most, not 300.
    assert len(pieces) < 5
    assert llm.lock.acquire(blocking=False)
    llm.lock.release()


def test_closing_the_stream_releases_the_model(llm: LoadedModel):
    stream = stream_tokens(llm, chat_input_ids(llm, STORY), GenerationConfig(300))
    next(stream)
    stream.close()  # the consumer went away (e.g. a browser tab closed)
    assert llm.lock.acquire(blocking=False)
    llm.lock.release()


def test_error_in_generation_reaches_the_consumer(llm: LoadedModel, monkeypatch):
    forward = llm.model.forward
    calls = 0

    def failing_forward(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == 4:
            raise RuntimeError("boom in forward")
        return forward(*args, **kwargs)

    monkeypatch.setattr(llm.model, "forward", failing_forward)
    stream = stream_tokens(llm, chat_input_ids(llm, STORY), GenerationConfig(50))
    with pytest.raises(RuntimeError, match="boom in forward"):
        consume(stream)
    assert calls == 4
    assert llm.lock.acquire(blocking=False)
    llm.lock.release()


def test_adapter_required_when_asked_for(llm: LoadedModel):
    with pytest.raises(ValueError, match="adapter"):
        consume(stream_tokens(llm, chat_input_ids(llm, CAPITAL), GenerationConfig(4), None, "cs"))
    # adapter=None on a plain model is the base answer itself.
    stream = stream_tokens(llm, chat_input_ids(llm, CAPITAL), GenerationConfig(6), None, None)
    assert "".join(consume(stream)).strip()


def test_threads_setting_is_applied(tmp_path_factory: pytest.TempPathFactory):
    before = torch.get_num_threads()
    try:
        settings = LLMSettings(model="smollm2", adapter=None, device="cpu", threads=1)
        load_llm(settings, tmp_path_factory.getbasetemp() / "llm-cache", adapter=NO_ADAPTER)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_steps_record_each_token_and_the_probability_it_was_chosen_with(llm: LoadedModel):
    from rag.token_steps import TokenStep

    steps: list[TokenStep] = []
    ids = chat_input_ids(llm, CAPITAL)
    config = GenerationConfig(max_new_tokens=12)
    text = "".join(consume(stream_tokens(llm, ids, config, steps=steps)))
    assert "".join(step.text for step in steps) == text
    assert all(0.0 < step.p <= 1.0 for step in steps)
    with torch.inference_mode():
        first = llm.model(input_ids=ids).logits[0, -1].double().softmax(-1).max()
    assert steps[0].p == pytest.approx(float(first), rel=1e-3)
