"""Choose how "not in the documents" is decided, from the signals bench/refusal_signals.py
recorded, on questions the report never uses.

    python -m evals.refusal_fit runs/refusal-signals.jsonl [RUN ...] [--max-false-refusals 0.05]

Calibration: the 40 unanswerable questions of data/eval/unanswerable_calibration.jsonl and
the answerable questions of data/eval/questions.jsonl in evals.threshold's calibration half.
Report: the 17 unanswerable questions of questions.jsonl (none of them seen in calibration)
and the answerable ones of the other half. Each rule refuses when its score is below its
threshold(s); the thresholds are the ones with the highest calibration refusal recall whose
false refusals stay within the limit (ties: the fewest false refusals, then the lowest
thresholds).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from evals.refusal_table import load_rows
from evals.threshold import in_calibration_half

FINE = [round(0.01 * i, 2) for i in range(1, 100)]  # 0.01 … 0.99, each threshold


@dataclass(frozen=True)
class Row:
    id: str
    answerable: bool
    signals: dict[str, float]

    @property
    def calibration(self) -> bool:
        return self.id.startswith("cal-") or (self.answerable and in_calibration_half(self.id))

    def __getattr__(self, name: str) -> float:
        try:
            return self.signals[name]
        except KeyError:
            raise AttributeError(name) from None


Rule = Callable[[Row, tuple[float, ...]], bool]  # True: answer; False: refuse

RuleSpec = tuple[Rule, int, tuple[str, ...]]  # (answers?, number of thresholds, signals needed)


def alone(signal: str) -> RuleSpec:
    """Answer when the signal reaches the threshold."""
    return (lambda r, t: r.signals[signal] >= t[0], 1, (signal,))


def both(first: str, second: str) -> RuleSpec:
    """Answer when each signal reaches its own threshold."""
    return (
        lambda r, t: r.signals[first] >= t[0] and r.signals[second] >= t[1],
        2,
        (first, second),
    )


def mean_of(*signals: str) -> RuleSpec:
    """Answer when the signals' mean reaches the threshold."""
    return (
        lambda r, t: sum(r.signals[s] for s in signals) >= len(signals) * t[0],
        1,
        signals,
    )


RULES: dict[str, RuleSpec] = {
    "judge": alone("judge"),
    "evidence": alone("evidence"),
    "judge and evidence": both("judge", "evidence"),
    "judge and similarity": both("judge", "similarity"),
    "fact confidence (min)": alone("fact_min_p"),
    "fact confidence (mean)": alone("fact_mean_p"),
    "judge and fact confidence (min)": both("judge", "fact_min_p"),
    "judge and fact confidence (mean)": both("judge", "fact_mean_p"),
    "judge + fact confidence (min)": mean_of("judge", "fact_min_p"),
    "judge and copy check": both("judge", "copy_p"),
    # bench/answer_confidence.py --per-passage: the best passage's P(yes) asked one by one,
    # and a stricter wording (same-topic passages without the asked detail count as no).
    "best passage": alone("passage_max"),
    "judge and best passage": both("judge", "passage_max"),
    "judge + best passage": mean_of("judge", "passage_max"),
    "strict": alone("strict"),
    "judge + strict": mean_of("judge", "strict"),
    "judge + strict + best passage": mean_of("judge", "strict", "passage_max"),
    # bench/answer_confidence.py --verify: after its answer, the model asked whether the
    # passages state it (the answer's own claim checked, not the question).
    "verify": alone("verify"),
    "verify strict": alone("verify_strict"),
    "judge and verify": both("judge", "verify"),
    "judge and verify strict": both("judge", "verify_strict"),
    "judge + verify": mean_of("judge", "verify"),
    "judge + verify strict": mean_of("judge", "verify_strict"),
    # python -m evals.support: the answer's claim checked against its two closest passage
    # sentences in a short prompt of its own (rag.support, answerability.min_support).
    "support": alone("support"),
    "judge and support": both("judge", "support"),
    "judge + support": mean_of("judge", "support"),
    # An evaluation folder run with answerability.min_figure_confidence above 0: its own
    # refusals (`refuses`) and each answer's figure confidence (rag.token_steps).
    "figure": alone("figure"),
}


def load(paths: Path | list[Path]) -> list[Row]:
    """Rows from signal files and evaluation folders (evals.refusal_table.load_rows)."""
    rows = []
    for record in load_rows(paths if isinstance(paths, list) else [paths]).values():
        if record.get("judge") is None:
            continue  # nothing retrieved: refused whatever the rule
        numbers = {
            k: float(v) for k, v in record.items() if isinstance(v, (int, float)) and k != "id"
        }
        if "figure" in record:  # a claim without a figure has nothing to doubt
            numbers["figure"] = 1.0 if record["figure"] is None else float(record["figure"])
        if record.get("passages"):  # per passage, in prompt order
            numbers["passage_max"] = max(record["passages"])
            numbers["passage_mean"] = sum(record["passages"]) / len(record["passages"])
        rows.append(Row(record["id"], record["answerable"], numbers))
    return rows


def auc(rows: list[Row], signal: str) -> float:
    """P(an answerable question's signal > an unanswerable one's); ties count half."""
    pos = [r.signals[signal] for r in rows if r.answerable]
    neg = [r.signals[signal] for r in rows if not r.answerable]
    pairs = [(a > b) + 0.5 * (a == b) for a in pos for b in neg]
    return sum(pairs) / max(1, len(pairs))


def rates(rule: Rule, thresholds: tuple[float, ...], rows: list[Row]) -> tuple[float, float]:
    """(refusal recall, false-refusal rate) of a rule on rows."""
    unanswerable = [r for r in rows if not r.answerable]
    answerable = [r for r in rows if r.answerable]

    def refused(r: Row) -> bool:  # an answer that says so in its own words is a refusal too
        return bool(r.signals.get("refuses")) or not rule(r, thresholds)

    recall = sum(map(refused, unanswerable)) / max(1, len(unanswerable))
    false = sum(map(refused, answerable)) / max(1, len(answerable))
    return recall, false


def fit(rule: Rule, arity: int, rows: list[Row], limit: float) -> tuple[float, ...]:
    grids = [(t,) for t in FINE] if arity == 1 else [(a, b) for a in FINE for b in FINE]
    scored = [(rates(rule, t, rows), t) for t in grids]
    # Ties go to the lowest thresholds: the calibration set can't tell them apart, and the
    # lower ones refuse fewer answerable questions it doesn't hold.
    allowed = [(recall, -false, -sum(t), t) for (recall, false), t in scored if false <= limit]
    return max(allowed)[3] if allowed else grids[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("signals", type=Path, nargs="+", help="signal files or RUN folders")
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
    common = set.intersection(*(set(r.signals) for r in rows)) - {"answerable", "seconds"}
    signals = sorted(common)
    print("AUC (all questions): " + ", ".join(f"{k} {auc(rows, k):.3f}" for k in signals))
    print("| rule | thresholds | calibration recall / false | report recall / false |")
    print("|---|---|---|---|")
    for name, (rule, arity, needs) in RULES.items():
        if any(need not in common for need in needs):
            continue
        thresholds = fit(rule, arity, calibration, args.max_false_refusals)
        cal, rep = rates(rule, thresholds, calibration), rates(rule, thresholds, report)
        print(
            f"| {name} | {', '.join(map(str, thresholds))} | {cal[0]:.2f} / {cal[1]:.3f} "
            f"| {rep[0]:.2f} / {rep[1]:.3f} |"
        )


if __name__ == "__main__":
    main()
