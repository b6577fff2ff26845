"""Answer-cache hit rate and wrong-hit rate against cache.min_similarity.

Runs the real AnswerCache (SQLite, the packaged embedder) on:
- the eval questions asked twice (exact hits: every one should hit);
- data/eval/cache_pairs.jsonl: paraphrases (a hit is right) and near misses, questions about
  the same product or topic asking for another fact (any hit is a wrong answer);
- cross: every eval question stored, then every pair's second question asked; a hit on a
  stored question whose reference answer differs is wrong.
For each threshold: paraphrase hit rate, near-miss wrong-hit rate, cross wrong hits. The
suggested default is the lowest threshold with zero wrong hits on both.
Run: python bench/cache_pairs.py [--thresholds 0.80,0.85,...] [--json OUT]; ~30 s, no LLM.
"""

from __future__ import annotations

import argparse
import json
import tempfile
from pathlib import Path

from prompts import load_prompts
from rag.answer_cache import AnswerCache, identifiers
from rag.components import build_embedder, open_store
from rag.engine import AnswerOptions, ChatEngine
from rag.retriever import Retriever
from rag.schema import Answer
from rag.settings import CacheSettings, Settings

ROOT = Path(__file__).resolve().parent.parent
GRID = "0.80,0.85,0.88,0.90,0.92,0.94,0.95,0.96,0.97,0.98,0.99"


def retrieval_engine(settings: Settings, index: Path) -> ChatEngine:
    """The engine's cache-facing half: embedder and store, no chat model (none is asked)."""
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder, index)
    prompts = load_prompts(settings.resolve(settings.prompts.dir))
    return ChatEngine(settings, Retriever(store, embedder, settings.retrieval), None, prompts)


def best_similarity(cache: AnswerCache, stored: list[str], question: str) -> tuple[str, float]:
    """The stored question the cache would serve for `question` (min_similarity 0)."""
    found = cache.lookup(question, [], "rag", AnswerOptions())
    if found.answer is None:
        return "", 0.0
    return found.answer.query, found.similarity


def fill(cache: AnswerCache, questions: list[str]) -> None:
    for q in questions:
        lookup = cache.lookup(q, [], "rag", AnswerOptions())
        cache.store(lookup, Answer(text=q, mode="rag", query=q), q)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--pairs", type=Path, default=ROOT / "data/eval/cache_pairs.jsonl")
    parser.add_argument("--questions", type=Path, default=ROOT / "data/eval/questions.jsonl")
    parser.add_argument("--thresholds", default=GRID)
    parser.add_argument("--json", type=Path, help="write the curve here")
    args = parser.parse_args()
    pairs = [json.loads(line) for line in args.pairs.open() if line.strip()]
    evals = [json.loads(line) for line in args.questions.open() if line.strip()]
    evals = [q for q in evals if not q.get("conversation")]  # follow-ups need their history
    reference = {q["question"]: q["answer"] for q in evals}
    thresholds = [float(t) for t in args.thresholds.split(",")]
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(store={"path": Path(tmp) / "index"}, embedding={"device": "cpu"})
        engine = retrieval_engine(settings, Path(tmp) / "index")

        def new_cache(name: str, mode: str = "semantic") -> AnswerCache:
            s = CacheSettings(mode=mode, min_similarity=0.0, max_entries=100_000)
            return AnswerCache(engine, s, Path(tmp) / f"{name}.sqlite")

        twice = new_cache("twice", "exact")
        fill(twice, list(reference))
        exact = sum(twice.lookup(q, [], "rag", AnswerOptions()).match == "exact" for q in reference)
        print(f"eval questions asked twice: {exact}/{len(reference)} exact hits")

        sims = []  # (kind, similarity) of each pair's second question against its first
        for pair in pairs:
            cache = new_cache(f"pair-{pair['id']}")
            fill(cache, [pair["a"]])
            sims.append((pair["kind"], best_similarity(cache, [pair["a"]], pair["b"])[1]))
        # Cross: each eval question against every other one whose reference answer differs,
        # by the rule the cache applies (the same identifiers, then the cosine of the same
        # embedder's vectors).
        questions = list(reference)
        vectors = engine.retriever.embedder.encode(questions)
        crossing = []  # (similarity, served, question) of the closest wrong question
        for i, question in enumerate(questions):
            names = identifiers(question)
            wrong = [
                j
                for j, other in enumerate(questions)
                if reference[other] != reference[question] and identifiers(other) == names
            ]
            if not wrong:
                continue
            j = max(wrong, key=lambda j: float(vectors[i] @ vectors[j]))
            crossing.append((float(vectors[i] @ vectors[j]), questions[j], question))

    para = [s for k, s in sims if k == "paraphrase"]
    near = [s for k, s in sims if k == "near_miss"]
    print(
        f"{len(para)} paraphrase pairs, {len(near)} near-miss pairs, "
        f"{len(crossing)} questions against {len(reference)} stored eval questions"
    )
    print(
        f"{'threshold':>9s} {'paraphrase hits':>16s} {'near-miss wrong':>16s} {'cross wrong':>12s}"
    )
    curve, chosen = [], None
    for t in thresholds:
        hit = sum(s >= t for s in para) / len(para)
        wrong = sum(s >= t for s in near) / len(near)
        cross_wrong = sum(1 for sim, *_ in crossing if sim >= t)
        curve.append(
            {
                "threshold": t,
                "paraphrase_hit_rate": hit,
                "near_miss_wrong_hit_rate": wrong,
                "cross_wrong_hits": cross_wrong,
            }
        )
        print(f"{t:9.3f} {hit:16.2f} {wrong:16.3f} {cross_wrong:12d}")
        if chosen is None and wrong == 0 and cross_wrong == 0:
            chosen = t
    worst = max(near)
    print(f"highest near-miss similarity: {worst:.4f}; lowest paraphrase: {min(para):.4f}")
    named = [(s, p) for (k, s), p in zip(sims, pairs, strict=True) if k == "near_miss"]
    for sim, pair in sorted(named, key=lambda x: -x[0])[:3]:
        print(f"  near miss {sim:.3f}: {pair['b']!r} would get {pair['a']!r}")
    for sim, served, question in sorted(crossing, reverse=True)[:3]:
        print(f"  cross {sim:.3f}: {question!r} would get {served!r}")
    print(f"lowest threshold with zero wrong hits: {chosen}")
    if args.json:
        args.json.write_text(json.dumps({"curve": curve, "chosen": chosen}, indent=1))


if __name__ == "__main__":
    main()
