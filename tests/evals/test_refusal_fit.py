"""Choosing refusal thresholds on calibration questions and reporting the held-out ones."""

from __future__ import annotations

import json

from evals.refusal_fit import RULES, auc, fit, load, rates
from evals.threshold import in_calibration_half


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    return path


def test_the_chosen_threshold_keeps_false_refusals_within_the_limit(tmp_path):
    # Unanswerable questions get P(yes) 0.1 … 0.5, answerable 0.45 … 0.95: a threshold of
    # ~0.46 refuses most unanswerable ones and only the lowest answerable one.
    rows = [{"id": f"cal-{i}", "answerable": False, "judge": 0.1 + 0.02 * i} for i in range(20)]
    rows += [{"id": f"a-{i}", "answerable": True, "judge": 0.45 + 0.01 * i} for i in range(50)]
    rows.append({"id": "nothing-retrieved", "answerable": True})  # refused before any check
    loaded = load(write(tmp_path / "signals.jsonl", rows))
    assert len(loaded) == 70
    rule, arity, _ = RULES["judge"]
    (threshold,) = fit(rule, arity, loaded, limit=0.05)
    recall, false = rates(rule, (threshold,), loaded)
    assert false <= 0.05 and recall >= 0.8
    assert rates(rule, (threshold + 0.1,), loaded)[1] > 0.05  # a higher one would break it
    assert auc(loaded, "judge") > 0.9


def test_calibration_is_the_extra_questions_and_half_the_answerable_ones(tmp_path):
    rows = [
        {"id": "cal-unans-01", "answerable": False, "judge": 0.3},
        {"id": "unans-01", "answerable": False, "judge": 0.3},
        *({"id": f"q-{i}", "answerable": True, "judge": 0.8} for i in range(40)),
    ]
    loaded = {r.id: r for r in load(write(tmp_path / "s.jsonl", rows))}
    assert loaded["cal-unans-01"].calibration and not loaded["unans-01"].calibration
    halves = {loaded[f"q-{i}"].calibration for i in range(40)}
    assert halves == {True, False}
    assert all(loaded[f"q-{i}"].calibration == in_calibration_half(f"q-{i}") for i in range(40))


def test_an_answer_that_refuses_in_its_own_words_counts_as_refused(tmp_path):
    rows = [
        {"id": "u", "answerable": False, "judge": 0.9, "refuses": True},
        {"id": "a", "answerable": True, "judge": 0.9, "refuses": False},
    ]
    loaded = load(write(tmp_path / "s.jsonl", rows))
    rule, _, _ = RULES["judge"]
    assert rates(rule, (0.5,), loaded) == (1.0, 0.0)


def test_per_passage_judgements_give_the_best_passage_signal(tmp_path):
    rows = [
        {"id": "u", "answerable": False, "judge": 0.6, "passages": [0.2, 0.3, 0.25]},
        {"id": "a", "answerable": True, "judge": 0.4, "passages": [0.1, 0.8]},
    ]
    loaded = {r.id: r for r in load(write(tmp_path / "s.jsonl", rows))}
    assert loaded["u"].passage_max == 0.3 and loaded["a"].passage_max == 0.8
    assert abs(loaded["a"].passage_mean - 0.45) < 1e-9
    rule, _, _ = RULES["best passage"]
    # The whole-prompt judgement ranks these two the wrong way round; the best passage doesn't.
    assert rates(rule, (0.5,), list(loaded.values())) == (1.0, 0.0)
    assert auc(list(loaded.values()), "judge") == 0.0


def test_the_answer_check_catches_what_the_judgement_misses(tmp_path):
    # Half the unanswerable questions fool the judgement (0.7, like answerable ones) but not
    # the answer check; both signals together refuse them all, each alone only half.
    rows = [
        {"id": f"cal-{i}", "answerable": False, "judge": 0.7 if i % 2 else 0.2, "support": 0.1}
        for i in range(20)
    ]
    rows += [
        {"id": f"cal-s{i}", "answerable": False, "judge": 0.2, "support": 0.9} for i in range(10)
    ]
    rows += [
        {"id": f"a-{i}", "answerable": True, "judge": 0.6 + 0.005 * i, "support": 0.5 + 0.01 * i}
        for i in range(40)
    ]
    loaded = load(write(tmp_path / "signals.jsonl", rows))
    rule, arity, needs = RULES["judge and support"]
    assert arity == 2 and needs == ("judge", "support")
    thresholds = fit(rule, arity, loaded, limit=0.05)
    assert rates(rule, thresholds, loaded) == (1.0, 0.0)
    for alone_ in ("judge", "support"):
        single, _, _ = RULES[alone_]
        (t,) = fit(single, 1, loaded, limit=0.05)
        assert rates(single, (t,), loaded)[0] < 1.0
    # The lowest thresholds that do it: just above the refused scores.
    assert thresholds == (0.21, 0.11)


def test_evaluation_folders_give_the_figure_confidence_signal(tmp_path):
    records = [
        {"id": "cal-unans-01", "category": "unanswerable", "mode": "rag", "answerable_p": 0.8,
         "figure_p": 0.3, "answer": "It costs $5.", "refused": False},
        {"id": "ship-01", "category": "shipping", "mode": "rag", "answerable_p": 0.9,
         "figure_p": None, "answer": "Yes, it ships.", "refused": False},
    ]  # fmt: skip
    (tmp_path / "results.jsonl").write_text("".join(json.dumps(r) + "\n" for r in records))
    loaded = {r.id: r for r in load([tmp_path])}
    assert not loaded["cal-unans-01"].answerable and loaded["ship-01"].answerable
    assert loaded["cal-unans-01"].figure == 0.3 and loaded["ship-01"].figure == 1.0
    rule, _, _ = RULES["figure"]
    assert rates(rule, (0.5,), list(loaded.values())) == (1.0, 0.0)
