"""Retrieval quality on the eval questions, per chunking and retrieval setting.

    python bench/retrieval.py [--chunking 160/20,128/16,200/20] [--docs data/docs]

For each chunking setting (chunk_tokens/overlap_tokens) data/docs is ingested into a temporary
index; then every answerable eval question (follow-ups skipped: they need the conversation) is
scored by source file under a few retrieval settings: hit@1/3/5 (an expected source among the
first k hits; multi-file questions count when any of their sources shows) and MRR (1 / rank of
the first hit from an expected source). "page@3" is the share of single-source PDF questions
whose expected (source, page) is in the top 3. Ranking metrics use no threshold; "hit@5 thr"
applies retrieval.min_score as the app does.

The threshold table compares the best cosine similarity (top vector hit) of answerable
questions with that of the unanswerable ones and of a few off-topic questions: a good
min_score keeps the first and rejects the others (Retriever returns nothing when no candidate
reaches the threshold, i.e. when the best cosine is below it).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from ingest.pipeline import Ingester  # noqa: E402
from rag.components import open_store  # noqa: E402
from rag.embeddings import LocalEmbedder  # noqa: E402
from rag.retriever import Retriever  # noqa: E402
from rag.settings import PROJECT_ROOT, EmbeddingSettings, RetrievalSettings, Settings  # noqa: E402

QUESTIONS = PROJECT_ROOT / "data" / "eval" / "questions.jsonl"
OFF_TOPIC = [
    "What is the capital of France?",
    "Who won the 1998 World Cup?",
    "How do I bake sourdough bread?",
    "What is the boiling point of water at sea level?",
    "Who wrote Pride and Prejudice?",
    "Explain the theory of relativity.",
    "What's the weather like today?",
    "Tell me a joke",
    "hello",
    "What is 2+2?",
    "Who is the president of the United States?",
    "How do I change a car tire?",
    "What is the best pizza topping?",
]
# Retrieval variants scored on every chunking setting: name -> RetrievalSettings overrides.
VARIANTS: dict[str, dict] = {
    "hybrid rrf60 f20": {},
    "vector only": {"hybrid": False},
    "hybrid rrf10 f20": {"rrf_k": 10},
    "hybrid rrf30 f20": {"rrf_k": 30},
    "hybrid rrf60 f50": {"fetch_k": 50},
    "hybrid rrf60 f10": {"fetch_k": 10},
}
HEADER = (
    "chunking chunks ingest_s retrieval hit@1 hit@3 hit@5 MRR page@3 hit@5_thr all_hit@5".split()
)
THRESHOLDS = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45]


def load_questions(path: Path = QUESTIONS) -> tuple[list[dict], list[dict]]:
    """(answerable with a source, follow-ups skipped; unanswerable)."""
    rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    answerable, unanswerable = [], []
    for row in rows:
        if row.get("conversation"):
            continue
        if "source" in row:
            sources = row["source"]
            row["sources"] = [sources] if isinstance(sources, str) else list(sources)
            answerable.append(row)
        elif row["category"] == "unanswerable":
            unanswerable.append(row)
    return answerable, unanswerable


class CachedEmbedder:
    """The real embedder, remembering query vectors: every variant sees the same queries."""

    def __init__(self, inner: LocalEmbedder):
        self.inner = inner
        self.name, self.dim, self.max_tokens = inner.name, inner.dim, inner.max_tokens
        self.batch_size = inner.batch_size
        self.cache: dict[str, np.ndarray] = {}

    def count_tokens(self, text: str) -> int:
        return self.inner.count_tokens(text)

    def encode(self, texts: list[str], progress: bool = False) -> np.ndarray:
        if len(texts) != 1:
            return self.inner.encode(texts, progress)
        if texts[0] not in self.cache:
            self.cache[texts[0]] = self.inner.encode(texts)[0]
        return self.cache[texts[0]][None, :]


def first_rank(hits, sources: list[str]) -> int | None:
    for rank, hit in enumerate(hits, start=1):
        if hit.source in sources:
            return rank
    return None


def score(retriever: Retriever, questions: list[dict]) -> dict[str, float]:
    ranks, page_hits, pdf_questions, thr_hits = [], 0, 0, 0
    for q in questions:
        hits = retriever.search(q["question"], k=5, min_score=-1.0, min_relevance=-1.0)
        ranks.append(first_rank(hits, q["sources"]))
        kept = retriever.search(q["question"], k=5)  # with the threshold, as the app runs it
        thr_hits += first_rank(kept, q["sources"]) is not None
        if "page" in q and len(q["sources"]) == 1:
            pdf_questions += 1
            page_hits += any((h.source, h.page) == (q["source"], q["page"]) for h in hits[:3])
    n = len(questions)
    out = {f"hit@{k}": sum(r is not None and r <= k for r in ranks) / n for k in (1, 3, 5)}
    out["MRR"] = sum(1 / r for r in ranks if r) / n
    out["page@3"] = page_hits / max(pdf_questions, 1)
    out["hit@5 thr"] = thr_hits / n
    return out


def best_cosines(retriever: Retriever, questions: list[str]) -> np.ndarray:
    out = []
    for text in questions:
        vector = retriever.embedder.encode([text])[0]
        found = retriever.store.search(vector, 1)
        out.append(found[0][1] if found else 0.0)
    return np.array(out)


def build_index(embedder, docs: Path, chunk: int, overlap: int, folder: Path):
    settings = Settings(
        store={"path": folder}, chunking={"chunk_tokens": chunk, "overlap_tokens": overlap}
    )
    store = open_store(settings, embedder)
    started = time.perf_counter()
    Ingester(settings, store, embedder).run([docs], progress=False)
    return store, time.perf_counter() - started


def print_table(header: list[str], rows: list[list]) -> None:
    cells = [[f"{c:.3f}" if isinstance(c, float) else str(c) for c in row] for row in rows]
    widths = [max(len(str(h)), *(len(r[i]) for r in cells)) for i, h in enumerate(header)]
    print("  ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)))
    for row in cells:
        print("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)))


def threshold_report(retriever: Retriever, answerable: list[dict], unanswerable: list[dict]):
    single = [q for q in answerable if len(q["sources"]) == 1]
    groups = {
        "answerable": best_cosines(retriever, [q["question"] for q in answerable]),
        "unanswerable": best_cosines(retriever, [q["question"] for q in unanswerable]),
        "off-topic": best_cosines(retriever, OFF_TOPIC),
    }
    print("\nbest cosine similarity per question (top vector hit)")
    pcts = [0, 5, 10, 25, 50, 75, 90, 100]
    rows = [[name, len(v), *np.percentile(v, pcts).tolist()] for name, v in groups.items()]
    print_table(["group", "n", *[f"p{p}" for p in pcts]], rows)
    print("\nper min_score: answerable kept, single-source hit@5, unanswerable/off-topic refused")
    rows = []
    for t in THRESHOLDS:
        retriever.settings = retriever.settings.model_copy(update={"min_score": t})
        hit5 = score(retriever, single)["hit@5 thr"]
        rows.append(
            [
                t,
                float(np.mean(groups["answerable"] >= t)),
                hit5,
                float(np.mean(groups["unanswerable"] < t)),
                float(np.mean(groups["off-topic"] < t)),
            ]
        )
    print_table(["min_score", "ans kept", "hit@5", "unans refused", "off-topic refused"], rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--docs", type=Path, default=PROJECT_ROOT / "data" / "docs")
    parser.add_argument(
        "--chunking",
        default="160/20,96/16,128/16,200/20,254/32,160/0,160/40",
        help="comma-separated chunk_tokens/overlap_tokens settings",
    )
    args = parser.parse_args()
    answerable, unanswerable = load_questions()
    single = [q for q in answerable if len(q["sources"]) == 1]
    print(
        f"{len(answerable)} answerable questions ({len(single)} single-source), "
        f"{len(unanswerable)} unanswerable, {len(OFF_TOPIC)} off-topic"
    )
    embedder = CachedEmbedder(LocalEmbedder(EmbeddingSettings(device="cpu")))
    base = RetrievalSettings()
    rows, stores = [], {}
    with tempfile.TemporaryDirectory(prefix="ragchat-bench-") as tmp:
        for spec in args.chunking.split(","):
            chunk, overlap = (int(x) for x in spec.split("/"))
            store, seconds = build_index(
                embedder, args.docs, chunk, overlap, Path(tmp) / spec.replace("/", "-")
            )
            stores[spec] = store
            for name, overrides in VARIANTS.items():
                retriever = Retriever(store, embedder, base.model_copy(update=overrides))
                single_scores = score(retriever, single)
                all_scores = score(retriever, answerable)
                rows.append(
                    [spec, store.count(), round(seconds, 1), name, *single_scores.values()]
                    + [all_scores["hit@5"]]
                )
        print("\nsingle-source questions by source file (last column: all answerable, hit@5)")
        print_table(HEADER, rows)
        first = args.chunking.split(",")[0]
        print(f"\nthreshold, chunking {first}, retrieval defaults")
        threshold_report(Retriever(stores[first], embedder, base), answerable, unanswerable)
        for store in stores.values():
            store.close()


if __name__ == "__main__":
    main()
