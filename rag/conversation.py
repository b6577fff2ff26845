"""A conversation as plain, JSON-ready turns, and its export to Markdown and JSON.

Turns are dicts so a UI can keep them in its session state and write them out unchanged:
- user: {"id", "role": "user", "content"}
- assistant: {"id", "role": "assistant", "content", "mode", "question", "query", "sources",
  "hits", "timings", "refused", "error", "stopped"}; sources/hits are Hit dicts (with text).
"""

from __future__ import annotations

import json
import time
import uuid
from typing import Any

from rag.modes import mode_label
from rag.schema import Answer

Turn = dict[str, Any]


def new_id() -> str:
    return uuid.uuid4().hex


def user_turn(question: str) -> Turn:
    return {"id": new_id(), "role": "user", "content": question}


def assistant_turn(question: str, answer: Answer, stopped: bool = False) -> Turn:
    """The finished (or stopped) answer as a turn; sources keep the cited passages' text."""
    data = answer.to_dict()
    return {
        "id": new_id(),
        "role": "assistant",
        "content": answer.text.strip(),
        "mode": answer.mode,
        "question": question,
        "query": data["query"],
        "sources": [hit.to_dict() for hit in answer.sources],
        "hits": data["hits"],
        "timings": data["timings"],
        "refused": answer.refused,
        "error": answer.error,
        "stopped": stopped,
        "cached": answer.cached,
    }


def engine_history(turns: list[Turn]) -> list[dict[str, str]]:
    """The {role, content} messages the engine takes; failed answers are left out."""
    history = []
    for turn in turns:
        if turn["role"] == "assistant" and (turn.get("error") or not turn["content"]):
            if history and history[-1]["role"] == "user":
                history.pop()  # the question of a failed answer goes too
            continue
        history.append({"role": turn["role"], "content": turn["content"]})
    return history


def hit_label(hit: dict[str, Any]) -> str:
    """'returns/policy.md' or 'manual.pdf (page 3)', as Hit.label() names it."""
    return f"{hit['source']} (page {hit['page']})" if hit.get("page") else hit["source"]


def timing_text(timings: dict[str, Any]) -> str:
    """'TTFT 0.42 s · 18.3 tokens/s · 40 tokens' (parts that were measured)."""
    parts = []
    if timings.get("ttft_s") is not None:
        parts.append(f"TTFT {timings['ttft_s']:.2f} s")
    if timings.get("tokens_per_s"):
        parts.append(f"{timings['tokens_per_s']:.1f} tokens/s")
    if timings.get("tokens"):
        parts.append(f"{timings['tokens']} tokens")
    return " · ".join(parts)


def to_markdown(turns: list[Turn], title: str = "Conversation") -> str:
    lines = [f"# {title}", "", f"_Exported {time.strftime('%Y-%m-%d %H:%M')}_", ""]
    for turn in turns:
        if turn["role"] == "user":
            lines += ["## You", "", turn["content"], ""]
            continue
        mode = mode_label(turn.get("mode", ""))
        lines += [f"## Assistant ({mode})", "", turn["content"] or "_(no answer)_", ""]
        if turn.get("stopped"):
            lines += ["_(stopped)_", ""]
        if turn.get("error"):
            lines += [f"_Error: {turn['error']}_", ""]
        if turn.get("sources"):
            lines += ["Sources:", ""]
            lines += [f"- {hit_label(h)} (score {h['score']:.3f})" for h in turn["sources"]]
            lines.append("")
        timing = timing_text(turn.get("timings", {}))
        if timing:
            lines += [f"_{timing}_", ""]
    return "\n".join(lines).rstrip() + "\n"


def to_json(turns: list[Turn]) -> str:
    payload = {"exported_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "turns": turns}
    return json.dumps(payload, indent=2, ensure_ascii=False)
