"""The checks after an answer: against its passages (rag.support: the claim, its evidence, the
prompt), as an answer to the question, and how sure the model was of its figures
(rag.token_steps); the engine withdrawing an answer below each minimum (real SmolLM2)."""

from __future__ import annotations

import pytest

from prompts import load_prompts
from rag.engine import ChatEngine, build_engine
from rag.llm import NO_ADAPTER
from rag.support import (
    EVIDENCE_SENTENCES,
    asked,
    claim_of,
    direct_answer_messages,
    evidence,
    support_messages,
)

SHIPPING = (
    "Standard shipping costs $5.99 and is free on orders of $75 or more.\n"
    "Expedited shipping takes 2 business days and costs $12.99."
)
BATTERY = "The TrailView TV-4 runs for up to 20 hours on one charge. It weighs 180 grams."


def test_the_claim_is_the_first_sentence_without_citation_markers():
    assert claim_of("Standard shipping costs $5.99 [1]. It is free over $75 [2].") == (
        "Standard shipping costs $5.99."
    )
    assert claim_of("Yes [1, 3], it is waterproof") == "Yes, it is waterproof"
    assert claim_of("  ") == ""


def test_evidence_is_the_passage_sentences_closest_to_the_claim(embedder):
    found = evidence(
        "Expedited delivery costs $12.99.", [BATTERY, SHIPPING, SHIPPING], embedder.encode
    )
    assert found[0] == "Expedited shipping takes 2 business days and costs $12.99."
    assert len(found) == EVIDENCE_SENTENCES == len(set(found))  # repeated passages read once
    assert evidence("anything", [], embedder.encode) == []


def test_the_check_is_one_short_user_turn_with_the_evidence_and_the_claim():
    (turn,) = support_messages(load_prompts(), "It costs $5.99.", ["A", "B"])
    assert turn["role"] == "user"
    assert "A\nB" in turn["content"] and "Statement: It costs $5.99." in turn["content"]


@pytest.fixture(scope="module")
def engine(docs_index) -> ChatEngine:
    settings, _ = docs_index
    settings = settings.model_copy(deep=True)
    settings.llm.max_new_tokens = 24
    settings.answerability.min_probability = 0.0
    return build_engine(settings, adapter=NO_ADAPTER)


def fixed_answer(engine, monkeypatch, words: list[str]) -> None:
    """The model's answer is fixed here; the check itself runs on the real model."""
    monkeypatch.setattr(engine.llm, "stream", lambda *a, **k: iter(words))


@pytest.mark.parametrize(
    ("setting", "measured", "seconds", "reason"),
    [
        ("min_support", "supported_p", "support_s", "the passages do not say this"),
        ("min_answer_relevance", "relevant_p", "relevance_s", "this does not answer the question"),
    ],
)
def test_an_answer_below_a_check_s_minimum_is_withdrawn(
    engine, monkeypatch, setting, measured, seconds, reason
):
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    monkeypatch.setattr(engine.settings.answerability, setting, 1.0)
    stream = engine.stream("How much does standard shipping cost?")
    shown = "".join(stream)
    answer = stream.answer
    assert 0.0 < getattr(answer, measured) < 1.0 and getattr(answer.timings, seconds) > 0
    assert answer.refused and answer.text == engine.prompts.render("not_found")
    assert f"[withdrawn: {reason}]" in shown and answer.hits and not answer.sources


def test_an_answer_at_or_above_min_support_stands(engine, monkeypatch):
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    monkeypatch.setattr(engine.settings.answerability, "min_support", 0.001)
    answer = engine.ask("How much does standard shipping cost?")
    assert not answer.refused and answer.supported_p >= 0.001
    assert answer.text == "Standard shipping costs $5.99 [1]." and answer.sources


def test_no_check_when_off_or_when_the_answer_found_nothing(engine, monkeypatch):
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    monkeypatch.setattr(engine.settings.answerability, "min_support", 0.0)
    assert engine.ask("How much does standard shipping cost?").supported_p is None
    fixed_answer(engine, monkeypatch, ["I could not find that", " in the documents."])
    monkeypatch.setattr(engine.settings.answerability, "min_support", 1.0)
    answer = engine.ask("How much does standard shipping cost?")
    assert answer.supported_p is None and not answer.refused


def test_a_claim_without_a_figure_is_not_checked(engine, monkeypatch):
    monkeypatch.setattr(engine.settings.answerability, "min_support", 1.0)
    fixed_answer(
        engine, monkeypatch, ["Yes, standard", " shipping is offered [1]. It costs $5.99."]
    )
    answer = engine.ask("Do you offer standard shipping?")
    assert answer.supported_p is None and not answer.refused  # the figure is not in the claim
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    assert engine.ask("Do you offer standard shipping?").refused


def test_the_relevance_check_reads_a_follow_up_after_the_question_it_follows():
    history = [
        {"role": "user", "content": "What are your phone hours on weekdays?"},
        {"role": "assistant", "content": "8am to 8pm."},
    ]
    assert asked("And on Saturday?", history) == (
        "What are your phone hours on weekdays? And on Saturday?"
    )
    assert asked("And on Saturday?", []) == "And on Saturday?"
    (turn,) = direct_answer_messages(load_prompts(), "Who makes it?", "It uses LiFePO4 cells.")
    assert turn["role"] == "user"
    assert "Question: Who makes it?" in turn["content"]
    assert "Answer: It uses LiFePO4 cells." in turn["content"]


def test_an_answer_at_or_above_min_answer_relevance_stands(engine, monkeypatch):
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    monkeypatch.setattr(engine.settings.answerability, "min_answer_relevance", 0.001)
    answer = engine.ask("How much does standard shipping cost?")
    assert not answer.refused and answer.relevant_p >= 0.001 and answer.sources
    monkeypatch.setattr(engine.settings.answerability, "min_answer_relevance", 0.0)
    assert engine.ask("How much does standard shipping cost?").relevant_p is None


def test_an_answer_withdrawn_by_an_earlier_check_is_not_judged_again(engine, monkeypatch):
    fixed_answer(engine, monkeypatch, ["Standard shipping", " costs $5.99 [1]."])
    monkeypatch.setattr(engine.settings.answerability, "min_support", 1.0)
    monkeypatch.setattr(engine.settings.answerability, "min_answer_relevance", 0.001)
    answer = engine.ask("How much does standard shipping cost?")
    assert answer.refused and answer.supported_p is not None and answer.relevant_p is None


RETURN_QUESTION = "How many days do I have to return an item?"  # SmolLM2: "… within 30 days …"


def test_the_engine_records_the_figures_confidence_and_withdraws_below_the_line(
    engine, monkeypatch
):
    monkeypatch.setattr(engine.settings.answerability, "min_figure_confidence", 1e-9)
    answer = engine.ask(RETURN_QUESTION)  # SmolLM2's own answer, its tokens' own probabilities
    assert answer.figure_p is not None and 1e-9 <= answer.figure_p < 1.0
    assert not answer.refused
    monkeypatch.setattr(engine.settings.answerability, "min_figure_confidence", 1.0)
    stream = engine.stream(RETURN_QUESTION)
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
    answer = engine.ask(RETURN_QUESTION)
    assert answer.figure_p is None and not answer.refused and seen == [None]
