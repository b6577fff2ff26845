"""pgvector against FAISS over the sample knowledge base: real embeddings, real PostgreSQL,
real ingest. The same questions are asked of the FAISS index of data/docs (the session's
docs_index) and of a pgvector index built by the same Ingester (pg_docs_index,
tests/rag/conftest.py); pgvector must find what FAISS finds. What each back end alone must find
is tested over both in test_search_docs.py; `ragchat index copy` from one to the other here.
"""

from __future__ import annotations

import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from support import answerable, pg_index_settings

from ingest.pipeline import Ingester
from rag.components import open_store
from rag.pgvector_store import drop_index
from rag.retriever import Retriever

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "data" / "docs"
QUESTIONS = ROOT / "data" / "eval" / "questions.jsonl"
PICKED = ["ship-04", "ret-01", "war-04", "prod-08", "acct-01", "trb-02"]


def hit_at_5(retriever: Retriever, questions: list[dict]) -> float:
    hits = 0
    for q in questions:
        found = [
            h.source
            for h in retriever.search(q["question"], k=5, min_score=-1.0, min_relevance=-1.0)
        ]
        hits += any(s in q["sources"] for s in found)
    return hits / len(questions)


def test_ingest_indexes_the_same_chunks_as_faiss(pg_docs_index, docs_index):
    _, store, summary = pg_docs_index
    _, faiss_store = docs_index
    assert summary.skipped == [] and summary.chunks_total == store.count() == faiss_store.count()
    assert store.manifest()["files"] == faiss_store.manifest()["files"]
    store.check_consistency()


def test_vector_search_finds_the_same_chunks_as_faiss_flat(pg_docs_index, docs_index, remembering):
    _, store, _ = pg_docs_index
    _, faiss_store = docs_index
    for q in answerable():
        vector = remembering.encode([q["question"]])[0]

        def keys(s, found):
            chunks = s.get_chunks([i for i, _ in found])
            return [(chunks[i][0].path, chunks[i][0].chunk_index) for i, _ in found]

        pg_found, faiss_found = store.search(vector, 5), faiss_store.search(vector, 5)
        assert keys(store, pg_found) == keys(faiss_store, faiss_found), q["question"]
        assert [s for _, s in pg_found] == pytest.approx([s for _, s in faiss_found], abs=1e-5)


@pytest.mark.parametrize("qid", PICKED)
def test_hybrid_top_hit_matches_faiss(pg_docs_index, docs_index, remembering, qid):
    settings, store, _ = pg_docs_index
    _, faiss_store = docs_index
    q = next(q for q in answerable() if q["id"] == qid)
    pg_hits = Retriever(store, remembering, settings.retrieval).search(q["question"], k=3)
    faiss_hits = Retriever(faiss_store, remembering, settings.retrieval).search(q["question"], k=3)
    assert pg_hits[0].source == faiss_hits[0].source == q["source"]
    # The keyword sides rank differently (ts_rank vs BM25): FAISS's best chunk is near the top.
    assert faiss_hits[0].text in [h.text for h in pg_hits]


def test_hit_at_5_over_the_eval_set_is_within_one_question_of_faiss(
    pg_docs_index, docs_index, remembering
):
    """The issue's bar: hybrid hit@5 within one question of FAISS + FTS5 (the keyword sides
    differ: FTS5's rarest-terms BM25 against PostgreSQL's ts_rank)."""
    settings, store, _ = pg_docs_index
    _, faiss_store = docs_index
    questions = answerable()
    pg = hit_at_5(Retriever(store, remembering, settings.retrieval), questions)
    flat = hit_at_5(Retriever(faiss_store, remembering, settings.retrieval), questions)
    print(f"\nhit@5 over {len(questions)} questions: pgvector {pg:.3f}, FAISS {flat:.3f}")
    assert pg >= flat - 1 / len(questions) - 1e-9


def test_faiss_index_copies_into_pgvector_without_embedding(pg_url, docs_index, embedder):
    from rag.store_copy import copy_index

    _, faiss_store = docs_index
    settings = pg_index_settings(pg_url, faiss_store.path)
    target = open_store(settings, embedder)
    try:
        first = copy_index(faiss_store, target)
        assert first.files_copied == len(faiss_store.files())
        assert first.chunks_copied == target.count() == faiss_store.count()
        assert target.manifest()["files"] == faiss_store.manifest()["files"]
        assert copy_index(faiss_store, target).files_unchanged == first.files_copied
        # The copied manifest keeps sizes and mtimes: an ingest of the folder finds nothing to do.
        again = Ingester(settings, target, embedder).run([DOCS], progress=False)
        assert again.files_indexed == 0 and again.files_unchanged == first.files_copied
        target.check_consistency()
    finally:
        target.close()
        drop_index(pg_url, settings.store.table_prefix)


def test_index_copy_command_moves_a_faiss_index(pg_url, docs_index, tmp_path):
    """`ragchat index copy --from PATH --to URL`, as a user runs it."""
    _, faiss_store = docs_index
    prefix = f"c{uuid.uuid4().hex[:10]}_"
    command = [sys.executable, "-m", "app.cli", "index", "copy", "--from", str(faiss_store.path),
               "--to", pg_url, "--table-prefix", prefix]  # fmt: skip
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}
    try:
        done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert done.returncode == 0, done.stderr[-2000:]
        assert f"({faiss_store.count()} chunks)" in done.stdout
        again = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
        assert f"{len(faiss_store.files())} already there" in again.stdout
        missing = subprocess.run(
            [*command[:6], str(tmp_path / "none"), *command[7:]],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        assert missing.returncode == 2 and "no FAISS index at" in missing.stderr
    finally:
        drop_index(pg_url, prefix)
