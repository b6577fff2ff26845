"""ragchat ask "question": one answer, streamed to the terminal (or as JSON)."""

from __future__ import annotations

import argparse
import json
import sys

from app.commands._engine import add_engine_arguments, answer_options, load_engine
from rag.schema import Answer


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ask", help="answer one question from the documents")
    parser.add_argument("question")
    add_engine_arguments(parser)
    parser.add_argument(
        "--json", action="store_true", help="print {answer, mode, sources, timings}"
    )
    parser.set_defaults(handler=run)


def print_sources(answer: Answer) -> None:
    """Cited sources; for a "not in the documents" reply, the related passages it found."""
    hits = answer.hits if answer.refused else answer.sources or answer.hits
    if hits:
        print(
            "\n\nRelated passages (they did not answer it):" if answer.refused else "\n\nSources:"
        )
    for hit in hits:
        print(f"  - {hit.label()}  (score {hit.score:.3f})")


def run(args: argparse.Namespace) -> int:
    engine = load_engine(args)
    if engine is None:
        return 2
    stream = engine.stream(args.question, [], args.mode, answer_options(args))
    if args.json:
        answer = stream.consume()
        print(json.dumps(answer.to_dict(), indent=2))
        return 1 if answer.error else 0
    stream.on_progress = lambda text: print(f"({text})", file=sys.stderr, flush=True)
    for piece in stream:
        sys.stdout.write(piece)
        sys.stdout.flush()
    answer = stream.answer
    print_sources(answer)
    return 1 if answer.error else 0
