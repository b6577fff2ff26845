"""Time to first token, decode speed and resident memory per runtime and model, one RAG prompt.

    python bench/runtimes.py [--models smollm2,qwen2.5-coder-1.5b]
                             [--runtimes llamacpp,transformers] [--new-tokens 64] [--repeats 2]

Every (model, runtime) pair runs in its own process (so resident memory is its own), answering
the same 4-passage prompt from data/docs, greedy, a fixed number of new tokens. Pairs take turns
within each repeat and keep their best time, so load from other processes drifts across all of
them alike; the load average is printed. Ratios are against transformers fp32 of the same model,
measured in the same run. llama.cpp also reports the follow-up cases the engine relies on: the
answer after the answerability check over the same passages (KV prefix reused) against the
same answer from a cold cache. transformers NF4 runs only on CUDA.
`llamacpp+mmap` is llama.cpp with the GGUF mapped (`llm.mmap: true`) instead of read into the
process (the default): `--runtimes llamacpp,llamacpp+mmap` compares the two, each process's
resident memory split into its own (anonymous) and the mapped file's pages.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.child import run_child  # noqa: E402

CHILD = r"""
import json, os, resource, sys, time
from rag.adapters import NO_ADAPTER
from rag.answerability import judge_messages
from rag.generation import GenerationConfig
from rag.prompting import build_prompt
from rag.runtime import load_chat_model
from rag.settings import Settings
from prompts import load_prompts
model, variant, new_tokens, hits_json = sys.argv[1:5]
runtime, _, mapped = variant.partition("+")
settings = Settings()
llm_settings = settings.llm.model_copy(
    update={"model": model, "runtime": runtime, "adapter": None, "mmap": mapped == "mmap"}
)
started = time.perf_counter()
llm = load_chat_model(llm_settings, settings.resolve(settings.llm.cache_dir), NO_ADAPTER)
load_s = time.perf_counter() - started
from rag.schema import Hit
hits = [Hit(**h) for h in json.loads(hits_json)]
prompts = load_prompts()
prompt = build_prompt(prompts, "What does standard shipping cost and how long does it take?", [],
                      hits, 1800, llm.count_messages, llm.count_text, 0)
config = GenerationConfig(max_new_tokens=int(new_tokens))

def timed(messages):
    t0 = time.perf_counter(); first = None; n = 0
    for piece in llm.stream(messages, config, adapter=None):
        n += 1
        first = first or time.perf_counter()
    end = time.perf_counter()
    return first - t0, (n - 1) / (end - first) if n > 1 else None

def cold():
    if runtime == "llamacpp":
        llm.llama.reset(); llm.llama._ctx.kv_cache_clear()

cold(); ttft, decode = timed(prompt.messages)
out = {"load_s": load_s, "prompt_tokens": prompt.tokens, "ttft_s": ttft, "decode_tok_s": decode,
       "report": llm.report}
if runtime == "llamacpp":
    cold(); t0 = time.perf_counter()
    llm.yes_probability(judge_messages(prompts, prompt.messages))
    out["check_s"] = time.perf_counter() - t0
    out["ttft_after_check_s"] = timed(prompt.messages)[0]
rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
out["max_rss_mb"] = rss_kb / 1024
status = dict(line.split(":", 1) for line in open("/proc/self/status"))
out["anon_mb"], out["file_mb"] = (int(status[k].split()[0]) / 1024 for k in ("RssAnon", "RssFile"))
print("RESULT " + json.dumps(out))
"""


def passages() -> str:
    """The 4 passages the real index returns for the benchmark question."""
    from rag.components import build_embedder, index_exists, open_store
    from rag.retriever import Retriever
    from rag.settings import get_settings

    settings = get_settings()
    if not index_exists(settings):
        sys.exit("no index: run `python -m ingest data/docs` first")
    embedder = build_embedder(settings.embedding)
    store = open_store(settings, embedder)
    hits = Retriever(store, embedder, settings.retrieval).search(
        "What does standard shipping cost and how long does it take?", k=4
    )
    store.close()
    return json.dumps([h.to_dict() for h in hits])


def run_pair(model: str, runtime: str, new_tokens: int, hits: str) -> dict | None:
    result, error = run_child(CHILD, model, runtime, str(new_tokens), hits)
    if result is None:
        print(f"{model} / {runtime} failed:\n{error}", file=sys.stderr)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--models", default="smollm2,qwen2.5-coder-1.5b")
    parser.add_argument("--runtimes", default="llamacpp,transformers")
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=2)
    args = parser.parse_args()
    hits = passages()
    pairs = [(m, r) for m in args.models.split(",") for r in args.runtimes.split(",")]
    best: dict[tuple[str, str], dict] = {}
    for _ in range(args.repeats):
        for pair in pairs:
            result = run_pair(*pair, args.new_tokens, hits)
            if result is None:
                continue
            kept = best.setdefault(pair, result)
            for key in ("ttft_s", "check_s", "ttft_after_check_s"):
                if key in result:
                    kept[key] = min(kept[key], result[key])
            kept["decode_tok_s"] = max(kept["decode_tok_s"] or 0, result["decode_tok_s"] or 0)
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min), {os.cpu_count()} cores")
    head = f"{'model':22} {'runtime':14} {'prompt':>6} {'TTFT s':>7} {'tok/s':>6} {'RSS MB':>7}"
    head += f" {'anon/file MB':>12}"
    print(head + f" {'TTFT×':>6} {'tok/s×':>6} {'check s':>8} {'after check':>11}")
    for (model, runtime), r in best.items():
        base = best.get((model, "transformers"))
        ttft_x = base["ttft_s"] / r["ttft_s"] if base else float("nan")
        speed_x = r["decode_tok_s"] / base["decode_tok_s"] if base else float("nan")
        extra = ""
        if "check_s" in r:
            extra = f" {r['check_s']:8.2f} {r['ttft_after_check_s']:11.2f}"
        split = f"{r['anon_mb']:.0f}/{r['file_mb']:.0f}"
        print(
            f"{model:22} {runtime:14} {r['prompt_tokens']:6d} {r['ttft_s']:7.2f} "
            f"{r['decode_tok_s']:6.1f} {r['max_rss_mb']:7.0f} {split:>12} {ttft_x:6.2f} "
            f"{speed_x:6.2f}{extra}"
        )


if __name__ == "__main__":
    main()
