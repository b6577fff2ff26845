"""The embedder's runtimes against each other (`embedding.runtime`, `embedding.precision`).

    python -m bench.encode_runtimes [--copies 3] [--rounds 3] [--runtimes torch onnx ...]

data/docs' chunk texts (×copies) encoded by each runtime in rotating order, one thread each
(`embedding.threads` 0 = 1), batch 32: chunks/s per round and each runtime's best against
torch's best and ONNX Runtime's; the cosine of each runtime's vectors to torch's; then one short
query embedded 30 times by each, p50 ms. Runtimes: torch, onnx, openvino-fp32, openvino-bf16
(the last only where the CPU has bf16). Needs an index of data/docs (`python -m ingest
data/docs`) for the chunk texts.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import time

import numpy as np

from rag.embeddings import LocalEmbedder
from rag.openvino_encoder import cpu_has_bf16
from rag.settings import EmbeddingSettings, Settings

VARIANTS = {
    "torch": EmbeddingSettings(device="cpu", runtime="torch"),
    "onnx": EmbeddingSettings(device="cpu", runtime="onnx"),
    "openvino-fp32": EmbeddingSettings(device="cpu", runtime="openvino", precision="fp32"),
    "openvino-bf16": EmbeddingSettings(device="cpu", runtime="openvino", precision="bf16"),
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--runtimes", nargs="+", choices=list(VARIANTS), default=list(VARIANTS))
    args = parser.parse_args()
    names = [n for n in args.runtimes if n != "openvino-bf16" or cpu_has_bf16()]
    docstore = Settings().resolve(Settings().store.path) / "docstore.sqlite"
    texts = [t for (t,) in sqlite3.connect(docstore).execute("SELECT text FROM chunks")]
    texts *= args.copies
    runtimes = {name: LocalEmbedder(VARIANTS[name]) for name in names}
    seconds: dict[str, list[float]] = {name: [] for name in runtimes}
    vectors: dict[str, np.ndarray] = {}
    print(f"{len(texts)} chunks; load average {os.getloadavg()[0]:.1f}")
    for round_ in range(args.rounds):
        shift = round_ % len(names)  # each runtime goes first once in a while
        for name in names[shift:] + names[:shift]:
            started = time.perf_counter()
            vectors[name] = runtimes[name].encode(texts)
            seconds[name].append(time.perf_counter() - started)
    for name, times in seconds.items():
        rates = ", ".join(f"{len(texts) / s:.1f}" for s in times)
        line = f"{name}: chunks/s per round {rates}"
        for base in ("torch", "onnx"):
            if base in seconds and base != name:
                line += f"; {min(seconds[base]) / min(times):.2f}x {base}"
        if "torch" in vectors and name != "torch":
            cosine = (vectors[name] * vectors["torch"]).sum(axis=1)
            line += f"; cosine to torch min {cosine.min():.7f}, mean {cosine.mean():.7f}"
        print(line)
    query = ["How long do I have to return an item?"]
    for name, embedder in runtimes.items():
        times = []
        for _ in range(30):
            started = time.perf_counter()
            embedder.encode(query)
            times.append(time.perf_counter() - started)
        print(f"{name}: one query p50 {1000 * float(np.median(times)):.1f} ms")
    print(f"load average at end {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
