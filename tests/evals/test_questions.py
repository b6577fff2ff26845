"""The question loader: bad lines are reported with their line number and skipped."""

from __future__ import annotations

import json
from pathlib import Path

from evals.questions import (
    DEFAULT_QUESTIONS,
    PARAPHRASED,
    QUICK_IDS,
    load_questions,
    quick_subset,
)

GOOD = {
    "id": "ship-01",
    "question": "How much does standard shipping cost?",
    "source": "help/shipping-options.html",
    "answer": "Standard shipping costs $5.99.",
    "facts": ["$5.99"],
    "category": "shipping",
}


def write(tmp_path: Path, lines: list[str]) -> Path:
    path = tmp_path / "questions.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_bad_lines_are_reported_and_skipped(tmp_path: Path) -> None:
    lines = [
        json.dumps(GOOD),
        '{"id": "broken", "question": ',  # invalid JSON
        json.dumps({**GOOD, "id": "q3", "question": None}),  # wrong type
        json.dumps({k: v for k, v in GOOD.items() if k != "question"} | {"id": "q4"}),
        json.dumps({**GOOD, "id": "q5", "facts": "not-a-list"}),
        json.dumps({**GOOD, "id": "q6", "page": "two"}),
        json.dumps([1, 2]),
        "",
        json.dumps({**GOOD, "id": "ship-01"}),  # duplicate id
        json.dumps(
            {**GOOD, "id": "unans-01", "source": None, "facts": [], "category": "unanswerable"}
        ),
    ]
    questions, problems = load_questions(write(tmp_path, lines))
    assert [q.id for q in questions] == ["ship-01", "unans-01"]
    assert not questions[1].answerable and questions[1].unanswerable
    by_line = {p.line: p.reason for p in problems}
    assert sorted(by_line) == [2, 3, 4, 5, 6, 7, 9]
    assert "invalid JSON" in by_line[2]
    assert "'question' must be a non-empty string" in by_line[3]
    assert "missing 'question'" in by_line[4]
    assert "'facts' must be a list" in by_line[5]
    assert "'page'" in by_line[6]
    assert "JSON object" in by_line[7]
    assert "duplicate id" in by_line[9]
    assert str(problems[0]).startswith("line 2: ")


def test_only_question_is_required(tmp_path: Path) -> None:
    lines = [
        json.dumps({"question": "How much is shipping?", "source": "help/shipping-options.html"}),
        "",
        json.dumps({"question": "Who founded the company?"}),
        json.dumps({"question": "CEO?", "category": "unanswerable", "source": "x.md"}),
    ]
    questions, problems = load_questions(write(tmp_path, lines))
    assert [(q.id, q.category) for q in questions] == [
        ("1", "uncategorised"),
        ("3", "uncategorised"),
    ]
    assert questions[0].answerable and questions[0].sources == ["help/shipping-options.html"]
    # Only a question: neither known answerable nor marked unanswerable.
    assert not questions[1].answerable and not questions[1].unanswerable
    assert [p.line for p in problems] == [4] and "unanswerable" in problems[0].reason


def test_variants_sources_and_conversation_are_parsed(tmp_path: Path) -> None:
    data = {
        **GOOD,
        "id": "multi-01",
        "source": ["products/catalogue.csv", "warranty/warranty-handbook.pdf"],
        "page": 2,
        "facts": [["$899", "899.00"], "36 months"],
        "conversation": [{"role": "user", "content": "hi"}, {"role": "assistant", "content": "yo"}],
    }
    (question,), problems = load_questions(write(tmp_path, [json.dumps(data)]))
    assert not problems
    assert question.sources == data["source"]
    assert question.facts == [["$899", "899.00"], ["36 months"]]
    assert question.pdf_source == "warranty/warranty-handbook.pdf"
    assert question.conversation[0]["role"] == "user"


def test_bad_conversation_is_rejected(tmp_path: Path) -> None:
    data = {**GOOD, "conversation": [{"role": "robot", "content": "x"}]}
    questions, problems = load_questions(write(tmp_path, [json.dumps(data)]))
    assert not questions and "conversation" in problems[0].reason


def test_shipped_set_loads_cleanly_and_quick_subset_is_mixed() -> None:
    questions, problems = load_questions(DEFAULT_QUESTIONS)
    assert not problems
    assert len(questions) == 144
    quick = quick_subset(questions)
    assert [q.id for q in quick] == list(QUICK_IDS)
    categories = [q.category for q in quick]
    assert categories.count("unanswerable") == 2
    assert categories.count("follow-up") == 1
    assert len(set(categories)) >= 6


def test_paraphrased_set_is_answered_by_its_sources() -> None:
    """data/eval/paraphrased.jsonl: every fact is in its listed files (on the listed PDF page)
    and in the reference answer, and the question shares little wording with the answer."""
    from evals.metrics import content_words, fact_in
    from ingest.loaders import load_file

    questions, problems = load_questions(PARAPHRASED)
    assert not problems and len(questions) >= 60
    docs = DEFAULT_QUESTIONS.parents[1] / "docs"
    shared = []
    for q in questions:
        texts = [
            d.page_content
            for source in q.sources
            for d in load_file(docs / source)
            if not source.endswith(".pdf") or d.metadata.get("page") == q.page
        ]
        text = "\n".join(texts)
        assert all(fact_in(f, text) and fact_in(f, q.answer) for f in q.facts), q.id
        shared.append(len(set(content_words(q.question)) & set(content_words(text))))
    # Shared words are counted against whole files, not just the answering passage: a handful
    # (product codes, numbers) remain; most questions share none or one.
    assert sum(n <= 1 for n in shared) >= 0.7 * len(shared)
