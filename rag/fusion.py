"""Fusing the vector ranking with the keyword ranking (retrieval.fusion).

- rrf: score(d) = Σ 1 / (k + rank_i(d)), each ranking weighted 1 (Cormack et al., 2009).
- weighted: the same sum with the keyword ranking weighted `keyword_weight` (vector 1).
- confidence: weighted RRF whose keyword term is also scaled by how confident the keyword
  match is: the share of the query's words the chunk contains. BM25 ranks a chunk first even
  when it matches one common word of six; that hit then weighs 1/6 as much.
- convex: α · cosine + (1 − α) · BM25 (α = `convex_alpha`), cosine min–max normalised over
  the candidates (it is known for every one: vectors are stored), BM25 divided by the query's
  best BM25 (a chunk the keyword search did not find gets 0).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

FUSIONS = ("rrf", "weighted", "confidence", "convex")
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Candidates:
    """What both searches found for one query."""

    vector: list[tuple[int, float]]  # (chunk id, cosine), best first
    keyword: list[tuple[int, float]]  # (chunk id, BM25, higher is better), best first
    similarity: Mapping[int, float]  # cosine of every candidate to the query
    texts: Mapping[int, str]  # every candidate's text (for the keyword match's confidence)


def reciprocal_rank_fusion(
    rankings: list[list[int]], k: int, weights: Iterable[float] | None = None
) -> dict[int, float]:
    """score(d) = Σ w_i / (k + rank_i(d)), rank starting at 1; weights default to 1."""
    weights = list(weights) if weights is not None else [1.0] * len(rankings)
    scores: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights, strict=True):
        for rank, item in enumerate(ranking, start=1):
            scores[item] = scores.get(item, 0.0) + weight / (k + rank)
    return scores


def words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if len(w) > 1}


def match_confidence(query: str, text: str) -> float:
    """Share of the query's distinct words (2+ characters) that occur in the text."""
    wanted = words(query)
    return len(wanted & words(text)) / len(wanted) if wanted else 0.0


def _normalised(scores: Mapping[int, float]) -> dict[int, float]:
    """Min–max to 0–1 (all 1 when every score is equal)."""
    if not scores:
        return {}
    low, high = min(scores.values()), max(scores.values())
    span = high - low
    return {i: (s - low) / span if span > 0 else 1.0 for i, s in scores.items()}


def fuse(
    fusion: str,
    query: str,
    found: Candidates,
    rrf_k: int = 60,
    keyword_weight: float = 1.0,
    convex_alpha: float = 0.5,
) -> dict[int, float]:
    """Fused score per candidate, higher is better."""
    vector_ids = [i for i, _ in found.vector]
    keyword_ids = [i for i, _ in found.keyword]
    match fusion:
        case "rrf":
            return reciprocal_rank_fusion([vector_ids, keyword_ids], rrf_k)
        case "weighted":
            return reciprocal_rank_fusion([vector_ids, keyword_ids], rrf_k, [1.0, keyword_weight])
        case "confidence":
            scores = reciprocal_rank_fusion([vector_ids], rrf_k)
            for rank, item in enumerate(keyword_ids, start=1):
                sure = match_confidence(query, found.texts.get(item, ""))
                scores[item] = scores.get(item, 0.0) + keyword_weight * sure / (rrf_k + rank)
            return scores
        case "convex":
            ids = set(vector_ids) | set(keyword_ids)
            cosine = _normalised({i: found.similarity.get(i, 0.0) for i in ids})
            best = max((s for _, s in found.keyword), default=0.0)
            bm25 = {i: s / best for i, s in found.keyword} if best > 0 else {}
            return {
                i: convex_alpha * cosine[i] + (1 - convex_alpha) * bm25.get(i, 0.0) for i in ids
            }
        case _:
            raise ValueError(
                f"retrieval.fusion: unknown fusion '{fusion}'; choose from {', '.join(FUSIONS)}"
            )
