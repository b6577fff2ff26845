"""Embedding beside loading: a worker thread encodes windows of chunk texts in order.

Ingest has two kinds of work: the model's forward passes (one core, `embedding.threads`),
and everything else: reading, parsing, cleaning and chunking files, and writing SQLite and
FAISS. Done in turn, the model waits for the rest; here the calling thread loads, chunks and
commits while this thread encodes. torch and the HF tokenizer release the GIL inside their
kernels, so the two overlap on two cores. The worker touches only the model: every store
access stays in the calling thread (an SQLite connection belongs to one thread, and commits
stay in file order, one transaction per file, as without the thread).

The queue is bounded: a caller that runs ahead of the model blocks instead of holding the
whole folder's chunks in memory.
"""

from __future__ import annotations

import queue
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np

from ingest.batching import encode_batches, file_order_batches, length_sorted_batches
from rag.embeddings import Embedder


@dataclass
class EncodeJob:
    """One window's texts; `result()` waits for its vectors (rows in the texts' order)."""

    texts: list[str]
    batches: list[list[int]]
    vectors: np.ndarray | None = None
    error: BaseException | None = None
    done: threading.Event = field(default_factory=threading.Event)

    def result(self) -> np.ndarray:
        self.done.wait()
        if self.error is not None:
            raise self.error
        assert self.vectors is not None
        return self.vectors


def plan_batches(lengths: Sequence[int], batch_size: int, sort: bool) -> list[list[int]]:
    if sort:
        return length_sorted_batches(lengths, batch_size)
    return file_order_batches(len(lengths), batch_size)


Done = Callable[[int], object]  # told each batch's size once it is encoded (progress)


class InlineEncoder:
    """Encodes at submit time, in the calling thread: ingest as it was, for comparison."""

    def __init__(
        self, embedder: Embedder, batch_size: int, sort: bool = True, done: Done | None = None
    ):
        self.embedder, self.batch_size, self.sort = embedder, batch_size, sort
        self.done = done

    def submit(self, texts: list[str], lengths: Sequence[int]) -> EncodeJob:
        job = EncodeJob(texts, plan_batches(lengths, self.batch_size, self.sort))
        job.vectors = encode_batches(self.embedder, texts, job.batches, done=self.done)
        job.done.set()
        return job

    def close(self) -> None:
        return None


class EncoderThread:
    """Encodes submitted windows in a daemon thread, first in first out."""

    def __init__(
        self,
        embedder: Embedder,
        batch_size: int,
        sort: bool = True,
        depth: int = 2,
        done: Done | None = None,
    ):
        """done(n): called from the worker thread after each batch of n texts."""
        self.embedder, self.batch_size, self.sort = embedder, batch_size, sort
        self.done = done
        self._jobs: queue.Queue[EncodeJob | None] = queue.Queue(maxsize=depth)
        self._closing = threading.Event()
        self._thread = threading.Thread(target=self._work, name="ragchat-encode", daemon=True)
        self._thread.start()

    def submit(self, texts: list[str], lengths: Sequence[int]) -> EncodeJob:
        """Queue a window (blocks while `depth` windows already wait)."""
        job = EncodeJob(texts, plan_batches(lengths, self.batch_size, self.sort))
        self._jobs.put(job)
        return job

    def close(self) -> None:
        """Stop after the batch in progress; jobs not finished are dropped unanswered."""
        self._closing.set()
        while True:  # make room for the sentinel even if the worker is busy
            try:
                self._jobs.get_nowait()
            except queue.Empty:
                break
        self._jobs.put(None)
        self._thread.join()

    def _work(self) -> None:
        while (job := self._jobs.get()) is not None:
            try:
                job.vectors = encode_batches(
                    self.embedder, job.texts, job.batches, self._closing.is_set, self.done
                )
                if job.vectors is None:
                    job.error = RuntimeError("encoding stopped: the ingest was closing")
            except BaseException as err:  # handed to the caller, who re-raises it
                job.error = err
            job.done.set()
