"""Does the answer check cost the next answer its cached prompt prefix?

    python bench/check_cache.py [--pairs 12]

The answer check (rag.support) asks the model a short question of its own after an answer.
On llama.cpp that replaces the KV cache, so the next prompt can't reuse the system turn it
shares with the answer before; `keep_cache` copies the cache out and puts it back around the
check. This answers pairs of consecutive answerable eval questions with the default settings,
and times the second answer's TTFT (its answerability judgement included) after the first
was checked with the cache kept and dropped: both for every pair, in turns (kept first, then
dropped first), so load from other processes falls on both alike. Only pairs whose first
answer was checked count.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals.questions import DEFAULT_QUESTIONS, load_questions  # noqa: E402
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.engine import build_engine  # noqa: E402
from rag.settings import Settings  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=12)
    args = parser.parse_args()
    engine = build_engine(Settings(), adapter=NO_ADAPTER)
    llm = engine.llm
    asked = llm.yes_probability
    questions = [
        q for q in load_questions(DEFAULT_QUESTIONS)[0] if q.answerable and not q.conversation
    ]
    saved: list[float] = []
    ttft: dict[str, list[float]] = {"kept": [], "dropped": []}
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    for i in range(args.pairs):
        first, second = questions[2 * i], questions[2 * i + 1]
        times = {}
        for variant in ("kept", "dropped") if i % 2 == 0 else ("dropped", "kept"):
            if variant == "dropped":  # the check as before: its own prompt stays cached
                llm.yes_probability = lambda m, a=None, keep_cache=False: asked(m, a)
            checked = engine.ask(first.question)
            llm.yes_probability = asked
            times[variant] = engine.ask(second.question).timings.ttft_s
        if checked.supported_p is None:
            print(f"{first.id}: not checked (no number in its claim), pair skipped")
            continue
        for variant, seconds in times.items():
            ttft[variant].append(seconds)
        saved.append(times["dropped"] - times["kept"])
        print(f"{second.id}: TTFT kept {times['kept']:.2f} s, dropped {times['dropped']:.2f} s")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")
    kept, dropped = (statistics.median(ttft[v]) for v in ("kept", "dropped"))
    print(
        f"next answer's TTFT p50 over {len(saved)} pairs: cache kept {kept:.2f} s, "
        f"dropped {dropped:.2f} s (ratio {kept / dropped:.2f}); "
        f"saved per pair p50 {statistics.median(saved):.2f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
