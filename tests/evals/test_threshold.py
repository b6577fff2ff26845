"""Choosing answerability.min_probability from one run: the numbers follow from the records."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from evals.threshold import Scored, apply, at_threshold, choose, in_calibration_half

QUESTIONS = [
    {
        "id": "a1",
        "question": "Cost?",
        "source": "f.md",
        "answer": "$5",
        "facts": ["$5"],
        "category": "c",
    },
    {
        "id": "a2",
        "question": "Days?",
        "source": "f.md",
        "answer": "30 days",
        "facts": ["30 days"],
        "category": "c",
    },
    {"id": "u1", "question": "Tax in Idaho?", "answer": "", "category": "unanswerable"},
]


def test_refusals_and_fact_recall_at_a_threshold():
    items = [
        Scored(answerable=True, p=0.9, refused=False, fact_recall=1.0),
        Scored(answerable=True, p=0.4, refused=False, fact_recall=1.0),
        Scored(answerable=False, p=0.3, refused=False, fact_recall=0.0),
        Scored(answerable=False, p=0.7, refused=False, fact_recall=0.0),
    ]
    at = at_threshold(items, 0.5)
    assert at["refusal_recall"] == 0.5 and at["false_refusal_rate"] == 0.5
    assert at["fact_recall"] == 0.5  # the refused answerable one scores nothing
    assert at_threshold(items, 0.0)["false_refusal_rate"] == 0.0
    # The highest refusal recall with no false refusal: just above the unanswerable 0.3.
    assert choose(items, max_false=0.0) == 0.31


def test_split_is_stable_and_uses_both_halves():
    ids = [f"q-{i}" for i in range(200)]
    halves = [in_calibration_half(i) for i in ids]
    assert 60 < sum(halves) < 140 and halves == [in_calibration_half(i) for i in ids]


def test_apply_rewrites_only_the_answers_under_the_threshold(tmp_path: Path):
    questions = tmp_path / "q.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in QUESTIONS))
    run = tmp_path / "run"
    run.mkdir()
    timings = {"retrieve_s": 0.1, "ttft_s": 1.0, "generate_s": 2.0, "tokens": 5}
    lines = [
        ("a1", "It costs $5 [1].", 0.9, {"fact_recall": 1.0, "hit@1": 1.0}),
        ("a2", "Within 30 days [1].", 0.2, {"fact_recall": 1.0, "hit@1": 1.0}),
        ("u1", "The tax is 6%.", 0.1, {}),
    ]
    records = [
        {"id": qid, "mode": "rag", "answer": text, "answerable_p": p, "refused": False,
         "timings": timings, "metrics": metrics, "retrieved": [], "cited": [],
         "category": "c", "question": qid, "query": qid, "reference": "", "error": None}
        for qid, text, p, metrics in lines
    ]  # fmt: skip
    (run / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    summary = apply(run, questions, 0.5, tmp_path / "out")
    written = [
        json.loads(x) for x in (tmp_path / "out" / "results.jsonl").read_text().split("\n")[:-1]
    ]
    assert [r["refused"] for r in written] == [False, True, True]
    assert written[0]["answer"] == "It costs $5 [1]."
    assert written[1]["metrics"]["fact_recall"] == 0.0 and written[1]["metrics"]["hit@1"] == 1.0
    assert summary["modes.rag.fact_recall"] == 0.5
    assert summary["modes.rag.refusal_recall"] == 1.0
    assert summary["answerability.min_probability"] == 0.5
    assert (tmp_path / "out" / "report.md").exists()


@pytest.fixture
def replay_on_docs(docs_index, embedder, monkeypatch):
    """evals.threshold's replay searching the docs index with the session's embedder."""
    settings, _ = docs_index
    monkeypatch.setattr("rag.settings.get_settings", lambda: settings)
    monkeypatch.setattr("rag.components.build_embedder", lambda _settings: embedder)


def write_run(folder: Path, asked: list[dict], records: list[dict]) -> tuple[Path, Path]:
    """A question file and a results.jsonl of recorded answers."""
    questions, results = folder / "questions.jsonl", folder / "results.jsonl"
    questions.write_text("".join(json.dumps(q) + "\n" for q in asked))
    results.write_text("".join(json.dumps(r) + "\n" for r in records))
    return questions, results


def test_figures_are_looked_up_in_the_passages_of_the_query_searched(
    replay_on_docs, tmp_path: Path
):
    from evals.threshold import mark_ungrounded

    asked = [
        {"id": "a1", "question": "Shipping?", "source": "faq.md", "category": "c"},
        {"id": "u1", "question": "Tax in Idaho?", "category": "unanswerable"},
    ]
    records = [  # the query searched, search terms included, finds the passages
        {
            "id": "a1",
            "query": "How much does standard shipping cost? shipping, price",
            "answer": "Standard shipping costs $5.99 [1]. Two orders cost 11.98 in all.",
        },
        {
            "id": "u1",
            "query": "What is the sales tax rate in Idaho? Sales Tax Rate, Idaho",
            "answer": "The sales tax rate in Idaho is 7.35% [1].",
        },
    ]
    questions, results = write_run(tmp_path, asked, records)
    scored = {
        "a1": Scored(answerable=True, p=0.9, refused=False, fact_recall=1.0),
        "u1": Scored(answerable=False, p=0.6, refused=False, fact_recall=0.0),
    }
    assert mark_ungrounded(scored, results, questions, "claim") == ["u1"]
    assert not scored["a1"].ungrounded and scored["u1"].ungrounded
    # The whole answer's figures: the worked-out sum of the second sentence is in no passage.
    assert mark_ungrounded(scored, results, questions, "answer") == ["a1", "u1"]


def test_figures_said_of_another_model_are_flagged_with_models(replay_on_docs, tmp_path: Path):
    from evals.threshold import mark_ungrounded

    asked = [
        {"id": f"q{n}", "question": f"How long does the {model} take to charge from a wall?"}
        | {"category": "c"}
        for n, model in enumerate(["BC-2000 Pro", "BC-1000"])
    ]
    records = [  # both answers give the BC-1000 manual's 2 hours
        {"id": q["id"], "query": q["question"], "answer": f"It takes 2 hours [1]. {q['question']}"}
        for q in asked
    ]
    questions, results = write_run(tmp_path, asked, records)
    scored = {
        q["id"]: Scored(answerable=True, p=0.9, refused=False, fact_recall=1.0) for q in asked
    }
    assert mark_ungrounded(scored, results, questions, "claim") == []
    assert mark_ungrounded(scored, results, questions, "none", models=True) == ["q0"]
