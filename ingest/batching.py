"""Encode batches of texts of similar token length, results back in the caller's order.

Every text of a batch is padded to the batch's longest, so a batch costs about its size times
its longest text. Sorting a window of chunks by token length before cutting it into batches
puts short chunks (a heading's section, a page's last piece) together instead of padding each
of them to a full-length neighbour. The cost is only that a window is embedded as a whole
before its files are committed; bench/ingest.py measures what the sorting saves.

The order is a pure function of the lengths (longest first, ties by position), and each
vector is written back to its text's position, so what is stored never depends on the sort.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np

from rag.embeddings import Embedder


def length_sorted_batches(lengths: Sequence[int], batch_size: int) -> list[list[int]]:
    """Positions of `lengths` cut into batches of `batch_size`, longest texts first."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    return [order[i : i + batch_size] for i in range(0, len(order), batch_size)]


def file_order_batches(count: int, batch_size: int) -> list[list[int]]:
    """Positions in the order given, cut into batches: what no sorting does."""
    return [list(range(i, min(i + batch_size, count))) for i in range(0, count, batch_size)]


def padded_tokens(lengths: Sequence[int], batches: Sequence[Sequence[int]]) -> int:
    """Token positions the model computes over: each batch's size times its longest text."""
    return sum(len(b) * max(lengths[i] for i in b) for b in batches if b)


def encode_batches(
    embedder: Embedder,
    texts: Sequence[str],
    batches: Sequence[Sequence[int]],
    stop: Callable[[], bool] = lambda: False,
    done: Callable[[int], object] | None = None,
) -> np.ndarray | None:
    """One encode call per batch, each vector at its text's position; None when `stop()`
    turned true between two batches (the caller gave up on the result). done(n): called
    after each batch with its size (a progress bar that moves within a window)."""
    out = np.zeros((len(texts), embedder.dim), dtype=np.float32)
    for batch in batches:
        if stop():
            return None
        # One call per batch: sentence-transformers would otherwise re-sort a longer call by
        # character count, undoing the token-length order.
        out[list(batch)] = embedder.encode([texts[i] for i in batch])
        if done is not None:
            done(len(batch))
    return out
