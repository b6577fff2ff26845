"""Bad requests get OpenAI's error body with the right status, each naming the field."""

from __future__ import annotations

import pytest

Q = [{"role": "user", "content": "How do I reset my password?"}]


def error_of(response, status: int) -> dict:
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) == {"error"}
    assert set(body["error"]) == {"message", "type", "param", "code"}
    return body["error"]


def post(http, **body):
    return http.post("/v1/chat/completions", json=body)


def test_malformed_json(http):
    response = http.post(
        "/v1/chat/completions",
        content=b'{"model": "rag", "messages": [',
        headers={"content-type": "application/json"},
    )
    err = error_of(response, 400)
    assert "not valid JSON" in err["message"]


def test_missing_messages(http):
    err = error_of(post(http, model="rag"), 400)
    assert err["param"] == "messages" and "messages" in err["message"]


def test_empty_conversation(http):
    err = error_of(post(http, model="rag", messages=[]), 400)
    assert err["param"] == "messages"


def test_last_message_not_from_the_user(http):
    messages = [*Q, {"role": "assistant", "content": "Use the link."}]
    err = error_of(post(http, model="rag", messages=messages), 400)
    assert err["param"] == "messages[1].role" and "assistant" in err["message"]


def test_unknown_model_lists_the_modes(http):
    err = error_of(post(http, model="gpt-4o", messages=Q), 404)
    assert err["param"] == "model" and err["code"] == "model_not_found"
    assert "gpt-4o" in err["message"] and "rag, finetuned, finetuned+rag" in err["message"]


@pytest.mark.parametrize("field,value", [("max_tokens", 0), ("max_completion_tokens", 100000)])
def test_max_tokens_out_of_range(http, field, value):
    err = error_of(post(http, model="rag", messages=Q, **{field: value}), 400)
    assert err["param"] == field and str(value) in err["message"]


def test_bad_types_name_the_field(http):
    err = error_of(post(http, model="rag", messages=Q, temperature="hot"), 400)
    assert err["param"] == "temperature"
    err = error_of(post(http, model="rag", messages=[{"role": "wizard", "content": "hi"}]), 400)
    assert err["param"] == "messages[0].role"


def test_unknown_route_is_an_openai_error(http):
    err = error_of(http.get("/v1/nothing"), 404)
    assert "/v1/nothing" in err["message"]


def test_server_still_answers_after_bad_input(http):
    assert http.get("/health").json() == {"status": "ok"}
    response = post(http, model="rag", messages=Q, max_tokens=2)
    assert response.status_code == 200
