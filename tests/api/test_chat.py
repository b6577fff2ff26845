"""Chat completions through the official openai client, streamed and not, with sources."""

from __future__ import annotations

import json

import httpx
import pytest
from openai import OpenAI

SHIPPING = "How much does standard shipping cost?"


@pytest.fixture(scope="module")
def client(server) -> OpenAI:
    return OpenAI(base_url=server.v1, api_key="unused", max_retries=0, timeout=120)


def test_models_are_the_answering_modes(client, server):
    models = client.models.list()
    ids = [m.id for m in models.data]
    assert ids == ["rag", "finetuned", "finetuned+rag"]  # the adapter is loaded
    card = models.data[0]
    assert card.owned_by == "ragchat"
    assert card.model_extra["base_model"] == server.holder.get().llm.report["model"]


def test_non_streamed_answer_has_sources_and_usage(client):
    response = client.chat.completions.create(
        model="rag", messages=[{"role": "user", "content": SHIPPING}], max_tokens=12
    )
    choice = response.choices[0]
    assert choice.message.role == "assistant" and choice.message.content
    assert choice.finish_reason in ("stop", "length")
    assert 0 < response.usage.completion_tokens <= 12
    assert response.usage.total_tokens == (
        response.usage.prompt_tokens + response.usage.completion_tokens
    )
    extra = response.model_extra
    assert extra["refused"] is False
    sources = extra["sources"]
    assert sources and set(sources[0]) == {"source", "page", "score", "similarity", "text"}
    assert all("shipping" in s["text"].lower() for s in sources)


def test_streamed_answer_ends_with_sources_then_done(client, server):
    stream = client.chat.completions.create(
        model="rag",
        messages=[{"role": "user", "content": SHIPPING}],
        max_tokens=12,
        stream=True,
        extra_body={"cache": False},  # generated, not replayed from the cache
    )
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    last = chunks[-1]
    assert text.strip() and last.choices[0].finish_reason in ("stop", "length")
    assert last.usage.completion_tokens > 0
    extra = last.model_extra
    assert extra["refused"] is False and extra["timings"]["ttft_s"] > 0
    assert extra["sources"] and all("shipping" in s["text"].lower() for s in extra["sources"])
    # The raw wire: SSE `data:` events ending in [DONE].
    body = {"model": "rag", "messages": [{"role": "user", "content": SHIPPING}]}
    with httpx.stream(
        "POST", f"{server.v1}/chat/completions", json={**body, "stream": True, "max_tokens": 4}
    ) as raw:
        assert raw.headers["content-type"].startswith("text/event-stream")
        events = [line for line in raw.iter_lines() if line]
    assert all(e.startswith("data: ") for e in events) and events[-1] == "data: [DONE]"
    assert json.loads(events[0][6:])["object"] == "chat.completion.chunk"


def test_follow_up_is_condensed_from_the_messages(client):
    response = client.chat.completions.create(
        model="rag",
        messages=[
            {"role": "system", "content": "You are a helpful assistant."},
            {"role": "user", "content": "How long is the warranty on TrailView GPS units?"},
            {"role": "assistant", "content": "TrailView GPS units have a 24-month warranty."},
            {"role": "user", "content": "And what voids it?"},
        ],
        max_tokens=8,
    )
    query = response.model_extra["query"]
    assert "TrailView" in query and "voids" in query


def test_off_topic_question_is_refused_without_sources(client):
    response = client.chat.completions.create(
        model="rag", messages=[{"role": "user", "content": "Who painted the Mona Lisa?"}]
    )
    assert response.model_extra["refused"] is True and response.model_extra["sources"] == []


def test_stop_sequence_cuts_the_answer(client):
    response = client.chat.completions.create(
        model="finetuned",
        messages=[{"role": "user", "content": "Write the numbers from 1 to 20, one per line."}],
        max_tokens=40,
        stop=["5"],
    )
    assert "5" not in response.choices[0].message.content
