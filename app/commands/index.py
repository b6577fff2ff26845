"""ragchat index copy --from PATH --to postgresql://…: move a FAISS index into pgvector
(each file keeps its collection); ragchat index collections: what the index holds.

The docstore holds every chunk's vector, so nothing is embedded again; an interrupted copy is
resumed by running it again (files already there with the same hash are skipped).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import SecretStr

from rag.components import build_embedder, index_exists, open_store
from rag.pgvector_schema import MissingDriverError
from rag.pgvector_store import StoreConnectionError
from rag.settings import get_settings
from rag.store import StoreMismatchError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("index", help="manage indexes (copy one into pgvector)")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    copy = actions.add_parser("copy", help="copy a FAISS index into PostgreSQL/pgvector")
    copy.add_argument("--from", dest="source", type=Path, help="FAISS index folder (store.path)")
    copy.add_argument(
        "--to",
        dest="target",
        help="libpq URL of the target database (default: store.url, e.g. from "
        "RAGCHAT_STORE__URL; a password is better kept in PGPASSWORD or ~/.pgpass)",
    )
    copy.add_argument("--table-prefix", help="target tables' prefix (default: store.table_prefix)")
    copy.set_defaults(handler=run_copy)
    listing = actions.add_parser("collections", help="list the collections and their chunks")
    listing.add_argument("--index", type=Path, help="index folder (default: store.path)")
    listing.add_argument("--json", action="store_true", help="print {name: chunks} as JSON")
    listing.set_defaults(handler=run_collections)


def run_collections(args: argparse.Namespace) -> int:
    settings = get_settings()
    if not index_exists(settings, args.index):
        print("error: no index; create one with `ragchat ingest DIR`", file=sys.stderr)
        return 2
    store = open_store(settings, build_embedder(settings.embedding), args.index)
    try:
        found = store.collections()
    finally:
        store.close()
    if args.json:
        print(json.dumps(found, indent=2))
        return 0
    for name, chunks in found.items():
        print(f"{name}\t{chunks} chunks")
    return 0


def run_copy(args: argparse.Namespace) -> int:
    from rag.store_copy import copy_index

    settings = get_settings()
    faiss = settings.model_copy(
        update={"store": settings.store.model_copy(update={"mode": "faiss"})}
    )
    if not index_exists(faiss, args.source):
        print(f"error: no FAISS index at {args.source or faiss.store.path}", file=sys.stderr)
        return 2
    update: dict = {"mode": "pgvector"}
    if args.target:
        update["url"] = SecretStr(args.target)
    if args.table_prefix:
        update["table_prefix"] = args.table_prefix
    pg = settings.model_copy(update={"store": settings.store.model_copy(update=update)})
    embedder = build_embedder(settings.embedding)
    source = open_store(faiss, embedder, args.source)
    try:
        target = open_store(pg, embedder)
    except (StoreConnectionError, MissingDriverError, StoreMismatchError) as err:
        source.close()
        print(f"error: {err}", file=sys.stderr)
        return 2
    try:
        summary = copy_index(source, target)
    except StoreMismatchError as err:  # another embedding model: the message names both
        print(f"error: {err}", file=sys.stderr)
        return 2
    finally:
        source.close()
        target.close()
    print(
        f"copied {summary.files_copied} files ({summary.chunks_copied} chunks); "
        f"{summary.files_unchanged} already there"
    )
    return 0
