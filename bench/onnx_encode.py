"""The embedder on ONNX Runtime against sentence-transformers on torch (`embedding.runtime`).

    python -m bench.onnx_encode [--copies 3] [--rounds 3]

data/docs' chunk texts (×copies) encoded by both runtimes in alternating rounds, one thread each
(`embedding.threads` 0 = 1), batch 32: chunks/s per round and the best-of ratio; the cosine of
each ONNX vector to torch's; then one short query embedded 30 times by each, p50 ms.
Needs an index of data/docs (`python -m ingest data/docs`) for the chunk texts.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import time

import numpy as np

from rag.embeddings import LocalEmbedder
from rag.settings import EmbeddingSettings, Settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=3)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    docstore = Settings().resolve(Settings().store.path) / "docstore.sqlite"
    texts = [t for (t,) in sqlite3.connect(docstore).execute("SELECT text FROM chunks")]
    texts *= args.copies
    runtimes = {
        name: LocalEmbedder(EmbeddingSettings(device="cpu", runtime=name))
        for name in ("torch", "onnx")
    }
    seconds: dict[str, list[float]] = {name: [] for name in runtimes}
    vectors: dict[str, np.ndarray] = {}
    print(f"{len(texts)} chunks; load average {os.getloadavg()[0]:.1f}")
    for round_ in range(args.rounds):
        names = list(runtimes) if round_ % 2 == 0 else list(reversed(runtimes))
        for name in names:
            started = time.perf_counter()
            vectors[name] = runtimes[name].encode(texts)
            seconds[name].append(time.perf_counter() - started)
    for name, times in seconds.items():
        rates = ", ".join(f"{len(texts) / s:.1f}" for s in times)
        print(f"{name}: chunks/s per round {rates}")
    ratio = min(seconds["torch"]) / min(seconds["onnx"])
    print(f"onnx / torch, best of {args.rounds}: {ratio:.2f}x")
    cosine = (vectors["onnx"] * vectors["torch"]).sum(axis=1)
    print(f"cosine onnx to torch: min {cosine.min():.7f}, mean {cosine.mean():.7f}")
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
