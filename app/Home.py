"""Chat with your documents: `streamlit run app/Home.py`."""

from __future__ import annotations

import streamlit as st

from app.ui.auth import require_sign_in
from app.ui.collections import choose_collection
from app.ui.engine import (
    get_answer_cache,
    get_engine,
    load_settings,
    require_documents,
    require_index,
    use_adapter,
)
from app.ui.render import finish_interrupted_answer, render_turn, stream_turn
from app.ui.sidebar import choose_adapter, generation_options, model_caption
from rag.conversation import assistant_turn, engine_history, to_json, to_markdown, user_turn
from rag.feedback import feedback_path

st.set_page_config(page_title="ragchat", page_icon=":material/forum:")
st.title("Ask your documents")
st.caption(
    "Answers come from your indexed documents, with their sources. Nothing leaves this machine."
)

settings = load_settings()
user = require_sign_in(settings)
require_index(settings)
engine = get_engine(settings)
adapter = use_adapter(engine, choose_adapter(settings))
require_documents(engine)
modes = engine.available_modes() if adapter else ("rag",)
options = generation_options(settings, modes, adapter, engine.llm.report["model"])
options.collections = choose_collection(settings, engine.retriever.store, user)
model_caption(engine.llm.report)
finish_interrupted_answer()
turns = st.session_state.setdefault("turns", [])
feedback = feedback_path(settings)

with st.sidebar:
    st.divider()
    st.button("New conversation", icon=":material/add_comment:", on_click=turns.clear)
    left, right = st.columns(2)
    left.download_button(
        "Markdown",
        to_markdown(turns),
        "conversation.md",
        "text/markdown",
        on_click="ignore",
        disabled=not turns,
        icon=":material/download:",
    )
    right.download_button(
        "JSON",
        to_json(turns),
        "conversation.json",
        "application/json",
        on_click="ignore",
        disabled=not turns,
        icon=":material/download:",
    )

for turn in turns:
    render_turn(turn, feedback)

if question := st.chat_input("Ask a question about your documents"):
    history = engine_history(turns)
    turns.append(user_turn(question))
    render_turn(turns[-1])
    cache = get_answer_cache(settings)
    found = cache.lookup(question, history, options.mode, options.answer_options())
    if found.answer is not None:  # asked before, on this index: no generation
        turns.append(assistant_turn(question, found.answer))
    else:
        with st.chat_message("assistant"):
            stream = engine.stream(question, history, options.mode, options.answer_options())
            turn = stream_turn(stream, question, options.mode, turns, key="chat")
        cache.store(found, stream.answer, turn["content"], turn["stopped"])
    st.rerun()  # show the answer with its sources and feedback, like the rest of the history
