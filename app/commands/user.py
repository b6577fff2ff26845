"""ragchat user add|limit|remove|list: who may sign in to the page (ui.users_file), and
which collections each may read."""

from __future__ import annotations

import argparse
import getpass
import sys

from rag.settings import get_settings
from rag.users import UserError, UserStore


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("user", help="manage the page's users (sign-in)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    add = actions.add_parser("add", help="add a user, or set a new password")
    add.add_argument("name")
    add.add_argument(
        "--password-stdin", action="store_true", help="read the password from stdin (scripts)"
    )
    add.add_argument(
        "--collection",
        action="append",
        metavar="NAME",
        help="the user may read only this collection (repeat for several; default: all, or "
        "the limit the user already has)",
    )
    limit = actions.add_parser("limit", help="set which collections a user may read")
    limit.add_argument("name")
    limit.add_argument("--collection", action="append", metavar="NAME", help="repeatable")
    limit.add_argument("--all", action="store_true", help="lift the limit: every collection")
    remove = actions.add_parser("remove", help="remove a user")
    remove.add_argument("name")
    actions.add_parser("list", help="list the users")
    parser.set_defaults(handler=run)


def _password(args: argparse.Namespace) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass(f"password for {args.name}: ")
    if getpass.getpass("again: ") != first:
        raise UserError("the two passwords differ")
    return first


def _shown(scope: frozenset[str] | None) -> str:
    return "all collections" if scope is None else "collections: " + ", ".join(sorted(scope))


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    store = UserStore(settings.resolve(settings.ui.users_file))
    try:
        match args.action:
            case "add":
                store.add(args.name, _password(args), args.collection)
                print(f"user {args.name} saved in {store.path}")
            case "limit":
                if args.all == bool(args.collection):
                    raise UserError("give --collection NAME (repeatable) or --all")
                store.set_collections(args.name, None if args.all else args.collection)
                print(f"user {args.name}: {_shown(store.collections(args.name))}")
            case "remove":
                store.remove(args.name)
                print(f"user {args.name} removed")
            case "list":
                for name in store.names():  # a limited user's line also names its limit
                    scope = store.collections(name)
                    print(name if scope is None else f"{name}\t{_shown(scope)}")
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
