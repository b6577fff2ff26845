"""Comparison mode: one question, the context-injected and the fine-tuned answer side by side."""

from __future__ import annotations

import streamlit as st

from app.ui.auth import require_sign_in
from app.ui.collections import choose_collection
from app.ui.engine import (
    get_engine,
    load_settings,
    require_documents,
    require_index,
    use_adapter,
)
from app.ui.render import finish_interrupted_answer, render_turn, stream_turn
from app.ui.sidebar import choose_adapter, generation_options, model_caption, persistent
from rag.conversation import engine_history, user_turn
from rag.feedback import feedback_path
from rag.modes import mode_label

CAPTIONS = {
    "rag": "Base model with the retrieved passages injected into the prompt.",
    "finetuned": "Base model with the LoRA adapter, no documents: what the fine-tune knows.",
    "finetuned+rag": "LoRA adapter and the retrieved passages together.",
}

st.set_page_config(page_title="ragchat · compare", page_icon=":material/compare:", layout="wide")
st.title("Compare answers")

settings = load_settings()
user = require_sign_in(settings)
require_index(settings)
engine = get_engine(settings)
adapter = use_adapter(engine, choose_adapter(settings))
require_documents(engine)
options = generation_options(settings, adapter=adapter)
options.collections = choose_collection(settings, engine.retriever.store, user)
model_caption(engine.llm.report)
feedback = feedback_path(settings)

if adapter:
    third = persistent(st.sidebar.toggle, "Add a fine-tuned + context column", "third", False)
    modes = ["rag", "finetuned"] + (["finetuned+rag"] if third else [])
else:
    modes = ["rag"]
    st.info(
        "No LoRA adapter is loaded, so only the context-injected answer is shown. Train one "
        "with `ragchat finetune` (it is saved under `data/adapters/`), then choose it in the "
        "sidebar."
    )

finish_interrupted_answer()
columns_turns = st.session_state.setdefault("compare_turns", {})
st.sidebar.button("New comparison", icon=":material/add_comment:", on_click=columns_turns.clear)
columns = dict(zip(modes, st.columns(len(modes)), strict=True))
for mode, column in columns.items():
    with column:
        st.subheader(mode_label(mode).capitalize())
        st.caption(CAPTIONS[mode])
        for turn in columns_turns.get(mode, []):
            render_turn(turn, feedback)

if question := st.chat_input("Ask one question, get an answer per column"):
    histories = {mode: engine_history(columns_turns.get(mode, [])) for mode in modes}
    try:
        streams = engine.compare_streams(
            question,
            histories["rag"],
            modes,
            histories=histories,
            options=options.answer_options(),
        )
    except Exception as err:  # retrieval failed before any answer started
        st.error(f"Could not search the documents: {type(err).__name__}: {err}")
        st.stop()
    for mode, column in columns.items():
        turns = columns_turns.setdefault(mode, [])
        turns.append(user_turn(question))
        with column:
            render_turn(turns[-1])
            with st.chat_message("assistant"):
                stream_turn(streams[mode], question, mode, turns, key=mode)
    st.rerun()
