"""python -m evals / ragchat eval: answer the question set in every mode and write a report."""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path
from typing import Any

from evals.metrics import latest_records, summarize
from evals.questions import DEFAULT_QUESTIONS, Question, load_questions, quick_subset
from evals.report import write_report
from evals.runner import (
    RETRIEVAL,
    ResultLog,
    batch_ranker,
    engine_ranker,
    ensure_index,
    run_generation,
    run_retrieval,
    usable_modes,
)
from rag.adapters import NO_ADAPTER
from rag.modes import MODE_NAMES
from rag.settings import PROJECT_ROOT, Settings, get_settings

ALL_MODES = MODE_NAMES


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS, help="JSONL set")
    parser.add_argument(
        "--modes", default=",".join(ALL_MODES), help="comma-separated (default: all three)"
    )
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument(
        "--docs", type=Path, default=PROJECT_ROOT / "data" / "docs", help="ingested when no index"
    )
    parser.add_argument("--out", type=Path, required=True, help="results and report folder")
    parser.add_argument("--quick", action="store_true", help="a fixed subset of 8 questions")
    parser.add_argument(
        "--retrieval-only", action="store_true", help="score retrieval only; no LLM is loaded"
    )
    parser.add_argument("--fresh", action="store_true", help="start over instead of resuming")
    parser.add_argument(
        "--fresh-facts", action="store_true", help="also run the changed-documents set"
    )
    parser.add_argument("--limit", type=int, help="only the first N questions")
    parser.add_argument("--adapter", type=Path, help="LoRA adapter folder (default: llm.adapter)")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument(
        "--draft-questions",
        type=Path,
        metavar="DIR",
        help="instead of evaluating: draft a question file from DIR's documents into --out "
        "(a .jsonl file; --limit caps the total, --fresh replaces an existing file)",
    )
    parser.add_argument(
        "--max-per-file", type=int, metavar="N", help="--draft-questions: at most N per file"
    )


def parse_modes(text: str) -> list[str]:
    modes = [m.strip() for m in text.split(",") if m.strip()]
    unknown = [m for m in modes if m not in ALL_MODES]
    if unknown or not modes:
        raise ValueError(
            f"unknown mode(s) {', '.join(unknown)}; choose from {', '.join(ALL_MODES)}"
        )
    return list(dict.fromkeys(modes))


def _retrieval_only(
    args: argparse.Namespace,
    settings: Settings,
    questions: list[Question],
    log: ResultLog,
    index: Path,
    progress: bool,
) -> None:
    """Embedder and store only: no chat model is loaded."""
    from rag.components import build_embedder, open_store

    embedder = build_embedder(settings.embedding)
    ensure_index(settings, index, args.docs, embedder, progress)
    store = open_store(settings, embedder, index)
    try:
        run_retrieval(
            questions, batch_ranker(questions, store, embedder, settings, progress), log, progress
        )
    finally:
        store.close()


def _engine(
    args: argparse.Namespace, settings: Settings, index: Path, build: Any, adapter: Any
) -> Any:
    """The engine over `index` (built first when missing), with `adapter`."""
    ensure_index(settings, index, args.docs, progress=not args.quiet)
    return build(settings, index=index, adapter=adapter)


def evaluate(args: argparse.Namespace, settings: Settings, build: Any = None) -> dict[str, Any]:
    """Run, summarise and report; `build` makes the engine (default rag.engine.build_engine)."""
    if build is None:  # imported here: a retrieval-only run never loads the chat model's code
        from rag.engine import build_engine as build
    started, progress = time.perf_counter(), not args.quiet
    questions, problems = load_questions(args.questions)
    for problem in problems:
        print(f"{args.questions}: {problem} (skipped)", file=sys.stderr)
    if args.quick:
        questions = quick_subset(questions)
    if args.limit:
        questions = questions[: args.limit]
    if not questions:
        raise ValueError(f"{args.questions}: no valid questions")
    modes = [] if args.retrieval_only else parse_modes(args.modes)
    args.out.mkdir(parents=True, exist_ok=True)
    log = ResultLog(args.out / "results.jsonl", fresh=args.fresh)
    index = Path(args.index) if args.index else settings.resolve(settings.store.path)
    skipped: list[str] = []
    if args.retrieval_only and settings.retrieval.query_terms == "none":
        _retrieval_only(args, settings, questions, log, index, progress)
    elif args.retrieval_only:  # the chat model names the search terms: the engine ranks
        engine = _engine(args, settings, index, build, NO_ADAPTER)
        run_retrieval(questions, engine_ranker(engine), log, progress)
    else:
        engine = _engine(args, settings, index, build, args.adapter)
        modes, skipped = usable_modes(modes, engine)
        for mode in skipped:
            print(f"mode '{mode}' skipped: no LoRA adapter loaded (see --adapter)", file=sys.stderr)
        if not modes:
            raise ValueError("no mode left to evaluate: the fine-tuned modes need an adapter")
        top_k = settings.retrieval.top_k
        run_generation(questions, engine, modes, log, engine_ranker(engine), top_k, progress)
    fresh = None
    if args.fresh_facts and args.retrieval_only:
        print("--fresh-facts needs answers; skipped with --retrieval-only", file=sys.stderr)
    elif args.fresh_facts:
        from evals.fresh import run_fresh

        fresh, _ = run_fresh(
            settings, args.docs, modes, args.out, build, args.adapter, args.fresh, progress
        )
    summary = summarize(log.records, questions, modes, round(time.perf_counter() - started, 2))
    summary["modes_skipped"] = skipped
    if not args.retrieval_only:  # which model answered (the page's default mode follows it)
        report = getattr(getattr(engine, "llm", None), "report", None) or {}
        summary["model"] = report.get("model")
    summary["skipped_lines"] = [str(p) for p in problems]
    summary.update(fresh or {})
    tmp = args.out / "summary.json.tmp"
    tmp.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    os.replace(tmp, args.out / "summary.json")
    latest = list(latest_records(log.records, questions, modes or [RETRIEVAL]).values())
    write_report(args.out, summary, latest, problems, fresh)
    return summary


def print_summary(summary: dict[str, Any], out: Path) -> None:
    keys = ["retrieval.hit@1", "retrieval.hit@5", "retrieval.mrr"]
    for mode in summary["modes"]:
        keys += [f"modes.{mode}.{k}" for k in ("fact_recall", "refusal_accuracy", "ttft_p50_s")]
    covered = summary.get("covered", {})
    for key in keys:
        count = f"  ({covered[key]} questions)" if key in covered else ""
        print(f"{key:36} {summary.get(key)}{count}")
    print(f"report: {out / 'report.md'}")


def run(args: argparse.Namespace, settings: Settings | None = None) -> int:
    if args.draft_questions:
        from evals.draft import run_draft

        return run_draft(
            args.draft_questions, args.out, args.max_per_file, args.limit, overwrite=args.fresh
        )
    try:
        summary = evaluate(args, settings or get_settings())
    except (ValueError, RuntimeError, OSError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print_summary(summary, args.out)
    return 0


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # models come from installed packages
    parser = argparse.ArgumentParser(prog="python -m evals", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))
