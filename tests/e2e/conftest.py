"""The page served by a real Streamlit process on a loopback port, and a real headless Chromium
(Debian's, driven by Playwright), shared by the browser tests of this folder."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from page_steps import CHROMIUM
from support import free_port

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 90) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited ({proc.returncode}):\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"streamlit not healthy after {timeout} s:\n{log.read_text()[-3000:]}")


def tiny_adapter(target: Path) -> Path:
    from peft import LoraConfig, get_peft_model

    from rag.llm import load_base
    from rag.settings import LLMSettings, Settings

    settings = Settings()
    model, _, _ = load_base(
        LLMSettings(model="smollm2", device="cpu", adapter=None),
        settings.resolve(settings.llm.cache_dir),
    )
    get_peft_model(model, LoraConfig(r=4, target_modules=["q_proj", "v_proj"])).save_pretrained(
        target
    )
    return target


@pytest.fixture(scope="session")
def server(tmp_path_factory, docs_index):
    settings, _ = docs_index
    folder = tmp_path_factory.mktemp("e2e")
    port = free_port()
    env = dict(
        os.environ,
        HF_HUB_OFFLINE="1",
        RAGCHAT_STORE__PATH=str(settings.store.path),
        RAGCHAT_LLM__ADAPTER=str(tiny_adapter(folder / "adapter")),
        RAGCHAT_LLM__MAX_NEW_TOKENS="16",
        RAGCHAT_LLM__DEVICE="cpu",
        RAGCHAT_RETRIEVAL__TOP_K="2",
    )
    command = [sys.executable, "-m", "streamlit", "run", "app/Home.py"]
    command += ["--server.port", str(port), "--server.headless", "true"]
    command += ["--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"]
    command += ["--server.fileWatcherType", "none"]
    log = folder / "streamlit.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen(
            command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, log)
        yield url
    finally:
        os.killpg(proc.pid, signal.SIGTERM)  # its own process group: the server and children
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(5)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        pytest.skip("needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()
