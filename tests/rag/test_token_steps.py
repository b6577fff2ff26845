"""How sure the model was of its claim's figures (rag.token_steps): which tokens count, and the
recorder that the runtimes hand each step's scores to (the engine's check: test_support.py)."""

from __future__ import annotations

import numpy as np
import pytest

from rag.token_steps import StepRecorder, TokenStep, figure_confidence


def steps(*pairs: tuple[str, float]) -> list[TokenStep]:
    return [TokenStep(text, p) for text, p in pairs]


def test_the_least_probability_over_the_figures_of_the_first_sentence():
    answer = steps(
        ("It", 0.2),  # not a figure: a hesitant opening word does not count
        (" ships", 0.9),
        (" in", 0.8),
        (" ", 0.6),  # the space Qwen writes before a digit: where a number is chosen
        ("3", 0.7),
        ("6", 0.95),
        (" months", 0.9),
        (" [", 0.9),
        ("2", 0.1),  # a citation marker is not a figure
        ("].", 0.9),
        (" It", 0.9),
        (" costs", 0.9),
        (" $", 0.9),
        ("5", 0.05),  # a figure after the first sentence is not the claim
        (".", 0.9),
    )
    assert figure_confidence(answer) == pytest.approx(0.6)


def test_every_token_of_a_figure_counts():
    answer = steps(("Costs", 0.9), (" $", 0.5), ("1", 0.99), (",", 0.3), ("599", 0.98))
    assert figure_confidence(answer) == pytest.approx(0.3)  # "1,599" is one figure


def test_no_figure_in_the_claim_is_none():
    assert figure_confidence(steps(("Yes", 0.4), (", it", 0.9), (" is.", 0.9))) is None
    assert figure_confidence(steps(("No.", 0.9), (" Call", 0.9), (" 555", 0.1))) is None
    assert figure_confidence([]) is None


def test_the_recorder_settles_each_chosen_token_at_the_next_step():
    recorded: list[TokenStep] = []
    recorder = StepRecorder(recorded, decode=lambda token: f"<{token}>")
    first = np.log(np.array([0.1, 0.6, 0.3]))
    second = np.log(np.array([0.25, 0.25, 0.5]))
    assert recorder([7, 8], first) is first  # the scores pass through unchanged
    recorder([7, 8, 2], second)  # token 2 was chosen from `first` (sampled, not the largest)
    recorder.finish(greedy=True)  # the last choice: the largest of `second`
    assert [step.text for step in recorded] == ["<2>", "<2>"]
    assert [step.p for step in recorded] == pytest.approx([0.3, 0.5])


def test_a_sampled_last_token_is_left_out():
    recorded: list[TokenStep] = []
    recorder = StepRecorder(recorded, decode=str)
    recorder([1], np.zeros(4))
    recorder.finish(greedy=False)
    assert recorded == []
