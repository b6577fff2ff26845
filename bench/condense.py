"""Which follow-up condensation retrieves better: none, the heuristic, or the chat model?

Scores the follow-up questions of data/eval/questions.jsonl (those with a `conversation`) by
whether the answering file is in the top 5 hits. Run: python bench/condense.py [--index PATH]
(the index must hold data/docs; `make ingest` builds the default one).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from rag.engine import AnswerOptions, build_engine
from rag.llm import NO_ADAPTER
from rag.settings import get_settings

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", type=Path)
    parser.add_argument("--questions", type=Path, default=ROOT / "data/eval/questions.jsonl")
    args = parser.parse_args()
    questions = [json.loads(line) for line in args.questions.open() if line.strip()]
    follow_ups = [q for q in questions if q.get("conversation") and q.get("source")]
    engine = build_engine(get_settings(), index=args.index, adapter=NO_ADAPTER)
    wide = AnswerOptions(top_k=5, min_score=-1, min_relevance=-1)
    print(f"{len(follow_ups)} follow-up questions")
    print(f"{'condense':10s} {'hit@1':>6s} {'hit@5':>6s} {'s/query':>8s}")
    for how in ("none", "heuristic", "model"):
        engine.settings.retrieval.condense = how
        hit1 = hit5 = 0
        started = time.perf_counter()
        for q in follow_ups:
            wanted = q["source"] if isinstance(q["source"], list) else [q["source"]]
            hits = engine.retrieve(q["question"], q["conversation"], wide).hits
            sources = [h.source for h in hits]
            hit1 += bool(sources[:1]) and sources[0] in wanted
            hit5 += any(s in wanted for s in sources)
        per = (time.perf_counter() - started) / max(1, len(follow_ups))
        n = max(1, len(follow_ups))
        print(f"{how:10s} {hit1 / n:6.2f} {hit5 / n:6.2f} {per:8.2f}")


if __name__ == "__main__":
    main()
