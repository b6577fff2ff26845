"""Seconds per MB of long and hostile files against ordinary files of the same type and size.

    python -m bench.hostile_files [--scale 1] [--rounds 2] [--embed-sample 96]
                                  [--only text,html] [--profile] [--pipeline]

The files (tests/ingest/hostile_corpus.py, written to a temp folder):

| type | hostile | ordinary |
|---|---|---|
| text | 8 MB of prose on one line | the same prose wrapped at 76 columns, same size |
| text | 8 MB of base64 on one line, not one space | (the same ordinary file) |
| html | 200,000 nested <div>s of six words each (8.5 MB) | a flat article of <p>s, same size |
| csv | 5,000 rows, quoted fields with commas, quotes, line breaks | catalogue rows, same size |
| pdf | 1,000 pages of 12 lines | the same text on 250 pages of 48 lines |
| docx | 200,000 one-letter paragraphs (56 KB; 6.8 MB of XML) | headed prose sections, same size |

Timed per file in this process, hostile and ordinary in turn for --rounds rounds, the best of
each measure kept: load (ingest.loaders.load_file: parsing and cleaning) and chunk (ingest.chunker's
Chunker with MiniLM's tokenizer, as ingest runs it). Embedding costs the same per chunk
whatever the file type, and the chunks of an 8 MB file take ~10 minutes of it on 2 cores, so
it is timed on --embed-sample chunks of each file (length-sorted batches of 32, as ingest
encodes them) and scaled to the file's chunk count. Rates are seconds per MB of the file and
per MB of the text extracted from it, and per million of its MiniLM word pieces (what the
model reads: base64 has 2.4 times as many per MB as prose); ratio = hostile / ordinary (the
target is at most 2).
A .docx is zipped XML: 200,000 one-letter paragraphs are 56 KB of file but 6.8 MB of XML and
0.6 MB of text, so its fair rate is per MB of text.

--scale shrinks every file (0.25 for a quick run). --profile prints each hostile file's
functions with the most own time under cProfile. --pipeline also runs the whole Ingester on
each file alone (worker process, chunking, SQLite and FAISS writes), with vectors that cost
nothing, so that everything but the model is timed.
"""

from __future__ import annotations

import argparse
import cProfile
import os
import pstats
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
ROOT = Path(__file__).resolve().parent.parent
sys.path[0:0] = [str(ROOT), str(ROOT / "tests" / "ingest")]  # the corpus generator
warnings.filterwarnings("ignore", category=DeprecationWarning)

import hostile_corpus as corpus  # noqa: E402
import numpy as np  # noqa: E402

from ingest.batching import encode_batches, length_sorted_batches  # noqa: E402
from ingest.chunker import Chunker  # noqa: E402
from ingest.loaders import load_file  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.schema import Chunk  # noqa: E402
from rag.settings import Settings  # noqa: E402

MB = 1 << 20
Make = Callable[[float], bytes]


@dataclass
class Case:
    kind: str
    what: str  # what is hostile about the file; {n} is `count` times the scale
    count: float
    suffix: str
    hostile: Make
    ordinary: Callable[[int, float], bytes]  # (the hostile file's size, scale) -> bytes


CASES = [
    Case(
        "text",
        "{n} MB of prose on one line",
        8,
        ".txt",
        lambda s: corpus.single_line_text(int(8 * MB * s)),
        lambda n, s: corpus.ordinary_text(n),
    ),
    Case(
        "text",
        "{n} MB of base64 on one line",
        8,
        ".txt",
        lambda s: corpus.unbroken_text(int(8 * MB * s)),
        lambda n, s: corpus.ordinary_text(n),
    ),
    Case(
        "html",
        "{n} nested <div>s",
        200_000,
        ".html",
        lambda s: corpus.nested_divs_html(int(200_000 * s)),
        lambda n, s: corpus.ordinary_html(n),
    ),
    Case(
        "csv",
        "{n} rows of quoted fields",
        5_000,
        ".csv",
        lambda s: corpus.quoted_csv(int(5_000 * s)),
        lambda n, s: corpus.ordinary_csv(n),
    ),
    Case(
        "pdf",
        "{n} pages",
        1_000,
        ".pdf",
        lambda s: corpus.pdf(int(1_000 * s), 12),
        lambda n, s: corpus.pdf(int(250 * s), 48),
    ),
    Case(
        "docx",
        "{n} paragraphs",
        200_000,
        ".docx",
        lambda s: corpus.many_paragraphs_docx(int(200_000 * s)),
        lambda n, s: corpus.ordinary_docx(n),
    ),
]


@dataclass
class Measured:
    path: Path
    load_s: float = float("inf")
    chunk_s: float = float("inf")
    text_mb: float = 0.0
    tokens: int = 0  # MiniLM word pieces of the extracted text, what the model reads
    chunks: list[Chunk] = field(default_factory=list)
    embed_s: float = float("inf")  # estimated from a sample
    pipeline_s: float = float("inf")

    @property
    def mb(self) -> float:
        return self.path.stat().st_size / MB

    @property
    def read_s(self) -> float:
        return self.load_s + self.chunk_s


def read(m: Measured, chunker: Chunker) -> None:
    """Load and chunk once; keep the best times."""
    started = time.perf_counter()
    docs = load_file(m.path)
    loaded = time.perf_counter()
    m.chunks = chunker.chunk(docs, m.path.name, str(m.path))
    m.load_s = min(m.load_s, loaded - started)
    m.chunk_s = min(m.chunk_s, time.perf_counter() - loaded)
    m.text_mb = sum(len(d.page_content.encode()) for d in docs) / MB
    if not m.tokens:  # not timed
        m.tokens = sum(chunker.count_tokens(d.page_content) for d in docs)


def embed_estimate(m: Measured, embedder: LocalEmbedder, sample: int) -> None:
    """Seconds to embed all of the file's chunks, from `sample` of them spread over the file
    (the best of the calls so far)."""
    if not m.chunks or sample <= 0:
        m.embed_s = 0.0
        return
    step = max(1, len(m.chunks) // sample)
    texts = [c.text for c in m.chunks[::step][:sample]]
    batches = length_sorted_batches([embedder.count_tokens(t) for t in texts], 32)
    started = time.perf_counter()
    encode_batches(embedder, texts, batches)
    m.embed_s = min(m.embed_s, (time.perf_counter() - started) / len(texts) * len(m.chunks))


class FreeVectors:
    """The real tokenizer's counts (chunks as ingest makes them) with vectors that cost
    nothing: the pipeline's time without the model's."""

    def __init__(self, embedder: LocalEmbedder):
        self.real, self.dim, self.batch_size = embedder, embedder.dim, 32
        self.name, self.max_tokens = embedder.name, embedder.max_tokens

    def count_tokens(self, text: str) -> int:
        return self.real.count_tokens(text)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        out[:, 0] = 1.0
        return out


def pipeline_seconds(path: Path, embedder: FreeVectors, tmp: Path) -> float:
    """Ingester.run on a folder holding only `path`, into a new index."""
    with tempfile.TemporaryDirectory(dir=tmp) as run_name:
        run = Path(run_name)
        (run / "docs").mkdir()
        (run / "docs" / path.name).symlink_to(path)
        settings = Settings(store={"path": run / "index"})
        store = open_store(settings, embedder)
        ingester = Ingester(settings, store, embedder)
        try:
            started = time.perf_counter()
            summary = ingester.run([run / "docs"], progress=False, follow_links=True)
            seconds = time.perf_counter() - started
        finally:
            ingester.reader.close()
            store.close()
    if summary.skipped:
        print(f"  pipeline skipped {path.name}: {summary.skipped[0].reason}")
    return seconds


def profile(m: Measured, chunker: Chunker, top: int = 10) -> None:
    print(f"\n-- cProfile: {m.path.name} (load and chunk), {top} functions with most own time")
    profiler = cProfile.Profile()
    profiler.runcall(read, Measured(m.path), chunker)
    pstats.Stats(profiler, stream=sys.stdout).sort_stats("tottime").print_stats(top)


def loadavg() -> str:
    return " ".join(Path("/proc/loadavg").read_text().split()[:3])


def rate(seconds: float, mb: float) -> float:
    return seconds / mb if mb else float("nan")


def describe(case: Case, scale: float) -> str:
    n = case.count * scale
    return case.what.format(n=f"{n:,.0f}" if n >= 100 else f"{n:.3g}")


Pair = tuple[str, str, Measured, Measured]  # type, what is hostile, hostile, ordinary


def print_rows(pairs: list[Pair], pipeline: bool) -> None:
    head = (
        "| type | file | MB | text MB | tokens | chunks | load s | chunk s | load+chunk s/MB | "
        "s/MB text | s/M tokens | embed s (est.) | embed s/MB |"
    )
    print("\n" + head + (" pipeline s/MB |" if pipeline else ""))
    print("|---" * (head.count("|") - 1 + pipeline) + "|")
    for kind, what, hostile, ordinary in pairs:
        for name, m in ((what, hostile), ("ordinary", ordinary)):
            row = (
                f"| {kind} | {name} | {m.mb:.3f} | {m.text_mb:.3f} | {m.tokens:,} | "
                f"{len(m.chunks):,} | {m.load_s:.2f} | {m.chunk_s:.2f} | "
                f"{rate(m.read_s, m.mb):.2f} | {rate(m.read_s, m.text_mb):.2f} | "
                f"{rate(m.read_s, m.tokens / 1e6):.2f} | {m.embed_s:.0f} | "
                f"{rate(m.embed_s, m.mb):.1f} |"
            )
            print(row + (f" {rate(m.pipeline_s, m.mb):.2f} |" if pipeline else ""))


def print_ratios(pairs: list[Pair], pipeline: bool) -> None:
    print("\nhostile / ordinary (target <= 2):")
    head = (
        "| type | hostile | load+chunk per MB | per MB of text | per token | "
        "with embedding, per MB |"
    )
    print(head + (" pipeline per MB |" if pipeline else ""))
    print("|---" * (6 + pipeline) + "|")
    for kind, what, h, o in pairs:
        per_mb = rate(h.read_s, h.mb) / rate(o.read_s, o.mb)
        per_text = rate(h.read_s, h.text_mb) / rate(o.read_s, o.text_mb)
        per_token = rate(h.read_s, h.tokens) / rate(o.read_s, o.tokens)
        whole = rate(h.read_s + h.embed_s, h.mb) / rate(o.read_s + o.embed_s, o.mb)
        row = f"| {kind} | {what} | {per_mb:.2f} | {per_text:.2f} | {per_token:.2f} | {whole:.2f} |"
        if pipeline:
            row += f" {rate(h.pipeline_s, h.mb) / rate(o.pipeline_s, o.mb):.2f} |"
        print(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scale", type=float, default=1.0, help="file size factor")
    parser.add_argument("--rounds", type=int, default=2, help="repeats, the best kept")
    parser.add_argument("--embed-sample", type=int, default=96, help="chunks embedded per file")
    parser.add_argument("--only", help="comma-separated types (text,html,csv,pdf,docx)")
    parser.add_argument("--profile", action="store_true", help="cProfile each hostile file")
    parser.add_argument("--pipeline", action="store_true", help="also time Ingester.run")
    args = parser.parse_args()
    cases = [c for c in CASES if not args.only or c.kind in args.only.split(",")]

    print(f"scale {args.scale:g}, {args.rounds} rounds; load average at start: {loadavg()}")
    embedder = LocalEmbedder(Settings().embedding)
    chunking = Settings().chunking
    chunker = Chunker(
        embedder.count_tokens, embedder.max_tokens, chunking.chunk_tokens, chunking.overlap_tokens
    )
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        pairs = []
        for n, case in enumerate(cases):
            hostile = case.hostile(args.scale)
            files = {"hostile": hostile, "ordinary": case.ordinary(len(hostile), args.scale)}
            paths = {}
            for label, data in files.items():
                paths[label] = tmp / f"{n}-{case.kind}-{label}{case.suffix}"
                paths[label].write_bytes(data)
            what = describe(case, args.scale)
            pairs.append((case.kind, what, Measured(paths["hostile"]), Measured(paths["ordinary"])))
        free = FreeVectors(embedder)
        for round_no in range(args.rounds):
            for _, _, hostile, ordinary in pairs:
                for m in (hostile, ordinary):  # in turn, so both see the same load
                    read(m, chunker)
                    embed_estimate(m, embedder, args.embed_sample)
                    if args.pipeline:
                        m.pipeline_s = min(m.pipeline_s, pipeline_seconds(m.path, free, tmp))
                    print(f"  round {round_no + 1} {m.path.name}: load {m.load_s:.2f} s, "
                          f"chunk {m.chunk_s:.2f} s, embed {m.embed_s:.0f} s (est.), "
                          f"pipeline {m.pipeline_s:.2f} s (best so far)", flush=True)  # fmt: skip
            print(f"round {round_no + 1} done, load average {loadavg()}", flush=True)
        print_rows(pairs, args.pipeline)
        print_ratios(pairs, args.pipeline)
        print(f"\nload average at the end: {loadavg()}")
        if args.profile:
            for _, _, hostile, _ in pairs:
                profile(hostile, chunker)


if __name__ == "__main__":
    main()
