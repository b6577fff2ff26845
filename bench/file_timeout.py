"""What loading in a worker process (ingest.file_timeout_s > 0) costs against in-process
loading (0), on the same folder, with the fake embedder so that only loading and chunking are
timed; and the slowest file's load time, which the default limit must stay far above.

    python -m bench.file_timeout [DIR] [--runs 3]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import tempfile
import time
from pathlib import Path

from ingest.discover import discover
from ingest.loaders import LoadError, load_file
from ingest.pipeline import Ingester
from rag.components import open_store
from rag.embeddings import FakeEmbedder
from rag.settings import Settings

ROOT = Path(__file__).resolve().parent.parent


def one_run(folder: Path, timeout: float) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(
            store={"path": Path(tmp) / "index"},
            embedding={"mode": "fake"},
            ingest={"file_timeout_s": timeout},
        )
        store = open_store(settings, FakeEmbedder())
        ingester = Ingester(settings, store, FakeEmbedder())
        started = time.perf_counter()
        ingester.run([folder], progress=False)
        seconds = time.perf_counter() - started
        ingester.reader.close()
        store.close()
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("folder", nargs="?", type=Path, default=ROOT / "data" / "docs")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    files, _ = discover([args.folder])
    slowest = (0.0, "")
    for path in files:
        started = time.perf_counter()
        with contextlib.suppress(LoadError):
            load_file(path)
        slowest = max(slowest, (time.perf_counter() - started, path.name))
    inline = statistics.median(one_run(args.folder, 0) for _ in range(args.runs))
    worker = statistics.median(one_run(args.folder, 120) for _ in range(args.runs))
    print(f"{len(files)} files in {args.folder}; median of {args.runs} runs")
    print(f"in-process (file_timeout_s 0): {inline:.2f} s")
    print(f"worker process (file_timeout_s 120): {worker:.2f} s  ratio {worker / inline:.2f}")
    print(f"per file: +{(worker - inline) / len(files) * 1000:.1f} ms")
    print(f"slowest file to load: {slowest[1]} {slowest[0]:.2f} s")


if __name__ == "__main__":
    main()
