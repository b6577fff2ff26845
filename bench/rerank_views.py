"""The reranker's smaller views of a candidate: its best sentence and its question heading
(retrieval.rerank_sentence_weight, retrieval.rerank_heading_weight), on several corpora; with
`--headings`, the candidates added by question-heading search (retrieval.heading_candidates).

    python bench/rerank_views.py [--corpus INDEX=QUESTIONS[,QUESTIONS...]] ... [--json FILE]
                                 [--headings]

Default corpus: .ragchat/index with data/eval's verbatim and reworded questions. The Perl FAQ
(README "A real manual written elsewhere") adds
`--corpus .ragchat/perlfaq/index=.ragchat/perlfaq/questions.jsonl,.ragchat/perlfaq/reworded.jsonl`.
Every variant is the real Retriever with settings.yaml's retrieval settings but the two weights;
each query runs through the variants in a rotating order (background load falls on all alike).
The views' vectors are computed for every chunk first, timed apart (what a chunk costs the first
time it is a candidate). The weights are chosen on the tuning half of every set
(evals.threshold.in_calibration_half: best mean MRR) and reported on the other half.
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
from evals.threshold import in_calibration_half  # noqa: E402
from rag.components import build_embedder, open_store  # noqa: E402
from rag.condense import heuristic_query  # noqa: E402
from rag.retriever import Retriever, passage  # noqa: E402
from rag.settings import PROJECT_ROOT, Settings  # noqa: E402

# (sentence weight, heading weight); (0, 0) is the whole chunk alone, as before the views.
WEIGHTS = [(0.0, 0.0), (0.2, 0.0), (0.0, 0.2), (0.1, 0.1), (0.2, 0.2), (0.3, 0.1), (0.3, 0.3)]
VIEW_VARIANTS = [{"rerank_sentence_weight": s, "rerank_heading_weight": h} for s, h in WEIGHTS]
# --headings: the settings' view weights, and the chunks of 0 (as before), 3, 5 or 10
# closest question headings added to the candidates.
HEADING_VARIANTS = [{"heading_candidates": n} for n in (0, 3, 5, 10)]
DEFAULT_CORPUS = f"{PROJECT_ROOT / '.ragchat' / 'index'}={DEFAULT_QUESTIONS},{PARAPHRASED}"


def label(variant: dict) -> str:
    return ", ".join(
        f"{k.removeprefix('rerank_').removesuffix('_weight')} {v}" for k, v in variant.items()
    )


def run_corpus(
    settings: Settings, embedder, spec: str, variants: list[dict], ranks: dict, times: dict
) -> None:
    index, files = spec.split("=", 1)
    store = open_store(settings, embedder, Path(index))
    retrievers = {}
    for variant in variants:
        chosen = settings.retrieval.model_copy(update=variant)
        retrievers[label(variant)] = Retriever(store, embedder, chosen)
    chunks = store.get_chunks(list(range(1, store.count() * 2 + 1)))
    started = time.perf_counter()  # every chunk's views, as its first time as a candidate costs
    views = Retriever(
        store,
        embedder,
        settings.retrieval.model_copy(
            update={"rerank_sentence_weight": 0.3, "rerank_heading_weight": 0.3}
        ),
    ).reranker
    for i in range(0, len(chunks), 32):
        part = {c: passage(chunks[c][0]) for c in list(chunks)[i : i + 32]}
        views.rerank("warm", embedder.encode(["warm"])[0], part, dict.fromkeys(part, 0.0))
    per_chunk = (time.perf_counter() - started) * 1000 / max(1, len(chunks))
    print(f"{index}: {len(chunks)} chunks, {per_chunk:.0f} ms each for all views", flush=True)
    turn = 0
    for path in files.split(","):
        for q in load_questions(Path(path))[0]:
            if not q.sources:
                continue
            query, turn = heuristic_query(q.question, q.conversation), turn + 1
            names = list(retrievers)
            for v in names[turn % len(names) :] + names[: turn % len(names)]:
                start = time.perf_counter()
                hits = retrievers[v].search(query, k=5)
                times[v].append((time.perf_counter() - start) * 1000)
                rank = m.first_rank([h.source for h in hits], q.sources)
                ranks[v].setdefault(f"{index} {Path(path).name}", {})[q.id] = rank
    store.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", action="append", help="INDEX=QUESTIONS[,QUESTIONS...]")
    parser.add_argument("--json", type=Path, help="write every measured row here")
    parser.add_argument("--headings", action="store_true", help="vary heading_candidates")
    args = parser.parse_args()
    settings = Settings()
    embedder = build_embedder(settings.embedding)
    load_start = os.getloadavg()[0]
    variants = HEADING_VARIANTS if args.headings else VIEW_VARIANTS
    names = [label(v) for v in variants]
    ranks = {v: {} for v in names}
    times = {v: [] for v in names}
    for spec in args.corpus or [DEFAULT_CORPUS]:
        run_corpus(settings, embedder, spec, variants, ranks, times)
    sets = list(ranks[names[0]])
    rows = []
    for v in names:
        row = {"variant": v, "p50_ms": statistics.median(times[v])}
        row["added_ms"] = statistics.median(
            t - b for t, b in zip(times[v], times[names[0]], strict=True)
        )
        for name in sets:
            by_id = ranks[v][name]
            row[name] = m.rank_summary(list(by_id.values()))
            for half, key in ((True, "tune"), (False, "test")):
                row[f"{name} {key}"] = m.rank_summary(
                    [r for i, r in by_id.items() if in_calibration_half(i) == half]
                )
        rows.append(row)
    print(f"load average {load_start:.1f} at start, {os.getloadavg()[0]:.1f} at end")
    print("| variant | " + " | ".join(sets) + " | p50 ms | added ms |")
    print("|" + "---|" * (len(sets) + 3))
    for row in rows:
        cells = " | ".join("{hit@1:.3f} / {hit@5:.3f} / {mrr:.3f}".format(**row[n]) for n in sets)
        print(f"| {row['variant']} | {cells} | {row['p50_ms']:.0f} | {row['added_ms']:+.1f} |")
    best = max(rows, key=lambda r: statistics.mean(r[f"{n} tune"]["mrr"] for n in sets))
    print(f"\nbest mean MRR on the tuning halves: {best['variant']}")
    print("| variant | tuning halves' mean MRR | other halves: " + " | ".join(sets) + " |")
    for row in rows:
        tune = statistics.mean(row[f"{n} tune"]["mrr"] for n in sets)
        cells = " | ".join(
            "{hit@1:.3f} / {hit@5:.3f} / {mrr:.3f}".format(**row[f"{n} test"]) for n in sets
        )
        print(f"| {row['variant']} | {tune:.4f} | {cells} |")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
