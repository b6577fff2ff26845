"""Embedding beside loading: the worker thread, length-sorted batches and once-only texts."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import numpy as np
import pytest

import ingest.reader_process as reader_process
from ingest.batching import encode_batches, length_sorted_batches, padded_tokens
from ingest.pipeline import Ingester, IngestSummary
from rag.embeddings import FakeEmbedder
from rag.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "data" / "docs"


class Recording:
    """Wraps an embedder: every text it was asked to encode, and every call's size."""

    def __init__(self, inner, delay: float = 0.0, fail_on: str | None = None):
        self.inner, self.delay, self.fail_on = inner, delay, fail_on
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.tokenizer = getattr(inner, "tokenizer", None)
        self.texts: list[str] = []
        self.calls: list[int] = []
        self.threads: set[str] = set()

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        self.threads.add(threading.current_thread().name)
        if self.fail_on and any(self.fail_on in t for t in texts):
            raise RuntimeError("model failed")
        time.sleep(self.delay)  # slow enough that several windows are in flight at once
        self.texts.extend(texts)
        self.calls.append(len(texts))
        return self.inner.encode(texts)


def stored(store) -> list[tuple[int, str, str, int, np.ndarray]]:
    rows = store.get_chunks(list(range(1, store.count() * 4 + 10)))
    return sorted((i, c.source, c.text, c.chunk_index, v) for i, (c, v) in rows.items())


def ingest(tmp: Path, name: str, embedder, docs: Path, **flow) -> tuple[list, IngestSummary]:
    from rag.components import open_store

    settings = Settings(store={"path": tmp / name})
    store = open_store(settings, embedder)
    try:
        ingester = Ingester(settings, store, embedder)
        for key, value in flow.items():
            setattr(ingester, key, value)
        summary = ingester.run([docs], progress=False)
        store.check_consistency()
        return stored(store), summary
    finally:
        store.close()


def test_threaded_ingest_stores_what_a_sequential_one_does(tmp_path, embedder):
    docs = tmp_path / "docs"
    for sub in ("help", "returns", "warranty"):
        shutil.copytree(DOCS / sub, docs / sub)
    recording = Recording(embedder)
    before, _ = ingest(
        tmp_path, "seq", embedder, docs, threaded=False, sort_batches=False, window_chunks=128
    )
    after, _ = ingest(tmp_path, "threaded", recording, docs, window_chunks=16, process_min_files=0)
    assert recording.threads == {"ragchat-encode"}  # the model ran beside the loading
    # Files read in a child process are chunked exactly as in this one.
    assert [r[:4] for r in after] == [r[:4] for r in before]  # same ids, order and texts
    cosines = [float(np.dot(a[4], b[4])) for a, b in zip(after, before, strict=True)]
    assert min(cosines) > 0.99999


def test_a_file_that_breaks_its_parser_is_reported_and_the_rest_go_on(tmp_path, monkeypatch):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(6):
        (docs / f"page{n}.md").write_text(f"# Page {n}\n\nParagraph {n} about tents.\n")
    real = reader_process.load_file

    def flaky(path, **kw):
        if path.name == "page3.md":
            raise ValueError("unexpected end of table")
        return real(path, **kw)

    monkeypatch.setattr(reader_process, "load_file", flaky)  # read in this process: 6 files
    monkeypatch.setenv("RAGCHAT_INGEST__FILE_TIMEOUT_S", "0")  # in-process: the patch applies
    rows, summary = ingest(tmp_path, "index", FakeEmbedder(), docs, window_chunks=2)
    [skipped] = summary.skipped
    assert skipped.path.endswith("page3.md")
    assert skipped.reason == "could not be read: ValueError: unexpected end of table"
    assert sorted(r[1] for r in rows) == [f"page{n}.md" for n in (0, 1, 2, 4, 5)]


def test_a_file_no_loader_can_read_is_skipped_in_the_child_process(tmp_path, embedder):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "broken.pdf").write_bytes(b"%PDF-1.4 not really")
    (docs / "fine.md").write_text("# Fine\n\nThe stove weighs 2 kg.\n")
    rows, summary = ingest(tmp_path, "index", Recording(embedder), docs, process_min_files=0)
    assert [r[1] for r in rows] == ["fine.md"]
    assert [s.path for s in summary.skipped] == [str(docs / "broken.pdf")]


def test_a_failing_model_stops_the_run_with_its_error(tmp_path, settings, make_store):
    docs = tmp_path / "docs"
    docs.mkdir()
    for n in range(8):
        (docs / f"page{n}.md").write_text(f"Paragraph {n} about stoves.\n")
    store = make_store()
    ingester = Ingester(settings, store, Recording(FakeEmbedder(), fail_on="Paragraph 5"))
    ingester.window_chunks = 1
    with pytest.raises(RuntimeError, match="model failed"):
        ingester.run([docs], progress=False)
    # Files before the failing window were committed; the index is consistent.
    assert 1 <= store.count() <= 5
    store.check_consistency()


def test_length_sorted_batches_restore_the_original_order():
    texts = [("word " * n).strip() for n in (3, 40, 1, 17, 40, 8, 25, 2, 9)]
    fake = FakeEmbedder()
    lengths = [fake.count_tokens(t) for t in texts]
    batches = length_sorted_batches(lengths, 4)
    assert sorted(i for b in batches for i in b) == list(range(len(texts)))
    assert batches[0] == [1, 4, 6, 3]  # longest first, ties by position: deterministic
    recording = Recording(fake)
    vectors = encode_batches(recording, texts, batches)
    assert recording.calls == [4, 4, 1]
    np.testing.assert_array_equal(vectors, fake.encode(texts))
    in_order = [list(range(i, min(i + 4, len(texts)))) for i in range(0, len(texts), 4)]
    assert padded_tokens(lengths, batches) < padded_tokens(lengths, in_order)


def test_identical_texts_are_encoded_once_across_files_and_windows(tmp_path):
    docs = tmp_path / "site"
    docs.mkdir()
    footer = "Questions? Our support team answers every day from 8 to 20."
    for n in range(10):
        (docs / f"page{n}.md").write_text(f"Page {n} explains step {n}.\n\n{footer}\n")
    (docs / "copy.md").write_text((docs / "page0.md").read_text())
    recording = Recording(FakeEmbedder(), delay=0.02)
    # 16-token chunks put the footer (13 tokens) in a chunk of its own; one file per window
    # with two windows in flight: the footer is asked for while another window is encoding it.
    chunking = {"chunk_tokens": 16, "overlap_tokens": 0}
    settings = Settings(store={"path": tmp_path / "index"}, chunking=chunking)
    from rag.components import open_store

    store = open_store(settings, recording)
    try:
        ingester = Ingester(settings, store, recording)
        ingester.window_chunks = 1
        ingester.run([docs], progress=False)
        chunks = [c for c, _ in store.get_chunks(list(range(1, 200))).values()]
        chunker_texts = len(chunks)
        distinct = {c.text for c in chunks}
        assert sorted(recording.texts) == sorted(distinct)  # each distinct text once
        assert chunker_texts > len(distinct)
        stats = ingester.flow_stats
        assert (stats.chunks, stats.encoded) == (chunker_texts, len(distinct))
        store.check_consistency()
    finally:
        store.close()
