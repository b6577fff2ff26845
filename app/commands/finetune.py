"""ragchat finetune: train the customer-service LoRA adapter (same as `python -m finetune`)."""

from __future__ import annotations

import argparse

from finetune.cli import add_arguments, run


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "finetune", help="train a LoRA adapter on dialogue data (QLoRA on CUDA)"
    )
    add_arguments(parser)
    parser.set_defaults(handler=run)
