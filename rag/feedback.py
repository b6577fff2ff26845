"""Thumbs up/down on answers, kept in a local SQLite file next to the index.

One row per answer (keyed by the answer's id): changing the vote replaces it, withdrawing it
deletes it. Each write opens its own connection, so any number of sessions may vote at once.
"""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from rag.settings import Settings

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY, created_at TEXT NOT NULL, score INTEGER NOT NULL,
    question TEXT NOT NULL, answer TEXT NOT NULL, mode TEXT NOT NULL, sources TEXT NOT NULL,
    user TEXT);
"""


def feedback_path(settings: Settings) -> Path:
    """`<store.path>/../feedback.sqlite` (.ragchat/feedback.sqlite by default)."""
    return settings.resolve(settings.store.path).parent / "feedback.sqlite"


@dataclass
class FeedbackRecord:
    answer_id: str
    created_at: str
    score: int  # 1 = thumbs up, 0 = thumbs down
    question: str
    answer: str
    mode: str
    sources: list[dict[str, Any]]
    user: str | None = None  # who gave it, when the page has sign-in (ui.auth)


class FeedbackStore:
    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.executescript(SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(feedback)")}
            if "user" not in columns:  # a file written before sign-in existed
                db.execute("ALTER TABLE feedback ADD COLUMN user TEXT")

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(
        self,
        answer_id: str,
        score: int | None,
        question: str,
        answer: str,
        mode: str,
        sources: list[dict[str, Any]],
        user: str | None = None,
    ) -> None:
        """Store a vote (score 1 or 0) by `user`; None withdraws it."""
        db = self._connect()
        try:
            with db:
                if score is None:
                    db.execute("DELETE FROM feedback WHERE answer_id=?", (answer_id,))
                    return
                cited = [
                    {"source": s["source"], "page": s.get("page"), "score": s.get("score")}
                    for s in sources
                ]
                db.execute(
                    "INSERT OR REPLACE INTO feedback (answer_id, created_at, score, question,"
                    " answer, mode, sources, user) VALUES (?,?,?,?,?,?,?,?)",
                    (
                        answer_id,
                        time.strftime("%Y-%m-%d %H:%M:%S"),
                        int(score),
                        question,
                        answer,
                        mode,
                        json.dumps(cited),
                        user,
                    ),
                )
        finally:
            db.close()

    def all(self) -> list[FeedbackRecord]:
        db = self._connect()
        try:
            rows = db.execute(
                "SELECT answer_id, created_at, score, question, answer, mode, sources, user"
                " FROM feedback ORDER BY created_at"
            ).fetchall()
        finally:
            db.close()
        return [FeedbackRecord(*row[:6], json.loads(row[6]), row[7]) for row in rows]
