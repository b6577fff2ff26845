"""Eight browser sessions asking at once share one engine and keep their own histories."""

from __future__ import annotations

import threading

import pytest
from streamlit.runtime import Runtime

QUESTIONS = [
    "How much does standard shipping cost?",
    "How do I reset my password?",
    "How long is the warranty on TrailView GPS units?",
    "Can I return an opened item?",
    "How do I earn loyalty points?",
    "How do I contact customer support?",
    "What should I do if my device does not turn on?",
    "Which payment methods do you accept?",
]


@pytest.fixture
def parallel_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    """AppTest installs a mock Runtime as a global for each run and removes it when the run
    ends, so with runs in parallel threads the first to finish would pull it from under the
    others. Keep the last one installed for the whole test instead."""
    last: list[Runtime] = []

    def instance(cls) -> Runtime:
        if cls._instance is not None:
            last[:] = [cls._instance]
        if last:
            return last[0]
        raise RuntimeError("Runtime hasn't been created!")

    monkeypatch.setattr(Runtime, "instance", classmethod(instance))
    monkeypatch.setattr(
        Runtime, "exists", classmethod(lambda cls: bool(last) or cls._instance is not None)
    )


def test_concurrent_sessions_get_their_own_answers(page, parallel_runs):
    apps = [page("Home.py") for _ in QUESTIONS]
    for at in apps:
        at.session_state["options"] = {
            "max_new_tokens": 8
        }  # short answers: the model answers in turn
        at.run()
        assert not at.exception
    barrier = threading.Barrier(len(apps))
    errors: list[BaseException] = []

    def session(at, question: str) -> None:
        try:
            barrier.wait()
            at.chat_input[0].set_value(question).run(timeout=300)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [
        threading.Thread(target=session, args=(at, q))
        for at, q in zip(apps, QUESTIONS, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    assert not errors, errors
    for at, question in zip(apps, QUESTIONS, strict=True):
        assert not at.exception, [e.value for e in at.exception]
        user, answer = at.session_state["turns"]
        assert user["content"] == question and answer["question"] == question
        assert answer["content"] and not answer["error"] and not answer["stopped"]
        assert [m.name for m in at.chat_message] == ["user", "assistant"]
        assert at.chat_message[0].markdown[0].value == question
        assert answer["timings"]["tokens"] <= 8
