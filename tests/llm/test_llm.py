"""Model loading on the real packaged SmolLM2: GGUF conversion cache, errors, LoRA toggling."""

from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path

import pytest
import torch

os.environ.setdefault("HF_HUB_OFFLINE", "1")

from rag import llm as llm_module  # noqa: E402
from rag.generation import GenerationConfig, chat_input_ids, stream_tokens  # noqa: E402
from rag.hf_model import load_llm  # noqa: E402
from rag.llm import (  # noqa: E402
    NO_ADAPTER,
    ModelLoadError,
    load_base,
    pick_device,
    quantization_config,
    resolve_model_dir,
)
from rag.settings import LLMSettings  # noqa: E402

SETTINGS = LLMSettings(model="smollm2", adapter=None, device="cpu", quantization="auto")


@pytest.fixture(scope="module")
def cache_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    # One conversion per test session: every test module uses this same folder.
    return tmp_path_factory.getbasetemp() / "llm-cache"


@pytest.fixture(scope="module")
def adapter_dir(tmp_path_factory: pytest.TempPathFactory, cache_root: Path) -> Path:
    """A tiny LoRA adapter whose B weights are random, so it really changes the logits."""
    from peft import LoraConfig, get_peft_model

    model, _, _ = load_base(SETTINGS, cache_root, for_training=True)
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


def logits(model: torch.nn.Module, ids: torch.Tensor) -> torch.Tensor:
    with torch.inference_mode():
        return model(input_ids=ids).logits[0, -1].float()


def test_gguf_converted_once_then_reused(cache_root: Path, monkeypatch: pytest.MonkeyPatch):
    first = resolve_model_dir(SETTINGS, cache_root)
    assert first.parent == cache_root and first.name.startswith("SmolLM2-135M-Instruct")
    assert (first / "model.safetensors").exists() and (first / "tokenizer.json").exists()
    assert [p.name for p in cache_root.iterdir()] == [first.name]  # no temp folder left
    written = (first / "model.safetensors").stat().st_mtime_ns

    def no_reconvert(*args: object) -> None:
        raise AssertionError("converted again")

    monkeypatch.setattr(llm_module, "_convert_gguf", no_reconvert)
    assert resolve_model_dir(SETTINGS, cache_root) == first
    assert (first / "model.safetensors").stat().st_mtime_ns == written


def test_cache_key_follows_file_changes(tmp_path: Path):
    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"x")
    before = llm_module._cache_name(gguf)
    os.utime(gguf, ns=(1, 1))
    assert llm_module._cache_name(gguf) != before


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("missing.gguf", None, "no such file"),
        ("folder", "dir", "no config.json"),
        ("weights.bin", b"x", "expected a preset name, a model folder or a .gguf"),
        ("broken.gguf", b"not a gguf file", "could not convert"),
    ],
)
def test_bad_model_path_names_the_setting(tmp_path: Path, name, content, reason):
    path = tmp_path / name
    if content == "dir":
        path.mkdir()
    elif content is not None:
        path.write_bytes(content)
    settings = SETTINGS.model_copy(update={"model": str(path)})
    with pytest.raises(ModelLoadError, match=rf"llm\.model = '{re.escape(str(path))}'.*{reason}"):
        resolve_model_dir(settings, tmp_path / "cache")


def test_cpu_defaults():
    assert pick_device("cpu") == "cpu"
    if not torch.cuda.is_available():
        assert pick_device("auto") == "cpu"
        assert quantization_config("auto", "cpu") is None
    assert quantization_config("none", "cuda") is None
    if importlib.util.find_spec("bitsandbytes") is None:
        with pytest.raises(ModelLoadError, match="'gpu' extra"):
            quantization_config("nf4", "cuda")
        return
    nf4 = quantization_config("nf4", "cuda")
    assert nf4.load_in_4bit and nf4.bnb_4bit_quant_type == "nf4"
    assert nf4.bnb_4bit_use_double_quant and nf4.bnb_4bit_compute_dtype == torch.bfloat16


def test_load_report_and_context_window(cache_root: Path):
    loaded = load_llm(SETTINGS.model_copy(update={"context_window": 99999}), cache_root)
    report = loaded.report
    assert report["device"] == "cpu" and report["quantization"] == "none"
    assert report["dtype"] == "float32" and 400 < report["footprint_mb"] < 700
    assert set(report) >= {"model", "device", "dtype", "quantization", "footprint_mb", "load_s"}
    assert not loaded.has_adapter
    assert loaded.context_window() == loaded.model.config.max_position_embeddings  # 8192 cap
    with loaded.adapter(False):
        pass
    with pytest.raises(ValueError, match="adapter"):
        loaded.adapter(True)


def test_adapter_toggles_on_one_model(cache_root: Path, adapter_dir: Path):
    plain = load_llm(SETTINGS, cache_root, adapter=NO_ADAPTER)
    ids = torch.tensor([[1, 4093, 198, 6004, 2, 198, 1, 520, 9531, 198]])
    base_logits = logits(plain.model, ids)

    loaded = load_llm(SETTINGS, cache_root, adapter=adapter_dir)
    assert loaded.has_adapter and loaded.report["adapter"] == str(adapter_dir)
    with loaded.adapter(True):
        tuned = logits(loaded.model, ids)
    with loaded.adapter(False):
        off = logits(loaded.model, ids)
    assert not torch.allclose(tuned, off, atol=1e-3)
    torch.testing.assert_close(off, base_logits, atol=1e-4, rtol=1e-4)
    torch.testing.assert_close(logits(loaded.model, ids), tuned)  # back on after the block

    # Streaming toggles the same way: greedy answers with and without the adapter.
    config = GenerationConfig(max_new_tokens=6)
    ids = chat_input_ids(loaded, [{"role": "user", "content": "What is the capital of France?"}])
    off_text = "".join(stream_tokens(loaded, ids, config, adapter=None))
    plain_text = "".join(stream_tokens(plain, ids, config))
    assert off_text == plain_text
    assert "".join(stream_tokens(loaded, ids, config, adapter=loaded.default_adapter)).strip()


def test_adapter_from_settings_only_when_present(cache_root: Path, adapter_dir: Path):
    configured = SETTINGS.model_copy(update={"adapter": adapter_dir})
    assert load_llm(configured, cache_root).adapter_path == adapter_dir
    assert load_llm(configured, cache_root, adapter=NO_ADAPTER).adapter_path is None
    absent = SETTINGS.model_copy(update={"adapter": adapter_dir / "missing"})
    assert load_llm(absent, cache_root).adapter_path is None
    with pytest.raises(ModelLoadError, match="adapter_config.json"):
        load_llm(SETTINGS, cache_root, adapter=adapter_dir / "missing")
