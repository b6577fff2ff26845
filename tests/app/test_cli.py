"""The `ragchat` command line, run as users run it (a subprocess), on the docs index."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from conftest import ROOT


def ragchat(*args: str, index=None, timeout: int = 300) -> subprocess.CompletedProcess:
    env = dict(os.environ, HF_HUB_OFFLINE="1")
    if index is not None:
        env["RAGCHAT_STORE__PATH"] = str(index)
    return subprocess.run(
        [sys.executable, "-m", "app.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=env,
        cwd=ROOT,
    )


@pytest.fixture(scope="module")
def index(docs_index):
    settings, _ = docs_index
    return settings.store.path


def test_ask_json_contract(index):
    out = ragchat(
        "ask",
        "How much does standard shipping cost?",
        "--json",
        "--no-adapter",
        "--max-new-tokens",
        "16",
        index=index,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    answer = json.loads(out.stdout)
    assert {"answer", "mode", "sources", "timings"} <= answer.keys()
    assert answer["mode"] == "rag" and answer["answer"]
    assert "help/shipping-options.html" in [h["source"] for h in answer["hits"]]
    assert {"ttft_s", "tokens_per_s", "retrieve_s"} <= answer["timings"].keys()


def test_compare_json_prints_one_object_per_mode(index):
    out = ragchat(
        "compare",
        "How do I reset my password?",
        "--json",
        "--no-adapter",
        "--modes",
        "rag",
        "--max-new-tokens",
        "8",
        index=index,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    lines = [json.loads(line) for line in out.stdout.splitlines() if line.strip()]
    assert [obj["mode"] for obj in lines] == ["rag"]


def test_missing_index_is_a_clear_message(tmp_path):
    out = ragchat("ask", "hello", index=tmp_path / "nothing")
    assert out.returncode == 2 and "no index at" in out.stderr and "ragchat ingest" in out.stderr


def test_ingest_json_summary_and_exit_codes(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.md").write_text("# Gift cards\n\nGift cards never expire.\n")
    (docs / "empty.txt").write_bytes(b"")
    out = ragchat("ingest", str(docs), "--index", str(tmp_path / "idx"), "--json")
    assert out.returncode == 0, out.stderr[-2000:]
    summary = json.loads(out.stdout)
    keys = {
        "files_seen",
        "files_indexed",
        "files_unchanged",
        "files_removed",
        "skipped",
        "chunks_added",
        "chunks_removed",
        "chunks_total",
        "seconds",
    }
    assert keys <= summary.keys()
    assert summary["files_indexed"] == 1
    assert summary["skipped"] == [
        {"path": str(docs / "empty.txt"), "reason": "empty file (0 bytes)"}
    ]
    (docs / "a.md").unlink()
    out = subprocess.run(
        [sys.executable, "-m", "ingest", str(docs), "--index", str(tmp_path / "idx2"), "--json"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=dict(os.environ, HF_HUB_OFFLINE="1"),
        timeout=300,
    )
    assert out.returncode == 1 and "nothing could be ingested" in out.stderr
