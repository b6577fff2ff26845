"""Dialogue JSONL → token ids + labels, with the loss on assistant tokens only.

Each line of a dialogue file is {"messages": [{"role", "content"}, ...], ...}. A bad line (not
JSON, no messages, an unknown role, no assistant turn) is reported with its line number and
skipped; the other lines still load.

The label mask comes from rendering the chat template turn by turn: the text the template adds
for an assistant turn (its content and the closing <|im_end|>) is trainable, everything else
(system prompt, user turns, the "<|im_start|>assistant\n" header) gets label -100, so the model
learns to answer, not to predict the customer's questions or the retrieved context.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.pii import mask_pii

log = logging.getLogger(__name__)

ROLES = ("system", "user", "assistant")
IGNORE = -100  # label value torch's cross-entropy skips


@dataclass
class Encoded:
    input_ids: list[int]
    labels: list[int]
    truncated: bool = False

    def __len__(self) -> int:
        return len(self.input_ids)


def _problem(message: Any) -> str | None:
    """Why a parsed line is not a usable dialogue, or None when it is."""
    if not isinstance(message, dict):
        return "not a JSON object"
    messages = message.get("messages")
    if not isinstance(messages, list) or not messages:
        return "missing or empty 'messages' list"
    for i, turn in enumerate(messages):
        if not isinstance(turn, dict) or not isinstance(turn.get("content"), str):
            return f"message {i} has no text 'content'"
        if turn.get("role") not in ROLES:
            return f"message {i} has role {turn.get('role')!r} (expected one of {ROLES})"
    if not any(turn["role"] == "assistant" for turn in messages):
        return "no assistant turn to learn from"
    return None


def load_dialogues(path: Path, limit: int | None = None) -> tuple[list[dict], list[str]]:
    """The valid dialogues of a JSONL file and one 'file:line: reason' string per skipped line."""
    rows: list[dict] = []
    skipped: list[str] = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except json.JSONDecodeError as exc:
                reason = f"invalid JSON ({exc.msg} at column {exc.colno})"
            else:
                reason = _problem(row)
            if reason is not None:
                skipped.append(f"{path}:{number}: {reason}")
                log.warning("skipping %s:%d: %s", path, number, reason)
                continue
            rows.append(row)
            if limit is not None and len(rows) >= limit:
                break
    return rows, skipped


def mask_dialogues(rows: list[dict], keep: frozenset[str] = frozenset()) -> dict[str, int]:
    """Mask personal data in every turn in place (rag.pii); the counts by kind.

    Trained-in personal data can come back word for word in an answer, so the training config
    masks by default (`mask_pii`); `pii_keep` lists public contacts the model should learn.
    """
    counts: Counter[str] = Counter()
    for row in rows:
        for turn in row["messages"]:
            masked = mask_pii(turn["content"], keep)
            turn["content"] = masked.text
            counts.update(masked.counts)
    return dict(sorted(counts.items()))


def file_sha256(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _render(tokenizer: Any, messages: list[dict], generation_prompt: bool = False) -> str:
    return tokenizer.apply_chat_template(
        messages, tokenize=False, add_generation_prompt=generation_prompt
    )


def segments(tokenizer: Any, messages: list[dict]) -> list[tuple[str, bool]]:
    """The rendered conversation as (text, trainable) pieces, built turn by turn."""
    pieces: list[tuple[str, bool]] = []
    done = ""
    for i, turn in enumerate(messages):
        if turn["role"] == "assistant":
            header = _render(tokenizer, messages[:i], generation_prompt=True)
            full = _render(tokenizer, messages[: i + 1])
            if not (header.startswith(done) and full.startswith(header)):
                raise ValueError("chat template is not incremental; cannot build the label mask")
            pieces.append((header[len(done) :], False))
            pieces.append((full[len(header) :], True))
            done = full
    rest = _render(tokenizer, messages)[len(done) :]
    if rest:
        pieces.append((rest, False))
    return [(text, trainable) for text, trainable in pieces if text]


def encode(tokenizer: Any, messages: list[dict], max_length: int) -> Encoded:
    """Token ids and labels (-100 outside assistant turns), cut to max_length tokens."""
    ids: list[int] = []
    labels: list[int] = []
    for text, trainable in segments(tokenizer, messages):
        piece = tokenizer(text, add_special_tokens=False)["input_ids"]
        ids += piece
        labels += piece if trainable else [IGNORE] * len(piece)
    truncated = len(ids) > max_length
    return Encoded(ids[:max_length], labels[:max_length], truncated)


def encode_all(tokenizer: Any, rows: list[dict], max_length: int) -> tuple[list[Encoded], dict]:
    """Encode dialogues; drops those left with no assistant token after truncation."""
    kept: list[Encoded] = []
    truncated = dropped = 0
    for row in rows:
        item = encode(tokenizer, row["messages"], max_length)
        truncated += item.truncated
        if all(label == IGNORE for label in item.labels):
            dropped += 1
            continue
        kept.append(item)
    stats = {
        "examples": len(kept),
        "truncated": truncated,
        "dropped_no_answer_tokens": dropped,
        "tokens": sum(len(x) for x in kept),
        "answer_tokens": sum(sum(label != IGNORE for label in x.labels) for x in kept),
    }
    return kept, stats
