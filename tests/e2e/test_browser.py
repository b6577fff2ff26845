"""The real page in a real headless Chromium: ask, see the streamed answer and its sources, then
compare two columns. Screenshots go to artifacts/ for a person to look at."""

from __future__ import annotations

import re

from page_steps import (
    ANSWER_S,
    ARTIFACTS,
    BROWSER_MARKS,
    ask,
    open_page,
    set_max_new_tokens,
)

pytestmark = BROWSER_MARKS


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
