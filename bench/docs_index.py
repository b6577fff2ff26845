"""The index the retrieval benches search: `--index` if given, else data/docs (or `--docs`)
ingested into a temporary folder with the current settings."""

from __future__ import annotations

import argparse
import tempfile
from pathlib import Path
from typing import Any

from rag.settings import PROJECT_ROOT, Settings


def add_index_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--index", type=Path, help="an index of --docs (default: built here)")
    parser.add_argument("--docs", type=Path, default=PROJECT_ROOT / "data" / "docs")
    parser.add_argument("--json", type=Path, help="write every measured row here")


def open_docs_index(args: argparse.Namespace) -> tuple[Settings, Any, Any, Any]:
    """(settings, embedder, store, temporary folder to keep alive while the store is used)."""
    from ingest.pipeline import Ingester
    from rag.components import build_embedder, open_store

    settings = Settings()
    embedder = build_embedder(settings.embedding)
    tmp = tempfile.TemporaryDirectory()
    store = open_store(settings, embedder, args.index or Path(tmp.name))
    if args.index is None:
        Ingester(settings, store, embedder).run([args.docs], progress=False)
    return settings, embedder, store, tmp
