"""One real API server per test session: uvicorn on a free loopback port, the real SmolLM2
model through llama.cpp with its LoRA adapter, and a private copy of the docs index (the
document tests add and remove files)."""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn
from support import copy_index, free_port

from app.api.server import create_app, engine_holder
from app.api.state import EngineHolder
from rag.settings import Settings

ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Server:
    url: str  # http://127.0.0.1:PORT
    settings: Settings
    holder: EngineHolder
    root: Path  # the session's folder: index, uploads, keys file

    @property
    def v1(self) -> str:
        return f"{self.url}/v1"

    def client(self, **kwargs) -> httpx.Client:
        return httpx.Client(base_url=self.url, timeout=120, **kwargs)


def api_settings(root: Path, **api) -> Settings:
    return Settings(
        store={"path": root / "index"},
        llm={
            "max_new_tokens": 16,
            "stop_on_repeat": 0,  # the disconnect test needs an answer that runs to its limit
            "device": "cpu",
        },
        embedding={"device": "cpu"},
        retrieval={"top_k": 2},  # a short prompt: a quicker first token
        answerability={"mode": "none"},
        api={"keys_file": root / "api-keys.json", "max_queue": 3, **api},
    )


class Uvicorn:
    """uvicorn.Server in a thread of the test process, stopped at the end."""

    def __init__(self, app, port: int) -> None:
        config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> Uvicorn:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            assert time.monotonic() < deadline, "uvicorn did not start"
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(30)


@pytest.fixture(scope="session")
def server(tmp_path_factory, docs_index) -> Server:
    _, store = docs_index
    root = tmp_path_factory.mktemp("api")
    copy_index(store.path, root / "index")
    settings = api_settings(root)
    holder = engine_holder(settings)
    port = free_port()
    with Uvicorn(create_app(settings, holder), port):
        assert holder.wait(300), holder.reason
        yield Server(f"http://127.0.0.1:{port}", settings, holder, root)


@pytest.fixture
def http(server: Server):
    with server.client() as client:
        yield client
