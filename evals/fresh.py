"""Fresh facts: change a policy in a copy of the documents and see which mode follows it.

A fine-tuned model remembers the old values from its training dialogues; context injection
should answer with the new ones. `stale_rate` counts answers that still state an old value.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

from evals import metrics as m
from evals.metrics import latest_records
from evals.questions import FRESH_CHANGE, FRESH_QUESTIONS, Question, load_questions
from evals.runner import (
    ResultLog,
    engine_ranker,
    ensure_index,
    run_generation,
    usable_modes,
)


class FreshFactsError(RuntimeError):
    pass


def load_change(path: Path = FRESH_CHANGE) -> dict[str, Any]:
    change = json.loads(Path(path).read_text(encoding="utf-8"))
    pairs = change.get("replace")
    if not isinstance(change.get("file"), str) or not isinstance(pairs, list):
        raise FreshFactsError(f"{path}: needs 'file' (string) and 'replace' ([[old, new], …])")
    if not all(isinstance(p, list) and len(p) == 2 for p in pairs):
        raise FreshFactsError(f"{path}: every 'replace' item must be [old, new]")
    return change


def apply_change(docs: Path, change: dict[str, Any], dest: Path) -> Path:
    """Copy `docs` to `dest` and apply the literal replacements to the one changed file."""
    shutil.copytree(docs, dest)
    target = dest / change["file"]
    if not target.is_file():
        raise FreshFactsError(f"{change['file']}: no such file in {docs}")
    text = target.read_text(encoding="utf-8")
    for old, new in change["replace"]:
        if old not in text:
            name = change["file"]
            raise FreshFactsError(f"{name}: '{old}' not found, can't change it to '{new}'")
        text = text.replace(old, new)
    target.write_text(text, encoding="utf-8")
    return dest


def old_values(question: Question, change: dict[str, Any]) -> list[str]:
    """The pre-change values of the facts this question asks for."""
    return [
        old
        for old, new in change["replace"]
        if any(m.fact_in(new, variant) for fact in question.facts for variant in fact)
    ]


def fresh_summary(
    records: list[dict[str, Any]],
    questions: list[Question],
    modes: list[str],
    change: dict[str, Any],
) -> dict[str, Any]:
    latest = latest_records(records, questions, modes)
    out: dict[str, Any] = {"fresh.questions": len(questions)}
    for mode in modes:
        rows = [(q, latest[(q.id, mode)]) for q in questions if (q.id, mode) in latest]
        out[f"fresh.{mode}.fact_recall"] = m.mean(r["metrics"].get("fact_recall") for _, r in rows)
        out[f"fresh.{mode}.stale_rate"] = m.mean(
            any(m.fact_in(old, r["answer"]) for old in old_values(q, change)) for q, r in rows
        )
    return {k: round(v, 4) if isinstance(v, float) else v for k, v in out.items()}


def run_fresh(
    settings: Any,
    docs: Path,
    modes: list[str],
    out: Path,
    build: Callable[..., Any],
    adapter: Path | None = None,
    restart: bool = False,
    progress: bool = True,
    questions_path: Path = FRESH_QUESTIONS,
    change_path: Path = FRESH_CHANGE,
) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """Ingest the changed copy into a temporary index and answer the fresh questions.

    `build(settings, index=…, adapter=…)` makes the engine (rag.engine.build_engine). Returns
    the fresh.* summary keys and the newest result line per (question, mode)."""
    change = load_change(change_path)
    questions, problems = load_questions(questions_path)
    for problem in problems:
        print(f"{questions_path}: {problem} (skipped)", flush=True)
    folder = out / "fresh"
    folder.mkdir(parents=True, exist_ok=True)
    log = ResultLog(folder / "results.jsonl", fresh=restart)
    with tempfile.TemporaryDirectory(prefix="ragchat-fresh-") as tmp:
        changed = apply_change(Path(docs), change, Path(tmp) / "docs")
        index = Path(tmp) / "index"
        ensure_index(settings, index, changed, progress=progress)
        engine = build(settings, index=index, adapter=adapter)
        usable, _ = usable_modes(modes, engine)
        top_k = settings.retrieval.top_k
        run_generation(questions, engine, usable, log, engine_ranker(engine), top_k, progress)
        store = getattr(getattr(engine, "retriever", None), "store", None)
        closer = getattr(store, "close", None)
        if closer:
            closer()  # the temp folder goes next; release the SQLite file first
    summary = fresh_summary(log.records, questions, usable, change)
    return summary, list(latest_records(log.records, questions, usable).values())
