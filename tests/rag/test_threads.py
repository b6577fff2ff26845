"""embedding.threads reaches torch, retrieval.threads reaches FAISS in the searching thread."""

from __future__ import annotations

import threading

import faiss
import pytest
import torch

from rag.components import build_embedder, open_store
from rag.schema import Chunk
from rag.settings import EmbeddingSettings, Settings
from rag.store import FileRecord
from rag.threads import faiss_threads, set_torch_threads


@pytest.fixture(autouse=True)
def keep_threads():
    torch_before, faiss_before = torch.get_num_threads(), faiss.omp_get_max_threads()
    yield
    torch.set_num_threads(torch_before)
    faiss.omp_set_num_threads(faiss_before)


def test_settings_read_threads_from_the_environment(monkeypatch):
    monkeypatch.setenv("RAGCHAT_EMBEDDING__THREADS", "2")
    monkeypatch.setenv("RAGCHAT_RETRIEVAL__THREADS", "3")
    settings = Settings()
    assert (settings.embedding.threads, settings.retrieval.threads) == (2, 3)
    assert Settings.model_fields["embedding"].default_factory().threads == 0


def test_embedder_sets_torch_threads_for_the_process():
    torch.set_num_threads(2)
    embedder = build_embedder(EmbeddingSettings(device="cpu"))  # threads 0: the measured 1
    assert embedder.threads == 1 and torch.get_num_threads() == 1
    seen = []
    worker = threading.Thread(target=lambda: seen.append(torch.get_num_threads()))
    worker.start()
    worker.join()
    assert seen == [1]  # a thread started later (a page session, an API worker) has it too
    assert embedder.encode(["how much is shipping?"]).shape == (1, embedder.dim)
    assert set_torch_threads(2) == 2 and torch.get_num_threads() == 2


def test_faiss_threads_are_set_around_the_call_and_restored():
    faiss.omp_set_num_threads(2)
    with faiss_threads(1):
        assert faiss.omp_get_max_threads() == 1
    assert faiss.omp_get_max_threads() == 2


class _Recording:
    """Wraps a FAISS index and records the OpenMP thread count each search ran with."""

    def __init__(self, index):
        self.index, self.seen = index, []

    def search(self, query, k):
        self.seen.append(faiss.omp_get_max_threads())
        return self.index.search(query, k)

    def __getattr__(self, name):
        return getattr(self.index, name)


@pytest.mark.parametrize("setting, expected", [(0, 1), (2, 2)])
def test_retrieval_threads_reach_faiss_in_the_searching_thread(tmp_path, setting, expected):
    settings = Settings(
        embedding={"mode": "fake"}, store={"path": tmp_path}, retrieval={"threads": setting}
    )
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder)
    vectors = embedder.encode(["alpha beta", "gamma delta"])
    chunks = [Chunk(t, "a.txt", "/a.txt", i, f"h{i}") for i, t in enumerate(["ab", "gd"])]
    store.replace_file(FileRecord("/a.txt", "a.txt", "x", 1, 0.0, 2, ""), chunks, vectors)
    store.index = recording = _Recording(store.index)
    faiss.omp_set_num_threads(3)
    worker = threading.Thread(target=store.search, args=(vectors[0], 2))
    worker.start()
    worker.join()
    assert store.search(vectors[1], 2)[0][0] == 2
    assert recording.seen == [expected, expected]
    assert faiss.omp_get_max_threads() == 3  # restored in the caller's thread
    store.close()
