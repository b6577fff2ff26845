"""The chat page (app/Home.py) driven by AppTest on the real engine and the docs index."""

from __future__ import annotations

import re

import pytest
from conftest import DOCS

from rag.feedback import FeedbackStore


def ask(at, question: str):
    at.chat_input[0].set_value(question).run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def source_labels(message) -> list[str]:
    lines = [t.value for expander in message.expander for t in expander.text]
    return [m.group(1) for line in lines if (m := re.match(r"\[\d+\] (\S+)", line))]


def test_question_gets_a_streamed_answer_with_sources(page, app_env):
    at = page("Home.py").run()
    assert not at.exception
    ask(at, "How much does standard shipping cost?")
    user, assistant = at.chat_message
    assert (user.name, assistant.name) == ("user", "assistant")
    assert user.markdown[0].value == "How much does standard shipping cost?"
    assert assistant.markdown[0].value.strip()
    caption = assistant.caption[0].value
    assert caption.startswith("context-injected") and "TTFT" in caption and "tokens/s" in caption
    labels = source_labels(assistant)
    assert labels and all((DOCS / label).is_file() for label in labels), labels
    assert assistant.expander[0].label.startswith("Sources (")
    assert {b.label for b in at.sidebar.get("download_button")} == {"Markdown", "JSON"}

    # Thumbs up is stored with the question, answer, mode and sources.
    at.chat_message[1].get("feedback")[0].set_value(1).run()
    [vote] = FeedbackStore(app_env.feedback).all()
    assert (vote.score, vote.question, vote.mode) == (1, user.markdown[0].value, "rag")
    assert vote.answer == at.session_state["turns"][1]["content"]

    next(b for b in at.sidebar.button if b.label == "New conversation").click().run()
    assert not at.chat_message and at.session_state["turns"] == []


def test_sidebar_settings_reach_the_engine(page, engine_calls):
    at = page("Home.py").run()
    modes = ["context-injected", "fine-tuned", "fine-tuned + context"]
    assert at.selectbox(key="opt_mode").options == modes
    at.selectbox(key="opt_mode").set_value("finetuned+rag")
    at.slider(key="opt_top_k").set_value(1)
    at.slider(key="opt_min_score").set_value(0.4)
    at.slider(key="opt_temperature").set_value(0.2)
    at.number_input(key="opt_max_new_tokens").set_value(8)
    ask(at.run(), "How do I reset my password?")
    call = engine_calls[-1]
    assert call["mode"] == "finetuned+rag" and call["history"] == []
    assert (call["top_k"], call["min_score"], call["max_new_tokens"]) == (1, 0.4, 8)
    assert call["temperature"] == pytest.approx(0.2)
    turn = at.session_state["turns"][-1]
    assert turn["mode"] == "finetuned+rag" and len(turn["hits"]) <= 1
    assert turn["timings"]["tokens"] <= 8
    assert at.chat_message[1].caption[0].value.startswith("fine-tuned + context")

    # A follow-up carries the conversation so far; the settings hold for the session.
    ask(at, "And how long is the reset link valid?")
    assert [m["role"] for m in engine_calls[-1]["history"]] == ["user", "assistant"]
    assert len(at.chat_message) == 4
    at.switch_page("pages/1_Compare.py").run()
    assert at.slider(key="opt_top_k").value == 1 and at.slider(key="opt_min_score").value == 0.4
    assert at.number_input(key="opt_max_new_tokens").value == 8


def test_missing_index_explains_how_to_create_one(page, tmp_path, monkeypatch):
    monkeypatch.setenv("RAGCHAT_STORE__PATH", str(tmp_path / "no-index"))
    at = page("Home.py").run()
    assert not at.exception and not at.status  # no model loaded for nothing
    assert "python -m ingest data/docs" in at.info[0].value
    assert not (tmp_path / "no-index").exists()


def test_a_broken_model_setting_is_an_error_message(page, monkeypatch):
    monkeypatch.setenv("RAGCHAT_LLM__MODEL", "/nonexistent/model.gguf")
    at = page("Home.py").run()
    assert not at.exception
    assert "llm.model" in at.error[0].value


def test_a_repeated_question_is_answered_from_the_cache(page, app_env, engine_calls, monkeypatch):
    monkeypatch.setenv("RAGCHAT_CACHE__MODE", "exact")
    at = page("Home.py").run()
    question = "What is the restocking fee for opened items?"
    ask(at, question)
    first = at.session_state["turns"][1]
    next(b for b in at.sidebar.button if b.label == "New conversation").click().run()
    ask(at, question)
    again = at.session_state["turns"][1]
    assert len([c for c in engine_calls if c["question"] == question]) == 1
    assert again["cached"] and not first["cached"]
    assert again["content"] == first["content"] and again["hits"] == first["hits"]
    assert "from the answer cache" in at.chat_message[1].caption[0].value
