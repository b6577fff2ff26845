"""The real page in a real headless Chromium: ask, see the streamed answer and its sources, then
compare two columns. Screenshots go to artifacts/ for a person to look at."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from support import free_port

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
LOAD_S = 240  # first page load builds the engine (models, index)
ANSWER_S = 180

pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
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


@pytest.fixture(scope="module")
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


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def ask(page, question: str) -> None:
    box = page.get_by_test_id("stChatInputTextArea")
    box.wait_for(timeout=LOAD_S * 1000)
    box.fill(question)
    box.press("Enter")


def wait_idle(page) -> None:
    """Until the run in progress (if any) has finished: the 'Running' indicator is gone."""
    page.wait_for_timeout(300)
    page.get_by_test_id("stStatusWidget").wait_for(state="detached", timeout=ANSWER_S * 1000)


def set_max_new_tokens(page, value: int) -> None:
    field = page.get_by_test_id("stSidebar").get_by_test_id("stNumberInputField")
    field.fill(str(value))
    field.press("Enter")
    wait_idle(page)


def open_page(page, name: str) -> None:
    """Follow the sidebar link to another page of the app."""
    wait_idle(page)
    page.get_by_test_id("stSidebarNav").get_by_text(name).click()
    page.wait_for_url(re.compile(f"/{name}$"), timeout=30_000)
    wait_idle(page)


def test_chat_then_compare_in_a_real_browser(server, browser):
    ARTIFACTS.mkdir(exist_ok=True)
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    try:
        chat_then_compare(page, server)
    except BaseException:
        page.screenshot(path=str(ARTIFACTS / "e2e-failure.png"))
        raise
    finally:
        page.close()


def chat_then_compare(page, server: str) -> None:
    from playwright.sync_api import expect

    page.goto(server)
    ask(page, "How much does standard shipping cost?")
    messages = page.get_by_test_id("stChatMessage")
    answer = messages.filter(has_text="TTFT")
    expect(answer).to_have_count(1, timeout=ANSWER_S * 1000)
    expect(messages).to_have_count(2)
    expect(answer).to_contain_text("context-injected")
    sources = answer.get_by_test_id("stExpander")
    sources.get_by_text(re.compile(r"^Sources \(")).click()
    expect(sources).to_contain_text(re.compile(r"\[\d\] \S+\.(md|html|pdf|docx|txt|csv)"))
    expect(sources.get_by_test_id("stCode").first).to_be_visible()
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.wait_for_timeout(500)  # let the expander finish opening
    page.screenshot(path=str(ARTIFACTS / "e2e-chat.png"))

    # A long answer stopped midway keeps its partial text, marked as stopped.
    set_max_new_tokens(page, 400)
    ask(page, "Explain the return policy in detail.")
    streaming = messages.nth(3)
    expect(streaming).to_contain_text(re.compile(r"\w+ \w+ \w+ \w+"), timeout=ANSWER_S * 1000)
    page.get_by_test_id("stMainBlockContainer").get_by_role("button", name="Stop").click()
    stopped = messages.filter(has_text="stopped")
    expect(stopped).to_have_count(1, timeout=60_000)
    expect(stopped).to_contain_text(re.compile(r"\w+ \w+ \w+ \w+"))
    set_max_new_tokens(page, 16)

    open_page(page, "Compare")
    ask(page, "How do I reset my password?")
    columns = page.get_by_test_id("stMainBlockContainer").get_by_test_id("stColumn")
    expect(columns).to_have_count(2, timeout=ANSWER_S * 1000)
    for name, column in zip(["Context-injected", "Fine-tuned"], columns.all(), strict=True):
        expect(column).to_contain_text(name)
        done = column.get_by_test_id("stChatMessage").filter(has_text="TTFT")
        expect(done).to_have_count(1, timeout=ANSWER_S * 1000)
    expect(page.get_by_test_id("stException")).to_have_count(0)
    page.screenshot(path=str(ARTIFACTS / "e2e-compare.png"))
