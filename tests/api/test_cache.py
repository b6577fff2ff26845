"""The answer cache through the API (hit, near miss, invalidation by re-ingest) and its
rules on the real engine's embedder (modes, options, size)."""

from __future__ import annotations

import time

import pydantic
import pytest
from openai import OpenAI
from test_load import total

from rag.answer_cache import AnswerCache
from rag.engine import AnswerOptions
from rag.schema import Answer, Hit
from rag.settings import CacheSettings, Settings

STANDARD = "How much does standard shipping cost?"


@pytest.fixture(scope="module")
def client(server) -> OpenAI:
    return OpenAI(base_url=server.v1, api_key="unused", max_retries=0, timeout=120)


def ask(client, question: str, stream: bool = False, **kwargs):
    messages = [{"role": "user", "content": question}]
    if not stream:
        return client.chat.completions.create(model="rag", messages=messages, **kwargs)
    chunks = list(
        client.chat.completions.create(model="rag", messages=messages, stream=True, **kwargs)
    )
    return chunks


def test_repeat_is_a_cache_hit_with_the_same_sources(client, server):
    hits = total(server.url, "ragchat_cache_hits", match="exact")
    first = ask(client, STANDARD, max_tokens=10)
    second = ask(client, STANDARD, max_tokens=10)
    assert first.model_extra["cached"] is False and second.model_extra["cached"] is True
    assert second.choices[0].message.content == first.choices[0].message.content
    assert second.model_extra["sources"] == first.model_extra["sources"]
    assert total(server.url, "ragchat_cache_hits", match="exact") == hits + 1
    streamed = ask(client, STANDARD, stream=True, max_tokens=10)
    assert streamed[-1].model_extra["cached"] is True
    text = "".join(c.choices[0].delta.content or "" for c in streamed)
    assert text == first.choices[0].message.content
    other_options = ask(client, STANDARD, max_tokens=9)
    assert other_options.model_extra["cached"] is False  # other options: another key


def test_a_near_miss_does_not_hit(client):
    ask(client, STANDARD, max_tokens=10)
    near = ask(client, "How much does overnight shipping cost?", max_tokens=10)
    assert near.model_extra["cached"] is False


def test_an_ingest_invalidates_the_cache(client, http):
    ask(client, STANDARD, max_tokens=11)
    assert ask(client, STANDARD, max_tokens=11).model_extra["cached"] is True
    docs = http.get("/v1/documents").json()["data"]
    doc = next(d for d in docs if d["source"] == "faq.md")
    job = http.post(f"/v1/documents/{doc['id']}/reindex").json()
    while job["state"] in ("queued", "running"):
        time.sleep(0.2)
        job = http.get(f"/v1/jobs/{job['id']}").json()
    assert job["state"] == "done"
    assert ask(client, STANDARD, max_tokens=11).model_extra["cached"] is False


def test_cache_false_is_never_served_from_the_cache(client):
    ask(client, STANDARD, max_tokens=10)
    fresh = ask(client, STANDARD, max_tokens=10, extra_body={"cache": False})
    assert fresh.model_extra["cached"] is False


# -- the cache's own rules, on the session engine and a private cache file ------------------
def answer(text: str) -> Answer:
    hit = Hit(id=1, text="Standard shipping costs $5.99.", source="s.html", page=None, score=1.0)
    return Answer(text=text, mode="rag", sources=[hit], hits=[hit], query=STANDARD)


def cache(server, tmp_path, **settings) -> AnswerCache:
    return AnswerCache(server.holder.get(), CacheSettings(**settings), tmp_path / "c.sqlite")


def test_semantic_match_needs_min_similarity(server, tmp_path):
    options = AnswerOptions(max_new_tokens=8)
    strict = cache(server, tmp_path, min_similarity=0.999)
    stored = strict.lookup(STANDARD, [], "rag", options)
    assert stored.answer is None and strict.store(stored, answer("$5.99"), "$5.99")
    # Another case only: the same embedding (the model is uncased), another exact key.
    assert strict.lookup(STANDARD.lower(), [], "rag", options).match == "semantic"
    assert strict.lookup("What does standard delivery cost?", [], "rag", options).answer is None
    loose = cache(server, tmp_path, min_similarity=0.5)
    found = loose.lookup("What does standard delivery cost?", [], "rag", options)
    assert found.match == "semantic" and found.answer.cached and found.answer.text == "$5.99"
    assert found.answer.sources[0].source == "s.html"


def test_exact_mode_never_matches_another_wording(server, tmp_path):
    exact = cache(server, tmp_path, mode="exact")
    options = AnswerOptions()
    exact.store(exact.lookup(STANDARD, [], "rag", options), answer("$5.99"), "$5.99")
    assert exact.lookup(STANDARD, [], "rag", options).match == "exact"
    assert exact.lookup(STANDARD.lower(), [], "rag", options).answer is None
    assert exact.lookup(STANDARD, [], "finetuned+rag", options).answer is None  # another mode


def test_none_mode_sampling_and_stopped_answers_are_not_cached(server, tmp_path):
    assert (
        cache(server, tmp_path, mode="none").lookup(STANDARD, [], "rag", AnswerOptions()).key
        is None
    )
    on = cache(server, tmp_path)
    assert on.lookup(STANDARD, [], "rag", AnswerOptions(temperature=0.7)).key is None
    lookup = on.lookup(STANDARD, [], "rag", AnswerOptions())
    assert not on.store(lookup, answer("$5"), "$5", stopped=True)
    assert on.count() == 0


def test_max_entries_keeps_the_newest(server, tmp_path):
    small = cache(server, tmp_path, max_entries=2)
    for n in range(3):
        small.store(
            small.lookup(f"Question number {n}?", [], "rag", AnswerOptions()),
            answer(str(n)),
            str(n),
        )
    assert small.count() == 2
    assert small.lookup("Question number 0?", [], "rag", AnswerOptions()).match != "exact"


def test_an_unknown_mode_names_the_setting(server, tmp_path):
    with pytest.raises(pydantic.ValidationError, match="cache.mode"):
        Settings(cache={"mode": "fuzzy"})
    unchecked = CacheSettings.model_construct(mode="fuzzy", min_similarity=0.9, max_entries=9)
    with pytest.raises(ValueError, match="cache.mode = 'fuzzy'"):
        AnswerCache(server.holder.get(), unchecked, tmp_path / "x.sqlite")


def test_other_model_codes_never_match(server, tmp_path):
    loose = cache(server, tmp_path, min_similarity=0.5)
    options = AnswerOptions()
    sf120 = "How much does the SolarFold SF-120 cost?"
    loose.store(loose.lookup(sf120, [], "rag", options), answer("$299"), "$299")
    assert (
        loose.lookup("How much does the SolarFold SF-200 cost?", [], "rag", options).answer is None
    )
    assert loose.lookup("What is the price of the SolarFold SF-120?", [], "rag", options).answer


def test_a_changed_answerability_check_is_not_served_old_answers(server, tmp_path, monkeypatch):
    exact = cache(server, tmp_path, mode="exact")
    options = AnswerOptions()
    exact.store(exact.lookup(STANDARD, [], "rag", options), answer("$5.99"), "$5.99")
    assert exact.lookup(STANDARD, [], "rag", options).match == "exact"
    check = server.holder.get().settings.answerability
    monkeypatch.setattr(check, "min_support", check.min_support + 0.1)
    assert exact.lookup(STANDARD, [], "rag", options).answer is None


def test_changed_retrieval_settings_are_not_served_old_answers(server, tmp_path, monkeypatch):
    exact = cache(server, tmp_path, mode="exact")
    options = AnswerOptions()
    exact.store(exact.lookup(STANDARD, [], "rag", options), answer("$5.99"), "$5.99")
    retrieval = server.holder.get().settings.retrieval
    monkeypatch.setattr(retrieval, "heading_candidates", retrieval.heading_candidates + 2)
    assert exact.lookup(STANDARD, [], "rag", options).answer is None
    monkeypatch.undo()
    assert exact.lookup(STANDARD, [], "rag", options).match == "exact"
