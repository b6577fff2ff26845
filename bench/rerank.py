"""Reranking (retrieval.rerank) and section expansion (retrieval.expand), measured on verbatim
and paraphrased questions, with the latency each adds per query.

    python bench/rerank.py [--index DIR] [--docs data/docs] [--json FILE]

Every variant is the real Retriever with the app's defaults otherwise (RRF, fetch_k 20,
min_score 0.3), on data/eval/questions.jsonl and data/eval/paraphrased.jsonl (questions with a
source). Latency: each query is searched once per variant, the variants in a rotating order
(so background load falls on all of them alike), the query embedded every time as in the app;
the added cost is the median per-query difference to `none`. The reranker's chunk vectors are
computed before the timing (timed apart: what a chunk costs the first time it is a candidate),
as they are kept by content hash after their first use. The weight of the blend is also chosen
on one hash half of both sets (best mean MRR) and reported on the other half.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.docs_index import add_index_arguments, open_docs_index  # noqa: E402
from evals import metrics as m  # noqa: E402
from evals.questions import DEFAULT_QUESTIONS, PARAPHRASED, load_questions  # noqa: E402
from evals.threshold import in_calibration_half  # noqa: E402
from rag.condense import heuristic_query  # noqa: E402
from rag.rerank import VectorCache  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.settings import RetrievalSettings  # noqa: E402

# mpnet W: score = W · mpnet cosine + (1 − W) · MiniLM cosine over RRF's top fetch_k.
VARIANTS: dict[str, dict[str, Any]] = {
    "none": {},
    **{f"mpnet {w}": {"rerank": "mpnet", "rerank_weight": w} for w in (1.0, 0.8, 0.7, 0.6, 0.5)},
    "vector only": {"hybrid": False},
    "vector + mpnet 0.7": {"hybrid": False, "rerank": "mpnet"},
    "expand section": {"expand": "section"},
    "mpnet 0.7 + expand": {"rerank": "mpnet", "expand": "section"},
}
SETS = {"verbatim": DEFAULT_QUESTIONS, "paraphrased": PARAPHRASED}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    add_index_arguments(parser)
    args = parser.parse_args()
    load_start = os.getloadavg()
    _, embedder, store, _tmp = open_docs_index(args)
    retrievers = {
        n: Retriever(store, embedder, RetrievalSettings(**o)) for n, o in VARIANTS.items()
    }
    # One in-memory vector cache for every mpnet variant, filled (and timed) before the runs.
    rerankers = [r.reranker for r in retrievers.values() if r.reranker is not None]
    cache = VectorCache(None, "bench")
    for reranker in rerankers:
        reranker.cache = cache
    chunks = store.get_chunks(list(range(1, store.count() * 2 + 1)))
    started = time.perf_counter()
    rerankers[0].vectors({c.content_hash: c.text for c, _ in chunks.values()})
    per_chunk_ms = (time.perf_counter() - started) * 1000 / max(1, len(chunks))
    print(f"mpnet chunk vectors: {len(chunks)} chunks, {per_chunk_ms:.0f} ms each", flush=True)

    questions = {n: [q for q in load_questions(p)[0] if q.sources] for n, p in SETS.items()}
    ranks = {v: {n: {} for n in SETS} for v in VARIANTS}
    times: dict[str, list[float]] = {v: [] for v in VARIANTS}
    expanded = {n: 0 for n in SETS}
    names = list(VARIANTS)
    turn = 0
    for set_name, qs in questions.items():
        for q in qs:
            query = heuristic_query(q.question, q.conversation)
            turn += 1
            order = names[turn % len(names) :] + names[: turn % len(names)]
            for variant in order:
                start = time.perf_counter()
                hits = retrievers[variant].search(query, k=5)
                times[variant].append((time.perf_counter() - start) * 1000)
                ranks[variant][set_name][q.id] = m.first_rank([h.source for h in hits], q.sources)
                if variant == "expand section":  # how often a top-5 hit grew
                    expanded[set_name] += any(h.text != chunks[h.id][0].text for h in hits)
    store.close()

    base = times["none"]
    rows = []
    for v in VARIANTS:
        diffs = [t - b for t, b in zip(times[v], base, strict=True)]
        row = {"variant": v, "p50_ms": statistics.median(times[v])}
        row["added_ms"] = statistics.median(diffs)
        for n in SETS:
            row[n] = m.rank_summary(list(ranks[v][n].values()))
            row[n + " test"] = m.rank_summary(
                [r for i, r in ranks[v][n].items() if not in_calibration_half(i)]
            )
            row[n + " tune_mrr"] = m.rank_summary(
                [r for i, r in ranks[v][n].items() if in_calibration_half(i)]
            )["mrr"]
        rows.append(row)
        print(json.dumps(row), flush=True)

    load_end = os.getloadavg()
    sizes = {n: len(qs) for n, qs in questions.items()}
    print(
        f"\nquestions: {sizes}; load average {load_start[0]:.1f} at start, {load_end[0]:.1f} at end"
    )
    print(f"expansion triggered (a top-5 hit grown to its section): {expanded}")
    keys = ("hit@1", "hit@5", "mrr")
    head = "| variant | " + " | ".join(f"{n} {k}" for n in SETS for k in keys)
    print(head + " | p50 ms | added ms | Δ hit@1 / 100 ms (verb., para.) |")
    print("|" + "---|" * (4 + 3 * len(SETS)))
    none = rows[0]
    for row in rows:
        cells = [f"{row[n][k]:.3f}" for n in SETS for k in keys]
        added = row["added_ms"]
        gain = [
            f"{100 * (row[n]['hit@1'] - none[n]['hit@1']) / added:+.3f}" if added > 1 else "–"
            for n in SETS
        ]
        line = f"| {row['variant']} | " + " | ".join(cells)
        print(line + f" | {row['p50_ms']:.0f} | {added:+.0f} | {', '.join(gain)} |")
    blends = [r for r in rows if r["variant"].startswith("mpnet") and "expand" not in r["variant"]]
    best = max(blends, key=lambda r: sum(r[n + " tune_mrr"] for n in SETS))
    test = ", ".join(
        f"{n} hit@1 {best[n + ' test']['hit@1']:.2f} (none {none[n + ' test']['hit@1']:.2f}) "
        f"MRR {best[n + ' test']['mrr']:.2f} (none {none[n + ' test']['mrr']:.2f})"
        for n in SETS
    )
    print(f"\nblend weight chosen on the tune half: {best['variant']}; other half: {test}")
    if args.json:
        args.json.write_text(json.dumps({"sizes": sizes, "rows": rows}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
