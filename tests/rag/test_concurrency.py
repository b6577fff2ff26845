"""Conversations at once share one engine and keep their own histories.

The page builds one engine per process and every browser session calls it from its own thread;
this drives that sharing directly (AppTest's global runtime can't run sessions in parallel).
Four conversations of two turns: enough for every turn to wait on another's, and half of eight's
three minutes on 2 cores (tests/e2e/test_eight_sessions.py has eight browser sessions ask the page).
"""

from __future__ import annotations

import threading

import pytest

from rag.engine import AnswerOptions, build_engine
from rag.llm import NO_ADAPTER

QUESTIONS = [
    "How much does standard shipping cost?",
    "How do I reset my password?",
    "How long is the warranty on TrailView GPS units?",
    "Can I return an opened item?",
]


@pytest.fixture(scope="module")
def engine(docs_index):
    settings, _ = docs_index
    return build_engine(settings, adapter=NO_ADAPTER)


def test_concurrent_conversations_keep_their_own_histories(engine):
    histories: dict[int, list[dict]] = {i: [] for i in range(len(QUESTIONS))}
    errors: list[BaseException] = []
    barrier = threading.Barrier(len(QUESTIONS))

    def conversation(i: int) -> None:
        try:
            barrier.wait()
            for question in (QUESTIONS[i], "And how long does that take?"):
                stream = engine.stream(
                    question, histories[i], "rag", AnswerOptions(max_new_tokens=6)
                )
                text = "".join(stream)
                answer = stream.answer
                assert answer.error is None and text.strip() == answer.text
                histories[i] += [
                    {"role": "user", "content": question},
                    {"role": "assistant", "content": answer.text},
                ]
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=conversation, args=(i,)) for i in range(len(QUESTIONS))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    assert not errors, errors
    for i, question in enumerate(QUESTIONS):
        turns = histories[i]
        assert [t["role"] for t in turns] == ["user", "assistant"] * 2
        assert turns[0]["content"] == question
        assert turns[2]["content"] == "And how long does that take?"
