"""The README's HTTP API examples (curl, openai, LangChain), run as written against the server."""

from __future__ import annotations

import contextlib
import io
import json
import re
import subprocess

from conftest import ROOT

README_URL = "http://127.0.0.1:8000"


def examples(language: str) -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("\n## HTTP API\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(rf"```{language}\n(.*?)```", section, flags=re.S)
    return [b for b in blocks if README_URL in b]


def test_curl_example(server):
    (block,) = examples("bash")
    out = subprocess.run(
        ["bash", "-c", block.replace(README_URL, server.url)],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    body = json.loads(out.stdout)
    assert body["choices"][0]["message"]["content"] and "sources" in body


def test_python_examples(server):
    blocks = examples("python")
    assert len(blocks) == 2  # the openai client, LangChain
    for block in blocks:
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            exec(compile(block.replace(README_URL, server.url), "README.md", "exec"), {})
        assert printed.getvalue().strip()
