"""Which runtime encodes with the embedder (`embedding.runtime`, `embedding.precision`).

auto, on a CPU with fp32 weights: OpenVINO in bf16 where the CPU computes bf16 (~3x ONNX
Runtime's chunks/s), else ONNX Runtime (in fp32 OpenVINO measured 1.02x its chunks/s and a slower
single query: 6.9 against 5.6 ms), else sentence-transformers on torch. Both graph runtimes read
one ONNX export of the model; a model the export can't express runs on torch. CUDA and int8
weights run on torch. Numbers: README, "Ingest speed".
"""

from __future__ import annotations

import importlib.util
import logging
from pathlib import Path
from typing import Any

from rag.onnx_encoder import GraphEncoder, UnsupportedModel
from rag.settings import EmbeddingSettings
from rag.threads import embedding_threads

log = logging.getLogger(__name__)
GRAPH_RUNTIMES = {"openvino": ("openvino",), "onnx": ("onnxruntime", "onnx")}


def installed(runtime: str) -> bool:
    return all(importlib.util.find_spec(name) is not None for name in GRAPH_RUNTIMES[runtime])


def _build(runtime: str, settings: EmbeddingSettings, model: Any, folder: Path) -> GraphEncoder:
    threads = embedding_threads(settings.threads)
    if runtime == "openvino":
        from rag.openvino_encoder import OpenVinoEncoder

        return OpenVinoEncoder(model, folder, threads, settings.precision)
    from rag.onnx_encoder import OnnxEncoder

    return OnnxEncoder(model, folder, threads)


def _refuse_misfits(settings: EmbeddingSettings, device: str) -> None:
    runtime, precision = settings.runtime, settings.precision  # names checked by the settings
    graph_only = device != "cpu" or settings.quantize != "none"
    if runtime in GRAPH_RUNTIMES and graph_only:
        raise ValueError(
            f"embedding.runtime = {runtime!r} runs fp32 weights on the CPU; embedding.device "
            f"is {device} and embedding.quantize {settings.quantize}: set "
            "embedding.runtime to torch (or auto)"
        )
    if precision == "bf16" and (runtime in ("torch", "onnx") or graph_only):
        raise ValueError(
            "embedding.precision = 'bf16' runs on OpenVINO on the CPU: set embedding.runtime "
            "to openvino (or auto, with embedding.device cpu and embedding.quantize none)"
        )
    if precision == "bf16" and not installed("openvino"):
        raise RuntimeError("embedding.precision = 'bf16' needs: pip install openvino")


def _auto_order(precision: str) -> tuple[str, ...]:
    """OpenVINO first only where it runs bf16: in fp32 ONNX Runtime is as fast, and quicker on
    one query."""
    if precision == "fp32" or not installed("openvino"):
        return ("onnx",)
    from rag.openvino_encoder import cpu_has_bf16

    return ("openvino", "onnx") if cpu_has_bf16() or precision == "bf16" else ("onnx",)


def graph_encoder(
    settings: EmbeddingSettings, model: Any, folder: Path, device: str
) -> tuple[str, GraphEncoder | None]:
    """(the runtime in effect, its encoder; None for torch)."""
    _refuse_misfits(settings, device)
    runtime = settings.runtime
    if runtime == "torch" or device != "cpu" or settings.quantize != "none":
        return "torch", None
    for candidate in _auto_order(settings.precision) if runtime == "auto" else (runtime,):
        if not installed(candidate):
            if runtime == candidate:
                packages = " ".join(GRAPH_RUNTIMES[candidate])
                raise RuntimeError(f"embedding.runtime = {runtime!r} needs: pip install {packages}")
            continue
        try:
            return candidate, _build(candidate, settings, model, folder)
        except UnsupportedModel as err:  # the one export serves both: torch it is
            if runtime == candidate:
                raise ValueError(
                    f"embedding.runtime = {runtime!r} can't export {folder.name}: {err}; "
                    "set embedding.runtime to torch"
                ) from err
            log.info("embedder on torch: the ONNX export does not support %s", err)
            break
    return "torch", None
