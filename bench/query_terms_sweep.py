"""Where `retrieval.query_terms_under` goes, and what to do with the terms' hits.

    python bench/query_terms_sweep.py [--index DIR] [--questions FILE ...] [--out FILE]

The engine of settings.yaml (the chat model loaded to name the terms) searches each question
once as asked and, when its best hit's relevance is under 0.6 (or nothing passed the gate), once
more with the model's search terms after it; both rankings are recorded (--out, JSON lines).
Each threshold T under 0.6 and each rule is then applied to the recorded rankings, so every
row ranks the same hits:
- replace: a question under T is answered from the terms' hits (what the engine does);
- stronger: only when the terms' best hit is more relevant than the question's own;
- union: both lists, each chunk at its better relevance.
Printed per question file: hit@1 / hit@5 / MRR, and PDF page hit@1 and @5 where questions name
a page. The terms come from a cold read of their prompt (rag.llamacpp keep_cache), so a rerun
gives the same terms.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from evals import metrics as m  # noqa: E402
from evals.questions import DEFAULT_QUESTIONS, PARAPHRASED, load_questions  # noqa: E402

RECORD_UNDER = 0.6  # every T swept is under it
THRESHOLDS = (0.45, 0.47, 0.48, 0.49, 0.5, 0.52, 0.55)
Ranked = list[dict]  # {"id", "source", "page", "relevance"} best first


def record(index: Path | None, questions: Path) -> list[dict]:
    from rag.adapters import NO_ADAPTER
    from rag.engine import build_engine
    from rag.query_rewrite import search_terms, with_search_terms
    from rag.settings import get_settings

    settings = get_settings()
    engine = build_engine(settings, index=index, adapter=NO_ADAPTER)
    relevance = engine.retriever.relevance

    def ranked(text: str) -> Ranked:
        hits = engine.retriever.search(text, k=10)
        return [
            {"id": h.id, "source": h.source, "page": h.page, "relevance": relevance(h)}
            for h in hits
        ]

    rows = []
    for q in load_questions(questions)[0]:
        query = engine.standalone_query(q.question, q.conversation)
        row = {"id": q.id, "sources": q.sources, "pdf": q.pdf_source, "page": q.page}
        row["asked"] = ranked(query)
        if not row["asked"] or row["asked"][0]["relevance"] < RECORD_UNDER:
            expanded = with_search_terms(query, search_terms(engine.llm, engine.prompts, query))
            row["terms"] = ranked(expanded) if expanded != query else []
        rows.append(row)
    return rows


def union(asked: Ranked, terms: Ranked) -> Ranked:
    best: dict[int, dict] = {}
    for hit in asked + terms:
        if hit["id"] not in best or hit["relevance"] > best[hit["id"]]["relevance"]:
            best[hit["id"]] = hit
    return sorted(best.values(), key=lambda h: -h["relevance"])


def rule(name: str, under: float) -> Callable[[dict], Ranked]:
    def ranking(row: dict) -> Ranked:
        asked, terms = row["asked"], row.get("terms") or []
        weak = not asked or asked[0]["relevance"] < under
        if not weak or not terms:
            return asked
        if name == "replace":
            return terms
        if name == "stronger":
            return terms if not asked or terms[0]["relevance"] > asked[0]["relevance"] else asked
        return union(asked, terms)

    return ranking


def scores(rows: list[dict], ranking: Callable[[dict], Ranked]) -> str:
    ranks, pages = [], []
    for row in rows:
        top = ranking(row)[:5]
        if row["sources"]:
            ranks.append(m.first_rank([h["source"] for h in top], row["sources"]))
        if row["pdf"] and row["page"]:
            where = [(h["source"], h["page"]) for h in top]
            pages.append(m.first_rank(where, [(row["pdf"], row["page"])]))
    r = m.rank_summary(ranks)
    text = f"{r['hit@1']:.3f} / {r['hit@5']:.3f} / {r['mrr']:.3f}"
    if pages:
        at_1, at_5 = sum(p == 1 for p in pages), sum(p is not None for p in pages)
        text += f", page hit@1 {at_1} hit@5 {at_5} of {len(pages)}"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--index", type=Path)
    parser.add_argument(
        "--questions", type=Path, nargs="+", default=[DEFAULT_QUESTIONS, PARAPHRASED]
    )
    parser.add_argument("--out", type=Path, help="write the recorded rankings here (JSON lines)")
    args = parser.parse_args()
    for questions in args.questions:
        rows = record(args.index, questions)
        if args.out:
            with args.out.open("a", encoding="utf-8") as out:
                out.writelines(json.dumps({"file": str(questions), **r}) + "\n" for r in rows)
        asked = sum("terms" in r for r in rows)
        print(f"\n{questions}: {len(rows)} questions, {asked} under {RECORD_UNDER} asked for terms")
        print(f"{'no terms':25}  " + scores(rows, lambda r: r["asked"]))
        for under in THRESHOLDS:
            for name in ("replace", "stronger", "union"):
                print(f"under {under:<5} {name:>13}  " + scores(rows, rule(name, under)))


if __name__ == "__main__":
    main()
