"""`ingest --collection`: files go to their collection, move when ingested into another, stay
where they are on a plain re-run; scoped retrieval over the real embedder never crosses."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import COLLECTION_FILES, copy_index, split_collections

from ingest.pipeline import Ingester
from rag.components import open_store
from rag.retriever import Retriever
from rag.settings import Settings

DOCS = Path(__file__).resolve().parents[2] / "data" / "docs"
QUESTIONS = [
    "How long is the warranty on the panels?",
    "How many days do I have to return an item?",
    "How do I reset my password?",
]


@pytest.fixture(scope="module")
def split(tmp_path_factory, docs_index, embedder):
    _, source = docs_index
    folder = tmp_path_factory.mktemp("collections") / "index"
    copy_index(source.path, folder)
    settings = Settings(store={"path": folder})
    store = open_store(settings, embedder)
    before = store.count()
    split_collections(settings, store, embedder, DOCS)
    yield settings, store, before
    store.close()


def test_files_move_into_their_collection_and_nothing_is_lost(split):
    settings, store, before = split
    found = store.collections()
    assert set(found) == {"default", "returns", "warranty"}
    assert sum(found.values()) == store.count() == before  # moved, not copied
    for name, files in COLLECTION_FILES.items():
        records = [r for r in store.files() if r.collection == name]
        assert sorted(r.source for r in records) == sorted(files)
    store.check_consistency()


def test_a_plain_re_ingest_keeps_each_file_in_its_collection(split, embedder):
    settings, store, _ = split
    summary = Ingester(settings, store, embedder).run([DOCS], prune=False, progress=False)
    assert summary.files_indexed == 0 and summary.files_unchanged > 0
    assert {r.collection for r in store.files() if r.source.startswith("returns/")} == {"returns"}


@pytest.mark.parametrize("question", QUESTIONS)
def test_scoped_retrieval_never_returns_another_collection(split, embedder, question):
    settings, store, _ = split
    retriever = Retriever(store, embedder, settings.retrieval)
    for name, files in COLLECTION_FILES.items():
        hits = retriever.search(
            question, k=8, min_score=-1.0, min_relevance=-1.0, scope=frozenset({name})
        )
        assert hits and {h.source for h in hits} <= set(files)
        assert {h.collection for h in hits} == {name}
    others = retriever.search(
        question, k=20, min_score=-1.0, min_relevance=-1.0, scope=frozenset({"default"})
    )
    assert not {h.source for h in others} & {f for fs in COLLECTION_FILES.values() for f in fs}


def test_unscoped_retrieval_reads_every_collection(split, embedder):
    settings, store, _ = split
    retriever = Retriever(store, embedder, settings.retrieval)
    hits = retriever.search(QUESTIONS[0], k=20, min_score=-1.0, min_relevance=-1.0)
    assert "warranty" in {h.collection for h in hits} and len({h.collection for h in hits}) > 1


def test_a_bad_collection_name_is_refused(tmp_path, embedder):
    settings = Settings(store={"path": tmp_path / "index"})
    store = open_store(settings, embedder)
    try:
        with pytest.raises(ValueError, match="collection '../x'"):
            Ingester(settings, store, embedder).run([DOCS / "faq.md"], collection="../x")
    finally:
        store.close()
