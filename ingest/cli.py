"""`python -m ingest DIR [DIR…]` and `ragchat ingest …`: index document folders incrementally."""

from __future__ import annotations

import argparse
import errno
import json
import logging
import sqlite3
import sys
from pathlib import Path

from rich.console import Console
from rich.table import Table

from ingest.lock import ingest_lock
from ingest.pipeline import Ingester, IngestSummary
from rag.collections import CollectionError, check_name
from rag.components import build_embedder, index_path, open_store
from rag.embeddings import Embedder
from rag.pgvector_schema import MissingDriverError
from rag.pgvector_store import StoreConnectionError
from rag.settings import Settings, get_settings
from rag.store import StoreMismatchError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", type=Path, help="folders or files to index")
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument("--json", action="store_true", help="print the summary as JSON")
    prune = parser.add_mutually_exclusive_group()
    prune.add_argument(
        "--prune",
        dest="prune",
        action="store_true",
        default=None,
        help="remove chunks of files deleted from the folders (default: ingest.prune)",
    )
    prune.add_argument("--no-prune", dest="prune", action="store_false", help="keep them")
    parser.add_argument("--quiet", action="store_true", help="no progress bars")
    parser.add_argument(
        "--collection",
        metavar="NAME",
        help="put the files in this collection (moving any that are in another); default: "
        "each indexed file stays in its collection and new ones go to 'default'",
    )
    parser.add_argument(
        "--follow-links",
        action="store_true",
        default=None,
        help="index symlink targets outside the given folders (default: "
        "ingest.follow_external_links)",
    )


def run(args: argparse.Namespace) -> int:
    logging.basicConfig(level=logging.ERROR, format="%(levelname)s %(name)s: %(message)s")
    settings = get_settings()
    embedder = build_embedder(settings.embedding)
    logging.getLogger("ingest.lock").setLevel(logging.WARNING)  # "another ingest is running"
    # FAISS mode: the lock is held from opening the store, so two ingests creating one new
    # index don't race on its tables; pgvector serialises writers in the database.
    folder = index_path(settings, args.index) if settings.store.mode == "faiss" else None
    with ingest_lock(folder):
        return _ingest(args, settings, embedder)


def _ingest(args: argparse.Namespace, settings: Settings, embedder: Embedder) -> int:
    try:
        store = open_store(settings, embedder, args.index)
    except (StoreMismatchError, StoreConnectionError, MissingDriverError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    if args.collection is not None:
        try:
            check_name(args.collection)
        except CollectionError as err:
            store.close()
            print(f"error: --collection: {err}", file=sys.stderr)
            return 2
    try:
        summary = Ingester(settings, store, embedder).run(
            args.paths,
            prune=args.prune,
            progress=not (args.quiet or args.json),
            follow_links=args.follow_links,
            collection=args.collection,
        )
    except (OSError, sqlite3.Error) as err:
        if not is_write_failure(err):
            raise
        where = getattr(store, "path", None) or settings.resolve(settings.store.path)
        print(
            f"error: could not write the index at {where}: disk full or file size limit "
            f"reached ({err}). Files committed before this one are kept and the index still "
            "loads; free some space and run the ingest again to finish.",
            file=sys.stderr,
        )
        return 3
    finally:
        store.close()
    if args.json:
        print(json.dumps(summary.to_dict(), indent=2))
    else:
        print_summary(summary)
    if summary.readable == 0:
        print("error: nothing could be ingested (see the skipped files above)", file=sys.stderr)
        return 1
    return 0


def is_write_failure(err: BaseException) -> bool:
    """No room to write: ENOSPC, EDQUOT, EFBIG (ulimit -f), or SQLite's words for them."""
    if isinstance(err, OSError):
        return err.errno in (errno.ENOSPC, errno.EDQUOT, errno.EFBIG)
    text = str(err).lower()
    return "disk is full" in text or "disk i/o error" in text


def print_summary(summary: IngestSummary) -> None:
    console = Console(stderr=True)
    table = Table(title="ingest summary", show_header=False)
    for key, value in summary.to_dict().items():
        if key not in ("skipped", "masked"):
            table.add_row(key, str(value))
    table.add_row("skipped", str(len(summary.skipped)))
    console.print(table)
    if summary.masked:
        masked = Table("file", "masked", title="personal data masked (ingest.mask_pii)")
        for path, counts in summary.masked.items():
            masked.add_row(path, ", ".join(f"{n} {kind}" for kind, n in counts.items()))
        console.print(masked)
    if summary.skipped:
        skipped = Table("skipped file", "reason", title="skipped")
        for item in summary.skipped:
            skipped.add_row(item.path, item.reason)
        console.print(skipped)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m ingest", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))
