"""Local chat model loading: GGUF → cached safetensors, 4-bit on CUDA, optional LoRA adapter.

The packaged SmolLM2 ships as a GGUF file. transformers can read GGUF but dequantizes it on
every load (~30 s), so the first load converts it once to a safetensors folder under
`llm.cache_dir`; later loads read that folder (~1 s). One loaded base serves both the plain and
the adapter answers: `LoadedModel.adapter(False)` switches the LoRA weights off in place.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import logging
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from rag.models import PRESETS, ModelLoadError, preset_for, preset_gguf
from rag.settings import PROJECT_ROOT, LLMSettings

if TYPE_CHECKING:
    from transformers import BitsAndBytesConfig, PreTrainedModel, PreTrainedTokenizerBase

log = logging.getLogger(__name__)

YES, NO = ("yes", "Yes", "YES"), ("no", "No", "NO")  # first tokens of an answerability reply
NO_ADAPTER = Path("")  # pass as `adapter=` to load_llm to load the base alone
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


@dataclass
class LoadedModel:
    """A loaded chat model, optionally with a LoRA adapter that can be switched off in place.

    Switching the adapter changes the shared model for every thread: hold `lock` around any
    adapter(...) block or forward pass outside stream_tokens (which takes it itself).
    """

    model: Any  # PreTrainedModel or peft.PeftModel
    tokenizer: Any
    report: dict
    adapter_path: Path | None = None
    lock: threading.Lock = field(default_factory=threading.Lock)  # one generation at a time
    configured_window: int = 2048  # llm.context_window

    @property
    def has_adapter(self) -> bool:
        return self.adapter_path is not None

    def adapter(self, enabled: bool) -> contextlib.AbstractContextManager:
        """Context in which the adapter is on (the loaded default) or off (the plain base)."""
        if not self.has_adapter:
            if enabled:
                raise ValueError("no LoRA adapter is loaded (llm.adapter)")
            return contextlib.nullcontext()
        return contextlib.nullcontext() if enabled else self.model.disable_adapter()

    def context_window(self) -> int:
        """Prompt + answer tokens: the configured budget, capped by what the model supports."""
        limit = (
            getattr(self.model.config, "max_position_embeddings", None) or self.configured_window
        )
        return min(self.configured_window, limit)

    # The runtime interface the engine uses (rag.runtime.ChatModel), shared with llama.cpp.
    runtime = "transformers"

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
        adapter_enabled: bool | None = None,
    ) -> Iterator[str]:
        from rag.generation import chat_input_ids, stream_tokens

        ids = chat_input_ids(self, messages)
        return stream_tokens(self, ids, config, stop=stop, adapter_enabled=adapter_enabled)

    def yes_probability(self, messages: list[dict], adapter_enabled: bool | None = None) -> float:
        """P(the reply starts with yes | messages), normalised over the yes and no tokens."""
        from rag.generation import chat_input_ids

        ids = chat_input_ids(self, messages).to(self.model.device)
        toggle = (
            contextlib.nullcontext() if adapter_enabled is None else self.adapter(adapter_enabled)
        )
        with self.lock, toggle, torch.inference_mode():
            logits = self.model(input_ids=ids).logits[0, -1].double()

        def first_ids(words: tuple[str, ...]) -> list[int]:
            return sorted(
                {self.tokenizer(w, add_special_tokens=False)["input_ids"][0] for w in words}
            )

        weights = logits.softmax(-1)
        p_yes = float(weights[first_ids(YES)].sum())
        p_no = float(weights[first_ids(NO)].sum())
        return p_yes / (p_yes + p_no)


def _adapter_dir(settings: LLMSettings, adapter: Path | None) -> Path | None:
    if adapter is None:  # the configured adapter, when it has been trained/shipped
        if settings.adapter is None:
            return None
        path = _resolve(settings.adapter)
        return path if (path / "adapter_config.json").exists() else None
    if adapter == NO_ADAPTER:
        return None
    path = _resolve(adapter)
    if not (path / "adapter_config.json").exists():
        raise ModelLoadError(f"LoRA adapter '{adapter}': no adapter_config.json in {path}")
    return path


def load_llm(settings: LLMSettings, cache_root: Path, adapter: Path | None = None) -> LoadedModel:
    """Load the chat model for inference, with a LoRA adapter on top when there is one.

    adapter=None uses `llm.adapter` if that folder holds an adapter (else none);
    adapter=NO_ADAPTER (Path("")) forces the base alone; any other path must hold an adapter.
    """
    adapter_path = _adapter_dir(settings, adapter)
    model, tokenizer, report = load_base(settings, cache_root)
    if adapter_path is not None:
        from peft import PeftModel

        try:
            model = PeftModel.from_pretrained(model, adapter_path, is_trainable=False)
        except (OSError, ValueError, RuntimeError, KeyError) as exc:
            raise ModelLoadError(f"LoRA adapter '{adapter_path}': {exc}") from exc
        model.eval()
        report["adapter"] = str(adapter_path)
        log.info("LoRA adapter loaded from %s", adapter_path)
    return LoadedModel(
        model=model,
        tokenizer=tokenizer,
        report=report,
        adapter_path=adapter_path,
        configured_window=settings.context_window,
    )
