"""llm.mode openai against llama.cpp's server vs the local mode, the same GGUF and prompt.

    python bench/llm_server.py [--model smollm2] [--new-tokens 64] [--repeats 3]

Starts llama-cpp-python's OpenAI-compatible server on a loopback port with the model, loads
the same model locally, and answers one 4-passage prompt from data/docs greedily with each,
taking turns (so load from other processes falls on both alike; the load average is printed).
Each answer's prompt starts with a line of its own, so both read it from a cold cache.
Reported: time to first token, decode tokens/s, and the client overhead (served minus local,
per answer), with ratios from this run.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from prompts import load_prompts  # noqa: E402
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.components import build_embedder, open_store  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.llm import model_source  # noqa: E402
from rag.prompting import build_prompt  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.runtime import load_chat_model  # noqa: E402
from rag.settings import Settings  # noqa: E402

QUESTION = "What does standard shipping cost and how long does it take?"


def start_server(gguf: Path, threads: int) -> tuple[subprocess.Popen, str]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    command = [sys.executable, "-m", "llama_cpp.server", "--model", str(gguf)]
    command += ["--model_alias", "bench", "--port", str(port), "--n_ctx", "2048"]
    command += ["--n_threads", str(threads), "--verbose", "False"]
    log = Path(tempfile.mkdtemp(prefix="llama-server-")) / "server.log"
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/v1"
    for _ in range(240):
        try:
            httpx.get(f"{url}/models", timeout=2)
            return process, url
        except httpx.HTTPError:
            if process.poll() is not None:
                sys.exit(f"the server did not start: see {log}")
            time.sleep(0.5)
    sys.exit(f"the server did not answer in 120 s: see {log}")


def timed(llm, messages, config: GenerationConfig) -> tuple[float, float | None, float]:
    if llm.runtime == "llamacpp":  # a cold cache, as the server has for a new prompt
        llm.llama.reset()
        llm.llama._ctx.kv_cache_clear()
    started = time.perf_counter()
    first, count = None, 0
    for _piece in llm.stream(messages, config):
        count += 1
        first = first or time.perf_counter()
    end = time.perf_counter()
    decode = (count - 1) / (end - first) if first and count > 1 and end > first else None
    return first - started, decode, end - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--model", default="smollm2")
    parser.add_argument("--new-tokens", type=int, default=64)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    settings = Settings()
    cache = settings.resolve(settings.llm.cache_dir)
    local_settings = settings.llm.model_copy(update={"model": args.model, "runtime": "llamacpp"})
    local = load_chat_model(local_settings, cache, NO_ADAPTER)
    gguf = model_source(local_settings, cache)
    threads = local.report["threads"]
    process, url = start_server(gguf, threads)
    try:
        served_settings = local_settings.model_copy(
            update={"mode": "openai", "base_url": url, "served_model": "bench"}
        )
        served = load_chat_model(
            served_settings.model_copy(update={"tokenizer": args.model}), cache
        )
        embedder = build_embedder(settings.embedding)
        hits = Retriever(open_store(settings, embedder), embedder, settings.retrieval).search(
            QUESTION
        )
        prompt = build_prompt(
            load_prompts(), QUESTION, [], hits, 1800, local.count_messages, local.count_text, 0
        )
        config = GenerationConfig(max_new_tokens=args.new_tokens)
        results: dict[str, list[tuple]] = {"local": [], "openai": []}
        for turn in range(args.repeats):
            for name, llm in (("local", local), ("openai", served)):
                # A first line of its own per answer: the server keeps its KV cache between
                # requests, so a repeated prompt would be read from cache there only.
                first, *rest = prompt.messages
                marked = {**first, "content": f"Answer {turn}-{name}.\n{first['content']}"}
                results[name].append(timed(llm, [marked, *rest], config))
    finally:
        process.terminate()
        process.wait(timeout=30)
    load = os.getloadavg()[0]
    print(
        f"{args.model}, {prompt.tokens}-token prompt, {args.new_tokens} new tokens, "
        f"{threads} threads, {args.repeats} turns each, load average {load:.1f}"
    )
    medians = {}
    for name, rows in results.items():
        ttft = statistics.median(r[0] for r in rows)
        decode = statistics.median(r[1] for r in rows if r[1])
        total = statistics.median(r[2] for r in rows)
        medians[name] = (ttft, decode, total)
        print(f"{name:7} TTFT {ttft:6.2f} s   decode {decode:6.1f} tok/s   answer {total:6.2f} s")
    (lt, ld, ltot), (st, sd, stot) = medians["local"], medians["openai"]
    print(
        f"openai / local: TTFT x{st / lt:.2f}, decode x{sd / ld:.2f}, answer x{stot / ltot:.2f}; "
        f"client overhead {stot - ltot:+.2f} s per answer"
    )
    print(
        json.dumps(
            {
                k: dict(zip(("ttft_s", "tok_s", "answer_s"), v, strict=True))
                for k, v in medians.items()
            }
        )
    )


if __name__ == "__main__":
    main()
