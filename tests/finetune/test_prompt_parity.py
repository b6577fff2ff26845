"""Training dialogues carry the live prompt: the generator's grounded user turn is the engine's.

No model: only the prompt templates, the generated documents and the stored dialogues.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from prompts import Prompts, load_prompts
from rag.prompting import question_of, user_turn
from rag.schema import Hit

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
QUESTION = "How long is the warranty on the BC-1000?"


@pytest.fixture(scope="module")
def prompts() -> Prompts:
    return load_prompts()


@pytest.fixture(scope="module")
def context() -> Iterator[ModuleType]:
    """data/dialoguegen/context.py, imported as make_dialogues.py does it."""
    with pytest.MonkeyPatch.context() as mp:
        mp.syspath_prepend(str(DATA))
        mp.setattr(sys, "dont_write_bytecode", True)  # keep data/ free of __pycache__
        from dialoguegen import context

        yield context


@pytest.fixture(scope="module")
def passages(context) -> list[tuple[str, int | None, str]]:
    """Two real generated passages, one from a paged document (its label gets '(page n)')."""
    corpus = context.Corpus().passages
    paged = next(p for p in corpus if p[1])
    unpaged = next(p for p in corpus if not p[1])
    return [unpaged, paged]


def test_generator_user_turn_is_the_live_user_turn(prompts, context, passages) -> None:
    generated = context.block(passages, QUESTION)

    # What the engine sends for the same chunks retrieved (ids and scores are not rendered).
    hits = [
        Hit(id=100 + i, text=text, source=source, page=page, score=1.0 / (i + 1))
        for i, (source, page, text) in enumerate(passages)
    ]
    assert generated == user_turn(prompts, QUESTION, hits)

    # Composed here from the templates, so a renderer that drifts on both sides still fails.
    (src1, _, text1), (src2, page2, text2) = passages
    expected_context = "\n\n".join(
        [
            prompts.render("passage", n=1, label=src1, text=text1),
            prompts.render("passage", n=2, label=f"{src2} (page {page2})", text=text2),
        ]
    )
    expected = prompts.render("context_question", context=expected_context, question=QUESTION)
    assert generated == expected


def test_measure_strips_the_context_back_to_the_question(prompts, context, passages) -> None:
    from finetune.measure import strip_context  # imports torch, but loads no model

    # A passage that quotes an FAQ's own "Question:" line must not be taken for the question.
    faq = ("help/faq.html", None, "FAQ\nQuestion: Can I return it?\nAnswer: Within 30 days.")
    user = context.block([*passages, faq], QUESTION)
    messages = [
        {"role": "system", "content": prompts.render("system_rag")},
        {"role": "user", "content": "Hi!"},
        {"role": "assistant", "content": "Hello, how can I help?"},
        {"role": "user", "content": user},
    ]
    assert strip_context(messages) == [
        {"role": "system", "content": prompts.render("system_plain")},
        {"role": "user", "content": "Hi!"},
        {"role": "assistant", "content": "Hello, how can I help?"},
        {"role": "user", "content": QUESTION},
    ]
    assert question_of(prompts, QUESTION) is None  # a plain turn is not a context turn


def test_stored_grounded_dialogues_are_in_the_live_format(prompts) -> None:
    """data/dialogues was generated with today's templates (else: rerun make_dialogues.py)."""
    rows = [json.loads(line) for line in (DATA / "dialogues" / "test.jsonl").open()]
    grounded = [r["messages"] for r in rows if r["style"] == "grounded"]
    assert grounded
    for messages in grounded:
        assert messages[0]["content"] == prompts.render("system_rag")
        question = question_of(prompts, messages[-2]["content"])
        assert question and "\n" not in question
