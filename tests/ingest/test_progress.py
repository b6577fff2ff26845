"""The ingest progress bars move for every file, and within a large one while it is embedded."""

from __future__ import annotations

import math
import sys
from pathlib import Path

import numpy as np
import pytest

import ingest.embed_flow
import ingest.pipeline
from ingest.encoder_thread import EncoderThread, InlineEncoder
from ingest.pipeline import Ingester
from rag.components import open_store
from rag.embeddings import FakeEmbedder
from rag.settings import Settings

sys.path.insert(0, str(Path(__file__).parent))  # the corpus generator beside this file

import hostile_corpus as corpus  # noqa: E402


class Bar:
    """Records what a tqdm bar is told, and when (in one event list for all bars)."""

    def __init__(self, iterable=None, desc: str = "", events: list | None = None, **_) -> None:
        self.iterable, self.desc, self.events = iterable, desc, events

    def __iter__(self):
        for item in self.iterable:
            yield item
            self.events.append((self.desc, 1))

    def update(self, n: int = 1) -> None:
        self.events.append((self.desc, n))

    def set_postfix_str(self, text: str, refresh: bool = True) -> None:
        self.events.append((self.desc, text))

    def close(self) -> None:
        pass


@pytest.mark.parametrize("encoder", [EncoderThread, InlineEncoder])
def test_the_encoder_reports_each_batch(encoder) -> None:
    done: list[int] = []
    worker = encoder(FakeEmbedder(), 32, done=done.append)
    try:
        vectors = worker.submit([f"text {i}" for i in range(70)], [2] * 70).result()
    finally:
        worker.close()
    assert vectors.shape == (70, 384) and done == [32, 32, 6]


def test_bars_move_for_each_file_and_within_a_large_one(tmp_path, monkeypatch) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a-small.txt").write_text("A small file about warranty claims.\n")
    (docs / "b-large.txt").write_bytes(corpus.single_line_text(200_000))  # ~300 chunks
    (docs / "c-small.md").write_text("# Returns\n\nReturns are free within 30 days.\n")
    events: list = []
    for module in (ingest.pipeline, ingest.embed_flow):
        monkeypatch.setattr(module, "tqdm", lambda *a, **k: Bar(*a, events=events, **k))
    settings = Settings(store={"path": tmp_path / "index"}, ingest={"file_timeout_s": 0})
    store = open_store(settings, FakeEmbedder())
    ingester = Ingester(settings, store, FakeEmbedder())
    commit = ingester._commit

    def record_commit(item, vectors: np.ndarray, summary) -> None:
        events.append(("commit", Path(item.record.path).name))
        commit(item, vectors, summary)

    monkeypatch.setattr(ingester, "_commit", record_commit)
    try:
        summary = ingester.run([docs], progress=True)
    finally:
        store.close()
    names = ["a-small.txt", "b-large.txt", "c-small.md"]
    assert [e[1] for e in events if e[0] == "files" and isinstance(e[1], str)] == names
    assert [e[1] for e in events if e[0] == "files" and e[1] == 1] == [1, 1, 1]
    embedded = [e[1] for e in events if e[0] == "embedded"]
    assert sum(embedded) == summary.chunks_added  # every chunk text is distinct here
    # The three files are one window; its batches of 32 each move the bar before any commit.
    assert len(embedded) == math.ceil(summary.chunks_added / 32) > 5
    first_commit = next(i for i, e in enumerate(events) if e[0] == "commit")
    assert sum(1 for e in events[:first_commit] if e[0] == "embedded") == len(embedded)
