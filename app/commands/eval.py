"""ragchat eval: the evaluation run of `python -m evals`, with the same flags."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction) -> None:
    from evals.cli import add_arguments

    parser = subparsers.add_parser(
        "eval", help="evaluate retrieval and answers on a question set, write a report"
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from evals.cli import run as run_eval

    return run_eval(args)
