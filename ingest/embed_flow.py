"""Files in, committed files out: windows of chunks embedded while the next files load.

Files are gathered into windows of about `window_chunks` chunks. A window embeds only texts
nobody has embedded yet: not those already in the store (their stored vectors are read when
the window is planned), not those an earlier window still has in the encoder (borrowed from
it once it is done), and each distinct text once. Identical chunk texts across files (pages
of one site sharing a paragraph, byte-identical copies) are therefore encoded once.

Windows finish in the order they were planned, and each file is committed in its own
transaction in file order, so stored chunk ids are those of a sequential run and a crash
loses at most the files of the windows in flight.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, Protocol, TypeVar

import numpy as np
from tqdm import tqdm

from ingest.encoder_thread import EncodeJob, EncoderThread, InlineEncoder
from rag.embeddings import Embedder
from rag.schema import Chunk
from rag.store_protocol import VectorStore


class FileChunks(Protocol):
    chunks: list[Chunk]


Item = TypeVar("Item", bound=FileChunks)


@dataclass
class Window(Generic[Item]):
    items: list[Item]
    todo: list[str]  # content hashes this window encodes, in the job's row order
    stored: dict[str, np.ndarray]  # vectors read from the store when planned
    borrowed: dict[str, Window]  # hash -> the earlier window encoding it
    job: EncodeJob
    fresh: dict[str, np.ndarray] = field(default_factory=dict)


@dataclass
class FlowStats:
    chunks: int = 0  # chunks of the files handed in
    encoded: int = 0  # texts sent to the model
    reused: int = 0  # distinct texts whose vector came from the store or another window


class EmbedFlow(Generic[Item]):
    """add() files as they are prepared; finish() commits the rest. Use as a context manager:
    leaving it (also by an exception) stops the encoder."""

    def __init__(
        self,
        store: VectorStore,
        embedder: Embedder,
        commit: Callable[[Item, np.ndarray], None],
        window_chunks: int,
        batch_size: int,
        threaded: bool = True,
        sort: bool = True,
        progress: bool = False,
    ):
        self.store, self.embedder, self._commit = store, embedder, commit
        self.window_chunks = window_chunks
        # The bar moves after each batch of the encoder's, not once a window is committed: a
        # large file is one window of thousands of chunks (8 MB of text: ~16,000, minutes of
        # encoding), and the bar would stand still through all of it.
        self._bar = tqdm(desc="embedded", unit="chunk", disable=not progress)
        cls = EncoderThread if threaded else InlineEncoder
        self.encoder: EncoderThread | InlineEncoder = cls(
            embedder, batch_size, sort, done=self._bar.update
        )
        # One window in the encoder and one waiting: the model never waits for the caller as
        # long as the caller commits a window and plans the next within one window's encode.
        self.max_in_flight = 2 if threaded else 1
        self.stats = FlowStats()
        self._pending: list[Item] = []
        self._pending_chunks = 0
        self._in_flight: deque[Window[Item]] = deque()
        self._encoding: dict[str, Window[Item]] = {}  # hash -> window embedding it

    def __enter__(self) -> EmbedFlow[Item]:
        return self

    def __exit__(self, *exc: object) -> None:
        self.encoder.close()
        self._bar.close()

    def add(self, item: Item) -> None:
        self._pending.append(item)
        self._pending_chunks += len(item.chunks)
        if self._pending_chunks >= self.window_chunks:
            self._submit()

    def finish(self) -> None:
        self._submit()
        while self._in_flight:
            self._commit_oldest()

    def _submit(self) -> None:
        if not self._pending:
            return
        while len(self._in_flight) >= self.max_in_flight:
            self._commit_oldest()
        self._in_flight.append(self._plan(self._pending))
        self._pending, self._pending_chunks = [], 0

    def _plan(self, items: list[Item]) -> Window[Item]:
        texts: dict[str, str] = {}
        for item in items:
            for chunk in item.chunks:
                texts.setdefault(chunk.content_hash, chunk.text)
        borrowed = {h: self._encoding[h] for h in texts if h in self._encoding}
        stored = self.store.vectors_by_hash([h for h in texts if h not in borrowed])
        todo = [h for h in texts if h not in borrowed and h not in stored]
        todo_texts = [texts[h] for h in todo]
        lengths = [self.embedder.count_tokens(t) for t in todo_texts]
        window = Window(items, todo, stored, borrowed, self.encoder.submit(todo_texts, lengths))
        for h in todo:
            self._encoding[h] = window
        self.stats.chunks += sum(len(item.chunks) for item in items)
        self.stats.encoded += len(todo)
        self.stats.reused += len(texts) - len(todo)
        return window

    def _commit_oldest(self) -> None:
        window = self._in_flight.popleft()
        window.fresh = dict(zip(window.todo, window.job.result(), strict=True))
        known = dict(window.stored)
        known.update({h: w.fresh[h] for h, w in window.borrowed.items()})
        known.update(window.fresh)
        for item in window.items:
            vectors = [known[c.content_hash] for c in item.chunks]
            self._commit(item, np.stack(vectors).astype(np.float32))
        for h in window.todo:
            if self._encoding.get(h) is window:
                del self._encoding[h]
        # Later windows borrow only `fresh`; dropping the rest keeps no chain of windows alive.
        window.stored, window.borrowed, window.items = {}, {}, []
