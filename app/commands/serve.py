"""ragchat serve: the OpenAI-compatible HTTP API (FastAPI under uvicorn)."""

from __future__ import annotations

import argparse
import ipaddress
import sys
from pathlib import Path

from app.commands._engine import index_missing
from rag.llm import NO_ADAPTER
from rag.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("serve", help="serve the OpenAI-compatible HTTP API")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (127.0.0.1)")
    parser.add_argument("--port", type=int, default=8000, help="port (8000)")
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument("--adapter", type=Path, help="LoRA adapter folder (default: llm.adapter)")
    parser.add_argument("--no-adapter", action="store_true", help="load the base model alone")
    parser.add_argument(
        "--insecure",
        action="store_true",
        help="allow a non-loopback address without API keys (anyone who can reach it may ask)",
    )
    parser.set_defaults(handler=run)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


def run(args: argparse.Namespace) -> int:
    from app.api.keys import KeyStore

    settings = get_settings()
    keys = KeyStore(settings.resolve(settings.api.keys_file))
    if not is_loopback(args.host) and not keys.enabled and not args.insecure:
        print(
            f"error: refusing to serve on {args.host} without API keys: create one with "
            f"`ragchat api-key create NAME` (stored in api.keys_file = {keys.path}), "
            "or pass --insecure",
            file=sys.stderr,
        )
        return 2
    if index_missing(settings, args.index):
        return 2
    import uvicorn

    from app.api.server import create_app, engine_holder

    adapter = NO_ADAPTER if args.no_adapter else args.adapter
    app = create_app(settings, engine_holder(settings, args.index, adapter))
    uvicorn.run(app, host=args.host, port=args.port, log_level="info")
    return 0
