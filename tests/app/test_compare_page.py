"""Comparison mode: the context-injected and the fine-tuned answer side by side."""

from __future__ import annotations

from app.ui.sidebar import NO_ADAPTER_LABEL

PAGE = "pages/1_Compare.py"


def columns_of(at) -> list:
    """The top-level answer columns (the sidebar has its own)."""
    return [c for c in at.main.columns if c.get("subheader")]


def test_two_columns_answer_and_keep_their_own_histories(page, engine_calls):
    at = page(PAGE).run()
    assert not at.exception
    columns = columns_of(at)
    assert [c.subheader[0].value for c in columns] == ["Context-injected", "Fine-tuned"]
    assert "retrieved passages" in columns[0].caption[0].value
    assert "no documents" in columns[1].caption[0].value

    at.chat_input[0].set_value("How much does standard shipping cost?").run()
    assert not at.exception, [e.value for e in at.exception]
    turns = at.session_state["compare_turns"]
    assert set(turns) == {"rag", "finetuned"}
    for mode, column in zip(["rag", "finetuned"], columns_of(at), strict=True):
        user, answer = turns[mode]
        assert user["content"] == "How much does standard shipping cost?"
        assert answer["mode"] == mode and answer["content"] and not answer["error"]
        [message] = [m for m in column.chat_message if m.name == "assistant"]
        assert "TTFT" in message.caption[0].value and "tokens/s" in message.caption[0].value
        # Sources only where the answer used the documents.
        assert bool(message.expander) == (mode == "rag")
    assert turns["rag"][1]["hits"] and turns["rag"][1]["timings"]["ttft_s"] is not None

    # A follow-up: each column's model sees its own earlier answer.
    at.number_input(key="opt_max_new_tokens").set_value(8)
    at.chat_input[0].set_value("Is it free on bigger orders?").run()
    assert not at.exception, [e.value for e in at.exception]
    calls = {call["mode"]: call for call in engine_calls[-2:]}
    for mode in ["rag", "finetuned"]:
        assert len(turns[mode]) == 4
        assert calls[mode]["history"][1]["content"] == turns[mode][1]["content"]
        assert calls[mode]["max_new_tokens"] == 8

    # The third column joins with its own (empty) history.
    at.toggle(key="opt_third").set_value(True).run()
    assert len(columns_of(at)) == 3
    assert columns_of(at)[2].subheader[0].value == "Fine-tuned + context"


def test_without_an_adapter_only_the_context_column_is_shown(page):
    at = page(PAGE).run()
    at.selectbox(key="opt_adapter").set_value(NO_ADAPTER_LABEL).run()
    assert not at.exception, [e.value for e in at.exception]
    assert "ragchat finetune" in at.info[0].value
    assert [c.subheader[0].value for c in columns_of(at)] == ["Context-injected"]
