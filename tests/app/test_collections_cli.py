"""Collections from the command line: ingest --collection, search/ask --collection, index
collections, and the limits `ragchat user` and `ragchat api-key` write."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT

DOCS = ROOT / "data" / "docs"


def ragchat(*args: str, env: dict, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "HF_HUB_OFFLINE": "1", **env},
        cwd=ROOT,
        input=stdin,
    )


@pytest.fixture(scope="module")
def env(tmp_path_factory) -> dict:
    root = tmp_path_factory.mktemp("cli-collections")
    env = {
        "RAGCHAT_STORE__PATH": str(root / "index"),
        "RAGCHAT_UI__USERS_FILE": str(root / "users.json"),
        "RAGCHAT_API__KEYS_FILE": str(root / "keys.json"),
    }
    for name, path in (("faq", DOCS / "faq.md"), ("policies", DOCS / "policies")):
        out = ragchat("ingest", str(path), "--collection", name, "--json", env=env)
        assert out.returncode == 0, out.stderr
    return env


def test_index_collections_lists_each_with_its_chunks(env):
    out = ragchat("index", "collections", "--json", env=env)
    found = json.loads(out.stdout)
    assert set(found) == {"faq", "policies"} and all(n > 0 for n in found.values())


def test_search_with_collection_keeps_to_it(env):
    query = "how do I return an item"
    for name, expected in (("faq", {"faq.md"}), ("policies", None)):
        out = ragchat(
            "search", query, "--collection", name, "--k", "8", "--min-score", "-1",
            "--min-relevance", "-1", "--json",
            env=env,
        )  # fmt: skip
        sources = {h["source"] for h in json.loads(out.stdout)}
        assert sources
        assert sources == expected if expected else "faq.md" not in sources
    plain = ragchat(
        "search", query, "--k", "20", "--min-score", "-1", "--min-relevance", "-1", "--json",
        env=env,
    )  # fmt: skip
    assert "faq.md" in {h["source"] for h in json.loads(plain.stdout)}
    bad = ragchat("search", query, "--collection", "no/such", env=env)
    assert bad.returncode != 0 and "--collection" in bad.stderr


def test_ask_with_collection_reads_only_it(env):
    out = ragchat(
        "ask", "What is the privacy policy?", "--collection", "faq", "--json",
        "--max-new-tokens", "8", env=env,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    answer = json.loads(out.stdout)
    assert {h["source"] for h in answer["hits"]} <= {"faq.md"}
    assert all(h["collection"] == "faq" for h in answer["hits"])


def test_user_and_api_key_limits(env):
    added = ragchat(
        "user", "add", "ann", "--password-stdin", "--collection", "faq", env=env,
        stdin="long enough password\n",
    )  # fmt: skip
    assert added.returncode == 0, added.stderr
    ragchat("user", "add", "bob", "--password-stdin", env=env, stdin="another password\n")
    listing = ragchat("user", "list", env=env).stdout.splitlines()
    assert listing == ["ann\tcollections: faq", "bob"]
    assert ragchat("user", "limit", "ann", "--all", env=env).returncode == 0
    assert ragchat("user", "list", env=env).stdout.split() == ["ann", "bob"]
    created = ragchat("api-key", "create", "bot", "--collection", "policies", env=env)
    assert created.returncode == 0 and created.stdout.startswith("rgc-")
    assert "collections: policies" in ragchat("api-key", "list", env=env).stdout
    bad = ragchat("api-key", "create", "bot2", "--collection", "a b", env=env)
    assert bad.returncode == 2 and "collection" in bad.stderr
