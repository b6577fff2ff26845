"""Refusals per question set at one threshold (evals.refusal_table)."""

from __future__ import annotations

import json

from evals.refusal_table import SETS, question_set, refusal_counts


def test_questions_are_counted_in_their_own_set_and_unjudged_ones_as_refused():
    questions = {
        "cal-unans-01": False,
        "unans-01": False,
        "ship-01": True,
        "para-01": True,
        "para-02": True,  # no passage above retrieval.min_score: no judgement
    }
    judged = {
        q: {"judge": p}
        for q, p in {
            "cal-unans-01": 0.30,
            "unans-01": 0.60,
            "ship-01": 0.44,
            "para-01": 0.90,
        }.items()
    }
    assert [question_set(q, a) for q, a in questions.items()] == [*SETS, SETS[3]]
    assert refusal_counts(judged, questions, 0.42) == {
        "calibration unanswerable": (1, 1),
        "eval unanswerable": (0, 1),
        "eval answerable": (0, 1),
        "reworded answerable": (1, 2),
    }
    at_half = refusal_counts(judged, questions, 0.5)
    assert at_half["eval answerable"] == (1, 1) and at_half["eval unanswerable"] == (0, 1)


def test_own_word_refusals_count_and_min_support_refuses_unsupported_answers():
    questions = {"unans-01": False, "unans-02": False, "ship-01": True, "para-01": True}
    judged = {
        "unans-01": {"judge": 0.7, "support": 0.1},  # the judgement is fooled, the check isn't
        "unans-02": {"judge": 0.7, "support": 0.9, "refuses": 1},  # says it found nothing
        "ship-01": {"judge": 0.8, "support": 0.6},
        "para-01": {"judge": 0.8},  # no claim to check: nothing refuses it
    }
    assert refusal_counts(judged, questions, 0.42)["eval unanswerable"] == (1, 2)
    with_check = refusal_counts(judged, questions, 0.42, min_support=0.3)
    assert with_check["eval unanswerable"] == (2, 2)
    assert with_check["eval answerable"] == (0, 1) and with_check["reworded answerable"] == (0, 1)
    assert refusal_counts(judged, questions, 0.42, min_support=0.7)["eval answerable"] == (1, 1)


def test_min_relevance_refuses_answers_that_do_not_answer_the_question():
    questions = {"unans-12": False, "ship-01": True, "para-01": True}
    judged = {
        "unans-12": {"judge": 0.6, "support": 0.9, "relevant": 0.58},
        "ship-01": {"judge": 0.8, "support": 0.9, "relevant": 0.9},
        "para-01": {"judge": 0.8},  # no claim to check: nothing refuses it
    }
    assert refusal_counts(judged, questions, 0.42)["eval unanswerable"] == (0, 1)
    checked = refusal_counts(judged, questions, 0.42, min_relevance=0.6)
    assert checked["eval unanswerable"] == (1, 1)
    assert checked["eval answerable"] == (0, 1) and checked["reworded answerable"] == (0, 1)
    strict = refusal_counts(judged, questions, 0.42, min_relevance=0.95)
    assert strict["eval answerable"] == (1, 1)


def test_an_evaluation_folder_is_read_as_rows_and_min_figure_refuses_guessed_figures(tmp_path):
    from evals.refusal_table import load_rows

    records = [
        {"id": "unans-05", "mode": "rag", "answerable_p": 0.7, "figure_p": 0.21,
         "answer": "It will cost $1,599.00.", "refused": False},
        {"id": "ship-01", "mode": "rag", "answerable_p": 0.8, "figure_p": 0.99,
         "answer": "Standard shipping costs $5.99.", "refused": False},
        {"id": "para-01", "mode": "rag", "answerable_p": 0.9, "figure_p": None,
         "answer": "Yes, you can.", "refused": False},
        {"id": "unans-01", "mode": "rag", "answerable_p": 0.3, "figure_p": None,
         "answer": "I could not find that in the documents.", "refused": True},
        {"id": "unans-02", "mode": "rag", "answerable_p": None, "answer": "…", "refused": True},
        {"id": "ship-01", "mode": "finetuned", "answerable_p": None, "answer": "…"},
    ]  # fmt: skip
    (tmp_path / "results.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    judged = load_rows([tmp_path])
    assert sorted(judged) == ["para-01", "ship-01", "unans-01", "unans-05"]
    assert judged["unans-01"]["refuses"] == 1 and judged["unans-05"]["refuses"] == 0
    questions = {"unans-05": False, "unans-01": False, "unans-02": False, "ship-01": True,
                 "para-01": True}  # fmt: skip
    assert refusal_counts(judged, questions, 0.42)["eval unanswerable"] == (2, 3)
    checked = refusal_counts(judged, questions, 0.42, min_figure=0.3)
    assert checked["eval unanswerable"] == (3, 3)
    assert checked["eval answerable"] == (0, 1) and checked["reworded answerable"] == (0, 1)
    assert refusal_counts(judged, questions, 0.42, min_figure=0.995)["eval answerable"] == (1, 1)
