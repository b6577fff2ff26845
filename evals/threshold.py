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

    python -m evals.threshold runs/eval --apply 0.55 --out runs/eval-at-0.55

writes that run's results with the refusals a threshold makes (the answer replaced by the
not-found reply and scored as such; everything else as it was) and its summary and report.
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
    ungrounded: bool = False  # the answer states figures its passages don't contain


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
        return s.refused or s.p < t or s.ungrounded

    return {
        "threshold": t,
        "refusal_recall": sum(map(refused, unanswerable)) / max(1, len(unanswerable)),
        "false_refusal_rate": sum(map(refused, answerable)) / max(1, len(answerable)),
        "fact_recall": sum(0.0 if refused(s) else s.fact_recall for s in answerable)
        / max(1, len(answerable)),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
    }


def mark_ungrounded(
    scored: dict[str, Scored],
    results: Path,
    questions: Path,
    scope: str = "answer",
    models: bool = False,
    names: bool = False,
) -> list[str]:
    """Flag answers whose figures or names don't hold, as rag.grounding.check_grounding reads
    them: figures absent from the passages (scope "answer", "claim" as
    answerability.check_figures: claim reads, or "none"), with `models` the claim's figures
    said of another model (answerability.check_models), with `names` a "yes" about a name no
    document mentions (answerability.check_names). The passages are found again by
    searching the query the engine searched (its search terms included; deterministic for the
    same index). Returns the ids flagged."""
    from rag.components import build_embedder, open_store
    from rag.grounding import check_grounding
    from rag.retriever import Retriever
    from rag.settings import AnswerabilitySettings, get_settings
    from rag.support import claim_of

    settings = get_settings()
    by_id = {q.id: q for q in load_questions(questions)[0] if q.id in scored}
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder)
    retriever = Retriever(store, embedder, settings.retrieval)
    check = AnswerabilitySettings(check_figures=scope, check_models=models, check_names=names)

    def mentioned(word: str) -> bool:
        return bool(store.keyword_search(word, 1))

    answers, queries = {}, {}
    for line in results.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        answers[record["id"]], queries[record["id"]] = record["answer"], record["query"]
    for qid, question in by_id.items():
        hits = retriever.search(queries[qid])
        passages = [h.text for h in hits[: settings.retrieval.top_k]]
        answer = answers[qid]
        withdrawal = check_grounding(
            answer, claim_of(answer), passages, question.question, check, mentioned
        )
        scored[qid].ungrounded = withdrawal is not None and not scored[qid].refused
    store.close()
    return [qid for qid, s in scored.items() if s.ungrounded]


def choose(items: list[Scored], max_false: float) -> float:
    rows = [at_threshold(items, t) for t in GRID]
    allowed = [r for r in rows if r["false_refusal_rate"] <= max_false] or rows[:1]
    best = max(r["refusal_recall"] for r in allowed)
    return min(r["threshold"] for r in allowed if r["refusal_recall"] == best)


def apply(run: Path, questions_file: Path, t: float, out: Path) -> dict:
    """results.jsonl of `run` as if min_probability had been `t`; summary and report in `out`."""
    from evals.metrics import latest_records, summarize
    from evals.report import write_report
    from evals.runner import answer_fields
    from prompts import load_prompts
    from rag.schema import Answer, Timings

    questions = load_questions(questions_file)[0]
    by_id = {q.id: q for q in questions}
    not_found = load_prompts().render("not_found")
    records = []
    for line in (run / "results.jsonl").read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        p = record.get("answerable_p")
        if p is not None and p < t and record["id"] in by_id:
            refusal = Answer(not_found, record["mode"], refused=True, answerable_p=p)
            refusal.timings = Timings(**record["timings"])
            fields = answer_fields(by_id[record["id"]], refusal, [])
            retrieval = {k: v for k, v in record["metrics"].items() if k not in fields["metrics"]}
            record |= {**fields, "metrics": {**retrieval, **fields["metrics"]}}
        records.append(record)
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    modes = list(dict.fromkeys(r["mode"] for r in records if r["mode"] != "retrieval"))
    summary = summarize(records, questions, modes, 0.0)
    summary["answerability.min_probability"] = t
    measured = run / "summary.json"
    if measured.exists():  # which model answered, as the run recorded it
        summary["model"] = json.loads(measured.read_text(encoding="utf-8")).get("model")
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    write_report(out, summary, list(latest_records(records, questions, modes).values()))
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m evals.threshold", description=__doc__)
    parser.add_argument("run", type=Path, help="evaluation folder with results.jsonl")
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS)
    parser.add_argument("--mode", default="rag")
    parser.add_argument("--max-false-refusals", type=float, default=0.05)
    parser.add_argument(
        "--figures",
        nargs="?",
        const="answer",
        choices=("answer", "claim"),
        help="also refuse answers with ungrounded figures: in the whole answer (the default) "
        "or in its first sentence (claim), as answerability.check_figures does",
    )
    parser.add_argument(
        "--models",
        action="store_true",
        help="also refuse answers whose claim states a figure said of another model, as "
        "answerability.check_models does",
    )
    parser.add_argument(
        "--names",
        action="store_true",
        help="also refuse answers that say yes about a name no document mentions, as "
        "answerability.check_names does",
    )
    parser.add_argument("--apply", type=float, help="write the run as if refused below this")
    parser.add_argument("--out", type=Path, help="with --apply: the folder to write")
    args = parser.parse_args(argv)
    if args.apply is not None:
        if args.out is None:
            parser.error("--apply needs --out")
        summary = apply(args.run, args.questions, args.apply, args.out)
        for key in ("fact_recall", "refusal_recall", "false_refusal_rate"):
            for mode in summary["modes"]:
                print(f"modes.{mode}.{key}: {summary.get(f'modes.{mode}.{key}')}")
        return 0
    scored = load(args.run / "results.jsonl", args.questions, args.mode)
    if not scored:
        parser.error(f"no '{args.mode}' answers with answerable_p in {args.run}/results.jsonl")
    if args.figures or args.models or args.names:
        scope = args.figures or "none"
        results = args.run / "results.jsonl"
        flagged = mark_ungrounded(scored, results, args.questions, scope, args.models, args.names)
        checks = ", ".join([scope] + [c for c in ("models", "names") if getattr(args, c)])
        print(f"figures that don't hold ({checks}): {', '.join(flagged) or 'none'}")
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
