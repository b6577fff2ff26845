"""Memory and speed of the exported embedder against how its inputs are padded.

    python -m bench.encode_shapes [--multiples 1 8 16] [--rounds 2]

OpenVINO and ONNX Runtime keep memory for every input shape (batch × tokens) they have run, so
a page that embeds queries of many lengths grows. rag.onnx_encoder pads every batch to a
multiple of PAD_TO_MULTIPLE tokens (masked: the vectors stay the same). Each multiple runs in a
child process of its own, the multiples alternated per round: 117 single queries of 3–119 words
(the page's case: resident growth, seconds), then data/docs' chunks twice in batches (ingest's
case: chunks/s), and the cosine of every vector to the unpadded run's. Needs an index of
data/docs (`python -m ingest data/docs`).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

import numpy as np

from bench.child import run_child

CHILD = r"""
import json, sqlite3, sys, time
import numpy as np
import rag.onnx_encoder as onnx_encoder
onnx_encoder.PAD_TO_MULTIPLE = int(sys.argv[1])
from rag.components import build_embedder
from rag.settings import Settings

def resident_mb():
    status = dict(line.split(":", 1) for line in open("/proc/self/status"))
    return int(status["VmRSS"].split()[0]) / 1024

embedder = build_embedder(Settings().embedding)
words = open("README.md", encoding="utf-8").read().split()
queries = [" ".join(words[n : 2 * n]) for n in range(3, 120)]
before = resident_mb()
started = time.perf_counter()
vectors = [embedder.encode([q]) for q in queries]
queries_s = time.perf_counter() - started
grown = resident_mb() - before
settings = Settings()
db = sqlite3.connect(settings.resolve(settings.store.path) / "docstore.sqlite")
chunks = [row[0] for row in db.execute("SELECT text FROM chunks ORDER BY id")] * 2
started = time.perf_counter()
vectors.append(embedder.encode(chunks))
chunks_per_s = len(chunks) / (time.perf_counter() - started)
np.save(sys.argv[2], np.vstack(vectors))
print("RESULT " + json.dumps({"runtime": f"{embedder.runtime} {embedder.precision}",
      "grown_mb": grown, "queries_s": queries_s, "chunks_per_s": chunks_per_s}))
"""


def run(multiple: int, out: Path) -> dict:
    result, error = run_child(CHILD, str(multiple), str(out))
    if result is None:
        sys.exit(f"padding to {multiple} failed:\n{error}")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--multiples", type=int, nargs="+", default=[1, 8, 16])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        for round_ in range(args.rounds):
            for multiple in args.multiples:
                out = Path(tmp) / f"{multiple}.npy"
                result = run(multiple, out)
                cosine = ""
                baseline = Path(tmp) / f"{args.multiples[0]}.npy"
                if multiple != args.multiples[0] and baseline.exists():
                    dots = (np.load(baseline) * np.load(out)).sum(axis=1)
                    cosine = f", cosine to x{args.multiples[0]} min {dots.min():.6f}"
                print(
                    f"round {round_ + 1}, pad to x{multiple} ({result['runtime']}): 117 queries "
                    f"+{result['grown_mb']:.0f} MB in {result['queries_s']:.2f} s, "
                    f"{result['chunks_per_s']:.1f} chunks/s{cosine}",
                    flush=True,
                )
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
