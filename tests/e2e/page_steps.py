"""What a person does on the page, as Playwright steps the browser tests share."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"  # screenshots and figures for a person to look at
CHROMIUM = Path("/usr/bin/chromium")
LOAD_S = 240  # first page load builds the engine (models, index)
ANSWER_S = 180

# Every browser test: the e2e marker, skipped without Debian's Chromium.
BROWSER_MARKS = [
    pytest.mark.e2e,
    pytest.mark.skipif(
        not CHROMIUM.exists(),
        reason="needs Debian's Chromium at /usr/bin/chromium (apt-get install chromium)",
    ),
]


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
