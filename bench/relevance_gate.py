"""Where the relevance threshold goes: on every hit's cosine, or once, on the best hit.

    python bench/relevance_gate.py [--index DIR] [--docs data/docs] [--questions FILE ...]

The real Retriever with the app's settings (reranking as settings.yaml has it) ranks each
question's candidates once with no threshold; each policy then keeps the top 5 its own way:
- per-hit cosine T: drop every hit whose cosine is under T (retrieval.min_score alone);
- per-hit relevance T: the same on the reranked score (the blend of two cosines);
- gate T + floor F: nothing when the best hit's relevance is under T (retrieval.min_relevance),
  else the hits whose cosine is at least F (retrieval.min_score).
Printed per question file: hit@1, hit@5, MRR, PDF page hit@1 and @5, and how many answerable and
unanswerable questions got no passage at all (refused before the model's check). The gate is
also chosen on the calibration half (evals.threshold.in_calibration_half): the highest that
cuts no answerable question there.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.docs_index import add_index_arguments, open_docs_index  # noqa: E402
from evals import metrics as m  # noqa: E402
from evals.questions import (  # noqa: E402
    DEFAULT_QUESTIONS,
    PARAPHRASED,
    REFUSAL_CALIBRATION,
    load_questions,  # noqa: E402
)
from evals.threshold import in_calibration_half  # noqa: E402
from rag.condense import heuristic_query  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.schema import Hit  # noqa: E402

K = 5
GATES = (0.24, 0.26, 0.28, 0.29, 0.30, 0.32, 0.34)


def policies(relevance: Callable[[Hit], float]) -> dict[str, Callable[[list[Hit]], list[Hit]]]:
    rules = {}
    for t in (0.3, 0.28, 0.25):
        rules[f"per-hit cosine {t}"] = lambda hits, t=t: [h for h in hits if h.similarity >= t]
        rules[f"per-hit relevance {t}"] = lambda hits, t=t: [h for h in hits if relevance(h) >= t]
        for floor in (0.0, 0.1, 0.2):
            rules[f"gate {t} + floor {floor}"] = lambda hits, t=t, f=floor: (
                [h for h in hits if h.similarity >= f] if best(hits, relevance) >= t else []
            )
    return rules


def best(hits: list[Hit], relevance: Callable[[Hit], float]) -> float:
    return max((relevance(h) for h in hits), default=-1.0)


def report(name: str, rows: list) -> str:
    answerable = [(q, hits) for q, hits in rows if q.sources]
    cells = []
    if answerable:
        s = m.rank_summary(
            [m.first_rank([h.source for h in hits], q.sources) for q, hits in answerable]
        )
        cells.append(f"hit@1 {s['hit@1']:.3f} hit@5 {s['hit@5']:.3f} MRR {s['mrr']:.3f}")
        for k in (1, K):
            pages = [
                m.page_hit([(h.source, h.page) for h in hits], q.pdf_source, q.page, k)
                for q, hits in answerable
                if q.pdf_source
            ]
            if pages:
                cells.append(f"page hit@{k} {sum(pages) / len(pages):.3f}")
    empty_a = sum(1 for q, hits in answerable if not hits)
    empty_u = sum(1 for q, hits in rows if not q.sources and not hits)
    cells.append(f"no passage: {empty_a} answerable, {empty_u} unanswerable")
    return f"  {name}: " + ", ".join(cells)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_index_arguments(parser)
    parser.add_argument(
        "--questions",
        type=Path,
        nargs="+",
        default=[DEFAULT_QUESTIONS, PARAPHRASED, REFUSAL_CALIBRATION],
    )
    args = parser.parse_args()
    settings, embedder, store, _tmp = open_docs_index(args)
    retriever = Retriever(store, embedder, settings.retrieval)
    # As the Retriever's gate reads it: the reranked score when reranking, else the cosine.
    relevance = (lambda h: h.score) if retriever.reranker is not None else (lambda h: h.similarity)
    print(f"load average {os.getloadavg()[0]:.1f}; rerank {settings.retrieval.rerank}")
    ranked = {}
    for path in args.questions:
        for q in load_questions(path)[0]:
            query = heuristic_query(q.question, q.conversation)
            ranked[(path, q.id)] = (
                q,
                retriever.search(query, k=20, min_score=-1, min_relevance=-1),
            )
    store.close()
    for name, keep in policies(relevance).items():
        print(name)
        for path in args.questions:
            rows = [(q, keep(hits)[:K]) for (p, _), (q, hits) in ranked.items() if p == path]
            print(report(path.name, rows))
    for half, label in ((True, "calibration half"), (False, "other half")):
        print(label)
        for gate in GATES:
            chosen = [(q, hits) for q, hits in ranked.values() if in_calibration_half(q.id) == half]
            cut_a = [q.id for q, hits in chosen if q.sources and best(hits, relevance) < gate]
            cut_u = sum(1 for q, hits in chosen if not q.sources and best(hits, relevance) < gate)
            total_u = sum(1 for q, _ in chosen if not q.sources)
            print(f"  gate {gate}: answerable cut {cut_a}, unanswerable cut {cut_u} of {total_u}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
