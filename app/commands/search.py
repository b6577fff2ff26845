"""ragchat search "query": what the index finds, with source, page, score and text."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from app.commands._engine import add_collection_argument, index_missing, search_scope
from rag.components import build_embedder, open_store
from rag.retriever import Retriever
from rag.settings import get_settings


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("search", help="show the chunks the index finds for a query")
    parser.add_argument("query")
    parser.add_argument("--k", type=int, default=5, help="number of chunks (default 5)")
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument(
        "--min-score", type=float, help="a hit's least cosine (default: retrieval.min_score)"
    )
    parser.add_argument(
        "--min-relevance",
        type=float,
        help="the best hit's least relevance, else nothing (default: retrieval.min_relevance)",
    )
    parser.add_argument("--json", action="store_true", help="print the hits as JSON")
    add_collection_argument(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    settings = get_settings()
    scope = search_scope(args)
    if index_missing(settings, args.index):
        return 2
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder, args.index)
    hits = Retriever(store, embedder, settings.retrieval).search(
        args.query,
        k=args.k,
        min_score=args.min_score,
        scope=scope,
        min_relevance=args.min_relevance,
    )
    if args.json:
        print(json.dumps([h.search_dict() for h in hits], indent=2))
        return 0
    if not hits:
        print("no relevant chunks found")
    for rank, hit in enumerate(hits, start=1):
        print(f"[{rank}] {hit.label()}  score={hit.score:.4f}  similarity={hit.similarity:.3f}")
        print("    " + hit.text.replace("\n", "\n    "))
    return 0
