"""Fixtures for the page tests: a private copy of the docs index, a tiny LoRA adapter, and the
environment that points the pages at them (short answers keep the real model fast)."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from pathlib import Path

import pytest
from support import copy_index

from rag.engine import ChatEngine
from rag.settings import LLMSettings, Settings

# Defined here, not imported: test modules doing `from conftest import ROOT` may get this file.
ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "data" / "docs"
PAGES = ROOT / "app"
TIMEOUT = 180  # seconds per AppTest run: the first one loads the models


@dataclass
class AppFiles:
    root: Path
    index: Path
    adapter: Path

    @property
    def uploads(self) -> Path:
        return self.root / "uploads"

    @property
    def feedback(self) -> Path:
        return self.root / "feedback.sqlite"


def make_tiny_adapter(target: Path) -> Path:
    """An untrained LoRA adapter (r=4 on q/v projections) for the packaged chat model."""
    from peft import LoraConfig, get_peft_model

    from rag.llm import load_base

    settings = Settings()
    llm = LLMSettings(model="smollm2", device="cpu", adapter=None)
    model, _, _ = load_base(llm, settings.resolve(settings.llm.cache_dir))
    get_peft_model(model, LoraConfig(r=4, target_modules=["q_proj", "v_proj"])).save_pretrained(
        target
    )
    return target


@pytest.fixture(scope="session")
def app_files(tmp_path_factory, docs_index) -> AppFiles:
    """The pages add and remove files: they get their own copy of the shared docs index."""
    _, store = docs_index
    root = tmp_path_factory.mktemp("app")
    copy_index(store.path, root / "index")
    return AppFiles(root, root / "index", make_tiny_adapter(root / "adapter"))


@pytest.fixture
def app_env(app_files: AppFiles, monkeypatch: pytest.MonkeyPatch) -> AppFiles:
    """Every page test uses the same settings, so they all share one cached engine."""
    env = {
        "RAGCHAT_STORE__PATH": str(app_files.index),
        "RAGCHAT_LLM__ADAPTER": str(app_files.adapter),
        "RAGCHAT_LLM__MAX_NEW_TOKENS": "16",
        "RAGCHAT_LLM__DEVICE": "cpu",
        "RAGCHAT_EMBEDDING__DEVICE": "cpu",
        "RAGCHAT_RETRIEVAL__TOP_K": "2",  # a short prompt: a quicker first token
        # Tests ask the same questions: each generates, except where a test turns the cache on.
        "RAGCHAT_CACHE__MODE": "none",
        # AppTest sets no server address (every interface), so auto would ask for sign-in;
        # tests/app/test_sign_in.py turns it on.
        "RAGCHAT_UI__AUTH": "off",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return app_files


@pytest.fixture
def page(app_env: AppFiles):
    """page('Home.py') or page('pages/1_Compare.py'): an AppTest of that page, not yet run."""
    from streamlit.testing.v1 import AppTest

    def make(name: str) -> AppTest:
        return AppTest.from_file(str(PAGES / name), default_timeout=TIMEOUT)

    return make


@pytest.fixture
def engine_calls(monkeypatch: pytest.MonkeyPatch) -> list[dict]:
    """Every ChatEngine.stream call the page makes, with its arguments."""
    calls: list[dict] = []
    original = ChatEngine.stream

    def spy(self, question, history=None, mode="rag", options=None, retrieved=None):
        chosen = asdict(options) if options is not None else {}
        calls.append({"question": question, "history": history, "mode": mode, **chosen})
        return original(self, question, history, mode, options, retrieved)

    monkeypatch.setattr(ChatEngine, "stream", spy)
    return calls
