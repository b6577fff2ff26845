"""Command line for training: `python -m finetune` and `ragchat finetune` share these arguments."""

from __future__ import annotations

import argparse
import json
import logging
import os
from pathlib import Path

DEFAULT_CONFIG = Path(__file__).resolve().parent / "configs" / "customer_service.yaml"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--config", type=Path, default=DEFAULT_CONFIG, help="YAML run config (default: %(default)s)"
    )
    parser.add_argument("--out", type=Path, help="adapter folder (default: the config's out)")
    parser.add_argument("--max-steps", type=int, help="stop after this many optimizer steps")
    parser.add_argument("--limit", type=int, help="use only the first N train/val dialogues")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")


def run(args: argparse.Namespace) -> int:
    from finetune.train import TrainConfig, train

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    cfg = TrainConfig.load(args.config)
    summary = train(cfg, args.out, args.max_steps, args.limit, progress=not args.quiet)
    keys = (
        "steps",
        "best_step",
        "best_val_loss",
        "final_train_loss",
        "final_val_loss",
        "trainable_params",
        "wall_s",
    )
    print(json.dumps({k: summary[k] for k in keys}, indent=2))
    print(f"adapter written to {args.out or cfg.out}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m finetune", description=__doc__)
    add_arguments(parser)
    return run(parser.parse_args(argv))
