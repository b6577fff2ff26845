"""The HTTP API under load: N concurrent clients (1, 4, 16) for a fixed time each.

Half the requests repeat a few warmed questions (answer-cache hits), half are new answers
(`cache: false`), all streamed. Reported per N: requests/s, p50/p95 latency and time to first
token (cached and generated apart), errors (429 = the bounded queue said no). Then the API's
overhead: the same questions answered in-process by the same engine (`engine.stream`) and
through the API (non-streamed, one client, cache off), alternated, ratio of the medians.

The server runs in this process (uvicorn on a free loopback port) so both sides share one
engine; RAGCHAT_ settings apply (RAGCHAT_LLM__MODEL=smollm2 for a quick run).
Run: python bench/api.py [--seconds 20] [--clients 1,4,16] [--max-tokens 32]
"""

from __future__ import annotations

import argparse
import json
import socket
import statistics
import sys
import threading
import time
from pathlib import Path

import httpx
import uvicorn

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.api.server import create_app, engine_holder  # noqa: E402
from rag.engine import AnswerOptions  # noqa: E402
from rag.llm import NO_ADAPTER  # noqa: E402
from rag.settings import Settings  # noqa: E402

WARM = [
    "How much does standard shipping cost?",
    "How do I reset my password?",
    "Which carriers do you use?",
    "Do gift cards expire?",
]


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def ask(
    http: httpx.Client, question: str, cache: bool, max_tokens: int
) -> tuple[int, float, float]:
    """(status, latency, ttft) of one streamed request."""
    body = {
        "model": "rag",
        "messages": [{"role": "user", "content": question}],
        "max_tokens": max_tokens,
        "stream": True,
        "cache": cache,
    }
    started = time.perf_counter()
    ttft = float("nan")
    with http.stream("POST", "/v1/chat/completions", json=body) as response:
        if response.status_code != 200:
            response.read()
            return response.status_code, time.perf_counter() - started, ttft
        for line in response.iter_lines():
            if ttft != ttft and '"content":"' in line and '"content":""' not in line:
                ttft = time.perf_counter() - started
    return 200, time.perf_counter() - started, ttft


def load(url: str, clients: int, seconds: float, questions: list[str], max_tokens: int) -> dict:
    records: list[tuple[str, int, float, float]] = []
    lock = threading.Lock()
    stop_at = time.perf_counter() + seconds

    def client(n: int) -> None:
        with httpx.Client(base_url=url, timeout=600) as http:
            k = 0
            while time.perf_counter() < stop_at:
                cached = (k + n) % 2 == 0  # every client alternates cached and new
                i = k * clients + n
                question = WARM[i % len(WARM)] if cached else questions[i % len(questions)]
                status, latency, ttft = ask(http, question, cached, max_tokens)
                with lock:
                    records.append(("cached" if cached else "new", status, latency, ttft))
                k += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=client, args=(n,)) for n in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ok = [r for r in records if r[1] == 200]
    row = {"clients": clients, "requests": len(records), "rps": len(ok) / elapsed}
    row["errors"] = {
        str(s): sum(1 for r in records if r[1] == s) for s in {r[1] for r in records if r[1] != 200}
    }
    for kind in ("cached", "new"):
        lat = [r[2] for r in ok if r[0] == kind]
        ttft = [r[3] for r in ok if r[0] == kind and r[3] == r[3]]
        row[kind] = {
            "n": len(lat),
            "p50_s": percentile(lat, 50),
            "p95_s": percentile(lat, 95),
            "ttft_p50_s": percentile(ttft, 50),
            "ttft_p95_s": percentile(ttft, 95),
        }
    return row


def overhead(url: str, engine, questions: list[str], max_tokens: int) -> dict:
    """Median seconds per answer in-process and through the API on identical work.

    llama.cpp keeps the previous prompt's KV cache, so whichever side asked a question second
    would read its prompt for free: each question is answered once unmeasured first, then by
    both sides (order alternating), both reusing that cache."""
    inproc, api = [], []
    options = AnswerOptions(max_new_tokens=max_tokens)
    with httpx.Client(base_url=url, timeout=600) as http:

        def in_process(question: str) -> float:
            started = time.perf_counter()
            engine.stream(question, [], "rag", options).consume()
            return time.perf_counter() - started

        def through_api(question: str) -> float:
            body = {
                "model": "rag",
                "messages": [{"role": "user", "content": question}],
                "max_tokens": max_tokens,
                "cache": False,
            }
            started = time.perf_counter()
            http.post("/v1/chat/completions", json=body).raise_for_status()
            return time.perf_counter() - started

        for n, question in enumerate(questions):
            in_process(question)  # primes the KV cache for both measured runs
            if n % 2:
                api.append(through_api(question))
                inproc.append(in_process(question))
            else:
                inproc.append(in_process(question))
                api.append(through_api(question))
    a, b = statistics.median(inproc), statistics.median(api)
    return {
        "inprocess_p50_s": a,
        "api_p50_s": b,
        "overhead": b / a - 1,
        "questions": len(questions),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--clients", default="1,4,16")
    parser.add_argument("--max-tokens", type=int, default=32)
    parser.add_argument("--overhead-questions", type=int, default=8)
    parser.add_argument("--index", type=Path, help="index folder (default: store.path)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()
    evals = [json.loads(line) for line in (ROOT / "data/eval/questions.jsonl").open()]
    questions = [q["question"] for q in evals if not q.get("conversation")]
    settings = Settings(api={"max_queue": 64})  # the queue's 429 is a test's business here
    holder = engine_holder(settings, index=args.index, adapter=NO_ADAPTER)
    holder.start()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = uvicorn.Server(
        uvicorn.Config(create_app(settings, holder), port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    assert holder.wait(900), holder.reason
    url = f"http://127.0.0.1:{port}"
    engine = holder.get()
    print(f"model {engine.llm.report['model']}, {args.max_tokens} tokens per answer")
    for q in WARM:  # the cached half
        ask(httpx.Client(base_url=url, timeout=600), q, True, args.max_tokens)
    over = overhead(url, engine, questions[10 : 10 + args.overhead_questions], args.max_tokens)
    print(
        f"overhead at 1 client: in-process p50 {over['inprocess_p50_s']:.3f} s, API p50 "
        f"{over['api_p50_s']:.3f} s: {over['overhead'] * 100:+.1f}%"
    )
    rows = []
    print(
        f"{'clients':>7} {'req/s':>6} {'new p50':>8} {'new p95':>8} {'TTFT p50':>9} "
        f"{'TTFT p95':>9} {'cached p50':>10} {'cached TTFT':>11} {'errors':>8}"
    )
    for n in [int(c) for c in args.clients.split(",") if c]:
        row = load(url, n, args.seconds, questions[20:], args.max_tokens)
        rows.append(row)
        new, cached = row["new"], row["cached"]
        print(
            f"{n:7d} {row['rps']:6.2f} {new['p50_s']:8.2f} {new['p95_s']:8.2f} "
            f"{new['ttft_p50_s']:9.2f} {new['ttft_p95_s']:9.2f} {cached['p50_s']:10.3f} "
            f"{cached['ttft_p50_s']:11.3f} {json.dumps(row['errors']):>8}"
        )
    server.should_exit = True
    thread.join(30)
    if args.json:
        args.json.write_text(json.dumps({"overhead": over, "load": rows}, indent=1))


if __name__ == "__main__":
    main()
