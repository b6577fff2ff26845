"""ragchat user add|remove|list: who may sign in to the page (ui.users_file)."""

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


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    store = UserStore(settings.resolve(settings.ui.users_file))
    try:
        match args.action:
            case "add":
                store.add(args.name, _password(args))
                print(f"user {args.name} saved in {store.path}")
            case "remove":
                store.remove(args.name)
                print(f"user {args.name} removed")
            case "list":
                for name in store.names():
                    print(name)
    except UserError as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    return 0
