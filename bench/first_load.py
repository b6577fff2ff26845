"""The first load into an empty pgvector index: HNSW maintained row by row vs built after.

    python -m bench.first_load [--chunks 30000] [--per-file 100] [--url postgresql://…] [--cli]

A FAISS + SQLite index of --chunks synthetic chunks (384-d unit vectors around 1,000 centres,
as bench/stores.py draws them; texts are data/docs paragraphs, so the tsvector column does real
work) in files of --per-file chunks is copied into a fresh pgvector index with
rag.store_copy.copy_index, as `ragchat index copy` does, twice per round, the two ways taking
turns so both see the same machine load:
- row by row: the HNSW index exists from the start and pgvector inserts every chunk into the
  graph (how the store loaded before it deferred the build);
- deferred: the store drops the HNSW index at the first write into the empty table and builds
  it once at flush() over the loaded rows, with maintenance_work_mem raised to fit the graph
  (rag.pgvector_hnsw).
Both copies are checked (every chunk there, the HNSW index present, search finds a stored
vector). --cli also times `python -m app.cli index copy --from … --to …` in a child process
(it loads the embedding model first, a few seconds). Without --url a PostgreSQL with pgvector is
started from the `pgserver` package in a temp folder and removed at the end.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from bench.stores import server_url, synthetic  # noqa: E402
from rag.pgvector_store import PgVectorStore, drop_index  # noqa: E402
from rag.schema import Chunk  # noqa: E402
from rag.settings import PROJECT_ROOT  # noqa: E402
from rag.store import FaissStore, FileRecord  # noqa: E402
from rag.store_copy import copy_index  # noqa: E402

MODEL, DIM = "all-MiniLM-L6-v2", 384  # what `ragchat index copy` opens both indexes with


def paragraphs() -> list[str]:
    texts = []
    for path in sorted((PROJECT_ROOT / "data" / "docs").rglob("*.md")):
        texts += [p.strip() for p in path.read_text().split("\n\n") if len(p.strip()) > 40]
    return texts


def build_source(folder: Path, n: int, per_file: int) -> np.ndarray:
    """A FAISS index of n chunks; returns their vectors."""
    rng = np.random.default_rng(0)
    centres = rng.standard_normal((1000, DIM)).astype(np.float32)
    centres /= np.linalg.norm(centres, axis=1, keepdims=True)
    vectors, texts = synthetic(n, DIM, 1, centres, 1.0), paragraphs()
    store = FaissStore(folder, MODEL, DIM, index=None)
    for f, start in enumerate(range(0, n, per_file)):
        part, path = vectors[start : start + per_file], f"/synthetic/doc{f}.md"
        chunks = [
            Chunk(text=texts[(start + i) % len(texts)], source=path[1:], path=path,
                  chunk_index=i, content_hash=f"syn-{start + i}")
            for i in range(len(part))
        ]  # fmt: skip
        store.replace_file(FileRecord(path, path[1:], f"h{f}", 1, 1.0, len(part), ""), chunks, part)
    store.flush()
    store.close()
    return vectors


def timed_copy(source: FaissStore, url: str, prefix: str, deferred: bool) -> float:
    target = PgVectorStore(url, MODEL, DIM, table_prefix=prefix)
    target.hnsw.defer_first_load = deferred
    started = time.perf_counter()
    summary = copy_index(source, target)
    seconds = time.perf_counter() - started
    assert summary.chunks_copied == target.count() == source.count()
    assert target.hnsw.exists(target.conn), "no HNSW index after the copy"
    probe = source.get_chunks([1])[1][1]
    assert target.search(probe, 1)[0][1] > 0.999
    target.close()
    return seconds


def timed_cli(folder: Path, url: str, prefix: str) -> float:
    command = [sys.executable, "-m", "app.cli", "index", "copy", "--from", str(folder),
               "--to", url, "--table-prefix", prefix]  # fmt: skip
    started = time.perf_counter()
    done = subprocess.run(command, cwd=PROJECT_ROOT, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    assert done.returncode == 0, done.stderr[-2000:]
    print(f"  {' '.join(command[1:5])} …: {done.stdout.strip()}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--chunks", type=int, default=30_000)
    parser.add_argument("--per-file", type=int, default=100, help="chunks per source file")
    parser.add_argument("--rounds", type=int, default=1, help="pairs of copies, alternated")
    parser.add_argument("--cli", action="store_true", help="also time `ragchat index copy`")
    parser.add_argument("--url", default=os.environ.get("RAGCHAT_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-first-load-") as tmp:
        folder = Path(tmp)
        url, server = server_url(folder, args.url)
        prefixes: list[str] = []
        try:
            started = time.perf_counter()
            build_source(folder / "faiss", args.chunks, args.per_file)
            print(f"FAISS source: {args.chunks} chunks in files of {args.per_file}, "
                  f"written in {time.perf_counter() - started:.1f} s")  # fmt: skip
            source = FaissStore(folder / "faiss", MODEL, DIM)
            times: dict[str, list[float]] = {"row by row": [], "deferred": []}
            for r in range(args.rounds):
                order = ["row by row", "deferred"] if r % 2 == 0 else ["deferred", "row by row"]
                for way in order:
                    prefixes.append(f"f{uuid.uuid4().hex[:8]}_")
                    load = os.getloadavg()[0]
                    seconds = timed_copy(source, url, prefixes[-1], way == "deferred")
                    drop_index(url, prefixes.pop())
                    times[way].append(seconds)
                    rate = args.chunks / seconds
                    print(f"  round {r + 1} {way}: {seconds:.1f} s ({rate:.0f} chunks/s), "
                          f"load average {load:.1f}")  # fmt: skip
            source.close()
            before, after = (float(np.median(times[w])) for w in ("row by row", "deferred"))
            print(f"copy_index of {args.chunks} chunks into an empty pgvector index, median of "
                  f"{args.rounds}: row by row {before:.1f} s, deferred HNSW build {after:.1f} s "
                  f"({before / after:.1f}x faster)")  # fmt: skip
            if args.cli:
                prefixes.append(f"f{uuid.uuid4().hex[:8]}_")
                seconds = timed_cli(folder / "faiss", url, prefixes[-1])
                print(f"ragchat index copy (deferred, model load included): {seconds:.1f} s")
            print(f"load average at end: {os.getloadavg()[0]:.1f}")
        finally:
            for prefix in prefixes:
                drop_index(url, prefix)
            if server is not None:
                server.cleanup()


if __name__ == "__main__":
    main()
