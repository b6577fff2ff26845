"""What length-sorted batches save: padded token positions and encode time, file order vs sorted.

Called by bench/ingest.py (`--sorting`) on the texts it embeds, in file order. Padding is
counted, not timed: a batch makes the model compute over its size times its longest text
(+2 for [CLS]/[SEP]). The timed part encodes the same texts with batches of 32 in file order
and with ragchat's plan (sorted by token length within windows of ingest.pipeline
.WINDOW_CHUNKS), alternated, best of --repeats.
"""

from __future__ import annotations

import time

from bench.retrieval import print_table
from ingest.batching import (
    encode_batches,
    file_order_batches,
    length_sorted_batches,
    padded_tokens,
)
from ingest.pipeline import WINDOW_CHUNKS


def windowed(lengths: list[int], batch_size: int, window: int) -> list[list[int]]:
    """ragchat's plan: each window of `window` texts sorted on its own, positions global."""
    out: list[list[int]] = []
    for start in range(0, len(lengths), window):
        part = lengths[start : start + window]
        out += [[start + i for i in b] for b in length_sorted_batches(part, batch_size)]
    return out


def char_sorted_calls(texts: list[str], batch_size: int, call: int) -> list[list[int]]:
    """Before: one encode call per `call` texts, which sentence-transformers sorts by characters."""
    out: list[list[int]] = []
    for start in range(0, len(texts), call):
        part = sorted(range(start, min(start + call, len(texts))), key=lambda i: -len(texts[i]))
        out += [part[i : i + batch_size] for i in range(0, len(part), batch_size)]
    return out


def padding_report(embedder, texts: list[str], repeats: int, timed_chunks: int) -> None:
    """`embedder`: bench.encode.ModelEmbedder (count_tokens, encode, batch_size)."""
    bs = embedder.batch_size
    lengths = [min(embedder.count_tokens(t), embedder.max_tokens - 2) + 2 for t in texts]
    real = sum(lengths)
    plans = {
        f"batches of {bs} in file order": file_order_batches(len(texts), bs),
        f"calls of {bs * 4}, sorted by characters (before)": char_sorted_calls(texts, bs, bs * 4),
        f"windows of {WINDOW_CHUNKS}, sorted by tokens (now)": windowed(lengths, bs, WINDOW_CHUNKS),
        "whole corpus sorted (one raw encode call)": length_sorted_batches(lengths, bs),
    }
    base = padded_tokens(lengths, next(iter(plans.values())))
    rows = []
    for name, plan in plans.items():
        padded = padded_tokens(lengths, plan)
        rows.append([name, padded, padded / real, 1 - padded / base])
    print(f"\npadding over {len(texts)} texts ({real} real token positions)")
    print_table(["batches", "positions computed", "x real tokens", "saved vs file order"], rows)

    sample = texts[:timed_chunks]
    lens = lengths[:timed_chunks]
    unsorted, ours = file_order_batches(len(sample), bs), windowed(lens, bs, WINDOW_CHUNKS)
    best = {"file order": float("inf"), "sorted windows": float("inf")}
    for _ in range(repeats):  # alternated, so load from other processes hits both
        for name, plan in (("file order", unsorted), ("sorted windows", ours)):
            started = time.perf_counter()
            encode_batches(embedder, sample, plan)
            best[name] = min(best[name], time.perf_counter() - started)
    print(
        f"encode of the first {len(sample)} texts, best of {repeats} alternated: file order "
        f"{len(sample) / best['file order']:.1f} chunks/s, sorted windows "
        f"{len(sample) / best['sorted windows']:.1f} chunks/s "
        f"({best['file order'] / best['sorted windows']:.2f}x)"
    )
