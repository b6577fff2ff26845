"""Time to first token and decode speed of the local chat model, per loading variant.

    python bench/generate.py [--prompt-tokens 1500] [--new-tokens 64] [--repeats 3]
                             [--variants "bf16,int8 dynamic"] [--compile]

Every variant answers the same ~1.5k-token RAG-style prompt (built from data/docs when it holds
text, else a repeated paragraph) with greedy decoding and a fixed answer length; ratios are
against the fp32 baseline measured in the same run. The variants take turns within each repeat
and each keeps its best time, so load from other processes on a shared machine drifts across all
of them alike. "same" compares greedy answers to a few short grounded questions with fp32's: a
faster variant that changes the answers shows there.
"""

from __future__ import annotations

import argparse
import copy
import importlib.util
import logging
import os
import re
import sys
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import torch  # noqa: E402
from transformers.generation.streamers import BaseStreamer  # noqa: E402

from rag.llm import footprint_mb, load_base  # noqa: E402
from rag.settings import PROJECT_ROOT, get_settings  # noqa: E402

PARAGRAPH = (
    "Returns are accepted within 30 days of delivery when the item is unused and in its original "
    "packaging. Refunds go back to the original payment method within five business days of the "
    "warehouse receiving the parcel. Items bought on sale can be exchanged but not refunded. "
    "The warranty covers manufacturing defects for two years; accidental damage is not covered. "
)
QUESTIONS = [
    ("How many days do I have to return an item?", PARAGRAPH),
    ("How long does the warranty last?", PARAGRAPH),
    ("Can sale items be refunded?", PARAGRAPH),
    ("Who covers accidental damage?", PARAGRAPH),
    ("What is the capital of France?", "Paris is the capital and largest city of France."),
]
SYSTEM = "Answer only from the context. Cite sources as [n]. If the answer is not there, say so."


class Clock(BaseStreamer):
    """Records when each new token arrives (generate() first puts the prompt, then tokens)."""

    def __init__(self) -> None:
        self.times: list[float] = []
        self.prompt_seen = False

    def put(self, value: torch.Tensor) -> None:
        if self.prompt_seen:
            self.times.append(time.perf_counter())
        self.prompt_seen = True

    def end(self) -> None:
        pass


@dataclass
class Variant:
    name: str
    model: Any
    extra: dict  # generate() keyword arguments
    threads: int = 0  # 0: the process default
    ttft: list[float] = field(default_factory=list)
    decode: list[float] = field(default_factory=list)
    answers: list[str] = field(default_factory=list)


def doc_text() -> str:
    docs = PROJECT_ROOT / "data" / "docs"
    parts = []
    for path in sorted(docs.rglob("*")) if docs.is_dir() else []:
        if path.suffix.lower() in (".md", ".txt", ".html", ".htm"):
            text = path.read_text(errors="ignore")
            parts.append(re.sub(r"<[^>]+>|\s+", " ", text) if "htm" in path.suffix else text)
    return "\n\n".join(parts) or PARAGRAPH * 60


def rag_messages(question: str, context: str) -> list[dict]:
    return [
        {"role": "system", "content": SYSTEM},
        {"role": "user", "content": f"Context:\n[1] {context}\n\nQuestion: {question}"},
    ]


def encode(tokenizer, messages: list[dict]) -> torch.Tensor:
    ids = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
    return ids["input_ids"] if hasattr(ids, "keys") else ids


def long_prompt(tokenizer, target: int) -> torch.Tensor:
    """A RAG prompt whose context is cut so the whole prompt is about `target` tokens."""
    context_ids = tokenizer(doc_text(), add_special_tokens=False)["input_ids"]
    overhead = encode(tokenizer, rag_messages("What is the refund policy?", "")).shape[1]
    context = tokenizer.decode(context_ids[: max(target - overhead, 16)])
    return encode(tokenizer, rag_messages("What is the refund policy?", context))


def generate(variant: Variant, ids: torch.Tensor, new_tokens: int, fixed: bool) -> tuple:
    """(time to first token, decode tokens/s, new token ids) for one greedy answer."""
    default_threads = torch.get_num_threads()
    if variant.threads:
        torch.set_num_threads(variant.threads)
    clock = Clock()
    start = time.perf_counter()
    try:
        with torch.inference_mode():
            out = variant.model.generate(
                input_ids=ids,
                attention_mask=torch.ones_like(ids),
                max_new_tokens=new_tokens,
                min_new_tokens=new_tokens if fixed else 0,  # fixed length: comparable timings
                do_sample=False,
                streamer=clock,
                pad_token_id=variant.model.generation_config.eos_token_id,
                **variant.extra,
            )
    finally:
        torch.set_num_threads(default_threads)
    ttft = clock.times[0] - start
    decode = (len(clock.times) - 1) / max(clock.times[-1] - clock.times[0], 1e-9)
    return ttft, decode, out[0, ids.shape[1] :]


def builders(base, settings, with_compile: bool) -> dict[str, Callable[[], Variant]]:
    """name -> builder. A builder copies the fp32 model when it changes it."""
    cache = get_settings().resolve(settings.cache_dir)

    def int8_dynamic() -> Variant:
        # Weights int8 per tensor, activations quantized on the fly (fbgemm kernels).
        from torch.ao.quantization import quantize_dynamic

        model = quantize_dynamic(copy.deepcopy(base), {torch.nn.Linear}, dtype=torch.qint8)
        return Variant("int8 dynamic", model, {})

    def compiled() -> Variant:
        model = copy.deepcopy(base)
        model.forward = torch.compile(model.forward, dynamic=True)
        return Variant("fp32 torch.compile", model, {})

    def bnb(kind: str) -> Callable[[], Variant]:
        def build() -> Variant:
            model, _, _ = load_base(settings.model_copy(update={"quantization": kind}), cache)
            return Variant(f"bnb {kind}", model, {})

        return build

    table: dict[str, Callable[[], Variant]] = {
        "fp32": lambda: Variant("fp32", base, {}),
        "fp32 1 thread": lambda: Variant("fp32 1 thread", base, {}, threads=1),
        "bf16": lambda: Variant("bf16", copy.deepcopy(base).to(torch.bfloat16), {}),
        "int8 dynamic": int8_dynamic,
        "fp32 static cache": lambda: Variant(
            "fp32 static cache", base, {"cache_implementation": "static"}
        ),
    }
    if with_compile:  # minutes of compiling on 2 cores, and it decoded slower here
        table["fp32 torch.compile"] = compiled
    if importlib.util.find_spec("bitsandbytes"):
        table |= {"bnb nf4": bnb("nf4"), "bnb int8": bnb("int8")}
    return table


def print_table(variants: list[Variant], failed: dict[str, str], prompt: int, args) -> None:
    base = variants[0]
    base_ttft, base_decode = min(base.ttft), max(base.decode)
    print(f"\nprompt {prompt} tokens, {args.new_tokens} new tokens, greedy, best of {args.repeats}")
    print(f"{'variant':20} {'TTFT s':>7} {'×fp32':>6} {'tok/s':>6} {'×fp32':>6} {'MB':>6} same")
    for v in variants:
        ttft, decode = min(v.ttft), max(v.decode)
        same = sum(a == b for a, b in zip(v.answers, base.answers, strict=True))
        print(
            f"{v.name:20} {ttft:7.2f} {base_ttft / ttft:6.2f} {decode:6.1f}"
            f" {decode / base_decode:6.2f} {footprint_mb(v.model):6.0f} {same}/{len(QUESTIONS)}"
        )
    for name, error in failed.items():
        print(f"{name:20} failed: {error}")
    print("×fp32: speed relative to fp32 (higher is faster); same: greedy answers equal to fp32's")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--prompt-tokens", type=int, default=1500)
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--variants", default="", help="comma-separated names (default: all)")
    parser.add_argument("--compile", action="store_true", help="also try torch.compile")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    warnings.filterwarnings("ignore", category=DeprecationWarning)
    warnings.filterwarnings("ignore", message=".*quantize_per_tensor.*")

    settings = get_settings().llm.model_copy(update={"quantization": "none", "device": "cpu"})
    base, tokenizer, report = load_base(settings, get_settings().resolve(settings.cache_dir))
    print(f"model {report['model']}, {torch.get_num_threads()} threads, torch {torch.__version__}")
    chosen = {"fp32"} | {v.strip() for v in args.variants.split(",") if v.strip()}

    variants: list[Variant] = []
    failed: dict[str, str] = {}
    for name, build in builders(base, settings, args.compile).items():
        if len(chosen) > 1 and name not in chosen:
            continue
        try:
            variant = build()
            generate(variant, encode(tokenizer, rag_messages(*QUESTIONS[0])), 4, True)  # warm-up
            for question, context in QUESTIONS:
                ids = encode(tokenizer, rag_messages(question, context))
                new_ids = generate(variant, ids, 32, False)[2]
                variant.answers.append(tokenizer.decode(new_ids, skip_special_tokens=True))
            variants.append(variant)
        except Exception as exc:  # noqa: BLE001 - a variant this machine can't run is reported
            failed[name] = f"{type(exc).__name__}: {str(exc)[:80]}"
            print(f"  {name}: failed: {failed[name]}", flush=True)

    ids = long_prompt(tokenizer, args.prompt_tokens)
    for repeat in range(args.repeats):  # round robin: load drift hits every variant alike
        for v in variants:
            ttft, decode, _ = generate(v, ids, args.new_tokens, True)
            v.ttft.append(ttft)
            v.decode.append(decode)
            print(f"  [{repeat + 1}] {v.name}: {ttft:.2f} s TTFT, {decode:.1f} tok/s", flush=True)
    print_table(variants, failed, ids.shape[1], args)


if __name__ == "__main__":
    main()
