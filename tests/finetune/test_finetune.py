"""Fine-tuning on the real SmolLM2 (CPU): label mask, bad lines, a tiny run, the shipped adapter."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from finetune.data import IGNORE, encode, load_dialogues  # noqa: E402
from finetune.train import TrainConfig, train  # noqa: E402
from rag.hf_model import load_llm  # noqa: E402
from rag.llm import NO_ADAPTER, resolve_model_dir  # noqa: E402
from rag.settings import PROJECT_ROOT, Settings  # noqa: E402

TRAIN = PROJECT_ROOT / "data" / "dialogues" / "train.jsonl"
SHIPPED = PROJECT_ROOT / "data" / "adapters" / "customer-service-smollm2"
SETTINGS = Settings()
CPU = SETTINGS.llm.model_copy(update={"device": "cpu", "quantization": "none", "adapter": None})


@pytest.fixture(scope="module")
def tokenizer():
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve_model_dir(CPU, SETTINGS.resolve(CPU.cache_dir)))


def rows(style: str | None = None, turns: int | None = None) -> list[dict]:
    found, _ = load_dialogues(TRAIN)
    return [
        r
        for r in found
        if (style is None or r["style"] == style) and (turns is None or len(r["messages"]) == turns)
    ]


def test_labels_cover_exactly_the_assistant_turns(tokenizer):
    messages = rows(style="plain", turns=5)[0]["messages"]  # system, user, assistant × 2
    item = encode(tokenizer, messages, max_length=2048)
    rendered = tokenizer.apply_chat_template(messages, tokenize=False)
    assert item.input_ids == tokenizer(rendered, add_special_tokens=False)["input_ids"]
    labelled = [t for t, label in zip(item.input_ids, item.labels, strict=True) if label != IGNORE]
    expected = "".join(m["content"] + "<|im_end|>\n" for m in messages if m["role"] == "assistant")
    assert tokenizer.decode(labelled) == expected
    for token, label in zip(item.input_ids, item.labels, strict=True):
        assert label in (IGNORE, token)
    # Nothing of the system prompt or the customer's words is learned.
    pairs = zip(item.input_ids, item.labels, strict=True)
    unlabelled = tokenizer.decode([t for t, label in pairs if label == IGNORE])
    for m in messages:
        if m["role"] != "assistant":
            assert m["content"] in unlabelled


def test_truncation_keeps_mask_aligned(tokenizer):
    item = encode(tokenizer, rows(style="grounded")[0]["messages"], max_length=64)
    assert len(item.input_ids) == len(item.labels) == 64 and item.truncated
    assert all(label == IGNORE for label in item.labels)  # the answer comes after the context


def test_bad_lines_are_reported_with_line_numbers_and_skipped(tmp_path: Path):
    good = json.dumps(rows(style="plain")[0])
    path = tmp_path / "dialogues.jsonl"
    path.write_text(
        "\n".join(
            [
                good,
                "{not json",
                json.dumps({"style": "plain"}),
                json.dumps({"messages": [{"role": "customer", "content": "hi"}]}),
                "",
                good,
            ]
        )
        + "\n",
        encoding="utf-8",
    )
    loaded, skipped = load_dialogues(path)
    assert len(loaded) == 2
    assert [s.split(": ", 1)[0] for s in skipped] == [f"{path}:{n}" for n in (2, 3, 4)]
    assert "invalid JSON" in skipped[0]
    assert "messages" in skipped[1]
    assert "'customer'" in skipped[2]


def _logits(model, tokenizer) -> torch.Tensor:
    ids = tokenizer("How long do I have to return an order?", return_tensors="pt")["input_ids"]
    with torch.inference_mode():
        return model(input_ids=ids).logits[0, -1].float()


def _tiny_run(tmp_path: Path, **overrides) -> tuple[Path, dict]:
    data = tmp_path / "tiny.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in rows(style="plain", turns=3)[:4]))
    cfg = TrainConfig(
        train_file=str(data),
        val_file=str(data),
        max_length=128,
        batch_size=2,
        epochs=1,
        eval_every=1,
        lr=1e-3,
        warmup_steps=0,
        **overrides,
    )
    out = tmp_path / "adapter"
    return out, train(cfg, out=out, max_steps=2, settings=SETTINGS, progress=False)


def test_tiny_training_run_writes_a_loadable_adapter_that_changes_logits(tmp_path: Path):
    out, summary = _tiny_run(tmp_path, device="cpu", quantization="none")
    assert (out / "adapter_config.json").exists()
    assert (out / "adapter_model.safetensors").exists()
    assert summary["steps"] == 2 and summary["trainable_params"] > 0
    saved = json.loads((out / "training.json").read_text())
    assert saved["data"]["train"]["examples"] == 4 and len(saved["data"]["train"]["sha256"]) == 64
    card = (out / "README.md").read_text()
    assert "base_model: HuggingFaceTB/SmolLM2-135M-Instruct" in card
    assert str(SETTINGS.resolve(CPU.cache_dir)) not in card  # no path of this machine
    llm = load_llm(CPU, SETTINGS.resolve(CPU.cache_dir), adapter=out)
    tuned = _logits(llm.model, llm.tokenizer)
    with llm.adapter(False):
        base = _logits(llm.model, llm.tokenizer)
    assert not torch.allclose(tuned, base, atol=1e-4)


def test_shipped_adapter_loads_and_toggles():
    if not (SHIPPED / "adapter_config.json").exists():
        pytest.skip(f"no shipped adapter yet in {SHIPPED}; train it with `python -m finetune`")
    llm = load_llm(CPU, SETTINGS.resolve(CPU.cache_dir), adapter=SHIPPED)
    assert llm.has_adapter
    tuned = _logits(llm.model, llm.tokenizer)
    with llm.adapter(False):
        base = _logits(llm.model, llm.tokenizer)
    plain = load_llm(CPU, SETTINGS.resolve(CPU.cache_dir), adapter=NO_ADAPTER)
    assert not torch.allclose(tuned, base, atol=1e-4)
    assert torch.allclose(base, _logits(plain.model, plain.tokenizer), atol=1e-4)
    assert json.loads((SHIPPED / "training.json").read_text())["trainable_params"] > 0


@pytest.mark.gpu
@pytest.mark.skipif(not torch.cuda.is_available(), reason="QLoRA needs CUDA")
def test_qlora_on_cuda_trains_a_4bit_base(tmp_path: Path):
    out, summary = _tiny_run(tmp_path, device="cuda", quantization="auto")
    assert summary["quantization"] == "nf4" and summary["device"] == "cuda"
    assert (out / "adapter_model.safetensors").exists()


def test_strip_context_keeps_only_the_question() -> None:
    from finetune.measure import strip_context
    from prompts import load_prompts

    prompts = load_prompts()
    passage = prompts.render("passage", n=1, label="faq.md", text="Returns: 30 days.")
    user = prompts.render("context_question", context=passage, question="How long to return?")
    messages = [{"role": "system", "content": "grounded"}, {"role": "user", "content": user}]
    stripped = strip_context(messages)
    assert stripped[0]["content"] == prompts.render("system_plain")
    assert stripped[1:] == [{"role": "user", "content": "How long to return?"}]
