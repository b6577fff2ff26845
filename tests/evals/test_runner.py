"""End-to-end eval runs: files, summary keys, report sections, resuming, retrieval-only, fresh.

Most runs use a scripted engine over the real docs index (real embedder, FAISS, BM25): the
answers are known, so the numbers are too. The real SmolLM2 run is marked slow.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pytest

from evals.cli import ALL_MODES, add_arguments, evaluate
from evals.fresh import FreshFactsError, apply_change, load_change, run_fresh
from evals.metrics import summarize
from evals.questions import DEFAULT_QUESTIONS, Question, load_questions
from evals.report import SECTIONS, write_report
from evals.runner import ResultLog, batch_ranker, run_retrieval
from rag.condense import heuristic_query
from rag.engine import Retrieval
from rag.retriever import Retriever
from rag.schema import Answer, Timings

ROOT = Path(__file__).resolve().parents[2]
PNGS = ("retrieval.png", "metrics.png", "latency.png", "categories.png")
KEYS = ["questions", "modes", "seconds"] + [
    f"retrieval.{k}" for k in ("hit@1", "hit@3", "hit@5", "mrr", "page_hit@5")
]
MODE_KEYS = (
    "fact_recall", "rouge_l", "token_f1", "bleu", "refusal_accuracy", "groundedness",
    "citation_hit", "answer_words", "ttft_p50_s", "tokens_per_s",
)  # fmt: skip
REFUSAL = "I could not find that in the documents, so I can't answer it reliably."


class ScriptedEngine:
    """Real retrieval; answers scripted per mode: rag/finetuned+rag give the reference answer
    (or refuse when unanswerable), finetuned always invents the same thing."""

    has_adapter = True

    def __init__(
        self, store, embedder, settings, questions, invented="Our penguins deliver parcels by sled."
    ):
        self.retriever = Retriever(store, embedder, settings.retrieval)
        self.by_text = {q.question: q for q in questions}
        self.invented = invented
        self.calls: list[tuple[str, tuple[str, ...]]] = []

    def retrieve(self, question, history=None, options=None):
        query = heuristic_query(question, history or [])
        k = options.top_k if options is not None else None
        return Retrieval(query, self.retriever.search(query, k=k))

    def compare(self, question, history=None, modes=ALL_MODES):
        self.calls.append((question, tuple(modes)))
        q = self.by_text[question]
        found = self.retrieve(question, history)
        query, hits = found.query, found.hits
        answers = {}
        for mode in modes:
            timings = Timings(ttft_s=0.1 * len(mode), tokens=12, tokens_per_s=30.0)
            if mode == "finetuned":
                answers[mode] = Answer(self.invented, mode, timings=timings, query=query)
            elif q.answerable:
                text = (q.answer or hits[0].text) + " [1]"  # no reference: copy the passage
                answers[mode] = Answer(text, mode, hits[:1], hits[:4], timings, query)
            else:
                answers[mode] = Answer(REFUSAL, mode, timings=timings, query=query, refused=True)
        return answers


def parse(*argv: str) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_arguments(parser)
    return parser.parse_args(["--quiet", *argv])


@pytest.fixture
def scripted(docs_index, embedder):
    settings, store = docs_index
    questions, _ = load_questions(DEFAULT_QUESTIONS)
    made: list[ScriptedEngine] = []

    def build(_settings, index=None, adapter=None):
        made.append(ScriptedEngine(store, embedder, settings, questions))
        return made[-1]

    return settings, build, made


def quick_args(settings, out: Path, *extra: str) -> argparse.Namespace:
    return parse("--quick", "--out", str(out), "--index", str(settings.store.path), *extra)


def read_lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def check_outputs(out: Path, modes: list[str]) -> dict:
    summary = json.loads((out / "summary.json").read_text())
    missing = [k for k in KEYS if k not in summary]
    missing += [
        f"modes.{md}.{k}" for md in modes for k in MODE_KEYS if f"modes.{md}.{k}" not in summary
    ]
    assert not missing, missing
    for name in ("results.jsonl", "report.md", "report.html", *PNGS):
        assert (out / name).stat().st_size > 0, name
    md, page = (out / "report.md").read_text(), (out / "report.html").read_text()
    for heading in SECTIONS:
        assert f"\n## {heading}\n" in md, heading
        assert f"<h2>{heading}</h2>" in page, heading
    return summary


def test_quick_run_writes_every_file_key_and_section(scripted, tmp_path):
    settings, build, made = scripted
    summary = evaluate(quick_args(settings, tmp_path), settings, build)
    check_outputs(tmp_path, list(ALL_MODES))
    lines = read_lines(tmp_path / "results.jsonl")
    assert len(lines) == 8 * 3 and summary["questions"] == 8
    first = lines[0]
    for key in ("id", "mode", "question", "answer", "refused", "cited", "retrieved", "metrics"):
        assert key in first
    assert "ttft_s" in first["timings"]
    # Known answers give known numbers.
    assert summary["modes.rag.fact_recall"] == 1.0
    assert summary["modes.rag.token_f1"] == 1.0 and summary["modes.rag.rouge_l"] == 1.0
    assert summary["modes.rag.refusal_accuracy"] == 1.0
    assert summary["modes.finetuned.fact_recall"] == 0.0
    assert summary["modes.finetuned.refusal_accuracy"] == 0.75  # 6 answered right, 2 not refused
    assert summary["modes.finetuned.citation_hit"] is None  # no context, nothing to cite
    assert summary["retrieval.hit@5"] >= 0.5
    report = (tmp_path / "report.md").read_text()
    assert "### finetuned against rag (context injection)" in report
    assert "| fact recall | 1.000 | 0.000 | rag by 1.000 |" in report
    assert "| TTFT p50 (s) | 0.300 | 0.900 | rag by 0.600 |" in report


def test_resume_redoes_only_the_missing_line(scripted, tmp_path):
    settings, build, made = scripted
    evaluate(quick_args(settings, tmp_path), settings, build)
    results = tmp_path / "results.jsonl"
    lines = results.read_text().splitlines(keepends=True)
    results.write_text("".join(lines[:-1]))
    evaluate(quick_args(settings, tmp_path), settings, build)
    last = json.loads(lines[-1])
    assert made[-1].calls == [(last["question"], (last["mode"],))]
    again = read_lines(results)
    assert len(again) == len(lines) and (again[-1]["id"], again[-1]["mode"]) == (
        last["id"],
        last["mode"],
    )
    # A line cut short by a crash is dropped and redone, not glued to the next one.
    results.write_text("".join(lines[:-1]) + lines[-1][:20])
    evaluate(quick_args(settings, tmp_path), settings, build)
    assert len(made[-1].calls) == 1 and len(read_lines(results)) == len(lines)
    # --fresh starts over.
    evaluate(quick_args(settings, tmp_path, "--fresh", "--modes", "rag"), settings, build)
    assert len(made[-1].calls) == 8 and len(read_lines(results)) == 8


def test_bad_question_lines_are_reported_and_the_rest_runs(scripted, tmp_path):
    settings, build, _ = scripted
    good = DEFAULT_QUESTIONS.read_text().splitlines()[:3]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join([good[0], "{not json", good[1], '{"id": "x"}', good[2]]) + "\n")
    out = tmp_path / "out"
    args = parse("--questions", str(path), "--out", str(out), "--modes", "rag")
    summary = evaluate(args, settings, build)
    assert summary["questions"] == 3 and len(summary["skipped_lines"]) == 2
    assert summary["skipped_lines"][0].startswith("line 2: invalid JSON")
    assert "line 4: missing 'question'" in (out / "report.md").read_text()


def test_retrieval_only_on_the_real_docs_index(docs_index, embedder, tmp_path):
    settings, store = docs_index
    questions, _ = load_questions(DEFAULT_QUESTIONS)
    log = ResultLog(tmp_path / "results.jsonl")
    run_retrieval(questions, batch_ranker(questions, store, embedder, settings, False), log, False)
    summary = summarize(log.records, questions, [], 0.0)
    assert summary["retrieval.hit@5"] > 0.7
    assert summary["retrieval.hit@1"] <= summary["retrieval.hit@3"] <= summary["retrieval.hit@5"]
    assert 0 < summary["retrieval.mrr"] <= 1 and summary["retrieval.page_hit@5"] > 0.5
    assert len(log.records) == len(questions)


def test_retrieval_only_cli_loads_no_model(docs_index, embedder, tmp_path, monkeypatch):
    settings, _ = docs_index

    def no_llm(*args, **kwargs):
        raise AssertionError("--retrieval-only must not load the chat model")

    monkeypatch.setattr("rag.runtime.load_chat_model", no_llm)
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)
    summary = evaluate(quick_args(settings, tmp_path, "--retrieval-only"), settings, no_llm)
    assert summary["modes"] == [] and summary["retrieval.hit@5"] is not None
    assert (tmp_path / "retrieval.png").exists()
    assert "Retrieval only" in (tmp_path / "report.md").read_text()


def test_retrieval_only_with_search_terms_ranks_through_the_engine(docs_index, tmp_path):
    from rag.engine import build_engine
    from rag.llm import NO_ADAPTER

    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.retrieval.query_terms = "model"  # the chat model names the terms: it must load
    settings.retrieval.query_terms_under = 1.0  # for every question
    built = []

    def build(settings_, index=None, adapter=None):
        assert adapter == NO_ADAPTER  # terms come from the base model
        built.append(build_engine(settings_, index=index, adapter=adapter))
        return built[-1]

    summary = evaluate(quick_args(settings, tmp_path, "--retrieval-only"), settings, build)
    assert len(built) == 1 and summary["modes"] == []
    assert summary["retrieval.hit@5"] > 0.5
    lines = read_lines(tmp_path / "results.jsonl")
    assert all(line["mode"] == "retrieval" for line in lines)
    # Each searched query is the standalone question with the model's terms after it.
    questions = {q.id: q for q in load_questions(DEFAULT_QUESTIONS)[0]}
    for line in lines:
        asked = questions[line["id"]]
        standalone = heuristic_query(asked.question, asked.conversation)
        assert line["query"].startswith(standalone + " "), line


def test_a_minimal_question_file_gets_every_metric_it_can(
    docs_index, embedder, tmp_path, monkeypatch
):
    """{"question", "source"} lines, what a user writes first: ids are line numbers, and every
    metric that needs only a source (or nothing) is computed; the others say they covered none."""
    settings, store = docs_index
    lines = [
        {"question": "What does standard shipping cost?", "source": "help/shipping-options.html"},
        {"question": "How long is the return window?", "source": "returns/return-policy.md"},
    ]
    path = tmp_path / "mine.jsonl"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    questions, problems = load_questions(path)
    assert not problems and [q.id for q in questions] == ["1", "2"]

    def build(_settings, index=None, adapter=None):
        return ScriptedEngine(store, embedder, settings, questions)

    out = tmp_path / "out"
    args = parse("--questions", str(path), "--out", str(out), "--modes", "rag")
    summary = evaluate(args, settings, build)
    covered = summary["covered"]
    computed = ["hit@1", "hit@3", "hit@5", "mrr"]
    for key in [f"retrieval.{k}" for k in computed]:
        assert summary[key] is not None and covered[key] == 2, key
    for key in ("citation_hit", "false_refusal_rate", "refusal_accuracy", "groundedness"):
        assert summary[f"modes.rag.{key}"] is not None, key
        assert covered[f"modes.rag.{key}"] == 2, key
    assert summary["modes.rag.false_refusal_rate"] == 0.0
    for key in ("fact_recall", "rouge_l", "token_f1", "bleu", "refusal_recall"):
        assert summary[f"modes.rag.{key}"] is None and covered[f"modes.rag.{key}"] == 0, key
    assert summary["retrieval.page_hit@5"] is None and covered["retrieval.page_hit@5"] == 0
    assert "| hit@5 | 1.000 | 2 |" in (out / "report.md").read_text()
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)
    index = ("--index", str(settings.store.path), "--retrieval-only")
    args = parse("--questions", str(path), "--out", str(tmp_path / "r"), *index)
    assert evaluate(args, settings)["covered"]["retrieval.mrr"] == 2


def test_html_report_escapes_answer_text(tmp_path):
    question = Question("q1", "Is <b>this</b> safe?", "shipping", "Yes.", ["a.md"], facts=[["yes"]])
    record = {
        "id": "q1",
        "mode": "rag",
        "category": "shipping",
        "question": question.question,
        "answer": "<script>alert('x')</script> & more",
        "reference": "Yes.",
        "metrics": {"fact_recall": 0.0, "hit@5": True, "rr": 1.0},
        "timings": {"ttft_s": 0.5, "tokens_per_s": 10.0},
    }
    summary = summarize([record], [question], ["rag"], 1.0)
    write_report(tmp_path, summary, [record])
    page = (tmp_path / "report.html").read_text()
    assert "<script>" not in page and "<b>this" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; &amp; more" in page
    assert "<script>alert('x')</script>" in (tmp_path / "report.md").read_text()


def test_apply_change_replaces_literals_and_fails_clearly(tmp_path):
    change = load_change()
    changed = apply_change(ROOT / "data" / "docs", change, tmp_path / "docs")
    text = (changed / change["file"]).read_text()
    for old, new in change["replace"]:
        assert new in text and old not in text
    bad = {**change, "replace": [["no such words here", "x"]]}
    with pytest.raises(FreshFactsError, match="'no such words here' not found"):
        apply_change(ROOT / "data" / "docs", bad, tmp_path / "again")


def test_fresh_facts_section(embedder, tmp_path, monkeypatch):
    from rag.components import open_store
    from rag.settings import Settings

    docs = tmp_path / "docs"
    (docs / "returns").mkdir(parents=True)
    policy = ROOT / "data" / "docs" / "returns" / "return-policy.md"
    (docs / "returns" / "return-policy.md").write_text(policy.read_text())
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)
    settings = Settings(store={"path": tmp_path / "unused"})
    fresh_questions, _ = load_questions(ROOT / "data" / "eval" / "fresh_facts.jsonl")

    def build(_settings, index=None, adapter=None):
        store = open_store(settings, embedder, index)
        return ScriptedEngine(store, embedder, settings, fresh_questions, "Within 30 days.")

    summary, records = run_fresh(settings, docs, ["rag", "finetuned"], tmp_path, build)
    assert summary["fresh.rag.fact_recall"] == 1.0 and summary["fresh.rag.stale_rate"] == 0.0
    assert summary["fresh.finetuned.stale_rate"] > 0  # still says the old 30-day window
    assert len(records) == 2 * summary["fresh.questions"]


def test_fresh_facts_are_answered_by_the_default_engine(scripted, embedder, tmp_path, monkeypatch):
    from rag.components import open_store

    settings, _, _ = scripted
    questions, _ = load_questions(DEFAULT_QUESTIONS)
    made: list[ScriptedEngine] = []

    def build(_settings, index=None, adapter=None):
        # Its own store: the fresh-facts run closes the engine's store when it is done.
        made.append(
            ScriptedEngine(open_store(settings, embedder, index), embedder, settings, questions)
        )
        return made[-1]

    docs = tmp_path / "docs"
    (docs / "returns").mkdir(parents=True)
    policy = ROOT / "data" / "docs" / "returns" / "return-policy.md"
    (docs / "returns" / "return-policy.md").write_text(policy.read_text())
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)
    monkeypatch.setattr("rag.engine.build_engine", build)
    extra = ("--fresh-facts", "--modes", "rag", "--docs", str(docs))
    summary = evaluate(quick_args(settings, tmp_path / "out", *extra), settings)
    assert summary["fresh.questions"] > 0 and summary["fresh.rag.fact_recall"] is not None
    assert len(made) == 2  # one engine for the questions, one over the changed documents
    made[0].retriever.store.close()


@pytest.mark.slow
def test_quick_run_with_the_real_engine(docs_index, tmp_path):
    from rag.engine import build_engine

    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm.max_new_tokens = 12  # only errors and timings are checked
    engine = build_engine(settings)
    calls = []
    real_compare = engine.compare

    def counting_compare(question, history=None, modes=ALL_MODES, **kw):
        calls.append((question, tuple(modes)))
        return real_compare(question, history, modes, **kw)

    engine.compare = counting_compare
    summary = evaluate(quick_args(settings, tmp_path), settings, lambda *a, **k: engine)
    modes = summary["modes"]
    assert "rag" in modes and set(modes) | set(summary["modes_skipped"]) == set(ALL_MODES)
    check_outputs(tmp_path, modes)
    assert summary["modes.rag.errors"] == 0
    assert summary["modes.rag.ttft_p50_s"] > 0
    results = tmp_path / "results.jsonl"
    lines = results.read_text().splitlines(keepends=True)
    assert len(lines) == 8 * len(modes)
    results.write_text("".join(lines[:-1]))
    calls.clear()
    evaluate(quick_args(settings, tmp_path), settings, lambda *a, **k: engine)
    last = json.loads(lines[-1])
    assert calls == [(last["question"], (last["mode"],))]
    assert len(results.read_text().splitlines()) == len(lines)
