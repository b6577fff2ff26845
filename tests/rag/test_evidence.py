"""The evidence sentence: how the model's reply is read and how much of it its passages hold."""

from __future__ import annotations

from prompts import load_prompts
from rag.evidence import clean_quote, evidence_messages, is_none, quote_messages, quote_overlap

PASSAGES = [
    "Standard shipping costs $5.99 and is free on orders of $75 or more.",
    "The TrailView TV-4 has a 2.6-inch screen and 20 hours of battery life.",
]


def test_a_copied_sentence_is_found_and_an_invented_one_is_not():
    copied = "The TrailView TV-4 has a 2.6-inch screen and 20 hours of battery life. [2]"
    invented = "The TrailView TV-4 has a battery capacity of 3,000 mAh."
    assert quote_overlap(copied, PASSAGES) == 1.0
    assert quote_overlap(invented, PASSAGES) < 0.7
    assert quote_overlap("", PASSAGES) == 0.0


def test_the_reply_is_read_as_its_first_line_without_markers_or_quotes():
    assert clean_quote('"Standard shipping costs $5.99." [1]\nSo it costs $5.99.') == (
        "Standard shipping costs $5.99."
    )
    assert is_none("None.") and is_none("none of the passages") and is_none("")
    assert not is_none("Nonetheless, shipping is free over $75.")


def test_the_quote_request_keeps_the_answer_prompt_as_its_prefix():
    prompts = load_prompts()
    messages = [
        {"role": "system", "content": "sys"},
        {"role": "user", "content": "Context: …\n\nQuestion: q"},
    ]
    asked = quote_messages(prompts, messages)
    assert asked[0] == messages[0]
    assert asked[1]["content"].startswith(messages[1]["content"])
    assert "word for word" in asked[1]["content"]
    check = evidence_messages(prompts, "How much is shipping?", '"Shipping is $5.99." [1]')
    assert "Shipping is $5.99." in check[0]["content"] and "[1]" not in check[0]["content"]
