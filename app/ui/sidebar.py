"""Sidebar settings shared by the pages; values persist across pages for the session.

Streamlit forgets a widget's value when the page that drew it is left, so each value is kept
in st.session_state["options"] and handed back to the widget (key "opt_<name>") on every run.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import streamlit as st

from rag.adapters import configured_adapter, list_adapters
from rag.engine import AnswerOptions
from rag.modes import best_mode, mode_label
from rag.runtime import describe
from rag.settings import PROJECT_ROOT, Settings

NO_ADAPTER_LABEL = "none (base model only)"
SHIPPED_SUMMARY = PROJECT_ROOT / "data" / "eval" / "summary.json"


@dataclass
class Options:
    top_k: int
    min_score: float
    temperature: float
    max_new_tokens: int
    mode: str = "rag"
    adapter: str | None = None  # a loaded adapter's name (the sidebar's choice)
    collections: frozenset[str] | None = None  # app.ui.collections.choose_collection; None: all

    def answer_options(self) -> AnswerOptions:
        """What engine.stream / engine.compare_streams take."""
        return AnswerOptions(
            top_k=self.top_k,
            min_score=self.min_score,
            temperature=self.temperature,
            max_new_tokens=self.max_new_tokens,
            adapter=self.adapter,
            collections=self.collections,
        )


def shipped_summary() -> dict:
    """data/eval/summary.json: the full evaluation of the default model, shipped with the code."""
    try:
        return json.loads(SHIPPED_SUMMARY.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def model_caption(report: dict) -> None:
    """Which model, runtime and quantization answer, under the sidebar's settings."""
    st.sidebar.caption(f":material/memory: {describe(report)}")


def _keep(key: str, name: str) -> None:
    st.session_state["options"][name] = st.session_state[key]


def persistent(widget: Callable[..., Any], label: str, name: str, default: Any, **kwargs) -> Any:
    """`widget(label, key="opt_<name>", ...)` whose value survives page switches."""
    saved = st.session_state.setdefault("options", {})
    saved.setdefault(name, default)
    key = f"opt_{name}"
    st.session_state[key] = saved[name]
    return widget(label, key=key, on_change=_keep, args=(key, name), **kwargs)


def choose_adapter(settings: Settings) -> str:
    """The adapter folder chosen in the sidebar ('' = none)."""
    adapters = {NO_ADAPTER_LABEL: ""} | {n: str(p) for n, p in list_adapters(settings).items()}
    configured = configured_adapter(settings)
    default = next((n for n, p in adapters.items() if configured and p == str(configured)), None)
    saved = st.session_state.setdefault("options", {})
    if saved.get("adapter") not in adapters:
        saved.pop("adapter", None)
    label = persistent(
        st.sidebar.selectbox,
        "LoRA adapter",
        "adapter",
        default or NO_ADAPTER_LABEL,
        options=list(adapters),
        help="Folders with an adapter_config.json under data/adapters (train one with "
        "`ragchat finetune`) that fit the loaded model. The engine loads each one once, "
        "next to the others, and switches between them per answer.",
    )
    return adapters[label]


def generation_options(
    settings: Settings,
    modes: tuple[str, ...] | None = None,
    adapter: str | None = None,
    model: str = "",
) -> Options:
    """Retrieval and generation settings; `modes` adds a mode choice (the chat page), whose
    default is the mode the shipped evaluation measured best."""
    side = st.sidebar
    mode = "rag"
    if modes:
        default = best_mode(shipped_summary(), modes, model)
        saved = st.session_state.setdefault("options", {})
        if saved.get("mode") not in modes:
            saved["mode"] = default
        mode = persistent(
            side.selectbox,
            "Mode",
            "mode",
            default,
            options=modes,
            format_func=mode_label,
            help="context-injected: base model + retrieved passages; fine-tuned: LoRA adapter "
            "without documents; fine-tuned + context: both.",
        )
    top_k = persistent(
        side.slider,
        "Passages (top-k)",
        "top_k",
        settings.retrieval.top_k,
        min_value=1,
        max_value=max(12, settings.retrieval.top_k),
        help="How many retrieved passages go into the prompt.",
    )
    min_score = persistent(
        side.slider,
        "Least passage similarity",
        "min_score",
        float(settings.retrieval.min_score),
        min_value=0.0,
        max_value=1.0,
        step=0.05,
        help="Minimum cosine similarity of a passage; below it the passage is not used. "
        "Whether anything is relevant at all is retrieval.min_relevance's call.",
    )
    temperature = persistent(
        side.slider,
        "Temperature",
        "temperature",
        float(settings.llm.temperature),
        min_value=0.0,
        max_value=max(1.5, settings.llm.temperature),
        step=0.05,
        help="0 = greedy, deterministic answers.",
    )
    max_new_tokens = persistent(
        side.number_input,
        "Max new tokens",
        "max_new_tokens",
        settings.llm.max_new_tokens,
        min_value=1,
        max_value=4096,
        step=16,
        help="Answer length limit.",
    )
    return Options(top_k, min_score, temperature, int(max_new_tokens), mode, adapter)
