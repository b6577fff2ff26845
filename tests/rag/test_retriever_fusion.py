"""retrieval.fusion: each fusion on hand-made rankings whose order is known, every parameter
read by the Retriever, an unknown value failing with the setting's name."""

from __future__ import annotations

import numpy as np
import pytest
from pydantic import ValidationError

from rag.fusion import Candidates, fuse, match_confidence, reciprocal_rank_fusion
from rag.retriever import Retriever
from rag.schema import Chunk
from rag.settings import RetrievalSettings, Settings

# Chunk 1 is the vector side's best (cosine 0.9), chunk 2 the keyword side's best: a chunk that
# shares one word ("warranty") of the query's four and is last on the vector side; chunk 3 is
# second on both sides.
QUERY = "warranty for broken lantern"
TEXTS = {1: "GlowLantern cover lasts a year", 2: "warranty", 3: "broken lantern warranty"}
COSINE = {1: 0.9, 2: 0.35, 3: 0.6}
FOUND = Candidates(
    vector=[(1, 0.9), (3, 0.6), (2, 0.35)],
    keyword=[(2, 8.0), (3, 7.5)],
    similarity=COSINE,
    texts=TEXTS,
)


def order(scores: dict[int, float]) -> list[int]:
    return sorted(scores, key=lambda i: -scores[i])


def test_rrf_sums_reciprocal_ranks_with_weights() -> None:
    scores = reciprocal_rank_fusion([[1, 2], [2]], k=60)
    assert scores == pytest.approx({1: 1 / 61, 2: 1 / 62 + 1 / 61})
    scores = reciprocal_rank_fusion([[1, 2], [2]], k=60, weights=[1.0, 0.5])
    assert scores[2] == pytest.approx(1 / 62 + 0.5 / 61)


def test_each_fusion_orders_the_candidates_as_its_formula_says() -> None:
    # Equal weights: chunk 2, the keyword side's best though it shares one word of four,
    # comes first (by 1/63 + 1/61 against chunk 3's 2/62).
    assert order(fuse("rrf", QUERY, FOUND)) == [2, 3, 1]
    # Weight 0: the vector order; 0.9 already puts chunk 3, second on both sides, first.
    assert order(fuse("weighted", QUERY, FOUND, keyword_weight=0.0)) == [1, 3, 2]
    assert order(fuse("weighted", QUERY, FOUND, keyword_weight=0.9)) == [3, 2, 1]
    # Confidence: chunk 2 matches 1 of the 4 words, so its keyword term is a quarter.
    assert match_confidence(QUERY, TEXTS[2]) == 0.25 and match_confidence(QUERY, TEXTS[3]) == 0.75
    assert order(fuse("confidence", QUERY, FOUND, keyword_weight=1.0)) == [3, 2, 1]
    assert order(fuse("confidence", QUERY, FOUND, keyword_weight=0.1)) == [3, 1, 2]
    # Convex: α 1 is cosine only, α 0 BM25 only (chunk 1 has none).
    assert order(fuse("convex", QUERY, FOUND, convex_alpha=1.0)) == [1, 3, 2]
    assert order(fuse("convex", QUERY, FOUND, convex_alpha=0.0))[:2] == [2, 3]


def test_unknown_fusion_names_the_setting() -> None:
    with pytest.raises(ValueError, match="retrieval.fusion"):
        fuse("bogus", QUERY, FOUND)
    with pytest.raises(ValidationError, match="fusion"):
        Settings(retrieval={"fusion": "bogus"})
    with pytest.raises(ValidationError, match="convex_alpha"):
        RetrievalSettings(convex_alpha=1.5)


class TinyStore:
    """FOUND's two rankings and chunks, as a store serves them."""

    def search(self, vector: np.ndarray, k: int, scope: object = None) -> list[tuple[int, float]]:
        return FOUND.vector[:k]

    def keyword_search(self, query: str, k: int, scope: object = None) -> list[tuple[int, float]]:
        return FOUND.keyword[:k]

    def get_chunks(self, ids: list[int]) -> dict[int, tuple[Chunk, np.ndarray]]:
        # Unit vectors whose dot product with the query's [1, 0] is the cosine above.
        return {
            i: (
                Chunk(TEXTS[i], f"doc{i}.md", f"/d/doc{i}.md", 0, "h", id=i),
                np.array([COSINE[i], np.sqrt(1 - COSINE[i] ** 2)], dtype=np.float32),
            )
            for i in ids
        }


class TinyEmbedder:
    dim = 2

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        return np.array([[1.0, 0.0]] * len(texts), dtype=np.float32)


@pytest.mark.parametrize(
    ("options", "expected"),
    [
        ({}, [2, 3, 1]),
        ({"fusion": "weighted", "keyword_weight": 0.0}, [1, 3, 2]),
        ({"fusion": "confidence"}, [3, 2, 1]),
        ({"fusion": "confidence", "keyword_weight": 0.1}, [3, 1, 2]),
        ({"fusion": "convex", "convex_alpha": 1.0}, [1, 3, 2]),
        ({"fusion": "convex", "convex_alpha": 0.0}, [2, 3, 1]),
        ({"hybrid": False, "fusion": "convex"}, [1, 3, 2]),
    ],
)
def test_the_retriever_reads_every_fusion_setting(options: dict, expected: list[int]) -> None:
    settings = RetrievalSettings(min_score=0.0, **options)
    hits = Retriever(TinyStore(), TinyEmbedder(), settings).search(QUERY, k=3)
    assert [h.id for h in hits] == expected
    assert [h.similarity for h in hits] == pytest.approx([COSINE[i] for i in expected])
