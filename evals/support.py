"""Record the answer check (rag.support) for the answers of evaluation runs, as signals for
evals.refusal_fit.

    python -m evals.support RUN=QUESTIONS [RUN=QUESTIONS ...] --out runs/support.jsonl

Each RUN is an evaluation folder run with the checks recording but not refusing
(`RAGCHAT_ANSWERABILITY__MIN_PROBABILITY=0`, `min_support` 0), QUESTIONS its question file.
For every rag-mode answer the injected passages are found again (the same retrieval and prompt
budget the engine ran, deterministic for the same index) and the engine's own
`support_probability` is asked of them, and `relevance_probability` of the answer and the
question. A row: id, answerable, judge (the run's answerable_p), support and relevant (1.0 when
there was no claim to check), refuses (the answer says it found nothing).
Rows already in --out are kept, so a stopped run resumes.
"""

from __future__ import annotations

import argparse
import json
import os
import threading
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")


def main(argv: list[str] | None = None) -> int:
    from evals.questions import load_questions
    from rag.adapters import NO_ADAPTER
    from rag.engine import AnswerOptions, _Run, build_engine
    from rag.grounding import says_not_found
    from rag.support import relevance_probability, support_probability

    parser = argparse.ArgumentParser(prog="python -m evals.support", description=__doc__)
    parser.add_argument("runs", nargs="+", help="RUN=QUESTIONS")
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    done = set()
    if args.out.exists():
        done = {json.loads(line)["id"] for line in args.out.read_text().splitlines()}
    engine = build_engine(adapter=NO_ADAPTER)
    with args.out.open("a", encoding="utf-8") as out:
        for spec in args.runs:
            run_dir, questions = spec.split("=", 1)
            by_id = {q.id: q for q in load_questions(Path(questions))[0]}
            results = (Path(run_dir) / "results.jsonl").read_text(encoding="utf-8")
            for record in map(json.loads, results.splitlines()):
                question = by_id.get(record["id"])
                judged = record.get("answerable_p")
                if record.get("mode") != "rag" or not question or question.id in done:
                    continue
                if judged is None:
                    continue  # nothing retrieved: refused before any check
                retrieval = engine.retrieve(question.question, question.conversation)
                run = _Run(
                    question.question,
                    question.conversation,
                    AnswerOptions(),
                    retrieval,
                    threading.Event(),
                    print,
                )
                prompt = engine._prompt(run, retrieval.hits)
                passages = [h.text for h in prompt.hits]
                support = support_probability(engine.checker, record["answer"], passages)
                relevant = relevance_probability(
                    engine.checker, question.question, record["answer"], question.conversation
                )
                row = {
                    "id": question.id,
                    "answerable": question.answerable,
                    "judge": judged,
                    "support": 1.0 if support is None else support,
                    "relevant": 1.0 if relevant is None else relevant,
                    "refuses": int(says_not_found(record["answer"])),
                }
                out.write(json.dumps(row) + "\n")
                out.flush()
                done.add(question.id)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
