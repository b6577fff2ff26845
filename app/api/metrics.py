"""Prometheus metrics (`GET /metrics`), one registry per app so several apps can share a process.

Routes are labelled by their template (/v1/documents/{doc_id}), never the raw path: ids in
paths would make a new time series per document.
"""

from __future__ import annotations

import time

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    CollectorRegistry,
    Counter,
    Gauge,
    Histogram,
    generate_latest,
)
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from rag.schema import Answer

_SECONDS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 16, 32, 64, 128)
_RATE = (1, 2, 5, 10, 15, 20, 30, 50, 100, 200)


class Metrics:
    def __init__(self) -> None:
        r = self.registry = CollectorRegistry()
        self.requests = Counter(
            "ragchat_http_requests", "HTTP requests", ["route", "method", "status"], registry=r
        )
        self.latency = Histogram(
            "ragchat_http_request_seconds",
            "Request latency",
            ["route"],
            buckets=_SECONDS,
            registry=r,
        )
        self.ttft = Histogram(
            "ragchat_ttft_seconds", "Time to first token", ["mode"], buckets=_SECONDS, registry=r
        )
        self.tokens_per_s = Histogram(
            "ragchat_tokens_per_second", "Decode speed", ["mode"], buckets=_RATE, registry=r
        )
        self.completion_tokens = Counter(
            "ragchat_completion_tokens", "Tokens generated", ["mode"], registry=r
        )
        self.retrieval = Histogram(
            "ragchat_retrieval_seconds", "Retrieval latency", buckets=_SECONDS, registry=r
        )
        self.top_similarity = Histogram(
            "ragchat_top_hit_similarity",
            "Cosine similarity of the best hit",
            buckets=(0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0),
            registry=r,
        )
        self.refusals = Counter("ragchat_refusals", "Not-found replies", ["mode"], registry=r)
        self.stopped = Counter(
            "ragchat_answers_stopped", "Answers stopped by a client disconnect", registry=r
        )
        self.cache_hits = Counter(
            "ragchat_cache_hits", "Answers served from the cache", ["mode", "match"], registry=r
        )
        self.cache_misses = Counter(
            "ragchat_cache_misses", "Cache lookups that missed", ["mode"], registry=r
        )
        self.queue_depth = Gauge(
            "ragchat_queue_depth", "Chat requests answering or waiting", registry=r
        )
        self.ingest_files = Counter(
            "ragchat_ingest_files", "Files indexed by API jobs", ["outcome"], registry=r
        )
        self.ingest_chunks = Counter(
            "ragchat_ingest_chunks", "Chunks added by API jobs", registry=r
        )
        self.auth_failures = Counter(
            "ragchat_auth_failures", "Requests with a missing or wrong API key", registry=r
        )

    def observe_answer(self, answer: Answer, stopped: bool = False) -> None:
        t = answer.timings
        if answer.cached:
            return  # a cached answer generated nothing: no TTFT, no decode speed
        if stopped:  # its client left: what it generated counts, its timings don't
            self.stopped.inc()
            self.completion_tokens.labels(answer.mode).inc(t.tokens)
            return
        if t.ttft_s is not None:
            self.ttft.labels(answer.mode).observe(t.ttft_s)
        if t.tokens_per_s:
            self.tokens_per_s.labels(answer.mode).observe(t.tokens_per_s)
        self.completion_tokens.labels(answer.mode).inc(t.tokens)
        if answer.query:
            self.retrieval.observe(t.retrieve_s)
        if answer.hits and answer.hits[0].similarity is not None:
            self.top_similarity.observe(answer.hits[0].similarity)
        if answer.refused:
            self.refusals.labels(answer.mode).inc()

    def render(self) -> tuple[bytes, str]:
        return generate_latest(self.registry), CONTENT_TYPE_LATEST


class MetricsMiddleware:
    """Counts every response by route template and status; latency until the last byte."""

    def __init__(self, app: ASGIApp, metrics: Metrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def record(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, record)
        finally:
            route = getattr(scope.get("route"), "path", None) or "unmatched"
            self.metrics.requests.labels(route, scope["method"], str(status)).inc()
            self.metrics.latency.labels(route).observe(time.perf_counter() - started)
