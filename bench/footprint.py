"""Memory and start-up with the default settings: `ragchat ask` and the page.

    python -m bench.footprint [--question Q] [--no-page]

- `ragchat ask Q` in a child process: wall seconds to the answer and its peak resident memory
  (the child's ru_maxrss).
- The page: `streamlit run app/Home.py` (what `make run` starts) on a free loopback port, opened
  in headless Chromium, Q asked once: seconds from launch until the server answers health
  checks, and until the first answer is on screen (the first page load builds the engine:
  models and index). Then the server's resident memory: peak (VmHWM), now (VmRSS), and now split
  into anonymous memory and file-backed pages (RssAnon / RssFile). The GGUF weights are
  mmap'd: their pages count as resident but are the kernel's page cache, shared and dropped
  under memory pressure, so RssAnon is what the process really holds.
Needs an index (`python -m ingest data/docs`) and, for the page, Debian's Chromium.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
ROOT = Path(__file__).resolve().parent.parent
QUESTION = "How long do I have to return an item?"
GIB = 1024**3


def ask_footprint(question: str) -> dict:
    ragchat = shutil.which("ragchat") or str(Path(sys.executable).with_name("ragchat"))
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    subprocess.run([ragchat, "ask", question], cwd=ROOT, check=True, capture_output=True)
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if peak_kib <= before:  # ru_maxrss is the largest child so far: run this first
        print("warning: an earlier child was larger; the peak below is that one's")
    return {"seconds": round(seconds, 1), "peak_gib": round(peak_kib * 1024 / GIB, 2)}


def memory_of(pid: int) -> dict:
    status = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        if key in ("VmHWM", "VmRSS", "RssAnon", "RssFile"):
            status[key] = round(int(value.split()[0]) * 1024 / GIB, 2)  # kB
    return status


def page_footprint(question: str) -> dict:
    from playwright.sync_api import expect, sync_playwright

    sys.path.insert(0, str(ROOT / "tests"))
    from support import free_port

    port = free_port()
    command = [sys.executable, "-m", "streamlit", "run", "app/Home.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
    command += ["--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    started = time.perf_counter()
    proc = subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                    break
            except OSError:
                if proc.poll() is not None:
                    raise SystemExit(f"streamlit exited ({proc.returncode})") from None
                time.sleep(0.2)
        healthy = time.perf_counter() - started
        with sync_playwright() as p:
            browser = p.chromium.launch(
                executable_path="/usr/bin/chromium", args=["--headless", "--no-sandbox"]
            )
            page = browser.new_page()
            page.goto(url)
            box = page.get_by_test_id("stChatInputTextArea")
            box.wait_for(timeout=600_000)
            box.fill(question)
            box.press("Enter")
            answer = page.get_by_test_id("stChatMessage").filter(has_text="TTFT")
            expect(answer).to_have_count(1, timeout=600_000)
            answered = time.perf_counter() - started
            browser.close()
        return {
            "seconds_to_healthy": round(healthy, 1),
            "seconds_to_first_answer": round(answered, 1),
            **{f"{key}_gib": value for key, value in memory_of(proc.pid).items()},
        }
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--question", default=QUESTION)
    parser.add_argument("--no-page", action="store_true")
    args = parser.parse_args()
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    print("ragchat ask:", ask_footprint(args.question))
    if not args.no_page:
        print("page:", page_footprint(args.question))
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
