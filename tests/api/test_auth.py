"""A second server on its own engine (base model, no adapter): /ready before the engine is
loaded, API keys, the per-key rate limit; and the CLI's key and bind rules."""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading

import httpx
import pytest
from conftest import ROOT, Uvicorn, api_settings
from prometheus_client.parser import text_string_to_metric_families
from support import free_port

from app.api.keys import KeyStore
from app.api.server import create_app, engine_holder
from app.api.state import EngineHolder
from rag.llm import NO_ADAPTER

RATE = 20


@pytest.fixture(scope="module")
def gated(tmp_path_factory, server):
    """The engine's load waits for `release`, so the test sees the server before it's ready."""
    root = tmp_path_factory.mktemp("gated")
    (root / "index").symlink_to(server.root / "index")
    settings = api_settings(root, rate_per_minute=RATE)
    release = threading.Event()
    real = engine_holder(settings, adapter=NO_ADAPTER)._build

    def build():
        release.wait(120)
        return real()

    holder = EngineHolder(build)
    port = free_port()
    with Uvicorn(create_app(settings, holder), port):
        yield f"http://127.0.0.1:{port}", holder, release, KeyStore(settings.api.keys_file)


def counter(url: str, name: str, headers=None) -> float:
    text = httpx.get(f"{url}/metrics", headers=headers).text
    for family in text_string_to_metric_families(text):
        if family.name == name:
            return sum(s.value for s in family.samples if s.name.endswith("_total"))
    return 0.0


def test_health_answers_while_the_engine_loads(gated):
    url, holder, release, _ = gated
    assert httpx.get(f"{url}/health").json() == {"status": "ok"}
    ready = httpx.get(f"{url}/ready")
    assert ready.status_code == 503 and "loading" in ready.json()["reason"]
    models = httpx.get(f"{url}/v1/models")
    assert models.status_code == 503 and models.json()["error"]["code"] == "not_ready"
    release.set()
    assert holder.wait(300), holder.reason
    assert httpx.get(f"{url}/ready").json()["status"] == "ready"


def test_without_an_adapter_only_rag_is_served(gated):
    url = gated[0]
    assert [m["id"] for m in httpx.get(f"{url}/v1/models").json()["data"]] == ["rag"]
    body = {"model": "finetuned", "messages": [{"role": "user", "content": "Hi"}]}
    err = httpx.post(f"{url}/v1/chat/completions", json=body).json()["error"]
    assert err["code"] == "adapter_not_loaded" and err["param"] == "model"


def test_keys_are_required_once_one_exists(gated, caplog):
    url, _, _, keys = gated
    key = keys.create("help-desk")
    ok = {"Authorization": f"Bearer {key}"}
    try:
        assert httpx.get(f"{url}/health").status_code == 200  # never needs a key
        failures = counter(url, "ragchat_auth_failures", ok)
        wrong = "rgc-not-the-key-0123456789"
        with caplog.at_level(logging.WARNING):
            missing = httpx.get(f"{url}/v1/models")
            bad = httpx.get(f"{url}/v1/models", headers={"Authorization": f"Bearer {wrong}"})
        assert missing.status_code == bad.status_code == 401
        assert bad.json()["error"]["code"] == "invalid_api_key"
        assert wrong not in caplog.text and "sha256" in caplog.text
        assert counter(url, "ragchat_auth_failures", ok) == failures + 2
        assert httpx.get(f"{url}/metrics").status_code == 401
        assert httpx.get(f"{url}/v1/models", headers=ok).status_code == 200
        assert key not in keys.path.read_text()  # only its hash is stored
    finally:
        keys.path.unlink()
    assert httpx.get(f"{url}/v1/models").status_code == 200  # no keys: no auth


def test_rate_limit_per_key(gated):
    url, _, _, keys = gated
    first, second = keys.create("first"), keys.create("second")
    try:
        statuses = [
            httpx.get(f"{url}/ready", headers={"Authorization": f"Bearer {first}"}).status_code
            for _ in range(RATE + 1)
        ]
        assert statuses[:RATE] == [200] * RATE and statuses[RATE] == 429
        limited = httpx.get(f"{url}/ready", headers={"Authorization": f"Bearer {first}"})
        assert int(limited.headers["Retry-After"]) >= 1
        assert limited.json()["error"]["code"] == "rate_limited"
        other = httpx.get(f"{url}/ready", headers={"Authorization": f"Bearer {second}"})
        assert other.status_code == 200  # the limit counts per key
    finally:
        keys.path.unlink()


def ragchat(*args: str, keys_file) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1", RAGCHAT_API__KEYS_FILE=str(keys_file))
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env=env,
        cwd=ROOT,
    )


def test_cli_creates_a_key_and_refuses_a_public_bind_without_one(tmp_path):
    keys_file = tmp_path / "keys.json"
    refused = ragchat("serve", "--host", "0.0.0.0", "--port", "1", keys_file=keys_file)
    assert refused.returncode == 2 and "--insecure" in refused.stderr
    created = ragchat("api-key", "create", "widget", keys_file=keys_file)
    assert created.returncode == 0, created.stderr
    key = created.stdout.strip()
    assert key.startswith("rgc-") and "only time" in created.stderr
    assert KeyStore(keys_file).check(key) == "widget" and key not in keys_file.read_text()
    again = ragchat("api-key", "create", "widget", keys_file=keys_file)
    assert again.returncode == 2 and "exists already" in again.stderr
