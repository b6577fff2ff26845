"""store.index: ivf removes in place (no rebuild), keeps chunk ids, searches flat while small."""

from __future__ import annotations

import numpy as np
import pytest
from test_faiss_index import DIM, put, unit

from rag.components import faiss_index_choice
from rag.faiss_index import IVF_MIN_VECTORS, IndexChoice, ivf_lists, kind_of, stored_ids
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FaissStore, FileRecord

IVF = IndexChoice("ivf")


def big_store(tmp_path, choice: IndexChoice = IVF) -> tuple[FaissStore, np.ndarray]:
    store = FaissStore(tmp_path, "m", DIM, index=choice)
    vectors = unit(IVF_MIN_VECTORS + 200, seed=1)
    put(store, "a", vectors)
    store.flush()
    return store, vectors


def test_ivf_past_its_minimum_finds_the_stored_vectors(tmp_path):
    store = FaissStore(tmp_path, "m", DIM, index=IVF)
    put(store, "small", unit(50, seed=5))
    store.flush()
    assert kind_of(store.index) == "flat"  # too few vectors to train clusters on
    vectors = unit(IVF_MIN_VECTORS, seed=1)
    put(store, "a", vectors)
    store.flush()  # past the minimum: the flush trains IVF on the stored vectors
    assert kind_of(store.index) == "ivf" and store.index.nlist == ivf_lists(store.count())
    store.check_consistency()
    for row in (0, 500, IVF_MIN_VECTORS - 1):
        (best, score), *_ = store.search(vectors[row], 3)
        assert store.get_chunks([best])[best][0].text == f"a {row}"
        assert score == pytest.approx(1.0, abs=1e-5)


def test_auto_turns_ivf_past_its_threshold_and_flat_again_under_it(tmp_path):
    auto = IndexChoice("auto", auto_above=IVF_MIN_VECTORS)
    store = FaissStore(tmp_path, "m", DIM, index=auto)
    put(store, "a", unit(IVF_MIN_VECTORS, seed=1))
    store.flush()
    assert kind_of(store.index) == "flat"
    put(store, "b", unit(10, seed=2))
    store.flush()
    assert kind_of(store.index) == "ivf"
    store.check_consistency()
    store.remove_file("/b.txt")
    store.flush()
    assert kind_of(store.index) == "flat"
    store.check_consistency()


def test_a_replaced_file_is_removed_in_place_and_survives_a_reopen(tmp_path):
    store, _ = big_store(tmp_path)
    put(store, "b", unit(30, seed=2))
    index = store.index
    new = unit(10, seed=3)
    put(store, "b", new)  # b's 30 chunks removed from the lists, no rebuild
    assert store.index is index and not store._rebuild
    store.check_consistency()
    (best, _), *_ = store.search(new[4], 1)
    assert store.get_chunks([best])[best][0].text == "b 4"
    store.flush()
    store.close()
    again = FaissStore(tmp_path, "m", DIM, index=IVF)
    assert kind_of(again.index) == "ivf" and again.index.nprobe == IVF.ivf_nprobe
    again.check_consistency()
    assert sorted(stored_ids(again.index)) == sorted(
        r[0] for r in again.db.execute("SELECT id FROM chunks")
    )


def test_another_process_removal_is_applied_in_place(tmp_path):
    writer, _ = big_store(tmp_path)
    reader = FaissStore(tmp_path, "m", DIM, index=IVF)
    index = reader.index
    put(writer, "b", unit(20, seed=2))
    writer.remove_file("/a.txt")
    assert reader.sync()
    assert reader.index is index and reader.index.ntotal == 20
    reader.check_consistency()


def test_a_small_collection_gets_its_exact_neighbours(tmp_path):
    store, vectors = big_store(tmp_path, IndexChoice("ivf", ivf_nprobe=1))
    few = unit(5, seed=9)
    chunks = [Chunk(f"faq {i}", "faq.txt", "/faq.txt", i, f"faq-{i}") for i in range(5)]
    store.replace_file(FileRecord("/faq.txt", "faq.txt", "x", 1, 0.0, 5, "", "faq"), chunks, few)
    # One probed list would miss most of them: a small scope scans every list.
    found = store.search(vectors[0], 5, frozenset({"faq"}))
    assert len(found) == 5
    assert {store.get_chunks([i])[i][0].collection for i, _ in found} == {"faq"}


def test_settings_reach_the_ivf_index(tmp_path):
    settings = Settings(
        embedding={"mode": "fake"},
        store={"path": tmp_path, "index": "ivf", "ivf_nlist": 20, "ivf_nprobe": 5},
    )
    store, _ = big_store(tmp_path, faiss_index_choice(settings))
    assert (store.index.nlist, store.index.nprobe) == (20, 5)
    store.close()
    again = FaissStore(tmp_path, "m", DIM, index=IndexChoice("ivf", ivf_nlist=25))
    assert again.index.nlist == 25  # other clusters: trained again at open
    again.check_consistency()


def test_clusters_are_trained_again_when_the_store_outgrows_them():
    index = IVF.build(DIM, np.arange(1200, dtype=np.int64), unit(1200))
    assert IVF.fits(index)
    index.add_with_ids(unit(20000, seed=4), np.arange(1200, 21200, dtype=np.int64))
    assert ivf_lists(index.ntotal) >= 4 * index.nlist and not IVF.fits(index)
