"""`ragchat`: the command line. Each subcommand lives in app/commands/."""

from __future__ import annotations

import argparse
import importlib
import os
import sys

# Subcommand modules, in the order `ragchat --help` lists them.
COMMANDS = [
    "ingest", "index", "search", "ask", "chat", "compare", "eval", "finetune", "serve", "api_key",
    "user",
]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="ragchat", description="Local, private document chat.")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"app.commands.{name}").register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    # Models come from installed packages; never reach for a hub.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_NO_ADVISORY_WARNINGS", "1")
    args = build_parser().parse_args(argv)
    return int(args.handler(args) or 0)


if __name__ == "__main__":
    sys.exit(main())
