"""FAQ entries found by their question (retrieval.heading_candidates, rag.question_headings):
every question heading of the index is scored with the reranker's model and the chunks of the
closest join its candidates. Both store back ends, the real MiniLM as first stage and (as in
test_rerank.py) as the reranker's model."""

from __future__ import annotations

import numpy as np
import pytest

import rag.question_headings as question_headings
import rag.rerank as rerank
from rag.components import open_store
from rag.embeddings import default_model_dir
from rag.passage_views import text_hash
from rag.question_headings import QuestionHeadings
from rag.retriever import Retriever
from rag.schema import Chunk
from rag.settings import RetrievalSettings, Settings
from rag.store import FileRecord

# An FAQ whose answers don't repeat their questions' words, and a guide whose sections are
# not questions (never read as question headings).
FAQ = {
    "Can I get my money back if it arrives broken?": [
        "Damaged deliveries are refunded in full within five days.",
        "Keep the packaging until the courier has collected the parcel.",
    ],
    "How long does delivery take?": ["Parcels reach most addresses in three to five days."],
    "Do you ship abroad?": ["We send orders to Canada and Mexico as well."],
}
GUIDE = {
    "Charging the lantern": ["Plug the lantern into any USB port for four hours."],
    "Returns": ["Refunds for broken items are paid back to your card."],
}
ASKED = "Will I be reimbursed when the item shows up damaged?"


@pytest.fixture(autouse=True)
def _models_dir(tmp_path, monkeypatch):
    monkeypatch.setattr(rerank, "MODELS_DIR", tmp_path / "models")


def put(store, embedder, name: str, sections: dict, collection: str = "default") -> None:
    chunks = [
        Chunk(text, name, f"/docs/{name}", n, f"{name}-{n}", heading=heading)
        for n, (heading, text) in enumerate((h, t) for h, texts in sections.items() for t in texts)
    ]
    vectors = embedder.encode([c.text for c in chunks])
    record = FileRecord(f"/docs/{name}", name, name, 1, 1.0, len(chunks), "", collection)
    store.replace_file(record, chunks, vectors)
    store.flush()


@pytest.fixture
def faq_store(store_settings: Settings, embedder):
    store = open_store(store_settings, embedder)
    put(store, embedder, "faq.md", FAQ)
    put(store, embedder, "guide.md", GUIDE)
    yield store
    store.close()


def retrieval(**changes) -> RetrievalSettings:
    base = dict(rerank="mpnet", rerank_model=str(default_model_dir()), hybrid=False)
    return RetrievalSettings(**{**base, **changes})


def chunk_headings(store, ids: list[int]) -> list[str]:
    found = store.get_chunks(ids)
    return [found[i][0].heading for i in ids]


def test_the_store_lists_only_question_headings(faq_store):
    rows = faq_store.question_headings()
    assert sorted({row.heading for row in rows}) == sorted(FAQ)
    assert len(rows) == sum(map(len, FAQ.values()))  # every chunk under each question
    assert {row.collection for row in rows} == {"default"}
    assert chunk_headings(faq_store, [row.chunk_id for row in rows]) == [r.heading for r in rows]


def test_the_closest_headings_bring_all_their_chunks(faq_store, embedder):
    retriever = Retriever(faq_store, embedder, retrieval(heading_candidates=1))
    headings = retriever.headings
    query = retriever.reranker.encode_query(ASKED)
    one = headings.closest(query, 1)
    assert chunk_headings(faq_store, one) == ["Can I get my money back if it arrives broken?"] * 2
    two = headings.closest(query, 2)
    assert two[:2] == one and len(set(chunk_headings(faq_store, two))) == 2
    # Closest first: the second heading scores under the first.
    vectors = retriever.reranker.vectors
    scores = [
        float(np.dot(next(iter(vectors({h: h}).values())), query))
        for h in dict.fromkeys(chunk_headings(faq_store, two))
    ]
    assert scores[0] > scores[1]


def test_a_new_ingest_is_seen_and_the_scope_is_kept(faq_store, embedder):
    reranker = Retriever(faq_store, embedder, retrieval()).reranker
    headings = QuestionHeadings(faq_store, reranker)
    query = reranker.encode_query("Is there a warranty on the headlamp?")
    before = set(chunk_headings(faq_store, headings.closest(query, 10)))
    put(faq_store, embedder, "other.md", {"Is the headlamp under warranty?": ["Two years."]}, "b")
    after = chunk_headings(faq_store, headings.closest(query, 1))
    assert "Is the headlamp under warranty?" not in before
    assert after == ["Is the headlamp under warranty?"]
    scoped = chunk_headings(faq_store, headings.closest(query, 10, scope={"default"}))
    assert "Is the headlamp under warranty?" not in scoped and set(scoped) == set(FAQ)


def test_heading_matches_join_the_candidates_the_first_stage_missed(
    faq_store, embedder, monkeypatch
):
    # One candidate from the first stage (fetch_k 1, k 1): the closest question's chunks join
    # it, each with its first-stage cosine, and the reranker orders them all.
    first = Retriever(faq_store, embedder, retrieval(fetch_k=1, rerank="none"))
    headed = Retriever(faq_store, embedder, retrieval(fetch_k=1, heading_candidates=1))
    seen: list[tuple[dict, dict]] = []
    rerank_ = headed.reranker.rerank

    def spy(query, query_vector, candidates, similarity, second_vector=None):
        seen.append((dict(candidates), dict(similarity)))
        return rerank_(query, query_vector, candidates, similarity, second_vector)

    monkeypatch.setattr(headed.reranker, "rerank", spy)
    hits = headed.search(ASKED, k=1, min_score=-1, min_relevance=-1)
    (fetched,) = first.search(ASKED, k=1, min_score=-1, min_relevance=-1)
    matched = headed.headings.closest(headed.reranker.encode_query(ASKED), 1)
    candidates, similarity = seen[0]
    assert set(candidates) == {fetched.id, *matched} and len(matched) == 2
    assert hits[0].id in candidates
    query = embedder.encode([ASKED])[0]
    for i, (_, vector) in faq_store.get_chunks(list(candidates)).items():
        assert similarity[i] == pytest.approx(float(np.dot(vector, query)), abs=1e-5)


def test_many_new_headings_are_encoded_in_the_background(faq_store, embedder, monkeypatch):
    monkeypatch.setattr(question_headings, "SYNC_LIMIT", 1)  # 3 new headings: more than 1
    reranker = Retriever(faq_store, embedder, retrieval()).reranker
    headings = QuestionHeadings(faq_store, reranker)
    query = reranker.encode_query(ASKED)
    headings.closest(query, 3)  # starts the thread; the search goes on with what is kept
    headings.wait()
    assert reranker.cache.get([text_hash(h) for h in FAQ]).keys() == {text_hash(h) for h in FAQ}
    assert set(chunk_headings(faq_store, headings.closest(query, 3))) == set(FAQ)


def test_off_by_default_and_without_a_reranker(faq_store, embedder):
    assert Retriever(faq_store, embedder, retrieval()).headings is None
    no_rerank = RetrievalSettings(rerank="none", heading_candidates=3)
    assert Retriever(faq_store, embedder, no_rerank).headings is None
    with pytest.raises(ValueError, match="heading_candidates"):
        RetrievalSettings(heading_candidates=-1)
