"""FaissStore only: the FAISS file as a cache rebuilt from the docstore, manifest.json, GPU
search. The contract both back ends keep is tested over both in test_store.py."""

from __future__ import annotations

import numpy as np
import pytest

from rag.components import open_store
from rag.faiss_gpu import gpu_count
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FaissStore, FileRecord


class Dim8:
    name, dim = "m", 8


def chunk(i: int, text: str) -> Chunk:
    return Chunk(text=text, source="f.txt", path="/f.txt", chunk_index=i, content_hash=f"h{i}")


def fill(store: FaissStore, texts: list[str]) -> np.ndarray:
    rng = np.random.default_rng(0)
    vectors = rng.normal(size=(len(texts), store.dim)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    record = FileRecord("/f.txt", "f.txt", "abc", 1, 1.0, len(texts), "")
    store.replace_file(record, [chunk(i, t) for i, t in enumerate(texts)], vectors)
    store.flush()
    return vectors


def test_missing_faiss_file_is_rebuilt_from_docstore(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["alpha", "beta"])
    store.close()
    for file in tmp_path.glob("vectors-*.faiss"):
        file.unlink()
    again = FaissStore(tmp_path, "m", 8)
    assert again.index.ntotal == 2
    again.check_consistency()


def test_flush_writes_the_manifest_file(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["alpha"])
    assert (tmp_path / "manifest.json").exists() and len(list(tmp_path.glob("*.faiss"))) == 1


# store.use_gpu: search a GPU copy of the index where faiss-gpu finds a device, else the CPU.
needs_faiss_gpu = pytest.mark.skipif(gpu_count() == 0, reason="faiss-gpu with a CUDA device")


def test_open_store_passes_the_setting(tmp_path):
    settings = Settings(store={"path": tmp_path / "index", "use_gpu": False})
    store = open_store(settings, Dim8())
    assert store.device == "cpu" and store._gpu is None
    store.close()


@pytest.mark.skipif(gpu_count() > 0, reason="checks the fallback of a machine without a GPU")
def test_use_gpu_without_a_device_searches_on_the_cpu(tmp_path):
    store = FaissStore(tmp_path, "m", 8, use_gpu=True)
    vectors = fill(store, ["alpha", "beta"])
    assert store.device == "cpu"
    assert store.search(vectors[0], 1)[0][1] == pytest.approx(1.0, abs=1e-5)


@pytest.mark.gpu
@needs_faiss_gpu
def test_gpu_search_matches_the_cpu_after_changes(tmp_path):
    cpu = FaissStore(tmp_path / "cpu", "m", 8)
    gpu = FaissStore(tmp_path / "gpu", "m", 8, use_gpu=True)
    assert gpu.device == "cuda"
    texts = [f"chunk {i}" for i in range(50)]
    for store in (cpu, gpu):
        vectors = fill(store, texts)
        fill(store, texts[:20])  # replaces the file: ids removed and added, the copy rebuilt
    query = vectors[3]
    assert [i for i, _ in gpu.search(query, 5)] == [i for i, _ in cpu.search(query, 5)]
    # The file on disk is the CPU format: a CPU-only process opens it as it is.
    gpu.close()
    again = FaissStore(tmp_path / "gpu", "m", 8)
    assert again.index.ntotal == 20
    np.testing.assert_allclose(
        [s for _, s in again.search(query, 5)], [s for _, s in cpu.search(query, 5)], rtol=1e-5
    )
