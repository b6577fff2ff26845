"""How many questions of each set one `answerability.min_probability` refuses, from the judge's
P(yes) that bench/answer_confidence.py (or python -m evals.support) recorded.

    python -m evals.refusal_table runs/judge.jsonl [--thresholds 0.40 0.42 0.45 0.48]
        [--min-support 0.3] [--min-relevance 0.5]

--min-support also refuses rows whose answer check (`support`, python -m evals.support) is
under it, --min-relevance rows whose relevance check (`relevant`) is. A row whose answer says
in its own words that it found nothing (`refuses`, recorded by python -m evals.support) counts
as refused, as the evaluation counts it.

A question with no passage above `retrieval.min_score` gets no judgement (no row): it is refused
before the check, and counted as refused here. The sets, by question id: the calibration
unanswerable questions (`cal-`), the eval's unanswerable ones (`unans-`), the reworded
answerable ones of data/eval/paraphrased.jsonl (`para-`) and the eval's other answerable ones
(asked in the documents' own words, mostly). Each answerable set is also split into the
calibration half and the held-out half (evals.threshold.in_calibration_half).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from evals.questions import DEFAULT_QUESTIONS, PARAPHRASED, REFUSAL_CALIBRATION, load_questions
from evals.threshold import in_calibration_half

SETS = ("calibration unanswerable", "eval unanswerable", "eval answerable", "reworded answerable")


def question_set(question_id: str, answerable: bool) -> str:
    if question_id.startswith("cal-"):
        return SETS[0]
    if not answerable:
        return SETS[1]
    return SETS[3] if question_id.startswith("para-") else SETS[2]


def refusal_counts(
    judged: dict[str, dict],
    questions: dict[str, bool],
    threshold: float,
    min_support: float = 0,
    min_relevance: float = 0,
) -> dict[str, tuple[int, int]]:
    """Per set: (refused, questions). A question without a judgement was refused before it."""
    counts = {name: [0, 0] for name in SETS}
    for question_id, answerable in questions.items():
        count = counts[question_set(question_id, answerable)]
        count[1] += 1
        row = judged.get(question_id)
        count[0] += (
            row is None
            or row["judge"] < threshold
            or refused_after(row, min_support, min_relevance)
        )
    return {name: (refused, total) for name, (refused, total) in counts.items() if total}


def refused_after(row: dict, min_support: float, min_relevance: float = 0) -> bool:
    """Refused after the answer: it says it found nothing (as the evaluation counts it), or
    its checks are under min_support or min_relevance."""
    return (
        bool(row.get("refuses"))
        or row.get("support", 1.0) < min_support
        or row.get("relevant", 1.0) < min_relevance
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("judged", type=Path, help="rows with id and judge (P(yes))")
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.40, 0.42, 0.45, 0.48])
    parser.add_argument("--min-support", type=float, default=0.0, help="0: judgement only")
    parser.add_argument("--min-relevance", type=float, default=0.0, help="0: no relevance check")
    args = parser.parse_args()
    judged = {}
    for line in args.judged.read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        judged[row["id"]] = row
    questions = {
        q.id: q.answerable
        for path in (REFUSAL_CALIBRATION, DEFAULT_QUESTIONS, PARAPHRASED)
        for q in load_questions(path)[0]
    }
    halves = {
        "calibration half": {k: v for k, v in questions.items() if in_calibration_half(k)},
        "held-out half": {k: v for k, v in questions.items() if not in_calibration_half(k)},
    }
    print("| threshold | " + " | ".join(f"{name} refused" for name in SETS) + " |")
    print("|---|" + "---|" * len(SETS))
    for threshold in args.thresholds:
        counts = refusal_counts(judged, questions, threshold, args.min_support, args.min_relevance)
        cells = [f"{counts[name][0]} of {counts[name][1]}" for name in SETS]
        print(f"| {threshold:.2f} | " + " | ".join(cells) + " |")
    for half, chosen in halves.items():
        print(f"\nanswerable questions, {half}:")
        for threshold in args.thresholds:
            counts = refusal_counts(judged, chosen, threshold, args.min_support, args.min_relevance)
            cells = [f"{name} {refused}/{total}" for name, (refused, total) in counts.items()]
            print(f"  {threshold:.2f}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
