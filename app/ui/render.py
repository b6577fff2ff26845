"""Showing turns: answer text, sources as plain text, mode, timings, feedback; streaming.

Nothing from a document or the model is ever rendered as HTML: passages go through st.text /
st.code, and answer text is Markdown with HTML, links, images and LaTeX ($) escaped.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import streamlit as st

from rag.conversation import Turn, assistant_turn, hit_label, timing_text
from rag.engine import AnswerStream
from rag.feedback import FeedbackStore
from rag.modes import MODES, mode_label
from rag.schema import Answer

# HTML tags, links/images ([..](..)), Streamlit colour/LaTeX syntax, and the escape itself.
_MARKDOWN_ACTIVE = re.compile(r"([\\<>\[\]$])")


def safe_markdown(text: str) -> str:
    """Text shown as Markdown without any way to produce HTML, links, images or maths."""
    return _MARKDOWN_ACTIVE.sub(r"\\\1", text)


def safe_pieces(stream: AnswerStream) -> Iterator[str]:
    for piece in stream:
        yield safe_markdown(piece)


def render_turn(turn: Turn, feedback: Path | None = None) -> None:
    with st.chat_message(turn["role"]):
        if turn["role"] == "user":
            st.markdown(safe_markdown(turn["content"]))
            return
        st.markdown(safe_markdown(turn["content"]) if turn["content"] else "_(no answer)_")
        answer_details(turn, feedback)


def answer_details(turn: Turn, feedback: Path | None = None) -> None:
    """Mode, timings, sources (with the passages' text) and the feedback thumbs."""
    parts = [mode_label(turn["mode"]), timing_text(turn["timings"])]
    if turn.get("refused"):
        parts.append("not found in the documents")
    if turn.get("stopped"):
        parts.append("stopped")
    if turn.get("cached"):
        parts.append("from the answer cache")
    st.caption(" · ".join(p for p in parts if p))
    if turn.get("error"):
        st.error(safe_markdown(turn["error"]))
    mode = MODES.get(turn["mode"])
    if (mode is None or mode.uses_context) and turn["hits"]:
        sources(turn)
    if feedback is not None:
        key = f"feedback-{turn['id']}"
        st.feedback("thumbs", key=key, on_change=_save_feedback, args=(turn, feedback, key))


def sources(turn: Turn) -> None:
    """The passages the answer was given, cited ones first, numbered as in the prompt."""
    cited_ids = {hit["id"] for hit in turn["sources"]}
    numbered = list(enumerate(turn["hits"], start=1))
    cited = [(n, h) for n, h in numbered if h["id"] in cited_ids]
    others = [(n, h) for n, h in numbered if h["id"] not in cited_ids]
    title = f"Sources ({len(cited)} cited, {len(turn['hits'])} in the prompt)"
    if turn.get("refused"):
        title = f"Related passages ({len(turn['hits'])}): they did not answer the question"
    with st.expander(title):
        if turn.get("query") and turn["query"] != turn["question"]:
            st.text(f"Searched for: {turn['query']}")
        for n, hit in cited + others:
            line = f"[{n}] {hit_label(hit)} · score {hit['score']:.3f}"
            if hit.get("similarity") is not None:
                line += f" · similarity {hit['similarity']:.2f}"
            st.text(line + (" · cited" if hit["id"] in cited_ids else ""))
            st.code(hit["text"], language=None, wrap_lines=True)


def _save_feedback(turn: Turn, path: Path, key: str) -> None:
    try:
        FeedbackStore(path).record(
            turn["id"],
            st.session_state.get(key),
            turn["question"],
            turn["content"],
            turn["mode"],
            turn["sources"],
            user=st.session_state.get("user"),  # set by the sign-in (ui.auth)
        )
    except Exception as err:  # a vote that can't be saved must not break the page
        st.toast(f"Feedback not saved: {err}")


def finish_interrupted_answer(timeout: float = 60.0) -> None:
    """Streamlit starts the next run (after Stop, or a new question) while the interrupted one
    is still unwinding to its `finally`; wait until it has saved its partial answer. The run is
    interrupted only at its next Streamlit call, i.e. the next token: on a busy 2-core machine
    that took longer than a 10 s wait, and the stopped answer vanished from the page."""
    saved = st.session_state.get("_answer_saved")
    if saved is not None:
        saved.wait(timeout)


def _clearing(status: Any, pieces: Iterator[str]) -> Iterator[str]:
    """The pieces, with the progress line removed as soon as the answer starts."""
    for piece in pieces:
        status.empty()
        yield piece


def stream_turn(
    stream: AnswerStream, question: str, mode: str, turns: list[Turn], key: str
) -> Turn:
    """Stream an answer into the current container with a Stop button beside it.

    Clicking Stop (or sending another message) makes Streamlit interrupt this run; the
    `finally` then stops generation and keeps the partial answer in `turns`.
    """
    saved = threading.Event()
    st.session_state["_answer_saved"] = saved
    finished = False
    try:
        stopper = st.empty()
        stopper.button("Stop", key=f"stop-{key}", icon=":material/stop_circle:")
        status = st.empty()  # "reading 4 passages…" until the first token
        stream.on_progress = lambda text: status.caption(f":material/hourglass_top: {text}")
        st.write_stream(_clearing(status, safe_pieces(stream)))
        finished = True
    finally:
        try:
            stream.stop()
            answer = stream.answer or Answer(text="", mode=mode)
            turn = assistant_turn(question, answer, stopped=not finished)
            turns.append(turn)
        finally:
            saved.set()
    stopper.empty()
    return turn
