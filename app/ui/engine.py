"""The chat engine, built once per process and shared by every browser session."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from app.ui.render import safe_markdown
from rag.components import index_exists, index_path
from rag.engine import ChatEngine, build_engine
from rag.llm import NO_ADAPTER
from rag.settings import Settings

# (settings, adapter) pairs built in this process: only their first load shows a status box.
_built: set[tuple[str, str]] = set()


def load_settings() -> Settings:
    """settings.yaml + RAGCHAT_ environment, read on every run (cheap; tests change the env)."""
    return Settings()


def _settings_key(settings: Settings) -> str:
    return settings.model_dump_json()


@st.cache_resource(show_spinner=False, max_entries=3, hash_funcs={Settings: _settings_key})
def _build(settings: Settings, adapter: str) -> ChatEngine:
    return build_engine(settings, adapter=Path(adapter) if adapter else NO_ADAPTER)


def get_engine(settings: Settings, adapter: str) -> ChatEngine:
    """The shared engine for these settings and adapter ('' = the base model alone).

    The first load shows what is happening; a failure is shown as an error and stops the page.
    """
    key = (_settings_key(settings), adapter)
    if key in _built:
        return _build(settings, adapter)
    with st.status("Loading the chat engine…", expanded=True) as status:
        st.write("Embedding model and document index")
        what = f"Chat model with LoRA adapter `{Path(adapter).name}`" if adapter else "Chat model"
        st.write(what)
        cache = settings.resolve(settings.llm.cache_dir)
        if not settings.llm.model and not (cache.is_dir() and any(cache.iterdir())):
            st.write("First start: converting the packaged model once (about 30 s)")
        started = time.perf_counter()
        try:
            engine = _build(settings, adapter)
        except Exception as err:  # any load failure: a message, never a traceback
            status.update(label="The chat engine could not be loaded", state="error")
            st.error(safe_markdown(f"{type(err).__name__}: {err}"))
            st.stop()
        status.update(
            label=f"Chat engine ready ({time.perf_counter() - started:.0f} s)",
            state="complete",
            expanded=False,
        )
    _built.add(key)
    return engine


def index_changed(settings: Settings, adapter: str) -> None:
    """After an ingest or removal: engines for other adapters hold their own copy of the
    vector index, so drop them (they reload on next use); the current one is up to date."""
    for built_settings, built_adapter in list(_built):
        if built_settings == _settings_key(settings) and built_adapter != adapter:
            _build.clear(settings, built_adapter)
            _built.discard((built_settings, built_adapter))


def require_index(settings: Settings) -> None:
    """Stop the page with instructions when there is no index yet (before loading models)."""
    if index_exists(settings):
        return
    st.info(
        f"There is no document index yet at `{index_path(settings)}`.\n\n"
        "Create one from the sample documents with `make run` (it indexes `data/docs` first) "
        "or `python -m ingest data/docs`, or add your own files on the **Documents** page."
    )
    st.stop()


def require_documents(engine: ChatEngine) -> None:
    if engine.retriever.store.count() == 0:
        st.info(
            "The document index is empty. Add files on the **Documents** page, or run "
            "`python -m ingest data/docs`."
        )
        st.stop()
