"""4-bit NF4 loading and LoRA toggling on CUDA (skipped on machines without a GPU)."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag.generation import GenerationConfig, chat_input_ids, stream_tokens  # noqa: E402
from rag.hf_model import load_llm  # noqa: E402
from rag.llm import NO_ADAPTER, load_base  # noqa: E402
from rag.settings import LLMSettings  # noqa: E402

pytestmark = [
    pytest.mark.gpu,
    pytest.mark.skipif(not torch.cuda.is_available(), reason="needs CUDA"),
    pytest.mark.skipif(
        importlib.util.find_spec("bitsandbytes") is None, reason="needs the 'gpu' extra"
    ),
]

NF4 = LLMSettings(model="smollm2", adapter=None, device="cuda", quantization="auto")
IDS = torch.tensor([[1, 4093, 198, 6004, 2, 198, 1, 520, 9531, 198]])


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.getbasetemp() / "llm-cache"


@pytest.fixture(scope="module")
def adapter_dir(tmp_path_factory: pytest.TempPathFactory, cache_root: Path) -> Path:
    """A tiny LoRA adapter with random B weights, made on the CPU in full precision."""
    from peft import LoraConfig, get_peft_model

    cpu = NF4.model_copy(update={"device": "cpu", "quantization": "none"})
    model, _, _ = load_base(cpu, cache_root, for_training=True)
    peft_model = get_peft_model(
        model, LoraConfig(r=4, lora_alpha=8, target_modules=["q_proj", "v_proj"])
    )
    torch.manual_seed(0)
    for name, param in peft_model.named_parameters():
        if "lora_B" in name:
            torch.nn.init.normal_(param, std=0.05)
    path = tmp_path_factory.mktemp("adapter")
    peft_model.save_pretrained(path)
    return path


def logits(model: torch.nn.Module) -> torch.Tensor:
    with torch.inference_mode():
        return model(input_ids=IDS.to(model.device)).logits[0, -1].float().cpu()


def test_nf4_is_smaller_than_fp16_and_generates(cache_root: Path):
    llm = load_llm(NF4, cache_root, adapter=NO_ADAPTER)
    report = llm.report
    assert report["device"] == "cuda" and report["quantization"] == "nf4"
    fp16_mb = llm.model.num_parameters() * 2 / 2**20
    assert report["footprint_mb"] < 0.7 * fp16_mb
    ids = chat_input_ids(llm, [{"role": "user", "content": "What is the capital of France?"}])
    assert "".join(stream_tokens(llm, ids, GenerationConfig(max_new_tokens=12))).strip()


def test_adapter_toggles_under_nf4(cache_root: Path, adapter_dir: Path):
    plain = load_llm(NF4, cache_root, adapter=NO_ADAPTER)
    base_logits = logits(plain.model)
    del plain
    torch.cuda.empty_cache()

    llm = load_llm(NF4, cache_root, adapter=adapter_dir)
    assert llm.has_adapter and llm.report["quantization"] == "nf4"
    with llm.adapter(True):
        tuned = logits(llm.model)
    with llm.adapter(False):
        off = logits(llm.model)
    assert not torch.allclose(tuned, off, atol=1e-2)
    torch.testing.assert_close(off, base_logits, atol=2e-2, rtol=2e-2)
    ids = chat_input_ids(llm, [{"role": "user", "content": "Hello"}])
    config = GenerationConfig(max_new_tokens=8)
    for enabled in (True, False):
        assert "".join(
            stream_tokens(llm, ids, config, adapter=llm.default_adapter if enabled else None)
        ).strip()
