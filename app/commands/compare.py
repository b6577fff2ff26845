"""ragchat compare "question": the same question answered in every mode, one retrieval."""

from __future__ import annotations

import argparse
import json

from app.commands._engine import add_engine_arguments, answer_options, load_engine
from rag.engine import MODES


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("compare", help="answer in each mode, side by side")
    parser.add_argument("question")
    add_engine_arguments(parser, with_mode=False)
    parser.add_argument(
        "--modes", default=",".join(MODES), help=f"comma-separated (default {','.join(MODES)})"
    )
    parser.add_argument("--json", action="store_true", help="one JSON object per mode")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    engine = load_engine(args)
    if engine is None:
        return 2
    modes = [m.strip() for m in args.modes.split(",") if m.strip()]
    unknown = [m for m in modes if m not in MODES]
    if unknown:
        print(f"error: unknown mode(s) {unknown}; choose from {', '.join(MODES)}")
        return 2
    answers = engine.compare(args.question, [], modes, options=answer_options(args))
    for mode, answer in answers.items():
        if args.json:
            print(json.dumps(answer.to_dict()))
            continue
        t = answer.timings
        speed = f"{t.tokens_per_s:.1f} tok/s" if t.tokens_per_s else "-"
        ttft = f"{t.ttft_s:.2f}s" if t.ttft_s is not None else "-"
        print(f"=== {mode}  (ttft {ttft}, {speed})")
        print(answer.text)
        for hit in answer.sources:
            print(f"  - {hit.label()}")
        print()
    return 1 if any(a.error for a in answers.values()) else 0
