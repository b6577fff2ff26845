"""Refusals per question set at one threshold (evals.refusal_table)."""

from __future__ import annotations

from evals.refusal_table import SETS, question_set, refusal_counts


def test_questions_are_counted_in_their_own_set_and_unjudged_ones_as_refused():
    questions = {
        "cal-unans-01": False,
        "unans-01": False,
        "ship-01": True,
        "para-01": True,
        "para-02": True,  # no passage above retrieval.min_score: no judgement
    }
    judged = {"cal-unans-01": 0.30, "unans-01": 0.60, "ship-01": 0.44, "para-01": 0.90}
    assert [question_set(q, a) for q, a in questions.items()] == [*SETS, SETS[3]]
    assert refusal_counts(judged, questions, 0.42) == {
        "calibration unanswerable": (1, 1),
        "eval unanswerable": (0, 1),
        "eval answerable": (0, 1),
        "reworded answerable": (1, 2),
    }
    at_half = refusal_counts(judged, questions, 0.5)
    assert at_half["eval answerable"] == (1, 1) and at_half["eval unanswerable"] == (0, 1)
