"""store.keyword_index: memory gives FTS5's BM25 results from postings held in memory, follows
writes, and keeps to a collection scope."""

from __future__ import annotations

import json

import numpy as np
import pytest
from conftest import ROOT
from pydantic import ValidationError

from rag.keyword_reader import KeywordReader
from rag.schema import Chunk
from rag.settings import Settings
from rag.store import FaissStore, FileRecord

QUESTIONS = [
    json.loads(line)["question"]
    for name in ("questions.jsonl", "paraphrased.jsonl")
    for line in (ROOT / "data" / "eval" / name).read_text().splitlines()
]
DIM = 4


def ranked(results: list[tuple[int, float]]) -> list[tuple[float, set[int]]]:
    """Scores best first, each with the ids holding it: tied rows may come in any order."""
    groups: dict[float, set[int]] = {}
    for chunk_id, score in results:
        groups.setdefault(round(score, 9), set()).add(chunk_id)
    return sorted(groups.items(), reverse=True)


def same_results(memory, fts5) -> bool:
    """Equal scores and ids; the last score's ties may be cut at another row by each side."""
    a, b = ranked(memory), ranked(fts5)
    return len(memory) == len(fts5) and a[:-1] == b[:-1] and (not a or a[-1][0] == b[-1][0])


@pytest.fixture(scope="module")
def readers(docs_index):
    settings, store = docs_index
    db = settings.resolve(settings.store.path) / "docstore.sqlite"
    memory, fts5 = KeywordReader(db, "memory"), KeywordReader(db, "fts5")
    assert memory.wait_for_memory_index() and not fts5.in_memory
    yield memory, fts5
    memory.close(), fts5.close()


def test_the_eval_questions_get_fts5s_results(readers):
    memory, fts5 = readers
    assert memory._index is not None and len(memory._index.ids) > 100
    for question in QUESTIONS:
        assert same_results(memory.search(question, 20), fts5.search(question, 20)), question


def test_words_of_several_tokens_and_stop_words_only(readers):
    memory, fts5 = readers
    for question in ("Is my e-mail address shared?", "what is it", "zzzunknownword", ""):
        assert same_results(memory.search(question, 8), fts5.search(question, 8)), question


def store_with(tmp_path, files: dict[str, tuple[str, list[str]]]) -> FaissStore:
    store = FaissStore(tmp_path, "m", DIM)
    for path, (collection, texts) in files.items():
        add(store, path, collection, texts)
    return store


def add(store: FaissStore, path: str, collection: str, texts: list[str]) -> None:
    chunks = [Chunk(t, path, path, i, f"{path}-{i}") for i, t in enumerate(texts)]
    record = FileRecord(path, path, path, 1, 1.0, len(texts), "", collection)
    store.replace_file(record, chunks, np.ones((len(texts), DIM), dtype=np.float32))


def test_a_write_is_searched_at_once_and_the_postings_follow(tmp_path):
    store = store_with(tmp_path, {"a.txt": ("default", ["lantern refund", "tent poles"])})
    reader = store._keywords
    assert reader.wait_for_memory_index()
    before = reader._index
    add(store, "b.txt", "default", ["a lantern with a glowing lantern mantle"])
    # The first search after the write: FTS5 answers while the postings are rebuilt.
    assert len(store.keyword_search("lantern mantle", 5)) == 2
    assert reader.wait_for_memory_index() and reader._index is not before
    found = store.keyword_search("mantle", 5)
    assert [store.get_chunks([i])[i][0].source for i, _ in found] == ["b.txt"]
    store.remove_file("a.txt")
    assert reader.wait_for_memory_index()
    assert [i for i, _ in store.keyword_search("refund", 5)] == []
    store.close()


def test_a_scope_keeps_to_its_collections(tmp_path):
    store = store_with(
        tmp_path,
        {"a.txt": ("faq", ["refund for a lantern"]), "b.txt": ("manuals", ["lantern refund"])},
    )
    db = tmp_path / "docstore.sqlite"
    memory, fts5 = KeywordReader(db, "memory"), KeywordReader(db, "fts5")
    assert memory.wait_for_memory_index()
    expected = {frozenset({"faq"}): 1, frozenset({"manuals", "faq"}): 2, frozenset({"x"}): 0}
    for scope, count in [*expected.items(), (None, 2)]:
        got = memory.search("lantern refund", 5, scope)
        assert same_results(got, fts5.search("lantern refund", 5, scope)) and len(got) == count
    memory.close(), fts5.close(), store.close()


def test_an_unknown_keyword_index_names_the_setting(tmp_path):
    with pytest.raises(ValidationError, match="store.keyword_index"):
        Settings(store={"keyword_index": "lucene"})
    with pytest.raises(ValueError, match="store.keyword_index = 'lucene'"):
        KeywordReader(tmp_path / "x.sqlite", "lucene")


def test_postings_are_read_from_the_second_search_on(tmp_path):
    store = store_with(tmp_path, {"a.txt": ("default", ["lantern refund", "tent poles"])})
    reader = store._keywords
    assert store.keyword_search("lantern", 5) and reader._building is None  # a one-shot CLI
    assert store.keyword_search("tent", 5)
    reader._building.join(30)
    assert reader._index is not None and reader._index.generation == store.generation
    store.close()
