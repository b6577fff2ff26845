"""Conversation turns and their export, the feedback store, adapter listing, text escaping."""

from __future__ import annotations

import json
import re
import threading
from pathlib import Path

from app.ui.render import safe_markdown
from rag.adapters import list_adapters
from rag.conversation import (
    assistant_turn,
    engine_history,
    to_json,
    to_markdown,
    user_turn,
)
from rag.feedback import FeedbackStore, feedback_path
from rag.schema import Answer, Hit, Timings
from rag.settings import Settings

HIT = Hit(1, "Standard shipping costs $5.99.", "help/shipping.html", None, 0.5, 0.8)
PDF_HIT = Hit(2, "Page text", "manual.pdf", 3, 0.25, 0.6)


def answer(text: str = "It costs $5.99 [1].", **kw) -> Answer:
    timings = Timings(ttft_s=0.5, tokens=7, tokens_per_s=12.0)
    return Answer(text, "rag", sources=[HIT], hits=[HIT, PDF_HIT], timings=timings, **kw)


def conversation() -> list[dict]:
    return [user_turn("How much is shipping?"), assistant_turn("How much is shipping?", answer())]


def test_turns_keep_cited_passages_and_timings():
    turn = conversation()[1]
    assert turn["sources"][0]["text"] == HIT.text and turn["sources"][0]["source"] == HIT.source
    assert [h["source"] for h in turn["hits"]] == [HIT.source, PDF_HIT.source]
    assert turn["timings"]["ttft_s"] == 0.5 and turn["mode"] == "rag" and not turn["stopped"]
    json.dumps(turn)  # session state and exports need plain data


def test_engine_history_drops_failed_answers():
    turns = conversation()
    turns += [user_turn("Broken?"), assistant_turn("Broken?", answer("", error="boom"))]
    turns += [user_turn("Next?")]
    assert engine_history(turns) == [
        {"role": "user", "content": "How much is shipping?"},
        {"role": "assistant", "content": "It costs $5.99 [1]."},
        {"role": "user", "content": "Next?"},
    ]


def test_markdown_export():
    text = to_markdown(conversation())
    assert text.startswith("# Conversation")
    assert "## You\n\nHow much is shipping?" in text
    assert "## Assistant (context-injected)\n\nIt costs $5.99 [1]." in text
    assert "- help/shipping.html (score 0.500)" in text
    assert "TTFT 0.50 s · 12.0 tokens/s · 7 tokens" in text


def test_json_export_round_trips():
    data = json.loads(to_json(conversation()))
    assert [t["role"] for t in data["turns"]] == ["user", "assistant"]
    assert data["turns"][1]["sources"][0]["page"] is None
    assert data["turns"][1]["hits"][1]["page"] == 3


def test_feedback_store_upserts_and_withdraws(tmp_path: Path):
    store = FeedbackStore(tmp_path / "fb" / "feedback.sqlite")
    turn = conversation()[1]
    store.record(turn["id"], 1, turn["question"], turn["content"], "rag", turn["sources"])
    store.record(turn["id"], 0, turn["question"], turn["content"], "rag", turn["sources"])
    [row] = store.all()
    assert (row.score, row.question, row.mode) == (0, "How much is shipping?", "rag")
    assert row.sources == [{"source": "help/shipping.html", "page": None, "score": 0.5}]
    store.record(turn["id"], None, turn["question"], turn["content"], "rag", [])
    assert store.all() == []


def test_feedback_from_many_threads(tmp_path: Path):
    store = FeedbackStore(tmp_path / "feedback.sqlite")

    def vote(n: int) -> None:
        FeedbackStore(store.path).record(f"a{n}", n % 2, f"q{n}", "a", "rag", [])

    threads = [threading.Thread(target=vote, args=(n,)) for n in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(store.all()) == 16


def test_feedback_path_is_next_to_the_index(tmp_path: Path):
    settings = Settings(store={"path": tmp_path / "index"})
    assert feedback_path(settings) == tmp_path / "feedback.sqlite"


def test_adapters_are_listed_from_the_configured_folder(tmp_path: Path):
    for name in ["alpha", "beta"]:
        (tmp_path / name).mkdir()
        (tmp_path / name / "adapter_config.json").write_text("{}")
    (tmp_path / "not-an-adapter").mkdir()
    settings = Settings(llm={"adapter": tmp_path / "beta"})
    adapters = list_adapters(settings)
    assert adapters["alpha"] == tmp_path / "alpha" and adapters["beta"] == tmp_path / "beta"
    assert "not-an-adapter" not in adapters


def test_safe_markdown_neutralises_html_links_and_maths():
    text = "<script>alert(1)</script> <b>x</b> ![i](http://x/t.png) [l](http://x) $5 and $6 \\"
    escaped = safe_markdown(text)
    assert escaped.startswith(r"\<script\>alert(1)\</script\> \<b\>x\</b\> !\[i\](http")
    assert r"\$5 and \$6 \\" in escaped
    # Every active character is escaped, and nothing else changes.
    assert re.sub(r"\\(.)", r"\1", escaped) == text
