"""store.index: flat or HNSW behind the same ids, rebuilt from stored vectors, never re-embedded."""

from __future__ import annotations

import faiss
import numpy as np
import pytest
from pydantic import ValidationError

from rag.components import faiss_index_choice, open_store
from rag.faiss_index import IndexChoice, kind_of
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FaissStore, FileRecord

DIM = 16
HNSW = IndexChoice("hnsw")


def unit(n: int, dim: int = DIM, seed: int = 0) -> np.ndarray:
    x = np.random.default_rng(seed).standard_normal((n, dim)).astype(np.float32)
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def put(store: FaissStore, name: str, vectors: np.ndarray) -> None:
    path = f"/{name}.txt"
    chunks = [
        Chunk(f"{name} {i}", f"{name}.txt", path, i, f"{name}-{i}") for i in range(len(vectors))
    ]
    store.replace_file(
        FileRecord(path, f"{name}.txt", "x", 1, 0.0, len(chunks), ""), chunks, vectors
    )


def test_hnsw_search_finds_the_stored_vectors(tmp_path):
    store = FaissStore(tmp_path, "m", DIM, index=HNSW)
    vectors = unit(300)
    put(store, "a", vectors)
    assert kind_of(store.index) == "hnsw"
    for row in (0, 150, 299):
        (best, score), *_ = store.search(vectors[row], 5)
        assert store.get_chunks([best])[best][0].text == f"a {row}"
        assert score == pytest.approx(1.0, abs=1e-5)


def test_replace_and_remove_keep_ids_equal_to_the_docstore(tmp_path):
    store = FaissStore(tmp_path, "m", DIM, index=HNSW)
    put(store, "a", unit(50, seed=1))
    put(store, "b", unit(40, seed=2))
    new = unit(20, seed=3)
    put(store, "a", new)  # replaces a's 50 chunks: HNSW cannot remove, so it is rebuilt
    (best, _), *_ = store.search(new[7], 1)
    assert store.get_chunks([best])[best][0].text == "a 7"
    store.check_consistency()
    assert store.index.ntotal == 60 and kind_of(store.index) == "hnsw"
    store.remove_file("/b.txt")
    store.check_consistency()
    assert store.index.ntotal == 20
    store.flush()
    again = FaissStore(tmp_path, "m", DIM, index=HNSW)
    again.check_consistency()
    assert kind_of(again.index) == "hnsw"


def test_another_process_removal_rebuilds_the_hnsw_index(tmp_path):
    reader = FaissStore(tmp_path, "m", DIM, index=HNSW)
    writer = FaissStore(tmp_path, "m", DIM, index=HNSW)
    put(writer, "a", unit(30, seed=1))
    put(writer, "b", unit(30, seed=2))
    assert reader.search(unit(1)[0], 3)
    writer.remove_file("/a.txt")
    assert reader.sync()
    reader.check_consistency()
    assert reader.index.ntotal == 30 and kind_of(reader.index) == "hnsw"


def test_switching_kind_rebuilds_from_stored_vectors(tmp_path, monkeypatch):
    store = FaissStore(tmp_path, "m", DIM, index=IndexChoice("flat"))
    vectors = unit(100)
    put(store, "a", vectors)
    store.flush()
    store.close()
    # Nothing is embedded at open: the rebuild reads the vectors SQLite holds.
    for kind in ("hnsw", "flat", "hnsw"):
        again = FaissStore(tmp_path, "m", DIM, index=IndexChoice(kind))
        assert kind_of(again.index) == kind
        again.check_consistency()
        (best, score), *_ = again.search(vectors[42], 1)
        assert again.get_chunks([best])[best][0].text == "a 42"
        files = list(tmp_path.glob("vectors-*.faiss"))
        assert len(files) == 1 and kind_of(faiss.read_index(str(files[0]))) == kind
        again.close()


def test_open_store_never_embeds_when_the_kind_changes(tmp_path):
    settings = Settings(embedding={"mode": "fake"}, store={"path": tmp_path, "index": "flat"})

    class NoEmbedder:
        name, dim = "fake", DIM

        def encode(self, texts):
            raise AssertionError("a rebuild must not embed")

    store = FaissStore(tmp_path, "fake", DIM, index=faiss_index_choice(settings))
    put(store, "a", unit(40))
    store.flush()
    store.close()
    settings.store.index = "hnsw"
    again = open_store(settings, NoEmbedder())
    assert kind_of(again.index) == "hnsw" and again.index.ntotal == 40


def test_auto_picks_by_size(tmp_path):
    auto = IndexChoice("auto", auto_above=50, auto_index="hnsw")
    store = FaissStore(tmp_path, "m", DIM, index=auto)
    put(store, "a", unit(50, seed=1))
    store.flush()
    assert kind_of(store.index) == "flat"  # 50 is not above 50
    put(store, "b", unit(10, seed=2))
    store.flush()  # past the threshold: the flush builds HNSW and writes it
    assert kind_of(store.index) == "hnsw"
    store.check_consistency()
    store.remove_file("/b.txt")
    store.flush()  # back under it: flat again
    assert kind_of(store.index) == "flat"
    store.check_consistency()
    assert auto.kind_for(0) == "flat" and auto.kind_for(51) == "hnsw"


def test_settings_reach_the_store(tmp_path):
    settings = Settings(
        embedding={"mode": "fake"},
        store={"path": tmp_path, "index": "hnsw", "hnsw_m": 8, "hnsw_ef_construction": 40,
               "faiss_ef_search": 77, "auto_above": 9, "auto_index": "hnsw"},
    )  # fmt: skip
    assert faiss_index_choice(settings) == IndexChoice("hnsw", 8, 40, 77, 9, "hnsw")
    store = FaissStore(tmp_path, "m", DIM, index=faiss_index_choice(settings))
    put(store, "a", unit(20))
    graph = faiss.downcast_index(store.index.index).hnsw
    assert (graph.nb_neighbors(1), graph.efConstruction, graph.efSearch) == (8, 40, 77)
    store.flush()
    store.close()
    # A different M makes a different graph: rebuilt at open.
    again = FaissStore(tmp_path, "m", DIM, index=IndexChoice("hnsw", hnsw_m=12))
    assert faiss.downcast_index(again.index.index).hnsw.nb_neighbors(1) == 12


def test_unset_graph_setting_takes_faiss_own_default(tmp_path):
    """hnsw_m and hnsw_ef_construction unset are 32 and 200 on FAISS (pgvector keeps its 16
    and 64: tests/rag/test_pgvector_first_load.py)."""
    settings = Settings(embedding={"mode": "fake"}, store={"path": tmp_path, "index": "hnsw"})
    store = FaissStore(tmp_path, "m", DIM, index=faiss_index_choice(settings))
    put(store, "a", unit(20))
    graph = faiss.downcast_index(store.index.index).hnsw
    assert (graph.nb_neighbors(1), graph.efConstruction) == (32, 200)
    store.close()


def test_unknown_index_fails_naming_the_setting():
    with pytest.raises(ValidationError, match=r"store\.index"):
        Settings(store={"index": "annoy"})
    with pytest.raises(ValueError, match=r"store\.index.*'annoy'"):
        IndexChoice("annoy").kind_for(10)
    with pytest.raises(ValidationError, match=r"store\.auto_index"):
        Settings(store={"auto_index": "flat"})
    with pytest.raises(ValueError, match=r"store\.auto_index.*'auto'"):
        IndexChoice("auto", auto_index="auto").kind_for(10)


def test_auto_is_the_default_and_reads_the_threshold_by_its_first_name(monkeypatch):
    choice = faiss_index_choice(Settings())
    assert (choice.index, choice.auto_above, choice.auto_index) == ("auto", 10_000, "ivf")
    assert choice.kind_for(10_000) == "flat" and choice.kind_for(10_001) == "ivf"
    assert faiss_index_choice(Settings(store={"auto_hnsw_above": 9})).auto_above == 9
    monkeypatch.setenv("RAGCHAT_STORE__AUTO_HNSW_ABOVE", "7")
    assert faiss_index_choice(Settings()).auto_above == 7


def test_auto_stays_flat_where_the_gpu_copy_searches(monkeypatch):
    """The GPU copy holds a flat index only: auto keeps it flat there, at any size."""
    monkeypatch.setattr("rag.components.gpu_count", lambda: 1)
    assert faiss_index_choice(Settings()).kind_for(10**6) == "flat"
    assert faiss_index_choice(Settings(store={"use_gpu": False})).kind_for(10**6) == "ivf"
    assert faiss_index_choice(Settings(store={"index": "hnsw"})).kind_for(10**6) == "hnsw"


def test_hnsw_searches_on_the_cpu_even_with_a_gpu(tmp_path):
    """rag.faiss_gpu copies only a flat index: with HNSW the search stays on the CPU."""

    class NoGpu:
        def invalidate(self) -> None:
            pass

        def search(self, *args):
            raise AssertionError("HNSW must not be copied to the GPU")

    store = FaissStore(tmp_path, "m", DIM, index=HNSW)
    store._gpu = NoGpu()
    vectors = unit(30)
    put(store, "a", vectors)
    assert store.device == "cpu"
    assert store.search(vectors[3], 1)[0][1] == pytest.approx(1.0, abs=1e-5)


def test_hnsw_recall_at_10_with_the_default_parameters():
    """Unstructured random vectors are HNSW's hardest case; real embeddings do better."""
    dim, n = 384, 3000
    data, queries = unit(n, dim, seed=0), unit(100, dim, seed=1)
    ids = np.arange(n, dtype=np.int64)
    flat = IndexChoice("flat").build(dim, ids, data)
    hnsw = IndexChoice("hnsw").build(dim, ids, data)  # default M, efConstruction, efSearch
    _, exact = flat.search(queries, 10)
    _, approx = hnsw.search(queries, 10)
    recall = np.mean([len(set(a) & set(b)) / 10 for a, b in zip(exact, approx, strict=True)])
    assert recall >= 0.98
