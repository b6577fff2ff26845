"""Eight people ask the page at the same moment, each in a browser session of their own: each
gets the answer to their own question, from its own sources, in their own history, with no
error. The time from the last question sent to the last answer shown is written to
artifacts/e2e-eight-sessions.json (answers queue on the one model; the figure says how long the
eighth person waits)."""

from __future__ import annotations

import json
import time

from page_steps import ANSWER_S, ARTIFACTS, BROWSER_MARKS, LOAD_S

pytestmark = BROWSER_MARKS

# Eight questions of data/eval, each answered by another file, found first by the test index.
QUESTIONS = {
    "How fast is expedited shipping and what does it cost?": "help/shipping-options.html",
    "When do I get my tracking number?": "help/order-tracking.html",
    "How long do I have to return an item?": "returns/return-policy.md",
    "How long are accessories like cables covered?": "warranty/warranty-handbook.pdf",
    "How much does the SolarFold SF-120 cost?": "products/product-lines.md",
    "Can I pay with PayPal?": "accounts/billing-and-payments.docx",
    "How long do you keep my chat transcripts?": "policies/privacy-policy.txt",
    "How do I pair my RidgeSound speaker with my phone?": "troubleshooting/ridgesound-speakers.md",
}


def test_eight_sessions_asking_at_once_each_get_their_own_answer(server, browser):
    from playwright.sync_api import expect

    contexts = [browser.new_context(viewport={"width": 1200, "height": 900}) for _ in QUESTIONS]
    pages = [context.new_page() for context in contexts]
    try:
        for page in pages:
            page.goto(server)
        boxes = [page.get_by_test_id("stChatInputTextArea") for page in pages]
        for box, question in zip(boxes, QUESTIONS, strict=True):
            box.wait_for(timeout=LOAD_S * 1000)
            box.fill(question)
        for box in boxes:  # all typed first, then sent back to back: the same moment
            box.press("Enter")
        sent = time.monotonic()
        waits = []
        for page, (question, source) in zip(pages, QUESTIONS.items(), strict=True):
            messages = page.get_by_test_id("stChatMessage")
            answer = messages.filter(has_text="TTFT")
            expect(answer).to_have_count(1, timeout=ANSWER_S * 1000)
            waits.append(round(time.monotonic() - sent, 1))
            expect(messages).to_have_count(2)  # this session's question and answer only
            expect(messages.first).to_contain_text(question)
            answer.get_by_text("Sources (").click()
            expect(answer.get_by_test_id("stExpander")).to_contain_text(source)
            expect(page.get_by_test_id("stException")).to_have_count(0)
            for other in QUESTIONS:
                if other != question:
                    expect(page.get_by_text(other)).to_have_count(0)
        ARTIFACTS.mkdir(exist_ok=True)
        figures = {"sessions": len(pages), "seconds_to_each_answer_seen": waits}
        figures["seconds_to_last_answer"] = max(waits)
        (ARTIFACTS / "e2e-eight-sessions.json").write_text(json.dumps(figures, indent=2))
        print(figures)
    finally:
        for context in contexts:
            context.close()
