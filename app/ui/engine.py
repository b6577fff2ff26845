"""The chat engine, built once per process and shared by every browser session."""

from __future__ import annotations

import time
from pathlib import Path

import streamlit as st

from app.ui.render import safe_markdown
from rag.answer_cache import AnswerCache
from rag.components import index_exists, index_path
from rag.engine import ChatEngine, build_engine
from rag.models import preset_for
from rag.settings import Settings

# Settings built in this process: only their first load shows a status box.
_built: set[str] = set()


def load_settings() -> Settings:
    """settings.yaml + RAGCHAT_ environment, read on every run (cheap; tests change the env)."""
    return Settings()


def _settings_key(settings: Settings) -> str:
    # Sign-in and the answer cache don't change what the engine loads.
    return settings.model_dump_json(exclude={"ui", "cache"})


def _full_key(settings: Settings) -> str:
    return settings.model_dump_json()


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs={Settings: _settings_key})
def _build(settings: Settings) -> ChatEngine:
    return build_engine(settings)


def get_engine(settings: Settings) -> ChatEngine:
    """The one engine of this process for these settings: one model, one in-memory index, every
    adapter loaded onto that model by name. The first load shows what is happening; a failure
    is shown as an error and stops the page."""
    key = _settings_key(settings)
    if key in _built:
        return _build(settings)
    with st.status("Loading the chat engine…", expanded=True) as status:
        st.write("Embedding model and document index")
        st.write("Chat model")
        cache = settings.resolve(settings.llm.cache_dir)
        preset = preset_for(settings.llm.model)
        if preset and len(preset.packages) > 1 and not (cache / preset.filename).exists():
            st.write("First start: assembling the packaged model from its parts (about 10 s)")
        started = time.perf_counter()
        try:
            engine = _build(settings)
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


@st.cache_resource(show_spinner=False, max_entries=2, hash_funcs={Settings: _full_key})
def get_answer_cache(settings: Settings) -> AnswerCache:
    """The answer cache beside the index, shared with the HTTP API (cache.mode)."""
    return AnswerCache(get_engine(settings), settings.cache)


def use_adapter(engine: ChatEngine, folder: str) -> str | None:
    """Load the adapter chosen in the sidebar onto the engine's model (once); its name, or
    None for the base model alone."""
    if not folder:
        return None
    try:
        return engine.llm.load_adapter(Path(folder))
    except Exception as err:  # a bad adapter folder: say why, keep the page
        st.error(safe_markdown(f"LoRA adapter {Path(folder).name}: {err}"))
        st.stop()


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
