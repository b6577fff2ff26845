"""The llama.cpp runtime on the packaged SmolLM2 GGUF: template, tokens, streaming, stop, LoRA."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

pytest.importorskip("llama_cpp", reason="llama-cpp-python is built by `make setup`")

from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.hf_model import load_llm  # noqa: E402
from rag.llamacpp import LlamaCppModel  # noqa: E402
from rag.models import ModelLoadError  # noqa: E402
from rag.prompt_steps import message_starts  # noqa: E402
from rag.runtime import describe, load_chat_model, pick_runtime  # noqa: E402
from rag.settings import PROJECT_ROOT, LLMSettings  # noqa: E402

SMALL = LLMSettings(model="smollm2", adapter=None, device="cpu", runtime="llamacpp")
SHIPPED = PROJECT_ROOT / "data" / "adapters" / "customer-service-smollm2"
CAPITAL = [{"role": "user", "content": "What is the capital of France?"}]
STORY = [{"role": "user", "content": "Write a long story about a dragon."}]
GREEDY = GenerationConfig(max_new_tokens=12)


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("llm-cache")


@pytest.fixture(scope="module")
def llm(cache_root: Path) -> LlamaCppModel:
    model = load_chat_model(SMALL, cache_root, adapter=SHIPPED)
    assert isinstance(model, LlamaCppModel)
    return model


def test_auto_picks_llamacpp_for_a_gguf_on_cpu(cache_root: Path):
    auto = SMALL.model_copy(update={"runtime": "auto"})
    gguf = cache_root / "x.gguf"
    assert pick_runtime(auto, gguf) == "llamacpp"
    assert pick_runtime(auto, cache_root) == "transformers"  # a model folder
    with pytest.raises(ModelLoadError, match="llm.runtime = 'llamacpp' needs a GGUF"):
        pick_runtime(SMALL, cache_root)


def test_report_names_model_runtime_and_quantization(llm: LlamaCppModel):
    assert describe(llm.report).startswith("SmolLM2-135M-Instruct · Q4_1 · llama.cpp · CPU")
    assert llm.report["threads"] >= 1 and llm.context_window() == SMALL.context_window


def test_prompt_is_the_models_own_chat_template(llm: LlamaCppModel, cache_root: Path):
    hf = load_llm(SMALL.model_copy(update={"runtime": "transformers"}), cache_root, NO_ADAPTER)
    messages = [{"role": "system", "content": "Be brief."}, *CAPITAL]
    expected = hf.tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=True
    )
    assert llm.render(messages) == expected
    assert llm.count_messages(messages) == hf.count_messages(messages)
    assert llm.count_text("Returns within 30 days.") == hf.count_text("Returns within 30 days.")


def test_mmap_setting_reaches_llama_cpp_and_answers_alike(llm: LlamaCppModel, cache_root: Path):
    import llama_cpp

    assert llm.report["mmap"] is False
    assert llm.llama.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_NONE  # read, not mapped
    mapped = load_chat_model(SMALL.model_copy(update={"mmap": True}), cache_root, NO_ADAPTER)
    assert mapped.report["mmap"] is True
    assert mapped.llama.model_params.load_mode == llama_cpp.LLAMA_LOAD_MODE_MMAP
    # The weights are the same whether read or mapped: so is the greedy answer.
    with_adapter_off = "".join(llm.stream(CAPITAL, GREEDY, adapter=None))
    assert "".join(mapped.stream(CAPITAL, GREEDY)) == with_adapter_off


def test_greedy_streaming_is_deterministic(llm: LlamaCppModel):
    first = list(llm.stream(CAPITAL, GREEDY))
    assert len(first) > 1 and "".join(first).strip()
    assert "".join(llm.stream(CAPITAL, GREEDY)) == "".join(first)
    assert "".join(llm.stream(STORY, GREEDY)) != "".join(first)


def test_stop_event_ends_generation_after_the_current_token(llm: LlamaCppModel):
    stop = threading.Event()
    pieces = []
    for piece in llm.stream(STORY, GenerationConfig(max_new_tokens=200), stop=stop):
        pieces.append(piece)
        if len(pieces) == 3:
            stop.set()
    assert len(pieces) == 3
    assert llm.lock.acquire(blocking=False)  # released for the next answer
    llm.lock.release()


def test_adapter_switches_per_answer_on_one_model(llm: LlamaCppModel):
    assert llm.default_adapter == SHIPPED.name and llm.has_adapter
    question = [{"role": "user", "content": "How long is the warranty on a TrailView GPS?"}]
    config = GenerationConfig(max_new_tokens=24)
    base = "".join(llm.stream(question, config, adapter=None))
    tuned = "".join(llm.stream(question, config, adapter=llm.default_adapter))
    assert tuned != base
    # Back to the base: the adapter is off again and the cached prompt was not reused.
    assert "".join(llm.stream(question, config, adapter=None)) == base
    with pytest.raises(ValueError, match="not loaded"):
        list(llm.stream(question, config, adapter="nope"))


def test_converted_adapter_is_cached_by_content(llm: LlamaCppModel, cache_root: Path):
    converted = list((cache_root / "lora").glob(f"{SHIPPED.name}-*.gguf"))
    assert len(converted) == 1 and converted[0].stat().st_size > 1_000_000
    assert llm.load_adapter(SHIPPED) == SHIPPED.name  # loaded once: no second conversion
    assert len(list((cache_root / "lora").iterdir())) == 1


def test_yes_probability_is_a_probability(llm: LlamaCppModel):
    passages = "Context:\n[1] faq.md\nStandard shipping costs $5.99.\n\nQuestion: "
    asks = [{"role": "user", "content": passages + "What does standard shipping cost? yes/no"}]
    p = llm.yes_probability(asks)
    assert 0.0 < p < 1.0
    assert llm.yes_probability(asks) == pytest.approx(p, abs=1e-6)  # from the cached prompt


def test_a_side_question_keeps_the_prompt_cache(llm: LlamaCppModel):
    first = [{"role": "system", "content": "Answer from the passages."}, *CAPITAL]
    side = [{"role": "user", "content": "Text:\nParis is in France.\nDoes it say so? yes/no"}]
    p = llm.yes_probability(first)
    cached = llm.llama.input_ids[: llm.llama.n_tokens].tolist()
    assert cached[: len(llm.prompt_tokens(first))] == llm.prompt_tokens(first)

    llm.yes_probability(side, keep_cache=True)
    assert llm.llama.input_ids[: llm.llama.n_tokens].tolist() == cached
    # The restored cache is the real one: the first prompt judged from it gives the same
    # (its last token decoded again, alone this time, hence the tolerance).
    assert llm.yes_probability(first) == pytest.approx(p, abs=1e-3)
    assert "".join(llm.stream(first, GREEDY)) == "".join(llm.stream(first, GREEDY))

    llm.yes_probability(side)  # without keep_cache the side question's prompt is cached
    assert llm.llama.input_ids[: llm.llama.n_tokens].tolist() != cached


def test_a_side_prompt_is_read_whole_and_keeps_the_prompt_cache(
    llm: LlamaCppModel, monkeypatch: pytest.MonkeyPatch
):
    text = "Terms a manual would use for this question, comma-separated. Question: "
    asked = [{"role": "user", "content": text + "Why is my printed text late?"}]
    side = [{"role": "user", "content": text + "Why does my script print nothing?"}]
    llm.llama.reset()
    cold = "".join(llm.stream(side, GREEDY, keep_cache=True))

    "".join(llm.stream(asked, GREEDY))  # cached now: a prompt sharing most of side's tokens
    cached = llm.llama.input_ids[: llm.llama.n_tokens].tolist()
    read: list[list[int]] = []
    evaluate = llm.llama.eval
    monkeypatch.setattr(
        llm.llama, "eval", lambda tokens: read.append(list(tokens)) or evaluate(tokens)
    )
    assert "".join(llm.stream(side, GREEDY, keep_cache=True)) == cold
    # Read whole, not after the prefix it shares with the cached prompt (whose other batches
    # can change the logits' last bits and, with them, a greedy reply).
    assert read[0] == llm.prompt_tokens(side)
    assert llm.llama.input_ids[: llm.llama.n_tokens].tolist() == cached


def test_a_judgement_reads_its_prompt_from_a_message_start(
    llm: LlamaCppModel, monkeypatch: pytest.MonkeyPatch
):
    system = {"role": "system", "content": "Answer from the passages."}
    judged = [system, {"role": "user", "content": "[1] Paris is in France.\nCapital? yes/no"}]
    before = [system, {"role": "user", "content": "[1] Paris is in France.\nSize? yes/no"}]
    user_text = message_starts(judged, llm.prompt_tokens)[-1]
    llm.llama.reset()
    cold = llm.yes_probability(judged)
    llm.yes_probability(before)  # shares the system turn and the passage with `judged`
    read_from: list[int] = []
    evaluate = llm.llama.eval
    monkeypatch.setattr(
        llm.llama, "eval", lambda t: read_from.append(llm.llama.n_tokens) or evaluate(t)
    )
    # Read again from the user text's start, not from where the two prompts part, so the
    # logits are the cold read's to the last bit.
    assert llm.yes_probability(judged) == cold
    assert read_from == [user_text]


def test_adapter_for_another_base_is_refused(cache_root: Path, tmp_path: Path):
    other = tmp_path / "qwen-adapter"
    other.mkdir()
    (other / "adapter_config.json").write_text(
        '{"base_model_name_or_path": "Qwen/Qwen2.5-Coder-1.5B-Instruct", "peft_type": "LORA"}'
    )
    with pytest.raises(ModelLoadError, match="trained on Qwen/Qwen2.5-Coder-1.5B-Instruct"):
        load_chat_model(SMALL, cache_root, adapter=other)


def test_steps_record_each_token_and_the_probability_it_was_chosen_with(llm: LlamaCppModel):
    import numpy as np

    from rag.token_steps import TokenStep

    steps: list[TokenStep] = []
    text = "".join(llm.stream(CAPITAL, GREEDY, adapter=None, steps=steps))
    assert "".join(step.text for step in steps) == text
    assert len(steps) == GREEDY.max_new_tokens or steps[-1].text == ""  # ended by end-of-turn
    assert all(0.0 < step.p <= 1.0 for step in steps)
    # The first token's probability, read again from the prompt's own logits.
    llm.llama.reset()
    llm.llama.eval(llm.prompt_tokens(CAPITAL))
    logits = np.ctypeslib.as_array(llm.llama._ctx.get_logits(), shape=(llm.llama.n_vocab(),))
    weights = np.exp(logits.astype(np.float64) - logits.max())
    assert steps[0].p == pytest.approx(weights.max() / weights.sum(), rel=1e-3)
    assert "".join(llm.stream(CAPITAL, GREEDY, adapter=None)) == text  # the same answer without
