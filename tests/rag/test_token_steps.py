"""How sure the model was of its claim's figures (rag.token_steps): which tokens count, the
recorder that the runtimes hand each step's scores to, and the engine's check (real SmolLM2)."""

from __future__ import annotations

import numpy as np
import pytest

from rag.engine import ChatEngine, build_engine
from rag.llm import NO_ADAPTER
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


@pytest.fixture(scope="module")
def engine(docs_index) -> ChatEngine:
    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm.max_new_tokens = 24
    settings.answerability.min_probability = 0.0
    return build_engine(settings, adapter=NO_ADAPTER)


QUESTION = "How many days do I have to return an item?"  # SmolLM2: "… within 30 days …"


def test_the_engine_records_the_figures_confidence_and_withdraws_below_the_line(
    engine, monkeypatch
):
    monkeypatch.setattr(engine.settings.answerability, "min_figure_confidence", 1e-9)
    answer = engine.ask(QUESTION)  # SmolLM2's own answer, its tokens' own probabilities
    assert answer.figure_p is not None and 1e-9 <= answer.figure_p < 1.0
    assert not answer.refused
    monkeypatch.setattr(engine.settings.answerability, "min_figure_confidence", 1.0)
    stream = engine.stream(QUESTION)
    shown = "".join(stream)
    assert "[withdrawn: the model guessed a figure]" in shown
    assert stream.answer.refused and stream.answer.text == engine.prompts.render("not_found")


def test_nothing_is_recorded_when_the_check_is_off(engine, monkeypatch):
    monkeypatch.setattr(engine.settings.answerability, "min_figure_confidence", 0.0)
    seen: list = []
    stream = engine.llm.stream

    def spy(*args, **kwargs):
        seen.append(kwargs.get("steps"))
        return stream(*args, **kwargs)

    monkeypatch.setattr(engine.llm, "stream", spy)
    answer = engine.ask(QUESTION)
    assert answer.figure_p is None and not answer.refused and seen == [None]
