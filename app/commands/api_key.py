"""ragchat api-key create NAME: a new HTTP API key, printed once; only its hash is stored."""

from __future__ import annotations

import argparse
import sys

from rag.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("api-key", help="manage the HTTP API's keys")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    create = actions.add_parser("create", help="create a key (printed once)")
    create.add_argument("name", help="who or what uses the key")
    create.add_argument(
        "--collection",
        action="append",
        metavar="NAME",
        help="the key may read only this collection (repeat for several; default: all)",
    )
    create.set_defaults(handler=run_create)
    listing = actions.add_parser("list", help="list key names and dates (never the keys)")
    listing.set_defaults(handler=run_list)


def _store():
    from app.api.keys import KeyStore

    settings = get_settings()
    return KeyStore(settings.resolve(settings.api.keys_file))


def run_create(args: argparse.Namespace) -> int:
    store = _store()
    try:
        key = store.create(args.name, args.collection)
    except ValueError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    print(key)
    print(
        f"Key '{args.name}' stored as a SHA-256 hash in {store.path}; this is the only time "
        "it is shown.",
        file=sys.stderr,
    )
    return 0


def run_list(args: argparse.Namespace) -> int:
    for record in _store().records():
        line = f"{record.name}\t{record.created}\tsha256:{record.sha256[:12]}…"
        if record.collections is not None:
            line += f"\tcollections: {', '.join(record.collections)}"
        print(line)
    return 0
