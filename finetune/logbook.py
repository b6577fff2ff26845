"""What a training run writes for watching and comparing: TensorBoard events and a loss curve.

`tensorboard --logdir ADAPTER/runs` shows train/val loss, learning rate and tokens/s while the run
goes on; the PNG beside training.json is the same curve for a README or a review.
"""

from __future__ import annotations

from pathlib import Path

import matplotlib

matplotlib.use("Agg")  # no screen needed
import matplotlib.pyplot as plt  # noqa: E402


class Logbook:
    def __init__(self, folder: Path):
        from torch.utils.tensorboard import SummaryWriter

        self.folder = folder
        self.writer = SummaryWriter(log_dir=str(folder / "runs"))
        self.train: list[tuple[int, float]] = []
        self.val: list[tuple[int, float]] = []

    def step(self, step: int, loss: float, lr: float, tokens_per_s: float) -> None:
        self.train.append((step, loss))
        self.writer.add_scalar("train/loss", loss, step)
        self.writer.add_scalar("train/lr", lr, step)
        self.writer.add_scalar("train/tokens_per_s", tokens_per_s, step)

    def validation(self, step: int, loss: float) -> None:
        self.val.append((step, loss))
        self.writer.add_scalar("val/loss", loss, step)
        self.writer.flush()

    def close(self, png: Path) -> None:
        self.writer.close()
        fig, ax = plt.subplots(figsize=(6, 3.5), dpi=110)
        if self.train:
            ax.plot(*zip(*self.train, strict=True), label="train (per step)", alpha=0.6)
        if self.val:
            ax.plot(*zip(*self.val, strict=True), "o-", label="validation")
        ax.set_xlabel("optimizer step")
        ax.set_ylabel("loss per answer token")
        ax.grid(alpha=0.3)
        ax.legend()
        fig.tight_layout()
        fig.savefig(png)
        plt.close(fig)
