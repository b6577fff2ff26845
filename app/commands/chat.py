"""ragchat chat: an interactive, multi-turn conversation in the terminal."""

from __future__ import annotations

import argparse
import sys

from app.commands._engine import add_engine_arguments, answer_options, load_engine
from app.commands.ask import print_sources

HELP = "Type a question; /new starts over, /quit (or Ctrl-D) leaves."


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("chat", help="interactive multi-turn chat in the terminal")
    add_engine_arguments(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    engine = load_engine(args)
    if engine is None:
        return 2
    print(HELP)
    history: list[dict] = []
    while True:
        try:
            question = input("\nyou> ").strip()
        except (EOFError, KeyboardInterrupt):
            print()
            return 0
        if question in ("/quit", "/exit"):
            return 0
        if question == "/new":
            history = []
            print("(new conversation)")
            continue
        if not question:
            continue
        stream = engine.stream(question, history, args.mode, answer_options(args))
        stream.on_progress = lambda text: print(f"({text})", file=sys.stderr, flush=True)
        sys.stdout.write("bot> ")
        try:
            for piece in stream:
                sys.stdout.write(piece)
                sys.stdout.flush()
        except KeyboardInterrupt:  # Ctrl-C stops this answer, not the chat
            stream.stop()
        print()
        print_sources(stream.answer)
        history += [
            {"role": "user", "content": question},
            {"role": "assistant", "content": stream.answer.text},
        ]
