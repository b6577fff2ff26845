"""How many questions of each set one `answerability.min_probability` refuses, from the judge's
P(yes) that bench/answer_confidence.py (or python -m evals.support) recorded.

    python -m evals.refusal_table runs/judge.jsonl [RUN ...] [--thresholds 0.40 0.42 0.45 0.48]
        [--min-support 0.3] [--min-relevance 0.5] [--min-figure 0.3]

--min-support also refuses rows whose answer check (`support`, python -m evals.support) is
under it, --min-relevance rows whose relevance check (`relevant`) is, --min-figure rows whose
figure confidence (`figure`) is. A row whose answer says in its own words that it found nothing
(`refuses`, recorded by python -m evals.support) counts as refused, as the evaluation counts it.

An evaluation folder (RUN) is read as rows too, with no model call: its rag answers' recorded
`answerable_p` as the judge, `figure_p` as the figure confidence (recorded when the run had
`answerability.min_figure_confidence` above 0), and `refuses` for an answer the run refused,
whatever refused it. So a threshold at the run's own (or above) and `--min-figure` give what
the run did with the figure check added.

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

from evals.questions import (
    DEFAULT_QUESTIONS,
    PARAPHRASED,
    REFUSAL_CALIBRATION,
    UNANSWERABLE,
    load_questions,
)
from evals.threshold import in_calibration_half
from rag.grounding import says_not_found

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
    min_figure: float = 0,
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
            or refused_after(row, min_support, min_relevance, min_figure)
        )
    return {name: (refused, total) for name, (refused, total) in counts.items() if total}


def refused_after(
    row: dict, min_support: float, min_relevance: float = 0, min_figure: float = 0
) -> bool:
    """Refused after the answer: it says it found nothing (as the evaluation counts it), or
    its checks are under min_support, min_relevance or min_figure."""
    return (
        bool(row.get("refuses"))
        or row.get("support", 1.0) < min_support
        or row.get("relevant", 1.0) < min_relevance
        or (row.get("figure") or 1.0) < min_figure
    )


def rows_of_run(run: Path) -> list[dict]:
    """Rows from an evaluation folder's rag answers (see the module's note)."""
    rows = []
    for line in (run / "results.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("mode") != "rag" or record.get("answerable_p") is None:
            continue  # another mode, or nothing retrieved: refused before any check
        refuses = record.get("refused") or says_not_found(record["answer"])
        rows.append(
            {
                "id": record["id"],
                "answerable": record.get("category") != UNANSWERABLE,
                "judge": record["answerable_p"],
                "figure": record.get("figure_p"),
                "refuses": int(bool(refuses)),
            }
        )
    return rows


def load_rows(paths: list[Path]) -> dict[str, dict]:
    """Rows by question id, from rows files and evaluation folders alike."""
    judged = {}
    for path in paths:
        if path.is_dir():
            rows = rows_of_run(path)
        else:
            rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
        judged.update((row["id"], row) for row in rows)
    return judged


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "judged", type=Path, nargs="+", help="rows with id and judge (P(yes)), or RUN folders"
    )
    parser.add_argument("--thresholds", type=float, nargs="+", default=[0.40, 0.42, 0.45, 0.48])
    parser.add_argument("--min-support", type=float, default=0.0, help="0: judgement only")
    parser.add_argument("--min-relevance", type=float, default=0.0, help="0: no relevance check")
    parser.add_argument("--min-figure", type=float, default=0.0, help="0: no figure check")
    args = parser.parse_args()
    judged = load_rows(args.judged)
    checks = (args.min_support, args.min_relevance, args.min_figure)
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
        counts = refusal_counts(judged, questions, threshold, *checks)
        cells = [f"{counts[name][0]} of {counts[name][1]}" for name in SETS]
        print(f"| {threshold:.2f} | " + " | ".join(cells) + " |")
    for half, chosen in halves.items():
        print(f"\nanswerable questions, {half}:")
        for threshold in args.thresholds:
            counts = refusal_counts(judged, chosen, threshold, *checks)
            cells = [f"{name} {refused}/{total}" for name, (refused, total) in counts.items()]
            print(f"  {threshold:.2f}: " + ", ".join(cells))


if __name__ == "__main__":
    main()
