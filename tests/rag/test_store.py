"""FaissStore: manifest checks, rebuild from the docstore, keyword search."""

from __future__ import annotations

import numpy as np
import pytest

from rag.schema import Chunk
from rag.store import FaissStore, FileRecord, StoreMismatchError


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


def test_other_embedding_model_is_refused(tmp_path):
    FaissStore(tmp_path, "model-a", 8).close()
    with pytest.raises(StoreMismatchError, match="model-a.*8-d.*model-b.*16-d"):
        FaissStore(tmp_path, "model-b", 16)


def test_search_finds_the_stored_vector(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    vectors = fill(store, ["alpha", "beta", "gamma"])
    (best_id, score), *_ = store.search(vectors[1], 3)
    chunk_, _ = store.get_chunks([best_id])[best_id]
    assert chunk_.text == "beta" and score == pytest.approx(1.0, abs=1e-5)


def test_missing_faiss_file_is_rebuilt_from_docstore(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["alpha", "beta"])
    store.close()
    for file in tmp_path.glob("vectors-*.faiss"):
        file.unlink()
    again = FaissStore(tmp_path, "m", 8)
    assert again.index.ntotal == 2
    again.check_consistency()


def test_keyword_search_ranks_rare_words(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["the restocking fee is 15 percent", "shipping is free", "the the the"])
    ids = [i for i, _ in store.keyword_search("restocking fee?", 5)]
    chunk_, _ = store.get_chunks(ids[:1])[ids[0]]
    assert "restocking" in chunk_.text
    assert store.keyword_search("   ", 5) == []


def test_manifest_lists_files_and_model(tmp_path):
    store = FaissStore(tmp_path, "m", 8)
    fill(store, ["alpha"])
    manifest = store.manifest()
    assert manifest["meta"]["embedding_model"] == "m" and manifest["files"] == {"f.txt": "abc"}
    assert (tmp_path / "manifest.json").exists()
