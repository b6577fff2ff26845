"""Embedding encode speed variants against the fp32 baseline, with their quality cost.

    python bench/encode.py [--int8 tensor,channel,attn] [--batch-sizes 16,64] [--threads 1]
                           [--sorting [--sort-chunks 1024]] [--variant-chunks 200] [--repeats 3]

Texts are the chunks ragchat makes of data/docs (bench/ingest.py passes its own corpus). Each
variant is timed alternately with the baseline (fp32, batch 32, one encode call, torch's
default threads) on the same sample, best of --repeats, so load from other processes hits
both. Quality: mean cosine of the variant's vectors to the fp32 ones, and single-source hit@5
on the eval questions with data/docs indexed and queried by the variant (hybrid and vector-only).

int8 schemes (torch.ao.quantization.quantize_dynamic on nn.Linear, weights int8, activations
quantized per batch at run time):
  tensor   every Linear, one weight scale per tensor (the default qconfig)
  channel  every Linear, one weight scale per output channel
  attn     per channel, attention projections only (the feed-forward layers stay fp32)
"""

from __future__ import annotations

import argparse
import copy
import os
import random
import sys
import tempfile
import time
import warnings
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from bench.padding import padding_report  # noqa: E402
from bench.retrieval import load_questions, print_table, score  # noqa: E402
from ingest.chunker import Chunker  # noqa: E402
from ingest.discover import discover  # noqa: E402
from ingest.loaders import LoadError, load_file  # noqa: E402
from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, Settings  # noqa: E402

DOCS = PROJECT_ROOT / "data" / "docs"
INT8_SCHEMES = ("tensor", "channel", "attn")


def timed(fn, *args) -> tuple[float, object]:
    started = time.perf_counter()
    out = fn(*args)
    return time.perf_counter() - started, out


def raw_encode(model, texts: list[str], batch_size: int = 32) -> np.ndarray:
    """Plain SentenceTransformer.encode, as LocalEmbedder calls it; for a LocalEmbedder on a
    graph runtime (bench/ingest.py --runtime), that runtime's encode of the same batches."""
    if isinstance(model, LocalEmbedder):
        return model.encode(texts)
    return model.encode(
        texts, batch_size=batch_size, normalize_embeddings=True, convert_to_numpy=True
    )


class ModelEmbedder:
    """ragchat's embedder interface around any SentenceTransformer (variants); counts texts."""

    def __init__(self, base: LocalEmbedder, model=None, batch_size: int | None = None):
        # Without a torch model (a graph runtime) raw_encode runs the embedder itself.
        self.base, self.model = base, model or base.model or base
        self.name, self.dim, self.max_tokens = base.name, base.dim, base.max_tokens
        self.batch_size = batch_size or base.batch_size
        self.tokenizer = base.tokenizer  # lets Ingester read files in a child process
        self.encoded, self.seconds = 0, 0.0  # texts embedded, seconds spent in encode

    def count_tokens(self, text: str) -> int:
        return self.base.count_tokens(text)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        started = time.perf_counter()
        out = np.asarray(raw_encode(self.model, texts, self.batch_size), dtype=np.float32)
        self.encoded += len(texts)
        self.seconds += time.perf_counter() - started
        return out


def make_chunker(base: LocalEmbedder) -> Chunker:
    ch = Settings().chunking
    return Chunker(base.count_tokens, base.max_tokens, ch.chunk_tokens, ch.overlap_tokens)


def unique_texts(folder: Path, chunker: Chunker) -> tuple[list[str], int]:
    """The chunk texts ragchat embeds for a folder (file order, each text once), chunk count."""
    files, _ = discover([folder])
    seen: dict[str, str] = {}
    total = 0
    for path in files:
        try:
            chunks = chunker.chunk(load_file(path), path.name, str(path))
        except LoadError:
            continue
        total += len(chunks)
        for c in chunks:
            seen.setdefault(c.content_hash, c.text)
    return list(seen.values()), total


def quantize(model, scheme: str):
    """A dynamic-int8 copy of a SentenceTransformer (see the module doc for the schemes)."""
    from torch.ao.quantization import default_dynamic_qconfig, per_channel_dynamic_qconfig

    if scheme == "tensor":
        spec = {torch.nn.Linear: default_dynamic_qconfig}
    elif scheme == "channel":
        spec = {torch.nn.Linear: per_channel_dynamic_qconfig}
    elif scheme == "attn":
        names = [
            n
            for n, m in model.named_modules()
            if isinstance(m, torch.nn.Linear) and "attention" in n
        ]
        spec = {n: per_channel_dynamic_qconfig for n in names}
    else:
        raise ValueError(f"int8 scheme {scheme!r}: choose from {', '.join(INT8_SCHEMES)}")
    return torch.ao.quantization.quantize_dynamic(copy.deepcopy(model), spec, dtype=torch.qint8)


def hit5(embedder: ModelEmbedder, tmp: Path) -> tuple[float, float]:
    """Single-source hit@5 (hybrid, vector-only), data/docs indexed and queried by `embedder`."""
    settings = Settings(store={"path": tmp})
    store = open_store(settings, embedder)
    try:
        Ingester(settings, store, embedder).run([DOCS], progress=False)
        answerable, _ = load_questions()
        single = [q for q in answerable if len(q["sources"]) == 1]
        hybrid = score(Retriever(store, embedder, settings.retrieval), single)["hit@5"]
        vector = settings.retrieval.model_copy(update={"hybrid": False})
        return hybrid, score(Retriever(store, embedder, vector), single)["hit@5"]
    finally:
        store.close()


def _alternate(baseline, variant, repeats: int) -> tuple[float, float, object]:
    """Best times of baseline and variant, run alternately; the variant's last output."""
    best_b = best_v = float("inf")
    out = None
    for _ in range(repeats):
        best_b = min(best_b, timed(baseline)[0])
        t, out = timed(variant)
        best_v = min(best_v, t)
    return best_b, best_v, out


def run_variants(args, base: LocalEmbedder, texts: list[str], tmp: Path) -> None:
    sample = random.Random(1).sample(texts, min(args.variant_chunks, len(texts)))
    model = base.model
    ref = raw_encode(model, sample)
    threads = torch.get_num_threads()
    rows: list[list] = []

    def run(name, fn, quality=("-", "-")):
        b, v, out = _alternate(lambda: raw_encode(model, sample), fn, args.repeats)
        cos = float(np.mean(np.sum(np.asarray(out) * ref, axis=1)))
        rows.append([name, len(sample) / b, len(sample) / v, b / v, cos, *quality])
        print(f"  {name}: {len(sample) / v:.1f} chunks/s, {b / v:.2f}x fp32", flush=True)

    schemes = [s for s in args.int8.split(",") if s]
    if schemes:
        rows.append(["fp32 (baseline)", "-", "-", 1.0, 1.0, *hit5(ModelEmbedder(base), tmp / "f")])
    for scheme in schemes:
        qmodel = quantize(model, scheme)
        quality = hit5(ModelEmbedder(base, qmodel), tmp / f"int8-{scheme}")
        run(f"int8 {scheme}", lambda q=qmodel: raw_encode(q, sample), quality)
    for bs in [int(x) for x in args.batch_sizes.split(",") if x]:
        run(f"batch size {bs}", lambda bs=bs: raw_encode(model, sample, bs))
    for n in [int(x) for x in args.threads.split(",") if x]:

        def with_threads(n=n):
            torch.set_num_threads(n)
            try:
                return raw_encode(model, sample)
            finally:
                torch.set_num_threads(threads)

        run(f"torch threads {n}", with_threads)
    if args.sorting:  # counted and timed on the texts in file order, not on the sample
        padding_report(ModelEmbedder(base), texts, args.repeats, args.sort_chunks)
    if rows:
        print(
            f"\nencode variants on {len(sample)} chunks; baseline fp32, batch {base.batch_size}, "
            f"one encode call, {threads} threads; best of {args.repeats}, alternated"
        )
        header = ["variant", "fp32 chunks/s", "chunks/s", "x fp32", "cos vs fp32"]
        print_table(header + ["hit@5 hybrid", "hit@5 vector"], rows)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--int8", default="", help="int8 schemes: tensor,channel,attn")
    parser.add_argument("--batch-sizes", default="", help="encode batch sizes, e.g. 16,64")
    parser.add_argument("--threads", default="", help="torch thread counts, e.g. 1")
    parser.add_argument("--sorting", action="store_true", help="length-sorted batches")
    parser.add_argument("--sort-chunks", type=int, default=1024, help="--sorting: timed texts")
    parser.add_argument("--variant-chunks", type=int, default=200, help="sample size")
    parser.add_argument("--repeats", type=int, default=3, help="best of this many")


def wants_variants(args) -> bool:
    return bool(args.int8 or args.batch_sizes or args.threads or args.sorting)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    add_arguments(parser)
    args = parser.parse_args()
    if not wants_variants(args):
        args.int8 = ",".join(INT8_SCHEMES)  # nothing chosen: the int8 schemes
    # sentence-transformers on torch: the variants and the limit measured here are torch's
    # (ONNX Runtime against torch: bench/encode_runtimes.py).
    base = LocalEmbedder(EmbeddingSettings(device="cpu", runtime="torch"))
    texts, _ = unique_texts(DOCS, make_chunker(base))
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory(prefix="ragchat-bench-") as tmp:
        run_variants(args, base, texts, Path(tmp))


if __name__ == "__main__":
    main()
