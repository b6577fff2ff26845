"""Did the fine-tune do anything? Base vs tuned on the held-out test dialogues.

    python -m finetune.measure [--adapter DIR] [--loss-limit N] [--limit N]

1. Loss and perplexity per assistant token on test.jsonl, base and tuned: one loaded model, the
   adapter switched off with `LoadedModel.adapter(False)`.
2. Fact score on the grounded test dialogues that have facts: the share of answers that contain
   every required fact (case-insensitive substring), greedy decoding, 64 new tokens, the
   example's own messages (no retrieval). Variants: base + context, tuned + context, and tuned
   without context (the plain system prompt and only the question) — what the fine-tuned mode
   knows by itself. Also base without context, as a floor.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import time
from pathlib import Path

import torch

from finetune.data import encode_all, load_dialogues
from finetune.train import evaluate
from prompts import load_prompts
from rag.prompting import question_of

TEST = Path("data/dialogues/test.jsonl")


def strip_context(messages: list[dict]) -> list[dict]:
    """The conversation as the fine-tuned mode sees it: plain system prompt, question only."""
    # The stored dialogues keep only the rendered user turn, so the question is parsed back out
    # by rag.prompting, next to the renderer that wrote it.
    prompts = load_prompts()
    out = [{"role": "system", "content": prompts.render("system_plain")}]
    for turn in messages[1:]:
        content = turn["content"]
        question = question_of(prompts, content) if turn["role"] == "user" else None
        if question is not None:
            content = question
        out.append({"role": turn["role"], "content": content})
    return out


def has_facts(answer: str, facts: list[str]) -> bool:
    text = answer.lower()
    return all(fact.lower() in text for fact in facts)


@torch.inference_mode()
def generate(llm, conversations: list[list[dict]], max_new_tokens: int, batch: int) -> list[str]:
    """Greedy answers, left-padded batches of similar length."""
    tok = llm.tokenizer
    tok.padding_side = "left"
    prompts = [
        tok.apply_chat_template(c, tokenize=False, add_generation_prompt=True)
        for c in conversations
    ]
    order = sorted(range(len(prompts)), key=lambda i: len(prompts[i]))
    answers = [""] * len(prompts)
    for start in range(0, len(order), batch):
        idx = order[start : start + batch]
        enc = tok(
            [prompts[i] for i in idx], return_tensors="pt", padding=True, add_special_tokens=False
        )
        out = llm.model.generate(
            **enc,
            max_new_tokens=max_new_tokens,
            do_sample=False,
            repetition_penalty=1.0,
            pad_token_id=tok.pad_token_id,
            eos_token_id=tok.eos_token_id,
        )
        for row, i in enumerate(idx):
            answers[i] = tok.decode(out[row, enc["input_ids"].shape[1] :], skip_special_tokens=True)
    return answers


def measure(
    adapter: Path, loss_limit: int | None, limit: int | None, batch: int = 8, gen_batch: int = 1
) -> dict:
    from rag.hf_model import load_llm
    from rag.settings import Settings

    settings = Settings()
    llm_settings = settings.llm.model_copy(update={"device": "auto", "quantization": "none"})
    llm = load_llm(llm_settings, settings.resolve(llm_settings.cache_dir), adapter=adapter)
    rows, _ = load_dialogues(settings.resolve(TEST))
    result: dict = {"adapter": str(adapter), "test_file": str(TEST)}
    device = llm.report["device"]
    pad = llm.tokenizer.pad_token_id or 0

    items, stats = encode_all(llm.tokenizer, rows[:loss_limit], 512)
    result["loss"] = {"dialogues": len(items), "answer_tokens": stats["answer_tokens"]}
    for name, enabled in (("base", False), ("tuned", True)):
        with llm.adapter(enabled):
            loss = evaluate(llm.model, items, batch, pad, device)
        result["loss"][name] = {"loss": round(loss, 4), "perplexity": round(math.exp(loss), 2)}
        print(f"test loss {name}: {result['loss'][name]}", flush=True)

    grounded = [r for r in rows if r.get("style") == "grounded" and r.get("facts")][:limit]
    facts = [r["facts"] for r in grounded]
    variants = {
        "base+context": (False, [r["messages"][:-1] for r in grounded]),
        "tuned+context": (True, [r["messages"][:-1] for r in grounded]),
        "tuned, no context": (True, [strip_context(r["messages"][:-1]) for r in grounded]),
        "base, no context": (False, [strip_context(r["messages"][:-1]) for r in grounded]),
    }
    result["facts"] = {"examples": len(grounded)}
    samples = {}
    for name, (enabled, convs) in variants.items():
        start = time.perf_counter()
        with llm.adapter(enabled):
            answers = generate(llm, convs, 64, gen_batch)
        hits = sum(has_facts(a, f) for a, f in zip(answers, facts, strict=True))
        result["facts"][name] = {
            "correct": hits,
            "score": round(hits / max(len(facts), 1), 3),
            "seconds": round(time.perf_counter() - start, 1),
        }
        samples[name] = answers[:3]
        print(f"facts {name}: {result['facts'][name]}", flush=True)
    result["samples"] = samples
    return result


def main(argv: list[str] | None = None) -> int:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    parser = argparse.ArgumentParser(
        prog="python -m finetune.measure",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--adapter", type=Path, default=Path("data/adapters/customer-service"))
    parser.add_argument("--loss-limit", type=int, help="first N test dialogues for the loss")
    parser.add_argument("--limit", type=int, help="first N grounded test dialogues for facts")
    parser.add_argument("--batch", type=int, default=8, help="dialogues per loss batch")
    parser.add_argument(
        "--gen-batch",
        type=int,
        default=1,
        help="answers per generate call; >1 left-pads prompts (faster, unverified positions)",
    )
    parser.add_argument("--json", type=Path, help="also write the result here")
    args = parser.parse_args(argv)
    result = measure(args.adapter, args.loss_limit, args.limit, args.batch, args.gen_batch)
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
