"""Does a hypothetical answer help retrieval of reworded questions? (HyDE, Gao et al. 2022)

    python bench/hyde.py [--limit N] [--tokens 48] [--cache runs/hyde-pseudo.jsonl]

The chat model writes a short passage that could answer the question (without seeing the
documents: its wording is the documents' kind of wording, its facts may be wrong), and the
retriever searches with the question and that passage together. Reported on the verbatim and
the paraphrased questions of data/eval, with the app's retrieval settings (settings.yaml) and
its index (`python -m ingest data/docs` first). The passages are kept in --cache, so a second
run measures retrieval variants without generating again; the seconds a passage took are kept
with it.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals import metrics as m  # noqa: E402
from evals.questions import DEFAULT_QUESTIONS, PARAPHRASED, load_questions  # noqa: E402
from rag.adapters import NO_ADAPTER  # noqa: E402
from rag.condense import heuristic_query  # noqa: E402
from rag.engine import build_engine  # noqa: E402
from rag.generation import GenerationConfig  # noqa: E402
from rag.settings import Settings  # noqa: E402

SETS = {"verbatim": DEFAULT_QUESTIONS, "paraphrased": PARAPHRASED}
PROMPT = (
    "Write two short sentences, as they would appear in a company's product and support "
    "documents, that answer this customer question. Reply with the two sentences only.\n\n"
    "Question: {question}"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=0, help="questions per set (0: all)")
    parser.add_argument("--tokens", type=int, default=48, help="most tokens of a passage")
    parser.add_argument("--cache", type=Path, default=Path("runs/hyde-pseudo.jsonl"))
    args = parser.parse_args()
    engine = build_engine(Settings(), adapter=NO_ADAPTER)
    cache: dict[str, dict] = {}
    if args.cache.exists():
        for line in args.cache.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            cache[row["query"]] = row
    args.cache.parent.mkdir(parents=True, exist_ok=True)
    ranks: dict[str, dict[str, list]] = {}
    seconds = []
    load_start = os.getloadavg()[0]
    with args.cache.open("a", encoding="utf-8") as out:
        for set_name, path in SETS.items():
            qs = [q for q in load_questions(path)[0] if q.sources]
            qs = qs[: args.limit] if args.limit else qs
            for q in qs:
                query = heuristic_query(q.question, q.conversation)
                if query not in cache:
                    start = time.perf_counter()
                    messages = [{"role": "user", "content": PROMPT.format(question=query)}]
                    config = GenerationConfig(max_new_tokens=args.tokens)
                    text = "".join(engine.llm.stream(messages, config)).strip()
                    row = {"query": query, "passage": text, "s": time.perf_counter() - start}
                    cache[query] = row
                    out.write(json.dumps(row) + "\n")
                    out.flush()
                seconds.append(cache[query]["s"])
                passage = cache[query]["passage"]
                variants = {"question": query, "question + passage": f"{query}\n{passage}"}
                for variant, text in variants.items():
                    hits = engine.retriever.search(text, k=5)
                    rank = m.first_rank([h.source for h in hits], q.sources)
                    ranks.setdefault(variant, {}).setdefault(set_name, []).append(rank)
    print(f"load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    print(f"passage p50 {statistics.median(seconds):.1f} s, {len(seconds)} questions")
    print("| query | " + " | ".join(f"{n} hit@1 | hit@5 | MRR" for n in SETS) + " |")
    for variant, by_set in ranks.items():
        cells = []
        for n in SETS:
            s = m.rank_summary(by_set.get(n, []))
            cells += [f"{s['hit@1']:.3f}", f"{s['hit@5']:.3f}", f"{s['mrr']:.3f}"]
        print(f"| {variant} | " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
