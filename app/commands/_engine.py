"""Shared flags and engine construction for the answering subcommands."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from rag.collections import CollectionError, Scope, resolve_scope
from rag.components import index_exists, index_path
from rag.engine import MODES, AnswerOptions, ChatEngine, build_engine
from rag.llm import NO_ADAPTER, ModelLoadError
from rag.settings import Settings, get_settings


def add_engine_arguments(parser: argparse.ArgumentParser, with_mode: bool = True) -> None:
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument("--adapter", type=Path, help="LoRA adapter folder (default: llm.adapter)")
    parser.add_argument("--no-adapter", action="store_true", help="load the base model alone")
    parser.add_argument("--max-new-tokens", type=int, help="answer length limit")
    parser.add_argument("--top-k", type=int, help="chunks put into the prompt")
    add_collection_argument(parser)
    if with_mode:
        parser.add_argument("--mode", choices=MODES, default="rag", help="answer mode")


def add_collection_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--collection",
        action="append",
        metavar="NAME",
        help="search only this collection (repeat for several; default: every collection)",
    )


def search_scope(args: argparse.Namespace) -> Scope:
    """The collections named by --collection (None: all); a bad name exits with its reason."""
    try:
        return resolve_scope(args.collection, None)  # the CLI reads the index files directly
    except CollectionError as err:
        raise SystemExit(f"error: --collection: {err}") from None


def answer_options(args: argparse.Namespace) -> AnswerOptions:
    return AnswerOptions(
        max_new_tokens=args.max_new_tokens, top_k=args.top_k, collections=search_scope(args)
    )


def index_missing(settings: Settings, index: Path | None) -> bool:
    """True (after saying how to create one) when there is no index to answer from."""
    if index_exists(settings, index):
        return False
    print(
        f"error: no index at {index_path(settings, index)}; create one with `ragchat ingest DIR`",
        file=sys.stderr,
    )
    return True


def load_engine(args: argparse.Namespace) -> ChatEngine | None:
    """The engine, or None after printing a clear message (no index, unloadable model)."""
    settings = get_settings()
    if index_missing(settings, args.index):
        return None
    adapter = NO_ADAPTER if args.no_adapter else args.adapter
    try:
        return build_engine(settings, index=args.index, adapter=adapter)
    except ModelLoadError as err:
        print(f"error: {err}", file=sys.stderr)
        return None
