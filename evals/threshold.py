"""Choose `answerability.min_probability` from an evaluation run, on one split, report the other.

    python -m evals.threshold runs/eval [--mode rag] [--max-false-refusals 0.05]

Run the evaluation with the check recording but not refusing
(`RAGCHAT_ANSWERABILITY__MIN_PROBABILITY=0 python -m evals --out runs/eval`): every answer is
then generated and carries the model's P(the passages answer it). Refusing below a threshold t
replaces exactly the answers with p < t by the "not in the documents" reply, so each t's
refusal recall, false-refusal rate and fact recall follow from the one run. Questions are split
in two halves by a hash of their id (categories are spread over both); t is chosen on the first
(the highest refusal recall whose false refusals stay within the limit, the lowest such t) and
reported on the second, and on all questions.
"""

from __future__ import annotations

import argparse
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from evals.questions import DEFAULT_QUESTIONS, load_questions

GRID = [round(0.30 + 0.01 * i, 2) for i in range(61)]  # 0.30 … 0.90


@dataclass
class Scored:
    answerable: bool
    p: float
    refused: bool  # refused already (nothing retrieved, or the answer itself says so)
    fact_recall: float


def in_calibration_half(question_id: str) -> bool:
    return hashlib.sha256(question_id.encode()).digest()[0] % 2 == 0


def load(results: Path, questions: Path, mode: str) -> dict[str, Scored]:
    answerable = {q.id: q.answerable for q in load_questions(questions)[0]}
    scored: dict[str, Scored] = {}
    for line in results.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("mode") != mode or record["id"] not in answerable or record.get("error"):
            continue
        p = record.get("answerable_p")
        scored[record["id"]] = Scored(
            answerable=answerable[record["id"]],
            p=1.0 if p is None else p,  # no check ran: nothing retrieved, refused anyway
            refused=bool(record.get("refused")),
            fact_recall=record["metrics"].get("fact_recall") or 0.0,
        )
    return scored


def at_threshold(items: list[Scored], t: float) -> dict[str, float]:
    answerable = [s for s in items if s.answerable]
    unanswerable = [s for s in items if not s.answerable]

    def refused(s: Scored) -> bool:
        return s.refused or s.p < t

    return {
        "threshold": t,
        "refusal_recall": sum(map(refused, unanswerable)) / max(1, len(unanswerable)),
        "false_refusal_rate": sum(map(refused, answerable)) / max(1, len(answerable)),
        "fact_recall": sum(0.0 if refused(s) else s.fact_recall for s in answerable)
        / max(1, len(answerable)),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
    }


def choose(items: list[Scored], max_false: float) -> float:
    rows = [at_threshold(items, t) for t in GRID]
    allowed = [r for r in rows if r["false_refusal_rate"] <= max_false] or rows[:1]
    best = max(r["refusal_recall"] for r in allowed)
    return min(r["threshold"] for r in allowed if r["refusal_recall"] == best)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.threshold", description=__doc__)
    parser.add_argument("run", type=Path, help="evaluation folder with results.jsonl")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--mode", default="rag")
    parser.add_argument("--max-false-refusals", type=float, default=0.05)
    args = parser.parse_args(argv)
    scored = load(args.run / "results.jsonl", args.questions, args.mode)
    if not scored:
        parser.error(f"no '{args.mode}' answers with answerable_p in {args.run}/results.jsonl")
    calibration = [s for qid, s in scored.items() if in_calibration_half(qid)]
    held_out = [s for qid, s in scored.items() if not in_calibration_half(qid)]
    t = choose(calibration, args.max_false_refusals)
    report = {
        "mode": args.mode,
        "chosen_threshold": t,
        "calibration": at_threshold(calibration, t),
        "held_out": at_threshold(held_out, t),
        "all": at_threshold(list(scored.values()), t),
        "no_check": at_threshold(list(scored.values()), 0.0),
        "curve": [at_threshold(list(scored.values()), x) for x in GRID[::5]],
    }
    (args.run / f"threshold-{args.mode}.json").write_text(json.dumps(report, indent=2) + "\n")
    print(
        f"{'split':12} {'t':>5} {'refusal recall':>15} {'false refusals':>15} {'fact recall':>12}"
    )
    for name in ("no_check", "calibration", "held_out", "all"):
        r = report[name]
        print(
            f"{name:12} {r['threshold']:5.2f} {r['refusal_recall']:15.3f} "
            f"{r['false_refusal_rate']:15.3f} {r['fact_recall']:12.3f}"
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
