"""ragchat ingest DIR [DIR…]: same as `python -m ingest`."""

import argparse

from ingest import cli


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("ingest", help="index document folders (incremental)")
    cli.add_arguments(parser)
    parser.set_defaults(handler=cli.run)
