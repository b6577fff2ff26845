"""Do llama.cpp + GGUF LoRA and transformers + peft give the same greedy answers?

    python bench/lora_agreement.py [--model smollm2] [--adapter FOLDER] [--prompts 12]
                                   [--new-tokens 32]

The adapter defaults to data/adapters/customer-service-smollm2.

Both runtimes answer the first N user turns of data/dialogues/test.jsonl (with their system
prompt and any context passages) greedily, with the adapter on and off. The dequantized GGUF in
transformers and llama.cpp's own kernels differ in rounding, so a long answer can drift after a
near tie; the first-words agreement shows how early they part.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from rag.adapters import resolve_adapter  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.runtime import load_chat_model  # noqa: E402
from rag.settings import PROJECT_ROOT, get_settings  # noqa: E402


def prompts(limit: int) -> list[list[dict]]:
    rows = [json.loads(line) for line in (PROJECT_ROOT / "data/dialogues/test.jsonl").open()]
    found = []
    for row in rows:
        first_answer = next(i for i, t in enumerate(row["messages"]) if t["role"] == "assistant")
        found.append(row["messages"][:first_answer])
    return found[:limit]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", default="smollm2")
    parser.add_argument(
        "--adapter", type=Path, default=Path("data/adapters/customer-service-smollm2")
    )
    parser.add_argument("--prompts", type=int, default=12)
    parser.add_argument("--new-tokens", type=int, default=32)
    args = parser.parse_args()
    settings = get_settings()
    cache = settings.resolve(settings.llm.cache_dir)
    base = settings.llm.model_copy(update={"model": args.model, "device": "cpu"})
    adapter = resolve_adapter(base, args.adapter)
    config = GenerationConfig(max_new_tokens=args.new_tokens)
    answers: dict[str, dict[str, list[str]]] = {}
    for runtime in ("transformers", "llamacpp"):
        llm = load_chat_model(base.model_copy(update={"runtime": runtime}), cache, adapter)
        answers[runtime] = {
            label: [
                "".join(llm.stream(m, config, adapter=name)).strip() for m in prompts(args.prompts)
            ]
            for label, name in (("tuned", llm.default_adapter), ("base", None))
        }
        del llm
    for label in ("tuned", "base"):
        pairs = list(zip(answers["transformers"][label], answers["llamacpp"][label], strict=True))
        same = sum(a == b for a, b in pairs)
        first5 = sum(a.split()[:5] == b.split()[:5] for a, b in pairs)
        print(f"{label:6} identical {same}/{len(pairs)}  same first 5 words {first5}/{len(pairs)}")
    first = {rt: {label: texts[0] for label, texts in a.items()} for rt, a in answers.items()}
    print("first prompt:", json.dumps(first, indent=1))


if __name__ == "__main__":
    main()
