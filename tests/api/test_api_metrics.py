"""GET /metrics in Prometheus text format, parsed with prometheus-client's own parser."""

from __future__ import annotations

import httpx
from prometheus_client.parser import text_string_to_metric_families

FAMILIES = {
    "ragchat_http_requests": "counter",
    "ragchat_http_request_seconds": "histogram",
    "ragchat_ttft_seconds": "histogram",
    "ragchat_tokens_per_second": "histogram",
    "ragchat_completion_tokens": "counter",
    "ragchat_retrieval_seconds": "histogram",
    "ragchat_top_hit_similarity": "histogram",
    "ragchat_refusals": "counter",
    "ragchat_answers_stopped": "counter",
    "ragchat_cache_hits": "counter",
    "ragchat_cache_misses": "counter",
    "ragchat_queue_depth": "gauge",
    "ragchat_ingest_files": "counter",
    "ragchat_ingest_chunks": "counter",
    "ragchat_auth_failures": "counter",
}


def families(url: str) -> dict:
    response = httpx.get(f"{url}/metrics")
    assert response.headers["content-type"].startswith("text/plain")
    return {f.name: f for f in text_string_to_metric_families(response.text)}


def test_every_documented_metric_is_exposed_with_its_type(server, http):
    body = {
        "model": "rag",
        "messages": [{"role": "user", "content": "Which carriers do you use?"}],
        "max_tokens": 6,
        "cache": False,
    }
    assert http.post("/v1/chat/completions", json=body).status_code == 200
    http.get("/v1/documents/0000000000000000/reindex")  # 405: a templated route, counted
    found = families(server.url)
    assert {name: found[name].type for name in FAMILIES if name in found} == FAMILIES
    ttft = {
        s.labels.get("mode"): s.value
        for s in found["ragchat_ttft_seconds"].samples
        if s.name.endswith("_count")
    }
    assert ttft["rag"] >= 1
    requests = [s for s in found["ragchat_http_requests"].samples if s.name.endswith("_total")]
    routes = {s.labels["route"] for s in requests}
    assert "/v1/chat/completions" in routes and "/v1/documents/{doc_id}/reindex" in routes
    assert not any("0000000000000000" in r for r in routes)  # ids never become labels
    ok = [
        s
        for s in requests
        if s.labels["route"] == "/v1/chat/completions" and s.labels["status"] == "200"
    ]
    assert ok and ok[0].value >= 1
    similarity = [
        s for s in found["ragchat_top_hit_similarity"].samples if s.name.endswith("_count")
    ]
    assert similarity[0].value >= 1
    assert found["ragchat_queue_depth"].samples[0].value == 0
