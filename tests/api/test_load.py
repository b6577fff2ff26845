"""One model answers at a time: a bounded queue (429 + Retry-After) in front of it, every
client still gets its own answer, and a client that leaves stops its generation."""

from __future__ import annotations

import threading
import time

import httpx
from openai import OpenAI
from prometheus_client.parser import text_string_to_metric_families

QUESTIONS = [
    "How much does standard shipping cost?",
    "How do I reset my password?",
    "How long is the warranty on TrailView GPS units?",
    "Can I return an opened item?",
    "How do I earn loyalty points?",
    "How do I contact customer support?",
    "Which payment methods do you accept?",
    "How long does express shipping take?",
]


def samples(url: str, name: str) -> list:
    text = httpx.get(f"{url}/metrics").text
    return [s for f in text_string_to_metric_families(text) if f.name == name for s in f.samples]


def total(url: str, name: str, **labels) -> float:
    return sum(
        s.value
        for s in samples(url, name)
        if s.name.endswith("_total") and labels.items() <= s.labels.items()
    )


def test_full_queue_is_429_and_every_client_gets_its_own_answer(server):
    rejected = total(server.url, "ragchat_http_requests", status="429")
    # The openai client retries a 429 after its Retry-After, as any OpenAI client does.
    client = OpenAI(base_url=server.v1, api_key="unused", max_retries=20, timeout=300)
    barrier = threading.Barrier(len(QUESTIONS))
    results: dict[str, object] = {}

    def ask(question: str) -> None:
        barrier.wait()
        try:
            results[question] = client.chat.completions.create(
                model="rag",
                messages=[{"role": "user", "content": question}],
                max_tokens=12,
                extra_body={"cache": False},
            )
        except Exception as err:  # noqa: BLE001 - reported by the assertion below
            results[question] = err

    threads = [threading.Thread(target=ask, args=(q,)) for q in QUESTIONS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(600)
    assert total(server.url, "ragchat_http_requests", status="429") > rejected
    for question in QUESTIONS:
        response = results[question]
        assert not isinstance(response, Exception), f"{question}: {response!r}"
        assert response.model_extra["query"] == question
        # Greedy decoding: the same question asked alone gets the same answer, so no answer
        # was mixed up with another client's.
        alone = client.chat.completions.create(
            model="rag",
            messages=[{"role": "user", "content": question}],
            max_tokens=12,
            extra_body={"cache": False},
        )
        assert response.choices[0].message.content == alone.choices[0].message.content
        assert response.model_extra["sources"] == alone.model_extra["sources"]


def test_queue_full_has_retry_after(server):
    body = {
        "model": "rag",
        "messages": [{"role": "user", "content": "How do I reset my password?"}],
        "max_tokens": 12,
        "cache": False,
    }
    with httpx.Client(timeout=300) as http:

        def send() -> httpx.Response:
            return http.post(f"{server.v1}/chat/completions", json=body)

        responses: list[httpx.Response] = []
        threads = [threading.Thread(target=lambda: responses.append(send())) for _ in range(8)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(600)
    limited = [r for r in responses if r.status_code == 429]
    assert limited and all(int(r.headers["Retry-After"]) >= 1 for r in limited)
    assert limited[0].json()["error"]["code"] == "queue_full"
    assert len(responses) - len(limited) >= 1 + server.settings.api.max_queue - 1


def test_disconnect_stops_generation(server):
    generated = total(server.url, "ragchat_completion_tokens", mode="finetuned")
    stopped = total(server.url, "ragchat_answers_stopped")
    body = {
        "model": "finetuned",
        "messages": [{"role": "user", "content": "Tell me a very long story about a dragon."}],
        "max_tokens": 400,
        "stream": True,
        "cache": False,
    }
    received = 0
    with httpx.stream("POST", f"{server.v1}/chat/completions", json=body, timeout=120) as raw:
        for line in raw.iter_lines():
            if line.startswith("data: ") and '"content"' in line:
                received += 1
            if received == 6:
                break  # leaving the block closes the connection mid-answer
    deadline = time.monotonic() + 30
    while total(server.url, "ragchat_answers_stopped") == stopped:
        assert time.monotonic() < deadline, "the answer was not stopped"
        time.sleep(0.1)
    tokens = total(server.url, "ragchat_completion_tokens", mode="finetuned") - generated
    assert tokens <= received + 8, f"{tokens} tokens generated after {received} were read"
