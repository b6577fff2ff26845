"""Fusion of vector and keyword rankings, measured on verbatim and paraphrased questions.

    python bench/fusion.py [--index DIR] [--docs data/docs] [--json FILE]

Both question sets (data/eval/questions.jsonl, worded like the documents, and the hand-written
data/eval/paraphrased.jsonl) are split in two by a hash of the id (evals.threshold's split).
Each fusion's parameter is chosen on the first half of BOTH sets (the best mean MRR over the
two) and reported on the other half, beside equal-weight RRF and vector-only search. The
searches run once per query (cached); every variant then ranks the same candidates through the
real Retriever, with the app's default settings otherwise (fetch_k, min_score).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.docs_index import add_index_arguments, open_docs_index  # noqa: E402
from evals import metrics as m  # noqa: E402
from evals.questions import DEFAULT_QUESTIONS, PARAPHRASED, Question, load_questions  # noqa: E402
from evals.runner import _CachedEmbedder  # noqa: E402
from evals.threshold import in_calibration_half  # noqa: E402
from rag.condense import heuristic_query  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.settings import RetrievalSettings  # noqa: E402

# The grid: keyword weights around 1 (RRF's) down to nearly vector-only; α from BM25-heavy to
# cosine only. rrf_k stays at 60 (the constant the RRF paper found robust).
GRID: dict[str, list[dict[str, Any]]] = {
    "rrf": [{}],
    "vector only": [{"hybrid": False}],
    "weighted": [{"keyword_weight": w} for w in (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1.5)],
    "confidence": [{"keyword_weight": w} for w in (0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)],
    "convex": [{"convex_alpha": a} for a in (0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9)],
}
SETS = {"verbatim": DEFAULT_QUESTIONS, "paraphrased": PARAPHRASED}


class CachedStore:
    """A store whose searches are answered once per query and then from memory."""

    def __init__(self, store: Any):
        self.store, self.memo = store, {}

    def _once(self, key: tuple, call: Any) -> Any:
        if key not in self.memo:
            self.memo[key] = call()
        return self.memo[key]

    def search(self, vector: Any, k: int) -> Any:
        return self._once(("v", vector.tobytes(), k), lambda: self.store.search(vector, k))

    def keyword_search(self, query: str, k: int) -> Any:
        return self._once(("k", query, k), lambda: self.store.keyword_search(query, k))

    def get_chunks(self, ids: list[int]) -> Any:
        return self._once(("c", tuple(ids)), lambda: self.store.get_chunks(ids))


def score(retriever: Retriever, questions: list[Question]) -> dict[str, float]:
    ranks = []
    for q in questions:
        hits = retriever.search(heuristic_query(q.question, q.conversation), k=5)
        ranks.append(m.first_rank([h.source for h in hits], q.sources))
    return m.rank_summary(ranks)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_index_arguments(parser)
    args = parser.parse_args()
    _, embedder, store, _tmp = open_docs_index(args)
    sets = {}
    for name, path in SETS.items():
        questions = [q for q in load_questions(path)[0] if q.sources]
        sets[name] = {
            "tune": [q for q in questions if in_calibration_half(q.id)],
            "test": [q for q in questions if not in_calibration_half(q.id)],
        }
    queries = [
        heuristic_query(q.question, q.conversation)
        for s in sets.values()
        for h in s.values()
        for q in h
    ]
    unique = list(dict.fromkeys(queries))
    cached = _CachedEmbedder(embedder, dict(zip(unique, embedder.encode(unique), strict=True)))
    shared = CachedStore(store)
    rows = []
    for fusion, grid in GRID.items():
        best = None
        for params in grid:
            options = {"fusion": "rrf" if fusion == "vector only" else fusion, **params}
            retriever = Retriever(shared, cached, RetrievalSettings(**options))
            tune = {n: score(retriever, s["tune"]) for n, s in sets.items()}
            objective = sum(t["mrr"] for t in tune.values()) / len(tune)
            if best is None or objective > best[0]:
                best = (objective, params, retriever)
        objective, params, retriever = best
        test = {n: score(retriever, s["test"]) for n, s in sets.items()}
        rows.append({"fusion": fusion, "params": params, "tune_mrr": objective, "test": test})
        print(json.dumps(rows[-1]), flush=True)
    store.close()
    sizes = {n: (len(s["tune"]), len(s["test"])) for n, s in sets.items()}
    print(f"\nquestions (tune, test): {sizes}\n")
    head = "| fusion | parameter | tune MRR | " + " | ".join(
        f"{n} {k}" for n in SETS for k in ("hit@1", "hit@5", "MRR")
    )
    print(head + " |\n|" + "---|" * (3 + 3 * len(SETS)))
    for row in rows:
        cells = [f"{row['test'][n][k]:.2f}" for n in SETS for k in ("hit@1", "hit@5", "mrr")]
        param = ", ".join(f"{k} {v}" for k, v in row["params"].items()) or "–"
        tune = f"{row['tune_mrr']:.2f}"
        print(f"| {row['fusion']} | {param} | {tune} | " + " | ".join(cells) + " |")
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
