"""Choose how "not in the documents" is decided, from the signals bench/refusal_signals.py
recorded, on questions the report never uses.

    python -m evals.refusal_fit runs/refusal-signals.jsonl [--max-false-refusals 0.05]

Calibration: the 40 unanswerable questions of data/eval/unanswerable_calibration.jsonl and
the answerable questions of data/eval/questions.jsonl in evals.threshold's calibration half.
Report: the 17 unanswerable questions of questions.jsonl (none of them seen in calibration)
and the answerable ones of the other half. Each rule refuses when its score is below its
threshold(s); the thresholds are the ones with the highest calibration refusal recall whose
false refusals stay within the limit (ties: the fewest false refusals).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evals.threshold import in_calibration_half

GRID = [round(0.05 * i, 2) for i in range(1, 20)]  # 0.05 … 0.95


@dataclass(frozen=True)
class Row:
    id: str
    answerable: bool
    judge: float
    evidence: float
    quote_found: float

    @property
    def calibration(self) -> bool:
        return self.id.startswith("cal-") or (self.answerable and in_calibration_half(self.id))


Rule = Callable[[Row, tuple[float, ...]], bool]  # True: answer; False: refuse

RULES: dict[str, tuple[Rule, int]] = {
    "judge": (lambda r, t: r.judge >= t[0], 1),
    "evidence": (lambda r, t: r.evidence >= t[0], 1),
    "judge and evidence": (lambda r, t: r.judge >= t[0] and r.evidence >= t[1], 2),
    "judge × evidence": (lambda r, t: r.judge * r.evidence >= t[0] ** 2, 1),
    "judge and evidence and copied": (
        lambda r, t: r.judge >= t[0] and r.evidence >= t[1] and r.quote_found >= 0.8,
        2,
    ),
}


def load(path: Path) -> list[Row]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        if record.get("judge") is None:
            continue  # nothing retrieved: refused whatever the rule
        rows.append(
            Row(
                record["id"],
                record["answerable"],
                record["judge"],
                record["evidence"],
                record["quote_found"],
            )
        )
    return rows


def rates(rule: Rule, thresholds: tuple[float, ...], rows: list[Row]) -> tuple[float, float]:
    """(refusal recall, false-refusal rate) of a rule on rows."""
    unanswerable = [r for r in rows if not r.answerable]
    answerable = [r for r in rows if r.answerable]
    recall = sum(not rule(r, thresholds) for r in unanswerable) / max(1, len(unanswerable))
    false = sum(not rule(r, thresholds) for r in answerable) / max(1, len(answerable))
    return recall, false


def fit(rule: Rule, arity: int, rows: list[Row], limit: float) -> tuple[float, ...]:
    grids = [(t,) for t in GRID] if arity == 1 else [(a, b) for a in GRID for b in GRID]
    scored = [(rates(rule, t, rows), t) for t in grids]
    allowed = [(recall, -false, t) for (recall, false), t in scored if false <= limit]
    return max(allowed)[2] if allowed else grids[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("signals", type=Path)
    parser.add_argument("--max-false-refusals", type=float, default=0.05)
    args = parser.parse_args()
    rows = load(args.signals)
    calibration = [r for r in rows if r.calibration]
    report = [r for r in rows if not r.calibration]
    print(
        f"calibration: {sum(not r.answerable for r in calibration)} unanswerable, "
        f"{sum(r.answerable for r in calibration)} answerable; report: "
        f"{sum(not r.answerable for r in report)} unanswerable, "
        f"{sum(r.answerable for r in report)} answerable"
    )
    print("| rule | thresholds | calibration recall / false | report recall / false |")
    print("|---|---|---|---|")
    for name, (rule, arity) in RULES.items():
        thresholds = fit(rule, arity, calibration, args.max_false_refusals)
        cal, rep = rates(rule, thresholds, calibration), rates(rule, thresholds, report)
        print(
            f"| {name} | {', '.join(map(str, thresholds))} | {cal[0]:.2f} / {cal[1]:.3f} "
            f"| {rep[0]:.2f} / {rep[1]:.3f} |"
        )


if __name__ == "__main__":
    main()
