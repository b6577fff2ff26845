"""Run questions through retrieval and the engine; one results.jsonl line per (question, mode).

Every finished line is flushed and fsynced before the next question starts, so an interrupted
run loses at most the answer in flight, and a rerun into the same folder skips what is done.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Protocol

from tqdm import tqdm

from evals import metrics as m
from evals.questions import Question
from rag.modes import MODES
from rag.schema import Answer, Hit

EVAL_K = 5  # retrieval is scored at hit@1/3/5, deeper than the prompt's top_k
RETRIEVAL = "retrieval"  # the mode name of --retrieval-only lines

Ranker = Callable[[Question], tuple[str, list[Hit]]]


class Engine(Protocol):
    has_adapter: bool

    def retrieve(
        self, question: str, history: list[dict] | None = None, options: Any = None
    ) -> Any: ...  # rag.engine.Retrieval

    def compare(
        self, question: str, history: list[dict] | None = None, modes: Iterable[str] = ...
    ) -> dict[str, Answer]: ...


class ResultLog:
    """results.jsonl: read what is there, append each new line durably."""

    def __init__(self, path: Path, fresh: bool = False):
        self.path = path
        self.records: list[dict[str, Any]] = []
        if fresh and path.exists():
            path.unlink()
        if path.exists():
            self._load()

    def _load(self) -> None:
        lines = self.path.read_text(encoding="utf-8").splitlines()
        for line in lines:
            try:
                record = json.loads(line)
            except json.JSONDecodeError:
                continue  # a line cut short by a crash: that pair is simply redone
            if isinstance(record, dict) and "id" in record and "mode" in record:
                self.records.append(record)
        if len(self.records) != len([ln for ln in lines if ln.strip()]):
            # Rewrite without the broken lines, so appends start on a clean line.
            tmp = self.path.with_suffix(".tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)

    @property
    def done(self) -> set[tuple[str, str]]:
        return {(r["id"], r["mode"]) for r in self.records if not r.get("error")}

    def append(self, record: dict[str, Any]) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        self.records.append(record)


def retrieval_fields(question: Question, query: str, ranking: list[Hit]) -> dict[str, Any]:
    """The retrieved list and its hit@k / MRR / page-hit scores (only with a `source`)."""
    top = ranking[:EVAL_K]
    sources = [h.source for h in top]
    scores: dict[str, Any] = {}
    if question.sources:
        rank = m.first_rank(sources, question.sources)
        scores = {f"hit@{k}": m.hit_at(rank, k) for k in (1, 3, 5)}
        scores["rr"] = m.reciprocal_rank(rank)
        pdf = question.pdf_source
        pages = [(h.source, h.page) for h in top]
        scores["page_hit@5"] = m.page_hit(pages, pdf, question.page, 5) if pdf else None
        many = len(question.sources) > 1
        scores["all_sources@5"] = m.all_sources_at(sources, question.sources, 5) if many else None
    return {
        "id": question.id,
        "category": question.category,
        "question": question.question,
        "query": query,
        "retrieved": [{"source": h.source, "page": h.page, "score": h.score} for h in top],
        "metrics": scores,
    }


def answer_fields(question: Question, answer: Answer, contexts: list[str]) -> dict[str, Any]:
    refused = m.is_refusal(answer.text, answer.refused)
    cited = [h.source for h in answer.sources]
    uses_context = "rag" in answer.mode
    # Each score needs its own piece of the question: refusal a known answerability, fact
    # recall `facts`, the overlap scores a reference `answer`, citation hit a `source`.
    known = question.answerable or question.unanswerable
    scores = {
        "refused": refused,
        "refusal_correct": m.refusal_correct(question.answerable, refused) if known else None,
        "answer_words": len(answer.text.split()),
        "groundedness": None if refused else m.groundedness(answer.text, contexts),
    }
    if question.answerable:
        scores["fact_recall"] = m.fact_recall(question.facts, answer.text)
        reference = question.answer.strip()
        scores["rouge_l"] = m.rouge_l(answer.text, question.answer) if reference else None
        scores["token_f1"] = m.token_f1(answer.text, question.answer) if reference else None
        cites = uses_context and question.sources
        scores["citation_hit"] = m.citation_hit(cited, question.sources) if cites else None
    return {
        "mode": answer.mode,
        "answer": answer.text,
        "reference": question.answer,
        "refused": refused,
        "answerable_p": answer.answerable_p,
        "supported_p": answer.supported_p,
        "relevant_p": answer.relevant_p,
        "figure_p": answer.figure_p,
        "cited": [{"source": h.source, "page": h.page} for h in answer.sources],
        "timings": answer.timings.to_dict(),
        "error": answer.error,
        "metrics": scores,
    }


def ensure_index(
    settings: Any, index: Path, docs: Path, embedder: Any = None, progress: bool = True
) -> None:
    """Ingest `docs` into `index` when there is no index there yet."""
    from ingest.pipeline import Ingester
    from rag.components import build_embedder, index_exists, open_store

    if index_exists(settings, index):
        return
    print(f"no index at {index}: ingesting {docs} first", flush=True)
    embedder = embedder or build_embedder(settings.embedding)
    store = open_store(settings, embedder, index)
    try:
        summary = Ingester(settings, store, embedder).run([docs], progress=progress)
    finally:
        store.close()
    if not summary.readable:
        raise RuntimeError(f"nothing could be ingested from {docs}")


def run_retrieval(
    questions: list[Question], rank: Ranker, log: ResultLog, progress: bool = True
) -> None:
    """Score retrieval only: one line per question, mode 'retrieval'."""
    todo = [q for q in questions if (q.id, RETRIEVAL) not in log.done]
    for question in tqdm(todo, desc="retrieval", unit="q", disable=not progress):
        query, ranking = rank(question)
        log.append({**retrieval_fields(question, query, ranking), "mode": RETRIEVAL})


def run_generation(
    questions: list[Question],
    engine: Engine,
    modes: list[str],
    log: ResultLog,
    rank: Ranker,
    top_k: int,
    progress: bool = True,
) -> None:
    """Answer every question in every mode not done yet; retrieval is scored once per question."""
    done = log.done
    work = [(q, [md for md in modes if (q.id, md) not in done]) for q in questions]
    work = [(q, todo) for q, todo in work if todo]
    bar = tqdm(total=sum(len(t) for _, t in work), desc="answers", unit="ans", disable=not progress)
    with bar:
        for question, todo in work:
            query, ranking = rank(question)
            base = retrieval_fields(question, query, ranking)
            try:
                answers = engine.compare(question.question, question.conversation, modes=todo)
            except Exception as err:  # one failing question must not end a long run
                answers = {md: Answer("", md, error=f"{type(err).__name__}: {err}") for md in todo}
            for mode in todo:
                answer = answers[mode]
                # Modes without context are checked against the documents retrieved anyway.
                hits = answer.hits or ranking[:top_k]
                fields = answer_fields(question, answer, [h.text for h in hits])
                scores = {**base["metrics"], **fields["metrics"]}
                log.append({**base, **fields, "mode": mode, "metrics": scores})
                bar.update()


def usable_modes(modes: list[str], engine: Engine) -> tuple[list[str], list[str]]:
    """(modes the engine can answer in, modes dropped because they need a missing adapter)."""
    if engine.has_adapter:
        return list(modes), []
    needs = [md for md in modes if md in MODES and MODES[md].uses_adapter]
    return [md for md in modes if md not in needs], needs


def engine_ranker(engine: Engine, k: int = EVAL_K) -> Ranker:
    """The engine's standalone query (follow-ups condensed), ranked k deep."""

    def rank(question: Question) -> tuple[str, list[Hit]]:
        from rag.engine import AnswerOptions

        found = engine.retrieve(question.question, question.conversation, AnswerOptions(top_k=k))
        return found.query, found.hits

    return rank


class _CachedEmbedder:
    """An embedder whose query vectors were computed in one batch beforehand."""

    def __init__(self, embedder: Any, vectors: dict[str, Any]):
        self.embedder = embedder
        self.vectors = vectors
        self.dim = embedder.dim

    def encode(self, texts: list[str], progress: bool = False) -> Any:
        if all(t in self.vectors for t in texts):
            import numpy as np

            return np.stack([self.vectors[t] for t in texts])
        return self.embedder.encode(texts, progress=progress)

    def count_tokens(self, text: str) -> int:  # section expansion budgets with it
        return self.embedder.count_tokens(text)


def batch_ranker(
    questions: list[Question], store: Any, embedder: Any, settings: Any, progress: bool = True
) -> Ranker:
    """Retrieval without an LLM: every query embedded in one batch, then searched one by one.

    Follow-ups are condensed with the heuristic (last user turn + question) even when the
    engine is set to let the model rewrite them: no model is loaded here."""
    from rag.condense import heuristic_query
    from rag.retriever import Retriever

    plain = settings.retrieval.condense == "none"
    queries = {
        q.id: q.question if plain else heuristic_query(q.question, q.conversation)
        for q in questions
    }
    unique = list(dict.fromkeys(queries.values()))
    vectors = dict(zip(unique, embedder.encode(unique, progress=progress), strict=True))
    retriever = Retriever(store, _CachedEmbedder(embedder, vectors), settings.retrieval)

    def rank(question: Question) -> tuple[str, list[Hit]]:
        query = queries[question.id]
        return query, retriever.search(query, k=EVAL_K)

    return rank
