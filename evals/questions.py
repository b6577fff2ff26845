"""Evaluation questions: load and validate the JSONL set (format in data/eval/README.md).

Only `question` is required: `id` defaults to the line number, `category` to `uncategorised`,
and each metric is computed over the questions that carry what it needs (evals.metrics).
A bad line is reported with its line number and reason and skipped; the rest still runs.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rag.settings import PROJECT_ROOT

DEFAULT_QUESTIONS = PROJECT_ROOT / "data" / "eval" / "questions.jsonl"
PARAPHRASED = PROJECT_ROOT / "data" / "eval" / "paraphrased.jsonl"  # hand-written
# Unanswerable questions kept apart from the eval, for choosing the refusal threshold.
REFUSAL_CALIBRATION = PROJECT_ROOT / "data" / "eval" / "unanswerable_calibration.jsonl"
FRESH_QUESTIONS = PROJECT_ROOT / "data" / "eval" / "fresh_facts.jsonl"
FRESH_CHANGE = PROJECT_ROOT / "data" / "eval" / "fresh_facts.json"
UNCATEGORISED = "uncategorised"
UNANSWERABLE = "unanswerable"  # the category that marks a question the documents don't answer

# --quick: fixed, so CI runs are comparable: six answerable categories (one a PDF page, one
# multi-file, one follow-up) plus two unanswerable questions.
QUICK_IDS = (
    "ship-01",
    "ret-01",
    "war-01",
    "prod-04",
    "multi-03",
    "fu-02",
    "unans-01",
    "unans-04",
)


@dataclass
class Question:
    id: str
    question: str
    category: str
    answer: str = ""
    sources: list[str] = field(default_factory=list)  # empty: unanswerable
    page: int | None = None
    facts: list[list[str]] = field(default_factory=list)  # each item: accepted variants
    conversation: list[dict[str, str]] = field(default_factory=list)

    @property
    def unanswerable(self) -> bool:
        """Marked as not answered by the documents: refusing it is right."""
        return self.category == UNANSWERABLE

    @property
    def answerable(self) -> bool:
        """Known to be answered by the documents: it names a source, facts or an answer.

        A question that is neither answerable nor unanswerable (only `question`) counts for no
        refusal metric: nothing says whether refusing it is right."""
        return not self.unanswerable and bool(self.sources or self.facts or self.answer)

    @property
    def pdf_source(self) -> str | None:
        """The listed PDF whose `page` holds the answer, when there is one."""
        if self.page is None:
            return None
        return next((s for s in self.sources if s.lower().endswith(".pdf")), None)


@dataclass
class Problem:
    line: int
    reason: str

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class QuestionError(ValueError):
    pass


def _strings(value: Any, what: str) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value or not all(isinstance(v, str) for v in value):
        raise QuestionError(f"{what} must be a string or a non-empty list of strings")
    if not all(v.strip() for v in value):
        raise QuestionError(f"{what} has an empty string")
    return value


def parse_question(data: Any, line: int = 1) -> Question:
    """One validated Question from a decoded JSON line (`line` is the default id);
    QuestionError says what is wrong."""
    if not isinstance(data, dict):
        raise QuestionError(f"expected a JSON object, got {type(data).__name__}")
    data = {"id": str(line), "category": UNCATEGORISED, **data}
    if "question" not in data:
        raise QuestionError("missing 'question'")
    for key in ("id", "question", "category"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise QuestionError(f"'{key}' must be a non-empty string")
    sources = _strings(data["source"], "'source'") if data.get("source") is not None else []
    page = data.get("page")
    if page is not None and (isinstance(page, bool) or not isinstance(page, int) or page < 1):
        raise QuestionError("'page' must be a positive integer")
    facts_raw = data.get("facts", [])
    if not isinstance(facts_raw, list):
        raise QuestionError("'facts' must be a list")
    facts = [_strings(item, f"'facts' item {i + 1}") for i, item in enumerate(facts_raw)]
    if data["category"] == UNANSWERABLE and (sources or facts):
        raise QuestionError("an unanswerable question has no 'source' and no 'facts'")
    answer = data.get("answer", "")
    if not isinstance(answer, str):
        raise QuestionError("'answer' must be a string")
    conversation = data.get("conversation") or []
    if not isinstance(conversation, list) or not all(
        isinstance(t, dict)
        and t.get("role") in ("user", "assistant")
        and isinstance(t.get("content"), str)
        for t in conversation
    ):
        raise QuestionError("'conversation' must be a list of {role: user|assistant, content}")
    return Question(
        id=data["id"],
        question=data["question"],
        category=data["category"],
        answer=answer,
        sources=sources,
        page=page,
        facts=facts,
        conversation=[{"role": t["role"], "content": t["content"]} for t in conversation],
    )


def load_questions(path: Path | str) -> tuple[list[Question], list[Problem]]:
    """All valid questions in file order, and a Problem for every line that was skipped."""
    questions: list[Question] = []
    problems: list[Problem] = []
    seen: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for number, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                question = parse_question(json.loads(line), number)
            except json.JSONDecodeError as err:
                problems.append(Problem(number, f"invalid JSON: {err.msg} (column {err.colno})"))
                continue
            except QuestionError as err:
                problems.append(Problem(number, str(err)))
                continue
            if question.id in seen:
                problems.append(Problem(number, f"duplicate id '{question.id}'"))
                continue
            seen.add(question.id)
            questions.append(question)
    return questions, problems


def quick_subset(questions: list[Question]) -> list[Question]:
    """The fixed --quick ids when the set has them; otherwise the first few of each category."""
    chosen = [q for q in questions if q.id in QUICK_IDS]
    if chosen:
        return chosen
    by_category: dict[str, int] = {}
    picked = []
    for q in questions:
        if by_category.get(q.category, 0) < 2 and len(picked) < len(QUICK_IDS):
            by_category[q.category] = by_category.get(q.category, 0) + 1
            picked.append(q)
    return picked
