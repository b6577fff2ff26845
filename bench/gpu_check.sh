#!/usr/bin/env bash
# `make gpu-check`: everything that needs CUDA, in one run of under 8 minutes on a fresh device,
# with its figures written under $OUT (default ./gpu-check). Run it where a GPU is lent.
set -uo pipefail
cd "$(dirname "$0")/.."
OUT=${OUT:-gpu-check}
mkdir -p "$OUT"
export HF_HUB_OFFLINE=1 PYTHONUNBUFFERED=1
BIN=.venv/bin
nvidia-smi > "$OUT/nvidia-smi.txt" 2>&1
$BIN/pip install -q -e '.[gpu]' > "$OUT/install.log" 2>&1
# gpu tests: NF4 load and generate, adapter toggling on a 4-bit base, QLoRA on CUDA, faiss-gpu
# search, and llm.mode openai against vLLM (set VLLM_PYTHON to a python with vLLM; skipped without).
$BIN/python -m pytest -q -m gpu tests > "$OUT/pytest-gpu.txt" 2>&1
echo "pytest -m gpu: exit $?" >> "$OUT/summary.txt"
# NF4 vs fp32 on CUDA for both presets: TTFT, decode tok/s, memory.
$BIN/python bench/runtimes.py --runtimes transformers --repeats 1 > "$OUT/runtimes-cuda.txt" 2>&1
echo "bench/runtimes.py: exit $?" >> "$OUT/summary.txt"
# A short QLoRA run of the default model's config (NF4 base, bf16 compute).
$BIN/python -m finetune --max-steps 20 --out "$OUT/qlora-adapter" --quiet > "$OUT/qlora.txt" 2>&1
echo "qlora 20 steps: exit $?" >> "$OUT/summary.txt"
# CUDA embeddings and faiss-gpu.
$BIN/python - > "$OUT/embed-faiss.txt" 2>&1 <<'PY'
import time, numpy as np, torch
from rag.embeddings import LocalEmbedder
from rag.settings import EmbeddingSettings
texts = ["Returns are accepted within 30 days of delivery."] * 2048
for device in ("cpu", "cuda"):
    e = LocalEmbedder(EmbeddingSettings(device=device)); e.encode(texts[:64])
    t = time.perf_counter(); e.encode(texts); dt = time.perf_counter() - t
    print(f"embeddings {device}: {len(texts) / dt:.0f} chunks/s")
import faiss
print("faiss GPUs:", faiss.get_num_gpus())
x = np.random.rand(100_000, 384).astype("float32"); q = x[:100]
cpu = faiss.IndexFlatIP(384); cpu.add(x)
gpu = faiss.index_cpu_to_gpu(faiss.StandardGpuResources(), 0, cpu)
for name, index in (("cpu", cpu), ("gpu", gpu)):
    t = time.perf_counter(); index.search(q, 10); print(f"faiss {name}: {(time.perf_counter() - t) * 10:.2f} ms/query")
PY
echo "embeddings + faiss-gpu: exit $?" >> "$OUT/summary.txt"
cat "$OUT/summary.txt"
