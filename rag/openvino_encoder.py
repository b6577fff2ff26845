"""The exported embedder run by OpenVINO on the CPU (`embedding.runtime: openvino`).

It reads the same ONNX graph as ONNX Runtime (rag/onnx_encoder.py, exported once). Its draw is
bf16: on a CPU with bf16 instructions (AVX512_BF16, AMX) OpenVINO computes the matrix products
in bf16 with fp32 accumulation. On a 2-core Xeon with AMX (data/docs' chunks ×2, one thread,
runtimes alternated, two rounds) that encoded 66.5 and 70.0 chunks/s against ONNX Runtime's
22.9 and 22.8, at cosine ≥ 0.99997 to the fp32 vectors, so the embedder keeps its name and
indexes are shared. On a CPU without bf16 `embedding.precision: auto` runs fp32, where OpenVINO
is no faster than ONNX Runtime (`python -m bench.encode_runtimes`, README "Ingest speed").
"""

from __future__ import annotations

import functools
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

from rag.onnx_encoder import GraphEncoder, cached_graph, pooling_mode


@functools.cache
def cpu_has_bf16() -> bool:
    """Whether OpenVINO's CPU plugin computes bf16 natively on this machine."""
    import openvino as ov

    return "BF16" in ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")


def resolve_precision(setting: str) -> str:
    match setting:
        case "auto":
            return "bf16" if cpu_has_bf16() else "fp32"
        case "fp32":
            return "fp32"
        case "bf16":
            if not cpu_has_bf16():
                raise ValueError(
                    "embedding.precision = 'bf16': this CPU has no bf16 instructions "
                    "(AVX512_BF16 or AMX); set it to auto or fp32"
                )
            return "bf16"
        case other:
            raise ValueError(f"embedding.precision = {other!r}: choose auto, fp32 or bf16")


class OpenVinoEncoder(GraphEncoder):
    """Normalised vectors of a sentence-transformers model, by OpenVINO."""

    def __init__(self, model: Any, folder: Path, threads: int, precision: str):
        import openvino as ov

        super().__init__(model)
        self.precision = resolve_precision(precision)
        core = ov.Core()
        graph = cached_graph(model, folder, pooling_mode(model))
        config = {
            "INFERENCE_NUM_THREADS": threads,
            "INFERENCE_PRECISION_HINT": "bf16" if self.precision == "bf16" else "f32",
            "PERFORMANCE_HINT": "LATENCY",
            # Unpinned: a thread pinned to a core another process holds waits for it.
            "ENABLE_CPU_PINNING": False,
        }
        self.compiled = core.compile_model(_graph_file(core, graph), "CPU", config)
        self.output = self.compiled.output(0)

    def run(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        # One request per call: a request is not thread-safe, creating one costs microseconds.
        request = self.compiled.create_infer_request()
        result = request.infer({"input_ids": ids, "attention_mask": mask})
        return np.array(result[self.output], dtype=np.float32)


def _graph_file(core: Any, graph: Path | bytes) -> Any:
    """The graph as OpenVINO's model; a graph held in memory goes through a temporary file."""
    if isinstance(graph, Path):
        return core.read_model(str(graph))
    with tempfile.NamedTemporaryFile(suffix=".onnx", delete=False) as tmp:
        tmp.write(graph)
    try:
        return core.read_model(tmp.name)
    finally:
        os.unlink(tmp.name)
