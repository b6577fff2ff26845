"""The training loop: LoRA (CPU, fp32 base) or QLoRA (CUDA, 4-bit NF4 base) on dialogue data.

A plain loop, nanoGPT style: AdamW, linear warmup then linear decay, gradient clipping,
validation loss every `eval_every` optimizer steps and at each epoch end, early stopping on the
validation loss. The best adapter (lowest validation loss) is what gets written, in peft's own
format (`save_pretrained`), next to a training.json that says how it was made.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
import re
import shutil
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import torch
import yaml

from finetune.data import (
    IGNORE,
    Encoded,
    encode_all,
    file_sha256,
    load_dialogues,
    mask_dialogues,
)
from finetune.logbook import Logbook
from rag.models import preset_for
from rag.settings import PROJECT_ROOT, LLMSettings, Settings

log = logging.getLogger(__name__)


@dataclass
class TrainConfig:
    train_file: str = "data/dialogues/train.jsonl"
    val_file: str = "data/dialogues/val.jsonl"
    out: str = "data/adapters/customer-service"
    target_modules: list[str] = field(default_factory=lambda: ["q_proj", "v_proj"])
    rank: int = 8
    alpha: int = 16
    dropout: float = 0.05
    lr: float = 2e-4
    weight_decay: float = 0.0
    warmup_steps: int = 5
    grad_clip: float = 1.0
    epochs: float = 1.0
    max_steps: int | None = None
    max_length: int = 512
    batch_size: int = 8
    grad_accum: int = 1
    eval_every: int = 20
    patience: int = 3
    val_limit: int | None = None
    seed: int = 1337
    device: str = "auto"
    quantization: str = "auto"
    model: str | None = None  # the base: a preset, .gguf file or model folder; None = llm.model
    mask_pii: bool = True  # e-mails, phones, cards, IBANs, IPs -> <EMAIL>… before training
    pii_keep: list[str] = field(default_factory=list)  # public contacts left unmasked

    @classmethod
    def load(cls, path: Path) -> TrainConfig:
        raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
        unknown = set(raw) - set(cls.__dataclass_fields__)
        if unknown:
            raise ValueError(f"{path}: unknown config keys {sorted(unknown)}")
        return cls(**raw)


def _path(value: str | Path) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def seed_everything(seed: int) -> None:
    random.seed(seed)
    torch.manual_seed(seed)


def length_batches(items: list[Encoded], batch_size: int, rng: random.Random) -> list[list[int]]:
    """Batches of similar length (little padding), in random order.

    Shuffle, cut into pools of 16 batches, sort each pool by length, cut into batches, then
    shuffle the batches: similar lengths share a batch, but the order still varies by epoch.
    """
    order = list(range(len(items)))
    rng.shuffle(order)
    pool = batch_size * 16
    batches = []
    for start in range(0, len(order), pool):
        chunk = sorted(order[start : start + pool], key=lambda i: len(items[i]))
        batches += [chunk[i : i + batch_size] for i in range(0, len(chunk), batch_size)]
    rng.shuffle(batches)
    return batches


def collate(items: list[Encoded], pad_id: int, device: str) -> dict[str, torch.Tensor]:
    width = max(len(x) for x in items)
    ids = torch.full((len(items), width), pad_id, dtype=torch.long)
    labels = torch.full((len(items), width), IGNORE, dtype=torch.long)
    mask = torch.zeros((len(items), width), dtype=torch.long)
    for row, item in enumerate(items):
        ids[row, : len(item)] = torch.tensor(item.input_ids)
        labels[row, : len(item)] = torch.tensor(item.labels)
        mask[row, : len(item)] = 1
    return {"input_ids": ids.to(device), "labels": labels.to(device), "mask": mask.to(device)}


def answer_loss(model: Any, batch: dict[str, torch.Tensor]) -> tuple[torch.Tensor, int]:
    """Summed next-token cross-entropy over labelled (assistant) tokens, and their count.

    The LM head (576 → 49,152 vocabulary) runs only where a label exists (~20% of positions
    here): full logits for a batch of 8 × 512 tokens are ~800 MB and most of them are prompt.
    """
    base = model.get_base_model() if hasattr(model, "get_base_model") else model
    hidden = base.model(input_ids=batch["input_ids"], attention_mask=batch["mask"])[0]
    targets = batch["labels"][:, 1:]
    keep = targets != IGNORE
    logits = base.lm_head(hidden[:, :-1][keep])
    loss = torch.nn.functional.cross_entropy(logits.float(), targets[keep], reduction="sum")
    return loss, int(keep.sum())


@torch.no_grad()
def evaluate(model: Any, items: list[Encoded], batch_size: int, pad_id: int, device: str) -> float:
    """Mean loss per assistant token (perplexity = exp of it)."""
    was_training = model.training
    model.eval()
    order = sorted(range(len(items)), key=lambda i: len(items[i]))
    total, count = 0.0, 0
    for start in range(0, len(order), batch_size):
        batch = collate([items[i] for i in order[start : start + batch_size]], pad_id, device)
        with _autocast(device):
            loss, n = answer_loss(model, batch)
        total, count = total + float(loss), count + n
    model.train(was_training)
    return total / max(count, 1)


def _autocast(device: str):
    if device == "cuda":
        return torch.autocast("cuda", dtype=torch.bfloat16)
    return torch.autocast("cpu", enabled=False)


def base_settings(cfg: TrainConfig, settings: Settings) -> LLMSettings:
    """llm settings for the base this run trains on (the config's model, else llm.model)."""
    update: dict[str, Any] = {"adapter": None, "device": cfg.device}
    update |= {"quantization": cfg.quantization, "runtime": "transformers"}
    if cfg.model is not None:
        update["model"] = cfg.model
    return settings.llm.model_copy(update=update)


def build_model(cfg: TrainConfig, settings: Settings) -> tuple[Any, Any, dict]:
    """Base via rag.llm.load_base (4-bit on CUDA, fp32 on CPU) with fresh LoRA layers on top."""
    from peft import LoraConfig, get_peft_model, prepare_model_for_kbit_training

    from rag.llm import load_base

    llm = base_settings(cfg, settings)
    model, tokenizer, report = load_base(llm, settings.resolve(llm.cache_dir), for_training=True)
    if report["quantization"] in ("nf4", "int8"):
        model = prepare_model_for_kbit_training(model, use_gradient_checkpointing=False)
    lora = LoraConfig(
        r=cfg.rank,
        lora_alpha=cfg.alpha,
        lora_dropout=cfg.dropout,
        target_modules=list(cfg.target_modules),
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(model, lora)
    # The local folder is a cache path on this machine; record the public model id instead, so
    # any peft user can load the adapter onto the original base.
    model.peft_config["default"].base_model_name_or_path = public_base_id(llm)
    return model, tokenizer, report


def train(
    cfg: TrainConfig,
    out: Path | None = None,
    max_steps: int | None = None,
    limit: int | None = None,
    settings: Settings | None = None,
    progress: bool = True,
) -> dict:
    """Train, keep the best adapter by validation loss, write it to `out`; returns the summary."""
    from tqdm.auto import tqdm

    started = time.perf_counter()
    settings = settings or Settings()
    out = _path(out or cfg.out)
    seed_everything(cfg.seed)
    train_path, val_path = _path(cfg.train_file), _path(cfg.val_file)
    train_rows, skipped = load_dialogues(train_path, limit)
    val_rows, val_skipped = load_dialogues(val_path, limit or cfg.val_limit)
    keep = frozenset(cfg.pii_keep)
    masked = [mask_dialogues(r, keep) if cfg.mask_pii else {} for r in (train_rows, val_rows)]
    model, tokenizer, report = build_model(cfg, settings)
    device = report["device"]
    pad_id = tokenizer.pad_token_id if tokenizer.pad_token_id is not None else 0
    train_items, train_stats = encode_all(tokenizer, train_rows, cfg.max_length)
    val_items, val_stats = encode_all(tokenizer, val_rows, cfg.max_length)
    if not train_items or not val_items:
        raise ValueError(f"no usable dialogues in {train_path} or {val_path}")

    steps_per_epoch = math.ceil(math.ceil(len(train_items) / cfg.batch_size) / cfg.grad_accum)
    total_steps = max(1, math.ceil(steps_per_epoch * cfg.epochs))
    for cap in (cfg.max_steps, max_steps):
        if cap is not None:
            total_steps = min(total_steps, cap)
    params = [p for p in model.parameters() if p.requires_grad]
    trainable = sum(p.numel() for p in params)
    optimizer = torch.optim.AdamW(params, lr=cfg.lr, weight_decay=cfg.weight_decay)
    warmup = min(cfg.warmup_steps, max(total_steps - 1, 0))

    def schedule(step: int) -> float:  # linear warmup, then linear decay to 10% of lr
        if step < warmup:
            return (step + 1) / (warmup + 1)
        return 1.0 - 0.9 * (step - warmup) / max(total_steps - warmup, 1)

    scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, schedule)
    staging = out.parent / f".{out.name}.partial"
    shutil.rmtree(staging, ignore_errors=True)
    rng = random.Random(cfg.seed)
    history: list[dict] = []
    best = {"val_loss": math.inf, "step": 0}
    stale = step = 0
    train_loss = math.nan
    model.train()

    def check(step: int, epoch: float) -> bool:
        """Validate, save when best; True when patience ran out."""
        nonlocal stale
        val = evaluate(model, val_items, cfg.batch_size, pad_id, device)
        logbook.validation(step, val)
        history.append(
            {
                "step": step,
                "epoch": round(epoch, 2),
                "train_loss": train_loss,
                "val_loss": round(val, 4),
            }
        )
        if val < best["val_loss"]:
            best.update(val_loss=val, step=step, train_loss=train_loss)
            model.save_pretrained(staging)
            stale = 0
        else:
            stale += 1
        bar.write(
            f"step {step}: train {train_loss:.4f}  val {val:.4f}  best {best['val_loss']:.4f}"
        )
        return stale >= cfg.patience

    staging.mkdir(parents=True, exist_ok=True)
    logbook = Logbook(staging)
    bar = tqdm(total=total_steps, desc="finetune", unit="step", disable=not progress)
    stopped_early = False
    epoch = 0
    while step < total_steps and not stopped_early:
        batches = length_batches(train_items, cfg.batch_size, rng)
        groups = [batches[i : i + cfg.grad_accum] for i in range(0, len(batches), cfg.grad_accum)]
        for group in groups:
            step_started = time.perf_counter()
            sums, count = [], 0
            collated = [collate([train_items[i] for i in b], pad_id, device) for b in group]
            tokens = sum(int((c["labels"][:, 1:] != IGNORE).sum()) for c in collated)
            for batch in collated:
                with _autocast(device):
                    loss, n = answer_loss(model, batch)
                (loss / tokens).backward()
                sums.append(float(loss))
                count += n
            torch.nn.utils.clip_grad_norm_(params, cfg.grad_clip)
            optimizer.step()
            scheduler.step()
            optimizer.zero_grad(set_to_none=True)
            step += 1
            loss_now = sum(sums) / max(count, 1)
            train_loss = round(
                loss_now if math.isnan(train_loss) else 0.9 * train_loss + 0.1 * loss_now, 4
            )  # smoothed for display
            seen = sum(int(c["mask"].sum()) for c in collated)
            speed = seen / (time.perf_counter() - step_started)
            logbook.step(step, loss_now, scheduler.get_last_lr()[0], speed)
            bar.set_postfix(loss=f"{loss_now:.3f}", lr=f"{scheduler.get_last_lr()[0]:.1e}")
            bar.update(1)
            at_epoch_end = step % steps_per_epoch == 0
            if (step % cfg.eval_every == 0 or at_epoch_end or step == total_steps) and check(
                step, epoch + (step % steps_per_epoch or steps_per_epoch) / steps_per_epoch
            ):
                stopped_early = True
                break
            if step >= total_steps:
                break
        epoch += 1
    bar.close()
    logbook.close(staging / "loss.png")

    summary = {
        "base_model": report["model"],
        "device": device,
        "quantization": report["quantization"],
        "config": asdict(cfg),
        "data": {
            "train": {
                "file": cfg.train_file,
                "sha256": file_sha256(train_path),
                **train_stats,
                "skipped_lines": skipped,
                "pii_masked": masked[0],
            },
            "val": {
                "file": cfg.val_file,
                "sha256": file_sha256(val_path),
                **val_stats,
                "skipped_lines": val_skipped,
                "pii_masked": masked[1],
            },
            "limit": limit,
        },
        "trainable_params": trainable,
        "steps": step,
        "planned_steps": total_steps,
        "steps_per_epoch": steps_per_epoch,
        "stopped_early": stopped_early,
        "best_step": best["step"],
        "best_val_loss": round(best["val_loss"], 4),
        "train_loss_at_best": best.get("train_loss"),
        "final_train_loss": train_loss,
        "final_val_loss": history[-1]["val_loss"],
        "history": history,
        "wall_s": round(time.perf_counter() - started, 1),
        "torch": torch.__version__,
    }
    (staging / "training.json").write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    public_model_card(staging / "README.md", public_base_id(base_settings(cfg, settings)))
    _replace(staging, out)
    log.info("adapter written to %s (best step %d)", out, best["step"])
    return summary


def public_base_id(llm: LLMSettings) -> str:
    """The public model id of a preset base; for a model given by path, its file or folder name."""
    preset = preset_for(llm.model)
    return preset.hf_id if preset else Path(llm.model).name


def public_model_card(card: Path, base_id: str) -> None:
    """peft's generated model card names the local cache folder as the base: name the public id."""
    if card.exists():
        text = card.read_text(encoding="utf-8")
        text = re.sub(r"(base_model:(?:adapter:)?\s*)\S+", rf"\g<1>{base_id}", text)
        card.write_text(text, encoding="utf-8")


def _replace(staging: Path, out: Path) -> None:
    """Swap the finished adapter in; the previous one stays until the new one is complete."""
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.exists():
        old = out.parent / f".{out.name}.old"
        shutil.rmtree(old, ignore_errors=True)
        os.replace(out, old)
        os.replace(staging, out)
        shutil.rmtree(old, ignore_errors=True)
    else:
        os.replace(staging, out)
