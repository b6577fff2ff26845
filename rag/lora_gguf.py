"""A peft LoRA adapter as a GGUF LoRA for llama.cpp, converted once and cached by content.

The conversion is llama.cpp's own `convert_lora_to_gguf.py` (it knows each architecture's tensor
names and layouts), taken from the llama-cpp-python source distribution by `make setup` into
`.ragchat/llama.cpp-tools`. It needs only the base model's config.json, which
transformers reads from the GGUF's metadata in a second, so the base is never dequantized.
The result is keyed by the sha256 of the adapter's files: retraining converts again, a restart
does not.
"""

from __future__ import annotations

import hashlib
import logging
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from rag.models import ModelLoadError
from rag.settings import PROJECT_ROOT

log = logging.getLogger(__name__)

TOOLS_DIR = PROJECT_ROOT / ".ragchat" / "llama.cpp-tools"  # filled by `make setup`


def adapter_key(adapter: Path) -> str:
    digest = hashlib.sha256()
    for name in ("adapter_config.json", "adapter_model.safetensors"):
        digest.update((adapter / name).read_bytes())
    return digest.hexdigest()[:16]


def _base_config(gguf: Path, folder: Path) -> None:
    from transformers import AutoConfig
    from transformers.models.auto.modeling_auto import MODEL_FOR_CAUSAL_LM_MAPPING_NAMES

    config = AutoConfig.from_pretrained(gguf.parent, gguf_file=gguf.name)
    # A config read from GGUF metadata names no architecture; the converter picks by it.
    config.architectures = [MODEL_FOR_CAUSAL_LM_MAPPING_NAMES[config.model_type]]
    config.save_pretrained(folder)


def gguf_lora(adapter: Path, base_gguf: Path, cache_root: Path) -> Path:
    """The GGUF LoRA for `adapter` (a peft folder) on `base_gguf`, converting on first use."""
    target = cache_root / "lora" / f"{adapter.name}-{adapter_key(adapter)}.gguf"
    if target.exists():
        return target
    script = TOOLS_DIR / "convert_lora_to_gguf.py"
    if not script.exists():
        raise ModelLoadError(
            f"LoRA adapter '{adapter}': llama.cpp needs it as a GGUF LoRA, and the converter "
            f"is missing ({script}); run `make setup`, or set llm.runtime = transformers"
        )
    target.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="lora-base-") as base:
        _base_config(base_gguf, Path(base))
        partial = target.with_suffix(".partial")
        command = [sys.executable, str(script), str(adapter), "--base", base]
        command += ["--outfile", str(partial), "--outtype", "f16"]
        env = {**os.environ, "PYTHONPATH": str(script.parent / "gguf-py")}
        log.info("converting LoRA adapter %s to GGUF once", adapter)
        done = subprocess.run(command, capture_output=True, text=True, env=env, check=False)
        if done.returncode != 0 or not partial.exists():
            partial.unlink(missing_ok=True)
            last = (done.stderr or done.stdout).strip().splitlines()[-3:]
            raise ModelLoadError(
                f"LoRA adapter '{adapter}': conversion to GGUF failed: {' | '.join(last)}"
            )
        os.replace(partial, target)
    return target
